"""Record mode end to end: `python -m tools.record` (what `make record` runs) plays the scenarios under
pytest-recording against a server on loopback (a stateful fake Pieces OS playing the live one, or the
stand-in that synthesizes), only once confirmed, and the cassettes written are marked, complete and valid."""

from __future__ import annotations

import datetime
import difflib
import json
import os
import pty
import re
import shutil
import socket
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.contract import spec_check
from tools import RECORDINGS, ROOT, SNAPSHOT
from tools.cassettes import load, load_all, path_of
from tools.record import main
from tools.scenarios import SCENARIOS

SCHEMA = {"migration": 0, "semantic": "MAJOR_0_MINOR_0_PATCH_1"}


class FakePiecesOS:
    """A small stateful Pieces OS (a pytest-httpserver handler) playing the live one. Its registry starts
    as the 23-model snapshot: create adds a model with a fresh id, delete removes one, deleting the cache
    of a known model answers its reference, and an unknown id gets Pieces OS's 500 text error. It answers
    from its own state, not from the scenarios' answers."""

    def __init__(self) -> None:
        self.registry = {model["id"]: model for model in json.loads(SNAPSHOT.read_bytes())["iterable"]}
        self.created = 0
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        with self._lock:
            return self._answer(request.method, request.environ["REQUEST_URI"], request.get_data())

    def _answer(self, method: str, target: str, body: bytes) -> Response:
        parts = target.strip("/").split("/")
        json_answer = lambda data: Response(json.dumps(data), 200, content_type="application/json")  # noqa: E731
        if (method, parts) == ("GET", ["models"]):
            return json_answer({"schema": SCHEMA, "iterable": list(self.registry.values())})
        if (method, parts) == ("POST", ["models", "unload"]):
            return Response(status=204)
        if (method, parts) == ("POST", ["models", "create"]):
            self.created += 1
            model_id = str(uuid.UUID(int=self.created))
            self.registry[model_id] = {"id": model_id, **json.loads(body), "loaded": False}
            return json_answer(self.registry[model_id])
        model_id = unquote(parts[1]) if len(parts) > 2 else ""
        if model_id not in self.registry:
            return Response(f"no model with id {model_id}", 500, content_type="text/plain; charset=utf-8")
        if parts[2:] == ["delete"]:
            del self.registry[model_id]
            return Response(status=204)
        return json_answer({"schema": SCHEMA, "model": {"id": model_id}})


def fake_pieces_os() -> tuple[HTTPServer, FakePiecesOS]:
    fake = FakePiecesOS()
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.expect_request(re.compile("/")).respond_with_handler(fake)
    return server, fake


def record(*args: str, confirm: str | None = "yes", **run: Any) -> subprocess.CompletedProcess[str]:
    """Run `python -m tools.record ARGS` with CONFIRM (None: unset) and no terminal."""
    environment = {key: value for key, value in os.environ.items() if key != "CONFIRM"}
    environment.update({"CONFIRM": confirm} if confirm is not None else {})
    run = {"stdin": subprocess.DEVNULL, **run}
    command = [sys.executable, "-m", "tools.record", *args]
    return subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120, **run
    )


