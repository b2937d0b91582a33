"""Arguments that cannot be sent are refused before anything is sent: path parameters, bodies, base_url.

Every refusal is an InvalidParameter naming the parameter and what was wrong, and the loopback server
behind the Client receives nothing.
"""

from __future__ import annotations

import datetime
import json
import socket

import pytest

from pieces_models_client import Client, errors
from pieces_models_client.api.models import models_create_new_model, models_delete_specific_model_cache
from pieces_models_client.client import MAX_PATH_SEGMENT_LENGTH
from pieces_models_client.models import GroupedTimestamp, ModelDeleteCacheInput, SeededModel
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import ENDPOINTS, MODES, SEEDED, invoke

WITH_PATH_PARAMETER = [endpoint for endpoint in ENDPOINTS if endpoint.args]
CALL_MODES = (*MODES, "sync_detailed", "asyncio_detailed")

each_mode = pytest.mark.parametrize("mode", MODES)


@pytest.fixture
def server():
    """A server that would answer 200 to anything: what matters is that it receives nothing."""
    with loopback.serve(faults.status(200, b"{}", "application/json")) as running:
        yield running


def refused(endpoint_module: object, mode: str, server: loopback.Server, *args: object, **kwargs: object):
    """Call and return the InvalidParameter raised; assert the server received nothing."""
    with loopback.client(server.url) as client, pytest.raises(errors.InvalidParameter) as caught:
        invoke(endpoint_module, mode, *args, client=client, **kwargs)
    assert type(caught.value) is errors.InvalidParameter
    assert server.received == []
    return caught.value


@pytest.mark.parametrize("endpoint", WITH_PATH_PARAMETER, ids=str)
@pytest.mark.parametrize("mode", CALL_MODES)
@pytest.mark.parametrize("model_id", [None, 5, b"x", 1.5, ["a"], True], ids=repr)
def test_model_id_that_is_not_a_str_is_refused(server, endpoint, mode, model_id):
    """A non-str model id: InvalidParameter('model') naming the type given; nothing sent."""
    error = refused(endpoint.module, mode, server, model_id, **endpoint.kwargs)
    assert error.parameter == "model"
    assert str(error).startswith("model: expected a str, got ")
    assert type(model_id).__name__ in str(error)


@pytest.mark.parametrize("endpoint", WITH_PATH_PARAMETER, ids=str)
@each_mode
@pytest.mark.parametrize("length", [MAX_PATH_SEGMENT_LENGTH + 1, 100_000])
def test_overlong_model_id_is_refused(server, endpoint, mode, length):
    """An id over 8000 encoded chars (up to 100,000): InvalidParameter('model'), not InvalidURL."""
    error = refused(endpoint.module, mode, server, "a" * length, **endpoint.kwargs)
    assert error.parameter == "model"
    assert f"{length} characters once percent-encoded" in str(error)
    assert str(MAX_PATH_SEGMENT_LENGTH) in str(error)


@pytest.mark.parametrize("endpoint", WITH_PATH_PARAMETER, ids=str)
def test_model_id_refused_on_its_encoded_length(server, endpoint):
    """The limit counts percent-encoded characters: 3000 slashes become 9000 characters and are refused."""
    error = refused(endpoint.module, "sync", server, "/" * 3000, **endpoint.kwargs)
    assert "9000 characters once percent-encoded" in str(error)


@pytest.mark.parametrize("endpoint", WITH_PATH_PARAMETER, ids=str)
def test_model_id_at_the_length_limit_is_sent(endpoint):
    """Control: an id of exactly MAX_PATH_SEGMENT_LENGTH characters is sent as is."""
    model_id = "a" * MAX_PATH_SEGMENT_LENGTH
    reply = faults.status(endpoint.success_status, endpoint.success_bytes, "application/json")
    with loopback.serve(reply) as running, loopback.client(running.url) as client:
        invoke(endpoint.module, "sync_detailed", model_id, client=client, **endpoint.kwargs)
    [request] = running.received
    assert request.path == endpoint.target.replace(endpoint.args[0], model_id)


