"""An httpx.HTTPTransport passed in httpx_args is bounded by the deadline too: one for a Unix socket
answers, a stalled one is cut at the deadline, and one made with retries= retries as httpx does."""

from __future__ import annotations

import asyncio
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from pieces_models_client import Client, errors
from pieces_models_client.api.models import models_snapshot
from tests.robustness import faults
from tests.support.endpoints import MODES, SNAPSHOT_BYTES
from tools.loopback import response

each_mode = pytest.mark.parametrize("mode", MODES)


@contextmanager
def unix_server(answer: bytes | None) -> Iterator[str]:
    """A Unix-socket server that reads a request and sends ``answer`` (None: sends nothing, ever)."""
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "pieces.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(path)
        listener.listen()
        stop = threading.Event()

        def serve() -> None:
            while True:
                try:
                    connection, _ = listener.accept()
                except OSError:
                    return
                with connection:
                    connection.recv(65536)
                    if answer is None:
                        stop.wait(30)
                    else:
                        connection.sendall(answer)

        threading.Thread(target=serve, daemon=True).start()
        try:
            yield path
        finally:
            stop.set()
            listener.close()


def call(mode: str, transport_args: dict, **client_args: object):
    """models_snapshot through an httpx transport made with transport_args, sync or async."""
    if mode == "sync":
        client = Client(
            base_url="http://pieces",
            httpx_args={"transport": httpx.HTTPTransport(**transport_args)},
            **client_args,
        )
        with client:
            return models_snapshot.sync(client=client)
    transport = httpx.AsyncHTTPTransport(**transport_args)
    client = Client(base_url="http://pieces", httpx_args={"transport": transport}, **client_args)

    async def main():
        async with client:
            return await models_snapshot.asyncio(client=client)

    return asyncio.run(main())


@each_mode
def test_unix_socket_transport_answers(mode):
    """httpx_args={'transport': HTTPTransport(uds=...)}: the snapshot arrives over the Unix socket."""
    with unix_server(response(200, SNAPSHOT_BYTES, "application/json")) as path:
        snapshot = call(mode, {"uds": path})
    assert len(snapshot.iterable) == 23


@each_mode
def test_stalled_unix_socket_is_cut_at_the_deadline(mode):
    """A Unix-socket server that never answers: RequestTimeout naming the deadline, at ~0.5 s, though
    the per-phase timeout (5 s) is far off."""
    with unix_server(None) as path:
        start = time.monotonic()
        with pytest.raises(errors.RequestTimeout) as caught:
            call(mode, {"uds": path}, timeout=httpx.Timeout(5.0), deadline=0.5)
        elapsed = time.monotonic() - start
    assert 0.45 <= elapsed < 2.0, f"{elapsed:.2f} s"
    assert "within the deadline of 0.5 s for the whole call" in str(caught.value)


@each_mode
def test_transport_with_retries_retries_then_reports_the_refusal(mode):
    """HTTPTransport(retries=2) to a port where nothing listens: httpx retries (sleeping between tries
    through the wrapped backend), then ServerUnreachable."""
    port = faults.refused_port()
    args = {"retries": 2}
    if mode == "sync":
        client = Client(
            base_url=f"http://127.0.0.1:{port}", httpx_args={"transport": httpx.HTTPTransport(**args)}
        )
        with pytest.raises(errors.ServerUnreachable), client:
            models_snapshot.sync(client=client)
        return
    client = Client(
        base_url=f"http://127.0.0.1:{port}", httpx_args={"transport": httpx.AsyncHTTPTransport(**args)}
    )

    async def main() -> None:
        async with client:
            await models_snapshot.asyncio(client=client)

    with pytest.raises(errors.ServerUnreachable):
        asyncio.run(main())


def test_one_transport_shared_by_many_clients_is_wrapped_once():
    """A transport passed to 300 Clients in turn (a Client per request, say) still answers with the
    recursion limit at 250: each Client does not wrap it once more."""
    transport = httpx.HTTPTransport(retries=1)
    port = faults.refused_port()
    limit = sys.getrecursionlimit()
    try:
        for _ in range(300):
            Client(
                base_url=f"http://127.0.0.1:{port}", httpx_args={"transport": transport}
            ).get_httpx_client()
        sys.setrecursionlimit(250)
        client = Client(base_url=f"http://127.0.0.1:{port}", httpx_args={"transport": transport})
        with pytest.raises(errors.ServerUnreachable):
            models_snapshot.sync(client=client)
    finally:
        sys.setrecursionlimit(limit)
