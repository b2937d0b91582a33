"""Where our client spends its time: `python -m bench.profile {parse,serialise,import}`.

- parse: cProfile of Models.from_dict(json.loads(body)) on a body of --size models (1,000 by
  default), --repeat times, top --top entries sorted by --sort (tottime: the function's own time;
  cumulative: with its callees).
- serialise: the same for to_dict() of the parsed body.
- import: `python -X importtime` of the snapshot-call imports in a fresh interpreter, with the
  packages of bench.imports.HIDDEN hidden as in the benchmark: the --top modules by their own import
  time, with the total.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import subprocess
import sys
from collections.abc import Callable

from bench import ROOT, bodies, imports
from pieces_models_client.models import Models


def profile_calls(function: Callable[[], object], repeat: int, *, top: int, sort: str) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        function()
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats(sort).print_stats(top)


def profile_import(top: int) -> None:
    command = [
        sys.executable,
        "-X",
        "importtime",
        "-c",
        imports.script(imports.STATEMENTS["ours"], timed=False),
    ]
    done = subprocess.run(
        command, cwd=ROOT, env=imports.environment(), capture_output=True, text=True, check=True
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        rows.append((int(own), int(cumulative), name))
    total = sum(own for own, _, _ in rows)
    print(f"{len(rows)} modules imported in {total / 1000:.1f} ms (their own times added up)")
    print(f"{'own ms':>8} {'cumulative ms':>14}  module")
    for own, cumulative, name in sorted(rows, reverse=True)[:top]:
        print(f"{own / 1000:8.2f} {cumulative / 1000:14.2f}  {name.strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("parse", "serialise", "import"))
    parser.add_argument("--size", type=int, default=1_000, help="models in the body (default 1,000)")
    parser.add_argument("--repeat", type=int, default=20, help="calls profiled (default 20)")
    parser.add_argument("--top", type=int, default=20, help="entries shown (default 20)")
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative", "ncalls"))
    arguments = parser.parse_args()

    if arguments.what == "import":
        profile_import(arguments.top)
        return
    body = bodies.snapshot(arguments.size)
    print(f"{arguments.what}: {arguments.size:,} models, {arguments.repeat} calls")
    if arguments.what == "parse":
        profile_calls(
            lambda: Models.from_dict(json.loads(body)),
            arguments.repeat,
            top=arguments.top,
            sort=arguments.sort,
        )
    else:
        parsed = Models.from_dict(json.loads(body))
        profile_calls(parsed.to_dict, arguments.repeat, top=arguments.top, sort=arguments.sort)


if __name__ == "__main__":
    main()
