"""Discovery runs once per Client: later calls, async calls and concurrent first calls from several
threads probe no more (the stand-in counts the health checks it receives)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from pieces_models_client.api.models import models_snapshot
from tests.support.discovery_range import RangePorts, discovering_client, health_checks, stand_in


def test_second_call_does_not_probe_again(ports: RangePorts):
    """Two sync calls: one health check, two GET /models."""
    server = stand_in(ports)
    client = discovering_client()
    with client:
        models_snapshot.sync(client=client)
        models_snapshot.sync(client=client)
    assert health_checks(server) == 1, ports.describe()
    assert [r.target for r in server.received].count("/models") == 2


def test_async_calls_and_a_later_event_loop_do_not_probe_again(ports: RangePorts):
    """Two async calls, then one more in a second asyncio.run(): one health check."""
    server = stand_in(ports)
    client = discovering_client()

    async def calls(count: int) -> None:
        async with client:
            for _ in range(count):
                await models_snapshot.asyncio(client=client)

    asyncio.run(calls(2))
    asyncio.run(calls(1))
    assert client.base_url == server.url
    assert health_checks(server) == 1, ports.describe()


def test_concurrent_first_calls_probe_once(ports: RangePorts):
    """Eight threads making a Client's first call at once: one health check, eight GET /models."""
    server = stand_in(ports)
    client = discovering_client()
    with client, ThreadPoolExecutor(max_workers=8) as pool:
        snapshots = list(pool.map(lambda _: models_snapshot.sync(client=client), range(8)))
    assert all(len(snapshot.iterable) == 23 for snapshot in snapshots)
    assert health_checks(server) == 1, ports.describe()
    assert [r.target for r in server.received].count("/models") == 8