BAD_BODIES = {
    "create": (
        models_create_new_model,
        (),
        "SeededModel",
        [42, "x", {}, None, ModelDeleteCacheInput(), SEEDED],
    ),
    "delete cache": (
        models_delete_specific_model_cache,
        (ENDPOINTS[3].args[0],),
        "ModelDeleteCacheInput",
        [42, "x", {}, None, SeededModel.from_dict(SEEDED), {"schema": None}],
    ),
}
BODY_CASES = [
    pytest.param(name, body, id=f"{name}-{type(body).__name__}")
    for name, (_, _, _, bodies) in BAD_BODIES.items()
    for body in bodies
]


@pytest.mark.parametrize(("operation", "body"), BODY_CASES)
@pytest.mark.parametrize("mode", CALL_MODES)
def test_body_that_is_not_the_operations_model_is_refused(server, operation, body, mode):
    """A body that is not the operation's model: InvalidParameter('body') naming the class."""
    module, args, expected, _ = BAD_BODIES[operation]
    error = refused(module, mode, server, *args, body=body)
    assert error.parameter == "body"
    # Both bodies are optional in the spec, so the message says how to send none.
    hint = " (leave body out to send none)"
    assert str(error) == f"body: expected a {expected}{hint}, got {type(body).__name__} {body!r:.80}"


def test_a_required_body_refusal_has_no_hint_to_leave_it_out():
    """body_json, which every endpoint with a model body uses, gives the leave-it-out hint only for an
    optional body (no operation of the spec has a required one today)."""
    from pieces_models_client.client import body_json

    with pytest.raises(errors.InvalidParameter) as caught:
        body_json(42, SeededModel, required=True)
    assert str(caught.value) == "body: expected a SeededModel, got int 42"
    assert body_json(SeededModel.from_dict(SEEDED), SeededModel, required=True) == SEEDED


def seeded_created_at(value: object) -> SeededModel:
    seeded = SeededModel.from_dict(SEEDED)
    seeded.created = GroupedTimestamp(value=value)  # type: ignore[arg-type]
    return seeded


@pytest.mark.parametrize("mode", CALL_MODES)
def test_naive_datetime_in_the_body_is_refused(server, mode):
    """A naive created.value: InvalidParameter('body') saying naive and how to fix; nothing sent."""
    naive = datetime.datetime(2025, 1, 28, 9, 15, 42)
    error = refused(models_create_new_model, mode, server, body=seeded_created_at(naive))
    assert error.parameter == "body"
    assert "naive datetime" in str(error)
    assert "tzinfo" in str(error)
    assert str(error).startswith("body: value: ")


@each_mode
def test_datetime_field_that_is_not_a_datetime_is_refused(server, mode):
    """created.value set to a str: InvalidParameter('body') naming datetime.datetime; nothing sent."""
    error = refused(models_create_new_model, mode, server, body=seeded_created_at("2025-01-28T09:15:42Z"))
    assert error.parameter == "body"
    assert "expected a datetime.datetime, got str" in str(error)


@pytest.mark.parametrize(
    ("field", "value"),
    [("type_", "SPEED"), ("created", {"value": "2025-01-28T09:15:42Z"}), ("usage", 3)],
)
@pytest.mark.parametrize("mode", CALL_MODES)
def test_body_field_of_the_wrong_type_is_refused(server, mode, field, value):
    """A SeededModel whose field holds a wrong-typed value: InvalidParameter('body'), not a raw error."""
    seeded = SeededModel.from_dict(SEEDED)
    setattr(seeded, field, value)
    error = refused(models_create_new_model, mode, server, body=seeded)
    assert type(error) is errors.InvalidParameter
    assert error.parameter == "body"
    assert str(error).startswith("body: cannot be written as JSON (AttributeError: ")


