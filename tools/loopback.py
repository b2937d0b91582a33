"""A stdlib HTTP/1.1 server in a background thread: the base of the recorded server, proxy and stand-in.

http.server parses the requests; handlers only decide what to answer. Keep-alive is on
(``protocol_version = "HTTP/1.1"``) and Nagle's algorithm off on every accepted socket
(``disable_nagle_algorithm``): with Nagle, delayed ACKs add about 40 ms to each keep-alive exchange.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# Headers that describe one connection or one encoding of the body, never the exchange itself.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-connection",
        "transfer-encoding",
        "te",
        "trailer",
        "upgrade",
        "content-length",
        "content-encoding",
        "host",
    }
)


class Handler(BaseHTTPRequestHandler):
    """Base handler: reads the body (Content-Length only), hands it to handle_exchange, logs nothing."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: BackgroundServer

    def do_GET(self) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.reply(411, b"send the body with a Content-Length", "text/plain; charset=utf-8")
            self.close_connection = True
            return
        length = int(self.headers.get("Content-Length") or 0)
        self.handle_exchange(self.rfile.read(length) if length else None)

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def handle_exchange(self, body: bytes | None) -> None:
        """Answer one request; ``body`` is None when the request has none."""
        raise NotImplementedError

    def request_headers(self) -> dict[str, str]:
        """The request headers, names in lower case."""
        return {name.lower(): value for name, value in self.headers.items()}

    def reply(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = None,
        *,
        reason: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status, reason)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status >= 200 and status not in (204, 304):  # those never carry a body or its length
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and status not in (204, 304):
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class BackgroundServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer on 127.0.0.1 (an ephemeral port by default), served from a thread."""

    daemon_threads = True
    # socketserver listens with a backlog of 5: a sixth simultaneous connection has its SYN dropped
    # and the client retries a second later, so eight threads' first calls took 1 s instead of 25 ms.
    request_queue_size = 128

    def __init__(self, handler: type[Handler], host: str = "127.0.0.1", port: int = 0):
        super().__init__((host, port), handler)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> BackgroundServer:
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.server_close()

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
