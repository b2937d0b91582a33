"""Proxies from the environment: never for a loopback Pieces OS, as httpx does for any other host.

A "proxy" here is a loopback server that records what reaches it and answers like Pieces OS would, so
whether a request went through it (and in which form) is observed on the wire, not inferred.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from werkzeug import Response

from pieces_models_client import errors
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import ENDPOINTS, MODES, Endpoint

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
NO_PROXY_VARIABLES = ("NO_PROXY", "no_proxy")
SNAPSHOT = ENDPOINTS[0]

each_mode = pytest.mark.parametrize("mode", MODES)
# A GET without a body, a POST with one, and a POST with a path parameter.
some_endpoints = pytest.mark.parametrize("endpoint", [ENDPOINTS[0], ENDPOINTS[1], ENDPOINTS[3]], ids=str)

requires_ipv6 = pytest.mark.skipif(
    not faults.ipv6_loopback_available(), reason="this machine cannot listen on the IPv6 loopback [::1]"
)


def success(endpoint: Endpoint) -> Response:
    return faults.status(endpoint.success_status, endpoint.success_bytes, "application/json")


@pytest.fixture
def clean_environment(monkeypatch):
    """No proxy variable from the machine running the tests leaks into them."""
    for name in PROXY_VARIABLES + NO_PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def set_proxies(monkeypatch: pytest.MonkeyPatch, url: str, names: tuple[str, ...] = PROXY_VARIABLES) -> None:
    for name in names:
        monkeypatch.setenv(name, url)


@contextmanager
def pieces_os(host: str, endpoint: Endpoint) -> Iterator[tuple[loopback.Server, str]]:
    """The real server on the loopback interface of `host`, and the base_url naming it by `host`."""
    if host == "[::1]":
        with loopback.serve(success(endpoint), host="::1") as server:
            yield server, server.url
    else:
        with loopback.serve(success(endpoint)) as server:
            yield server, f"http://{host}:{server.port}"


def assert_success(endpoint: Endpoint, result: object) -> None:
    if endpoint.has_body:
        assert result.to_dict() == type(result).from_dict(endpoint.success_body).to_dict()
    else:
        assert result is None


LOOPBACK_HOSTS = ["127.0.0.1", "localhost", pytest.param("[::1]", marks=requires_ipv6)]


@some_endpoints
@each_mode
@pytest.mark.parametrize("host", LOOPBACK_HOSTS)
def test_env_proxy_is_bypassed_for_loopback(clean_environment, endpoint, mode, host):
    """With every proxy variable set, a loopback base_url goes direct; the proxy sees nothing."""
    with loopback.serve(success(endpoint)) as proxy, pieces_os(host, endpoint) as (server, base_url):
        set_proxies(clean_environment, proxy.url)
        with loopback.client(base_url) as client:
            assert_success(endpoint, endpoint.call(mode, client))
    assert proxy.received == []
    assert [(request.method, request.target) for request in server.received] == [
        (endpoint.method, endpoint.target)
    ]


@each_mode
@pytest.mark.parametrize("host", LOOPBACK_HOSTS)
def test_dead_env_proxy_does_not_break_loopback(clean_environment, mode, host):
    """Every proxy variable set to a port where nothing listens: a loopback call still succeeds."""
    set_proxies(clean_environment, f"http://127.0.0.1:{faults.refused_port()}")
    with pieces_os(host, SNAPSHOT) as (server, base_url), loopback.client(base_url) as client:
        assert_success(SNAPSHOT, SNAPSHOT.call(mode, client))
    assert len(server.received) == 1


@some_endpoints
@each_mode
def test_explicit_proxy_is_honoured(clean_environment, endpoint, mode):
    """httpx_args={'proxy': url} routes even loopback calls through it, absolute-form target."""
    with (
        loopback.serve(success(endpoint)) as proxy,
        loopback.serve(success(endpoint)) as server,
        loopback.client(server.url, httpx_args={"proxy": proxy.url}) as client,
    ):
        assert_success(endpoint, endpoint.call(mode, client))
    assert server.received == []
    [request] = proxy.received
    assert (request.method, request.target) == (endpoint.method, server.url + endpoint.target)
    assert request.headers["host"] == server.url.removeprefix("http://")


@each_mode
@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"])
def test_env_proxy_is_used_for_other_hosts(clean_environment, mode, variable):
    """A non-loopback host uses the env proxy as httpx does: the proxy receives the request."""
    with loopback.serve(success(SNAPSHOT)) as proxy:
        set_proxies(clean_environment, proxy.url, (variable,))
        with loopback.client("http://pieces.invalid:9") as client:
            assert_success(SNAPSHOT, SNAPSHOT.call(mode, client))
    [request] = proxy.received
    assert (request.method, request.target) == ("GET", "http://pieces.invalid:9/models")
    assert request.headers["host"] == "pieces.invalid:9"


@each_mode
def test_env_proxy_is_bypassed_for_a_localhost_subdomain(clean_environment, mode):
    """*.localhost names this machine too (RFC 6761): the env proxy never sees such a request, whether
    or not this machine's resolver knows the name."""
    with loopback.serve(success(SNAPSHOT)) as proxy, loopback.serve(success(SNAPSHOT)) as server:
        set_proxies(clean_environment, proxy.url)
        # ServerUnreachable when the resolver does not know pieces.localhost: still not via the proxy.
        with (
            loopback.client(f"http://pieces.localhost:{server.port}") as client,
            contextlib.suppress(errors.ServerUnreachable),
        ):
            assert_success(SNAPSHOT, SNAPSHOT.call(mode, client))
    assert proxy.received == []


@each_mode
def test_mounts_given_in_httpx_args_are_honoured(clean_environment, mode):
    """httpx_args={'mounts': ...} routing a loopback URL through a proxy is kept as given."""
    with loopback.serve(success(SNAPSHOT)) as proxy, loopback.serve(success(SNAPSHOT)) as server:
        mounts = {
            "all://": (httpx.AsyncHTTPTransport if mode == "asyncio" else httpx.HTTPTransport)(
                proxy=proxy.url
            )
        }
        with loopback.client(server.url, httpx_args={"mounts": mounts}) as client:
            assert_success(SNAPSHOT, SNAPSHOT.call(mode, client))
    assert server.received == []
    [request] = proxy.received
    assert request.target == server.url + SNAPSHOT.target
