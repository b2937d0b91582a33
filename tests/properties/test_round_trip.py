"""Lossless round trip: for every schema, every body the spec allows satisfies
`Class.from_dict(body).to_dict() == body`, date-times compared as instants (the documented exception).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.properties import strategies
from tests.support.round_trip import round_trip_problems

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
