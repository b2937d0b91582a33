"""Hostile servers for the hardening tests: responders for tests/support/loopback.py.

tests/robustness/faults.py has the plain faults (a status, a truncated body, a reset, a stall); these
add the slow and the oversized ones. Every responder that waits does so on `server.stopping`, so no
thread outlives the test that started it.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from tests.support.loopback import (
    LoopbackHandler,
    LoopbackHTTPServer,
    ReceivedRequest,
    Reply,
    Responder,
)
from tools.loopback import BackgroundServer

INTERVAL = 0.2  # seconds between two bytes of a trickle
# An endless trickle gives up (and closes the connection) after this long, so that a client which
# fails to enforce its deadline fails its test in bounded time instead of hanging it.
GIVE_UP = 5.0
GZIP_BOMB_INFLATED = 1 << 30  # 1 GiB of zeros once decompressed


def body_trickle(body: bytes = b"", count: int | None = None, interval: float = INTERVAL) -> Responder:
    """Send a 200's headers at once, then one space every `interval`: endlessly (`count` None: until the
    client leaves, the server stops or GIVE_UP seconds pass), or `count` spaces followed by `body`
    (JSON allows leading spaces)."""

    def respond(request: ReceivedRequest, handler: LoopbackHandler) -> None:
        handler.close_connection = True
        length = 1 << 40 if count is None else count + len(body)
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(length))
        handler.end_headers()
        handler.wfile.flush()
        if _trickle(handler, b" ", count, interval):
            _write(handler, body)

    return respond


def header_trickle(
    reply: Reply | None = None, count: int | None = None, interval: float = INTERVAL
) -> Responder:
    """Send the status line at once, then one byte of an `X-Pad` header every `interval`: endlessly
    (`count` None, as for body_trickle), or `count` bytes followed by the rest of `reply` (its headers
    and body)."""

    def respond(request: ReceivedRequest, handler: LoopbackHandler) -> None:
        handler.close_connection = True
        final = reply or Reply(200)
        if not _write(handler, f"HTTP/1.1 {final.status} OK\r\nX-Pad: ".encode()):
            return
        if not _trickle(handler, b"a", count, interval):
            return
        headers = {"Connection": "close", **final.headers}
        if final.content_type:
            headers["Content-Type"] = final.content_type
        if final.status not in (204, 304):
            headers["Content-Length"] = str(len(final.body))
        lines = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        _write(handler, f"\r\n{lines}\r\n".encode() + final.body)

    return respond


def _trickle(handler: LoopbackHandler, byte: bytes, count: int | None, interval: float) -> bool:
    """Write `byte` every `interval`, `count` times; True when the rest of the answer should follow.

    An endless trickle (`count` None) never completes: it returns False when the client leaves, the
    server stops or GIVE_UP seconds pass (the handler then closes the connection).
    """
    for _ in range(int(GIVE_UP / interval) if count is None else count):
        if handler.server.stopping.wait(interval) or not _write(handler, byte):
            return False
    return count is not None


def _write(handler: LoopbackHandler, data: bytes) -> bool:
    """Write and flush; False once the client has gone."""
    try:
        handler.wfile.write(data)
        handler.wfile.flush()
    except OSError:
        return False
    return True


@cache
def gzip_bomb() -> bytes:
    """A valid gzip stream of about 1 MB that inflates to GZIP_BOMB_INFLATED zero bytes (built once).

    One MiB of zeros is deflated and fully flushed, which resets the compressor: every further MiB
    deflates to the same bytes, so the segment is repeated instead of compressing a whole GiB.
    """
    zeros = bytes(1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the gzip framing is added below
    segment = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    repeats = GZIP_BOMB_INFLATED // len(zeros)
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, GZIP_BOMB_INFLATED & 0xFFFFFFFF)
    return header + segment * repeats + deflate.flush() + trailer


def gzip_body(body: bytes, status: int = 200, content_type: str = "application/json") -> Responder:
    """Answer `body` as is, labelled Content-Encoding: gzip (whether or not it is gzip)."""
    reply = Reply(status, body, content_type, headers={"Content-Encoding": "gzip"})
    return lambda request, handler: reply


def gzip_bomb_server(status: int = 200) -> Responder:
    """Answer the gzip bomb: about 1 MB on the wire, 1 GiB once decoded."""
    return gzip_body(gzip_bomb(), status)


NOT_GZIP = b"this is plain text, not a gzip stream"


def bad_gzip(status: int = 200) -> Responder:
    """Answer bytes that are not gzip under Content-Encoding: gzip."""
    return gzip_body(NOT_GZIP, status, "text/plain")


def redirect(target: str, final: Reply, status: int = 307) -> Responder:
    """Answer a redirect to `target` (a path on the same server) for every other path, and `final` there."""

    def respond(request: ReceivedRequest, handler: LoopbackHandler) -> Reply:
        if request.path == target:
            return final
        return Reply(status, b"moved", "text/plain", headers={"Location": handler.server.url + target})

    return respond


def sized(size: int, status: int = 200, prefix: bytes = b"", fill: bytes = b" ") -> Responder:
    """Answer a body of exactly `size` bytes: `prefix`, then `fill` up to the size."""
    body = prefix + fill * (size - len(prefix))
    reply = Reply(status, body, "application/json")
    return lambda request, handler: reply


def connections(inner: Responder) -> tuple[Responder, set[Any]]:
    """Wrap `inner` to record each client (address, port): one per connection."""
    seen: set[Any] = set()

    def respond(request: ReceivedRequest, handler: LoopbackHandler) -> Reply | None:
        seen.add(handler.client_address)
        return inner(request, handler)

    return respond, seen


class IPv6LoopbackServer(LoopbackHTTPServer):
    """A LoopbackHTTPServer on [::1]."""

    address_family = socket.AF_INET6

    def __init__(self, responder: Responder):
        # LoopbackHTTPServer.__init__ binds 127.0.0.1: set up what it would, then bind [::1].
        self.responder = responder
        self.received = []
        self.stopping = threading.Event()
        BackgroundServer.__init__(self, LoopbackHandler, host="::1", port=0)

    @property
    def url(self) -> str:
        return f"http://[::1]:{self.server_address[1]}"


def ipv6_loopback_available() -> bool:
    """Whether this machine can listen on [::1]."""
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@contextmanager
def serve_ipv6(responder: Responder) -> Iterator[IPv6LoopbackServer]:
    with IPv6LoopbackServer(responder) as server:
        yield server  # type: ignore[misc]


def invoke(module: Any, mode: str, *args: Any, client: Any, **kwargs: Any) -> Any:
    """Call `module.<mode>` to completion: sync directly, async in a fresh event loop (no `async with`,
    so the Client is not closed by the call)."""
    result = getattr(module, mode)(*args, client=client, **kwargs)
    if mode.startswith("asyncio"):
        return asyncio.run(_await(result))
    return result


async def _await(awaitable: Any) -> Any:
    return await awaitable
