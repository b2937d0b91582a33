"""Compare what the client writes back (``to_dict()``) with the recorded JSON.

Equal means equal, but for the documented exception (README, "Forward compatibility"): a date-time may
come back spelled as RFC 3339 with UTC as ``Z`` and no fraction or exactly six digits (beyond
microseconds dropped, not rounded), naming the same instant with the same offset; no offset means UTC.
The rules are written out here, not taken from the client's own parsing, so that a bug there cannot
hide itself; tests/properties/test_round_trip.py pins them.
"""

from __future__ import annotations

import datetime
import functools
import operator
import re
from typing import Any

from dateutil.parser import isoparse

from tools import endpoints as spec
from tools.verify import location

Path = tuple[str | int, ...]


def datetime_paths(data: Any, schema: dict[str, Any], path: Path = ()) -> set[Path]:
    """The places in ``data`` that the (inlined) ``schema`` declares as ``format: date-time``."""
    if schema.get("format") == "date-time":
        return {path}
    found: set[Path] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            found |= datetime_paths(value, schema.get("properties", {}).get(key, {}), (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found |= datetime_paths(value, schema.get("items", {}), (*path, index))
    return found


# RFC 3339 date-time, as servers spell it: fraction of any length, offset "Z"/"z", +hh:mm or absent.
_RFC3339 = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[Tt ](?P<time>\d{2}:\d{2}:\d{2})(?:\.(?P<fraction>\d+))?"
    r"(?:[Zz]|(?P<sign>[+-])(?P<hours>\d{2}):(?P<minutes>\d{2}))?"
)
# The client's own spelling: "T", no fraction or exactly six digits, "Z" or +hh:mm.
_WRITTEN = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?P<fraction>\.\d{6})?(?P<offset>Z|[+-]\d{2}:\d{2})"
)


def reading(text: str) -> datetime.datetime | None:
    """The instant and offset a date-time text names, by RFC 3339: fraction digits beyond the sixth
    dropped, no offset meaning UTC. Other ISO 8601 forms are left to dateutil; None if unreadable."""
    match = _RFC3339.fullmatch(text)
    if match is None:
        try:
            value = isoparse(text)
        except (ValueError, OverflowError):
            return None
        return value if value.tzinfo is not None else value.replace(tzinfo=datetime.timezone.utc)
    sign = -1 if match["sign"] == "-" else 1
    minutes = sign * (int(match["hours"] or 0) * 60 + int(match["minutes"] or 0))
    try:
        moment = datetime.datetime.strptime(f"{match['date']} {match['time']}", "%Y-%m-%d %H:%M:%S")
        zone = datetime.timezone(datetime.timedelta(minutes=minutes))
    except ValueError:
        return None
    return moment.replace(microsecond=int((match["fraction"] or "")[:6].ljust(6, "0")), tzinfo=zone)


def date_time_problem(expected: str, actual: str) -> str | None:
    """Why ``actual``, written by the client for the received ``expected``, breaks the documented
    rule (module doc); None when it keeps it."""
    want, got = reading(expected), reading(actual)
    if want is None:
        return "the received text is no date-time"
    written = _WRITTEN.fullmatch(actual)
    if written is None or got is None:
        return "not RFC 3339 with no fraction or six fraction digits"
    # Same offset and same wall clock: same instant (and no overflow near year 1 or 9999).
    if got.utcoffset() != want.utcoffset():
        return f"another UTC offset ({got.utcoffset()} against {want.utcoffset()})"
    if got.replace(tzinfo=None) != want.replace(tzinfo=None):
        return f"another instant ({got.isoformat()} against {want.isoformat()})"
    if (written["offset"] == "Z") != (want.utcoffset() == datetime.timedelta(0)):
        return "UTC must be written as 'Z', and only UTC"
    if (written["fraction"] is None) != (want.microsecond == 0):
        return "a zero fraction must be dropped, any other written with six digits"
    return None


def differences(expected: Any, actual: Any, path: Path = ()) -> list[tuple[Path, Any, Any]]:
    """Every place where two JSON documents differ: (path, expected, actual); a missing side is ...

    Types count: ``1`` and ``1.0`` or ``True`` differ, as they do in JSON text.
    """
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in list(expected) + [k for k in actual if k not in expected]:
            out += differences(expected.get(key, ...), actual.get(key, ...), (*path, key))
        return out
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        pairs = enumerate(zip(expected, actual, strict=True))
        return [found for i, (e, a) in pairs for found in differences(e, a, (*path, i))]
    if type(expected) is not type(actual) or expected != actual:
        return [(path, expected, actual)]
    return []


def round_trip_problems(recorded: Any, written: Any, schema_name: str) -> list[str]:
    """How ``written`` (a to_dict()) differs from ``recorded``, the documented date-time case aside.

    Every date-time is checked against the documented spelling, even one written back unchanged (a
    received "2022-02-17T05:00:00.000Z" written back as such would break the rule).
    """
    stamps = datetime_paths(recorded, spec.inline_schema(schema_name))
    differing = {path: (expected, actual) for path, expected, actual in differences(recorded, written)}
    problems = []
    for path in [*sorted(stamps - differing.keys(), key=repr), *differing]:  # unchanged date-times first
        expected, actual = differing.get(path) or (functools.reduce(operator.getitem, path, recorded),) * 2
        if path in stamps and isinstance(expected, str) and isinstance(actual, str):
            if (why := date_time_problem(expected, actual)) is not None:
                problems.append(f"{location(path)}: date-time {expected!r} came back as {actual!r}: {why}")
        elif path in differing:
            shown = ["(absent)" if side is ... else repr(side) for side in (expected, actual)]
            problems.append(f"{location(path)}: recorded {shown[0]}, to_dict() gives {shown[1]}")
    return problems


def same_instant(left: str, right: str) -> bool:
    """Two date-time texts with offsets that name the same instant."""
    try:
        a, b = isoparse(left), isoparse(right)
    except ValueError:
        return False
    aware = a.tzinfo is not None and b.tzinfo is not None
    return aware and a.astimezone(datetime.timezone.utc) == b.astimezone(datetime.timezone.utc)