@each_mode
def test_aware_datetime_in_the_body_is_sent(mode):
    """Control: the same body with an aware datetime (any offset) is sent, in RFC 3339 form."""
    aware = datetime.datetime(2025, 1, 28, 10, 15, 42, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    reply = faults.status(200, ENDPOINTS[1].success_bytes, "application/json")
    with loopback.serve(reply) as running, loopback.client(running.url) as client:
        invoke(models_create_new_model, mode, client=client, body=seeded_created_at(aware))
    [request] = running.received
    assert json.loads(request.body)["created"] == {"value": "2025-01-28T10:15:42+01:00"}


# --- base_url -----------------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to resolve a name or open a connection fails the test."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket, "getaddrinfo", forbidden)
    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(socket.socket, "connect", forbidden)
    monkeypatch.setattr(socket.socket, "connect_ex", forbidden)


@pytest.mark.parametrize(
    "base_url",
    ["localhost:1000", "127.0.0.1:39300", "localhost:39300/"],
)
def test_base_url_without_scheme_suggests_one(no_network, base_url):
    """A base_url without http:// is refused at construction, suggesting the http:// URL meant."""
    with pytest.raises(errors.InvalidParameter) as caught:
        Client(base_url=base_url)
    assert caught.value.parameter == "base_url"
    assert f"did you mean 'http://{base_url}'?" in str(caught.value)


def test_localhost_1000_suggests_http_localhost_1000(no_network):
    """The common mistake, pinned exactly: 'localhost:1000' suggests 'http://localhost:1000'."""
    with pytest.raises(errors.InvalidParameter, match=r"did you mean 'http://localhost:1000'\?"):
        Client(base_url="localhost:1000")


@pytest.mark.parametrize(
    ("base_url", "says"),
    [
        ("ftp://x", "is not an http:// or https:// URL with a host"),
        ("http://", "is not an http:// or https:// URL with a host"),
        ("https://", "is not an http:// or https:// URL with a host"),
        ("", "is not an http:// or https:// URL with a host"),
        ("   ", "is not an http:// or https:// URL with a host"),
        (5, "expected a str"),
        (b"http://127.0.0.1:39300", "expected a str"),
        ("http://h:99999", "has an invalid port"),
        ("http://h:port", "has an invalid port"),
        ("http://h/?q=1", "must not have a query or fragment"),
        ("http://h#top", "must not have a query or fragment"),
    ],
    ids=repr,
)
def test_invalid_base_url_is_refused_at_construction(no_network, base_url, says):
    """A base_url that cannot address a server is refused by Client(...), before any network use."""
    with pytest.raises(errors.InvalidParameter) as caught:
        Client(base_url=base_url)
    assert caught.value.parameter == "base_url"
    assert says in str(caught.value)


@pytest.mark.parametrize("suffix", ["/", "//", "/prefix/", "/prefix"])
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
@each_mode
def test_trailing_slash_never_doubles_the_slash(endpoint, mode, suffix):
    """A base_url trailing slash (with or without prefix) sends '/models' or '/prefix/models'."""
    reply = faults.status(endpoint.success_status, endpoint.success_bytes, "application/json")
    with loopback.serve(reply) as running:
        client = loopback.client(running.url + suffix)
        assert client.base_url == running.url + suffix.rstrip("/")
        with client:
            endpoint.call(mode, client)
    [request] = running.received
    assert request.target == suffix.rstrip("/") + endpoint.target
    assert "//" not in request.target


@pytest.mark.parametrize("mode", CALL_MODES)
def test_body_extra_value_json_cannot_write_is_refused(server, mode):
    """An additional property holding a datetime (not JSON): InvalidParameter('body'), nothing sent."""
    body = ModelDeleteCacheInput()
    body["when"] = datetime.datetime(2025, 1, 28, tzinfo=datetime.timezone.utc)
    error = refused(models_delete_specific_model_cache, mode, server, "m1", body=body)
    assert error.parameter == "body"
    assert str(error).startswith("body: cannot be written as JSON (TypeError: ")


@pytest.mark.parametrize("mode", CALL_MODES)
def test_optional_body_refusal_says_how_to_send_none(server, mode):
    """A wrong body where the body is optional: the message says to leave it out to send none."""
    error = refused(models_delete_specific_model_cache, mode, server, "m1", body=42)
    assert str(error) == "body: expected a ModelDeleteCacheInput (leave body out to send none), got int 42"


@pytest.mark.parametrize("mode", CALL_MODES)
def test_cache_body_field_of_the_wrong_type_is_refused(server, mode):
    """A ModelDeleteCacheInput whose schema holds a str: InvalidParameter('body') naming the error."""
    body = ModelDeleteCacheInput()
    body.schema = "MAJOR_0"  # type: ignore[assignment]
    error = refused(models_delete_specific_model_cache, mode, server, "m1", body=body)
    assert error.parameter == "body"
    assert str(error).startswith("body: cannot be written as JSON (AttributeError: ")


@pytest.mark.parametrize(
    ("base_url", "meant"),
    [
        ("tcp://127.0.0.1:39300", "http://127.0.0.1:39300"),
        ("//localhost:1000", "http://localhost:1000"),
        ("file:///localhost:1000", "http://localhost:1000"),
        ("ws://localhost:1000/?next=http://x", "http://localhost:1000/?next=http://x"),
        ("//Xeon.local:1000", "http://Xeon.local:1000"),
    ],
)
def test_wrong_scheme_suggests_the_same_address_over_http(no_network, base_url, meant):
    """Another scheme, or none before '//': the suggestion keeps all after the first '://' (or the
    leading slashes) and puts http:// in front."""
    with pytest.raises(errors.InvalidParameter) as caught:
        Client(base_url=base_url)
    assert str(caught.value) == (
        f"base_url: {base_url!r} is not an http:// or https:// URL with a host; did you mean {meant!r}?"
    )


def test_base_url_that_is_not_a_str_names_its_type(no_network):
    """base_url=1000: InvalidParameter saying a str was expected and an int came."""
    with pytest.raises(errors.InvalidParameter) as caught:
        Client(base_url=1000)  # type: ignore[arg-type]
    assert str(caught.value) == "base_url: expected a str such as 'http://127.0.0.1:39300', got int"


class ModelId(str):
    """A str subclass, as typed ids often are."""


@pytest.mark.parametrize("endpoint", WITH_PATH_PARAMETER, ids=str)
def test_model_id_of_a_str_subclass_is_sent(endpoint):
    """An id whose type subclasses str is a str: sent, percent-encoded like any other."""
    reply = faults.status(endpoint.success_status, endpoint.success_bytes, "application/json")
    with loopback.serve(reply) as running, loopback.client(running.url) as client:
        invoke(endpoint.module, "sync_detailed", ModelId("a/b"), client=client, **endpoint.kwargs)
    [request] = running.received
    assert request.path == endpoint.target.replace(endpoint.args[0], "a%2Fb")


@pytest.mark.parametrize("model_id", ["", ".", ".."], ids=repr)
def test_model_id_that_a_url_would_collapse_is_refused(server, model_id):
    """'', '.' and '..' would change which endpoint the URL names: refused, saying so; nothing sent."""
    error = refused(ENDPOINTS[2].module, "sync", server, model_id)
    assert str(error) == f"model: {model_id!r} cannot be sent as a path segment"


def test_only_trailing_slashes_leave_the_base_url(no_network):
    """'http://127.0.0.1:39300/X//' is kept as 'http://127.0.0.1:39300/X': the path is the user's."""
    assert Client(base_url=" http://127.0.0.1:39300/X// ").base_url == "http://127.0.0.1:39300/X"
