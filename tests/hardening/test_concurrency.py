"""One Client shared: by threads, by event loops one after the other and at once; closed and reopened;
derived with with_headers/with_cookies/with_timeout.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import threading
import warnings
import weakref

import httpx
import pytest

from pieces_models_client import errors
from pieces_models_client.api.models import models_snapshot, unload_models
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import ENDPOINTS, MODES, SNAPSHOT, SNAPSHOT_BYTES, invoke
from tools.loopback import response

THREADS = 16
CALLS_PER_THREAD = 4
SNAPSHOT_IDS = [model["id"] for model in SNAPSHOT["iterable"]]

each_mode = pytest.mark.parametrize("mode", MODES)


@pytest.fixture
def server():
    """A server answering the snapshot on every path, keeping connections alive and counting them."""
    with loopback.serve(
        faults.keep_alive_server(response(200, SNAPSHOT_BYTES, "application/json"))
    ) as running:
        yield running


def snapshot_ids(result: object) -> list[str]:
    return [model.id for model in result.iterable]


def test_threads_share_one_httpx_client(server, monkeypatch):
    """16 threads share one Client: all succeed, one httpx.Client, at most one connection each."""
    made: list[httpx.Client] = []
    real = httpx.Client

    class Spy(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(httpx, "Client", Spy)
    client = loopback.client(server.url)
    barrier = threading.Barrier(THREADS)
    results: dict[int, list[object]] = {}

    def work(index: int) -> None:
        barrier.wait()
        results[index] = []
        for _ in range(CALLS_PER_THREAD):
            try:
                results[index].append(snapshot_ids(models_snapshot.sync(client=client)))
            except Exception as exc:
                results[index].append(exc)
        results[index].append(client.get_httpx_client())

    threads = [threading.Thread(target=work, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    try:
        assert sorted(results) == list(range(THREADS))
        for outcomes in results.values():
            *calls, httpx_client = outcomes
            assert calls == [SNAPSHOT_IDS] * CALLS_PER_THREAD
            assert httpx_client is made[0]
        assert len(made) == 1
        assert len(server.received) == THREADS * CALLS_PER_THREAD
        assert 1 <= server.connections <= THREADS
    finally:
        client.close()


def test_two_asyncio_runs_with_one_client_leave_nothing_behind(server, monkeypatch):
    """Two asyncio.run() with one Client: both succeed, each loop's client closed, no warnings."""
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    client = loopback.client(server.url)

    async def call() -> tuple[list[str], httpx.AsyncClient]:
        result = await models_snapshot.asyncio(client=client)
        return snapshot_ids(result), client.get_async_httpx_client()

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first_ids, first = asyncio.run(call())
        assert first.is_closed
        second_ids, second = asyncio.run(call())
        assert second.is_closed
        assert second is not first
        del first, second
        gc.collect()
    assert unraisable == []
    assert first_ids == second_ids == SNAPSHOT_IDS
    assert client._async_clients == {}
    assert len(server.received) == 2


