"""What the exceptions say when made directly, with only their required arguments (as a caller's own
code or test double does): the body preview and its bounds, the redirect note of 3xx statuses only,
and the defaults of operation and url."""

from __future__ import annotations

import pytest

from pieces_models_client import errors
from pieces_models_client.errors import _PREVIEW


def test_api_error_without_an_operation_says_request():
    """ApiError(404, body): 'request failed with HTTP 404: <body>', operation '' and no headers."""
    error = errors.ApiError(404, b"no such model")
    assert str(error) == "request failed with HTTP 404: no such model"
    assert (error.operation, error.headers) == ("", {})


def test_preview_shows_a_body_of_the_preview_size_whole():
    """A body of exactly _PREVIEW (500) bytes is shown whole, with no '... [N bytes in all]'."""
    body = b"a" * _PREVIEW
    assert _PREVIEW == 500
    assert str(errors.ApiError(500, body)) == "request failed with HTTP 500: " + "a" * 500


def test_preview_cuts_a_longer_body_and_says_how_long_it_was():
    """A body of 501 bytes: its first 500 shown, then '... [501 bytes in all]'."""
    message = str(errors.ApiError(500, b"a" * 500 + b"b"))
    assert message == "request failed with HTTP 500: " + "a" * 500 + "... [501 bytes in all]"


def test_preview_decodes_utf8_and_replaces_what_is_not():
    """The preview is UTF-8 text: 'é' shows as itself, a stray 0xff byte as U+FFFD."""
    assert str(errors.ApiError(500, "café".encode() + b"\xff")).endswith(": café\ufffd")


@pytest.mark.parametrize(
    ("status", "noted"), [(299, False), (300, True), (308, True), (399, True), (400, False)]
)
def test_only_a_3xx_status_with_a_location_gets_the_redirect_note(status, noted):
    """The 'a redirect to <Location>' note is for 300-399 with a Location header, and no other status."""
    message = str(
        errors.ApiError(status, b"", "models-snapshot", {"Location": "http://127.0.0.1:39301/models"})
    )
    assert ("a redirect to http://127.0.0.1:39301/models" in message) is noted
    assert ("follow_redirects=True" in message) is noted


def test_response_too_large_without_url_or_operation():
    """ResponseTooLarge(limit, received, status) alone: 'request: ...', url and operation ''."""
    error = errors.ResponseTooLarge(10, 11, 200)
    assert str(error).startswith(
        "request: the response from  (HTTP 200) is larger than max_response_bytes=10"
    )
    assert (error.url, error.operation) == ("", "")


def test_response_parse_error_shows_the_body_it_was_given():
    """A ResponseParseError with content ends with the body's preview on a line of its own; without, not."""
    error = errors.ResponseParseError("expected object, got array", ["iterable", 0])
    assert str(error) == "invalid response body at iterable[0]: expected object, got array"
    error.content = b"[1]"
    assert str(error) == "invalid response body at iterable[0]: expected object, got array\nbody: [1]"
