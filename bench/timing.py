"""Interleaved timing of contenders that do the same job.

A contender is a name and a function run(number) that does the job `number` times and returns the
seconds that took. compare() first warms every contender up and picks, for each, how many calls make
one sample last at least `min_sample_seconds` (so that clock resolution and per-sample overhead do
not matter). Then it takes rounds of one sample per contender, rotating the order each round, so
that drift on a busy machine (other processes, CPU frequency, caches) hits every contender alike and
none is always first; a figure whose rounds are slow (10,000 models, say) gets fewer rounds, as many
as fit its time budget. The garbage collector runs during the calls, as it does for a user, and a
collection before each sample keeps one contender's garbage from being collected in another's time.
What is alive when the rounds start (modules, bodies, clients: the benchmark's heap, not the
contenders' work) is frozen (gc.freeze), so that neither those collections nor the ones during the
calls spend time walking it: that would add the benchmark's heap size to every figure.

A Comparison keeps every per-call time. Its ratio of two contenders is the median of their per-round
ratios: each round's samples are close in time, so pairing them cancels most of the drift.
"""

from __future__ import annotations

import asyncio
import gc
import math
import statistics
import time
import timeit
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

Run = Callable[[int], float]


@dataclass(frozen=True)
class Contender:
    name: str
    run: Run


def calls(function: Callable[[], object]) -> Run:
    """run(number) for a function, timed by timeit with the garbage collector on."""
    return timeit.Timer(function, setup=gc.enable).timeit


def async_calls(loop: asyncio.AbstractEventLoop, function: Callable[[], Awaitable[object]]) -> Run:
    """run(number) for a coroutine function: `number` awaits in a row inside one long-lived loop."""

    async def batch(number: int) -> None:
        for _ in range(number):
            await function()

    def run(number: int) -> float:
        return timeit.Timer(lambda: loop.run_until_complete(batch(number)), setup=gc.enable).timeit(1)

    return run


@dataclass
class Comparison:
    samples: dict[str, list[float]]
    """Per contender, the seconds per call of each round's sample (index i: round i)."""
    numbers: dict[str, int]
    """Per contender, the calls in one sample."""

    def median(self, name: str) -> float:
        return statistics.median(self.samples[name])

    def ratio(self, name: str, other: str) -> float:
        """The median of the per-round ratios name / other (below 1: `name` is faster)."""
        return statistics.median(self.ratios(name, other))

    def ratios(self, name: str, other: str) -> list[float]:
        """The per-round ratios name / other, sorted."""
        return sorted(
            mine / theirs for mine, theirs in zip(self.samples[name], self.samples[other], strict=True)
        )

    def ratio_interval(self, name: str, other: str) -> tuple[float, float]:
        """A distribution-free 95% confidence interval of ratio(name, other): the order statistics
        n/2 ± 1.96·√n/2 of the per-round ratios (the whole range for fewer than 6 rounds)."""
        ratios = self.ratios(name, other)
        count = len(ratios)
        half_width = 1.96 * math.sqrt(count) / 2
        low = max(0, round(count / 2 - half_width) - 1)
        high = min(count - 1, round(count / 2 + 1 + half_width) - 1)
        return ratios[low], ratios[high]

    def spread(self, name: str) -> float:
        """The interquartile range of the samples, relative to their median."""
        data = self.samples[name]
        if len(data) < 2:
            return 0.0
        first, _, third = statistics.quantiles(data, n=4)
        return (third - first) / self.median(name)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Comparison:
        return cls(
            {name: list(entry["samples_s"]) for name, entry in data.items()},
            {name: int(entry["calls_per_sample"]) for name, entry in data.items()},
        )

    def to_json(self) -> dict[str, Any]:
        return {
            name: {
                "median_s": self.median(name),
                "spread": self.spread(name),
                "calls_per_sample": self.numbers[name],
                "samples_s": samples,
            }
            for name, samples in self.samples.items()
        }


WARMUP_SECONDS = 0.2


def calibrate(contender: Contender, *, min_sample_seconds: float) -> int:
    """Warm the contender up (single calls for WARMUP_SECONDS, at least one and at most three); return
    how many calls make a sample of at least min_sample_seconds."""
    durations = [contender.run(1)]
    while len(durations) < 3 and sum(durations) < WARMUP_SECONDS:
        durations.append(contender.run(1))
    per_call = max(min(durations), 1e-9)
    return max(1, math.ceil(min_sample_seconds / per_call))


@dataclass(frozen=True)
class Plan:
    """How long to time a figure."""

    rounds: int
    """The most rounds."""
    min_sample_seconds: float = 0.0
    """The least a sample lasts: calls are repeated until it does."""
    budget_seconds: float | None = None
    """With a budget, no round starts once the budget is spent (after calibration), unless fewer than
    min_rounds were taken: a slow figure (10,000 models), or a busy machine, gets fewer rounds."""
    min_rounds: int = 5


def compare(contenders: Sequence[Contender], plan: Plan, *, number: int | None = None) -> Comparison:
    """Time the contenders in interleaved rounds; `number` fixes the calls per sample (no calibration)."""
    numbers = {}
    for contender in contenders:
        calibrated = calibrate(contender, min_sample_seconds=plan.min_sample_seconds)
        numbers[contender.name] = number or calibrated
    samples: dict[str, list[float]] = {contender.name: [] for contender in contenders}
    gc.collect()
    gc.freeze()  # what is alive now (modules, bodies, clients) is never collected again: skip it
    try:
        deadline = math.inf if plan.budget_seconds is None else time.perf_counter() + plan.budget_seconds
        for index in range(plan.rounds):
            if index >= plan.min_rounds and time.perf_counter() > deadline:
                break
            shift = index % len(contenders)
            for contender in [*contenders[shift:], *contenders[:shift]]:
                calls_in_sample = numbers[contender.name]
                gc.collect()
                samples[contender.name].append(contender.run(calls_in_sample) / calls_in_sample)
    finally:
        gc.unfreeze()
    return Comparison(samples, numbers)
