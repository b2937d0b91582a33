"""The benchmark's results as markdown tables: medians, ratios, and the targets met or missed.

render() works from the JSON of bench/results.json alone, so `python -m bench.report [results.json]`
prints the tables of an earlier run again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench import ROOT
from bench.targets import evaluate
from bench.timing import Comparison

LABELS = {"ours": "ours", "sdk": "official SDK", "floor": "floor"}
REQUEST_CONTENDERS = ("ours sync", "ours async", "sdk", "raw httpx", "raw httpx async")  # bench.roundtrip
REQUEST_RATIOS = (
    ("ours sync", "sdk"),
    ("ours async", "sdk"),
    ("ours sync", "raw httpx"),
    ("ours async", "raw httpx async"),
)
SHORT = {
    "ours sync": "sync",
    "ours async": "async",
    "sdk": "SDK",
    "raw httpx": "raw",
    "raw httpx async": "raw async",
}


def number(value: float) -> str:
    """At most three significant digits (more left of the point), no exponent."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def table(
    header: list[str], rows: list[list[str]], text_columns: int = 1, last_is_text: bool = False
) -> list[str]:
    """A markdown table: the first `text_columns` columns (and the last if `last_is_text`) are text,
    left-aligned; the others are numbers, right-aligned."""
    align = [":--" if index < text_columns else "--:" for index in range(len(header))]
    if last_is_text:
        align[-1] = ":--"
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    return [*lines, *("| " + " | ".join(row) + " |" for row in rows), ""]


def _comparisons(results: dict[str, Any], section: str) -> dict[str, Comparison]:
    return {case: Comparison.from_json(data) for case, data in results[section]["comparisons"].items()}


def _spread(comparison: Comparison) -> str:
    return percent(max(comparison.spread(name) for name in comparison.samples))


def _rounds(comparison: Comparison) -> str:
    return str(len(next(iter(comparison.samples.values()))))


def _header(results: dict[str, Any]) -> list[str]:
    machine, run = results["machine"], results["run"]
    versions = ", ".join(f"{name} {version}" for name, version in machine["versions"].items())
    start, end = machine["load_average_start"], run["load_average_end"]
    return [
        "# Benchmark: pieces-models-client vs the official SDK",
        "",
        f"- Run: {machine['date']}, commit {machine['commit']}, {run['mode']} run, {run['seconds']:.0f} s",
        f"- Machine: {machine['cpu']}, {machine['cores']} cores, {machine['os']}, {machine['python']}",
        f"- Load average (1 min): {start:.2f} at the start, {end:.2f} at the end",
        f"- Versions: {versions}",
        "- Method: see the docstring of bench/__main__.py. Times are medians of per-call times over "
        "interleaved rounds; a ratio is the median of the per-round ratios (below 1: ours is faster); "
        "*spread* is the largest interquartile range / median among a row's contenders.",
        "",
    ]


def _figure(value: float, unit: str) -> str:
    return f"{value:.2f}{' s' if unit == 's' else ''}"


def _targets(results: dict[str, Any]) -> list[str]:
    rows = []
    for target in evaluate(results):
        low, high = target["interval"]
        unit = target.get("unit", "")
        verdict = "met" if target["met"] else "**missed**"
        if not target["clear"]:
            verdict += " (within noise)"
        rows.append(
            [
                target["label"],
                _figure(target["ratio"], unit),
                f"{_figure(low, unit)} to {_figure(high, unit)}",
                f"≤ {_figure(target['limit'], unit)}",
                verdict,
            ]
        )
    note = (
        "*95% CI*: a distribution-free 95% confidence interval of the median ratio, from the per-round "
        "ratios (for memory and `make generate`, the range of the repeats); *within noise*: the limit "
        "lies inside it, so another run may well decide otherwise."
    )
    chart = results.get("chart")
    picture = (
        [
            f"![The targets: each figure with its interval against its limit; parse time per model from 23 "
            f"to 100,000 models]({chart})",
            "",
        ]
        if chart
        else []
    )
    return [
        "## Targets",
        "",
        *table(["target", "figure", "95% CI", "limit", "result"], rows, last_is_text=True),
        note,
        "",
        *picture,
        *_async_context(results),
    ]


