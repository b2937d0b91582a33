"""Wrong addresses: a redirect, TLS spoken to a plain HTTP server, a refused connection.

Each error says what happened and what to change (follow_redirects=True, an http:// URL, where Pieces
OS listens), so that a misconfigured base_url is fixed from the message alone.
"""

from __future__ import annotations

import json

import pytest
from werkzeug import Response

from pieces_models_client import errors
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import DETAILED_MODES, ENDPOINTS, MODES, Endpoint

ELSEWHERE = "/v2"

each_endpoint = pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
each_mode = pytest.mark.parametrize("mode", MODES)


def success(endpoint: Endpoint) -> Response:
    return faults.status(endpoint.success_status, endpoint.success_bytes, "application/json")


def redirected(endpoint: Endpoint) -> object:
    """Redirect the operation's path to ELSEWHERE + that path, which answers the success response."""
    return faults.redirect(ELSEWHERE + endpoint.target, success(endpoint))


@each_endpoint
@each_mode
def test_redirect_is_not_followed_and_the_error_says_where(endpoint, mode):
    """An unfollowed 307: UnexpectedStatus naming the Location and follow_redirects=True."""
    with loopback.serve(redirected(endpoint)) as server:
        location = server.url + ELSEWHERE + endpoint.target
        with loopback.client(server.url) as client, pytest.raises(errors.UnexpectedStatus) as caught:
            endpoint.call(mode, client)
    error = caught.value
    assert type(error) is errors.UnexpectedStatus
    assert error.status_code == 307
    assert error.headers["location"] == location
    assert location in str(error)
    assert "follow_redirects=True" in str(error)
    assert error.operation == endpoint.module.OPERATION
    assert [request.path for request in server.received] == [endpoint.target]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("mode", DETAILED_MODES)
def test_every_redirect_status_is_returned_unfollowed(status, mode):
    """By default the *_detailed functions return any 3xx as it came, Location header included."""
    endpoint = ENDPOINTS[0]
    responder = faults.redirect(ELSEWHERE + endpoint.target, success(endpoint), status)
    with loopback.serve(responder) as server, loopback.client(server.url) as client:
        response = endpoint.call(mode, client)
    assert response.status_code == status
    assert response.parsed is None
    assert response.headers["location"] == server.url + ELSEWHERE + endpoint.target
    assert len(server.received) == 1


@each_endpoint
@each_mode
def test_redirect_is_followed_when_asked(endpoint, mode):
    """follow_redirects=True follows the 307 with the same method and body to the success."""
    with (
        loopback.serve(redirected(endpoint)) as server,
        loopback.client(server.url, follow_redirects=True) as client,
    ):
        result = endpoint.call(mode, client)
    if endpoint.has_body:
        assert result.to_dict() == type(result).from_dict(endpoint.success_body).to_dict()
    else:
        assert result is None
    first, second = server.received
    assert (first.method, first.path) == (endpoint.method, endpoint.target)
    assert (second.method, second.path) == (endpoint.method, ELSEWHERE + endpoint.target)
    if "body" in endpoint.kwargs:
        assert json.loads(second.body) == json.loads(first.body) == endpoint.kwargs["body"].to_dict()


@each_endpoint
@each_mode
def test_https_to_a_plain_http_server_says_use_http(endpoint, mode):
    """https:// to a plain HTTP server: exactly TransportError saying TLS and to use http://."""
    with loopback.serve(faults.status(200, endpoint.success_bytes)) as server:
        url = server.url.replace("http://", "https://")
        with loopback.client(url) as client, pytest.raises(errors.TransportError) as caught:
            endpoint.call(mode, client)
    error = caught.value
    assert type(error) is errors.TransportError, repr(error)
    assert "TLS" in str(error)
    assert "http://" in str(error)
    assert "use an http:// base_url" in str(error)
    assert error.url == url + endpoint.target
    assert error.operation == endpoint.module.OPERATION
    assert server.received == []


@each_endpoint
@each_mode
def test_refused_connection_names_where_pieces_os_listens(endpoint, mode):
    """Nothing listening: ServerUnreachable whose message names the URL and the 39300 port range."""
    url = f"http://127.0.0.1:{faults.refused_port()}"
    with loopback.client(url) as client, pytest.raises(errors.ServerUnreachable) as caught:
        endpoint.call(mode, client)
    error = caught.value
    assert type(error) is errors.ServerUnreachable
    assert "39300" in str(error)
    assert "39333" in str(error)
    assert url + endpoint.target in str(error)
    assert error.url == url + endpoint.target
