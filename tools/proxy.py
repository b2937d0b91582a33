"""The recording proxy: forwards each request to an upstream server and records the exchange.

The request is forwarded with its path and query exactly as the client sent them (httpx keeps the
percent-encoding of a raw target) and recorded as received; the response is recorded as the
upstream sent it, body decoded (the proxy asks for no content coding), and passed back to the client.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import httpx

from tools.cassettes import Interaction, make_request, make_response
from tools.loopback import HOP_BY_HOP, BackgroundServer, Handler


@dataclass
class ProxyFailure:
    target: str
    error: str


class _ProxyHandler(Handler):
    server: RecordingProxy

    def handle_exchange(self, body: bytes | None) -> None:
        headers = {
            name: value
            for name, value in self.request_headers().items()
            if name not in HOP_BY_HOP and name != "accept-encoding"
        }
        headers["accept-encoding"] = "identity"
        try:
            upstream = self.server.upstream.request(
                self.command, self.server.upstream_url + self.path, headers=headers, content=body
            )
        except httpx.HTTPError as exc:
            upstream_url = self.server.upstream_url
            message = f"recording proxy: {upstream_url} did not answer {self.command} {self.path}: {exc}"
            self.server.note_failure(ProxyFailure(self.path, message))
            self.reply(502, message.encode(), "text/plain; charset=utf-8")
            return
        content = upstream.content
        self.server.note(
            Interaction(
                make_request(self.command, self.path, self.request_headers(), body),
                make_response(upstream.status_code, upstream.reason_phrase, upstream.headers, content),
            )
        )
        passed = {name: value for name, value in upstream.headers.items() if name.lower() not in HOP_BY_HOP}
        content_type = passed.pop("content-type", None)
        self.reply(upstream.status_code, content, content_type, reason=upstream.reason_phrase, headers=passed)


class RecordingProxy(BackgroundServer):
    """A loopback proxy in front of ``upstream_url``; ``exchanges`` holds what went through it."""

    def __init__(self, upstream_url: str, timeout: httpx.Timeout | None = None):
        self.upstream_url = upstream_url.rstrip("/")
        self.upstream = httpx.Client(timeout=timeout or httpx.Timeout(120.0, connect=5.0))
        self.exchanges: list[Interaction] = []
        self.failures: list[ProxyFailure] = []
        self._lock = threading.Lock()
        super().__init__(_ProxyHandler)

    def note(self, interaction: Interaction) -> None:
        with self._lock:
            self.exchanges.append(interaction)

    def note_failure(self, failure: ProxyFailure) -> None:
        with self._lock:
            self.failures.append(failure)

    def take(self) -> list[Interaction]:
        """The exchanges recorded since the last take()."""
        with self._lock:
            taken, self.exchanges = self.exchanges, []
            return taken

    def stop(self) -> None:
        super().stop()
        self.upstream.close()
