"""The recorded server (`make serve`): replays recordings over real HTTP from a vcrpy cassette, matches with
vcrpy's matchers, and fails a test on a request no recording matches (naming the closest one and the
difference), on a recording asked for twice, or on a recording never used."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import httpx
import pytest

from tests.contract.recordings import cassette
from tools import ROOT
from tools.recorded_server import NO_MATCH_HEADER, Replay, ReplayMismatch


@pytest.mark.parametrize("name", ["models_snapshot", "models_snapshot_error", "unload_models"])
def test_recorded_response_is_served_as_recorded(recorded_server, http, name: str):
    """Status, reason, content type and body go back exactly as recorded (a 204 with no body)."""
    recorded = cassette(name).interactions[0]
    with recorded_server.replaying([recorded]):
        response = http.request(recorded.method, recorded.target, headers=recorded.request.headers)
    assert (response.status_code, response.reason_phrase) == (recorded.status, recorded.reason)
    assert response.headers.get("content-type") == (recorded.content_type or None)
    assert response.content == recorded.response_body


def test_json_body_is_matched_as_json(recorded_server, http):
    """A JSON body with other key order and spacing matches the recorded one."""
    recorded = cassette("models_create_new_model_required_fields").interactions[0]
    reordered = json.dumps(dict(reversed(json.loads(recorded.request_body).items())), indent=2)
    with recorded_server.replaying([recorded]):
        response = http.post(
            "/models/create", content=reordered, headers={"content-type": "application/json"}
        )
    assert response.status_code == 200


def _send(recorded_server, http, recordings, responses: list, *requests: tuple, **kwargs) -> None:
    """Send ``requests`` ((method, target) each) in one replaying() block; keep the responses."""
    with recorded_server.replaying(recordings):
        responses.extend(http.request(method, target, **kwargs) for method, target in requests)


def _miss(recorded_server, http, recordings, method: str, target: str, repeat: int = 1, **kwargs) -> tuple:
    """Send (``repeat`` times) a request that, the last time, matches none of ``recordings``: the 404 and
    the block's failure message."""
    responses: list[httpx.Response] = []
    with pytest.raises(ReplayMismatch) as failure:
        _send(recorded_server, http, recordings, responses, *[(method, target)] * repeat, **kwargs)
    assert responses[-1].status_code == 404
    return responses[-1], str(failure.value)


def test_unmatched_request_fails_naming_the_closest_recording_and_the_difference(recorded_server, http):
    """A body that differs gets a 404 whose text, like the test failure, names the closest recording
    and shows the body difference."""
    recordings = [cassette("models_delete_specific_model_cache").interactions[0], cassette("unload_models")]
    target = cassette("models_delete_specific_model_cache").interactions[0].target
    body = {"schema": {"migration": 1, "semantic": "MAJOR_0_MINOR_0_PATCH_1"}}
    response, message = _miss(recorded_server, http, recordings, "POST", target, json=body)
    assert response.status_code == 404
    assert response.headers[NO_MATCH_HEADER] == "no-match"
    assert response.text in message
    assert f"No recording matches POST {target}" in message
    assert "Closest recording: models_delete_specific_model_cache #0" in message
    assert '-    "migration": 0,' in message
    assert '+    "migration": 1,' in message


def test_path_is_matched_exactly_as_encoded(recorded_server, http):
    """The same id percent-encoded with lower-case hex digits is another path: no match."""
    recorded = cassette("model_ids_needing_encoding").interactions[1]
    assert recorded.target == "/models/hf.co%2Forg%2Frepo%3AQ4_K_M/delete"
    lower_case = "/models/hf.co%2forg%2frepo%3aQ4_K_M/delete"
    _, message = _miss(recorded_server, http, [recorded], "POST", lower_case)
    assert f"path (this request != recorded): {lower_case} != {recorded.target}" in message


def test_query_is_matched(recorded_server, http):
    """A query the recording does not have is a difference."""
    _, message = _miss(recorded_server, http, [cassette("models_snapshot")], "GET", "/models?limit=1")
    assert "query (this request != recorded): [('limit', '1')] != []" in message


def test_declared_recording_never_requested_fails_the_block(recorded_server, http):
    """Leaving replaying() with a declared recording unused fails, naming it."""
    unused = r"never requested:\n  - unload_models #0 \(POST /models/unload"
    with (
        pytest.raises(ReplayMismatch, match=unused),
        recorded_server.replaying([cassette("models_snapshot"), cassette("unload_models")]),
    ):
        http.get("/models")


def test_first_declared_recording_answers_a_request_several_match(recorded_server, http):
    """Of two recordings of the same request, the first declared answers; the other is reported as
    shadowed (and, being unused, fails the block)."""
    empty, full = cassette("models_snapshot_empty"), cassette("models_snapshot")
    responses: list[httpx.Response] = []
    with pytest.raises(ReplayMismatch, match="never requested:\n  - models_snapshot #0"):
        _send(recorded_server, http, [empty, full], responses, ("GET", "/models"))
    assert responses[0].json()["iterable"] == []
    assert [interaction.cassette for interaction in Replay([empty, full]).shadowed()] == ["models_snapshot"]


def test_make_serve_answers_get_models_with_the_recorded_snapshot():
    """`python -m tools.recorded_server` (what `make serve` runs) serves every recording: GET /models
    returns the 23-model snapshot."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.recorded_server", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        banner = process.stdout.readline()
        url = re.search(r"on (http://127\.0\.0\.1:\d+)", banner)
        assert url, f"no URL in the first line: {banner!r}"
        responses = [httpx.get(url.group(1) + "/models", timeout=10, trust_env=False) for _ in range(2)]
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
    for response in responses:  # a recording answers as often as it is asked, there
        assert response.status_code == 200
        assert response.content == cassette("models_snapshot").interactions[0].response_body
        assert len(response.json()["iterable"]) == 23


def test_a_declared_recording_answers_once(recorded_server, http):
    """In a test, each declared recording answers one request: the same request again gets a 404 saying
    so, and fails the block (declare the recording twice to answer twice)."""
    _, message = _miss(
        recorded_server,
        http,
        [cassette("models_snapshot"), cassette("models_snapshot")],
        "GET",
        "/models",
        repeat=3,
    )
    assert (
        "No recording matches GET /models (no body). models_snapshot #0 (GET /models -> 200) answered it"
        in message
    )
    assert "already: each recording answers once" in message


def test_json_types_are_matched_strictly(recorded_server, http):
    """A body equal to the recorded one only if 0 is taken for false does not match."""
    recorded = cassette("models_create_new_model_required_fields").interactions[0]
    body = {**json.loads(recorded.request_body), "cloud": 0}
    _, message = _miss(recorded_server, http, [recorded], "POST", "/models/create", json=body)
    assert "the JSON bodies are equal only if true/false are taken for 1/0" in message


def test_health_check_is_answered_like_pieces_os_whatever_the_recordings(recorded_server, http):
    """GET /.well-known/health gets 200 text/plain "ok" (HEAD the same, without the body) even with no
    recording declared, and is not a request the block fails on; other HEADs are not served."""
    with recorded_server.replaying([]) as replay:
        got = http.get("/.well-known/health")
        head = http.head("/.well-known/health")
        other = http.head("/models")
    assert (got.status_code, got.headers["content-type"], got.text) == (
        200,
        "text/plain; charset=utf-8",
        "ok",
    )
    assert (head.status_code, head.headers["content-length"], head.content) == (200, "2", b"")
    assert other.status_code == 501
    assert replay.misses == []  # with no recording declared, any request the replay got is a miss
