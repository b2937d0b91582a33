"""The OpenAPI document under test, loaded once, with helpers to walk it."""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "models.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@functools.cache
def load_spec() -> dict[str, Any]:
    """The parsed openapi/models.yaml. Shared: callers must not mutate it (use a deepcopy)."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def schemas() -> dict[str, Any]:
    """components/schemas of the spec."""
    return load_spec()["components"]["schemas"]


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow local $refs ("#/components/...") until a node without one."""
    while "$ref" in node:
        target: Any = load_spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def ref_name(node: dict[str, Any]) -> str | None:
    """The schema name a {"$ref": "#/components/schemas/X"} node points at, else None."""
    ref = node.get("$ref", "")
    prefix = "#/components/schemas/"
    return ref[len(prefix) :] if ref.startswith(prefix) else None


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every (method, path, operation object) of the spec."""
    for path, item in load_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method, path, item[method]


def inline_schema(name: str) -> dict[str, Any]:
    """A self-contained JSON Schema for components/schemas/<name>, every $ref inlined.

    The core cut has no recursive schemas, so full inlining terminates.
    """

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(copy.deepcopy(resolve(node)))
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    return inline(copy.deepcopy(schemas()[name]))
