"""The chart of bench/results.md: every target's figure with its interval against its limit, and the
parse time per model as the body grows. Drawn with matplotlib (Agg, no display), which only `make
bench` installs (requirements/bench.txt): nothing else in bench/ imports it, so `python -m bench.report`
and the tests do without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.timing import Comparison

MET, NOISE, MISSED = "#2a9d4b", "#e0a100", "#d1362f"


def _colour(target: dict[str, Any]) -> str:
    if not target["clear"]:
        return NOISE
    return MET if target["met"] else MISSED


def draw(results: dict[str, Any], path: Path) -> None:
    """Write the chart to `path` (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, LogLocator

    targets = results["targets"]
    scaling = results.get("scaling")
    rows = len(targets)
    figure, axes = plt.subplots(
        2 if scaling else 1,
        1,
        figsize=(10, 0.45 * rows + (4.6 if scaling else 1.4)),
        gridspec_kw={"height_ratios": [rows * 0.45 + 0.8, 3.4]} if scaling else None,
        squeeze=False,
    )
    ax = axes[0][0]
    for index, target in enumerate(targets):
        y = rows - 1 - index
        value, (low, high), limit = target["ratio"], target["interval"], target["limit"]
        colour = _colour(target)
        ax.errorbar(
            value, y, xerr=[[value - low], [high - value]], fmt="o", color=colour, capsize=4, markersize=6
        )
        ax.plot([limit, limit], [y - 0.32, y + 0.32], color="#333333", linewidth=2)
        unit = " s" if target.get("unit") == "s" else ""
        ax.annotate(
            f"{value:.2f}{unit}  (≤ {limit:.2f}{unit})",
            (max(high, limit), y),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.set_yticks(range(rows), [target["label"] for target in reversed(targets)], fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(0.08, 8)
    ax.xaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:g}"))
    ax.axvline(1.0, color="#bbbbbb", linewidth=0.8, zorder=0)
    ax.set_ylim(-0.7, rows - 0.3)
    ax.grid(axis="x", color="#eeeeee")
    ax.set_title("Targets: figure and 95% interval (dot, whiskers) against the limit (bar)", fontsize=10)
    legend = [
        Line2D([], [], marker="o", linestyle="", color=MET, label="met"),
        Line2D([], [], marker="o", linestyle="", color=NOISE, label="within noise"),
        Line2D([], [], marker="o", linestyle="", color=MISSED, label="missed"),
    ]
    ax.legend(handles=legend, loc="lower right", fontsize=8)

    if scaling:
        ax = axes[1][0]
        sizes, series = [], {"ours": [], "ours, gc off": [], "floor": []}
        for case, data in scaling["comparisons"].items():
            comparison = Comparison.from_json(data)
            sizes.append(int(case))
            for name in series:
                series[name].append(comparison.median(name) / int(case) * 1e6)
        labels = {
            "ours": "ours (json.loads + from_dict), gc on",
            "ours, gc off": "ours, gc off (diagnosis)",
            "floor": "json.loads alone, gc on",
        }
        for name, values in series.items():
            ax.plot(sizes, values, marker="o", label=labels[name])
        ax.set_xscale("log")
        ax.set_xticks(sizes, [f"{size:,}" for size in sizes])
        ax.set_xlabel("models in the body")
        ax.set_ylabel("µs per model")
        ax.set_ylim(bottom=0)
        ax.grid(color="#eeeeee")
        ax.legend(fontsize=8)
        ax.set_title("Parse time per model as the body grows (medians)", fontsize=10)

    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
