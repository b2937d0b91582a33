"""Nothing answering where discovery looks gives ServerUnreachable, quickly, with a message that says
where it looked and how to point the client elsewhere."""

from __future__ import annotations

import asyncio
import time

import pytest

from pieces_models_client import afind_pieces_os, errors, find_pieces_os
from pieces_models_client.api.models import models_snapshot
from tests.support.discovery_range import RangePorts, discovering_client, health_checks, stand_in

# Where the message must say discovery looked, and how to point the client elsewhere.
NAMED = ["PIECES_OS_URL", "39300", "39333", "1000", "5323", "Client(base_url="]


def _client_sync() -> None:
    client = discovering_client()
    with client:
        models_snapshot.sync(client=client)


def _client_async() -> None:
    async def call() -> None:
        client = discovering_client()
        async with client:
            await models_snapshot.asyncio(client=client)

    asyncio.run(call())


ATTEMPTS = {
    "find_pieces_os": find_pieces_os,
    "afind_pieces_os": lambda: asyncio.run(afind_pieces_os()),
    "Client sync": _client_sync,
    "Client async": _client_async,
}


@pytest.mark.parametrize("attempt", list(ATTEMPTS))
def test_nothing_listening_raises_server_unreachable_within_a_second(ports: RangePorts, attempt: str):
    """Every free port of the range refuses (reserved, not listening): ServerUnreachable in under 1 s."""
    ports.skip_if_anything_answers()
    started = time.monotonic()
    with pytest.raises(errors.ServerUnreachable) as failure:
        ATTEMPTS[attempt]()
    elapsed = time.monotonic() - started
    message = str(failure.value)
    assert message.startswith("Pieces OS was not found"), message
    missing = [text for text in NAMED if text not in message]
    assert not missing, f"the message does not name {missing}: {message}"
    assert elapsed < 1.0, f"took {elapsed:.2f} s ({ports.describe()})"
    expected_operation = "models-snapshot" if attempt.startswith("Client") else ""
    assert failure.value.operation == expected_operation


def test_find_pieces_os_failure_carries_no_url_or_operation(ports: RangePorts):
    """The scan requested no single URL for an operation: url and operation are empty."""
    ports.skip_if_anything_answers()
    with pytest.raises(errors.ServerUnreachable) as failure:
        find_pieces_os()
    assert (failure.value.url, failure.value.operation) == ("", "")


def test_failed_discovery_is_not_remembered(ports: RangePorts):
    """A Client whose first call found nothing looks again on the next call (Pieces OS may have started
    since), and then keeps what it found."""
    ports.skip_if_anything_answers()
    client = discovering_client()
    with client:
        with pytest.raises(errors.ServerUnreachable):
            models_snapshot.sync(client=client)
        assert client.base_url is None
        server = stand_in(ports)
        assert len(models_snapshot.sync(client=client).iterable) == 23
    assert client.base_url == server.url, ports.describe()
    assert health_checks(server) == 1
