"""Compare openapi/models.yaml with the facts read off the official SDK (see sdk_reference).

Pure functions over plain data, so that tests can also feed them a deliberately broken spec and check
that each kind of difference is reported.
"""

from __future__ import annotations

import re
from typing import Any

from tests.spec.sdk_reference import CUT, FieldFact, Kind, OperationFact

# Formats are not in the SDK (pydantic has no int64); these come from Pieces' public OpenAPI repository.
PUBLIC_SPEC_FORMATS = {("ByteDescriptor", "value"): "int64"}


def spec_field(node: dict[str, Any]) -> tuple[Kind, bool]:
    """The JSON kind and nullability of a property node of the spec."""
    for key in ("anyOf", "oneOf"):
        if key in node:
            members = [m for m in node[key] if m.get("type") != "null"]
            kind, _ = spec_field(members[0])
            return kind, len(members) < len(node[key])
    if "$ref" in node:
        return ("ref", node["$ref"].rsplit("/", 1)[1]), False
    types = node.get("type")
    nullable = isinstance(types, list) and "null" in types
    if isinstance(types, list):
        types = next(t for t in types if t != "null")
    if types == "array":
        return ("array", spec_field(node["items"])[0]), nullable
    if types == "string" and node.get("format") == "date-time":
        return ("date-time",), nullable
    return (types,), nullable


def spec_object(schema: dict[str, Any]) -> dict[str, FieldFact]:
    required = set(schema.get("required", []))
    facts = {}
    for json_name, node in schema.get("properties", {}).items():
        kind, nullable = spec_field(node)
        facts[json_name] = FieldFact(kind, json_name in required, nullable)
    return facts


def _show(kind: Kind) -> str:
    return kind[0] if len(kind) == 1 else f"{kind[0]} {_show(kind[1]) if kind[0] == 'array' else kind[1]}"


def compare_schemas(
    sdk: dict[str, dict[str, FieldFact] | list[str]], spec_schemas: dict[str, Any], sdk_name: str
) -> list[str]:
    """Every difference between the SDK's core cut and the spec's schemas, one sentence each."""
    out = []
    cut_targets = set(CUT.values())
    for name in sorted(set(sdk) - set(spec_schemas)):
        out.append(f"{name}: in {sdk_name} but not in the spec")
    for name in sorted(set(spec_schemas) - set(sdk) - cut_targets):
        out.append(f"{name}: in the spec but not in {sdk_name}'s core cut")
    for name in sorted(set(sdk) & set(spec_schemas)):
        reference, schema = sdk[name], spec_schemas[name]
        if isinstance(reference, list):
            out.extend(_compare_enum(name, reference, schema.get("enum", []), sdk_name))
        else:
            out.extend(_compare_object(name, reference, spec_object(schema), sdk_name))
    return out


def _compare_enum(name: str, sdk_values: list[str], spec_values: list[str], sdk_name: str) -> list[str]:
    out = [
        f"{name}: value {v!r} in {sdk_name}, missing from the spec"
        for v in sdk_values
        if v not in spec_values
    ]
    out += [f"{name}: value {v!r} in the spec, not in {sdk_name}" for v in spec_values if v not in sdk_values]
    if not out and sdk_values != spec_values:
        out.append(f"{name}: same values as {sdk_name}, in a different order")
    return out


def _compare_object(
    name: str, sdk_fields: dict[str, FieldFact], spec_fields: dict[str, FieldFact], sdk_name: str
) -> list[str]:
    out = [
        f"{name}.{f}: in {sdk_name}, missing from the spec"
        for f in sorted(set(sdk_fields) - set(spec_fields))
    ]
    out += [f"{name}.{f}: in the spec, not in {sdk_name}" for f in sorted(set(spec_fields) - set(sdk_fields))]
    for field in sorted(set(sdk_fields) & set(spec_fields)):
        ours, theirs = spec_fields[field], sdk_fields[field]
        where = f"{name}.{field}"
        if (name, field) in CUT:
            if ours.kind != ("ref", CUT[(name, field)]):
                out.append(f"{where}: must point at the free-form {CUT[(name, field)]} (the cut)")
        elif ours.kind != theirs.kind:
            out.append(f"{where}: {_show(ours.kind)} in the spec, {_show(theirs.kind)} in {sdk_name}")
        if ours.required != theirs.required:
            out.append(f"{where}: required={ours.required} in the spec, {theirs.required} in {sdk_name}")
        if ours.nullable != theirs.nullable:
            out.append(f"{where}: nullable={ours.nullable} in the spec, {theirs.nullable} in {sdk_name}")
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


def snake(operation_id: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", operation_id.lower()).strip("_")


def compare_operation(
    fact: OperationFact, method: str, path: str, operation: dict[str, Any], resolve: Any, sdk_name: str
) -> list[str]:
    """Differences between one spec operation and the SDK method of the same (snake-cased) id."""
    where = operation["operationId"]
    out = []
    if (method, path) != (fact.method, fact.path):
        out.append(
            f"{where}: {method.upper()} {path} in the spec, {fact.method.upper()} {fact.path} in {sdk_name}"
        )
    params = [resolve(p) for p in operation.get("parameters", [])]
    names = tuple(p["name"] for p in params if p["in"] == "path")
    if names != fact.path_params:
        out.append(f"{where}: path parameters {names} in the spec, {fact.path_params} in {sdk_name}")
    for p in params:
        if not (p.get("required") and p["schema"].get("type") == "string"):
            out.append(f"{where}: path parameter {p['name']} must be a required string")
    body = operation.get("requestBody")
    spec_body = body and body["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    if spec_body != fact.body:
        out.append(f"{where}: request body {spec_body} in the spec, {fact.body} in {sdk_name}")
    if body and bool(body.get("required")) != fact.body_required:
        out.append(f"{where}: request body required={body.get('required')} in the spec, {fact.body_required}")
    spec_responses = {}
    for status, response in operation["responses"].items():
        content = resolve(response).get("content", {})
        if "application/json" in content:
            spec_responses[status] = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        elif "text/plain" in content and content["text/plain"]["schema"] == {"type": "string"}:
            spec_responses[status] = "str"
        else:
            spec_responses[status] = None
    if spec_responses != fact.responses:
        out.append(f"{where}: responses {spec_responses} in the spec, {fact.responses} in {sdk_name}")
    return out
