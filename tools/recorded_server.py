"""The recorded server: a real HTTP server on 127.0.0.1 that answers from the recordings.

``make serve`` (``python -m tools.recorded_server``) runs it in the foreground as a stand-in Pieces OS,
where Pieces OS listens and is looked for: the first free port from 39300 to 39333 (``--port`` picks
another). Like Pieces OS it answers ``GET /.well-known/health`` (and ``HEAD``, which the official SDK's
port scan sends) with ``200 text/plain`` ``ok``, so ``Client()`` finds it; ``curl
http://127.0.0.1:39300/models`` returns the recorded snapshot. Tests run it in a background thread on
an ephemeral port and declare, per test, the recordings it may answer from
(``RecordedServer.replaying``); leaving the block fails the test on any request that no recording
matched (the message names the closest recording and the difference) and on any declared recording
that was never requested. The health check is answered whatever the recordings, and is not a request
a recording must match.

A request that matches nothing gets ``404`` with that message as its text body and the header
``X-Recorded-Server: no-match`` (as WireMock answers an unmatched request), so a person sees why too.
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path

import httpx
from vcr.request import Request

from pieces_models_client.client import HEALTH_PATH, PIECES_OS_PORTS, PIECES_OS_URL_VARIABLE
from tools import RECORDINGS
from tools.cassettes import RECORDING_HOST, Cassette, Interaction, load_all, load_named
from tools.loopback import HOP_BY_HOP, BackgroundServer, Handler
from tools.matching import MATCHERS, Matcher, NoMatch, Replay

NO_MATCH_HEADER = "X-Recorded-Server"
HEALTH_BODY = b"ok"


class _ReplayHandler(Handler):
    server: RecordedHTTPServer

    def do_HEAD(self) -> None:
        """HEAD of the health check (what the official SDK's port scan sends); other HEADs are not served."""
        if self.path != HEALTH_PATH:
            self.send_error(HTTPStatus.NOT_IMPLEMENTED, "Unsupported method ('HEAD')")
            return
        self.server.log(f"HEAD {self.path} -> 200 (health check)")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(HEALTH_BODY)))
        self.end_headers()

    def handle_exchange(self, body: bytes | None) -> None:
        if self.command == "GET" and self.path == HEALTH_PATH:
            # Answered like Pieces OS, whatever the recordings: discovery (Client()) asks it first.
            self.server.log(f"GET {self.path} -> 200 (health check)")
            self.reply(200, HEALTH_BODY, "text/plain; charset=utf-8")
            return
        request = Request(self.command, RECORDING_HOST + self.path, body or b"", self.request_headers())
        try:
            interaction = self.server.replay.lookup(request)
        except NoMatch as miss:
            message = str(miss)
            self.server.log(f"{self.command} {self.path} -> 404\n{message}")
            self.reply(
                404, message.encode(), "text/plain; charset=utf-8", headers={NO_MATCH_HEADER: "no-match"}
            )
            return
        where = f"{interaction.cassette} #{interaction.index}"
        self.server.log(f"{self.command} {self.path} -> {interaction.status} ({where})")
        headers = {
            name: value
            for name, value in interaction.response_headers.items()
            if name not in HOP_BY_HOP and name != "content-type"
        }
        self.reply(
            interaction.status,
            interaction.response_body,
            interaction.content_type or None,
            reason=interaction.reason or None,
            headers=headers,
        )


class RecordedHTTPServer(BackgroundServer):
    def __init__(self, replay: Replay, host: str, port: int, log: Callable[[str], None]):
        self.replay = replay
        self.log = log
        super().__init__(_ReplayHandler, host, port)


class RecordedServer:
    """Replays recordings over HTTP. Use as a context manager, or start() and stop()."""

    def __init__(
        self,
        recordings: Iterable[Cassette | Interaction] = (),
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log: Callable[[str], None] | None = None,
    ):
        self._http = RecordedHTTPServer(Replay(recordings), host, port, log or (lambda line: None))

    @property
    def url(self) -> str:
        return self._http.url

    @property
    def replay(self) -> Replay:
        return self._http.replay

    def start(self) -> RecordedServer:
        self._http.start()
        return self

    def stop(self) -> None:
        self._http.stop()

    def serve_forever(self) -> None:
        self._http.serve_forever()

    def __enter__(self) -> RecordedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @contextmanager
    def replaying(
        self, recordings: Iterable[Cassette | Interaction], used: Sequence[Matcher] = MATCHERS
    ) -> Iterator[Replay]:
        """Answer from ``recordings`` only, for the block; then fail on misses and unused recordings.

        If the block raises and a request went unmatched, ReplayMismatch is raised from it (the
        mismatch is usually the cause); if the block raises otherwise, its exception propagates.
        """
        replay = Replay(recordings, used)
        previous, self._http.replay = self._http.replay, replay
        try:
            yield replay
        except BaseException:
            if replay.misses:
                replay.verify()
            raise
        finally:
            self._http.replay = previous
        replay.verify()


