"""Forward compatibility: values and fields a newer Pieces OS sends are kept, typed, and sent back.

The official SDK once crashed on every snapshot for a foundation it did not know; its fix maps
unknown values to UNKNOWN and loses them. These tests pin the alternative: nothing is lost.
"""

from __future__ import annotations

import copy
import enum
import inspect

import pytest

from pieces_models_client import errors, models
from pieces_models_client.models import (
    ModelDeleteCacheInput,
    ModelDeleteCacheOutput,
    ModelFoundationEnum,
    Models,
    ReferencedEntity,
    SeededModel,
)
from tests.support.endpoints import SEEDED, SNAPSHOT
from tests.support.round_trip import round_trip_problems

ENUMS = [cls for _, cls in inspect.getmembers(models, inspect.isclass) if issubclass(cls, enum.Enum)]
SCHEMA = {"migration": 0, "semantic": "MAJOR_0_MINOR_0_PATCH_1"}


def test_every_spec_enum_is_covered():
    """The five enums of the spec are the five enum classes of the package."""
    assert sorted(cls.__name__ for cls in ENUMS) == [
        "EmbeddedModelSchemaSemanticVersionEnum",
        "ExternalMLProviderEnum",
        "ModelFoundationEnum",
        "ModelTypeEnum",
        "ModelUsageEnum",
    ]


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_unknown_enum_value_is_kept_as_a_typed_member(cls):
    """An unlisted string parses into the enum type, keeps its text and compares equal to it."""
    value = cls("SHIPPED_NEXT_WEEK")
    assert isinstance(value, cls)
    assert isinstance(value, str)
    assert value == "SHIPPED_NEXT_WEEK"
    assert value.value == "SHIPPED_NEXT_WEEK"
    assert str(value) == "SHIPPED_NEXT_WEEK"
    assert value.is_known is False
    assert value not in list(cls)
    assert cls("SHIPPED_NEXT_WEEK") == value


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_known_enum_values_behave_as_before(cls):
    """Listed values return the very member, which is known."""
    for member in cls:
        assert cls(member.value) is member
        assert member.is_known is True


def test_unknown_value_does_not_shadow_a_member_name():
    """A value equal to a member's *name* (not its value) is unknown, not that member."""
    assert ModelFoundationEnum.GPT_3_5.value == "GPT_3.5"
    lookalike = ModelFoundationEnum("GPT_3_5")
    assert lookalike is not ModelFoundationEnum.GPT_3_5
    assert lookalike.is_known is False


def test_non_string_enum_value_is_a_parse_error():
    """Forward compatibility is for strings: a number where an enum belongs is still refused."""
    body = copy.deepcopy(SNAPSHOT)
    body["iterable"][0]["provider"] = 7
    with pytest.raises(errors.ResponseParseError) as caught:
        Models.from_dict(body)
    assert caught.value.location == "iterable[0].provider"


def test_snapshot_with_unknown_enum_values_round_trips():
    """New foundation, provider, type, usage and semantic version in one snapshot: all kept."""
    body = copy.deepcopy(SNAPSHOT)
    model = body["iterable"][0]
    model.update(foundation="GPT_7", provider="NEW_LAB", type="FRUGAL", usage="VIDEO_GENERATION")
    model["schema"]["semantic"] = "MAJOR_1_MINOR_0_PATCH_0"
    parsed = Models.from_dict(body)
    first = parsed.iterable[0]
    assert (first.foundation, first.provider, first.type_, first.usage) == (
        "GPT_7",
        "NEW_LAB",
        "FRUGAL",
        "VIDEO_GENERATION",
    )
    assert not first.foundation.is_known
    assert round_trip_problems(body, parsed.to_dict(), "Models") == []


def with_unknown_field_everywhere(data):
    """A copy of a JSON document with an unknown field, holding nested JSON, added to every object."""
    if isinstance(data, dict):
        out = {key: with_unknown_field_everywhere(value) for key, value in data.items()}
        out["x-added-by-a-newer-server"] = {"nested": [1, "two", None, {"three": 3.5}]}
        return out
    if isinstance(data, list):
        return [with_unknown_field_everywhere(item) for item in data]
    return data


ORGANIZATION = {
    "id": "d41bca31-5385-5839-9de9-04c8720a0891",
    "schema": SCHEMA,
    "reference": {"type": "ORGANIZATION", "configuration": {"allowed": {"models": ["a", "b"]}}, "users": []},
}

# One body per schema that is not already inside the 23-model snapshot, each as its class parses it.
BODIES = [
    (Models, SNAPSHOT),
    (SeededModel, {**SEEDED, "organization": ORGANIZATION}),
    (ModelDeleteCacheInput, {"schema": SCHEMA}),
    (ModelDeleteCacheOutput, {"schema": SCHEMA, "model": {"id": "m-1", "schema": SCHEMA}}),
    (ReferencedEntity, ORGANIZATION),
]


@pytest.mark.parametrize(("cls", "body"), BODIES, ids=lambda x: getattr(x, "__name__", ""))
def test_unknown_fields_at_every_level_round_trip(cls, body):
    """An unknown field in every object, nested ones included, lands in additional_properties and is
    written back unchanged by to_dict()."""
    enriched = with_unknown_field_everywhere(body)
    parsed = cls.from_dict(enriched)
    assert parsed.additional_properties["x-added-by-a-newer-server"] == {
        "nested": [1, "two", None, {"three": 3.5}]
    }
    assert round_trip_problems(enriched, parsed.to_dict(), cls.__name__) == []


def test_every_object_schema_is_reached_by_the_unknown_field_test():
    """The bodies above contain every object schema of the package at least once."""
    seen: set[str] = set()

    def visit(value):
        if hasattr(value, "additional_properties"):
            seen.add(type(value).__name__)
            for attribute in value.__attrs_attrs__:
                visit(getattr(value, attribute.name))
        elif isinstance(value, list):
            for item in value:
                visit(item)

    for cls, body in BODIES:
        visit(cls.from_dict(body))
    objects = {
        cls.__name__ for _, cls in inspect.getmembers(models, inspect.isclass) if hasattr(cls, "from_dict")
    }
    assert seen == objects


def test_free_form_reference_keeps_any_content():
    """ReferencedEntity.reference (the cut) holds whatever Pieces sends, byte for byte."""
    parsed = ReferencedEntity.from_dict(ORGANIZATION)
    assert parsed.reference.additional_properties == ORGANIZATION["reference"]
    assert parsed.to_dict() == ORGANIZATION
