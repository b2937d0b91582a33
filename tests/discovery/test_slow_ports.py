"""Ports that accept a connection and never answer cost discovery one probe timeout in all, whatever
their number, and proxies from the environment are never used to reach them."""

from __future__ import annotations

import asyncio
import time

import pytest

from pieces_models_client import afind_pieces_os, find_pieces_os
from pieces_models_client.api.models import models_snapshot
from tests.robustness import faults
from tests.support.discovery_range import RangePorts, discovering_client, stand_in


def stalled(ports: RangePorts) -> int:
    """A server that reads the probe and never answers, on the lowest free port of the range."""

    def start(port: int):
        server = faults.stall()
        server.port = port
        return server.start()

    return ports.start(start).port


def timed(find, *args: object) -> tuple[str, float]:
    start = time.monotonic()
    url = find(*args)
    return url, time.monotonic() - start


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_default_probe_timeout_is_one_second(ports: RangePorts, asynchronous: bool):
    """A silent port below Pieces OS delays find_pieces_os() and afind_pieces_os() by their default
    probe timeout: 1 s."""
    silent = stalled(ports)
    server = stand_in(ports)
    assert silent < server.port
    url, elapsed = timed((lambda: asyncio.run(afind_pieces_os())) if asynchronous else find_pieces_os)
    assert url == server.url
    assert 0.9 <= elapsed < 1.8, f"{elapsed:.2f} s"


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_timeout_bounds_each_probe(ports: RangePorts, asynchronous: bool):
    """timeout=0.3: the silent port is given up after 0.3 s, by find_pieces_os and afind_pieces_os."""
    stalled(ports)
    server = stand_in(ports)
    find = (lambda: asyncio.run(afind_pieces_os(0.3))) if asynchronous else (lambda: find_pieces_os(0.3))
    url, elapsed = timed(find)
    assert url == server.url
    assert 0.25 <= elapsed < 0.9, f"{elapsed:.2f} s"


def test_silent_ports_are_probed_all_at_once(ports: RangePorts):
    """Twenty silent ports cost one probe timeout, not twenty (nor one per batch of a small pool)."""
    for _ in range(20):
        stalled(ports)
    server = stand_in(ports)
    url, elapsed = timed(find_pieces_os, 0.3)
    assert url == server.url
    assert elapsed < 0.9, f"{elapsed:.2f} s for 20 silent ports"


def test_environment_proxies_are_not_used(ports: RangePorts, monkeypatch):
    """HTTP_PROXY and ALL_PROXY set to a dead proxy: the probes still go straight to 127.0.0.1."""
    dead = f"http://127.0.0.1:{faults.refused_port()}"
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, dead)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    server = stand_in(ports)
    assert find_pieces_os() == server.url


def test_async_discovery_leaves_the_event_loop_running(ports: RangePorts):
    """While an async call's discovery waits on a silent port (1 s), other tasks of the loop keep running."""
    stalled(ports)
    server = stand_in(ports)
    client = discovering_client()
    ticks = []

    async def ticker() -> None:
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.05)

    async def main() -> None:
        task = asyncio.create_task(ticker())
        async with client:
            await models_snapshot.asyncio(client=client)
        task.cancel()

    asyncio.run(main())
    assert client.base_url == server.url
    assert len(ticks) >= 10, f"{len(ticks)} ticks in a discovery of about 1 s"
