"""The servers of the discovery tests: a stand-in Pieces OS and a decoy, for pytest-httpserver."""

from __future__ import annotations

from werkzeug import Request, Response

from pieces_models_client import Client
from pieces_models_client.client import HEALTH_PATH
from tests.support.discovery_range import RangePorts
from tests.support.endpoints import SNAPSHOT_BYTES
from tests.support.loopback import SSL_CONTEXT, Server

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
    """How many health checks the server received."""
    return sum(request.target == HEALTH_PATH for request in server.received)


def stand_in(ports: RangePorts) -> Server:
    """A stand-in Pieces OS on the lowest free port of the range (skips if another answers before it)."""
    server = ports.serve(pieces_os)
    ports.skip_if_shadowed(server.port)
    return server


def discovering_client() -> Client:
    """A Client with no base_url (it finds Pieces OS on first use), sharing the tests' SSL context."""
    return Client(verify_ssl=SSL_CONTEXT)