def _async_context(results: dict[str, Any]) -> list[str]:
    """What bounds the async row: httpx's AsyncClient alone against the SDK, and our parse alone on top."""
    comparison = _comparisons(results, "roundtrip")["GET /models"]
    floor = comparison.ratio("raw httpx async", "sdk")
    ours = comparison.ratio("ours async", "sdk")
    lines = [
        f"For scale: a bare `httpx.AsyncClient` GET plus `json.loads` takes {floor:.2f} of the official "
        f"SDK's (synchronous, urllib3) call, and ours async {ours:.2f}; the official SDK has no async API. "
        "What ours async adds to the bare call is our parse into typed models (section 2) and the bounds "
        "of the call (deadline, size cap)."
    ]
    if "raw httpx async + parse" in comparison.samples:  # absent from results of older versions
        parse_only = comparison.ratio("raw httpx async + parse", "raw httpx async")
        low, high = comparison.ratio_interval("raw httpx async + parse", "raw httpx async")
        lines[0] += (
            f" The bare call followed by our `Models.from_dict`, without any of our request code, already "
            f"takes {parse_only:.2f} ({low:.2f} to {high:.2f}) of the bare call: our parse of the 23 models "
            "alone is that much of the async target's budget."
        )
    return [*lines, ""]


def _imports(results: dict[str, Any]) -> list[str]:
    comparison = _comparisons(results, "import")["snapshot call"]
    details = results["import"]["details"]
    rows = [
        [
            LABELS[name],
            "`" + details[name]["statement"].replace("\n", "; ") + "`",
            number(comparison.median(name) * 1e3),
            str(details[name]["modules"]),
            "" if name == "ours" else f"{comparison.ratio('ours', name):.2f}",
            percent(comparison.spread(name)),
        ]
        for name in comparison.samples
    ]
    header = ["contender", "statement", "ms", "modules loaded", "ours / this", "spread"]
    lines = [
        f"## 1. Import, each in a fresh interpreter, start-up excluded ({_rounds(comparison)} rounds)",
        "",
        *table(header, rows, text_columns=2),
    ]
    hidden = results["import"].get("hidden")  # absent from results of older versions
    if hidden:
        lines += [
            f"Hidden in every interpreter, as for a plain `pip install httpx`: {', '.join(hidden)} (httpx "
            "imports them for its optional command line when they are installed, and the .venv has them; "
            "see bench/imports.py).",
            "",
        ]
    return lines


def _parse(results: dict[str, Any]) -> list[str]:
    sizes = results["parse"]["body_bytes"]
    rows = [
        [
            f"{int(case):,}",
            f"{sizes[case] / 1024:,.0f}",
            number(c.median("ours") * 1e3),
            number(c.median("sdk") * 1e3),
            number(c.median("floor") * 1e3),
            f"{c.ratio('ours', 'sdk'):.2f}",
            f"{c.ratio('ours', 'floor'):.2f}",
            _spread(c),
            _rounds(c),
        ]
        for case, c in _comparisons(results, "parse").items()
    ]
    header = ["models", "KiB", "ours ms", "SDK ms", "json.loads ms", "ours / SDK", "ours / json.loads"]
    return [
        "## 2. Parse a GET /models body (JSON bytes to typed models)",
        "",
        *table([*header, "spread", "rounds"], rows),
    ]


def _serialise(results: dict[str, Any]) -> list[str]:
    rows = [
        [
            f"{int(case):,}",
            number(c.median("ours") * 1e3),
            number(c.median("sdk") * 1e3),
            f"{c.ratio('ours', 'sdk'):.2f}",
            _spread(c),
            _rounds(c),
        ]
        for case, c in _comparisons(results, "serialise").items()
    ]
    header = ["models", "ours ms", "SDK ms", "ours / SDK", "spread", "rounds"]
    return ["## 3. Serialise the parsed body (`to_dict`)", "", *table(header, rows)]


