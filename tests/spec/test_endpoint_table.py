"""Every operation of the spec has what it needs: scenarios, recordings, an SDK method, a public API.

tools/endpoints.py reads the operations off openapi/models.yaml, so an operation added to the spec is
in the table at once; these tests then name, for that operation, each of the four still missing.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from urllib.parse import urlsplit

import pytest
import yaml

from tests.spec import sdk_reference
from tools import RECORDINGS
from tools.endpoints import ENDPOINTS, Endpoint, find, load_spec
from tools.scenarios import SCENARIOS

FUNCTIONS = {"sync": False, "sync_detailed": False, "asyncio": True, "asyncio_detailed": True}  # async?


@functools.cache
def recorded() -> frozenset[str]:
    """The operations that the requests of tests/recordings/*.yaml are for."""
    names = set()
    for cassette in sorted(RECORDINGS.glob("*.yaml")):
        for interaction in yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"]:
            found = find(interaction["request"]["method"], urlsplit(interaction["request"]["uri"]).path)
            names |= {found[0].name} if found else set()
    return frozenset(names)


def public_api_problem(endpoint: Endpoint) -> str | None:
    try:
        module = endpoint.module
    except ImportError:
        return f"no module pieces_models_client.api.models.{endpoint.name} (run make generate)"
    wrong = [
        name
        for name, is_async in FUNCTIONS.items()
        if not inspect.isfunction(getattr(module, name, None))
        or inspect.iscoroutinefunction(getattr(module, name)) is not is_async
    ]
    return f"pieces_models_client.api.models.{endpoint.name} lacks {', '.join(wrong)}" if wrong else None


def missing(endpoint: Endpoint) -> list[str]:
    """What the operation lacks, one sentence each."""
    out = []
    if not any(call.operation == endpoint.name for s in SCENARIOS for call in s.recorded_calls):
        out.append(f"no scenario of tests/contract/scenarios.yaml calls {endpoint.name}")
    if endpoint.name not in recorded():
        out.append(f"no recording in tests/recordings/ holds a {endpoint.method} {endpoint.path}")
    if sdk_reference.sdk_method(endpoint) is None:
        out.append(
            f"no method of the SDK's ModelsApi is {endpoint.name} or sends {endpoint.method} {endpoint.path}"
        )
    problem = public_api_problem(endpoint)
    return [*out, problem] if problem else out


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_operation_has_scenarios_recordings_an_sdk_method_and_a_public_api(endpoint):
    """Each operation is played by a scenario, recorded, known to the SDK and generated with its four
    functions."""
    assert missing(endpoint) == [], f"{endpoint.operation_id}: " + "; ".join(missing(endpoint))


def test_the_table_is_the_spec():
    """One entry per operation of the spec, in its order, with what the spec says of models-delete-
    specific-model-cache."""
    paths = load_spec()["paths"].values()
    operations = [op["operationId"] for item in paths for op in item.values() if "operationId" in op]
    assert [endpoint.operation_id for endpoint in ENDPOINTS] == operations
    cache = next(e for e in ENDPOINTS if e.name == "models_delete_specific_model_cache")
    assert (cache.method, cache.path, cache.path_params) == (
        "POST",
        "/models/{model}/delete/cache",
        ("model",),
    )
    assert (cache.body, cache.body_required, cache.success_status) == ("ModelDeleteCacheInput", False, 200)
    assert cache.responses == {"200": "ModelDeleteCacheOutput", "500": "str"}
    assert cache.url("a/b c") == "/models/a%2Fb%20c/delete/cache"
    assert find("POST", "/models/a%2Fb/delete/cache") == (cache, {"model": "a%2Fb"})


def test_an_operation_with_nothing_is_reported_with_all_four():
    """A made-up operation: each of the four is named as missing."""
    ghost = dataclasses.replace(ENDPOINTS[0], operation_id="models-ghost", name="models_ghost", path="/ghost")
    assert missing(ghost) == [
        "no scenario of tests/contract/scenarios.yaml calls models_ghost",
        "no recording in tests/recordings/ holds a GET /ghost",
        "no method of the SDK's ModelsApi is models_ghost or sends GET /ghost",
        "no module pieces_models_client.api.models.models_ghost (run make generate)",
    ]
