"""No status code crashes the client: every final status from 200 to 599, and the 1xx interim ones.

The stock generated client built HTTPStatus(code), which raises ValueError for 499, 520 and every
other unregistered code. Here *_detailed returns any status as an int, and sync() raises ApiError
(UnexpectedStatus when the spec does not declare the status) for everything but the success status.
"""

from __future__ import annotations

import httpx
import pytest
from werkzeug import Response

from pieces_models_client import errors
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import ENDPOINTS, Endpoint
from tools.loopback import response

FINAL_STATUSES = range(200, 600)
NO_BODY = (204, 304)  # HTTP forbids a body on these


class StatusServer:
    """Answers each request with the status the test set last; the success body when it is the
    operation's success status, a short text otherwise."""

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        self.code = 200

    def __call__(self, request: object) -> Response:
        if self.code in NO_BODY:
            return Response(status=self.code)
        if self.code == self.endpoint.success_status:
            return faults.status(self.code, self.endpoint.success_bytes, "application/json")
        return faults.status(self.code, f"status {self.code}".encode())


def expected_body(endpoint: Endpoint, code: int) -> bytes:
    if code in NO_BODY:
        return b""
    return endpoint.success_bytes if code == endpoint.success_status else f"status {code}".encode()


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_every_final_status_is_returned_or_raised_as_typed(endpoint):
    """For 200..599: sync_detailed returns the status as an int; sync returns only for the success
    status and raises ApiError (declared 500) or UnexpectedStatus (anything else) carrying the body."""
    responder = StatusServer(endpoint)
    declared = {endpoint.success_status, 500}
    with (
        loopback.serve(responder) as server,
        loopback.client(server.url, timeout=httpx.Timeout(5.0)) as client,
    ):
        for code in FINAL_STATUSES:
            responder.code = code
            response = endpoint.call("sync_detailed", client)
            assert response.status_code == code
            assert type(response.status_code) is int
            assert response.content == expected_body(endpoint, code)
            assert (response.parsed is not None) == (code == endpoint.success_status and endpoint.has_body)
            if code == endpoint.success_status:
                endpoint.call("sync", client)
                continue
            with pytest.raises(errors.ApiError) as caught:
                endpoint.call("sync", client)
            expected_type = errors.ApiError if code in declared else errors.UnexpectedStatus
            assert type(caught.value) is expected_type, code
            assert (caught.value.status_code, caught.value.content) == (code, expected_body(endpoint, code))


@pytest.mark.parametrize("code", [100, 102, 103, 150, 199])
def test_interim_1xx_responses_are_skipped(code):
    """1xx interim responses (Continue, Early Hints, unregistered ones) are passed over: the final
    response is what the call sees."""
    endpoint = ENDPOINTS[0]
    final = response(200, endpoint.success_bytes, "application/json")
    with loopback.serve(faults.interim(code, final)) as server, loopback.client(server.url) as client:
        snapshot = endpoint.call("sync", client)
    assert len(snapshot.iterable) == 23


def test_101_switching_protocols_is_a_transport_error():
    """A 101 switches the connection away from HTTP: the call fails with TransportError, typed."""
    endpoint = ENDPOINTS[0]
    final = response(200, b"{}", "application/json")
    with (
        loopback.serve(faults.interim(101, final)) as server,
        loopback.client(server.url) as client,
        pytest.raises(errors.TransportError) as caught,
    ):
        endpoint.call("sync", client)
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_raise_on_unexpected_status_makes_detailed_raise_for_undeclared_statuses(endpoint):
    """With raise_on_unexpected_status=True, *_detailed raise UnexpectedStatus for an undeclared
    status but still return the declared 500."""
    responder = StatusServer(endpoint)
    with (
        loopback.serve(responder) as server,
        loopback.client(server.url, raise_on_unexpected_status=True) as client,
    ):
        responder.code = 500
        assert endpoint.call("sync_detailed", client).status_code == 500
        responder.code = 418
        with pytest.raises(errors.UnexpectedStatus) as caught:
            endpoint.call("sync_detailed", client)
    assert (caught.value.status_code, caught.value.content) == (418, b"status 418")
