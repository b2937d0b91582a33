"""A loopback stand-in for Pieces OS that serves the benchmark's bodies over HTTP/1.1 keep-alive.

Run as `python -m bench.server`: it listens on 127.0.0.1 at a free port, prints the port on one line
and serves until its stdin closes (so it never outlives the benchmark). The benchmark runs it in its
own process, so that the server does not compete with the clients for the GIL.

- GET /models: the 23-model snapshot (bench.bodies.snapshot(23)).
- POST /models/create: the created Model; 400 unless the request body is a JSON object, so that a
  client that sends no body cannot look fast.
- GET /stats: {"connections": ..., "requests": ...} accepted so far, to check that clients keep their
  connection alive.

Nagle's algorithm is off on every accepted connection (without that, delayed ACKs add about 40 ms to
each keep-alive request and hide everything else), and each response leaves in a single write.
"""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bench import bodies


def _response(status: int, reason: str, body: bytes, content_type: str) -> bytes:
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


SNAPSHOT = _response(200, "OK", bodies.snapshot(23), "application/json")
CREATED = _response(200, "OK", bodies.created_model(), "application/json")
NOT_FOUND = _response(404, "Not Found", b"not found", "text/plain")
BAD_REQUEST = _response(400, "Bad Request", b"the body is not a JSON object", "text/plain")


class BenchServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.connections = 0
        self.requests = 0

    def count(self, *, connection: bool) -> None:
        with self.lock:
            if connection:
                self.connections += 1
            else:
                self.requests += 1


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    disable_nagle_algorithm = True  # TCP_NODELAY on the accepted socket
    server: BenchServer

    def setup(self) -> None:
        super().setup()
        self.server.count(connection=True)

    def do_GET(self) -> None:
        self.server.count(connection=False)
        if self.path == "/models":
            self._send(SNAPSHOT)
        elif self.path == "/stats":
            with self.server.lock:
                stats = {"connections": self.server.connections, "requests": self.server.requests}
            self._send(_response(200, "OK", json.dumps(stats).encode(), "application/json"))
        else:
            self._send(NOT_FOUND)

    def do_POST(self) -> None:
        self.server.count(connection=False)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path != "/models/create":
            self._send(NOT_FOUND)
            return
        try:
            is_object = isinstance(json.loads(body), dict)
        except ValueError:
            is_object = False
        self._send(CREATED if is_object else BAD_REQUEST)

    def _send(self, response: bytes) -> None:
        self.wfile.write(response)

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    server = BenchServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin (or exits)
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
