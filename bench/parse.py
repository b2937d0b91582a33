"""Parse of a GET /models body: ours (JSON bytes to typed models, as the generated client does it)
vs the official SDK (json.loads + Models.from_dict) vs json.loads alone (the floor)."""

from __future__ import annotations

import functools
import json

from pieces_os_client.models.models import Models as SdkModels

from bench import bodies
from bench.timing import Comparison, Contender, Plan, calls, compare
from pieces_models_client.models import Models


def ours(body: bytes) -> Models:
    return Models.from_dict(json.loads(body))


def sdk(body: bytes) -> SdkModels:
    parsed = SdkModels.from_dict(json.loads(body))
    if parsed is None:
        raise ValueError("the SDK parsed the body as None")
    return parsed


def check(size: int) -> None:
    """Fail unless both clients parse every model of the body (a broken contender can't look fast)."""
    body = bodies.snapshot(size)
    last_id = bodies.model_id(size - 1)
    for name, parsed in (("ours", ours(body)), ("sdk", sdk(body))):
        if len(parsed.iterable) != size or parsed.iterable[-1].id != last_id:
            raise RuntimeError(f"{name} parsed {len(parsed.iterable)} models of {size}")


def contenders(size: int) -> list[Contender]:
    body = bodies.snapshot(size)
    return [
        Contender("ours", calls(functools.partial(ours, body))),
        Contender("sdk", calls(functools.partial(sdk, body))),
        Contender("floor", calls(functools.partial(json.loads, body))),
    ]


def run(plan: Plan) -> dict[int, Comparison]:
    results = {}
    for size in bodies.SIZES:
        check(size)
        results[size] = compare(contenders(size), plan)
    return results
