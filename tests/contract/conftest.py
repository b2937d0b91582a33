"""Fixtures of the contract tests: one recorded server for the session, and clients pointed at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from pieces_models_client import Client
from tests.support.loopback import SSL_CONTEXT
from tools.recorded_server import RecordedServer


@pytest.fixture(scope="session")
def recorded_server() -> Iterator[RecordedServer]:
    """The recorded server on an ephemeral port; each test declares its recordings with replaying()."""
    with RecordedServer() as server:
        yield server


@pytest.fixture
def http(recorded_server: RecordedServer) -> Iterator[httpx.Client]:
    """A plain httpx client pointed at the recorded server, for requests the generated client never sends."""
    with httpx.Client(base_url=recorded_server.url, verify=SSL_CONTEXT) as client:
        yield client


@pytest.fixture
def make_client(recorded_server: RecordedServer) -> Callable[[], Client]:
    """A factory of generated clients pointed at the recorded server."""
    return lambda: Client(base_url=recorded_server.url, verify_ssl=SSL_CONTEXT)
