"""Compare openapi/models.yaml with the facts read off the official SDK (pure functions over plain data,
so that tests can also feed them a broken spec)."""

from __future__ import annotations

from typing import Any

from tests.spec.sdk_reference import CUT, FieldFact, Kind, json_field
from tools.endpoints import Endpoint, load_spec, resolve

# Formats are not in the SDK (pydantic has no int64); these come from Pieces' public OpenAPI repository.
PUBLIC_SPEC_FORMATS = {("ByteDescriptor", "value"): "int64"}


def _show(kind: Kind) -> str:
    return kind[0] if len(kind) == 1 else f"{kind[0]} {_show(kind[1]) if kind[0] == 'array' else kind[1]}"


def _one_sided(sdk: Any, spec: Any, label: str, sdk_name: str) -> list[str]:
    """The items on one side only, one sentence each; `label` formats an item."""
    out = [f"{label.format(item)} in {sdk_name}, missing from the spec" for item in sdk if item not in spec]
    return out + [f"{label.format(item)} in the spec, not in {sdk_name}" for item in spec if item not in sdk]


def compare_schemas(
    sdk: dict[str, dict[str, FieldFact] | list[str]], spec_schemas: dict[str, Any], sdk_name: str
) -> list[str]:
    """Every difference between the SDK's core cut and the spec's schemas, one sentence each."""
    out = [f"{name}: in {sdk_name} but not in the spec" for name in sorted(set(sdk) - set(spec_schemas))]
    out += [
        f"{name}: in the spec but not in {sdk_name}'s core cut"
        for name in sorted(set(spec_schemas) - set(sdk) - set(CUT.values()))
    ]
    for name in sorted(set(sdk) & set(spec_schemas)):
        theirs, schema = sdk[name], spec_schemas[name]
        if isinstance(theirs, list):
            ours = schema.get("enum", [])
            found = _one_sided(theirs, ours, f"{name}: value {{!r}}", sdk_name)
            if not found and ours != theirs:
                found.append(f"{name}: same values as {sdk_name}, in a different order")
            out += found
        else:
            out += _compare_object(name, theirs, schema, sdk_name)
    return out


def _compare_object(name: str, sdk_fields: dict[str, FieldFact], schema: Any, sdk_name: str) -> list[str]:
    spec_fields = {
        field: FieldFact(json_field(node)[0], field in schema.get("required", []), json_field(node)[1])
        for field, node in schema.get("properties", {}).items()
    }
    out = _one_sided(sorted(sdk_fields), sorted(spec_fields), f"{name}.{{}}:", sdk_name)
    for field in sorted(set(sdk_fields) & set(spec_fields)):
        ours, theirs, where = spec_fields[field], sdk_fields[field], f"{name}.{field}"
        if (name, field) in CUT:
            if ours.kind != ("ref", CUT[(name, field)]):
                out.append(f"{where}: must point at the free-form {CUT[(name, field)]} (the cut)")
        elif ours.kind != theirs.kind:
            out.append(f"{where}: {_show(ours.kind)} in the spec, {_show(theirs.kind)} in {sdk_name}")
        for flag in ("required", "nullable"):
            mine, other = getattr(ours, flag), getattr(theirs, flag)
            if mine != other:
                out.append(f"{where}: {flag}={mine} in the spec, {other} in {sdk_name}")
    return out


def compare_formats(spec_schemas: dict[str, Any]) -> list[str]:
    """Integer formats must be exactly those of Pieces' public spec."""
    out = []
    for name, schema in sorted(spec_schemas.items()):
        for field, node in schema.get("properties", {}).items():
            expected = PUBLIC_SPEC_FORMATS.get((name, field))
            actual = node.get("format") if node.get("type") in ("integer", ["integer", "null"]) else None
            if actual != expected:
                out.append(f"{name}.{field}: format {actual!r} in the spec, {expected!r} in Pieces' spec")
    return out


def compare_operation(endpoint: Endpoint, sdk: dict[str, Any], sdk_name: str) -> list[str]:
    """Differences between one operation of the endpoint table and its SDK method (sdk_reference)."""
    out = [
        f"{endpoint.operation_id}: {fact} {getattr(endpoint, fact)} in the spec, {theirs} in {sdk_name}"
        for fact, theirs in sdk.items()
        if getattr(endpoint, fact) != theirs
    ]
    operation = load_spec()["paths"].get(endpoint.path, {}).get(endpoint.method.lower(), {})
    for parameter in map(resolve, operation.get("parameters", [])):
        if not (parameter.get("required") and parameter["schema"].get("type") == "string"):
            out.append(
                f"{endpoint.operation_id}: path parameter {parameter['name']} must be a required string"
            )
    return out
