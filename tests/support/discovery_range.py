"""The ports discovery probes, shared safely between the tests that put servers there.

Discovery (``find_pieces_os``) probes 127.0.0.1 ports 39300 to 39333, then 1000 and 5323. Tests that
put a stand-in Pieces OS in that range share it with each other (pytest-xdist runs tests in several
processes), with every other test (a server on an ephemeral port can land in the range: Linux hands
out 32768 to 60999) and with whatever runs on the machine (Pieces OS itself, say). So such a test
uses ``claimed_range()``, which:

- holds a file lock (``LOCK_FILE``, fcntl.flock) for the whole test, so one such test at a time binds
  range ports, whichever xdist worker runs it;
- reserves every free port of the range with a bound socket that does not listen: a connection there
  is refused at once, and no other process can bind the port while the test runs;
- hands the lowest reserved port to the test's server (``serve``), released just before it binds; a
  port someone took meanwhile is skipped, and the ports taken by others are listed (``describe``) for
  assertion messages;
- tells the test when a server it does not control answers 200 on ``/.well-known/health`` where
  discovery would find it first (``shadowing``), so it can skip (``skip_if_shadowed``,
  ``skip_if_anything_answers``) rather than talk to, say, a real Pieces OS.
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
from typing import Protocol, TypeVar

import httpx
import pytest

from pieces_models_client.client import HEALTH_PATH, LEGACY_PORTS, PIECES_OS_PORTS
from tests.support.loopback import LoopbackHTTPServer, Responder

LOCK_FILE = Path(tempfile.gettempdir()) / "pieces-models-client-discovery-range.lock"


class Stoppable(Protocol):
    def stop(self) -> None: ...


Server = TypeVar("Server", bound=Stoppable)


@contextmanager
def range_lock() -> Iterator[None]:
    """Hold the discovery-range lock (exclusive, across processes) for the block."""
    try:
        fd = os.open(LOCK_FILE, os.O_RDONLY)
    except FileNotFoundError:
        try:
            fd = os.open(LOCK_FILE, os.O_RDONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            fd = os.open(LOCK_FILE, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


def answers_health(port: int, timeout: float = 0.5) -> bool:
    """Whether 127.0.0.1:port answers GET /.well-known/health with 200, as discovery asks."""
    try:
        with httpx.Client(timeout=timeout, trust_env=False) as probe:
            return probe.get(f"http://127.0.0.1:{port}{HEALTH_PATH}").status_code == 200
    except httpx.HTTPError:
        return False


def _reserve(port: int) -> socket.socket | None:
    """A socket bound to 127.0.0.1:port that does not listen, or None when someone else holds the port."""
    for reuse in (False, True):  # SO_REUSEADDR only gets past TIME_WAIT leftovers, never a listener
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if reuse:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
            return sock
        except OSError as exc:
            sock.close()
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                raise
    return None


class RangePorts:
    """The discovery range during one test: the ports others hold, reservations of the rest, and the
    test's servers (stopped, and the reservations released, by close())."""

    def __init__(self) -> None:
        self.taken: list[int] = []
        self._reserved: dict[int, socket.socket] = {}
        self._servers = ExitStack()
        for port in PIECES_OS_PORTS:
            sock = _reserve(port)
            if sock is None:
                self.taken.append(port)
            else:
                self._reserved[port] = sock

    def start(self, make: Callable[[int], Server]) -> Server:
        """``make(port)`` on the lowest reserved port, stopped by close(); a port someone took in the
        meantime is passed over."""
        for port in sorted(self._reserved):
            self._reserved.pop(port).close()
            try:
                server = make(port)
            except OSError as exc:
                if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                    raise
                self.taken.append(port)
                continue
            self._servers.callback(server.stop)
            return server
        pytest.skip(f"no free port left in the discovery range ({self.describe()})")

    def release(self) -> int:
        """Free the lowest reserved port for another process to bind, and return it."""
        if not self._reserved:
            pytest.skip(f"no free port left in the discovery range ({self.describe()})")
        port = min(self._reserved)
        self._reserved.pop(port).close()
        return port

    def serve(self, responder: Responder) -> LoopbackHTTPServer:
        """A loopback server answering through ``responder``, on the lowest reserved port."""

        def make(port: int) -> LoopbackHTTPServer:
            server = LoopbackHTTPServer(responder, port)
            server.start()
            return server

        return self.start(make)

    def describe(self) -> str:
        """Which range ports were not ours to use, for assertion and skip messages."""
        if not self.taken:
            return "every port of 39300-39333 was free"
        return f"ports taken by others, so passed over: {sorted(self.taken)}"

    def shadowing(self, port: int) -> int | None:
        """The first range port below ``port`` where a server we do not control answers the health
        probe with 200 (discovery would rightly find that one first), or None."""
        return next((taken for taken in sorted(self.taken) if taken < port and answers_health(taken)), None)

    def skip_if_shadowed(self, port: int) -> None:
        """Skip when discovery would find another server before the test's server on ``port``."""
        first = self.shadowing(port)
        if first is not None:
            pytest.skip(
                f"127.0.0.1:{first} answers GET {HEALTH_PATH} with 200 (Pieces OS itself?), "
                f"before the test's server on {port}: discovery finds that one first"
            )

    def skip_if_anything_answers(self) -> None:
        """Skip when a server we do not control answers the health probe anywhere discovery looks."""
        for port in sorted(self.taken) + list(LEGACY_PORTS):
            if answers_health(port):
                pytest.skip(
                    f"127.0.0.1:{port} answers GET {HEALTH_PATH} with 200 (Pieces OS itself?): "
                    "cannot show that discovery finds nothing on this machine"
                )

    def close(self) -> None:
        self._servers.close()
        for sock in self._reserved.values():
            sock.close()
        self._reserved.clear()


@contextmanager
def claimed_range() -> Iterator[RangePorts]:
    """The discovery range, ours for the block: locked, free ports reserved, servers stopped at the end."""
    with range_lock():
        ports = RangePorts()
        try:
            yield ports
        finally:
            ports.close()
