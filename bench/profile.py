"""Where our client spends its time: `python -m bench.profile {parse,serialise,get,get-async,import}`.

- parse: cProfile of Models.from_dict(json.loads(body)) on a body of --size models (1,000 by
  default), --repeat times, top --top entries sorted by --sort (tottime: the function's own time;
  cumulative: with its callees).
- serialise: the same for to_dict() of the parsed body.
- get, get-async: whole GET /models calls (23 models) against bench.server over loopback keep-alive,
  --repeat times (200 by default): first the wall time per call of ours and of the bare httpx client
  plus json.loads (no profiler), then the profile of ours.
- import: `python -X importtime` of the snapshot-call imports in a fresh interpreter, with the
  packages of bench.imports.HIDDEN hidden as in the benchmark: the --top modules by their own import
  time, with the total.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import subprocess
import sys
import timeit
from collections.abc import Callable

import httpx

from bench import ROOT, bodies, imports
from bench.roundtrip import running_server
from pieces_models_client import Client
from pieces_models_client.api.models import models_snapshot
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


def profile_get(asynchronous: bool, repeat: int, *, top: int, sort: str) -> None:
    loop = asyncio.new_event_loop()
    try:
        with running_server() as url:
            client = Client(base_url=url)
            if asynchronous:
                bare = httpx.AsyncClient(base_url=url)

                async def bare_get() -> object:
                    return json.loads((await bare.get("/models")).content)

                async def batch(call: Callable[[], object], number: int) -> None:
                    for _ in range(number):
                        await call()  # type: ignore[misc]

                def ours(number: int = 1) -> None:
                    loop.run_until_complete(batch(lambda: models_snapshot.asyncio(client=client), number))

                def floor(number: int = 1) -> None:
                    loop.run_until_complete(batch(bare_get, number))
            else:
                sync_bare = httpx.Client(base_url=url)

                def ours(number: int = 1) -> None:
                    for _ in range(number):
                        models_snapshot.sync(client=client)

                def floor(number: int = 1) -> None:
                    for _ in range(number):
                        json.loads(sync_bare.get("/models").content)

            ours(10), floor(10)
            for name, run in (("ours", ours), ("bare httpx + json.loads", floor)):
                seconds = min(timeit.repeat(lambda run=run: run(repeat // 4), number=1, repeat=5))
                print(f"{name}: {seconds / (repeat // 4) * 1e6:,.0f} µs per call (best of 5, no profiler)")
            profile_calls(lambda: ours(repeat), 1, top=top, sort=sort)
            if asynchronous:
                loop.run_until_complete(bare.aclose())
                loop.run_until_complete(client.get_async_httpx_client().aclose())
            else:
                sync_bare.close()
                client.close()
    finally:
        loop.close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("parse", "serialise", "get", "get-async", "import"))
    parser.add_argument("--size", type=int, default=1_000, help="models in the body (default 1,000)")
    parser.add_argument("--repeat", type=int, help="calls profiled (default 20; 200 for get, get-async)")
    parser.add_argument("--top", type=int, default=20, help="entries shown (default 20)")
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative", "ncalls"))
    arguments = parser.parse_args()

    if arguments.what == "import":
        profile_import(arguments.top)
        return
    if arguments.what in ("get", "get-async"):
        repeat = arguments.repeat or 200
        print(f"{arguments.what}: GET /models (23 models) over loopback keep-alive, {repeat} calls")
        profile_get(arguments.what == "get-async", repeat, top=arguments.top, sort=arguments.sort)
        return
    arguments.repeat = arguments.repeat or 20
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
