"""A real HTTP/1.1 server on 127.0.0.1, in a background thread, for tests that need sockets.

Built on the standard library's http.server (it parses the requests); a test supplies a responder
that decides, per request, what goes back on the wire, faults included. Nagle's algorithm is off on
every accepted connection: with it, delayed ACKs add ~40 ms to each keep-alive exchange.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class ReceivedRequest:
    """A request as it arrived: the path exactly as sent (percent-encoding kept)."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> str:
        return urlsplit(self.target).query


@dataclass
class Reply:
    """An ordinary response."""

    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    reason: str | None = None


Responder = Callable[[ReceivedRequest, "LoopbackHandler"], "Reply | None"]


class LoopbackHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    disable_nagle_algorithm = True  # TCP_NODELAY on the accepted socket
    server: LoopbackHTTPServer

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = ReceivedRequest(
            self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body
        )
        self.server.received.append(request)
        reply = self.server.responder(request, self)
        if reply is not None:
            self.send_reply(reply)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _handle

    def send_reply(self, reply: Reply) -> None:
        self.send_response(reply.status, reply.reason)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if "Content-Length" not in reply.headers:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)
        self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:
        pass


class LoopbackHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, responder: Responder, port: int = 0):
        self.responder = responder
        self.received: list[ReceivedRequest] = []
        # Set when the server stops: responders that stall wait on it, so no thread outlives a test.
        self.stopping = threading.Event()
        super().__init__(("127.0.0.1", port), LoopbackHandler)

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet: fault responders break connections on purpose."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def serve(responder: Responder, port: int = 0) -> Iterator[LoopbackHTTPServer]:
    """Run a LoopbackHTTPServer for the duration of the block."""
    server = LoopbackHTTPServer(responder, port)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def always(reply: Reply) -> Responder:
    """A responder that answers every request with the same reply."""
    return lambda request, handler: reply
