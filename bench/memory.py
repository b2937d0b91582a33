"""Memory kept by a parsed GET /models body: ours (typed models) vs json.loads' dicts (the floor).

tracemalloc counts the bytes still allocated after the parse, once the collector has run: for ours,
`Models.from_dict(json.loads(body))` (the decoded dicts are garbage by then, as for a user), for the
floor `json.loads(body)`. The figure is deterministic up to the allocator's bookkeeping; each is taken
a few times, alternately, and the ratio's range is reported.
"""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Callable
from typing import Any

from bench import bodies, parse

SIZES = (10_000,)


def retained(build: Callable[[], object]) -> int:
    """Bytes allocated by build() and still held by its result."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = build()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return after - before


def run(repeats: int) -> dict[str, Any]:
    cases = {}
    for size in SIZES:
        body = bodies.snapshot(size)
        ours, floor = [], []
        for _ in range(repeats):
            ours.append(retained(lambda body=body: parse.ours(body)))
            floor.append(retained(lambda body=body: json.loads(body)))
        cases[str(size)] = {
            "ours_bytes": ours,
            "floor_bytes": floor,
            "ratios": [mine / theirs for mine, theirs in zip(ours, floor, strict=True)],
        }
    return {"cases": cases}
