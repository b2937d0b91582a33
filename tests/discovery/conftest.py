"""Discovery tests: each holds the discovery range (tests/support/discovery_range.py) for its duration,
with PIECES_OS_URL unset, and puts its stand-ins there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pieces_models_client.client import PIECES_OS_URL_VARIABLE
from tests.support.discovery_range import RangePorts, claimed_range


@pytest.fixture(autouse=True)
def ports(monkeypatch: pytest.MonkeyPatch) -> Iterator[RangePorts]:
    """The discovery range, ours for the test (locked across xdist workers); PIECES_OS_URL unset."""
    monkeypatch.delenv(PIECES_OS_URL_VARIABLE, raising=False)
    with claimed_range() as claimed:
        yield claimed
