"""Servers that answer badly on purpose, for tests/support/loopback.py's serve(): werkzeug Responses or
handlers for what HTTP can say, a tools.loopback.RawServer for the rest. Whatever waits watches
``server.stopping``, so that no thread outlives its test."""

from __future__ import annotations

import contextlib
import functools
import struct
import zlib
from collections.abc import Callable
from typing import Any

from werkzeug import Request, Response
from werkzeug.utils import redirect as redirect_to

from tools.loopback import Connection, RawServer, keep_alive, listener, response

HTML_PAGE = b"<!doctype html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
TEN_MB_TEXT = b"x" * (10 * 1024 * 1024)
GZIP_BOMB_INFLATED = 1 << 30  # 1 GiB of zeros once decompressed
INTERVAL = 0.2  # seconds between two bytes of a trickle
GIVE_UP = 5.0  # an endless trickle ends (the connection closed) after this long
JSON = "application/json"


def status(code: int, body: bytes = b"", content_type: str = "text/plain", **headers: Any) -> Response:
    return Response(body, code, headers, content_type=content_type)


def sized(size: int, code: int = 200, prefix: bytes = b"") -> Response:
    """A JSON body of exactly `size` bytes: `prefix`, then spaces."""
    return status(code, prefix.ljust(size), JSON)


def gzip_body(body: bytes, content_type: str = JSON) -> Response:
    """`body` as is, labelled Content-Encoding: gzip (whether or not it is gzip)."""
    return status(200, body, content_type, **{"Content-Encoding": "gzip"})


def bad_gzip() -> Response:
    return gzip_body(b"this is plain text, not a gzip stream", "text/plain")


@functools.cache
def gzip_bomb() -> bytes:
    """A valid gzip stream of about 1 MB that inflates to GZIP_BOMB_INFLATED zero bytes (built once): a
    full flush resets the compressor, so one deflated MiB of zeros is repeated instead of deflating a GiB."""
    zeros, repeats = bytes(1 << 20), GZIP_BOMB_INFLATED >> 20
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the gzip framing is added below
    segment = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = functools.reduce(lambda crc, _: zlib.crc32(zeros, crc), range(repeats), 0)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, GZIP_BOMB_INFLATED & 0xFFFFFFFF)
    return header + segment * repeats + deflate.flush() + trailer


def gzip_bomb_server() -> RawServer:
    """The gzip bomb: about 1 MB on the wire, 1 GiB once decoded. A raw server, as the tests measure this
    process's memory: werkzeug reads up to 10 MB at once from each connection after its response."""
    return keep_alive_server(response(200, gzip_bomb(), JSON, Content_Encoding="gzip"))


def redirect(target: str, final: Response, code: int = 307) -> Any:
    """A redirect to `target` (a path on the same server) from every other path, and `final` there."""

    def answer(request: Request) -> Response:
        return final if request.path == target else redirect_to(request.host_url.rstrip("/") + target, code)

    return answer


def refused_port() -> int:
    """A loopback port with nothing listening on it: connecting is refused."""
    with listener() as sock:
        return sock.getsockname()[1]


def ipv6_loopback_available() -> bool:
    """Whether this machine can listen on [::1]."""
    with contextlib.suppress(OSError), listener("::1"):
        return True
    return False


def _raw(serve: Callable[[Connection], object]) -> RawServer:
    """A raw server that reads the request, then calls ``serve(connection)``."""
    return RawServer(lambda connection: connection.read() is not None and serve(connection))


def truncated() -> RawServer:
    """Promise 1000 bytes in Content-Length, send fewer, then close the connection."""
    return _raw(lambda connection: connection.wfile.write(response(200, b'{"iterable": [', JSON, 1000)))


def reset_mid_body() -> RawServer:
    """Send the headers and part of the body, then reset the connection (RST, not FIN)."""
    sent = response(200, b'{"iterable": [{"id": "', JSON, 100_000)
    return _raw(lambda connection: connection.wfile.write(sent) and connection.reset())


def stall() -> RawServer:
    """Read the request, then say nothing until the server stops (or 30 s pass)."""
    return _raw(lambda connection: connection.server.stopping.wait(30))


def interim(code: int, final: bytes) -> RawServer:
    """A 1xx interim response, then `final`, on the same connection."""
    return _raw(lambda connection: connection.wfile.write(response(code) + final))


def _trickle(head: bytes, byte: bytes, tail: bytes, count: int | None) -> RawServer:
    """Send `head`, then `byte` every INTERVAL: `count` times and then `tail`, or endlessly (`count` None)
    until the client leaves, the server stops or GIVE_UP seconds pass."""

    def serve(connection: Connection) -> None:
        connection.wfile.write(head)
        for _ in range(int(GIVE_UP / INTERVAL) if count is None else count):
            if connection.server.stopping.wait(INTERVAL):
                return
            connection.wfile.write(byte)
        if count is not None:
            connection.wfile.write(tail)

    return _raw(serve)


def body_trickle(body: bytes = b"", count: int | None = None) -> RawServer:
    """A 200's headers at once, then a space every INTERVAL: endlessly (`count` None), or `count` spaces
    and then `body` (JSON allows leading spaces)."""
    length = 1 << 40 if count is None else count + len(body)
    return _trickle(response(200, b"", JSON, length), b" ", body, count)


def header_trickle(count: int | None = None) -> RawServer:
    """A 204's status line at once, then one byte of an X-Pad header every INTERVAL: endlessly (`count`
    None), or `count` bytes and then the end of the headers."""
    return _trickle(b"HTTP/1.1 204 No Content\r\nX-Pad: ", b"a", b"\r\n\r\n", count)


def keep_alive_server(answer: bytes) -> RawServer:
    """`answer` to every request, keeping connections alive; `server.connections` counts them."""
    return RawServer(keep_alive(lambda request: answer))
