"""A loopback stand-in for Pieces OS that serves the benchmark's bodies over HTTP/1.1 keep-alive.

Run as `python -m bench.server`: it listens on 127.0.0.1 at a free port, prints the port on one line
and serves until its stdin closes (so it never outlives the benchmark). The benchmark runs it in its
own process, so that the server does not compete with the clients for the GIL.

- GET /models: the 23-model snapshot (bench.bodies.snapshot(23)).
- POST /models/create: the created Model; 400 unless the request body is a JSON object, so that a
  client that sends no body cannot look fast.
- GET /stats: {"connections": ..., "requests": ...} accepted so far, to check that clients keep their
  connection alive.

tools/loopback.py's raw server: Nagle's algorithm off on every connection (without that, delayed ACKs
add about 40 ms to each keep-alive request and hide everything else), and each response leaves in a
single write.
"""

from __future__ import annotations

import json
import sys

from bench import bodies
from tools.loopback import RawServer, Request, keep_alive, response

SNAPSHOT = response(200, bodies.snapshot(23), "application/json")
CREATED = response(200, bodies.created_model(), "application/json")
NOT_FOUND = response(404, b"not found", "text/plain")
BAD_REQUEST = response(400, b"the body is not a JSON object", "text/plain")


def is_object(body: bytes) -> bool:
    try:
        return isinstance(json.loads(body), dict)
    except ValueError:
        return False


def answer(request: Request) -> bytes:
    if (request.method, request.target) == ("GET", "/models"):
        return SNAPSHOT
    if (request.method, request.target) == ("POST", "/models/create"):
        return CREATED if is_object(request.body) else BAD_REQUEST
    if (request.method, request.target) == ("GET", "/stats"):
        stats = {"connections": server.connections, "requests": server.requests}
        return response(200, json.dumps(stats).encode(), "application/json")
    return NOT_FOUND


server = RawServer(keep_alive(answer), record=False)


def main() -> None:
    with server:
        print(server.port, flush=True)
        sys.stdin.read()  # until the benchmark closes our stdin (or exits)


if __name__ == "__main__":
    main()
