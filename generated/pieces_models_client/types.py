"""Shared types and helpers of the generated code."""

import datetime
import importlib
import json
import sys
from collections.abc import Callable, Mapping, MutableMapping
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define

from . import errors as _errors


class Unset:
    """The type of UNSET: the value of an optional field that is absent from the body."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        # copy, deepcopy and pickle all give back the one UNSET (found by this name in this module).
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint, whatever its status code.

    Attributes:
        status_code: the HTTP status code as sent by the server (any integer, registered or not).
        content: the raw body.
        headers: the response headers.
        parsed: the typed body when the status is the operation's success status and it has a
            body; ``None`` otherwise (an error status, or a success without a body).
    """

    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def parse_json(status_code: int, content: bytes, operation: str, parse: Callable[[Any], T]) -> T:
    """Decode a JSON body and parse it with ``parse``; every failure becomes ResponseParseError.

    The error carries the status code, the complete raw body and the operation, whether the body was
    empty, not JSON (an HTML error page, say), not UTF-8, or JSON that does not match the schema.
    """
    try:
        data = json.loads(content)
    except ValueError as exc:  # json.JSONDecodeError and UnicodeDecodeError
        reason = "the body is empty" if not content.strip() else f"the body is not JSON ({exc})"
        error = _errors.ResponseParseError(reason)
        error.__cause__ = exc
    except RecursionError as exc:
        error = _errors.ResponseParseError("the body nests too deeply to decode")
        error.__cause__ = exc
    else:
        try:
            return parse(data)
        except Exception as exc:
            error = exc if isinstance(exc, _errors.ResponseParseError) else _errors.at_root(exc)
    error.status_code = status_code
    error.content = content
    error.operation = operation
    raise error


_UTC = datetime.timezone.utc


def _parse_datetime_fallback(value: str) -> datetime.datetime:
    # Imported through importlib so that type checkers need no dateutil stubs (types-python-dateutil)
    # to check code that uses a vendored copy of this package.
    parser: Any = importlib.import_module("dateutil.parser")
    try:
        parsed: datetime.datetime = parser.isoparse(value)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"expected an RFC 3339 date-time, got {value!r:.80} ({exc})") from exc
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


if sys.version_info >= (3, 11):

    def parse_datetime(value: object) -> datetime.datetime:
        """Parse an RFC 3339 / ISO 8601 date-time string, keeping its instant and offset.

        Digits beyond microseconds are dropped: Python's datetime cannot hold them. A date-time
        without an offset is read as UTC, so the result is always timezone-aware.
        """
        if not isinstance(value, str):
            raise TypeError(f"expected a date-time string, got {value!r:.80}")
        if len(value) <= 10:  # "YYYY-MM-DD" and shorter: a date alone is not a date-time
            raise ValueError(f"expected an RFC 3339 date-time, got {value!r}")
        try:
            parsed = datetime.datetime.fromisoformat(value)
        except ValueError:
            return _parse_datetime_fallback(value)
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)
else:  # pragma: no cover - Python 3.10's fromisoformat does not read "Z" or most RFC 3339 forms

    def parse_datetime(value: object) -> datetime.datetime:
        """Parse an RFC 3339 / ISO 8601 date-time string, keeping its instant and offset (UTC if none)."""
        if not isinstance(value, str):
            raise TypeError(f"expected a date-time string, got {value!r:.80}")
        if len(value) <= 10:  # "YYYY-MM-DD" and shorter: a date alone is not a date-time
            raise ValueError(f"expected an RFC 3339 date-time, got {value!r}")
        return _parse_datetime_fallback(value)


def format_datetime(value: datetime.datetime, field: str = "date-time") -> str:
    """Format a date-time as RFC 3339, writing a UTC offset as "Z" like Pieces OS does.

    Raises:
        errors.InvalidParameter: ``value`` is not a datetime, or is naive (RFC 3339 needs an offset,
            and a naive datetime does not say which one it means).
    """
    if not isinstance(value, datetime.datetime):
        raise _errors.InvalidParameter(field, f"expected a datetime.datetime, got {type(value).__name__} {value!r:.80}")
    offset = value.utcoffset()
    if offset is not None and offset % datetime.timedelta(minutes=1):
        raise _errors.InvalidParameter(field, f"{value!r} has a UTC offset with seconds, which RFC 3339 cannot write")
    if offset is None:
        raise _errors.InvalidParameter(
            field,
            f"{value!r} is a naive datetime: give it a timezone (for example tzinfo=datetime.timezone.utc);"
            " RFC 3339 date-times always carry an offset",
        )
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "format_datetime",
    "parse_datetime",
    "parse_json",
]
