"""The shipped recordings, loaded once, and what the spec says about each recorded exchange.

Which operation a recording exercises is read off the recorded request itself (method and path
matched against the spec's path templates), not off tools/scenarios.py, so live recordings are
checked the same way as synthesized ones.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import pytest

import pieces_models_client.models as models
from pieces_models_client.types import UNSET
from tests.support import spec
from tools.cassettes import Cassette, Interaction, load_all


@functools.cache
def cassettes() -> tuple[Cassette, ...]:
    return tuple(load_all())


def interactions() -> list[Interaction]:
    return [interaction for cassette in cassettes() for interaction in cassette.interactions]


def name(interaction: Interaction) -> str:
    """The test id of a recording: ``models_snapshot#0``."""
    return f"{interaction.cassette}#{interaction.index}"


@dataclass(frozen=True)
class Operation:
    """The spec's operation for one recorded request, and the client call that makes that request."""

    operation_id: str
    method: str
    template: str
    success_status: int
    request_schema: str | None
    response_schema: str | None
    path_params: dict[str, str]
    interaction: Interaction

    @property
    def module_name(self) -> str:
        return self.operation_id.replace("-", "_")

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(f"pieces_models_client.api.models.{self.module_name}")

    @property
    def args(self) -> tuple[str, ...]:
        """The path parameters as the caller passes them: decoded."""
        return tuple(unquote(value) for value in self.path_params.values())

    @property
    def kwargs(self) -> dict[str, Any]:
        """The body argument, typed, built from the recorded request body (UNSET when there is none)."""
        if self.request_schema is None:
            return {}
        body = self.interaction.request_body
        return {"body": UNSET if body is None else self.request_type.from_dict(json.loads(body))}

    @property
    def request_type(self) -> Any:
        return getattr(models, self.request_schema or "")

    @property
    def response_type(self) -> Any:
        return getattr(models, self.response_schema or "")

    @property
    def is_success(self) -> bool:
        return self.interaction.status == self.success_status

    @property
    def returns_body(self) -> bool:
        """A success whose spec declares a JSON body."""
        return self.is_success and self.response_schema is not None


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    pattern = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/]+)" for i, part in enumerate(parts))
    return re.compile(f"^{pattern}$")


def _schema_name(content_holder: dict[str, Any] | None) -> str | None:
    if not content_holder:
        return None
    media = spec.resolve(content_holder).get("content", {}).get("application/json")
    return spec.ref_name(media["schema"]) if media else None


def operation_of(interaction: Interaction) -> Operation:
    """The spec operation the recorded request is for; AssertionError when the spec has none."""
    for method, template, operation in spec.operations():
        match = _template_regex(template).match(interaction.path)
        if method.upper() != interaction.method or not match:
            continue
        success = min(int(status) for status in operation["responses"] if str(status).startswith("2"))
        return Operation(
            operation_id=operation["operationId"],
            method=method.upper(),
            template=template,
            success_status=success,
            request_schema=_schema_name(operation.get("requestBody")),
            response_schema=_schema_name(operation["responses"][str(success)]),
            path_params=match.groupdict(),
            interaction=interaction,
        )
    raise AssertionError(f"{interaction.label}: no operation of the spec has this method and path")


def with_operation(keep: Any = None) -> list[Any]:
    """pytest params of every recording (``keep(operation)`` filters), with readable ids."""
    out = []
    for interaction in interactions():
        operation = operation_of(interaction)
        if keep is None or keep(operation):
            out.append(pytest.param(operation, id=name(interaction)))
    return out
