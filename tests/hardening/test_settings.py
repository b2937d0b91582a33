"""Every Client setting and every documented exception attribute changes what happens on the wire.

Each test fails when the setting is ignored: headers and cookies that are not sent, a timeout that is
not applied, a verify_ssl that does not reach the TLS handshake, httpx failures not mapped to the
documented exception, response headers dropped from ApiError.
"""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from pieces_models_client import Client, errors
from pieces_models_client.api.models import models_delete_specific_model, models_snapshot
from pieces_models_client.client import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT
from pieces_models_client.models import Model
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import ENDPOINTS, MODEL, MODES, SNAPSHOT_BYTES

SNAPSHOT_REPLY = faults.status(200, SNAPSHOT_BYTES, "application/json")
each_mode = pytest.mark.parametrize("mode", MODES)


def call(mode: str, client: Client, operation=models_snapshot, *args):
    """Call `operation` in `mode` (sync, or asyncio to completion)."""
    if mode == "sync":
        return operation.sync(*args, client=client)
    return asyncio.run(operation.asyncio(*args, client=client))


def test_defaults_are_the_documented_constants():
    """A Client made with no settings uses DEFAULT_TIMEOUT, DEFAULT_DEADLINE and the 64 MiB cap."""
    assert httpx.Timeout(60.0, connect=5.0) == DEFAULT_TIMEOUT
    assert (DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES) == (300.0, 64 * 1024 * 1024)
    client = Client(base_url="http://127.0.0.1:9")
    assert client.get_httpx_client().timeout == DEFAULT_TIMEOUT
    assert (client.deadline, client.max_response_bytes) == (DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES)
    client.close()


@each_mode
def test_headers_and_cookies_are_sent(mode):
    """headers= and cookies= reach every request."""
    with loopback.serve(SNAPSHOT_REPLY) as server:
        client = loopback.client(server.url, headers={"X-Application-ID": "tests"}, cookies={"k": "v"})
        call(mode, client)
        client.close()
    sent = server.received[0].headers
    assert sent["x-application-id"] == "tests"
    assert sent["cookie"] == "k=v"


@each_mode
def test_timeout_setting_bounds_a_stalled_server(mode):
    """timeout= is applied: a stall past it raises RequestTimeout in about that time, not the deadline's."""
    with loopback.serve(faults.stall()) as server:
        client = loopback.client(server.url, timeout=httpx.Timeout(0.3), deadline=None)
        start = time.monotonic()
        with pytest.raises(errors.RequestTimeout) as caught:
            call(mode, client)
        elapsed = time.monotonic() - start
        client.close()
    assert 0.25 <= elapsed < 1.5
    assert "deadline" not in str(caught.value)
    assert caught.value.url == f"{server.url}/models"
    assert caught.value.operation == "models-snapshot"


@each_mode
def test_with_timeout_applies_its_argument(mode):
    """with_timeout(t) gives a Client whose calls end after t; the original keeps its own timeout."""
    with loopback.serve(faults.stall()) as server:
        original = loopback.client(server.url, deadline=None)
        original.get_httpx_client()  # built before with_timeout is called
        quick = original.with_timeout(httpx.Timeout(0.2))
        start = time.monotonic()
        with pytest.raises(errors.RequestTimeout):
            call(mode, quick)
        assert time.monotonic() - start < 1.2
        assert original.get_httpx_client().timeout == DEFAULT_TIMEOUT
        original.close()
        quick.close()


