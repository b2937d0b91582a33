"""The ports discovery probes (127.0.0.1:39300-39333), shared safely by the tests that put servers there,
and those servers: a stand-in Pieces OS and a decoy.

``claimed_range()`` holds a file lock across processes for the test, reserves every free port of the
range with a bound, non-listening socket (connections are refused at once), gives the lowest to the
test's server, and skips when a server it does not control would be found first.
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from werkzeug import Request, Response

from pieces_models_client import Client
from pieces_models_client.client import HEALTH_PATH, LEGACY_PORTS, PIECES_OS_PORTS
from tests.support.endpoints import SNAPSHOT_BYTES
from tests.support.loopback import SSL_CONTEXT, Server

LOCK_FILE = Path(tempfile.gettempdir()) / "pieces-models-client-discovery-range.lock"
TAKEN = (errno.EADDRINUSE, errno.EACCES)  # the errors of binding a port that someone else holds


def answers_health(port: int) -> bool:
    """Whether 127.0.0.1:port answers GET /.well-known/health with 200, as discovery asks."""
    try:
        with httpx.Client(timeout=0.5, trust_env=False) as probe:
            return probe.get(f"http://127.0.0.1:{port}{HEALTH_PATH}").status_code == 200
    except httpx.HTTPError:
        return False


def _reserve(port: int) -> socket.socket | None:
    """A socket bound to 127.0.0.1:port that does not listen, or None when someone else holds the port."""
    for reuse in (False, True):  # SO_REUSEADDR only gets past TIME_WAIT leftovers, never a listener
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, reuse)
        try:
            sock.bind(("127.0.0.1", port))
            return sock
        except OSError as exc:
            sock.close()
            if exc.errno not in TAKEN:
                raise
    return None


class RangePorts(ExitStack):
    """The range during one test: the ports others hold (``taken``), our reservations of the rest, and
    the test's servers (stopped, and the reservations released, on close())."""

    def __init__(self) -> None:
        super().__init__()
        self._reserved = {port: sock for port in PIECES_OS_PORTS if (sock := _reserve(port)) is not None}
        self.taken: list[int] = sorted(set(PIECES_OS_PORTS) - set(self._reserved))
        self.callback(lambda: [sock.close() for sock in self._reserved.values()])

    def release(self) -> int:
        """Free the lowest reserved port for someone else to bind, and return it."""
        if not self._reserved:
            pytest.skip(f"no free port left in the discovery range ({self.describe()})")
        port = min(self._reserved)
        self._reserved.pop(port).close()
        return port

    def start(self, make: Callable[[int], Any]) -> Any:
        """``make(port)`` (a started server, with stop()) on the lowest reserved port, passing over any
        port someone took meanwhile; stopped on close()."""
        while True:
            port = self.release()
            try:
                server = make(port)
            except OSError as exc:
                if exc.errno not in TAKEN:
                    raise
                self.taken.append(port)
                continue
            self.callback(server.stop)
            return server

    def serve(self, answer: Any) -> Server:
        """A tests.support.loopback server answering ``answer``, on the lowest reserved port."""
        return self.start(lambda port: Server(answer, port=port).start())

    def describe(self) -> str:
        """Which range ports were not ours to use, for assertion and skip messages."""
        if not self.taken:
            return "every port of 39300-39333 was free"
        return f"ports taken by others, so passed over: {sorted(self.taken)}"

    def shadowing(self, port: int) -> int | None:
        """The first port below ``port`` where a server we do not control answers the health probe
        with 200 (discovery would rightly find that one first), or None."""
        return next((taken for taken in sorted(self.taken) if taken < port and answers_health(taken)), None)

    def skip_if_shadowed(self, port: int) -> None:
        if (first := self.shadowing(port)) is not None:
            pytest.skip(
                f"127.0.0.1:{first} answers GET {HEALTH_PATH} with 200 (Pieces OS itself?), "
                f"before the test's server on {port}: discovery finds that one first"
            )

    def skip_if_anything_answers(self) -> None:
        for port in [*sorted(self.taken), *LEGACY_PORTS]:
            if answers_health(port):
                pytest.skip(
                    f"127.0.0.1:{port} answers GET {HEALTH_PATH} with 200 (Pieces OS itself?): "
                    "cannot show that discovery finds nothing on this machine"
                )


@contextmanager
def claimed_range() -> Iterator[RangePorts]:
    """The discovery range, ours for the block (LOCK_FILE held); its servers stopped at the end."""
    # /tmp's protected_regular refuses O_CREAT on a file another user owns, but O_EXCL fails first.
    try:
        fd = os.open(LOCK_FILE, os.O_RDONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        fd = os.open(LOCK_FILE, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with RangePorts() as ports:
            yield ports
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


TEXT = "text/plain; charset=utf-8"
decoy = Response(b"Not Found", 404, content_type=TEXT)  # another HTTP server: 404 to everything
GETS = {  # what Pieces OS answers: 200 ``ok`` on the health check, the 23-model snapshot on GET /models
    HEALTH_PATH: Response(b"ok", 200, content_type=TEXT),
    "/models": Response(SNAPSHOT_BYTES, 200, content_type="application/json; charset=utf-8"),
}


def pieces_os(request: Request) -> Response:
    """Answer as Pieces OS does: GETS, and 404 to anything else."""
    return GETS.get(request.environ["RAW_URI"], decoy) if request.method == "GET" else decoy


def health_checks(server: Server) -> int:
    return sum(request.target == HEALTH_PATH for request in server.received)


def stand_in(ports: RangePorts) -> Server:
    """A stand-in Pieces OS on the lowest free port of the range (skips if another answers before it)."""
    server = ports.serve(pieces_os)
    ports.skip_if_shadowed(server.port)
    return server


def discovering_client() -> Client:
    """A Client with no base_url (it finds Pieces OS on first use), sharing the tests' SSL context."""
    return Client(verify_ssl=SSL_CONTEXT)
