"""Invalid bodies raise only ResponseParseError, located where the body is broken.

A valid body is broken in one place (a required field deleted, or a value of a JSON type the spec does
not allow there); from_dict must raise ResponseParseError whose path is that place. Arbitrary JSON
must end in a model or in ResponseParseError, never any other exception.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pieces_models_client import errors
from tests.properties import strategies

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=20,
)


@pytest.mark.parametrize("name", strategies.OBJECT_SCHEMAS)
def test_body_broken_in_one_place_raises_parse_error_there(name):
    """The error's path is exactly the broken location, whatever the depth."""
    cls = strategies.model_class(name)
    schema = strategies.schema_of(name)

    @settings(max_examples=strategies.examples(100))
    @given(body=strategies.valid_bodies(name), data=st.data())
    def check(body, data):
        places = [
            (path, how, sample)
            for path, node, required in strategies.locations(schema, body)
            for how, sample in strategies.breakages(node, required)
        ]
        path, how, sample = data.draw(st.sampled_from(places), label="breakage")
        bad = strategies.broken(body, path, how, sample)
        with pytest.raises(errors.ResponseParseError) as caught:
            cls.from_dict(bad)
        assert tuple(caught.value.path) == path, (how, caught.value)
        if how == "delete":
            assert caught.value.reason == "required field is missing"
        else:
            assert caught.value.reason.startswith("expected") or "is not a valid" in caught.value.reason

    check()


@pytest.mark.parametrize("name", ["Models", "Model", "SeededModel", "ModelMaxTokens"])
def test_arbitrary_json_parses_or_raises_parse_error_only(name):
    """Any JSON value, including objects with the right keys and wrong values: a model or a
    ResponseParseError, never a KeyError, TypeError, ValueError or AttributeError."""
    cls = strategies.model_class(name)
    keys = sorted(strategies.spec.schemas()[name]["properties"])
    near_misses = st.dictionaries(st.sampled_from(keys), json_values, max_size=len(keys))

    @settings(max_examples=strategies.examples(120))
    @given(st.one_of(json_values, near_misses))
    def check(value):
        with contextlib.suppress(errors.ResponseParseError):
            cls.from_dict(value)

    check()
