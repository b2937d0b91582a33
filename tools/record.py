"""Record the contract scenarios (tools/scenarios.py) into cassettes in tests/recordings/.

Both ways run the same scenarios with the generated client through the same recording proxy:

- ``make record PIECES_OS_URL=http://localhost:1000`` (``--upstream URL``): in front of a live Pieces
  OS; the cassettes are rewritten and marked as captured live, with the date. Scenarios that a live
  Pieces OS cannot produce keep their synthesized cassette.
- ``python -m tools.record --synthesize``: in front of a stand-in Pieces OS serving the answers that
  the scenarios spell out; rebuilds the shipped, synthesized cassettes (byte for byte when nothing
  changed).

Nothing is written unless every scenario ran.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from pieces_models_client import Client, errors
from tools import RECORDINGS, provenance
from tools.cassettes import Cassette, save
from tools.proxy import RecordingProxy
from tools.scenario_runner import ScenarioError, run
from tools.scenarios import SCENARIOS, Call, Scenario, by_name
from tools.standin import StandIn

LIVE_WARNING = (
    "Recording from a live Pieces OS CHANGES IT: it registers models (among them one named "
    '"pieces-models-client contract test (safe to delete)") and deletes them again, deletes the '
    "downloaded files of the models it registered, and unloads every local model from memory. The "
    "recordings then hold your model registry as Pieces OS lists it: review them before committing."
)


class RecordError(RuntimeError):
    """Recording failed; nothing was written."""


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # synthesized-only scenarios left as they were
    notes: list[str] = field(default_factory=list)  # live answers that differ from the synthesized ones


def _capture(
    scenario: Scenario,
    client: Client,
    proxy: RecordingProxy,
    origin: dict[str, Any],
    before_call: Callable[[Call], None] | None = None,
) -> Cassette:
    """Run ``scenario`` through ``proxy`` and make its cassette; RecordError if it could not run."""
    try:
        run(scenario, client, before_call)
    except (ScenarioError, errors.TransportError) as exc:
        raise RecordError(f"{scenario.name}: {exc}. Nothing was recorded.") from exc
    if proxy.failures:
        raise RecordError("; ".join(failure.error for failure in proxy.failures) + ". Nothing was recorded.")
    exchanges = proxy.take()
    if len(exchanges) != len(scenario.calls):
        raise RecordError(
            f"{scenario.name}: made {len(scenario.calls)} call(s) but the proxy recorded {len(exchanges)}"
        )
    kept = [exchange for exchange, call in zip(exchanges, scenario.calls, strict=True) if call.recorded]
    return Cassette(scenario.name, kept, origin)


def _status_notes(scenario: Scenario, cassette: Cassette) -> list[str]:
    notes = []
    for call, interaction in zip(scenario.recorded_calls, cassette.interactions, strict=True):
        if interaction.status != call.answer.status:
            notes.append(
                f"{interaction.label}: Pieces OS answered {interaction.status}, the synthesized "
                f"recording has {call.answer.status}"
            )
    return notes


def synthesize(out_dir: Path = RECORDINGS, scenarios: Sequence[Scenario] = SCENARIOS) -> Report:
    """Rebuild the synthesized cassettes of ``scenarios`` in ``out_dir``."""
    cassettes = []
    with StandIn() as standin, RecordingProxy(standin.url) as proxy, Client(base_url=proxy.url) as client:
        for scenario in scenarios:
            origin = provenance.synthesized(scenario)
            cassettes.append(_capture(scenario, client, proxy, origin, before_call=standin.expect))
    return Report(written=[save(cassette, out_dir) for cassette in cassettes])


def _check_reachable(upstream: str) -> None:
    try:
        httpx.get(upstream.rstrip("/") + "/models", timeout=httpx.Timeout(30.0, connect=5.0))
    except httpx.HTTPError as exc:
        raise RecordError(
            f"cannot reach Pieces OS at {upstream} ({type(exc).__name__}: {exc}); is it running? "
            "Nothing was recorded."
        ) from exc


def record_live(
    upstream: str,
    out_dir: Path = RECORDINGS,
    scenarios: Sequence[Scenario] = SCENARIOS,
    now: datetime.datetime | None = None,
) -> Report:
    """Re-record ``scenarios`` from the live Pieces OS at ``upstream`` into ``out_dir``."""
    _check_reachable(upstream)
    when = now or datetime.datetime.now(datetime.timezone.utc)
    report = Report()
    cassettes = []
    with RecordingProxy(upstream) as proxy, Client(base_url=proxy.url) as client:
        for scenario in scenarios:
            if not scenario.live:
                report.kept.append(f"{scenario.name} (synthesized only: {scenario.synthesized_only_because})")
                continue
            cassette = _capture(scenario, client, proxy, provenance.live(scenario, upstream, when))
            report.notes.extend(_status_notes(scenario, cassette))
            cassettes.append(cassette)
    report.written = [save(cassette, out_dir) for cassette in cassettes]
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.record",
        description=(
            "Record the contract scenarios (tools/scenarios.py) into VCR.py cassettes, either from a "
            "live Pieces OS (--upstream) or synthesized from the scenarios' own answers (--synthesize). "
            + LIVE_WARNING
        ),
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--upstream", metavar="URL", help="a live Pieces OS, such as http://localhost:1000")
    source.add_argument(
        "--synthesize", action="store_true", help="rebuild the synthesized recordings (no Pieces OS needed)"
    )
    parser.add_argument("--out", type=Path, default=RECORDINGS, help=f"output folder (default {RECORDINGS})")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="record only these scenarios")
    args = parser.parse_args(argv)
    try:
        scenarios = [by_name(name) for name in args.only] if args.only else list(SCENARIOS)
    except KeyError as exc:
        parser.error(str(exc.args[0]))
    try:
        if args.synthesize:
            report = synthesize(args.out, scenarios)
        else:
            print(f"WARNING: {LIVE_WARNING}", file=sys.stderr, flush=True)
            report = record_live(args.upstream, args.out, scenarios)
    except RecordError as exc:
        print(f"record: {exc}", file=sys.stderr)
        return 1
    for path in report.written:
        print(f"wrote {path}")
    for kept in report.kept:
        print(f"kept  {kept}")
    for note in report.notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
