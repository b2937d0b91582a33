"""`make serve` is discoverable: by default the recorded server listens on the first free port from 39300
to 39333 and answers the health check, so Client() finds it; PORT=... still picks a port."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from pieces_models_client.api.models import models_snapshot
from pieces_models_client.client import HEALTH_PATH, PIECES_OS_URL_VARIABLE
from tests.contract.recordings import cassettes
from tests.support.discovery_range import RangePorts, decoy, discovering_client
from tools import ROOT, recorded_server
from tools.recorded_server import RecordedServer


@contextmanager
def recorded_server_process(*args: str) -> Iterator[list[str]]:
    """Run `python -m tools.recorded_server ARGS` (what `make serve` runs); yield its banner lines."""
    environment = {name: value for name, value in os.environ.items() if name != PIECES_OS_URL_VARIABLE}
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.recorded_server", *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        banner: list[str] = []
        while not banner or not banner[-1].startswith("Try: curl"):
            line = process.stdout.readline()
            assert line, f"the server stopped before its banner ended: {banner}"
            banner.append(line.rstrip("\n"))
        yield banner
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


def _url(banner: list[str]) -> str:
    found = re.search(r"on (http://127\.0\.0\.1:\d+)$", banner[0])
    assert found, f"no URL at the end of the first line: {banner[0]!r}"
    return found.group(1)


def test_default_port_is_the_first_free_one_of_the_range_and_client_finds_it(ports: RangePorts):
    """With a server already on the lowest free port, the recorded server takes the next one, says so,
    answers the health check with 200 text/plain ok, and Client() finds it and reads the snapshot."""
    taken = ports.serve(decoy).port
    expected = ports.release()
    ports.skip_if_shadowed(expected)
    with recorded_server_process() as banner:
        url = _url(banner)
        assert url == f"http://127.0.0.1:{expected}", f"{banner[0]} (ours on {taken}; {ports.describe()})"
        assert banner[-2].startswith("Client() finds it"), banner[-2]
        health = httpx.get(url + HEALTH_PATH, timeout=10, trust_env=False)
        client = discovering_client()
        with client:
            snapshot = models_snapshot.sync(client=client)
    assert (health.status_code, health.headers["content-type"], health.text) == (
        200,
        "text/plain; charset=utf-8",
        "ok",
    )
    assert client.base_url == url
    assert len(snapshot.iterable) == 23


def test_explicit_port_is_used_and_the_banner_says_how_to_connect(ports: RangePorts):
    """--port (make serve PORT=...) listens there; outside the range, the banner says Client() does not
    look there and names base_url and PIECES_OS_URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with recorded_server_process("--port", str(port)) as banner:
        url = _url(banner)
        response = httpx.get(url + "/models", timeout=10, trust_env=False)
    assert url == f"http://127.0.0.1:{port}"
    assert response.status_code == 200
    if port not in recorded_server.PIECES_OS_PORTS:
        assert banner[-2] == (
            f"Client() does not look here: use Client(base_url='{url}') or PIECES_OS_URL={url}"
        )


def test_first_free_skips_ports_in_use():
    """first_free() binds the first port it can, passing over one in use (checked by binding, no race)."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        busy = held.getsockname()[1]
        snapshot = [next(c for c in cassettes() if c.name == "models_snapshot")]
        server = recorded_server.first_free(lambda port: RecordedServer(snapshot, port=port), [busy, 0])
        assert server is not None
        server.stop()
    assert server.url != f"http://127.0.0.1:{busy}"


def test_every_port_of_the_range_in_use_is_a_clear_error(monkeypatch, capsys):
    """When no port of the range is free, the tool exits (status 2) saying so and how to choose a port."""
    with socket.socket() as first, socket.socket() as second:
        for held in (first, second):
            held.bind(("127.0.0.1", 0))
            held.listen()
        busy = (first.getsockname()[1], second.getsockname()[1])
        monkeypatch.setattr(recorded_server, "PIECES_OS_PORTS", busy)
        with pytest.raises(SystemExit) as exit_:
            recorded_server.main(["models_snapshot"])
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1 ports {busy[0]} to {busy[1]}: all in use" in error
    assert "make serve PORT=8000" in error


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_serve_passes_a_port_only_when_given_one():
    """`make serve` leaves the port to the tool (no default of its own); `make serve PORT=8000` passes it."""

    def command(*args: str) -> str:
        environment = {name: value for name, value in os.environ.items() if name != "PORT"}
        dry_run = subprocess.run(
            ["make", "-n", "serve", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return next(line for line in dry_run.stdout.splitlines() if "tools.recorded_server" in line)

    assert command().split() == [".venv/bin/python", "-m", "tools.recorded_server"]
    assert command("PORT=8000").split()[-2:] == ["--port", "8000"]
