"""A ResponseParseError keeps what went wrong underneath as its ``__cause__`` (the JSON decoder's error,
the recursion limit, the wrong-typed field's TypeError, the missing key), and parse_json, which every
endpoint uses, turns any failure of its parser into a ResponseParseError about the body."""

from __future__ import annotations

import json

import pytest

from pieces_models_client import errors
from pieces_models_client._parsing import parse_json
from pieces_models_client.models import Models
from tests.support.endpoints import SNAPSHOT


def parse_error(content: bytes, parse=Models.from_dict) -> errors.ResponseParseError:
    with pytest.raises(errors.ResponseParseError) as caught:
        parse_json(200, content, "models-snapshot", parse)
    error = caught.value
    assert (error.status_code, error.content, error.operation) == (200, content, "models-snapshot")
    return error


def test_not_json_keeps_the_decoder_error():
    """An HTML page: 'the body is not JSON', caused by json.JSONDecodeError."""
    error = parse_error(b"<html>busy</html>")
    assert error.reason.startswith("the body is not JSON (")
    assert type(error.__cause__) is json.JSONDecodeError


def test_not_utf8_keeps_the_decode_error():
    """Bytes that are not UTF-8: caused by UnicodeDecodeError."""
    assert type(parse_error(b'{"iterable": "\xff"}').__cause__) is UnicodeDecodeError


def test_too_deep_keeps_the_recursion_error():
    """A body nested 100,000 deep: 'nests too deeply', caused by RecursionError."""
    error = parse_error(b"[" * 100_000 + b"]" * 100_000)
    assert error.reason == "the body nests too deeply to decode"
    assert type(error.__cause__) is RecursionError


def test_wrong_type_at_a_field_keeps_the_type_error():
    """iterable[0].cloud a string: the error there is caused by the TypeError that said so."""
    model = {**SNAPSHOT["iterable"][0], "cloud": "yes"}
    error = parse_error(json.dumps({"iterable": [model]}).encode())
    assert error.path == ["iterable", 0, "cloud"]
    assert type(error.__cause__) is TypeError
    assert str(error.__cause__) == error.reason == "expected boolean, got string 'yes'"


def test_missing_field_keeps_the_key_error():
    """No iterable: 'required field is missing', caused by KeyError('iterable')."""
    error = parse_error(b"{}")
    assert error.path == ["iterable"]
    assert error.reason == "required field is missing"
    assert type(error.__cause__) is KeyError


class Odd(Exception):
    """An exception that says nothing (its str is empty)."""


@pytest.mark.parametrize(
    ("raised", "reason"),
    [(ValueError("not a model"), "not a model"), (Odd(), "invalid value (Odd)")],
    ids=["with a message", "silent"],
)
def test_any_other_parser_failure_becomes_a_parse_error_at_the_root(raised, reason):
    """A parser that raises something else still gives ResponseParseError at the body's root, its
    reason the exception's message (or its type when it has none), caused by that exception."""

    def parse(data: object) -> object:
        raise raised

    error = parse_error(b"{}", parse)
    assert error.path == []
    assert error.reason == reason
    assert error.__cause__ is raised
