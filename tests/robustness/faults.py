"""Servers that answer badly on purpose, for tests/support/loopback.py's serve(): werkzeug Responses or
handlers for what HTTP can say, a tools.loopback.RawServer for the rest. Whatever waits watches
``server.stopping`` and gives up after GIVE_UP seconds, so no thread outlives its test.
"""

from __future__ import annotations

import functools
import socket
import struct
import zlib
from typing import Any

from werkzeug import Request, Response

from tools.loopback import Connection, RawServer, keep_alive, response

HTML_PAGE = b"<!doctype html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
TEN_MB_TEXT = b"x" * (10 * 1024 * 1024)
NOT_GZIP = b"this is plain text, not a gzip stream"
GZIP_BOMB_INFLATED = 1 << 30  # 1 GiB of zeros once decompressed
INTERVAL = 0.2  # seconds between two bytes of a trickle
GIVE_UP = 5.0  # an endless trickle ends (the connection closed) after this long
JSON = "application/json"


def status(code: int, body: bytes = b"", content_type: str = "text/plain", **headers: Any) -> Response:
    return Response(body, code, headers, content_type=content_type)


def sized(size: int, code: int = 200, prefix: bytes = b"", fill: bytes = b" ") -> Response:
    """A body of exactly `size` bytes: `prefix`, then `fill` up to the size."""
    return status(code, prefix + fill * (size - len(prefix)), JSON)


def gzip_body(body: bytes, code: int = 200, content_type: str = JSON) -> Response:
    """`body` as is, labelled Content-Encoding: gzip (whether or not it is gzip)."""
    return status(code, body, content_type, **{"Content-Encoding": "gzip"})


def bad_gzip() -> Response:
    return gzip_body(NOT_GZIP, content_type="text/plain")


@functools.cache
def gzip_bomb() -> bytes:
    """A valid gzip stream of about 1 MB that inflates to GZIP_BOMB_INFLATED zero bytes (built once): a
    full flush resets the compressor, so one deflated MiB of zeros is repeated instead of deflating a GiB."""
    zeros = bytes(1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the gzip framing is added below
    segment = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(GZIP_BOMB_INFLATED // len(zeros)):
        crc = zlib.crc32(zeros, crc)
    trailer = struct.pack("<II", crc, GZIP_BOMB_INFLATED & 0xFFFFFFFF)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + segment * (GZIP_BOMB_INFLATED // len(zeros)) + deflate.flush() + trailer


def gzip_bomb_server() -> RawServer:
    """The gzip bomb: about 1 MB on the wire, 1 GiB once decoded. A raw server, as the tests measure this
    process's memory: werkzeug reads up to 10 MB at once from each connection after its response."""
    return keep_alive_server(response(200, gzip_bomb(), JSON, Content_Encoding="gzip"))


def redirect(target: str, final: Response, code: int = 307) -> Any:
    """A redirect to `target` (a path on the same server) from every other path, and `final` there."""

    def answer(request: Request) -> Response:
        if request.path == target:
            return final
        return status(code, b"moved", Location=request.host_url.rstrip("/") + target)

    return answer


def refused_port() -> int:
    """A loopback port with nothing listening on it: connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ipv6_loopback_available() -> bool:
    """Whether this machine can listen on [::1]."""
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


def _raw(serve: Any) -> RawServer:
    """A raw server that reads the request, then calls ``serve(connection)``."""
    return RawServer(lambda connection: connection.read() is not None and serve(connection))


def truncated(promised: int = 1000, sent: bytes = b'{"iterable": [') -> RawServer:
    """Promise `promised` bytes in Content-Length, send fewer, then close the connection."""
    return _raw(lambda connection: connection.send(response(200, sent, JSON, promised)))


def reset_mid_body(sent: bytes = b'{"iterable": [{"id": "') -> RawServer:
    """Send the headers and part of the body, then reset the connection (RST, not FIN)."""
    return _raw(
        lambda connection: (
            connection.send(response(200, sent, JSON, 100_000)) and connection.close(reset=True)
        )
    )


def stall(seconds: float = 30.0) -> RawServer:
    """Read the request, then say nothing until the server stops (or `seconds` pass)."""
    return _raw(lambda connection: connection.server.stopping.wait(seconds))


def interim(code: int, final: bytes) -> RawServer:
    """A 1xx interim response, then `final`, on the same connection."""
    return _raw(lambda connection: connection.send(response(code) + final))


def _trickle(connection: Connection, byte: bytes, count: int | None, interval: float) -> bool:
    """Send `byte` every `interval`, `count` times; True when the rest of the answer should follow.
    An endless trickle (`count` None) ends, False, when the client leaves, the server stops or GIVE_UP
    seconds pass."""
    for _ in range(int(GIVE_UP / interval) if count is None else count):
        if connection.server.stopping.wait(interval) or not connection.send(byte):
            return False
    return count is not None


def body_trickle(body: bytes = b"", count: int | None = None, interval: float = INTERVAL) -> RawServer:
    """A 200's headers at once, then a space every `interval`: endlessly (`count` None), or `count`
    spaces and then `body` (JSON allows leading spaces)."""

    def serve(connection: Connection) -> None:
        length = 1 << 40 if count is None else count + len(body)
        if connection.send(response(200, b"", JSON, length)) and _trickle(connection, b" ", count, interval):
            connection.send(body)

    return _raw(serve)


def header_trickle(final: bytes = response(204), count: int | None = None) -> RawServer:
    """The status line of `final` at once, then one byte of an X-Pad header every INTERVAL: endlessly
    (`count` None), or `count` bytes and then the rest of `final`."""
    status_line, rest = final.split(b"\r\n", 1)

    def serve(connection: Connection) -> None:
        if connection.send(status_line + b"\r\nX-Pad: ") and _trickle(connection, b"a", count, INTERVAL):
            connection.send(b"\r\n" + rest)

    return _raw(serve)


def keep_alive_server(answer: bytes) -> RawServer:
    """`answer` to every request, keeping connections alive; `server.connections` counts them."""
    return RawServer(keep_alive(lambda request: answer))
