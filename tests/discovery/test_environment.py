"""PIECES_OS_URL, when set, is where Pieces OS is: it wins over the scan (nothing in the range is probed),
is normalized like base_url, and a value that is not a base URL raises InvalidParameter."""

from __future__ import annotations

import asyncio

import pytest

from pieces_models_client import afind_pieces_os, errors, find_pieces_os
from pieces_models_client.api.models import models_snapshot
from pieces_models_client.client import PIECES_OS_URL_VARIABLE
from tests.support.discovery_range import RangePorts, discovering_client, pieces_os, stand_in
from tests.support.loopback import serve


def test_pieces_os_url_wins_over_a_stand_in_in_the_range(ports: RangePorts, monkeypatch):
    """find_pieces_os() and afind_pieces_os() return PIECES_OS_URL (trimmed, trailing slash dropped) and
    probe nothing, though a stand-in answers in the range."""
    in_range = stand_in(ports)
    with serve(pieces_os) as elsewhere:
        monkeypatch.setenv(PIECES_OS_URL_VARIABLE, f"  {elsewhere.url}/ ")
        assert find_pieces_os() == elsewhere.url
        assert asyncio.run(afind_pieces_os()) == elsewhere.url
    assert in_range.received == [], ports.describe()
    assert elsewhere.received == []


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_client_goes_where_pieces_os_url_says(ports: RangePorts, monkeypatch, asynchronous: bool):
    """Client()'s first call goes to PIECES_OS_URL, which becomes its base_url; the stand-in in the
    range receives nothing."""
    in_range = stand_in(ports)
    with serve(pieces_os) as elsewhere:
        monkeypatch.setenv(PIECES_OS_URL_VARIABLE, elsewhere.url)
        client = discovering_client()
        if asynchronous:

            async def call() -> None:
                async with client:
                    await models_snapshot.asyncio(client=client)

            asyncio.run(call())
        else:
            with client:
                models_snapshot.sync(client=client)
    assert client.base_url == elsewhere.url
    assert [(r.method, r.target) for r in elsewhere.received] == [("GET", "/models")]
    assert in_range.received == [], ports.describe()


BAD_VALUES = [
    ("localhost:39300", "did you mean 'http://localhost:39300'?"),
    ("ftp://127.0.0.1:39300", "is not an http:// or https:// URL with a host"),
    ("http://127.0.0.1:39300/?x=1", "must not have a query or fragment"),
    ("http://127.0.0.1:99999", "has an invalid port"),
]


@pytest.mark.parametrize(("value", "says"), BAD_VALUES, ids=[value for value, _ in BAD_VALUES])
def test_pieces_os_url_that_is_not_a_base_url_raises_invalid_parameter(
    ports: RangePorts, monkeypatch, value: str, says: str
):
    """find_pieces_os(), afind_pieces_os() and Client()'s first call refuse a malformed PIECES_OS_URL
    with InvalidParameter quoting it, instead of probing; nothing reaches the stand-in."""
    in_range = stand_in(ports)
    monkeypatch.setenv(PIECES_OS_URL_VARIABLE, value)
    client = discovering_client()
    for attempt in (
        find_pieces_os,
        lambda: asyncio.run(afind_pieces_os()),
        lambda: models_snapshot.sync(client=client),
    ):
        with pytest.raises(errors.InvalidParameter) as refused:
            attempt()
        assert refused.value.parameter == PIECES_OS_URL_VARIABLE
        assert str(refused.value).startswith(f"{PIECES_OS_URL_VARIABLE}: {value!r} ")
        assert says in str(refused.value)
    assert client.base_url is None
    assert in_range.received == [], ports.describe()
