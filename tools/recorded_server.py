"""The recorded server (``make serve``): a real HTTP server on 127.0.0.1 answering from the recordings.

A vcrpy Cassette of the recordings answers, matched by vcrpy's matchers (method, path as sent, query, JSON
body); a request matching none gets a 404 naming the closest recording and the difference. Like Pieces OS
it answers the health check. Tests declare their recordings with ``replaying()``: each answers once.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import errno
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pytest_httpserver.httpserver import HTTPServerBase
from vcr import matchers
from vcr.cassette import Cassette
from vcr.errors import UnhandledHTTPRequestError
from vcr.request import Request as VcrRequest
from werkzeug import Request, Response

from pieces_models_client.client import HEALTH_PATH, PIECES_OS_PORTS, PIECES_OS_URL_VARIABLE, find_pieces_os
from tools import RECORDINGS
from tools.cassettes import RECORDING_HOST, Interaction, Recording, json_body, load_all
from tools.loopback import HTTPServerMixin

MATCH_ON = (matchers.method, matchers.path, matchers.query, json_body)
NO_MATCH_HEADER = "X-Recorded-Server"
TEXT = "text/plain; charset=utf-8"
Recordings = Iterable[Recording | Interaction]
LOG = logging.getLogger(__name__)


class ReplayMismatch(AssertionError):
    """A request that no recording matched, or a recording that was declared but never played."""


class Replay:
    """Recordings as one vcrpy Cassette (record mode none), and the requests none matched. Thread-safe."""

    def __init__(self, recordings: Recordings, match_on: Sequence[Any] = MATCH_ON, repeats: bool = False):
        self.interactions = [i for r in recordings for i in getattr(r, "interactions", [r])]
        self.match_on, self.misses = tuple(match_on), []
        self.cassette = Cassette("served", record_mode="none", match_on=self.match_on)
        self.cassette.allow_playback_repeats = repeats
        self.cassette.data = [(i.request, i.response) for i in self.interactions]
        self._lock = threading.Lock()

    def answer(self, request: VcrRequest) -> Interaction | str:
        """The first recording matching ``request`` (not played yet, unless repeats), or why none."""
        with self._lock:
            try:
                response = self.cassette.play_response(request)
            except UnhandledHTTPRequestError:
                self.misses.append(self._explain(request))
                return self.misses[-1]
            return next(i for i in self.interactions if i.response is response)

    def _explain(self, request: VcrRequest) -> str:
        body = request.body.decode("utf-8", "replace") if request.body else ""
        shown = f"body {body[:200]}{'...' * (len(body) > 200)}" if body else "no body"
        head = f"No recording matches {request.method} {request.uri.removeprefix(RECORDING_HOST)} ({shown})."
        closest = self.cassette.find_requests_with_most_matches(request)
        if not closest:
            return head + (" None comes close." if self.interactions else " No recordings are loaded.")
        # Of those vcrpy ranks first, the one whose path is the most alike.
        alike = lambda c: difflib.SequenceMatcher(None, request.path, c[0].path).ratio()  # noqa: E731
        stored, _, failures = max(closest, key=alike)
        label = next(i.label for i in self.interactions if i.request is stored)
        if not failures:
            return f"{head} {label} answered it already: each recording answers once (declare it again)."
        lines = [head, f"Closest recording: {label}, which differs in {len(failures)} way(s):"]
        for name, why in failures:
            lines.append(f"  - {name} (this request != recorded): " + (why or "").replace("\n", "\n      "))
        return "\n".join(lines)

    def shadowed(self) -> list[Interaction]:
        """Recordings that never answer when repeats are allowed: an earlier one matches the same request."""
        match = lambda a, b: matchers.requests_match(a.request, b.request, self.match_on)  # noqa: E731
        return [i for n, i in enumerate(self.interactions) if any(match(i, e) for e in self.interactions[:n])]

    def verify(self) -> None:
        """Raise ReplayMismatch listing every unmatched request and every recording not played."""
        plays = self.cassette.play_counts
        unused = "".join(f"\n  - {i.label}" for n, i in enumerate(self.interactions) if not plays[n])
        problems = self.misses + ([f"Recordings declared but never requested:{unused}"] if unused else [])
        if problems:
            raise ReplayMismatch("\n\n".join(problems))


class Recorded(Response):
    default_mimetype = None  # no Content-Type unless one was recorded


class RecordedServer(HTTPServerMixin, HTTPServerBase):
    """Replays recordings over HTTP (``repeats``: a recording may answer again, as ``make serve`` does)."""

    def __init__(
        self, recordings: Recordings = (), *, host: str = "127.0.0.1", port: int = 0, repeats: bool = False
    ):
        super().__init__(host, port, threaded=True)
        self.replay = Replay(recordings, repeats=repeats)

    def dispatch(self, request: Request) -> Response:
        method, target = request.method, request.environ["REQUEST_URI"]  # the path and query as sent
        if target == HEALTH_PATH and method in ("GET", "HEAD"):
            LOG.info(f"{method} {target} -> 200 (health check)")
            return Response("ok", 200, content_type=TEXT)  # like Pieces OS, whatever the recordings
        if method == "HEAD":
            return Response("Unsupported method ('HEAD')", 501, content_type=TEXT)
        found = self.replay.answer(
            VcrRequest(method, RECORDING_HOST + target, request.get_data(), request.headers)
        )
        if isinstance(found, str):
            LOG.info(f"{method} {target} -> 404\n{found}")
            return Response(found, 404, {NO_MATCH_HEADER: "no-match"}, content_type=TEXT)
        LOG.info(f"{method} {target} -> {found.status} ({found.cassette} #{found.index})")
        status = f"{found.status} {found.reason}".strip()
        return Recorded(found.response_body, status, content_type=found.content_type or None)

    @contextlib.contextmanager
    def replaying(self, recordings: Recordings, match_on: Sequence[Any] = MATCH_ON) -> Iterator[Replay]:
        """Answer from ``recordings`` only, each once, for the block; then fail on misses and unplayed ones
        (if the block raises after a miss, the mismatch, usually the cause, is raised from it)."""
        replay = Replay(recordings, match_on)
        previous, self.replay = self.replay, replay
        try:
            yield replay
        except BaseException:
            if replay.misses:
                replay.verify()
            raise
        finally:
            self.replay = previous
        replay.verify()


def first_free(make: Callable[[int], RecordedServer], ports: Sequence[int]) -> RecordedServer | None:
    """``make(port)`` started on the first free one of ``ports`` (binding is the test), or None."""
    for port in ports:
        try:
            return make(port).start()
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES) or len(ports) == 1:
                raise
    return None


def _how_to_connect(url: str, host: str) -> str:
    """How a Client reaches the server at ``url``: discovery, unless port, host or PIECES_OS_URL hide it."""
    port, configured = int(url.rsplit(":", 1)[1]), os.environ.get(PIECES_OS_URL_VARIABLE, "").strip()
    explicit = f"Client(base_url='{url}') or {PIECES_OS_URL_VARIABLE}={url}"
    if port not in PIECES_OS_PORTS or host not in ("127.0.0.1", "0.0.0.0"):
        return f"Client() does not look here: use {explicit}"
    if configured:
        return f"Client() goes to {PIECES_OS_URL_VARIABLE}={configured}: use {explicit}"
    found = find_pieces_os()  # the discovery Client() runs
    if found != f"http://127.0.0.1:{port}":
        return f"Client() finds {found} first (it answers GET {HEALTH_PATH}: Pieces OS?): use {explicit}"
    return f"Client() finds it; or use {explicit}"


def _banner(server: RecordedServer, source: str, host: str) -> list[str]:
    interactions, shadowed = server.replay.interactions, server.replay.shadowed()
    lines = [f"Recorded server: {len(interactions)} recording(s) from {source}, on {server.url}"]
    lines += [
        f"  {i.method:4} {i.target} -> {i.status}  ({i.cassette})" for i in interactions if i not in shadowed
    ]
    if shadowed:
        names = ", ".join(sorted({i.cassette for i in shadowed}))
        lines.append(
            f"Not served, because an earlier recording answers the same request: {names} (serve "
            "them by name, e.g. `make serve SCENARIOS=models_snapshot_empty`)"
        )
    return [*lines, _how_to_connect(server.url, host), f"Try: curl {server.url}/models  (Ctrl-C stops)"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.recorded_server", description=__doc__)
    first, last = PIECES_OS_PORTS[0], PIECES_OS_PORTS[-1]
    parser.add_argument("--port", type=int, help=f"port (default: the first free of {first}-{last}; 0: any)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s)")
    parser.add_argument("--recordings", type=Path, default=RECORDINGS, help="folder of cassettes")
    parser.add_argument("names", nargs="*", help="recordings to serve (default: all; first match answers)")
    args = parser.parse_args(argv)
    try:
        recordings = load_all(args.recordings, args.names)
    except FileNotFoundError as exc:
        parser.error(str(exc))
    logging.basicConfig(format="%(message)s")  # each request, on standard error
    LOG.setLevel(logging.INFO)
    ports = PIECES_OS_PORTS if args.port is None else (args.port,)
    make = lambda port: RecordedServer(recordings, host=args.host, port=port, repeats=True)  # noqa: E731
    where = f"{args.host}:{args.port}" if args.port is not None else f"{args.host} ports {first} to {last}"
    try:
        server = first_free(make, ports)
    except OSError as exc:
        parser.error(f"cannot listen on {where}: {exc.strerror}")
    if server is None:
        parser.error(f"cannot listen on {where}: all in use. Choose one: make serve PORT=8000 (--port 8000)")
    print(*_banner(server, ", ".join(args.names) or str(args.recordings), args.host), sep="\n", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.server_thread.join()  # type: ignore[union-attr]
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
