"""Record mode end to end: the scenarios run through the recording proxy in front of a server on loopback
(a stateful fake Pieces OS playing the live one, or the stand-in that synthesizes), and the cassettes
written are marked, complete and valid."""

from __future__ import annotations

import datetime
import shutil
import socket
from pathlib import Path

import pytest

from tests.contract import spec_check
from tests.contract.fake_pieces_os import FakePiecesOS
from tests.support.loopback import serve
from tools import RECORDINGS
from tools.cassettes import load, load_all, path_of
from tools.record import RecordError, main, record_live, synthesize
from tools.scenarios import SCENARIOS

WHEN = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.timezone.utc)


@pytest.fixture(scope="module")
def live_run(tmp_path_factory):
    """The shipped recordings, re-recorded from the fake Pieces OS into a copy of the folder."""
    out = tmp_path_factory.mktemp("recordings")
    for path in RECORDINGS.glob("*.yaml"):
        shutil.copy(path, out / path.name)
    fake = FakePiecesOS()
    with serve(fake) as server:
        report = record_live(server.url, out, now=WHEN)
    return out, report, server, fake


def test_synthesizing_reproduces_the_shipped_synthesized_recordings(tmp_path: Path):
    """`python -m tools.record --synthesize` rebuilds every synthesized recording byte for byte, so the
    shipped ones are exactly what the scenarios and the client make today."""
    synthesize(tmp_path)
    compared = 0
    for shipped in load_all():
        if shipped.captured_live:
            continue
        rebuilt = path_of(shipped.name, tmp_path).read_text(encoding="utf-8")
        assert rebuilt == path_of(shipped.name).read_text(encoding="utf-8"), (
            f"tests/recordings/{shipped.name}.yaml is stale: "
            "run `.venv/bin/python -m tools.record --synthesize`"
        )
        compared += 1
    assert compared >= sum(not scenario.live for scenario in SCENARIOS)


def test_live_recording_marks_every_cassette_captured_live_with_the_date(live_run):
    """Each scenario a live Pieces OS can play is rewritten, marked live, dated and sourced."""
    out, report, server, _ = live_run
    live = [scenario for scenario in SCENARIOS if scenario.live]
    assert sorted(path.name for path in report.written) == sorted(f"{s.name}.yaml" for s in live)
    for scenario in live:
        provenance = load(path_of(scenario.name, out)).provenance
        assert provenance["source"] == "live"
        assert provenance["captured_live"] is True
        assert provenance["date"] == "2026-03-04T05:06:07Z"
        assert provenance["pieces_os_url"] == server.url
        assert "CAPTURED LIVE" in path_of(scenario.name, out).read_text(encoding="utf-8").splitlines()[1]


def test_live_recording_keeps_the_synthesized_only_scenarios(live_run):
    """Scenarios a live Pieces OS cannot play keep their synthesized cassette, and the report says so."""
    out, report, _, _ = live_run
    for scenario in SCENARIOS:
        if not scenario.live:
            assert path_of(scenario.name, out).read_bytes() == path_of(scenario.name).read_bytes()
            assert any(line.startswith(f"{scenario.name} (synthesized only: ") for line in report.kept)


def test_live_recording_keeps_requests_as_sent_and_leaves_out_setup_calls(live_run):
    """Paths reach Pieces OS and the cassette percent-encoded exactly as the client sent them; the
    setup and clean-up calls (registering a model to delete) are not in the cassette."""
    out, _, server, _ = live_run
    encoded = load(path_of("model_ids_needing_encoding", out))
    sent_paths = [i.target for i in encoded.interactions]
    assert sent_paths == [i.target for i in load(path_of("model_ids_needing_encoding")).interactions]
    assert set(sent_paths) <= {request.target for request in server.received}
    delete = load(path_of("models_delete_specific_model", out))
    assert [(i.method, i.status) for i in delete.interactions] == [("POST", 204)]
    # The deleted id is the one the fake gave the model that the (unrecorded) setup call registered.
    assert delete.interactions[0].target.startswith("/models/00000000-0000-0000-0000-")


def test_live_answers_that_differ_from_the_synthesized_ones_are_reported(live_run):
    """The fake answers 500 for ids it does not know: the report lists them against the 200/204
    of the synthesized recordings."""
    _, report, _, _ = live_run
    assert any(
        note.startswith(
            "model_ids_needing_encoding #0 (POST /models/hf.co%2Forg%2Frepo%3AQ4_K_M/delete/cache"
        )
        and note.endswith("Pieces OS answered 500, the synthesized recording has 200")
        for note in report.notes
    ), report.notes


def test_live_recordings_validate_against_the_spec(live_run):
    """What the (well-behaved) fake Pieces OS answered is valid for the spec, request and response."""
    out, *_ = live_run
    problems = [
        f"{interaction.label}: {problem}"
        for cassette in load_all(out)
        for interaction in cassette.interactions
        for problem in spec_check.problems(interaction, spec_check.shipped())
    ]
    assert not problems, "\n".join(problems)


def test_live_run_leaves_no_model_behind(live_run):
    """Every model the live run registered was deleted again."""
    *_, fake = live_run
    assert fake.created > 0
    assert all(not model_id.startswith("00000000-") for model_id in fake.registry)


def test_unreachable_pieces_os_records_nothing(tmp_path: Path):
    """With nothing listening, record mode fails saying Pieces OS may not be running, and writes nothing."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(RecordError, match="is it running"):
        record_live(f"http://127.0.0.1:{port}", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_help_warns_that_live_recording_changes_pieces_os(capsys):
    """The tool's help says that recording live registers and deletes models and unloads them."""
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "CHANGES IT" in help_text
    assert "unloads every local model" in help_text
