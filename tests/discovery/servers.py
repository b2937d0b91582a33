"""The servers of the discovery tests: a stand-in Pieces OS and a decoy, as loopback responders."""

from __future__ import annotations

from pieces_models_client import Client
from pieces_models_client.client import HEALTH_PATH
from tests.support.discovery_range import RangePorts
from tests.support.endpoints import SNAPSHOT_BYTES
from tests.support.loopback import SSL_CONTEXT, LoopbackHandler, LoopbackHTTPServer, ReceivedRequest, Reply


def pieces_os(request: ReceivedRequest, handler: LoopbackHandler) -> Reply:
    """Answer as Pieces OS does: 200 ``ok`` on the health check, the 23-model snapshot on GET /models."""
    if request.method == "GET" and request.target == HEALTH_PATH:
        return Reply(200, b"ok", "text/plain; charset=utf-8")
    if request.method == "GET" and request.target == "/models":
        return Reply(200, SNAPSHOT_BYTES, "application/json; charset=utf-8")
    return Reply(404, b"Not Found", "text/plain; charset=utf-8")


def decoy(request: ReceivedRequest, handler: LoopbackHandler) -> Reply:
    """Another HTTP server: 404 to everything, the health check included."""
    return Reply(404, b"Not Found", "text/plain; charset=utf-8")


def health_checks(server: LoopbackHTTPServer) -> int:
    """How many health checks the server received."""
    return sum(request.target == HEALTH_PATH for request in server.received)


def stand_in(ports: RangePorts) -> LoopbackHTTPServer:
    """A stand-in Pieces OS on the lowest free port of the range (skips if another answers before it)."""
    server = ports.serve(pieces_os)
    ports.skip_if_shadowed(server.server_port)
    return server


def discovering_client() -> Client:
    """A Client with no base_url (it finds Pieces OS on first use), sharing the tests' SSL context."""
    return Client(verify_ssl=SSL_CONTEXT)
