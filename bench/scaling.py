"""Parse time per model as the body grows: 23, 1,000, 10,000 and 100,000 models.

Per size, three contenders in interleaved rounds (bench.timing): ours (`Models.from_dict(json.loads(
body))`, the garbage collector on, as for a user), the same with the collector off (timeit's default:
a diagnosis, not a figure a user sees) and json.loads alone (the floor, collector on). The per-model
figure is the median sample divided by the model count; flat means the largest per-model time of ours
is within 1.5 times the smallest.
"""

from __future__ import annotations

import functools
import json
import timeit

from bench import bodies, parse
from bench.timing import Comparison, Contender, Plan, calls, compare

SIZES = (23, 1_000, 10_000, 100_000)
FLAT = 1.5


def contenders(size: int) -> list[Contender]:
    body = bodies.snapshot(size)
    ours = functools.partial(parse.ours, body)
    return [
        Contender("ours", calls(ours)),
        Contender("ours, gc off", timeit.Timer(ours).timeit),  # timeit turns the collector off
        Contender("floor", calls(functools.partial(json.loads, body))),
    ]


def run(plan: Plan) -> dict[int, Comparison]:
    results = {}
    for size in SIZES:
        parse.check(size)
        results[size] = compare(contenders(size), plan)
    return results
