"""Fixtures of the contract tests: the recorded server, an httpx client to it; pytest-recording set-up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support.loopback import SSL_CONTEXT
from tools.cassettes import Persister
from tools.recorded_server import RecordedServer

# test_record_scenarios.py records (make record): collected only when named, as tools/record.py does.
collect_ignore = ["test_record_scenarios.py"]


def pytest_recording_configure(config: Any, vcr: Any) -> None:
    # vcrpy's, writing the provenance comment (pytest-recording 0.14.1's cannot load metadata).
    vcr.register_persister(Persister)


@pytest.fixture(scope="session")
def recorded_server() -> Iterator[RecordedServer]:
    """The recorded server on an ephemeral port; each test declares its recordings with replaying()."""
    with RecordedServer() as server:
        yield server


@pytest.fixture
def http(recorded_server: RecordedServer) -> Iterator[httpx.Client]:
    """A plain httpx client pointed at the recorded server, for requests the generated client never sends."""
    with httpx.Client(base_url=recorded_server.url, verify=SSL_CONTEXT) as plain:
        yield plain
