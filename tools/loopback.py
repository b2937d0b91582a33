"""Loopback servers: HTTPServerMixin, the set-up of every pytest-httpserver server here; and RawServer,
for what an HTTP server will not do: keep-alive on our terms (the benchmark's server, connection counts)
and faults (reset, truncation, stall, trickle, interim 1xx). Its ``stop()`` sets ``stopping``, which
waiting servers watch so that none outlives its test."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import struct
import threading
from collections.abc import Callable
from http.client import parse_headers, responses
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from werkzeug import Request as WerkzeugRequest
from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler

from pieces_models_client.client import PIECES_OS_PORTS


def listener(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A socket listening on host:port. Port 0 gives an ephemeral port outside the range Pieces OS (and
    so discovery) uses, 39300-39333: a discovery test running meanwhile never probes it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    held: list[socket.socket] = []  # ports of the range, kept until another port is found
    while not held or (not port and held[-1].getsockname()[1] in PIECES_OS_PORTS):
        held.append(socket.create_server((host, port), family=family, backlog=128))
    for sock in held[:-1]:
        sock.close()
    return held[-1]


class Request(NamedTuple):
    """A request as it arrived: the target exactly as sent, header names in lower case."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return urlsplit(self.target).path


def response(
    status: int, body: bytes = b"", content_type: str | None = None, length: int | None = None, **headers: str
) -> bytes:
    """One whole HTTP/1.1 response; Content-Length ``length`` (the body's by default), none on a 1xx, 204
    or 304. Header names take "_" for "-"."""
    lines = [f"HTTP/1.1 {status} {responses.get(status, 'Unknown')}"]
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    if status >= 200 and status not in (204, 304):
        lines.append(f"Content-Length: {len(body) if length is None else length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class _Handler(WSGIRequestHandler):
    disable_nagle_algorithm = True  # with Nagle, delayed ACKs add about 40 ms to each keep-alive exchange

    def log_request(self, *args: Any) -> None:
        pass


class HTTPServerMixin:
    """For pytest-httpserver's servers: ``start()`` on ``listener(host, port)`` (a port in use raises
    OSError, where werkzeug would exit), Nagle off, no log lines; ``url``; ``received`` as Requests."""

    def start(self) -> Any:
        with listener(self.host, self.port) as sock:
            self.port = sock.getsockname()[1]
            app = WerkzeugRequest.application(self.application)
            self.server = ThreadedWSGIServer(
                self.host, self.port, app, _Handler, ssl_context=self.ssl_context, fd=sock.fileno()
            )
        self.server_thread = threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True)
        self.server_thread.start()
        return self

    @property
    def url(self) -> str:
        return self.url_for("").rstrip("/")

    @property
    def received(self) -> list[Request]:
        headers = lambda r: {k.lower(): v for k, v in r.headers.items()}  # noqa: E731
        return [Request(r.method, r.environ["RAW_URI"], headers(r), r.get_data()) for r, _ in self.log]


class Connection(socketserver.StreamRequestHandler):
    """One accepted connection, handed to the server's ``serve``, which writes to ``wfile``. An OSError
    (the client has gone) ends it quietly."""

    disable_nagle_algorithm = True
    server: RawServer

    def handle(self) -> None:
        with contextlib.suppress(OSError):
            self.server.serve(self)

    def read(self) -> Request | None:
        """The next request, or None once the client has closed the connection."""
        line = self.rfile.readline().decode("latin-1").split()
        if len(line) != 3:
            return None
        headers = {name.lower(): value for name, value in parse_headers(self.rfile).items()}
        request = Request(line[0], line[1], headers, self.rfile.read(int(headers.get("content-length") or 0)))
        self.server.requests += 1
        if self.server.record:
            self.server.received.append(request)
        return request

    def reset(self) -> None:
        """Close the connection with a reset (RST) instead of an orderly FIN."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()
        self.connection.close()


class RawServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False  # stop() does not wait for connections: they watch ``stopping``

    def __init__(self, serve: Callable[[Connection], Any], record: bool = True):
        super().__init__(("127.0.0.1", 0), Connection, bind_and_activate=False)
        self.serve, self.port, self.record = serve, 0, record
        self.received: list[Request] = []  # every request, when record is on
        self.connections = self.requests = 0  # accepted and read so far
        self.stopping = threading.Event()

    def start(self) -> RawServer:
        self.stopping.clear()  # a server may be started again once stopped
        self.socket.close()
        self.socket = listener(port=self.port)
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.serve_forever, args=(0.01,), daemon=True).start()
        return self

    def process_request(self, request: Any, client_address: Any) -> None:
        self.connections += 1
        super().process_request(request, client_address)

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()

    def __enter__(self) -> RawServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def keep_alive(answer: Callable[[Request], bytes]) -> Callable[[Connection], None]:
    """Serve ``answer(request)`` to each request of a connection, until the client closes it."""

    def serve(connection: Connection) -> None:
        while (request := connection.read()) is not None:
            connection.wfile.write(answer(request))

    return serve
