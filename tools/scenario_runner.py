"""Run a scenario's calls with the generated client, against any base URL.

Every call goes through ``sync_detailed``, which returns a Response for any status, so a live Pieces OS
that answers differently from the synthesized answer is recorded as it is, not hidden by an exception.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from pieces_models_client import Client
from pieces_models_client.models import Model, ModelDeleteCacheInput, SeededModel
from pieces_models_client.types import UNSET, Response
from tools.scenarios import Call, Created, Scenario

BODY_TYPES: dict[str, Any] = {
    "models_create_new_model": SeededModel,
    "models_delete_specific_model_cache": ModelDeleteCacheInput,
}


class ScenarioError(RuntimeError):
    """A scenario could not run to the end (a setup call failed, say)."""


def _model_id(call: Call, responses: list[Response[Any]], scenario: Scenario) -> str | None:
    if not isinstance(call.model, Created):
        return call.model
    earlier = responses[call.model.call]
    if not isinstance(earlier.parsed, Model):
        raise ScenarioError(
            f"{scenario.name}: call {call.model.call} was to register a model, but the server answered "
            f"{earlier.status_code}: {earlier.content[:300].decode('utf-8', 'replace')}"
        )
    return earlier.parsed.id


def make_call(call: Call, client: Client, model_id: str | None) -> Response[Any]:
    """Make one call with the generated client's sync_detailed()."""
    module = importlib.import_module(f"pieces_models_client.api.models.{call.operation}")
    args = () if model_id is None else (model_id,)
    kwargs: dict[str, Any] = {}
    if call.operation in BODY_TYPES:
        kwargs["body"] = UNSET if call.body is None else BODY_TYPES[call.operation].from_dict(call.body)
    return module.sync_detailed(*args, client=client, **kwargs)


def run(
    scenario: Scenario, client: Client, before_call: Callable[[Call], None] | None = None
) -> list[Response[Any]]:
    """Make every call of ``scenario`` with ``client``; ``before_call`` runs before each one."""
    responses: list[Response[Any]] = []
    for call in scenario.calls:
        model_id = _model_id(call, responses, scenario)
        if before_call is not None:
            before_call(call)
        responses.append(make_call(call, client, model_id))
    return responses