def mock_client(exception: Exception) -> Client:
    """A Client whose transport raises `exception` for every request."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise exception

    return Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)})


@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        (httpx.ConnectTimeout("connect"), errors.RequestTimeout),
        (httpx.ReadTimeout("read"), errors.RequestTimeout),
        (httpx.WriteTimeout("write"), errors.RequestTimeout),
        (httpx.PoolTimeout("pool"), errors.RequestTimeout),
        (httpx.ConnectError("refused"), errors.ServerUnreachable),
        (httpx.RemoteProtocolError("garbage"), errors.TransportError),
        (httpx.ReadError("reset"), errors.TransportError),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else value.__name__,
)
def test_every_httpx_failure_maps_to_its_documented_exception(exception, expected):
    """Each httpx timeout (connect, read, write, pool) is a RequestTimeout; refusal is ServerUnreachable."""
    client = mock_client(exception)
    with pytest.raises(errors.PiecesModelsError) as caught:
        models_snapshot.sync(client=client)
    assert type(caught.value) is expected
    assert caught.value.url == "http://127.0.0.1:9/models"
    assert caught.value.operation == "models-snapshot"
    assert caught.value.__cause__ is exception
    if expected is errors.TransportError:
        name = type(exception).__name__
        assert (
            str(caught.value)
            == f"models-snapshot: the connection to http://127.0.0.1:9/models failed ({name}: {exception})"
        )


def test_httpx_args_reach_the_httpx_client():
    """httpx_args= is passed to httpx: an event hook given there sees the request."""
    seen: list[str] = []
    with loopback.serve(SNAPSHOT_REPLY) as server:
        client = loopback.client(
            server.url,
            httpx_args={"event_hooks": {"request": [lambda request: seen.append(request.url.path)]}},
        )
        models_snapshot.sync(client=client)
        client.close()
    assert seen == ["/models"]


@each_mode
def test_api_error_carries_the_response_headers(mode):
    """ApiError.headers holds the error response's headers (names in lower case)."""
    reply = faults.status(500, b"boom", **{"X-Trace-Id": "abc123"})
    with loopback.serve(reply) as server:
        client = loopback.client(server.url)
        with pytest.raises(errors.ApiError) as caught:
            call(mode, client, models_delete_specific_model, "m1")
        client.close()
    assert type(caught.value) is errors.ApiError
    assert caught.value.headers["x-trace-id"] == "abc123"
    assert caught.value.headers["content-type"] == "text/plain"
    assert (caught.value.status_code, caught.value.content, caught.value.text) == (500, b"boom", "boom")


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_raise_on_unexpected_status_switches_detailed_calls(endpoint):
    """raise_on_unexpected_status=True makes *_detailed raise UnexpectedStatus for an undeclared 404,
    carrying the status, body, operation and headers; by default the 404 is returned."""
    reply = faults.status(404, b"nope", **{"X-Why": "gone"})
    with loopback.serve(reply) as server:
        lenient = loopback.client(server.url)
        assert endpoint.call("sync_detailed", lenient).status_code == 404
        strict = loopback.client(server.url, raise_on_unexpected_status=True)
        with pytest.raises(errors.UnexpectedStatus) as caught:
            endpoint.call("sync_detailed", strict)
        lenient.close()
        strict.close()
    error = caught.value
    assert (error.status_code, error.content, error.headers["x-why"]) == (404, b"nope", "gone")
    assert error.operation == endpoint.module.OPERATION


@pytest.fixture
def tls_server():
    """A loopback HTTPS server with the self-signed certificate of tests/data/tls."""
    with loopback.serve_tls(SNAPSHOT_REPLY) as server:
        yield server.url


def test_verify_ssl_reaches_the_tls_handshake(tls_server):
    """verify_ssl=True refuses a self-signed certificate; False, or a context trusting it, accepts it."""
    with pytest.raises(errors.TransportError) as caught:
        models_snapshot.sync(client=Client(base_url=tls_server))
    assert "TLS" in str(caught.value)
    assert "CERTIFICATE_VERIFY_FAILED" in str(caught.value)
    assert len(models_snapshot.sync(client=Client(base_url=tls_server, verify_ssl=False)).iterable) == 23
    trusting = loopback.trusting_tls()
    assert len(models_snapshot.sync(client=Client(base_url=tls_server, verify_ssl=trusting)).iterable) == 23


@pytest.mark.parametrize(
    ("field", "value"),
    [("cloud", 0), ("cloud", 1), ("cloud", "true"), ("loaded", 1), ("cpu", 0)],
)
def test_booleans_are_not_integers(field, value):
    """A boolean field refuses 0, 1 and "true": exactly JSON true or false."""
    body = {**MODEL, field: value}
    with pytest.raises(errors.ResponseParseError) as caught:
        Model.from_dict(body)
    assert caught.value.path == [field]
    assert "expected boolean" in caught.value.reason


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("schema", "migration"), True, "integer"),
        (("schema", "migration"), 1.5, "integer"),
        (("schema", "migration"), "1", "integer"),
        (("parameters",), True, "number"),
        (("parameters",), "7", "number"),
        (("maxTokens", "total"), False, "number"),
    ],
)
def test_numbers_are_checked_exactly(path, value, expected):
    """Integer and number fields refuse booleans, strings and (for integers) fractions, at their path."""
    body = {key: (dict(item) if isinstance(item, dict) else item) for key, item in MODEL.items()}
    body.setdefault("maxTokens", {"total": 4096})
    target = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(errors.ResponseParseError) as caught:
        Model.from_dict(body)
    assert caught.value.path == list(path)
    assert f"expected {expected}" in caught.value.reason
