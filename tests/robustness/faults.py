"""Misbehaving servers: responders for tests/support/loopback.py that answer badly on purpose."""

from __future__ import annotations

import socket
import struct

from tests.support.loopback import LoopbackHandler, ReceivedRequest, Reply, Responder

HTML_PAGE = b"<!doctype html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
TEN_MB_TEXT = b"x" * (10 * 1024 * 1024)


def status(code: int, body: bytes = b"", content_type: str | None = "text/plain") -> Responder:
    """Answer every request with this status and body."""
    reply = Reply(code, body, content_type)
    return lambda request, handler: reply


def truncated(promised: int = 1000, sent: bytes = b'{"iterable": [') -> Responder:
    """Promise `promised` bytes in Content-Length, send fewer, then close the connection."""

    def respond(request: ReceivedRequest, handler: LoopbackHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(promised))
        handler.end_headers()
        handler.wfile.write(sent)
        handler.wfile.flush()
        handler.close_connection = True
        handler.connection.shutdown(socket.SHUT_WR)

    return respond


def reset_mid_body(sent: bytes = b'{"iterable": [{"id": "') -> Responder:
    """Send the headers and part of the body, then reset the connection (RST, not FIN)."""

    def respond(request: ReceivedRequest, handler: LoopbackHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.write(sent)
        handler.wfile.flush()
        handler.close_connection = True
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()

    return respond


def stall(seconds: float = 30.0) -> Responder:
    """Read the request, then say nothing until the server stops (or `seconds` pass)."""

    def respond(request: ReceivedRequest, handler: LoopbackHandler) -> None:
        handler.server.stopping.wait(seconds)
        handler.close_connection = True

    return respond


def refused_port() -> int:
    """A loopback port with nothing listening on it: connecting is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
