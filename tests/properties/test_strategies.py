"""The generators are honest: every body they make is valid for the spec, per jsonschema."""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import given, settings

from tests.properties import strategies


def validator(schema):
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("name", strategies.OBJECT_SCHEMAS)
def test_valid_bodies_validate_against_the_spec(name):
    """valid_bodies(name) only makes bodies that the spec's schema accepts, date-time format included."""
    check_schema = validator(strategies.schema_of(name))

    @settings(max_examples=strategies.examples(50))
    @given(strategies.valid_bodies(name))
    def check(body):
        errors = sorted(check_schema.iter_errors(body), key=str)
        assert not errors, errors[0]

    check()


def test_newer_server_bodies_do_add_unknown_fields_and_values():
    """The newer-server generator really produces extra fields and unlisted enum values."""
    seen = {"extra field": False, "unknown enum": False}
    known = set(strategies.schema_of("Model")["properties"])
    listed = set(strategies.spec.schemas()["ModelTypeEnum"]["enum"])

    @settings(max_examples=60)
    @given(strategies.newer_server_bodies("Model"))
    def check(body):
        seen["extra field"] |= bool(set(body) - known)
        seen["unknown enum"] |= body["type"] not in listed

    check()
    assert seen == {"extra field": True, "unknown enum": True}
