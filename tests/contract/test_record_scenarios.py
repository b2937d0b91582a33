"""Record mode: the contract scenarios as tests under pytest-recording. Only ``python -m tools.record``
(``make record``) runs them, naming this file (tests/contract/conftest.py leaves it out otherwise) with
``--record-mode=rewrite`` and its own options: each test plays one scenario with the generated client,
against the live Pieces OS at ``--pieces-os-url`` or, without it, against a stand-in Pieces OS
(pytest-httpserver) serving the scenario's answers in order, and pytest-recording (vcrpy) writes the
cassette into ``--recordings-out``, setup calls left out and the provenance added. Scenarios a live
Pieces OS cannot play are skipped when recording live.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from pieces_models_client import Client
from tools import cassettes
from tools.scenarios import SCENARIOS, Scenario, play


def provenance(scenario: Scenario, pieces_os_url: str | None = None) -> dict[str, Any]:
    """Where the cassette of ``scenario`` comes from: synthesized (fixed text: re-synthesizing gives the
    same bytes), or captured live now from the Pieces OS at ``pieces_os_url``."""
    how = "The generated client made the scenario's calls under pytest-recording (vcrpy) against "
    if pieces_os_url is None:
        return {
            "source": "synthesized",
            "captured_live": False,
            "scenario": scenario.name,
            "summary": scenario.summary,
            "made_by": "python -m tools.record --synthesize",
            "how": how + "a stand-in Pieces OS (pytest-httpserver) serving the answers written in "
            "tests/contract/scenarios.yaml: the requests are exactly what the client sends, the responses "
            "are what the scenario says Pieces OS answers.",
            "note": "NOT captured from a live Pieces OS. Every success body is accepted by the official SDK, "
            "pieces-os-client 5.0.1 (checked by tests/contract/test_cross_client.py).",
        }
    return {
        "source": "live",
        "captured_live": True,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "pieces_os_url": pieces_os_url,
        "scenario": scenario.name,
        "summary": scenario.summary,
        "made_by": "make record (python -m tools.record --upstream URL)",
        "how": how + "the live Pieces OS named above; requests and responses are as sent and received "
        "(response bodies decoded, only the headers that matter kept).",
    }


@pytest.fixture(scope="module", autouse=True)
def _only_when_recording(request: pytest.FixtureRequest) -> None:
    out = request.config.getoption("recordings_out", None)
    if request.config.getoption("--record-mode") != "rewrite" or not out:
        pytest.skip("run by python -m tools.record (make record) only")


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    return dict(cassettes.RECORD_CONFIG)


@pytest.fixture
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(request.config.getoption("recordings_out"))


@pytest.fixture
def default_cassette_name(scenario: Scenario) -> str:
    return scenario.name


@pytest.fixture(scope="module")
def stand_in() -> Iterator[HTTPServer]:
    with HTTPServer(host="127.0.0.1") as server:
        yield server


def serve_answers(server: HTTPServer, scenario: Scenario) -> None:
    """Queue the answers Pieces OS gives to the scenario's calls, one per request, in order."""
    for call in scenario.calls:
        answer = call.answer
        response = Response(answer.body, f"{answer.status} {HTTPStatus(answer.status).phrase}")
        if answer.content_type:
            response.content_type = answer.content_type
        else:
            del response.headers["Content-Type"]
        server.expect_ordered_request(re.compile("/")).respond_with_response(response)


@pytest.mark.vcr
@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_scenario(scenario: Scenario, vcr: Any, request: pytest.FixtureRequest) -> None:
    url = request.config.getoption("pieces_os_url", None)
    if url and not scenario.live:
        pytest.skip(f"synthesized only: {scenario.synthesized_only_because}")
    stand_in = None if url else request.getfixturevalue("stand_in")
    if stand_in is not None:
        stand_in.clear()
        serve_answers(stand_in, scenario)
    with Client(base_url=url or stand_in.url_for("").rstrip("/")) as client:
        play(scenario, client)
    if stand_in is not None:
        stand_in.check_assertions()
        assert not stand_in.ordered_handlers, "the stand-in was asked fewer requests than the scenario has"
    assert len(vcr.data) == len(scenario.calls), f"{len(scenario.calls)} calls, {len(vcr.data)} recorded"
    vcr.data[:] = [pair for pair, call in zip(vcr.data, scenario.calls, strict=True) if not call.setup]
    vcr.get_metadata("provenance", provenance(scenario, url))