def _summary(replay: Replay, url: str, source: str, connect: str = "") -> str:
    lines = [f"Recorded server: {len(replay.interactions)} recording(s) from {source}, on {url}"]
    shadowed = {id(i) for i in replay.shadowed()}
    for interaction in replay.interactions:
        if id(interaction) not in shadowed:
            exchange = f"{interaction.method:4} {interaction.target} -> {interaction.status}"
            lines.append(f"  {exchange}  ({interaction.cassette})")
    if shadowed:
        names = sorted({i.cassette for i in replay.interactions if id(i) in shadowed})
        lines.append(
            "Not served, because an earlier recording answers the same request (serve them by name, "
            "e.g. `make serve SCENARIOS=models_snapshot_empty`): " + ", ".join(names)
        )
    if connect:
        lines.append(connect)
    lines.append(f"Try: curl {url}/models    (Ctrl-C stops)")
    return "\n".join(lines)


def first_free(make: Callable[[int], RecordedServer], ports: Sequence[int]) -> RecordedServer | None:
    """``make(port)`` on the first of ``ports`` that is free, or None if all are in use.

    Binding is the test (no probe first, so no race with another process); any other failure to
    listen (an address not on this machine, say) is raised.
    """
    for port in ports:
        try:
            return make(port)
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES) or len(ports) == 1:
                raise
    return None


def _how_to_connect(url: str, host: str) -> str:
    """How a Client reaches the server at ``url``: discovery, unless the port or host hides it."""
    port = int(url.rsplit(":", 1)[1])
    explicit = f"Client(base_url='{url}') or {PIECES_OS_URL_VARIABLE}={url}"
    if port not in PIECES_OS_PORTS or host not in ("127.0.0.1", "0.0.0.0"):
        return f"Client() does not look here: use {explicit}"
    for earlier in PIECES_OS_PORTS[: PIECES_OS_PORTS.index(port)]:
        try:
            status = httpx.get(f"http://127.0.0.1:{earlier}{HEALTH_PATH}", timeout=0.5, trust_env=False)
        except httpx.HTTPError:
            continue
        if status.status_code == 200:
            return (
                f"Client() finds 127.0.0.1:{earlier} first (it answers GET {HEALTH_PATH}: Pieces OS?): "
                f"use {explicit}"
            )
    return f"Client() finds it (unless {PIECES_OS_URL_VARIABLE} is set); or use {explicit}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.recorded_server",
        description="Serve the recorded Pieces OS exchanges over HTTP, as a stand-in Pieces OS.",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=None,
        help=f"port to listen on (default: the first free one from {PIECES_OS_PORTS[0]} to "
        f"{PIECES_OS_PORTS[-1]}, where Pieces OS listens and Client() looks; 0: any free port)",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--recordings", type=Path, default=RECORDINGS, help="folder of cassettes")
    parser.add_argument(
        "names", nargs="*", help="recordings to serve, by name (default: all; the first match answers)"
    )
    args = parser.parse_args(argv)
    try:
        cassettes = load_named(args.names, args.recordings) if args.names else load_all(args.recordings)
    except FileNotFoundError as exc:
        parser.error(str(exc))

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    ports = PIECES_OS_PORTS if args.port is None else (args.port,)
    try:
        server = first_free(lambda port: RecordedServer(cassettes, host=args.host, port=port, log=log), ports)
    except OSError as exc:
        where = args.host if args.port is None else f"{args.host}:{args.port}"
        parser.error(f"cannot listen on {where}: {exc.strerror or exc}")
    if server is None:
        parser.error(
            f"cannot listen on {args.host} ports {ports[0]} to {ports[-1]}: all in use. "
            "Choose one: make serve PORT=8000 (--port 8000)"
        )
    source = ", ".join(args.names) or str(args.recordings)
    print(_summary(server.replay, server.url, source, _how_to_connect(server.url, args.host)), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