@pytest.fixture(scope="module")
def live_run(tmp_path_factory):
    """The shipped recordings, re-recorded with CONFIRM=yes from the fake Pieces OS into a copy."""
    out = tmp_path_factory.mktemp("recordings")
    for path in RECORDINGS.glob("*.yaml"):
        shutil.copy(path, out / path.name)
    server, fake = fake_pieces_os()
    started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    with server:
        done = record("--upstream", server.url_for("").rstrip("/"), "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    return out, done, server, fake, started


def test_synthesizing_reproduces_the_shipped_synthesized_recordings(tmp_path: Path):
    """`python -m tools.record --synthesize` (the same recording, against a pytest-httpserver stand-in
    serving the scenarios' answers) rebuilds every synthesized recording byte for byte, so the shipped
    ones are exactly what the scenarios and the client make today; a difference is shown."""
    done = record("--synthesize", "--out", str(tmp_path), confirm=None)
    assert done.returncode == 0, done.stdout + done.stderr
    compared = 0
    for shipped in load_all():
        if shipped.provenance["captured_live"]:
            continue
        rebuilt = path_of(shipped.name, tmp_path).read_text(encoding="utf-8").splitlines()
        expected = path_of(shipped.name).read_text(encoding="utf-8").splitlines()
        difference = "\n".join(
            difflib.unified_diff(expected, rebuilt, "shipped", "synthesized now", lineterm="")
        )
        assert not difference, (
            f"tests/recordings/{shipped.name}.yaml is stale: run `.venv/bin/python -m tools.record "
            f"--synthesize`:\n{difference[:3000]}"
        )
        compared += 1
    assert compared >= sum(not scenario.live for scenario in SCENARIOS)


def test_confirm_yes_records_without_asking(live_run):
    """With CONFIRM=yes (and no terminal) the tool warns, asks nothing and records."""
    _, done, *_ = live_run
    assert "CHANGES IT" in done.stderr
    assert "Type yes" not in done.stdout + done.stderr
    assert "wrote " in done.stdout


def test_without_terminal_or_confirm_it_refuses_and_sends_nothing(tmp_path: Path):
    """No terminal and CONFIRM unset (or not yes): a clear refusal, no request sent, nothing written."""
    server, _ = fake_pieces_os()
    with server:
        refused = [
            record("--upstream", server.url_for(""), "--out", str(tmp_path), confirm=c) for c in (None, "no")
        ]
    for done in refused:
        assert done.returncode == 2
        assert "refusing to record: nobody confirmed" in done.stderr
        assert "CONFIRM=yes" in done.stderr
    assert server.log == []
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("typed", "records"), [("yes", True), ("no", False)])
def test_at_a_terminal_it_records_only_once_yes_is_typed(tmp_path: Path, typed: str, records: bool):
    """At a terminal, without CONFIRM, the tool asks: "yes" records, anything else sends nothing."""
    server, _ = fake_pieces_os()
    terminal, typist = pty.openpty()
    try:
        os.write(terminal, f"{typed}\n".encode())
        with server:
            arguments = (
                "--upstream",
                server.url_for("").rstrip("/"),
                "--out",
                str(tmp_path),
                "--only",
                "unload_models",
            )
            done = record(*arguments, confirm=None, stdin=typist)
    finally:
        os.close(terminal)
        os.close(typist)
    assert "Type yes to record from http://127.0.0.1:" in done.stdout
    if records:
        assert done.returncode == 0, done.stdout + done.stderr
        assert [p.name for p in tmp_path.iterdir()] == ["unload_models.yaml"]
        assert [request.path for request, _ in server.log] == ["/models", "/models/unload"]
    else:
        assert done.returncode == 2
        assert "not confirmed. Nothing was sent, nothing was written." in done.stderr
        assert (server.log, list(tmp_path.iterdir())) == ([], [])


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_record_needs_a_url_and_refuses_without_a_terminal_or_confirm(tmp_path: Path):
    """`make record` has no default URL; given one, without a terminal or CONFIRM=yes it refuses and
    sends nothing (make passes CONFIRM through)."""
    server, _ = fake_pieces_os()
    binary = Path(sys.executable).parent
    environment = {key: value for key, value in os.environ.items() if key not in ("CONFIRM", "PIECES_OS_URL")}

    def make(*args: str) -> subprocess.CompletedProcess[str]:
        command = [
            "make",
            "--no-print-directory",
            "-o",
            f"{binary}/.installed",
            f"BIN={binary}",
            "record",
            *args,
        ]
        return subprocess.run(
            command,
            cwd=ROOT,
            env=environment,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )

    without_url = make()
    assert without_url.returncode != 0
    assert "PIECES_OS_URL is required" in without_url.stderr
    with server:
        refused = make(f"PIECES_OS_URL={server.url_for('').rstrip('/')}")
        dry_run = make(f"PIECES_OS_URL={server.url_for('').rstrip('/')}", "CONFIRM=yes", "-n")
    assert refused.returncode != 0
    assert "refusing to record: nobody confirmed" in refused.stderr
    assert server.log == []
    assert 'CONFIRM="yes"' in dry_run.stdout


