"""Another HTTP server on a lower port of the range, answering 404 to everything, is passed over: only a
200 on GET /.well-known/health counts."""

from __future__ import annotations

import asyncio

import pytest

from pieces_models_client import afind_pieces_os, find_pieces_os
from pieces_models_client.api.models import models_snapshot
from pieces_models_client.client import HEALTH_PATH
from tests.support.discovery_range import RangePorts, decoy, discovering_client, stand_in


def _find(mode: str) -> str:
    if mode == "find_pieces_os":
        return find_pieces_os()
    if mode == "afind_pieces_os":
        return asyncio.run(afind_pieces_os())
    client = discovering_client()
    if mode == "Client sync":
        with client:
            models_snapshot.sync(client=client)
    else:

        async def call() -> None:
            async with client:
                await models_snapshot.asyncio(client=client)

        asyncio.run(call())
    assert client.base_url is not None
    return client.base_url


@pytest.mark.parametrize("mode", ["find_pieces_os", "afind_pieces_os", "Client sync", "Client async"])
def test_server_answering_404_on_a_lower_port_is_passed_over(ports: RangePorts, mode: str):
    """The decoy is probed once, answers 404, and discovery settles on the stand-in above it."""
    other = ports.serve(decoy)
    server = stand_in(ports)
    where = f"decoy on {other.port}, stand-in on {server.port}; {ports.describe()}"
    assert other.port < server.port, where
    assert _find(mode) == server.url, where
    assert [(r.method, r.target) for r in other.received] == [("GET", HEALTH_PATH)], where
