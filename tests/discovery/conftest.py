from __future__ import annotations

from collections.abc import Iterator

import pytest

from pieces_models_client.client import PIECES_OS_URL_VARIABLE
from tests.support.discovery_range import RangePorts, claimed_range


@pytest.fixture(autouse=True)
def ports(monkeypatch: pytest.MonkeyPatch) -> Iterator[RangePorts]:
    """The discovery range (tests/support/discovery_range.py), ours for the test; PIECES_OS_URL unset."""
    monkeypatch.delenv(PIECES_OS_URL_VARIABLE, raising=False)
    with claimed_range() as claimed:
        yield claimed
