"""Hypothesis strategies for bodies of every schema, derived from openapi/models.yaml.

``from_schema`` converts the JSON Schema subset the spec uses (hypothesis-jsonschema was about ten times
slower per body here, and its 0.23.1 does not run on the pinned hypothesis). tests/properties/
test_strategies.py checks every body against the spec. Valid bodies hold exactly the spec's fields and
enum values; a newer server's also unknown enum values and extra fields of any JSON, at any depth.
"""

from __future__ import annotations

import copy
import datetime
import functools
import operator
import os
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

from pieces_models_client import models
from tools import endpoints as spec

OBJECT_SCHEMAS = sorted(
    name
    for name, schema in spec.schemas().items()
    if schema.get("type") == "object" and "properties" in schema
)
ENUM_SCHEMAS = sorted(name for name, schema in spec.schemas().items() if "enum" in schema)


def examples(count: int) -> int:
    """A test's number of examples, times ten under HYPOTHESIS_PROFILE=thorough."""
    return count * (10 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1)


def model_class(name: str) -> Any:
    return getattr(models, name)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)

# RFC 3339 date-times in the spellings servers use: "Z" or an offset, 0 to 9 fraction digits.
rfc3339 = st.builds(
    "{:%Y-%m-%dT%H:%M:%S}{}{}".format,
    st.datetimes(min_value=datetime.datetime(1000, 1, 1), max_value=datetime.datetime(9999, 12, 31)),
    st.just("") | st.text("0123456789", min_size=1, max_size=9).map(".{}".format),
    st.sampled_from(["Z", "+00:00"])
    | st.builds("{}{:02d}:{:02d}".format, st.sampled_from("+-"), st.integers(0, 23), st.integers(0, 59)),
)

_SCALARS = {
    "null": st.none(),
    "boolean": st.booleans(),
    "integer": st.integers(min_value=-(2**63), max_value=2**63 - 1),
    "number": st.integers() | st.floats(allow_nan=False, allow_infinity=False),
    "string": st.text(),
}


def from_schema(node: dict[str, Any], *, newer_server: bool = False) -> st.SearchStrategy[Any]:
    """A strategy for the values an (inlined) schema node allows."""
    if "enum" in node:
        listed = st.sampled_from(node["enum"])
        return listed | st.text() if newer_server else listed
    kinds = node["type"] if isinstance(node["type"], list) else [node["type"]]
    return st.one_of([_from_kind(kind, node, newer_server) for kind in kinds])


def _from_kind(kind: str, node: dict[str, Any], newer_server: bool) -> st.SearchStrategy[Any]:
    if kind == "string" and node.get("format") == "date-time":
        return rfc3339
    if kind == "array":
        return st.lists(from_schema(node["items"], newer_server=newer_server), max_size=3)
    if kind == "object":
        return _object(node, newer_server)
    return _SCALARS[kind]


def _object(node: dict[str, Any], newer_server: bool) -> st.SearchStrategy[dict[str, Any]]:
    properties, required = node.get("properties", {}), set(node.get("required", []))
    fields = {key: from_schema(value, newer_server=newer_server) for key, value in properties.items()}
    known = st.fixed_dictionaries(
        {key: field for key, field in fields.items() if key in required},
        optional={key: field for key, field in fields.items() if key not in required},
    )
    free_form = node.get("additionalProperties") is True and not properties
    if not (newer_server or free_form):
        return known
    extra_keys = st.text(max_size=12).filter(lambda key: key not in properties)
    extras = st.dictionaries(extra_keys, json_values, max_size=2)
    return st.builds(lambda fields, more: {**more, **fields}, known, extras)


schema_of = functools.cache(spec.inline_schema)  # the spec's schema `name`, every $ref inlined


