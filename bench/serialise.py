"""Serialisation (to_dict) of a parsed GET /models body: ours vs the official SDK."""

from __future__ import annotations

from bench import bodies, parse
from bench.timing import Comparison, Contender, Plan, calls, compare


def contenders(size: int) -> list[Contender]:
    """Fail unless both clients write every model back; then the two contenders."""
    body = bodies.snapshot(size)
    ours, sdk = parse.ours(body), parse.sdk(body)
    for name, written in (("ours", ours.to_dict()), ("sdk", sdk.to_dict())):
        if len(written["iterable"]) != size or written["iterable"][-1]["id"] != bodies.model_id(size - 1):
            raise RuntimeError(f"{name} wrote {len(written['iterable'])} models of {size}")
    return [Contender("ours", calls(ours.to_dict)), Contender("sdk", calls(sdk.to_dict))]


def run(plan: Plan) -> dict[int, Comparison]:
    return {size: compare(contenders(size), plan) for size in bodies.SIZES}
