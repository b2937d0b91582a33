"""Compare what the client writes back (``to_dict()``) with the recorded JSON.

Equal means equal, with the one documented exception (README, "Forward compatibility"): a date-time
field (``format: date-time`` in the spec) may be spelled differently if it is the same instant and the
client's spelling is the documented one: RFC 3339, UTC as ``Z``, a zero fraction dropped, otherwise
six fraction digits (``2022-02-17T05:00:00.000Z`` comes back as ``2022-02-17T05:00:00Z``).
"""

from __future__ import annotations

import datetime
from typing import Any

from dateutil.parser import isoparse

from tests.support import spec

Path = tuple[str | int, ...]


def location(path: Path) -> str:
    """``iterable[3].created.value`` for ("iterable", 3, "created", "value")."""
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out or "<body>"


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


def documented_spelling(text: str) -> str:
    """How the client writes the date-time ``text`` back."""
    value = isoparse(text)
    written = value.isoformat()
    return written[:-6] + "Z" if written.endswith("+00:00") else written


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
    """How ``written`` (a to_dict()) differs from ``recorded``, the documented date-time case aside."""
    stamps = datetime_paths(recorded, spec.inline_schema(schema_name))
    problems = []
    for path, expected, actual in differences(recorded, written):
        if path in stamps and isinstance(expected, str) and isinstance(actual, str):
            if isoparse(expected) == isoparse(actual) and actual == documented_spelling(expected):
                continue
            problems.append(
                f"{location(path)}: date-time {expected!r} came back as {actual!r}, not as the documented "
                f"{documented_spelling(expected)!r}"
            )
            continue
        shown_expected = "(absent)" if expected is ... else repr(expected)
        shown_actual = "(absent)" if actual is ... else repr(actual)
        problems.append(f"{location(path)}: recorded {shown_expected}, to_dict() gives {shown_actual}")
    return problems


def same_instant(left: str, right: str) -> bool:
    """Two date-time texts with offsets that name the same instant."""
    try:
        a, b = isoparse(left), isoparse(right)
    except ValueError:
        return False
    aware = a.tzinfo is not None and b.tzinfo is not None
    return aware and a.astimezone(datetime.timezone.utc) == b.astimezone(datetime.timezone.utc)
