"""The OpenAPI document under test (loaded once by tools/endpoints.py): its schemas."""

from __future__ import annotations

import copy
from typing import Any

from tools import ROOT as ROOT
from tools.endpoints import load_spec as load_spec
from tools.endpoints import resolve


def schemas() -> dict[str, Any]:
    """components/schemas of the spec."""
    return load_spec()["components"]["schemas"]


def inline_schema(name: str) -> dict[str, Any]:
    """A self-contained JSON Schema for components/schemas/<name>, every $ref inlined (the core cut has
    no recursive schemas, so this terminates)."""

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(item) for item in node]
        if not isinstance(node, dict):
            return node
        return (
            inline(copy.deepcopy(resolve(node)))
            if "$ref" in node
            else {k: inline(v) for k, v in node.items()}
        )

    return inline(copy.deepcopy(schemas()[name]))
