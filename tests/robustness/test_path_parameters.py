"""Model ids reach the server as one percent-encoded path segment that decodes to exactly the id.

Ids are drawn by hypothesis from any text (slashes, percent signs, ?, #, spaces, unicode, control
characters) and sent to a loopback server that routes on the raw request path.
"""

from __future__ import annotations

import dataclasses
import json
import re
from urllib.parse import quote, unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug import Request, Response

from pieces_models_client import errors
from pieces_models_client.api.models import models_delete_specific_model, models_delete_specific_model_cache
from tests.robustness import faults
from tests.spec.sdk_reference import encode_path_param
from tests.support import loopback
from tests.support.endpoints import CACHE_OUTPUT, ENDPOINTS

ROUTES = {
    "delete": re.compile(r"/models/(?P<id>[^/?#]+)/delete"),
    "cache": re.compile(r"/models/(?P<id>[^/?#]+)/delete/cache"),
}
CACHE_BODY = faults.status(200, json.dumps(CACHE_OUTPUT).encode(), "application/json")


def route(request: Request) -> Response:
    """A server that knows only the two id routes, matched on the path exactly as sent."""
    if ROUTES["cache"].fullmatch(request.environ["RAW_URI"]):
        return CACHE_BODY
    if ROUTES["delete"].fullmatch(request.environ["RAW_URI"]):
        return Response(status=204)
    return faults.status(404, b"no route")


@pytest.fixture(scope="module")
def server():
    with loopback.serve(route) as running:
        yield running


@pytest.fixture(scope="module")
def client(server):
    with loopback.client(server.url) as shared:
        yield shared


ids = st.text(min_size=1).filter(lambda text: text not in (".", ".."))
edge_ids = st.sampled_from(
    [
        "hf.co/org/repo:Q4_K_M",
        "a b",
        "100%",
        "?q=1",
        "#frag",
        "..%2F..",
        "...",
        "é模型🚀",
        "\x00\x1f\x7f",
        "/",
        "%2F",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(model_id=st.one_of(edge_ids, ids))
def test_any_id_lands_on_the_delete_route_intact(server, client, model_id):
    """The id travels as one segment, decodes to itself, and matches the official SDK's encoding."""
    response = models_delete_specific_model.sync_detailed(model_id, client=client)
    assert response.status_code == 204
    sent = server.received[-1].target
    match = ROUTES["delete"].fullmatch(sent)
    assert match, sent
    assert unquote(match["id"]) == model_id
    assert match["id"] == quote(model_id, safe="")
    assert sent == encode_path_param(model_id)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(model_id=st.one_of(edge_ids, ids))
def test_any_id_lands_on_the_cache_route_intact(server, client, model_id):
    """The same for /models/{model}/delete/cache, with a body."""
    output = models_delete_specific_model_cache.sync(model_id, client=client)
    assert output.model.id == CACHE_OUTPUT["model"]["id"]
    match = ROUTES["cache"].fullmatch(server.received[-1].target)
    assert match
    assert unquote(match["id"]) == model_id


ID_ENDPOINTS = [endpoint for endpoint in ENDPOINTS if endpoint.args]


@pytest.mark.parametrize("endpoint", ID_ENDPOINTS, ids=str)
@pytest.mark.parametrize("mode", ["sync", "sync_detailed", "asyncio", "asyncio_detailed"])
@pytest.mark.parametrize("bad_id", ["", ".", ".."])
def test_dot_and_empty_ids_are_refused_before_sending(server, endpoint, mode, bad_id):
    """ "", "." and ".." would collapse to another route: InvalidParameter naming `model`, no request."""
    before = len(server.received)
    subject = dataclasses.replace(endpoint, args=(bad_id,))
    with pytest.raises(errors.InvalidParameter) as caught:
        subject.call(mode, loopback.client(server.url))
    assert caught.value.parameter == "model"
    assert str(caught.value).startswith("model: ")
    assert isinstance(caught.value, ValueError)
    assert len(server.received) == before


def test_an_id_that_is_not_valid_unicode_is_refused(server):
    """A lone surrogate cannot be UTF-8 encoded: InvalidParameter, not a UnicodeEncodeError."""
    before = len(server.received)
    with pytest.raises(errors.InvalidParameter, match="model: cannot be encoded as UTF-8"):
        models_delete_specific_model.sync("model-\ud800", client=loopback.client(server.url))
    assert len(server.received) == before
