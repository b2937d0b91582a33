"""The recorded server: a real HTTP server on 127.0.0.1 that answers from the recordings.

``make serve`` (``python -m tools.recorded_server --port 1000``) runs it in the foreground as a
stand-in Pieces OS: ``curl http://127.0.0.1:1000/models`` returns the recorded snapshot. Tests run it
in a background thread on an ephemeral port and declare, per test, the recordings it may answer from
(``RecordedServer.replaying``); leaving the block fails the test on any request that no recording
matched (the message names the closest recording and the difference) and on any declared recording
that was never requested.

A request that matches nothing gets ``404`` with that message as its text body and the header
``X-Recorded-Server: no-match`` (as WireMock answers an unmatched request), so a person sees why too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from vcr.request import Request

from tools import RECORDINGS
from tools.cassettes import RECORDING_HOST, Cassette, Interaction, load_all, load_named
from tools.loopback import HOP_BY_HOP, BackgroundServer, Handler
from tools.matching import MATCHERS, Matcher, NoMatch, Replay

NO_MATCH_HEADER = "X-Recorded-Server"


class _ReplayHandler(Handler):
    server: RecordedHTTPServer

    def handle_exchange(self, body: bytes | None) -> None:
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


def _summary(replay: Replay, url: str, source: str) -> str:
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
    lines.append(f"Try: curl {url}/models    (Ctrl-C stops)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.recorded_server",
        description="Serve the recorded Pieces OS exchanges over HTTP, as a stand-in Pieces OS.",
    )
    parser.add_argument("--port", type=int, default=1000, help="port to listen on (0: any free port)")
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

    try:
        server = RecordedServer(cassettes, host=args.host, port=args.port, log=log)
    except OSError as exc:
        parser.error(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    print(_summary(server.replay, server.url, ", ".join(args.names) or str(args.recordings)), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
