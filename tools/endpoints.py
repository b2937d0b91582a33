"""The endpoint table: every operation of openapi/models.yaml, read off the spec, for every test and tool.

``ENDPOINTS`` (spec order), ``by_name(name)``, ``find(method, path)``; ``load_spec()`` is the parsed spec
(shared: never mutate it), ``resolve`` follows $refs.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from urllib.parse import quote

import yaml

from tools import SPEC

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@functools.cache
def load_spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def schemas() -> dict[str, Any]:
    return load_spec()["components"]["schemas"]


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow local $refs ("#/components/...") until a node without one."""
    while "$ref" in node:
        node = functools.reduce(lambda at, key: at[key], node["$ref"][2:].split("/"), load_spec())
    return node


def inline_schema(name: str) -> dict[str, Any]:
    """components/schemas/<name> as a new self-contained JSON Schema, every $ref inlined."""

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(item) for item in node]
        if not isinstance(node, dict):
            return node
        return inline(resolve(node)) if "$ref" in node else {k: inline(v) for k, v in node.items()}

    return inline(schemas()[name])


def _schema(holder: dict[str, Any] | None) -> str | None:
    """The body schema of a requestBody or response: a schema name, "str" for text, None for none."""
    content = resolve(holder).get("content", {}) if holder else {}
    if "application/json" in content:
        return content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    return "str" if content.get("text/plain", {}).get("schema") == {"type": "string"} else None


def _models() -> ModuleType:
    return importlib.import_module("pieces_models_client.models")


@dataclass(frozen=True)
class Endpoint:
    operation_id: str  # "models-delete-specific-model-cache"
    name: str  # "models_delete_specific_model_cache": its module in pieces_models_client.api.models
    method: str  # "POST"
    path: str  # "/models/{model}/delete/cache"
    path_params: tuple[str, ...]  # ("model",)
    body: str | None  # the request body's schema, "ModelDeleteCacheInput", or None
    body_required: bool
    success_status: int  # the lowest 2xx
    response: str | None  # the success body's schema, or None (a 204)
    responses: dict[str, str | None]  # every status: its body's schema, "str" for text, None for none

    __str__ = lambda self: self.name  # noqa: E731
    module = property(lambda self: importlib.import_module(f"pieces_models_client.api.models.{self.name}"))
    body_type = property(lambda self: self.body and getattr(_models(), self.body))
    response_type = property(lambda self: self.response and getattr(_models(), self.response))

    def url(self, *values: str) -> str:
        """The path as sent: each value percent-encoded as one segment."""
        encoded = iter(quote(value, safe="") for value in values)
        return re.sub(r"\{\w+\}", lambda _: next(encoded), self.path)

    def match(self, method: str, path: str) -> dict[str, str] | None:
        """The raw (still encoded) path parameters of a request as sent, or None if not for this one."""
        parts = re.split(r"\{(\w+)\}", self.path)
        pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>[^/]+)" for i, p in enumerate(parts))
        found = re.fullmatch(pattern, path) if method.upper() == self.method else None
        return found.groupdict() if found else None

    def arguments(self, values: Any = (), body: Any = None) -> tuple[tuple[str, ...], dict[str, Any]]:
        """(args, kwargs) to call the module with: the path values as given, the JSON `body` typed
        (UNSET when None and the operation takes a body)."""
        if self.body is None:
            return tuple(values), {}
        from pieces_models_client.types import UNSET

        return tuple(values), {"body": UNSET if body is None else self.body_type.from_dict(body)}


def _endpoint(method: str, path: str, operation: dict[str, Any]) -> Endpoint:
    statuses = {str(status): response for status, response in operation["responses"].items()}
    success = min(status for status in statuses if status.startswith("2"))
    return Endpoint(
        operation_id=operation["operationId"],
        name=re.sub(r"[^a-z0-9]+", "_", operation["operationId"].lower()).strip("_"),
        method=method.upper(),
        path=path,
        path_params=tuple(
            p["name"] for p in map(resolve, operation.get("parameters", [])) if p["in"] == "path"
        ),
        body=_schema(operation.get("requestBody")),
        body_required=bool(operation.get("requestBody", {}).get("required")),
        success_status=int(success),
        response=_schema(statuses[success]),
        responses={status: _schema(response) for status, response in statuses.items()},
    )


ENDPOINTS = tuple(
    _endpoint(m, path, item[m]) for path, item in load_spec()["paths"].items() for m in METHODS if m in item
)


def by_name(name: str) -> Endpoint:
    """The Endpoint of a module name or an operationId."""
    for endpoint in ENDPOINTS:
        if name in (endpoint.name, endpoint.operation_id):
            return endpoint
    raise KeyError(f"no operation {name!r} in the spec: {', '.join(e.name for e in ENDPOINTS)}")


def find(method: str, path: str) -> tuple[Endpoint, dict[str, str]] | None:
    """The Endpoint a request (method, path as sent) is for, and its raw path parameters; or None."""
    return next(((e, found) for e in ENDPOINTS if (found := e.match(method, path)) is not None), None)
