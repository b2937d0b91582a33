"""The contract check catches a broken spec: each mutation of a copy of the spec fails validation of the
recordings with a message that names the field at fault."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from tests.contract import spec_check
from tests.contract.recordings import cassette
from tools.endpoints import load_spec


def _snapshot():
    return cassette("models_snapshot").interactions[0]


def _rename_required(schemas: dict[str, Any]) -> None:
    model = schemas["Model"]
    model["properties"]["isCloud"] = model["properties"].pop("cloud")
    model["required"] = ["isCloud" if name == "cloud" else name for name in model["required"]]


def _rename_optional(schemas: dict[str, Any]) -> None:
    model = schemas["Model"]
    model["properties"]["contextWindow"] = model["properties"].pop("maxTokens")


def _drop_enum_value(schemas: dict[str, Any]) -> None:
    schemas["ModelFoundationEnum"]["enum"].remove("LLAMA_LATEST")


def _change_type(schemas: dict[str, Any]) -> None:
    schemas["ByteDescriptor"]["properties"]["value"] = {"type": "string"}


BREAKAGES = [
    pytest.param(
        _rename_required, False, "iterable[0]: 'isCloud' is a required property", id="renamed-required"
    ),
    pytest.param(
        _rename_optional,
        True,
        "iterable[0]: Additional properties are not allowed ('maxTokens' was unexpected)",
        id="renamed-optional",
    ),
    pytest.param(
        _drop_enum_value, False, "iterable[11].foundation: 'LLAMA_LATEST' is not one of", id="dropped-enum"
    ),
    pytest.param(
        _change_type, False, "iterable[11].bytes.value: 2019393189 is not of type 'string'", id="type"
    ),
]


@pytest.mark.parametrize(("breakage", "strict_fields", "expected"), BREAKAGES)
def test_broken_spec_fails_naming_the_field(
    breakage: Callable[[dict[str, Any]], None], strict_fields: bool, expected: str
):
    """Validating the 23-model snapshot recording against the broken copy reports that field."""
    broken = copy.deepcopy(load_spec())
    breakage(broken["components"]["schemas"])
    api = spec_check.build(broken, strict_fields)
    problems = spec_check.problems(_snapshot(), api)
    assert any(expected in problem for problem in problems), "\n".join(problems) or "no problem reported"