def test_event_loops_in_two_threads_get_their_own_async_client(server):
    """Two loops running at once in two threads each get, and close, their own AsyncClient."""
    client = loopback.client(server.url)
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    async def call() -> tuple[list[str], httpx.AsyncClient]:
        result = await models_snapshot.asyncio(client=client)
        mine = client.get_async_httpx_client()
        await asyncio.to_thread(barrier.wait, 10)  # both loops are alive here
        assert client.get_async_httpx_client() is mine
        return snapshot_ids(result), mine

    def work(index: int) -> None:
        try:
            outcomes[index] = asyncio.run(call())
        except BaseException as exc:
            outcomes[index] = exc

    threads = [threading.Thread(target=work, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    (ids_a, client_a), (ids_b, client_b) = outcomes
    assert ids_a == ids_b == SNAPSHOT_IDS
    assert client_a is not client_b
    assert client_a.is_closed
    assert client_b.is_closed
    assert client._async_clients == {}


def test_close_then_call_reopens(server):
    """close() closes the httpx.Client; the next call opens a new one and succeeds."""
    client = loopback.client(server.url)
    assert snapshot_ids(models_snapshot.sync(client=client)) == SNAPSHOT_IDS
    first = client.get_httpx_client()
    client.close()
    assert first.is_closed
    assert snapshot_ids(models_snapshot.sync(client=client)) == SNAPSHOT_IDS
    second = client.get_httpx_client()
    assert second is not first
    assert not second.is_closed
    client.close()
    assert second.is_closed
    client.close()  # closing twice is harmless


def test_with_block_twice(server):
    """`with client:` used twice: each block calls successfully and closes its connections at the end."""
    client = loopback.client(server.url)
    seen = []
    for _ in range(2):
        with client as entered:
            assert entered is client
            assert snapshot_ids(models_snapshot.sync(client=client)) == SNAPSHOT_IDS
            seen.append(client.get_httpx_client())
        assert seen[-1].is_closed
    assert seen[0] is not seen[1]


def test_async_with_block_twice_in_one_loop(server):
    """`async with client:` twice in one event loop: the second block reopens after the first closed."""
    client = loopback.client(server.url)

    async def main() -> list[httpx.AsyncClient]:
        seen = []
        for _ in range(2):
            async with client:
                assert snapshot_ids(await models_snapshot.asyncio(client=client)) == SNAPSHOT_IDS
                seen.append(client.get_async_httpx_client())
            assert seen[-1].is_closed
        return seen

    first, second = asyncio.run(main())
    assert first is not second


def test_aclose_closes_async_and_sync_clients(server):
    """aclose() closes the running loop's httpx.AsyncClient and the sync httpx.Client."""
    client = loopback.client(server.url)
    models_snapshot.sync(client=client)
    sync_client = client.get_httpx_client()

    async def main() -> httpx.AsyncClient:
        await models_snapshot.asyncio(client=client)
        async_client = client.get_async_httpx_client()
        await client.aclose()
        assert async_client.is_closed
        return async_client

    async_client = asyncio.run(main())
    assert async_client.is_closed
    assert sync_client.is_closed
    assert client._async_clients == {}


def test_closed_supplied_httpx_client_raises_client_closed(server):
    """set_httpx_client() with an httpx.Client that the caller closed: ClientClosed, nothing sent."""
    client = loopback.client(server.url)
    supplied = httpx.Client(base_url=server.url)
    supplied.close()
    client.set_httpx_client(supplied)
    with pytest.raises(errors.ClientClosed) as caught:
        models_snapshot.sync(client=client)
    assert type(caught.value) is errors.ClientClosed
    assert str(caught.value) == (
        "models-snapshot: the httpx client given to set_httpx_client/set_async_httpx_client is closed;"
        " set an open one, or call close()/aclose() on the Client to go back to its own connections"
    )
    assert server.received == []


def test_closed_supplied_async_client_raises_client_closed(server):
    """set_async_httpx_client() with a closed httpx.AsyncClient: ClientClosed, nothing sent."""
    client = loopback.client(server.url)

    async def main() -> None:
        supplied = httpx.AsyncClient(base_url=server.url)
        await supplied.aclose()
        client.set_async_httpx_client(supplied)
        await models_snapshot.asyncio(client=client)

    with pytest.raises(errors.ClientClosed) as caught:
        asyncio.run(main())
    assert type(caught.value) is errors.ClientClosed
    assert str(caught.value).startswith("models-snapshot: the httpx client given to set_httpx_client")
    assert server.received == []


def test_open_supplied_httpx_client_is_used(server):
    """Control for the two cases above: an open supplied httpx.Client is used (its headers are sent)."""
    client = loopback.client(server.url)
    with httpx.Client(base_url=server.url, headers={"X-Supplied": "yes"}) as supplied:
        client.set_httpx_client(supplied)
        assert snapshot_ids(models_snapshot.sync(client=client)) == SNAPSHOT_IDS
        assert client.get_httpx_client() is supplied
    assert server.received[0].headers["x-supplied"] == "yes"


@each_mode
@pytest.mark.parametrize(
    ("derive", "header", "expected"),
    [
        (lambda client: client.with_headers({"X-Trace": "abc"}), "x-trace", "abc"),
        (lambda client: client.with_cookies({"session": "s1"}), "cookie", "session=s1"),
    ],
    ids=["with_headers", "with_cookies"],
)
def test_derived_client_carries_the_new_setting_and_the_original_does_not(
    server, mode, derive, header, expected
):
    """with_headers/with_cookies: the new Client sends the setting, the original still does not."""
    unload = ENDPOINTS[4]
    original = loopback.client(server.url, headers={"X-Base": "1"})
    with original:
        invoke(models_snapshot, mode, client=original)  # builds the original's httpx client
        built = original.get_httpx_client()
        with derive(original) as derived:
            assert derived is not original
            invoke(unload_models, mode + "_detailed", client=derived)
            assert derived.get_httpx_client() is not built
        invoke(models_snapshot, mode, client=original)
        assert original.get_httpx_client() is built
    before, through_derived, after = server.received
    assert header not in before.headers
    assert through_derived.path == unload.path
    assert through_derived.headers[header] == expected
    assert through_derived.headers["x-base"] == "1"  # the original's settings are kept
    assert header not in after.headers
    assert after.headers["x-base"] == "1"


@each_mode
def test_with_timeout_applies_to_the_new_client_only(mode):
    """with_timeout(0.3): the new Client times out on a stall; the original keeps its timeout."""
    original_timeout = httpx.Timeout(7.0)
    with loopback.serve(faults.stall()) as stalled:
        original = loopback.client(stalled.url, timeout=original_timeout, deadline=None)
        built = original.get_httpx_client()
        derived = original.with_timeout(httpx.Timeout(0.3))
        try:
            with pytest.raises(errors.RequestTimeout) as caught:
                invoke(models_snapshot, mode, client=derived)
        finally:
            derived.close()
    assert "did not answer in time" in str(caught.value)
    assert original.get_httpx_client() is built
    assert built.timeout == original_timeout
    assert original._timeout == original_timeout
    original.close()


def test_calls_on_one_event_loop_share_one_connection(server):
    """Three calls in a row on one event loop reuse one httpx.AsyncClient and one connection."""
    client = loopback.client(server.url)

    async def main() -> None:
        async with client:
            for _ in range(3):
                await models_snapshot.asyncio(client=client)
            assert client.get_async_httpx_client() is client.get_async_httpx_client()

    asyncio.run(main())
    assert server.requests == 3
    assert server.connections == 1


def test_an_ended_event_loop_is_not_kept_alive(server):
    """A loop closed without shutdown_asyncgens() (so the Client could not close its httpx client
    there) is let go by the Client's next event loop: ended loops are not kept in memory."""
    client = loopback.client(server.url)
    loops = []

    async def call() -> None:
        loops.append(weakref.ref(asyncio.get_running_loop()))
        await models_snapshot.asyncio(client=client)

    loop = asyncio.new_event_loop()
    loop.run_until_complete(call())
    loop.close()
    del loop
    gc.collect()
    assert loops[0]() is not None  # the Client still holds it: nothing told it the loop ended
    asyncio.run(call())
    gc.collect()
    assert loops[0]() is None
