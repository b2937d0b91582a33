"""What the official SDK (pieces-os-client, a test-only dependency) says the Models API is.

Everything here is read off the installed SDK at test time: its pydantic models and enums for the
schemas, and its ModelsApi (driven through a recording ApiClient, no network) for the operations.
Bumping the pin in requirements/dev.in therefore makes tests/spec/test_fidelity.py report every
difference Pieces shipped.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import inspect
import types
import typing
import warnings
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import pydantic

# The core cut: the schemas reachable from the five operations, except through this one field, whose
# target (FlattenedEntity) leads into enterprise, subscription and user graphs. The spec keeps that
# field as a free-form object of the same name.
CUT = {("ReferencedEntity", "reference"): "FlattenedEntity"}

# The official SDK adds this member to every enum on the client side; the server never sends it.
SDK_ONLY_ENUM_VALUE = "UNKNOWN"

# The SDK's request and response schemas of the five operations: where the walk starts.
ROOT_SCHEMAS = (
    ("models", "Models"),
    ("model", "Model"),
    ("seeded_model", "SeededModel"),
    ("model_delete_cache_input", "ModelDeleteCacheInput"),
    ("model_delete_cache_output", "ModelDeleteCacheOutput"),
)

# The five SDK methods of ModelsApi, one per operation.
SDK_METHODS = (
    "models_snapshot",
    "models_create_new_model",
    "models_delete_specific_model",
    "models_delete_specific_model_cache",
    "unload_models",
)

Kind = tuple[Any, ...]  # ("string",), ("integer",), ("ref", "Model"), ("array", ("ref", "Model")), ...


@dataclass(frozen=True)
class FieldFact:
    kind: Kind
    required: bool
    nullable: bool


@dataclass(frozen=True)
class OperationFact:
    method: str
    path: str
    path_params: tuple[str, ...]
    body: str | None  # schema name of the optional JSON body
    body_required: bool
    responses: dict[str, str | None]  # status -> schema name, "str" for text, None for no body


def root_class(module: str, name: str) -> type:
    """An SDK model class, imported on its own (the SDK's models package is slow to import)."""
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
    simple = {str: ("string",), bool: ("boolean",), int: ("integer",), float: ("number",)}
    if bare in simple:
        return simple[bare]
    if bare is datetime.datetime:
        return ("date-time",)
    if isinstance(bare, type) and issubclass(bare, (pydantic.BaseModel, enum.Enum)):
        return ("ref", bare.__name__)
    raise AssertionError(f"SDK annotation not understood: {annotation!r}")


def nullable_fields(cls: type[pydantic.BaseModel]) -> set[str]:
    """JSON names of the fields the SDK writes as null: its to_dict keeps None only for those."""
    instance = cls.model_construct(**dict.fromkeys(cls.model_fields))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return set(instance.to_dict())


def object_facts(cls: type[pydantic.BaseModel]) -> dict[str, FieldFact]:
    """Every field of an SDK model by JSON name."""
    nullable = nullable_fields(cls)
    facts = {}
    for name, field in cls.model_fields.items():
        json_name = field.alias or name
        facts[json_name] = FieldFact(kind_of(field.annotation), field.is_required(), json_name in nullable)
    return facts


def enum_values(cls: type[enum.Enum]) -> list[str]:
    """The values of an SDK enum, in order, without the SDK's client-side UNKNOWN."""
    return [member.value for member in cls if member.value != SDK_ONLY_ENUM_VALUE]


def _referenced_classes(annotation: Any) -> list[type]:
    bare = _strip(annotation)
    if typing.get_origin(bare) is list:
        return _referenced_classes(typing.get_args(bare)[0])
    if isinstance(bare, type) and issubclass(bare, (pydantic.BaseModel, enum.Enum)):
        return [bare]
    return []


def core_cut() -> dict[str, dict[str, FieldFact] | list[str]]:
    """Every schema of the core cut: field facts for objects, value lists for enums."""
    found: dict[str, dict[str, FieldFact] | list[str]] = {}
    pending = [root_class(module, name) for module, name in ROOT_SCHEMAS]
    while pending:
        cls = pending.pop()
        if cls.__name__ in found:
            continue
        if issubclass(cls, enum.Enum):
            found[cls.__name__] = enum_values(cls)
            continue
        found[cls.__name__] = object_facts(cls)
        for name, field in cls.model_fields.items():
            if (cls.__name__, field.alias or name) not in CUT:
                pending.extend(_referenced_classes(field.annotation))
    return found


class _RecordingApiClient:
    """Stands in for the SDK's ApiClient: builds requests with the real code, sends nothing."""

    def __init__(self) -> None:
        from pieces_os_client.api_client import ApiClient

        self._real = ApiClient()
        self.calls: list[dict[str, Any]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def call_api(
        self, method: str, url: str, header_params: Any = None, body: Any = None, *_: Any, **__: Any
    ):
        self.calls.append({"method": method, "url": url, "body": body})
        return types.SimpleNamespace(read=lambda: None)

    def response_deserialize(self, response_data: Any, response_types_map: dict[str, str | None]) -> None:
        self.calls[-1]["responses"] = dict(response_types_map)


# An id that needs encoding, to read the SDK's path template back with its parameter name.
_PROBE_ID = "probe/id"


def operations() -> dict[str, OperationFact]:
    """The five operations as the SDK sends them, by SDK method name."""
    from pieces_os_client.api.models_api import ModelsApi

    facts = {}
    for method_name in SDK_METHODS:
        recorder = _RecordingApiClient()
        api = ModelsApi(recorder)
        with_info = getattr(api, f"{method_name}_with_http_info")
        parameters = inspect.signature(with_info).parameters
        public = {name: p for name, p in parameters.items() if not name.startswith("_")}
        path_params = tuple(name for name, p in public.items() if _strip(p.annotation) is str)
        body_params = [p for name, p in public.items() if name not in path_params]
        with_info(**dict.fromkeys(path_params, _PROBE_ID))
        call = recorder.calls[-1]
        path = unquote(urlsplit(call["url"]).path)
        for name in path_params:
            path = path.replace(_PROBE_ID, "{" + name + "}")
        body = body_params[0] if body_params else None
        facts[method_name] = OperationFact(
            method=call["method"].lower(),
            path=path,
            path_params=path_params,
            body=kind_of(body.annotation)[1] if body else None,
            body_required=bool(body and body.default is inspect.Parameter.empty),
            responses=call["responses"],
        )
    return facts


def encode_path_param(value: str) -> str:
    """The path the SDK sends for models_delete_specific_model(value), as sent (still encoded)."""
    from pieces_os_client.api.models_api import ModelsApi

    recorder = _RecordingApiClient()
    ModelsApi(recorder).models_delete_specific_model_with_http_info(value)
    return urlsplit(recorder.calls[-1]["url"]).path
