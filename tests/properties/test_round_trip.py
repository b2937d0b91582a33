"""Lossless round trip: for every schema, every body the spec allows satisfies
`Class.from_dict(body).to_dict() == body`, date-times compared as instants (the documented exception).

The date-time rule of tests/support/round_trip.py is itself pinned here by literal examples, so that
the property tests do not lean on an expectation that shares the client's mistakes.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pieces_models_client.models import GroupedTimestamp
from tests.properties import strategies
from tests.support.round_trip import round_trip_problems

# (received, written back): the documented spelling, by hand.
DOCUMENTED = [
    ("2022-02-17T05:00:00.000Z", "2022-02-17T05:00:00Z"),
    ("2023-10-26T15:30:01.617743Z", "2023-10-26T15:30:01.617743Z"),
    ("2023-10-26T15:30:01.6177439Z", "2023-10-26T15:30:01.617743Z"),
    ("2023-10-26T15:30:01.6177449Z", "2023-10-26T15:30:01.617744Z"),
    ("2025-01-28T09:15:42+02:00", "2025-01-28T09:15:42+02:00"),
    ("2025-01-28T09:15:42.5+02:00", "2025-01-28T09:15:42.500000+02:00"),
    ("2025-01-28T09:15:42.000001-07:30", "2025-01-28T09:15:42.000001-07:30"),
    ("2025-01-28T09:15:42+00:00", "2025-01-28T09:15:42Z"),
    ("2025-01-28T09:15:42-00:00", "2025-01-28T09:15:42Z"),
    ("2025-01-28T09:15:42", "2025-01-28T09:15:42Z"),
]
# (received, a wrong way to write it back, what is wrong)
MISSPELLED = [
    ("2022-02-17T05:00:00.000Z", "2022-02-17T05:00:00+00:00", "UTC must be written as 'Z'"),
    ("2022-02-17T05:00:00.000Z", "2022-02-17T05:00:00.000000Z", "a zero fraction must be dropped"),
    ("2022-02-17T05:00:00.000Z", "2022-02-17T05:00:00.000Z", "six fraction digits"),
    ("2022-02-17T05:00:00.000Z", "2022-02-17 05:00:00Z", "not RFC 3339"),
    ("2022-02-17T05:00:00.000Z", "2022-02-17T05:00:01Z", "another instant"),
    ("2023-10-26T15:30:01.6177439Z", "2023-10-26T15:30:01.617744Z", "another instant"),
    ("2023-10-26T15:30:01.617743Z", "2023-10-26T15:30:01.6177430Z", "six fraction digits"),
    ("2025-01-28T09:15:42.5+02:00", "2025-01-28T09:15:42.5+02:00Z", "not RFC 3339"),
    ("2025-01-28T09:15:42.5+02:00", "2025-01-28T09:15:42.50+02:00", "six fraction digits"),
    ("2025-01-28T09:15:42+02:00", "2025-01-28T07:15:42Z", "another UTC offset"),
    ("2025-01-28T09:15:42+02:00", "2025-01-28T07:15:42+00:00", "another UTC offset"),
    ("2025-01-28T09:15:42", "2025-01-28T09:15:42", "not RFC 3339"),
    ("2025-01-28T09:15:42", "2025-01-28T09:15:42+01:00", "another UTC offset"),
]

# Each example is a batch of bodies (cheaper than as many examples: much of hypothesis' cost is per
# example). Per run: 1,100 top-level bodies of each small schema; 600 of Model and SeededModel (and
# Model again inside every Models); 300 of Models, each with up to three Model. Small schemas also
# occur nested everywhere (EmbeddedModelSchema thousands of times). HYPOTHESIS_PROFILE=thorough
# multiplies the examples by ten.
EXAMPLES = {"Models": 300, "Model": 300, "SeededModel": 300}
BATCH = {"Models": 1, "Model": 2, "SeededModel": 2}


@pytest.mark.parametrize("name", strategies.OBJECT_SCHEMAS)
def test_every_valid_body_round_trips(name):
    """Spec-valid bodies of the schema, exactly the spec's fields: nothing lost or changed."""
    cls = strategies.model_class(name)

    batch = BATCH.get(name, 5)

    @settings(max_examples=strategies.examples(EXAMPLES.get(name, 220)))
    @given(st.lists(strategies.valid_bodies(name), min_size=batch, max_size=batch))
    def check(bodies):
        for body in bodies:
            parsed = cls.from_dict(body)
            assert round_trip_problems(body, parsed.to_dict(), name) == []

    check()


@pytest.mark.parametrize("name", strategies.ENUM_SCHEMAS)
def test_every_enum_value_and_any_other_string_round_trips(name):
    """Each listed value is its member; any other string is kept as it is."""
    cls = strategies.model_class(name)
    listed = strategies.spec.schemas()[name]["enum"]
    assert [member.value for member in cls] == listed

    @settings(max_examples=strategies.examples(200))
    @given(st.one_of(st.sampled_from(listed), st.text()))
    def check(value):
        member = cls(value)
        assert member.value == value
        assert member.is_known == (value in listed)

    check()


@pytest.mark.parametrize(("received", "written"), DOCUMENTED, ids=[case[0] for case in DOCUMENTED])
def test_client_writes_the_documented_date_time_spelling(received, written):
    """A received date-time comes back from to_dict() exactly as the hand-written literal says."""
    assert GroupedTimestamp.from_dict({"value": received}).to_dict() == {"value": written}


@pytest.mark.parametrize(("received", "written"), DOCUMENTED, ids=[case[0] for case in DOCUMENTED])
def test_round_trip_check_accepts_the_documented_spelling(received, written):
    """round_trip_problems accepts each documented (received, written) pair of literals."""
    assert round_trip_problems({"value": received}, {"value": written}, "GroupedTimestamp") == []


@pytest.mark.parametrize(
    ("received", "written", "why"), MISSPELLED, ids=[f"{case[0]}->{case[1]}" for case in MISSPELLED]
)
def test_round_trip_check_refuses_any_other_spelling(received, written, why):
    """round_trip_problems reports each misspelled date-time literal, saying what is wrong with it."""
    problems = round_trip_problems({"value": received}, {"value": written}, "GroupedTimestamp")
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"value: date-time {received!r} came back as {written!r}: "), problems
    assert why in problems[0], problems
