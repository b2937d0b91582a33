"""What the official SDK (pieces-os-client, a test-only dependency) says the Models API is, read off the
installed SDK at test time: pydantic's JSON Schema of its models, and its ModelsApi driven through an
ApiClient that sends nothing. Bumping its pin makes tests/spec/test_fidelity.py report every difference.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
import types
import warnings
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

import pydantic
from pydantic.json_schema import models_json_schema

from tools.endpoints import ENDPOINTS, Endpoint

# The core cut: the schemas reachable from the operations, except through this one field, whose target
# (FlattenedEntity) leads into enterprise, subscription and user graphs. The spec keeps that field as
# a free-form object of the same name.
CUT = {("ReferencedEntity", "reference"): "FlattenedEntity"}
SDK_ONLY_ENUM_VALUE = "UNKNOWN"  # added by the SDK to every enum on the client side; never sent
PROBE_ID = "probe/id"  # an id that needs encoding, to read the SDK's path template back

Kind = tuple[Any, ...]  # ("string",), ("integer",), ("ref", "Model"), ("array", ("ref", "Model")), ...


class FieldFact(NamedTuple):
    kind: Kind
    required: bool
    nullable: bool


def root_class(name: str) -> type:
    """An SDK model class, imported on its own (the SDK's models package is slow to import)."""
    module = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
    return getattr(importlib.import_module(f"pieces_os_client.models.{module}"), name)


def json_field(node: dict[str, Any]) -> tuple[Kind, bool]:
    """The JSON kind and nullability of a property node of a JSON Schema (the spec's, or pydantic's)."""
    if members := node.get("anyOf") or node.get("oneOf"):
        others = [member for member in members if member.get("type") != "null"]
        return json_field(others[0])[0], len(others) < len(members)
    if "$ref" in node:
        return ("ref", node["$ref"].rsplit("/", 1)[1]), False
    types = node.get("type")
    nullable = isinstance(types, list) and "null" in types
    if isinstance(types, list):
        types = next(t for t in types if t != "null")
    if types == "array":
        return ("array", json_field(node["items"])[0]), nullable
    if types == "string" and node.get("format") == "date-time":
        return ("date-time",), nullable
    return (types,), nullable


def object_facts(cls: type[pydantic.BaseModel], schema: dict[str, Any]) -> dict[str, FieldFact]:
    """Every field of an SDK model (its pydantic JSON Schema given) by JSON name; nullable ones are those
    its to_dict keeps as None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nullable = set(cls.model_construct(**dict.fromkeys(cls.model_fields)).to_dict())
    return {
        name: FieldFact(json_field(node)[0], name in schema.get("required", []), name in nullable)
        for name, node in schema["properties"].items()
    }


def core_cut() -> dict[str, dict[str, FieldFact] | list[str]]:
    """Every schema of the core cut, from the operations' bodies: field facts, or enum values."""
    roots = sorted({name for e in ENDPOINTS for name in (e.body, *e.responses.values())} - {None, "str"})
    _, top = models_json_schema([(root_class(name), "validation") for name in roots], by_alias=True)
    found: dict[str, dict[str, FieldFact] | list[str]] = {}
    while roots:
        name = roots.pop()
        if name in found:
            continue
        schema = top["$defs"][name]
        if "enum" in schema:
            found[name] = [value for value in schema["enum"] if value != SDK_ONLY_ENUM_VALUE]
            continue
        found[name] = facts = object_facts(root_class(name), schema)
        for field, fact in facts.items():
            kind = fact.kind
            while kind[0] == "array":
                kind = kind[1]
            if kind[0] == "ref" and (name, field) not in CUT:
                roots.append(kind[1])
    return found


def _sent(method_name: str, *args: Any) -> dict[str, Any]:
    """What ModelsApi.<method_name>(*args) sends (method, url, body) and reads (responses): built by the
    SDK's own code through an ApiClient that sends nothing."""
    from pieces_os_client.api.models_api import ModelsApi
    from pieces_os_client.api_client import ApiClient

    sent: dict[str, Any] = {}

    class Recorder(ApiClient):
        def call_api(
            self, method: str, url: str, header_params: Any = None, body: Any = None, *_: Any, **__: Any
        ):
            sent.update(method=method, url=url, body=body)
            return types.SimpleNamespace(read=lambda: None)

        def response_deserialize(self, response_data: Any, response_types_map: dict[str, str | None]) -> None:
            sent["responses"] = dict(response_types_map)

    getattr(ModelsApi(Recorder()), f"{method_name}_with_http_info")(*args)
    return sent


def _kind(annotation: Any) -> Kind:
    """The JSON kind of a type annotation, by pydantic's JSON Schema of it."""
    return json_field(pydantic.TypeAdapter(annotation).json_schema())[0]


@functools.cache
def operation(method_name: str) -> dict[str, Any]:
    """One ModelsApi method as the SDK sends it, in the terms of tools.endpoints.Endpoint: method, path,
    path_params, body, body_required, responses."""
    from pieces_os_client.api.models_api import ModelsApi

    parameters = inspect.signature(getattr(ModelsApi, f"{method_name}_with_http_info")).parameters
    public = {n: p for n, p in parameters.items() if n != "self" and not n.startswith("_")}
    path_params = tuple(name for name, p in public.items() if _kind(p.annotation) == ("string",))
    body = next((p for name, p in public.items() if name not in path_params), None)
    sent = _sent(method_name, *[PROBE_ID] * len(path_params))
    path = unquote(urlsplit(sent["url"]).path)
    for name in path_params:
        path = path.replace(PROBE_ID, "{" + name + "}", 1)
    return {
        "method": sent["method"].upper(),
        "path": path,
        "path_params": path_params,
        "body": _kind(body.annotation)[1] if body else None,
        "body_required": bool(body and body.default is inspect.Parameter.empty),
        "responses": sent["responses"],
    }


def sdk_method(endpoint: Endpoint) -> str | None:
    """The ModelsApi method of an operation: the one named as its module, else the one that sends the
    same method and path; None when the SDK has neither."""
    from pieces_os_client.api.models_api import ModelsApi

    suffixes = ("_with_http_info", "_without_preload_content")
    methods = [name for name in vars(ModelsApi) if not name.startswith("_") and not name.endswith(suffixes)]
    if endpoint.name in methods:
        return endpoint.name
    same = (endpoint.method, endpoint.path)
    return next((m for m in methods if (operation(m)["method"], operation(m)["path"]) == same), None)


def encode_path_param(value: str) -> str:
    """The path the SDK sends for models_delete_specific_model(value), as sent (still encoded)."""
    return urlsplit(_sent("models_delete_specific_model", value)["url"]).path
