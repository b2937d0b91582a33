"""Under a whole-call deadline, each per-phase timeout still binds: connecting, the TLS handshake and
sending the body each give up after their own `timeout`, long before the deadline. And a call over TLS
goes through the deadline's wrappers intact, sync and async."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from pieces_models_client import Client, errors
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import ENDPOINTS, MODES, SNAPSHOT_BYTES, invoke
from tools.loopback import RawServer

SNAPSHOT, CREATE = ENDPOINTS[0], ENDPOINTS[1]
DEADLINE = 20.0  # far beyond every phase timeout below: only the phase timeout can end these calls
each_mode = pytest.mark.parametrize("mode", MODES)


@contextmanager
def full_backlog() -> Iterator[str]:
    """A listening socket whose accept queue is full: a new connection waits, unanswered, for ever."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        waiting = []
        for _ in range(3):
            sock = socket.socket()
            sock.setblocking(False)
            sock.connect_ex(server.getsockname())
            waiting.append(sock)
        try:
            yield f"http://127.0.0.1:{server.getsockname()[1]}"
        finally:
            for sock in waiting:
                sock.close()


def silent() -> RawServer:
    """Accept connections, read nothing, send nothing."""
    return RawServer(lambda connection: connection.server.stopping.wait(30))


def failed_call(mode: str, url: str, endpoint=SNAPSHOT, **timeouts: float) -> tuple[Exception, float]:
    timeout = httpx.Timeout(10.0, **timeouts)
    client = loopback.client(url, timeout=timeout, deadline=DEADLINE)
    start = time.monotonic()
    with pytest.raises(errors.RequestTimeout) as caught:
        endpoint.call(mode, client)
    return caught.value, time.monotonic() - start


def assert_phase_timeout(error: Exception, elapsed: float, phase: str) -> None:
    assert 0.25 <= elapsed < 2.0, f"{elapsed:.2f} s: the phase timeout of 0.3 s did not bind"
    assert f"did not answer in time ({phase}" in str(error)
    assert "deadline" not in str(error)


@each_mode
def test_connect_timeout_binds_under_a_deadline(mode):
    """A connection the server never accepts: RequestTimeout (ConnectTimeout) after connect=0.3 s."""
    with full_backlog() as url:
        error, elapsed = failed_call(mode, url, connect=0.3)
    assert_phase_timeout(error, elapsed, "ConnectTimeout")


@each_mode
def test_tls_handshake_timeout_binds_under_a_deadline(mode):
    """https:// to a server that never answers the ClientHello: ConnectTimeout after connect=0.3 s."""
    with silent() as server:
        error, elapsed = failed_call(mode, server.url.replace("http://", "https://"), connect=0.3)
    assert_phase_timeout(error, elapsed, "ConnectTimeout")
    assert error.url.startswith("https://")


@each_mode
def test_write_timeout_binds_under_a_deadline(mode):
    """A 32 MB body to a server that reads nothing: WriteTimeout after write=0.3 s, nothing lost silently."""
    model = type(CREATE.kwargs["body"]).from_dict(
        {**CREATE.kwargs["body"].to_dict(), "padding": "x" * (32 << 20)}
    )
    with silent() as server:
        client = loopback.client(server.url, timeout=httpx.Timeout(10.0, write=0.3), deadline=DEADLINE)
        start = time.monotonic()
        with pytest.raises(errors.RequestTimeout) as caught:
            invoke(CREATE.module, mode, client=client, close=True, body=model)
        elapsed = time.monotonic() - start
    assert_phase_timeout(caught.value, elapsed, "WriteTimeout")


@pytest.fixture
def tls_url() -> Iterator[str]:
    """The snapshot served over TLS with the self-signed certificate of tests/data/tls."""
    with loopback.serve_tls(faults.status(200, SNAPSHOT_BYTES, "application/json")) as server:
        yield server.url


@each_mode
def test_a_verified_tls_call_completes_under_a_deadline(tls_url, mode):
    """Certificate and host name (the certificate names 127.0.0.1) checked through the deadline's
    wrappers of the TLS handshake: the snapshot arrives whole."""
    trusting = loopback.trusting_tls()
    client = Client(base_url=tls_url, verify_ssl=trusting, deadline=DEADLINE)
    snapshot = SNAPSHOT.call(mode, client)
    assert len(snapshot.iterable) == len(SNAPSHOT.success_body["iterable"])


@each_mode
def test_a_trusted_certificate_for_another_host_is_refused(tls_url, mode):
    """The host name reaches the TLS handshake through the deadline's wrappers: the certificate names
    127.0.0.1, so the same trusted certificate served as "localhost" is refused (TLS, hostname)."""
    trusting = loopback.trusting_tls()
    client = Client(
        base_url=tls_url.replace("127.0.0.1", "localhost"), verify_ssl=trusting, deadline=DEADLINE
    )
    with pytest.raises(errors.TransportError) as caught:
        SNAPSHOT.call(mode, client)
    assert type(caught.value) is errors.TransportError
    assert "TLS handshake" in str(caught.value)
    assert "Hostname mismatch" in str(caught.value) or "doesn't match" in str(caught.value)
