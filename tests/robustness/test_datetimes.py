"""Date-times: parsed with their instant and offset, written back as RFC 3339 with UTC as "Z".

The only place a round trip may change text: ".000" fractions disappear and digits beyond
microseconds (which datetime cannot hold) are dropped. A date-time without an offset reads as UTC.
A naive datetime is never sent: format_datetime refuses it (InvalidParameter); an aware one keeps its
offset.
"""

from __future__ import annotations

import copy
import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pieces_models_client import errors
from pieces_models_client._parsing import format_datetime, parse_datetime
from pieces_models_client.api.models import models_create_new_model
from pieces_models_client.models import GroupedTimestamp, SeededModel
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import SNAPSHOT
from tools import endpoints as spec

UTC = datetime.timezone.utc
MODEL = SNAPSHOT["iterable"][0]
# A SeededModel body: the fields of a recorded Model that a client knows before registering it.
SEEDED = {key: value for key, value in MODEL.items() if key in spec.schemas()["SeededModel"]["properties"]}


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2025-028T09:15:42+02:00",
            datetime.datetime(2025, 1, 28, 9, 15, 42, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        ),
        ("2025-01-28T24:00:00Z", datetime.datetime(2025, 1, 29, tzinfo=UTC)),
        ("2025-01-28T24:00:00", datetime.datetime(2025, 1, 29, tzinfo=UTC)),
    ],
    ids=repr,
)
def test_forms_fromisoformat_rejects_fall_back_to_dateutil(text, expected):
    """An ordinal date or the hour 24, which datetime.fromisoformat refuses, is still read, through the
    dateutil fallback: its offset kept when it has one, UTC when it has none."""
    with pytest.raises(ValueError, match=r"isoformat|hour"):
        datetime.datetime.fromisoformat(text)
    value = parse_datetime(text)
    assert value == expected
    assert value.utcoffset() == expected.utcoffset()
    assert value.tzinfo is not None


@pytest.mark.parametrize(
    "text", ["2025-01-28T09:15:42", "2025-01-28T09:15:42.000000", "20250128T091542"], ids=repr
)
def test_date_time_without_offset_reads_as_utc(text):
    """A date-time without offset reads as UTC (aware, same wall clock) and is written back with "Z"."""
    value = parse_datetime(text)
    assert value.tzinfo is UTC
    assert value.utcoffset() == datetime.timedelta(0)
    assert value.replace(tzinfo=None) == datetime.datetime(2025, 1, 28, 9, 15, 42)
    assert format_datetime(value) == "2025-01-28T09:15:42Z"
    assert GroupedTimestamp.from_dict({"value": text}).value == value


NAIVE = datetime.datetime(2025, 1, 28, 9, 15, 42)


def test_format_datetime_refuses_a_naive_datetime():
    """format_datetime of a naive datetime raises InvalidParameter naming the field; nothing is guessed."""
    with pytest.raises(errors.InvalidParameter) as caught:
        format_datetime(NAIVE, "created.value")
    assert type(caught.value) is errors.InvalidParameter
    assert caught.value.parameter == "created.value"
    assert str(caught.value).startswith("created.value: ")
    assert "naive datetime" in str(caught.value)
    assert "timezone" in str(caught.value)
    assert str(caught.value).endswith("; RFC 3339 date-times always carry an offset")


def test_format_datetime_names_the_field_it_refuses():
    """A value that is not a datetime: InvalidParameter naming the field given, else "date-time"."""
    with pytest.raises(errors.InvalidParameter) as caught:
        format_datetime("2025-01-28", "created.value")  # type: ignore[arg-type]
    assert str(caught.value) == "created.value: expected a datetime.datetime, got str '2025-01-28'"
    with pytest.raises(errors.InvalidParameter) as caught:
        format_datetime(None)  # type: ignore[arg-type]
    assert caught.value.parameter == "date-time"


def test_to_dict_refuses_a_naive_datetime():
    """A model holding a naive datetime cannot be written: InvalidParameter naming the field."""
    with pytest.raises(errors.InvalidParameter) as caught:
        GroupedTimestamp(value=NAIVE).to_dict()
    assert caught.value.parameter == "value"
    assert "naive datetime" in str(caught.value)


def test_sending_a_naive_datetime_is_refused_before_anything_is_sent():
    """Creating a model with a naive created.value raises InvalidParameter("body"); nothing is sent."""
    body = SeededModel.from_dict(copy.deepcopy(SEEDED))
    body.created.value = NAIVE
    reply = faults.status(200, b"{}", "application/json")
    with loopback.serve(reply) as server, loopback.client(server.url) as client:
        with pytest.raises(errors.InvalidParameter) as caught:
            models_create_new_model.sync(client=client, body=body)
        assert server.received == []
    assert caught.value.parameter == "body"
    assert str(caught.value).startswith("body: value: ")
    assert "naive datetime" in str(caught.value)


def test_sending_an_aware_non_utc_datetime_keeps_its_offset():
    """An aware datetime at +05:30 goes on the wire with its own offset, not converted to UTC."""
    value = datetime.datetime(
        2025, 1, 28, 9, 15, 42, 500000, datetime.timezone(datetime.timedelta(hours=5, minutes=30))
    )
    assert format_datetime(value) == "2025-01-28T09:15:42.500000+05:30"
    body = SeededModel.from_dict(copy.deepcopy(SEEDED))
    body.created.value = value
    reply = faults.status(200, json.dumps(MODEL).encode(), "application/json")
    with loopback.serve(reply) as server, loopback.client(server.url) as client:
        models_create_new_model.sync(client=client, body=body)
    [request] = server.received
    assert json.loads(request.body)["created"]["value"] == "2025-01-28T09:15:42.500000+05:30"


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


@pytest.mark.parametrize("value", ["2025-01-28", "20250128", "2025-01"])
def test_date_without_time_is_refused(value):
    """A date alone is not a date-time: ResponseParseError at created.value, not a guessed midnight."""
    with pytest.raises(errors.ResponseParseError) as caught:
        GroupedTimestamp.from_dict({"value": value})
    assert caught.value.path == ["value"]
    assert "RFC 3339 date-time" in caught.value.reason


def test_offset_with_seconds_is_refused_when_sending():
    """RFC 3339 offsets have no seconds: a datetime whose offset has them is refused, naming the field."""
    odd = datetime.timezone(datetime.timedelta(hours=1, seconds=30))
    with pytest.raises(errors.InvalidParameter) as caught:
        GroupedTimestamp(value=datetime.datetime(2025, 1, 28, 9, 15, tzinfo=odd)).to_dict()
    assert caught.value.parameter == "value"
    assert "offset with seconds" in str(caught.value)


@pytest.mark.parametrize(
    "zone",
    [datetime.timezone(datetime.timedelta(0), "GMT"), datetime.timezone(datetime.timedelta(0))],
    ids=["GMT", "offset 0"],
)
def test_any_zero_offset_is_written_as_z(zone):
    """A zero offset from a timezone other than datetime.timezone.utc is written with "Z" too."""
    value = datetime.datetime(2025, 1, 28, 9, 15, 42, 5, tzinfo=zone)
    assert format_datetime(value) == "2025-01-28T09:15:42.000005Z"