def _roundtrip(results: dict[str, Any]) -> list[str]:
    rows = []
    for case, c in _comparisons(results, "roundtrip").items():
        medians = [number(c.median(name) * 1e6) for name in REQUEST_CONTENDERS]
        ratios = [f"{c.ratio(mine, theirs):.2f}" for mine, theirs in REQUEST_RATIOS]
        rows.append([case, *medians, *ratios, _spread(c), _rounds(c)])
    header = [
        "request",
        *(f"{name} µs" for name in ("ours sync", "ours async", "SDK", "raw httpx", "raw httpx async")),
        *(f"{SHORT[mine]} / {SHORT[theirs]}" for mine, theirs in REQUEST_RATIOS),
        "spread",
        "rounds",
    ]
    opened = results["roundtrip"]["connections_opened"]
    counts = "; ".join(
        f"{request}: " + ", ".join(f"{name} {count}" for name, count in by_name.items())
        for request, by_name in opened.items()
    )
    return [
        "## 6. A whole request over loopback keep-alive (GET /models: 23 models)",
        "",
        *table(header, rows),
        f"Keep-alive check, connections opened during {results['roundtrip']['keep_alive_calls']} calls "
        f"after the first (0 expected): {counts}.",
        "",
    ]


def _generate(results: dict[str, Any]) -> list[str]:
    generate = results["generate"]
    samples = generate["samples_s"]
    row = [
        "`openapi-python-client generate ...` (the command of `make generate`, into a scratch folder)",
        f"{generate['median_s']:.2f}",
        f"{min(samples):.2f}",
        f"{max(samples):.2f}",
        str(len(samples)),
    ]
    return ["## 7. `make generate`", "", *table(["command", "median s", "min s", "max s", "runs"], [row])]


def _scaling(results: dict[str, Any]) -> list[str]:
    if "scaling" not in results:  # results of an older version
        return []
    comparisons = _comparisons(results, "scaling")
    per_model = {case: c.median("ours") / int(case) * 1e6 for case, c in comparisons.items()}
    smallest = min(per_model.values())
    rows = [
        [
            f"{int(case):,}",
            f"{per_model[case]:.2f}",
            f"{per_model[case] / smallest:.2f}",
            f"{c.median('ours, gc off') / int(case) * 1e6:.2f}",
            f"{c.median('floor') / int(case) * 1e6:.2f}",
            f"{c.ratio('ours', 'floor'):.2f}",
            f"{c.ratio('ours', 'ours, gc off'):.2f}",
            _spread(c),
            _rounds(c),
        ]
        for case, c in comparisons.items()
    ]
    header = [
        "models",
        "ours µs/model",
        "× the least",
        "ours, gc off µs/model",
        "json.loads µs/model",
        "ours / json.loads",
        "gc on / gc off",
        "spread",
        "rounds",
    ]
    flat = results["scaling"]["flat"]
    largest = max(per_model.values()) / smallest
    without_gc = [c.median("ours, gc off") / int(case) for case, c in comparisons.items()]
    floor = [c.median("floor") / int(case) for case, c in comparisons.items()]
    verdict = "flat" if largest <= flat else "**not flat**"
    return [
        "## 4. Parse time per model as the body grows (JSON bytes to typed models)",
        "",
        *table(header, rows),
        f"Per model, ours varies {largest:.2f}× across sizes: {verdict} (within {flat}× expected). With the "
        f"garbage collector off it varies {max(without_gc) / min(without_gc):.2f}×, and json.loads alone "
        f"{max(floor) / min(floor):.2f}×: the collector's full passes over a heap that grows with the body "
        "(every parsed model and dict is a tracked container) make the difference; README.md, Performance, "
        "says what an application can do about it.",
        "",
    ]


def _memory(results: dict[str, Any]) -> list[str]:
    if "memory" not in results:  # results of an older version
        return []
    rows = []
    for case, data in results["memory"]["cases"].items():
        ratios = sorted(data["ratios"])
        rows.append(
            [
                f"{int(case):,}",
                f"{min(data['ours_bytes']) / 2**20:,.1f}",
                f"{min(data['floor_bytes']) / 2**20:,.1f}",
                f"{ratios[len(ratios) // 2]:.2f}",
                str(len(ratios)),
            ]
        )
    header = ["models", "ours MiB", "json.loads MiB", "ours / json.loads", "repeats"]
    return [
        "## 5. Memory kept by a parsed snapshot (tracemalloc, after a collection)",
        "",
        *table(header, rows),
    ]


def render(results: dict[str, Any]) -> str:
    lines = [
        *_header(results),
        *_targets(results),
        *_imports(results),
        *_parse(results),
        *_serialise(results),
        *_scaling(results),
        *_memory(results),
        *_roundtrip(results),
        *_generate(results),
    ]
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "results.json"
    sys.stdout.write(render(json.loads(path.read_text())))


if __name__ == "__main__":
    main()
