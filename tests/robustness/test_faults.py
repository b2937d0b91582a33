"""Fault injection: every operation, sync and async, against a loopback server that misbehaves.

Each case asserts the exact outcome (the exception type and what it carries, or the Response) and
that it came within bounded time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from pieces_models_client import errors
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import DETAILED_MODES, ENDPOINTS, MODES, Endpoint
from tests.support.round_trip import round_trip_problems
from tools.loopback import Request

TIMEOUT = 0.3  # the client timeout of these tests, in seconds
BOUND = 3.0  # no call may take longer than this, stalls included

each_endpoint = pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
each_mode = pytest.mark.parametrize("mode", MODES)


@dataclass
class Outcome:
    result: Any
    error: BaseException | None
    elapsed: float
    received: list[Request]


def run(endpoint: Endpoint, mode: str, responder: Any) -> Outcome:
    with loopback.serve(responder) as server:
        client = loopback.client(server.url, timeout=httpx.Timeout(TIMEOUT))
        start = time.monotonic()
        try:
            result, error = endpoint.call(mode, client), None
        except Exception as exc:
            result, error = None, exc
        elapsed = time.monotonic() - start
        if not mode.startswith("asyncio"):
            client.get_httpx_client().close()
        assert elapsed < BOUND, f"{endpoint} {mode} took {elapsed:.2f}s"
        return Outcome(result, error, elapsed, list(server.received))


def api_error(outcome: Outcome, endpoint: Endpoint, cls: type, status: int, content: bytes) -> Any:
    """The outcome is exactly `cls` for this status, carrying the whole body and the operation."""
    assert type(outcome.error) is cls, repr(outcome.error)
    error = outcome.error
    assert error.status_code == status
    assert error.content == content
    assert error.operation == endpoint.module.OPERATION
    return error


@each_endpoint
@each_mode
def test_success_returns_the_typed_body(endpoint, mode):
    """The plain call: the success status returns the parsed body (None for the 204 operations)."""
    outcome = run(
        endpoint, mode, faults.status(endpoint.success_status, endpoint.success_bytes, "application/json")
    )
    assert outcome.error is None
    if endpoint.has_body:
        assert (
            round_trip_problems(
                endpoint.success_body, outcome.result.to_dict(), type(outcome.result).__name__
            )
            == []
        )
    else:
        assert outcome.result is None
    assert [(r.method, r.path) for r in outcome.received] == [(endpoint.method, endpoint.target)]


@each_endpoint
@each_mode
def test_500_text_raises_api_error(endpoint, mode):
    """Pieces' documented error: ApiError (not UnexpectedStatus) with the text body, never data."""
    outcome = run(endpoint, mode, faults.status(500, b"Internal Server Error: model not found"))
    error = api_error(outcome, endpoint, errors.ApiError, 500, b"Internal Server Error: model not found")
    assert error.text == "Internal Server Error: model not found"
    assert "HTTP 500" in str(error)


@each_endpoint
@each_mode
def test_502_html_raises_unexpected_status(endpoint, mode):
    """An undeclared 502 from a proxy, with an HTML page: UnexpectedStatus carrying the page."""
    outcome = run(endpoint, mode, faults.status(502, faults.HTML_PAGE, "text/html"))
    api_error(outcome, endpoint, errors.UnexpectedStatus, 502, faults.HTML_PAGE)


@each_endpoint
@each_mode
@pytest.mark.parametrize("code", [499, 520])
def test_unregistered_status_raises_unexpected_status(endpoint, mode, code):
    """Status codes HTTPStatus does not know (499, 520) raise UnexpectedStatus instead of crashing."""
    outcome = run(endpoint, mode, faults.status(code, b"odd"))
    api_error(outcome, endpoint, errors.UnexpectedStatus, code, b"odd")


