"""The contract scenarios of tests/contract/scenarios.yaml, and how the generated client plays one
(through ``sync_detailed``, so that a live answer is recorded as it is, whatever its status)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import yaml

from pieces_models_client import Client
from pieces_models_client.types import Response
from tools import ROOT
from tools.endpoints import by_name

SCENARIO_FILE = ROOT / "tests" / "contract" / "scenarios.yaml"


@dataclass(frozen=True)
class Answer:
    """What Pieces OS answers one call: status, body (JSON sent compact, as Pieces OS does) and type."""

    status: int
    body: bytes = b""
    content_type: str | None = None

    @classmethod
    def of(cls, status: int, text: str | None = None, json_file: str | None = None, **data: Any) -> Answer:
        if text is not None:
            return cls(status, text.encode(), "text/plain; charset=utf-8")
        body = json.loads((ROOT / json_file).read_bytes()) if json_file else data.get("json")
        if body is None:
            return cls(status)
        compact = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
        return cls(status, compact.encode(), "application/json")


@dataclass(frozen=True)
class Call:
    operation: str
    answer: Answer
    model: str | dict[str, int] | None = None  # an id, or {"registered_by": N}
    body: Any = None
    setup: bool = False  # made, but left out of the cassette


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    calls: tuple[Call, ...]
    synthesized_only_because: str = ""  # set when a live Pieces OS cannot play it

    live = property(lambda self: not self.synthesized_only_because)
    recorded_calls = property(lambda self: [call for call in self.calls if not call.setup])
    __str__ = lambda self: self.name  # noqa: E731


SCENARIOS: tuple[Scenario, ...] = tuple(
    Scenario(
        name,
        **{**data, "calls": tuple(Call(**{**c, "answer": Answer.of(**c["answer"])}) for c in data["calls"])},
    )
    for name, data in yaml.safe_load(SCENARIO_FILE.read_text(encoding="utf-8"))["scenarios"].items()
)


def play(scenario: Scenario, client: Client) -> list[Response[Any]]:
    """Make every call of ``scenario`` with ``client``'s sync_detailed(); the responses."""
    responses: list[Response[Any]] = []
    for call in scenario.calls:
        model = call.model
        if isinstance(model, dict):
            earlier = responses[model["registered_by"]]
            model = getattr(earlier.parsed, "id", None)
            if not isinstance(model, str):
                raise RuntimeError(
                    f"{scenario}: call {call.model['registered_by']} was to register a model, but the server "
                    f"answered {earlier.status_code}: {earlier.content[:300].decode('utf-8', 'replace')}"
                )
        endpoint = by_name(call.operation)
        args, kwargs = endpoint.arguments(() if model is None else (model,), call.body)
        responses.append(endpoint.module.sync_detailed(*args, client=client, **kwargs))
    return responses
