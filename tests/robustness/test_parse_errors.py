"""Malformed bodies end in ResponseParseError, located at the failing field, and nothing else escapes.

The stock generated code let KeyError, TypeError and ValueError out of from_dict, and stored JSON
scalars of the wrong type without looking at them. Each case breaks the 23-model snapshot in one
place and checks the error's path and reason. A null stays an error in a required field; in an
optional field the spec does not mark nullable it reads as absent (UNSET), and a nullable field keeps it.
"""

from __future__ import annotations

import copy
import json
import re

import pytest

from pieces_models_client import errors
from pieces_models_client.models import Model, Models
from pieces_models_client.types import UNSET
from tests.support.endpoints import SNAPSHOT
from tests.support.round_trip import round_trip_problems


def set_at(body, path, value):
    target = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def get_at(body, path):
    for key in path:
        body = body[key]
    return body


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
    ("null in a required field", ["iterable", 4, "name"], None, "expected string, got null"),
    ("null in a required boolean", ["iterable", 4, "cloud"], None, "expected boolean, got null"),
    ("null in a required nested field", ["schema", "migration"], None, "expected integer, got null"),
    ("null in a required object", ["iterable", 4, "created"], None, "expected object, got null"),
    ("null in a required enum", ["iterable", 4, "usage"], None, "None is not a valid ModelUsageEnum"),
    (
        "null in a required date-time",
        ["iterable", 0, "created", "value"],
        None,
        "expected a date-time string",
    ),
    ("null as a list item", ["iterable", 4], None, "expected object, got null"),
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


# (path of an optional field the spec does not mark nullable, the attribute on the parsed model)
NULL_AS_ABSENT = [
    (["score"], "score"),
    (["iterable", 4, "description"], "description"),
    (["iterable", 4, "downloaded"], "downloaded"),
    (["iterable", 4, "foundation"], "foundation"),
    (["iterable", 0, "maxTokens"], "max_tokens"),
    (["iterable", 0, "created", "readable"], "readable"),
    (["iterable", 0, "created", "schema"], "schema"),
    (["iterable", 3, "capabilities", "assets"], "assets"),
    (["iterable", 11, "bytes", "schema"], "schema"),
]


def parsed_at(model, path):
    """The object of a parsed Models at a JSON path (camelCase keys read as snake_case attributes, with
    the generator's trailing "_" for names such as bytes and input)."""
    for key in path:
        if isinstance(key, int):
            model = model[key]
            continue
        name = re.sub(r"(?=[A-Z])", "_", key).lower()
        model = getattr(model, name if hasattr(model, name) else name + "_")
    return model


@pytest.mark.parametrize(
    ("path", "attribute"), NULL_AS_ABSENT, ids=[".".join(map(str, path)) for path, _ in NULL_AS_ABSENT]
)
def test_null_in_a_non_nullable_optional_field_reads_as_absent(path, attribute):
    """null in an optional non-nullable field is UNSET, as if absent, and to_dict() leaves the key out."""
    with_null, without = copy.deepcopy(SNAPSHOT), copy.deepcopy(SNAPSHOT)
    set_at(with_null, path, None)
    delete_at(without, path)
    assert get_at(SNAPSHOT, path) is not None, "the case must replace a recorded value"
    parsed = Models.from_dict(with_null)
    assert getattr(parsed_at(parsed, path[:-1]), attribute) is UNSET
    assert parsed == Models.from_dict(without)
    written = parsed.to_dict()
    assert path[-1] not in get_at(written, path[:-1])
    assert round_trip_problems(without, written, "Models") == []


@pytest.mark.parametrize(
    ("path", "attribute"),
    [
        (["iterable", 0, "parameters"], "parameters"),
        (["iterable", 11, "parameters"], "parameters"),
        (["iterable", 0, "maxTokens", "total"], "total"),
        (["iterable", 0, "maxTokens", "input"], "input_"),
        (["iterable", 0, "maxTokens", "output"], "output"),
    ],
    ids=lambda value: ".".join(map(str, value)) if isinstance(value, list) else value,
)
def test_null_in_a_nullable_field_is_kept_as_none(path, attribute):
    """null where the spec allows it (type [number, "null"]) stays None and is written back as null."""
    body = copy.deepcopy(SNAPSHOT)
    set_at(body, path, None)
    parsed = Models.from_dict(body)
    assert getattr(parsed_at(parsed, path[:-1]), attribute) is None
    written = parsed.to_dict()
    assert path[-1] in get_at(written, path[:-1])
    assert get_at(written, path) is None
    assert round_trip_problems(body, written, "Models") == []


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
    from tests.robustness import faults
    from tests.support import loopback

    raw = json.dumps({"iterable": [{"id": 1}]}).encode()
    reply = faults.status(200, raw, "application/json")
    with loopback.serve(reply) as server, pytest.raises(errors.ResponseParseError) as caught:
        models_snapshot.sync(client=loopback.client(server.url, timeout=httpx.Timeout(5)))
    error = caught.value
    assert (error.status_code, error.content, error.operation) == (200, raw, "models-snapshot")
    assert error.location == "iterable[0].id"
    assert str(error).startswith("invalid response body of models-snapshot (HTTP 200) at iterable[0].id")


@pytest.mark.parametrize("field", ["input", "output"])
@pytest.mark.parametrize(
    ("value", "shown"), [("7", "string '7'"), (True, "boolean True"), ([7], "array [7]")], ids=repr
)
def test_nullable_number_refuses_every_other_type(field, value, shown):
    """maxTokens.input and .output take a number or null; anything else is refused at that field."""
    from pieces_models_client.models import ModelMaxTokens

    assert (
        getattr(
            ModelMaxTokens.from_dict({"total": 1, field: None}), f"{field}_" if field == "input" else field
        )
        is None
    )
    with pytest.raises(errors.ResponseParseError) as caught:
        ModelMaxTokens.from_dict({"total": 1, field: value})
    assert caught.value.path == [field]
    assert caught.value.reason == f"expected number or null, got {shown}"
    assert str(caught.value) == f"invalid response body at {field}: expected number or null, got {shown}"


def test_a_python_value_that_json_cannot_hold_is_named_by_its_type():
    """from_dict given Python data (not decoded JSON) with a set where a number goes: the reason
    names the Python type, since no JSON type fits."""
    from pieces_models_client.models import ModelMaxTokens

    with pytest.raises(errors.ResponseParseError) as caught:
        ModelMaxTokens.from_dict({"total": {4096}})
    assert caught.value.path == ["total"]
    assert caught.value.reason == "expected number or null, got set {4096}"
