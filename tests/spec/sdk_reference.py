"""What the official SDK (pieces-os-client, a test-only dependency) says the Models API is, read off the
installed SDK at test time: its pydantic models and enums, and its ModelsApi driven through an ApiClient
that sends nothing. Bumping its pin makes tests/spec/test_fidelity.py report every difference.
"""

from __future__ import annotations

import datetime
import enum
import functools
import importlib
import inspect
import re
import types
import typing
import warnings
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import pydantic

from tools.endpoints import ENDPOINTS, Endpoint

# The core cut: the schemas reachable from the operations, except through this one field, whose target
# (FlattenedEntity) leads into enterprise, subscription and user graphs. The spec keeps that field as
# a free-form object of the same name.
CUT = {("ReferencedEntity", "reference"): "FlattenedEntity"}
SDK_ONLY_ENUM_VALUE = "UNKNOWN"  # added by the SDK to every enum on the client side; never sent
PROBE_ID = "probe/id"  # an id that needs encoding, to read the SDK's path template back

Kind = tuple[Any, ...]  # ("string",), ("integer",), ("ref", "Model"), ("array", ("ref", "Model")), ...


@dataclass(frozen=True)
class FieldFact:
    kind: Kind
    required: bool
    nullable: bool


def root_class(name: str) -> type:
    """An SDK model class, imported on its own (the SDK's models package is slow to import)."""
    module = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
    return getattr(importlib.import_module(f"pieces_os_client.models.{module}"), name)


def _strip(annotation: Any) -> Any:
    """Remove Optional/None and Annotated[...] wrappers, keep the rest of a union."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [_strip(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        return members[0] if len(members) == 1 else tuple(members)
    return annotation


def kind_of(annotation: Any) -> Kind:
    """The JSON kind of a pydantic field annotation."""
    bare = _strip(annotation)
    if isinstance(bare, tuple) and set(bare) == {float, int}:
        return ("number",)
    if typing.get_origin(bare) is list:
        return ("array", kind_of(typing.get_args(bare)[0]))
    simple = {str: "string", bool: "boolean", int: "integer", float: "number", datetime.datetime: "date-time"}
    if bare in simple:
        return (simple[bare],)
    if isinstance(bare, type) and issubclass(bare, (pydantic.BaseModel, enum.Enum)):
        return ("ref", bare.__name__)
    raise AssertionError(f"SDK annotation not understood: {annotation!r}")


def object_facts(cls: type[pydantic.BaseModel]) -> dict[str, FieldFact]:
    """Every field of an SDK model by JSON name; nullable ones are those its to_dict keeps as None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nullable = set(cls.model_construct(**dict.fromkeys(cls.model_fields)).to_dict())
    return {
        field.alias or name: FieldFact(
            kind_of(field.annotation), field.is_required(), (field.alias or name) in nullable
        )
        for name, field in cls.model_fields.items()
    }


def core_cut() -> dict[str, dict[str, FieldFact] | list[str]]:
    """Every schema of the core cut, from the operations' bodies: field facts, or enum values."""
    found: dict[str, dict[str, FieldFact] | list[str]] = {}
    roots = {name for e in ENDPOINTS for name in (e.body, *e.responses.values()) if name not in (None, "str")}
    pending = [root_class(name) for name in sorted(roots)]
    while pending:
        cls = pending.pop()
        if cls.__name__ in found:
            continue
        if issubclass(cls, enum.Enum):
            found[cls.__name__] = [m.value for m in cls if m.value != SDK_ONLY_ENUM_VALUE]
            continue
        found[cls.__name__] = facts = object_facts(cls)
        for name, fact in facts.items():
            kind = fact.kind
            while kind[0] == "array":
                kind = kind[1]
            if kind[0] == "ref" and (cls.__name__, name) not in CUT:
                pending.append(root_class(kind[1]))
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


@functools.cache
def operation(method_name: str) -> dict[str, Any]:
    """One ModelsApi method as the SDK sends it, in the terms of tools.endpoints.Endpoint: method, path,
    path_params, body, body_required, responses."""
    from pieces_os_client.api.models_api import ModelsApi

    parameters = inspect.signature(getattr(ModelsApi, f"{method_name}_with_http_info")).parameters
    public = {n: p for n, p in parameters.items() if n != "self" and not n.startswith("_")}
    path_params = tuple(name for name, p in public.items() if _strip(p.annotation) is str)
    body = next((p for name, p in public.items() if name not in path_params), None)
    sent = _sent(method_name, *[PROBE_ID] * len(path_params))
    path = unquote(urlsplit(sent["url"]).path)
    for name in path_params:
        path = path.replace(PROBE_ID, "{" + name + "}", 1)
    return {
        "method": sent["method"].upper(),
        "path": path,
        "path_params": path_params,
        "body": kind_of(body.annotation)[1] if body else None,
        "body_required": bool(body and body.default is inspect.Parameter.empty),
        "responses": sent["responses"],
    }


def sdk_methods() -> list[str]:
    """The public methods of the SDK's ModelsApi, one per operation."""
    from pieces_os_client.api.models_api import ModelsApi

    return [
        name
        for name in vars(ModelsApi)
        if not name.startswith("_") and not name.endswith(("_with_http_info", "_without_preload_content"))
    ]


def sdk_method(endpoint: Endpoint) -> str | None:
    """The ModelsApi method of an operation: the one named as its module, else the one that sends the
    same method and path; None when the SDK has neither."""
    methods = sdk_methods()
    if endpoint.name in methods:
        return endpoint.name
    same = (endpoint.method, endpoint.path)
    return next((m for m in methods if (operation(m)["method"], operation(m)["path"]) == same), None)


def encode_path_param(value: str) -> str:
    """The path the SDK sends for models_delete_specific_model(value), as sent (still encoded)."""
    return urlsplit(_sent("models_delete_specific_model", value)["url"]).path
