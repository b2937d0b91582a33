"""The targets of the performance issues: figures from one run of `make bench` and their limits.

Most targets are ratios of two contenders timed side by side (bench.timing.Comparison), with the
distribution-free 95% confidence interval of the median ratio. Two are not timings in rounds: the
memory ratio (tracemalloc, deterministic: its interval is the range of its repeats) and the wall time
of `make generate` in seconds (the range of its runs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.timing import Comparison


@dataclass(frozen=True)
class Target:
    label: str
    section: str
    case: str
    contender: str
    other: str
    limit: float
    unit: str = ""
    """"" for a ratio, "s" for seconds."""


TARGETS = (
    Target("import: ours / official SDK", "import", "snapshot call", "ours", "sdk", 0.30),
    Target("import: ours / httpx + attrs + dateutil", "import", "snapshot call", "ours", "floor", 1.10),
    Target("parse 1,000 models: ours / official SDK", "parse", "1000", "ours", "sdk", 0.40),
    Target("parse 1,000 models: ours / json.loads", "parse", "1000", "ours", "floor", 2.5),
    Target("to_dict 1,000 models: ours / official SDK", "serialise", "1000", "ours", "sdk", 0.30),
    Target("GET /models: ours sync / official SDK", "roundtrip", "GET /models", "ours sync", "sdk", 0.80),
    Target(
        "GET /models: ours async / bare httpx.AsyncClient + json.loads",
        "roundtrip",
        "GET /models",
        "ours async",
        "raw httpx async",
        1.15,
    ),
    Target(
        "memory of a parsed 10,000-model snapshot: ours / json.loads dicts",
        "memory",
        "10000",
        "ours",
        "floor",
        1.15,
    ),
    Target("make generate (seconds)", "generate", "", "", "", 1.0, unit="s"),
)


def _figure(target: Target, results: dict[str, Any]) -> tuple[float, float, float]:
    """The target's figure with the low and high ends of its interval."""
    if target.section == "generate":
        samples = results["generate"]["samples_s"]
        return results["generate"]["median_s"], min(samples), max(samples)
    if target.section == "memory":
        ratios = results["memory"]["cases"][target.case]["ratios"]
        return sorted(ratios)[len(ratios) // 2], min(ratios), max(ratios)
    comparison = Comparison.from_json(results[target.section]["comparisons"][target.case])
    low, high = comparison.ratio_interval(target.contender, target.other)
    return comparison.ratio(target.contender, target.other), low, high


def evaluate(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with its figure, the figure's interval, whether it is met, and whether that is clear
    (the limit lies outside the interval) rather than within the noise of this run. A target whose
    section this run lacks (results of an older version) is left out."""
    evaluated = []
    for target in TARGETS:
        if target.section not in results:
            continue
        value, low, high = _figure(target, results)
        evaluated.append(
            {
                "label": target.label,
                "ratio": value,
                "interval": [low, high],
                "limit": target.limit,
                "unit": target.unit,
                "met": value <= target.limit,
                "clear": not low <= target.limit <= high,
            }
        )
    return evaluated
