"""Compare JSON documents the way the client promises to keep them: exactly, but for date-times.

The one documented difference of a round trip is the text of a date-time: the instant and the offset
are kept, the spelling may change ("2022-02-17T05:00:00.000Z" comes back as "2022-02-17T05:00:00Z").
"""

from __future__ import annotations

import datetime
import re
from typing import Any

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")


def _instant(text: str) -> tuple[datetime.datetime, datetime.timedelta | None] | str:
    from dateutil.parser import isoparse

    try:
        value = isoparse(text)
    except ValueError:
        return text
    return value, value.utcoffset()


def canonical(data: Any) -> Any:
    """`data` with every date-time string replaced by its (instant, offset)."""
    if isinstance(data, dict):
        return {key: canonical(value) for key, value in data.items()}
    if isinstance(data, list):
        return [canonical(value) for value in data]
    if isinstance(data, str) and _DATE_TIME.match(data):
        return _instant(data)
    return data


def differences(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where two JSON documents differ (date-times compared as instants), one line each."""
    expected, actual = canonical(expected), canonical(actual)
    out: list[str] = []
    _walk(expected, actual, path or "<root>", out)
    return out


def _walk(expected: Any, actual: Any, path: str, out: list[str]) -> None:
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected.keys() - actual.keys():
            out.append(f"{path}.{key}: missing")
        for key in actual.keys() - expected.keys():
            out.append(f"{path}.{key}: unexpected")
        for key in expected.keys() & actual.keys():
            _walk(expected[key], actual[key], f"{path}.{key}", out)
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            _walk(left, right, f"{path}[{index}]", out)
    elif type(expected) is not type(actual) or expected != actual:
        out.append(f"{path}: expected {expected!r}, got {actual!r}")
