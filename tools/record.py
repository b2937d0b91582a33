"""Record the contract scenarios (tests/contract/scenarios.yaml) into the cassettes of tests/recordings/.

--upstream URL (make record) records from a live Pieces OS only once yes is typed, or with CONFIRM=yes;
scenarios it cannot play keep their synthesized cassette. --synthesize records from a stand-in serving
the scenarios' answers. Both run tests/contract/test_record_scenarios.py under pytest-recording (this
module is the plugin adding its options) into a temporary folder, copied to --out when all passed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest

from tools import RECORDINGS, ROOT
from tools.scenarios import SCENARIOS

LIVE_WARNING = (
    "Recording from a live Pieces OS CHANGES IT: it registers models (among them one named "
    '"pieces-models-client contract test (safe to delete)") and deletes them again, deletes the '
    "downloaded files of the models it registered, and unloads every local model from memory. The "
    "recordings then hold your model registry as Pieces OS lists it: review them before committing."
)
SCENARIO_TESTS = ROOT / "tests" / "contract" / "test_record_scenarios.py"


def pytest_addoption(parser: Any) -> None:
    parser.addoption("--pieces-os-url", help="the live Pieces OS to record from (default: a stand-in)")
    parser.addoption("--recordings-out", help="the folder the cassettes are written to")


def refusal(url: str) -> str | None:
    """None once confirmed (CONFIRM=yes, or ``yes`` typed at the terminal); else why it refuses."""
    if os.environ.get("CONFIRM", "").strip().lower() == "yes":
        return None
    if not sys.stdin.isatty():
        why = "standard input is not a terminal, and CONFIRM is not yes"
        go = f"make record PIECES_OS_URL={url} CONFIRM=yes"
        return f"refusing to record: nobody confirmed ({why}). To go ahead: {go}."
    with contextlib.suppress(EOFError, KeyboardInterrupt):
        if input(f"Type yes to record from {url}, changing it as said above: ").strip().lower() == "yes":
            return None
    return "not confirmed."


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.record", description=f"{__doc__}\n{LIVE_WARNING}")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--upstream", metavar="URL", help="a live Pieces OS, such as http://localhost:39300")
    source.add_argument("--synthesize", action="store_true", help="the scenarios' answers (no Pieces OS)")
    parser.add_argument("--out", type=Path, default=RECORDINGS, help=f"output folder (default {RECORDINGS})")
    names = [s.name for s in SCENARIOS]
    parser.add_argument("--only", nargs="+", choices=names, default=names, metavar="SCENARIO")
    args = parser.parse_args(argv)
    url, scenarios = args.upstream, [s for s in SCENARIOS if s.name in args.only]
    if url:
        print(f"WARNING: {LIVE_WARNING}", file=sys.stderr, flush=True)
        if why := refusal(url):
            parser.exit(2, f"record: {why} Nothing was sent, nothing was written.\n")
        try:
            httpx.get(url.rstrip("/") + "/models", timeout=httpx.Timeout(30.0, connect=5.0), trust_env=False)
        except httpx.HTTPError as exc:
            unreachable = f"record: cannot reach Pieces OS at {url} ({type(exc).__name__}: {exc})"
            parser.exit(1, f"{unreachable}; is it running? Nothing was recorded.\n")
    with tempfile.TemporaryDirectory() as staging:
        options = ["--record-mode=rewrite", f"--recordings-out={staging}", "-p", "no:xdist", "-q"]
        options += [f"--pieces-os-url={url}"] if url else []
        tests = [f"{SCENARIO_TESTS}::test_scenario[{s.name}]" for s in scenarios]
        if pytest.main([*tests, *options], plugins=[sys.modules[__name__]]) != pytest.ExitCode.OK:
            parser.exit(1, "record: a scenario failed (see above). Nothing was written.\n")
        args.out.mkdir(parents=True, exist_ok=True)
        for path in sorted(Path(staging).glob("*.yaml")):
            print(f"wrote {shutil.copyfile(path, args.out / path.name)}")
    from tools.cassettes import load, path_of  # vcrpy after pytest, which rewrites vcr.matchers' asserts

    for scenario in scenarios if url else ():
        if not scenario.live:
            print(f"kept  {scenario.name} (synthesized only: {scenario.synthesized_only_because})")
            continue
        recorded = load(path_of(scenario.name, args.out)).interactions
        for call, interaction in zip(scenario.recorded_calls, recorded, strict=True):
            if interaction.status != call.answer.status:
                was = f"the synthesized recording has {call.answer.status}"
                print(f"note: {interaction.label}: Pieces OS answered {interaction.status}, {was}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
