"""The targets of the performance issue: ratios from one run of `make bench` and their limits."""

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


TARGETS = (
    Target("import: ours / official SDK", "import", "snapshot call", "ours", "sdk", 0.30),
    Target("import: ours / dependencies' floor", "import", "snapshot call", "ours", "floor", 1.15),
    Target("parse 1,000 models: ours / official SDK", "parse", "1000", "ours", "sdk", 0.80),
    Target("GET /models: ours sync / official SDK", "roundtrip", "GET /models", "ours sync", "sdk", 1.0),
    Target("GET /models: ours async / official SDK", "roundtrip", "GET /models", "ours async", "sdk", 1.0),
)


def evaluate(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with its ratio, the ratio's 95% confidence interval, whether it is met, and whether
    that is clear (the limit lies outside the interval) rather than within the noise of this run."""
    evaluated = []
    for target in TARGETS:
        comparison = Comparison.from_json(results[target.section]["comparisons"][target.case])
        ratio = comparison.ratio(target.contender, target.other)
        low, high = comparison.ratio_interval(target.contender, target.other)
        evaluated.append(
            {
                "label": target.label,
                "ratio": ratio,
                "interval": [low, high],
                "limit": target.limit,
                "met": ratio <= target.limit,
                "clear": not low <= target.limit <= high,
            }
        )
    return evaluated