def valid_bodies(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Bodies the spec allows, with exactly the spec's fields (free-form objects aside)."""
    return from_schema(schema_of(name))


def newer_server_bodies(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Bodies a newer server may send: unknown enum values and extra fields anywhere."""
    return from_schema(schema_of(name), newer_server=True)


# Locations in a body, for breaking it in one place ------------------------------------------------

# A value of each JSON type, to put where another type is required.
SAMPLES = dict(null=None, boolean=True, integer=7, number=1.5, string="text", array=[], object={})


def allowed_types(node: dict[str, Any]) -> set[str]:
    """The JSON types a schema node (inlined) accepts."""
    if "enum" in node:
        return {"string"}
    kinds = set(node["type"]) if isinstance(node.get("type"), list) else {node.get("type")}
    return kinds | {"integer"} if "number" in kinds else kinds


def _null_reads_absent(node: dict[str, Any], key: str) -> bool:
    """Null in property `key` of an object node reads as absent: the key is optional, null not allowed."""
    return key not in node.get("required", []) and "null" not in allowed_types(node["properties"][key])


# Where a location sits in its body: the root, a required or an optional field of an object, an item of
# a list. It decides which changes break the body there (see breakages).
ROOT, REQUIRED, OPTIONAL, ITEM = "root", "required field", "optional field", "list item"


def locations(
    node: dict[str, Any], value: Any, path: tuple = (), role: str = ROOT
) -> Iterator[tuple[tuple, dict[str, Any], str]]:
    """Every (path, schema node, role) inside a valid body, the root included. A list item is neither
    required (deleting one leaves a valid list) nor optional (null there is still a null)."""
    yield path, node, role
    if isinstance(value, dict):
        required_keys = set(node.get("required", []))
        for key, child in value.items():
            if key in node.get("properties", {}):
                child_role = REQUIRED if key in required_keys else OPTIONAL
                yield from locations(node["properties"][key], child, (*path, key), child_role)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from locations(node["items"], child, (*path, index), ITEM)


def breakages(node: dict[str, Any], role: str) -> list[tuple[str, Any]]:
    """The ways to make a location invalid: delete it (if required), or give it a wrong JSON type; but
    null in an optional field is no breakage: the client reads it as absent (UNSET)."""
    out = [("delete", None)] if role == REQUIRED else []
    allowed = allowed_types(node)
    out += [
        (f"set to {kind}", sample)
        for kind, sample in SAMPLES.items()
        if kind not in allowed and not (kind == "null" and role == OPTIONAL)
    ]
    return out


def null_as_absent_slots(node: dict[str, Any], value: Any) -> Iterator[tuple[tuple, str]]:
    """Every (object path, key) of a valid body where null must read as absent: each optional property,
    present or not, of every object in the body, whose schema does not allow null."""
    for path, at, _ in locations(node, value):
        if isinstance(functools.reduce(operator.getitem, path, value), dict):
            yield from ((path, key) for key in at.get("properties", {}) if _null_reads_absent(at, key))


def without_null_optionals(node: dict[str, Any], value: Any) -> Any:
    """What the client must read from JSON ``value``, by the spec alone: ``value`` without the optional,
    non-nullable keys that hold null, at any depth (a copy; ``value`` is unchanged)."""
    if isinstance(value, list) and "items" in node:
        return [without_null_optionals(node["items"], child) for child in value]
    if not isinstance(value, dict):
        return copy.deepcopy(value)
    properties = node.get("properties", {})
    return {
        key: without_null_optionals(properties.get(key, {}), child)
        for key, child in value.items()
        if not (child is None and key in properties and _null_reads_absent(node, key))
    }


def broken(body: Any, path: tuple, how: str, sample: Any) -> Any:
    """A copy of body with the location at path deleted or replaced."""
    if not path:
        return copy.deepcopy(sample)
    body = copy.deepcopy(body)
    target = functools.reduce(operator.getitem, path[:-1], body)
    if how == "delete":
        del target[path[-1]]
    else:
        target[path[-1]] = copy.deepcopy(sample)
    return body