def test_live_recording_marks_every_cassette_captured_live_with_the_date(live_run):
    """Each scenario a live Pieces OS can play is rewritten, marked live, dated and sourced."""
    out, done, server, _, started = live_run
    live = [scenario for scenario in SCENARIOS if scenario.live]
    written = sorted(line.split("/")[-1] for line in done.stdout.splitlines() if line.startswith("wrote "))
    assert written == sorted(f"{s.name}.yaml" for s in live)
    for scenario in live:
        provenance = load(path_of(scenario.name, out)).provenance
        assert provenance["source"] == "live"
        assert provenance["captured_live"] is True
        date = datetime.datetime.strptime(provenance["date"], "%Y-%m-%dT%H:%M:%SZ")
        assert (
            started
            <= date.replace(tzinfo=datetime.timezone.utc)
            <= datetime.datetime.now(datetime.timezone.utc)
        )
        assert provenance["pieces_os_url"] == server.url_for("").rstrip("/")
        assert "CAPTURED LIVE" in path_of(scenario.name, out).read_text(encoding="utf-8").splitlines()[1]


def test_live_recording_keeps_the_synthesized_only_scenarios(live_run):
    """Scenarios a live Pieces OS cannot play keep their synthesized cassette, and the report says so."""
    out, done, *_ = live_run
    for scenario in SCENARIOS:
        if not scenario.live:
            assert path_of(scenario.name, out).read_bytes() == path_of(scenario.name).read_bytes()
            assert f"kept  {scenario.name} (synthesized only: " in done.stdout


def test_live_recording_keeps_requests_as_sent_and_leaves_out_setup_calls(live_run):
    """Paths reach Pieces OS and the cassette percent-encoded exactly as the client sent them; the
    setup and clean-up calls (registering a model to delete) are not in the cassette."""
    out, _, server, _, _ = live_run
    encoded = load(path_of("model_ids_needing_encoding", out))
    sent_paths = [i.target for i in encoded.interactions]
    assert sent_paths == [i.target for i in load(path_of("model_ids_needing_encoding")).interactions]
    assert set(sent_paths) <= {request.environ["REQUEST_URI"] for request, _ in server.log}
    delete = load(path_of("models_delete_specific_model", out))
    assert [(i.method, i.status) for i in delete.interactions] == [("POST", 204)]
    # The deleted id is the one the fake gave the model that the (unrecorded) setup call registered.
    assert delete.interactions[0].target.startswith("/models/00000000-0000-0000-0000-")


def test_live_answers_that_differ_from_the_synthesized_ones_are_reported(live_run):
    """The fake answers 500 for ids it does not know: the report lists them against the 200/204
    of the synthesized recordings."""
    _, done, *_ = live_run
    notes = [line for line in done.stdout.splitlines() if line.startswith("note: ")]
    assert any(
        note.startswith(
            "note: model_ids_needing_encoding #0 (POST /models/hf.co%2Forg%2Frepo%3AQ4_K_M/delete/cache"
        )
        and note.endswith("Pieces OS answered 500, the synthesized recording has 200")
        for note in notes
    ), notes


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
    *_, fake, _ = live_run
    assert fake.created > 0
    assert all(not model_id.startswith("00000000-") for model_id in fake.registry)


def test_unreachable_pieces_os_records_nothing(tmp_path: Path):
    """With nothing listening, record mode fails saying Pieces OS may not be running, and writes nothing."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = record("--upstream", f"http://127.0.0.1:{port}", "--out", str(tmp_path))
    assert done.returncode == 1
    assert "is it running? Nothing was recorded." in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_help_warns_that_live_recording_changes_pieces_os(capsys):
    """The tool's help says that recording live registers and deletes models and unloads them."""
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "CHANGES IT" in help_text
    assert "unloads every local model" in help_text
    assert "CONFIRM=yes" in help_text
