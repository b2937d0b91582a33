"""Bodies a newer Pieces OS may send (unknown enum values, extra fields with any JSON, at any depth)
parse without error and round-trip unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from tests.properties import strategies
from tests.support.round_trip import round_trip_problems


@pytest.mark.parametrize("name", strategies.OBJECT_SCHEMAS)
def test_unknown_values_and_fields_round_trip(name):
    """from_dict keeps every unknown value and field; to_dict writes all of them back."""
    cls = strategies.model_class(name)

    @settings(max_examples=strategies.examples(100))
    @given(strategies.newer_server_bodies(name))
    def check(body):
        assert round_trip_problems(body, cls.from_dict(body).to_dict(), name) == []

    check()
