"""Date-times: parsed with their instant and offset, written back as RFC 3339 with UTC as "Z".

The only place a round trip may change text: ".000" fractions disappear and digits beyond
microseconds (which datetime cannot hold) are dropped. Everything else is kept.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pieces_models_client.models import GroupedTimestamp
from pieces_models_client.types import format_datetime, parse_datetime

UTC = datetime.timezone.utc


@pytest.mark.parametrize(
    ("text", "expected", "written"),
    [
        ("2023-10-26T15:30:01.617743Z", datetime.datetime(2023, 10, 26, 15, 30, 1, 617743, UTC), None),
        ("2022-02-17T05:00:00.000Z", datetime.datetime(2022, 2, 17, 5, 0, 0, 0, UTC), "2022-02-17T05:00:00Z"),
        ("2025-06-02T11:45:09.000001Z", datetime.datetime(2025, 6, 2, 11, 45, 9, 1, UTC), None),
        (
            "2025-01-28T09:15:42+00:00",
            datetime.datetime(2025, 1, 28, 9, 15, 42, 0, UTC),
            "2025-01-28T09:15:42Z",
        ),
        (
            "2025-01-28T09:15:42.5+05:30",
            datetime.datetime(
                2025, 1, 28, 9, 15, 42, 500000, datetime.timezone(datetime.timedelta(hours=5, minutes=30))
            ),
            "2025-01-28T09:15:42.500000+05:30",
        ),
        (
            "2025-01-28T09:15:42.1234567Z",
            datetime.datetime(2025, 1, 28, 9, 15, 42, 123456, UTC),
            "2025-01-28T09:15:42.123456Z",
        ),
    ],
)
def test_pieces_forms_parse_to_the_instant_and_offset(text, expected, written):
    """Forms Pieces sends, and common RFC 3339 variants, keep instant and offset; UTC is written "Z"."""
    value = GroupedTimestamp.from_dict({"value": text}).value
    assert value == expected
    assert value.utcoffset() == expected.utcoffset()
    assert GroupedTimestamp(value=value).to_dict()["value"] == (written or text)


def test_forms_fromisoformat_rejects_fall_back_to_dateutil():
    """A basic-format timestamp (no separators) is still read, through the dateutil fallback."""
    assert parse_datetime("20250128T091542Z") == datetime.datetime(2025, 1, 28, 9, 15, 42, tzinfo=UTC)


def test_naive_date_time_stays_naive():
    """Without an offset nothing is invented: the value is naive and written back as it came."""
    value = parse_datetime("2025-01-28T09:15:42")
    assert value.tzinfo is None
    assert format_datetime(value) == "2025-01-28T09:15:42"


aware = st.datetimes(
    min_value=datetime.datetime(1900, 1, 1),
    timezones=st.sampled_from([UTC, datetime.timezone(datetime.timedelta(hours=-7)), datetime.timezone.utc]),
)


@given(aware)
def test_any_aware_date_time_survives_format_then_parse(value):
    """format_datetime then parse_datetime gives back the same instant and offset."""
    again = parse_datetime(format_datetime(value))
    assert again == value
    assert again.utcoffset() == value.utcoffset()
