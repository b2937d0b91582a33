"""`make bench` (`python -m bench [--quick]`): this client side by side with the official SDK.

One run measures, in this order, and prints a markdown table of medians and ratios (bench/results.md,
raw numbers in bench/results.json; a --quick smoke run writes to bench/.work/ instead):

1. import of what a snapshot call needs (ours: `Client` and `models_snapshot`) vs the official SDK's
   `ModelsApi` vs `import httpx, attrs, dateutil.parser` (the floor), each in a fresh interpreter that
   times the import statement itself, so interpreter start-up is excluded (bench/imports.py says why);
2. parse of a GET /models body of 23, 1,000 and 10,000 models (bench/bodies.py): ours
   `Models.from_dict(json.loads(body))` vs the SDK's `Models.from_dict(json.loads(body))` vs
   `json.loads(body)` (the floor);
3. `to_dict` of the same parsed bodies, both clients;
   then the scaling of parse (bench/scaling.py: time per model at 23, 1,000, 10,000 and 100,000
   models, the collector on and off, with json.loads alone) and the memory a parsed 10,000-model
   snapshot keeps against json.loads' dicts (bench/memory.py, tracemalloc);
4. whole GET /models and POST /models/create requests over loopback keep-alive against one server
   process (bench/server.py): ours sync and async vs the SDK vs raw httpx + json.loads, sync and
   async (the floors) (bench/roundtrip.py);
5. the wall time of the generator command of `make generate`, into a scratch folder.

Method, for 1 to 4 (bench/timing.py): the contenders of a figure are timed in interleaved rounds, one
sample of each per round, the order rotating from round to round, so that drift on a shared machine
hits all alike. In-process samples are timeit runs of enough calls to last at least
`min_sample_seconds`, after a warm-up, with the garbage collector on (as for a user) and a collection
before each sample. Many short samples pair better than a few long ones: up to 60 rounds of samples
of at least 20 ms (30 ms for requests), as many as fit a time budget per figure (6 s; 9 s per
request; 30 s and 11 to 25 rounds for imports), but at least 5 (15 for requests), so that a busy
machine or a slow figure (10,000 models) lengthens the run only a little.
A figure is the median of its samples; a ratio is the median of the per-round ratios. Times are wall
clock: CPU time (time.process_time) was tried and is no steadier on this kind of shared VM, where
contention slows the CPU rather than only descheduling the process.

Before anything is timed, each contender's answer is checked (model count, last id, created id; the
server counts connections to check keep-alive), so a broken contender cannot look fast. Every target
ratio of the issue is shown with its limit and a distribution-free 95% confidence interval; a target
whose limit lies inside the interval is marked "within noise": on a busy machine, rerun it.
bench/chart.py draws the targets and the scaling as bench/results.png, which results.md shows
(matplotlib, installed into .venv by `make bench` only: requirements/bench.txt).

A full run takes about 2.5 to 3 minutes on 2 busy cores; --quick (a smoke run of the same code
paths with few repeats) about a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench import (
    ROOT,
    WORK,
    bodies,
    generate,
    imports,
    machine,
    memory,
    parse,
    report,
    roundtrip,
    scaling,
    serialise,
)
from bench.targets import evaluate
from bench.timing import Plan


@dataclass(frozen=True)
class Settings:
    mode: str
    imports: Plan  # rounds of fresh interpreters
    in_process: Plan  # parse and serialise
    scaling: Plan  # parse per model, up to 100,000 models
    memory_repeats: int
    requests: Plan  # whole requests over loopback
    generate_runs: int
    generate_warmup_runs: int


FULL = Settings(
    "full",
    imports=Plan(rounds=60, budget_seconds=45.0, min_rounds=11),
    in_process=Plan(rounds=60, min_sample_seconds=0.02, budget_seconds=6.0, min_rounds=5),
    scaling=Plan(rounds=30, min_sample_seconds=0.02, budget_seconds=3.0, min_rounds=3),
    memory_repeats=3,
    requests=Plan(rounds=60, min_sample_seconds=0.03, budget_seconds=9.0, min_rounds=15),
    generate_runs=3,
    generate_warmup_runs=1,
)
QUICK = Settings(
    "quick",
    imports=Plan(rounds=3),
    in_process=Plan(rounds=5, min_sample_seconds=0.01, budget_seconds=1.0, min_rounds=3),
    scaling=Plan(rounds=2, min_sample_seconds=0.01, budget_seconds=0.5, min_rounds=1),
    memory_repeats=1,
    requests=Plan(rounds=5, min_sample_seconds=0.02),
    generate_runs=1,
    generate_warmup_runs=0,
)


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _comparisons(by_case: dict[Any, Any]) -> dict[str, Any]:
    return {str(case): comparison.to_json() for case, comparison in by_case.items()}


def measure(settings: Settings) -> dict[str, Any]:
    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine.describe()}
    seconds: dict[str, float] = {}

    def section(name: str, step: str) -> None:
        seconds[name] = time.perf_counter()
        _progress(step)

    section("import", "1/7 import, in fresh interpreters")
    comparison, details = imports.run(settings.imports)
    results["import"] = {
        "comparisons": _comparisons({"snapshot call": comparison}),
        "details": details,
        "hidden": list(imports.HIDDEN),
    }

    section("parse", "2/7 parse")
    results["parse"] = {
        "comparisons": _comparisons(parse.run(settings.in_process)),
        "body_bytes": {str(size): len(bodies.snapshot(size)) for size in bodies.SIZES},
    }

    section("serialise", "3/7 serialise")
    results["serialise"] = {"comparisons": _comparisons(serialise.run(settings.in_process))}

    section("scaling", "4/7 parse per model, 23 to 100,000 models")
    results["scaling"] = {"comparisons": _comparisons(scaling.run(settings.scaling)), "flat": scaling.FLAT}

    section("memory", "5/7 memory kept by a parsed snapshot (tracemalloc)")
    results["memory"] = memory.run(settings.memory_repeats)

    section("roundtrip", "6/7 requests over loopback")
    comparisons, opened = roundtrip.run(settings.requests)
    results["roundtrip"] = {
        "comparisons": _comparisons(comparisons),
        "connections_opened": opened,
        "keep_alive_calls": roundtrip.KEEP_ALIVE_CALLS,
    }

    section("generate", f"7/7 generator ({settings.generate_runs} runs)")
    results["generate"] = generate.run(runs=settings.generate_runs, warmup_runs=settings.generate_warmup_runs)

    ended = time.perf_counter()
    starts = [*seconds.values(), ended]
    results["run"] = {
        **asdict(settings),
        "seconds": ended - started,
        "section_seconds": {name: starts[index + 1] - starts[index] for index, name in enumerate(seconds)},
        "load_average_end": machine.load_average(),
    }
    results["targets"] = evaluate(results)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="few repeats: a smoke run, written to bench/.work/"
    )
    arguments = parser.parse_args()
    settings = QUICK if arguments.quick else FULL
    folder = WORK if arguments.quick else ROOT / "bench"
    folder.mkdir(parents=True, exist_ok=True)

    results = measure(settings)
    try:
        from bench import chart

        chart.draw(results, folder / "results.png")
        results["chart"] = "results.png"
    except ImportError as exc:  # matplotlib: `make bench` installs it (requirements/bench.txt)
        _progress(f"no chart ({exc}): run `make bench`, which installs matplotlib into .venv")
    table = report.render(results)
    (folder / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    (folder / "results.md").write_text(table)
    sys.stdout.write(table)
    written = "results.json and results.png" if "chart" in results else "results.json"
    _progress(f"wrote {Path(folder / 'results.md').relative_to(ROOT)}, {written}")


if __name__ == "__main__":
    main()
