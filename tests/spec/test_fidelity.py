"""Spec fidelity: openapi/models.yaml says exactly what the official SDK says about the Models API.

The reference is read off the installed pieces-os-client (see sdk_reference.py), so bumping its pin
makes these tests list every difference Pieces shipped.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from importlib.metadata import version

import pytest

from tests.spec import fidelity, sdk_reference
from tools import endpoints as spec
from tools.endpoints import ENDPOINTS, Endpoint, load_spec, resolve

SDK_NAME = f"pieces-os-client {version('pieces-os-client')}"


@functools.cache
def sdk_cut() -> dict:
    return sdk_reference.core_cut()


def operation(endpoint: Endpoint) -> dict:
    return load_spec()["paths"][endpoint.path][endpoint.method.lower()]


def report(differences: list[str]) -> str:
    return f"{len(differences)} difference(s) from {SDK_NAME}:\n  " + "\n  ".join(differences)


def test_core_cut_has_the_18_schemas_pieces_documents():
    """The walk from the operations' bodies, stopped at the cut, finds the spec's schemas but the cut
    one: the 18 core schemas for the five operations."""
    assert set(sdk_cut()) == set(spec.schemas()) - set(sdk_reference.CUT.values())
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


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_operation_matches_the_sdk(endpoint):
    """Method, path, path parameters, optional body and responses of each operation agree."""
    method_name = sdk_reference.sdk_method(endpoint)
    assert method_name, f"the SDK's ModelsApi has no method for {endpoint.operation_id}"
    differences = fidelity.compare_operation(endpoint, sdk_reference.operation(method_name), SDK_NAME)
    assert not differences, report(differences)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_operations_use_pieces_operation_ids_and_the_models_tag(endpoint):
    """Each operationId is Pieces' own (the SDK, generated from Pieces' spec, names its method after
    it), and each operation is tagged Models."""
    assert sdk_reference.sdk_method(endpoint) == endpoint.name, endpoint.operation_id
    assert operation(endpoint)["tags"] == ["Models"]


def test_model_path_parameter_is_defined_once_and_reused():
    """Every operation with {model} references the single components/parameters/model."""
    users = [operation(endpoint) for endpoint in ENDPOINTS if "{model}" in endpoint.path]
    assert users
    for op in users:
        assert op["parameters"] == [{"$ref": "#/components/parameters/model"}]


def test_every_operation_declares_the_500_text_error():
    """Each operation documents Pieces' 500 with a text/plain body."""
    for endpoint in ENDPOINTS:
        error = resolve(operation(endpoint)["responses"]["500"])
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


OPERATION_BREAKAGES = [
    ("move an operation", {"path": "/models/list"}, "path /models/list in the spec, /models in SDK"),
    ("make a body required", {"body_required": True}, "body_required True in the spec, False in SDK"),
    ("drop a response", {"responses": {"200": "Models"}}, "responses {'200': 'Models'} in the spec"),
]


@pytest.mark.parametrize(
    ("label", "change", "expected"), OPERATION_BREAKAGES, ids=[b[0] for b in OPERATION_BREAKAGES]
)
def test_a_broken_operation_is_reported(label, change, expected):
    """Each kind of difference in an operation is named, with both sides."""
    broken = dataclasses.replace(ENDPOINTS[0], **change)
    differences = fidelity.compare_operation(broken, sdk_reference.operation("models_snapshot"), "SDK")
    assert any(expected in difference for difference in differences), differences


@pytest.mark.parametrize(("label", "breakage", "expected"), BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_a_broken_spec_is_reported(label, breakage, expected):
    """Each kind of infidelity produces a message naming the schema, the field and both sides."""
    broken = copy.deepcopy(spec.schemas())
    breakage(broken)
    differences = fidelity.compare_schemas(sdk_cut(), broken, "SDK")
    for message in expected:
        assert message in differences, f"{label}: {message!r} not in {differences}"
