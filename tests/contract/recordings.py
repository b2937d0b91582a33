"""The shipped recordings, loaded once, and the spec operation of each, read off the recorded request."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import pytest

from tools.cassettes import Interaction, Recording, load_all
from tools.endpoints import Endpoint, find


@functools.cache
def cassettes() -> tuple[Recording, ...]:
    return tuple(load_all())


def cassette(name: str) -> Recording:
    return next(c for c in cassettes() if c.name == name)


def interactions() -> list[Interaction]:
    return [interaction for recording in cassettes() for interaction in recording.interactions]


@dataclass(frozen=True)
class Operation:
    """A recording and the spec's operation (tools/endpoints.py) its request is for."""

    interaction: Interaction
    endpoint: Endpoint
    args: tuple[str, ...]  # the path parameters as the caller passes them: decoded

    is_success = property(lambda self: self.interaction.status == self.endpoint.success_status)
    returns_body = property(lambda self: self.is_success and self.endpoint.response is not None)  # JSON

    @property
    def kwargs(self) -> dict[str, Any]:
        """The body argument, typed, built from the recorded request body (UNSET when there is none)."""
        return self.endpoint.arguments((), json.loads(self.interaction.request_body or "null"))[1]


def operation_of(interaction: Interaction) -> Operation:
    """The spec operation the recorded request is for; AssertionError when the spec has none."""
    found = find(interaction.method, interaction.request.path)
    if found is None:
        raise AssertionError(f"{interaction.label}: no operation of the spec has this method and path")
    return Operation(interaction, found[0], tuple(map(unquote, found[1].values())))


def with_operation(keep: Any = None) -> list[Any]:
    """pytest params of every recording (``keep(operation)`` filters), with readable ids."""
    operations = [operation_of(interaction) for interaction in interactions()]
    return [pytest.param(op, id=str(op.interaction)) for op in operations if keep is None or keep(op)]
