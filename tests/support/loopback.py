"""Loopback servers for tests: tools/loopback.py's server, answering through a test's responder.

A responder decides, per request, what goes back on the wire: a Reply, or (returning None) whatever it
wrote itself through the handler, faults included. Every request is kept in `server.received`, with
its path exactly as sent.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from pieces_models_client import Client
from tools.loopback import BackgroundServer, Handler

# httpx loads the CA bundle for every client it creates (about 60 ms), even for plain http:// URLs.
# Loopback tests speak plain HTTP, so their clients share one context.
SSL_CONTEXT = ssl.create_default_context()


def client(base_url: str, **kwargs: Any) -> Client:
    """A generated-client Client for a loopback URL, sharing SSL_CONTEXT."""
    return Client(base_url=base_url, verify_ssl=SSL_CONTEXT, **kwargs)


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


class LoopbackHandler(Handler):
    server: LoopbackHTTPServer

    def handle_exchange(self, body: bytes | None) -> None:
        request = ReceivedRequest(self.command, self.path, self.request_headers(), body or b"")
        self.server.received.append(request)
        reply = self.server.responder(request, self)
        if reply is not None:
            status, body, content_type = reply.status, reply.body, reply.content_type
            self.reply(status, body, content_type, reason=reply.reason, headers=reply.headers)


class LoopbackHTTPServer(BackgroundServer):
    def __init__(self, responder: Responder, port: int = 0):
        self.responder = responder
        self.received: list[ReceivedRequest] = []
        # Set when the server stops: responders that stall wait on it, so no thread outlives a test.
        self.stopping = threading.Event()
        super().__init__(LoopbackHandler, port=port)

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet: fault responders break connections on purpose."""

    def stop(self) -> None:
        self.stopping.set()
        super().stop()


@contextmanager
def serve(responder: Responder, port: int = 0) -> Iterator[LoopbackHTTPServer]:
    """Run a LoopbackHTTPServer for the duration of the block."""
    with LoopbackHTTPServer(responder, port) as server:
        yield server


def always(reply: Reply) -> Responder:
    """A responder that answers every request with the same reply."""
    return lambda request, handler: reply
