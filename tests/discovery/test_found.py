"""A stand-in Pieces OS in the discovery range is found: by find_pieces_os(), by afind_pieces_os(), and
by a Client without base_url on its first call (sync and async), which then shows it as base_url."""

from __future__ import annotations

import asyncio

from pieces_models_client import afind_pieces_os, find_pieces_os
from pieces_models_client.api.models import models_snapshot
from pieces_models_client.models import Models
from tests.support.discovery_range import RangePorts, discovering_client, stand_in


def test_find_pieces_os_returns_the_stand_in(ports: RangePorts):
    """find_pieces_os() returns the URL of the port that answers the health check with 200."""
    server = stand_in(ports)
    assert find_pieces_os() == server.url, ports.describe()


def test_afind_pieces_os_returns_the_stand_in(ports: RangePorts):
    """afind_pieces_os() finds the same, from a running event loop."""
    server = stand_in(ports)
    assert asyncio.run(afind_pieces_os()) == server.url, ports.describe()


def test_client_finds_the_stand_in_on_its_first_call(ports: RangePorts):
    """Client() has no base_url until its first call, which finds the stand-in and reads its snapshot."""
    server = stand_in(ports)
    client = discovering_client()
    assert client.base_url is None
    with client:
        snapshot = models_snapshot.sync(client=client)
    assert client.base_url == server.url, ports.describe()
    assert isinstance(snapshot, Models)
    assert len(snapshot.iterable) == 23
    assert [r.target for r in server.received if r.target == "/models"] == ["/models"]


def test_client_finds_the_stand_in_on_its_first_async_call(ports: RangePorts):
    """The same with an async first call."""
    server = stand_in(ports)
    client = discovering_client()

    async def first_call() -> Models | None:
        async with client:
            return await models_snapshot.asyncio(client=client)

    snapshot = asyncio.run(first_call())
    assert client.base_url == server.url, ports.describe()
    assert isinstance(snapshot, Models)
    assert len(snapshot.iterable) == 23
