"""Spec fidelity: openapi/models.yaml says exactly what the official SDK says about the Models API.

The reference is read off the installed pieces-os-client (see sdk_reference.py), so bumping its pin
makes these tests list every difference Pieces shipped.
"""

from __future__ import annotations

import copy
import functools
from importlib.metadata import version

import pytest

from tests.spec import fidelity, sdk_reference
from tests.support import spec

SDK_NAME = f"pieces-os-client {version('pieces-os-client')}"


@functools.cache
def sdk_cut() -> dict:
    return sdk_reference.core_cut()


def report(differences: list[str]) -> str:
    return f"{len(differences)} difference(s) from {SDK_NAME}:\n  " + "\n  ".join(differences)


def test_core_cut_has_the_18_schemas_pieces_documents():
    """The walk from the five operations, stopped at the cut, finds the 18 core schemas."""
    assert len(sdk_cut()) == 18
    assert {"Model", "Models", "SeededModel", "ModelFoundationEnum", "ReferencedEntity"} <= set(sdk_cut())


def test_every_schema_field_and_enum_value_matches_the_sdk():
    """Names, types, required and nullable flags and enum values agree, schema by schema."""
    differences = fidelity.compare_schemas(sdk_cut(), spec.schemas(), SDK_NAME)
    assert not differences, report(differences)


def test_integer_formats_are_those_of_pieces_public_spec():
    """ByteDescriptor.value is int64, as in Pieces' public spec; no other integer carries a format."""
    differences = fidelity.compare_formats(spec.schemas())
    assert not differences, report(differences)


def test_the_cut_field_is_a_free_form_object():
    """ReferencedEntity.reference keeps any content: FlattenedEntity is an open, property-less object."""
    flattened = spec.schemas()["FlattenedEntity"]
    assert flattened["type"] == "object"
    assert flattened["additionalProperties"] is True
    assert "properties" not in flattened


@pytest.mark.parametrize("method_name", sdk_reference.SDK_METHODS)
def test_operation_matches_the_sdk(method_name):
    """Method, path, path parameters, optional body and responses of each operation agree."""
    by_id = {fidelity.snake(op["operationId"]): (m, p, op) for m, p, op in spec.operations()}
    assert method_name in by_id, f"no operationId in the spec snake-cases to {method_name}"
    method, path, operation = by_id[method_name]
    fact = sdk_reference.operations()[method_name]
    differences = fidelity.compare_operation(fact, method, path, operation, spec.resolve, SDK_NAME)
    assert not differences, report(differences)


def test_operations_use_pieces_operation_ids_and_the_models_tag():
    """The five operationIds are those of Pieces' public spec, all tagged Models."""
    ops = {op["operationId"]: op for _, _, op in spec.operations()}
    assert set(ops) == {
        "models-snapshot",
        "models-create-new-model",
        "models-delete-specific-model",
        "models-delete-specific-model-cache",
        "unload-models",
    }
    assert all(op["tags"] == ["Models"] for op in ops.values())


def test_model_path_parameter_is_defined_once_and_reused():
    """Both operations with {model} reference the single components/parameters/model."""
    users = [op for _, path, op in spec.operations() if "{model}" in path]
    assert len(users) == 2
    for op in users:
        assert op["parameters"] == [{"$ref": "#/components/parameters/model"}]


def test_every_operation_declares_the_500_text_error():
    """Each operation documents Pieces' 500 with a text/plain body."""
    for _, _, op in spec.operations():
        error = spec.resolve(op["responses"]["500"])
        assert error["content"]["text/plain"]["schema"] == {"type": "string"}


def test_the_sdk_encodes_ids_with_nothing_left_safe():
    """The SDK's path encoding, which our client matches (see tests/robustness)."""
    assert sdk_reference.encode_path_param("a/b c?") == "/models/a%2Fb%20c%3F/delete"


# The comparison itself must be able to fail: break a copy of the spec in each way and check that the
# difference is named.
BREAKAGES = [
    (
        "rename a field",
        lambda s: s["Model"]["properties"].update(maxToken=s["Model"]["properties"].pop("maxTokens")),
        ["Model.maxTokens: in SDK, missing from the spec", "Model.maxToken: in the spec, not in SDK"],
    ),
    (
        "drop an enum value",
        lambda s: s["ModelFoundationEnum"]["enum"].remove("POTION"),
        ["ModelFoundationEnum: value 'POTION' in SDK, missing from the spec"],
    ),
    (
        "make a nullable field non-nullable",
        lambda s: s["ModelMaxTokens"]["properties"]["total"].update(type="number"),
        ["ModelMaxTokens.total: nullable=False in the spec, True in SDK"],
    ),
    (
        "drop a required flag",
        lambda s: s["Model"]["required"].remove("version"),
        ["Model.version: required=False in the spec, True in SDK"],
    ),
    (
        "change a type",
        lambda s: s["Score"]["properties"]["manual"].update(type="number"),
        ["Score.manual: number in the spec, integer in SDK"],
    ),
    (
        "drop a schema",
        lambda s: s.pop("Score"),
        ["Score: in SDK but not in the spec"],
    ),
]


@pytest.mark.parametrize(("label", "breakage", "expected"), BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_a_broken_spec_is_reported(label, breakage, expected):
    """Each kind of infidelity produces a message naming the schema, the field and both sides."""
    broken = copy.deepcopy(spec.schemas())
    breakage(broken)
    differences = fidelity.compare_schemas(sdk_cut(), broken, "SDK")
    for message in expected:
        assert message in differences, f"{label}: {message!r} not in {differences}"
