"""Malformed bodies end in ResponseParseError, located at the failing field, and nothing else escapes.

The stock generated code let KeyError, TypeError and ValueError out of from_dict, and stored JSON
scalars of the wrong type without looking at them. Each case breaks the 23-model snapshot in one
place and checks the error's path and reason.
"""

from __future__ import annotations

import copy
import json

import pytest

from pieces_models_client import errors
from pieces_models_client.models import Model, Models
from tests.support.endpoints import SNAPSHOT


def set_at(body, path, value):
    target = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def delete_at(body, path):
    target = body
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]


# (label, path, new value or DELETE, expected reason prefix)
DELETE = object()
CASES = [
    ("missing required field", ["iterable", 5, "name"], DELETE, "required field is missing"),
    (
        "missing required nested field",
        ["iterable", 0, "created", "value"],
        DELETE,
        "required field is missing",
    ),
    ("null where a list is required", ["iterable"], None, "expected array, got null"),
    ("object where a list is required", ["iterable"], {}, "expected array, got object"),
    (
        "string where a boolean is required",
        ["iterable", 2, "cloud"],
        "yes",
        "expected boolean, got string 'yes'",
    ),
    ("number where a string is required", ["iterable", 2, "name"], 42, "expected string, got number 42"),
    ("null where a string is required", ["iterable", 2, "id"], None, "expected string, got null"),
    (
        "boolean where an integer is required",
        ["iterable", 11, "bytes", "value"],
        True,
        "expected integer, got boolean",
    ),
    ("float where an integer is required", ["schema", "migration"], 1.5, "expected integer, got number 1.5"),
    (
        "string in a nullable number",
        ["iterable", 0, "maxTokens", "total"],
        "128k",
        "expected number or null, got string",
    ),
    (
        "boolean in a nullable number",
        ["iterable", 11, "parameters"],
        False,
        "expected number or null, got boolean",
    ),
    ("array where an object is required", ["iterable", 3, "created"], [], "expected object, got array"),
    (
        "string where an object is required",
        ["iterable", 3, "maxTokens"],
        "big",
        "expected object, got string",
    ),
    (
        "number where a date-time is required",
        ["iterable", 3, "created", "value"],
        1700000000,
        "expected a date-time string",
    ),
    (
        "text that is not a date-time",
        ["iterable", 3, "created", "value"],
        "last tuesday",
        "expected an RFC 3339 date-time",
    ),
    ("number where an enum is required", ["iterable", 4, "usage"], 3, "3 is not a valid ModelUsageEnum"),
    (
        "null in a non-nullable optional field",
        ["iterable", 4, "description"],
        None,
        "expected string, got null",
    ),
    (
        "wrong type inside the free-form cut's parent",
        ["iterable", 9, "organization", "id"],
        9,
        "expected string",
    ),
]


@pytest.mark.parametrize(("label", "path", "value", "reason"), CASES, ids=[case[0] for case in CASES])
def test_malformed_field_raises_parse_error_at_its_path(label, path, value, reason):
    """One broken field: ResponseParseError whose path is exactly that field and whose reason says
    what was expected; the original exception, if any, is kept as the cause."""
    body = copy.deepcopy(SNAPSHOT)
    if value is DELETE:
        delete_at(body, path)
    else:
        set_at(body, path, value)
    with pytest.raises(errors.ResponseParseError) as caught:
        Models.from_dict(body)
    error = caught.value
    assert error.path == path
    assert error.reason.startswith(reason), error.reason
    assert error.location in str(error)


@pytest.mark.parametrize("body", [None, [], "models", 42, True], ids=repr)
def test_body_that_is_not_an_object_raises_parse_error(body):
    """The root must be a JSON object; anything else is refused at the root (empty path)."""
    with pytest.raises(errors.ResponseParseError) as caught:
        Models.from_dict(body)
    assert caught.value.path == []
    assert caught.value.location == "<body>"


def test_a_list_of_pairs_is_not_mistaken_for_an_object():
    """dict() would accept [["id", "x"], ...]; from_dict refuses it as an array."""
    with pytest.raises(errors.ResponseParseError, match="expected object, got array"):
        Model.from_dict([["id", "x"], ["name", "y"]])


def test_parse_error_outside_a_response_has_no_status_or_body():
    """Called directly on data, the error says where but carries no HTTP context."""
    with pytest.raises(errors.ResponseParseError) as caught:
        Models.from_dict({"iterable": None})
    assert (caught.value.status_code, caught.value.content, caught.value.operation) == (None, None, "")
    assert str(caught.value) == "invalid response body at iterable: expected array, got null"


def test_parse_error_of_a_response_carries_status_body_and_operation():
    """Through the client, the same error also carries the status, the raw body and the operation
    (tests/robustness/test_faults.py covers invalid JSON, empty and HTML bodies)."""
    import httpx

    from pieces_models_client.api.models import models_snapshot
    from tests.support import loopback

    raw = json.dumps({"iterable": [{"id": 1}]}).encode()
    reply = loopback.Reply(200, raw, "application/json")
    with loopback.serve(loopback.always(reply)) as server, pytest.raises(errors.ResponseParseError) as caught:
        models_snapshot.sync(client=loopback.client(server.url, timeout=httpx.Timeout(5)))
    error = caught.value
    assert (error.status_code, error.content, error.operation) == (200, raw, "models-snapshot")
    assert error.location == "iterable[0].id"
    assert str(error).startswith("invalid response body of models-snapshot (HTTP 200) at iterable[0].id")
