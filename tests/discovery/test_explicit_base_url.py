"""A Client given a base_url never runs discovery: no port is probed and PIECES_OS_URL is not read."""

from __future__ import annotations

import asyncio

import pytest

from pieces_models_client.api.models import models_snapshot
from pieces_models_client.client import PIECES_OS_URL_VARIABLE
from tests.support.discovery_range import RangePorts, pieces_os, stand_in
from tests.support.loopback import client, serve


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_explicit_base_url_probes_nothing(ports: RangePorts, monkeypatch, asynchronous: bool):
    """Calls go to the given base_url only: the stand-in in the range receives nothing, and a malformed
    PIECES_OS_URL is never looked at."""
    in_range = stand_in(ports)
    monkeypatch.setenv(PIECES_OS_URL_VARIABLE, "not a URL")
    with serve(pieces_os) as given:
        explicit = client(given.url)
        if asynchronous:

            async def calls() -> None:
                async with explicit:
                    await models_snapshot.asyncio(client=explicit)
                    await models_snapshot.asyncio(client=explicit)

            asyncio.run(calls())
        else:
            with explicit:
                models_snapshot.sync(client=explicit)
                models_snapshot.sync(client=explicit)
    assert explicit.base_url == given.url
    assert [(r.method, r.target) for r in given.received] == [("GET", "/models")] * 2
    assert in_range.received == [], ports.describe()
