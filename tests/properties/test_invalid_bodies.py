"""Invalid bodies raise only ResponseParseError, located where the body is broken.

A valid body is broken in one place (a required field deleted, or a value of a JSON type the spec does
not allow there); from_dict must raise ResponseParseError whose path is that place. A null in an
optional field that the spec does not mark nullable is no breakage: it reads as absent (UNSET).
Arbitrary JSON must end in a model that writes that JSON back, or in ResponseParseError, never in
anything else.
"""

from __future__ import annotations

import copy

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pieces_models_client import errors
from tests.properties import strategies
from tests.support.round_trip import round_trip_problems

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=20,
)

# The spec's JSON Schema, with the client's exact reading of "integer": 1.0 is a number, not an integer
# (JSON Schema 2020-12 counts it as both; the client, like Python, does not).
_STRICT_TYPES = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda checker, value: isinstance(value, int) and not isinstance(value, bool)
)
SpecValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=_STRICT_TYPES)

# Schemas with an optional, non-nullable field at their root: every body of them can hold such a null.
NULL_AS_ABSENT_SCHEMAS = [
    name
    for name in strategies.OBJECT_SCHEMAS
    if any(path == () for path, _ in strategies.null_as_absent_slots(strategies.schema_of(name), {}))
]


def at(body, path):
    for key in path:
        body = body[key]
    return body


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
            for path, node, role in strategies.locations(schema, body)
            for how, sample in strategies.breakages(node, role)
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


def test_null_in_an_optional_non_nullable_field_is_not_counted_as_a_breakage():
    """Breakages offer "set to null" for required fields, items and the root, never optional fields."""
    string = {"type": "string"}
    assert ("set to null", None) in strategies.breakages(string, strategies.REQUIRED)
    assert ("set to null", None) in strategies.breakages(string, strategies.ITEM)
    assert ("set to null", None) in strategies.breakages(string, strategies.ROOT)
    optional = strategies.breakages(string, strategies.OPTIONAL)
    assert ("set to null", None) not in optional
    assert ("set to integer", 7) in optional


@pytest.mark.parametrize("name", NULL_AS_ABSENT_SCHEMAS)
def test_null_in_an_optional_non_nullable_field_reads_as_absent(name):
    """A null optional non-nullable field, at any depth, reads as its absence; to_dict() lacks the key."""
    cls = strategies.model_class(name)
    schema = strategies.schema_of(name)

    @settings(max_examples=strategies.examples(100))
    @given(body=strategies.valid_bodies(name), data=st.data())
    def check(body, data):
        slots = list(strategies.null_as_absent_slots(schema, body))
        parent, key = data.draw(st.sampled_from(slots), label="null field")
        with_null, without = copy.deepcopy(body), copy.deepcopy(body)
        at(with_null, parent)[key] = None
        at(without, parent).pop(key, None)

        parsed = cls.from_dict(with_null)
        assert isinstance(parsed, cls)
        assert parsed == cls.from_dict(without)
        written = parsed.to_dict()
        assert key not in at(written, parent)
        assert round_trip_problems(without, written, name) == []

    check()


@pytest.mark.parametrize("name", ["Models", "Model", "SeededModel", "ModelMaxTokens"])
def test_arbitrary_json_parses_or_raises_parse_error_only(name):
    """Any JSON: ResponseParseError (never for a spec-valid body) or a model whose to_dict() is that JSON."""
    cls = strategies.model_class(name)
    schema = strategies.schema_of(name)
    accepts = SpecValidator(schema, format_checker=SpecValidator.FORMAT_CHECKER).is_valid
    keys = sorted(strategies.spec.schemas()[name]["properties"])
    near_misses = st.dictionaries(st.sampled_from(keys), json_values, max_size=len(keys))
    with_nulls = strategies.valid_bodies(name).flatmap(
        lambda body: st.sets(st.sampled_from(keys)).map(lambda nulled: {**body, **dict.fromkeys(nulled)})
    )

    @settings(max_examples=strategies.examples(120))
    @given(st.one_of(json_values, near_misses, strategies.valid_bodies(name), with_nulls))
    def check(value):
        expected = strategies.without_null_optionals(schema, value)
        original = copy.deepcopy(value)
        try:
            parsed = cls.from_dict(value)
        except errors.ResponseParseError:
            assert not accepts(expected), "a body the spec accepts was refused"
            return
        assert value == original, "from_dict changed its argument"
        assert isinstance(parsed, cls)
        assert round_trip_problems(expected, parsed.to_dict(), name) == []

    check()
