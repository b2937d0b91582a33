"""The recordings themselves: one cassette per scenario, the scenarios the contract needs, and a provenance
on every cassette that says where it came from."""

from __future__ import annotations

import json

import httpx
import pytest
import vcr

from tests.contract.recordings import cassette, cassettes, interactions, operation_of
from tools import SNAPSHOT
from tools import endpoints as spec
from tools.cassettes import RECORDING_HOST, path_of
from tools.endpoints import ENDPOINTS
from tools.scenarios import SCENARIOS


def test_there_is_one_cassette_per_scenario():
    """tests/recordings/ holds exactly one cassette for each scenario of tests/contract/scenarios.yaml."""
    assert sorted(c.name for c in cassettes()) == sorted(s.name for s in SCENARIOS)


@pytest.mark.parametrize("operation_id", [endpoint.operation_id for endpoint in ENDPOINTS])
def test_every_operation_has_a_success_and_a_500_recording(operation_id: str):
    """Each of the five operations is recorded succeeding and failing with Pieces OS's 500 text/plain."""
    recorded = [
        operation_of(i) for i in interactions() if operation_of(i).endpoint.operation_id == operation_id
    ]
    assert any(operation.is_success for operation in recorded)
    assert any(
        op.interaction.status == 500 and op.interaction.content_type.startswith("text/plain")
        for op in recorded
    )


@pytest.mark.parametrize("recorded", cassettes(), ids=lambda c: c.name)
def test_cassette_says_where_it_came_from(recorded):
    """Synthesized cassettes say they were not captured live and that the SDK accepts their bodies;
    live ones carry the date and the Pieces OS they were captured from. The file's header says it too."""
    provenance = recorded.provenance
    header = path_of(recorded.name).read_text(encoding="utf-8").splitlines()[1]
    if provenance["source"] == "synthesized":
        assert provenance["captured_live"] is False
        assert "NOT captured from a live Pieces OS" in provenance["note"]
        assert "pieces-os-client 5.0.1" in provenance["note"]
        assert "SYNTHESIZED, not captured from a live Pieces OS" in header
    else:
        assert provenance["source"] == "live"
        assert provenance["captured_live"] is True
        assert provenance["date"]
        assert provenance["pieces_os_url"]
        assert "CAPTURED LIVE" in header
    assert provenance["scenario"] == recorded.name


@pytest.mark.parametrize("recorded", interactions(), ids=str)
def test_request_keeps_the_headers_that_matter(recorded):
    """Every request is recorded against Pieces OS's address with its Accept header, and a body with
    its JSON Content-Type (and only a body)."""
    assert recorded.request.uri.startswith(RECORDING_HOST + "/models")
    headers = recorded.request.headers
    assert headers["accept"] in ("application/json", "text/plain")
    assert ("content-type" in headers) == (recorded.request_body is not None)
    if recorded.request_body is not None:
        assert headers["content-type"] == "application/json"


def test_snapshot_recording_holds_the_23_model_body():
    """The snapshot recording answers the realistic 23-model body of tests/data, unchanged."""
    body = cassette("models_snapshot").interactions[0].response_body
    assert json.loads(body) == json.loads(SNAPSHOT.read_bytes())
    assert len(json.loads(body)["iterable"]) == 23


def test_empty_snapshot_recording_lists_no_model():
    """The empty-registry recording answers an empty iterable."""
    assert json.loads(cassette("models_snapshot_empty").interactions[0].response_body)["iterable"] == []


def test_create_is_recorded_with_a_full_and_a_minimal_seeded_model():
    """One creation sends every SeededModel field, another only the required ones."""
    seeded = spec.schemas()["SeededModel"]
    full = json.loads(cassette("models_create_new_model").interactions[0].request_body)
    minimal = json.loads(cassette("models_create_new_model_required_fields").interactions[0].request_body)
    assert set(full) == set(seeded["properties"])
    assert set(minimal) == set(seeded["required"])


def test_cache_deletion_is_recorded_with_and_without_a_body():
    """The optional body of a cache deletion is recorded both sent and left out."""
    with_body = cassette("models_delete_specific_model_cache").interactions[0]
    without_body = cassette("models_delete_specific_model_cache_without_body").interactions[0]
    assert json.loads(with_body.request_body) == {
        "schema": {"migration": 0, "semantic": "MAJOR_0_MINOR_0_PATCH_1"}
    }
    assert without_body.request_body is None


def test_ids_that_need_encoding_are_recorded_as_one_percent_encoded_segment():
    """'/', ':', spaces, parentheses and non-ASCII letters of an id are sent percent-encoded (UTF-8)."""
    targets = [i.target for i in cassette("model_ids_needing_encoding").interactions]
    assert targets == [
        "/models/hf.co%2Forg%2Frepo%3AQ4_K_M/delete/cache",
        "/models/hf.co%2Forg%2Frepo%3AQ4_K_M/delete",
        "/models/Acme%20Coder%207B%20%28Q5_K_M%29/delete/cache",
        "/models/Acme%20Coder%207B%20%28Q5_K_M%29/delete",
        "/models/mod%C3%A8le-%E6%97%A5%E6%9C%AC%E8%AA%9E-7b/delete/cache",
        "/models/mod%C3%A8le-%E6%97%A5%E6%9C%AC%E8%AA%9E-7b/delete",
    ]


@pytest.mark.parametrize("recorded", cassettes(), ids=lambda c: c.name)
def test_cassette_replays_with_vcrpy_itself(recorded):
    """The cassettes are standard VCR.py cassettes: vcr.use_cassette, with nothing of this repository,
    replays every interaction of each, once, to an httpx client, matching on method, URI and body."""
    match_on = ("method", "uri", "body")
    with (
        vcr.use_cassette(str(path_of(recorded.name)), record_mode="none", match_on=match_on) as played,
        httpx.Client() as http,
    ):
        for interaction in recorded.interactions:
            response = http.request(
                interaction.method,
                interaction.request.uri,
                headers=interaction.request.headers,
                content=interaction.request_body,
            )
            assert (response.status_code, response.content) == (interaction.status, interaction.response_body)
        assert played.all_played