@each_endpoint
@each_mode
@pytest.mark.parametrize(
    ("label", "body", "content_type", "reason"),
    [
        ("empty", b"", "application/json", "the body is empty"),
        ("malformed JSON", b'{"iterable": [', "application/json", "the body is not JSON"),
        ("HTML", faults.HTML_PAGE, "text/html", "the body is not JSON"),
        ("nested too deep", b"[" * 100_000 + b"]" * 100_000, "application/json", "the body nests too deeply"),
    ],
)
def test_200_that_is_not_the_schema(endpoint, mode, label, body, content_type, reason):
    """A 200 with an unusable body: ResponseParseError with the raw body for JSON operations;
    for the 204 operations a 200 is not their success status, so UnexpectedStatus."""
    outcome = run(endpoint, mode, faults.status(200, body, content_type))
    if not endpoint.has_body:
        api_error(outcome, endpoint, errors.UnexpectedStatus, 200, body)
        return
    assert type(outcome.error) is errors.ResponseParseError, repr(outcome.error)
    error = outcome.error
    assert error.reason.startswith(reason)
    assert (error.status_code, error.content, error.path) == (200, body, [])
    assert error.operation == endpoint.module.OPERATION


@each_endpoint
@each_mode
def test_truncated_body_raises_transport_error(endpoint, mode):
    """Content-Length longer than the body, then EOF: TransportError naming the URL."""
    outcome = run(endpoint, mode, faults.truncated())
    assert type(outcome.error) is errors.TransportError, repr(outcome.error)
    assert outcome.error.url.endswith(endpoint.target)
    assert isinstance(outcome.error.__cause__, httpx.RemoteProtocolError)


@each_endpoint
@each_mode
def test_connection_reset_mid_body_raises_transport_error(endpoint, mode):
    """A reset in the middle of the body: TransportError with the httpx error as its cause."""
    outcome = run(endpoint, mode, faults.reset_mid_body())
    assert type(outcome.error) is errors.TransportError, repr(outcome.error)
    assert isinstance(outcome.error.__cause__, httpx.TransportError)
    assert outcome.error.operation == endpoint.module.OPERATION


@each_endpoint
@each_mode
def test_stall_longer_than_the_timeout_raises_request_timeout(endpoint, mode):
    """A server that never answers: RequestTimeout soon after the client's timeout, never a hang."""
    outcome = run(endpoint, mode, faults.stall())
    assert type(outcome.error) is errors.RequestTimeout, repr(outcome.error)
    assert isinstance(outcome.error.__cause__, httpx.ReadTimeout)
    assert TIMEOUT <= outcome.elapsed < TIMEOUT + 1.5
    assert "did not answer in time" in str(outcome.error)


@each_endpoint
@each_mode
def test_10_mb_error_body_is_kept_whole(endpoint, mode):
    """A 10 MB error body: all of it on the exception, only a short preview in its message."""
    outcome = run(endpoint, mode, faults.status(500, faults.TEN_MB_TEXT))
    error = api_error(outcome, endpoint, errors.ApiError, 500, faults.TEN_MB_TEXT)
    assert len(str(error)) < 1000
    assert "10485760 bytes in all" in str(error)


@each_endpoint
@each_mode
def test_connection_refused_raises_server_unreachable(endpoint, mode):
    """Nothing listening: ServerUnreachable naming the URL and saying Pieces OS may not be running."""
    base_url = f"http://127.0.0.1:{faults.refused_port()}"
    client = loopback.client(base_url, timeout=httpx.Timeout(TIMEOUT))
    start = time.monotonic()
    with pytest.raises(errors.ServerUnreachable) as caught:
        endpoint.call(mode, client)
    assert time.monotonic() - start < BOUND
    message = str(caught.value)
    assert f"{base_url}{endpoint.target}" in message
    assert "Pieces OS may not be running" in message
    assert caught.value.url == f"{base_url}{endpoint.target}"
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


@each_endpoint
@pytest.mark.parametrize("mode", DETAILED_MODES)
@pytest.mark.parametrize("code", [500, 502, 499, 520])
def test_detailed_returns_a_response_for_error_statuses(endpoint, mode, code):
    """*_detailed never raise for a status: they return it, the raw body, and parsed=None."""
    outcome = run(endpoint, mode, faults.status(code, b"failure text"))
    assert outcome.error is None, repr(outcome.error)
    assert (outcome.result.status_code, outcome.result.content, outcome.result.parsed) == (
        code,
        b"failure text",
        None,
    )
