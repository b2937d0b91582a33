"""Contract check 2: for every recording, the generated client sends exactly the recorded request and
reads the recorded response into typed models, synchronously and asynchronously.

Replayed by vcrpy under pytest-recording, strictly (``vcr_config`` below): no network, the one
recording played exactly once, and only to a request equal to the recorded one in method, URI (the path
percent-encoded as recorded, the query), body byte for byte, Accept and Content-Type. The same cases run
for every recording of every endpoint: ``*_detailed`` (any status), ``sync`` and ``asyncio`` (the typed
body, or ApiError), and the to_dict() round trip of both bodies: only date-times may come back spelled
differently (same instant, the documented spelling).
"""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any

import httpx
import pytest
from vcr.errors import CannotOverwriteExistingCassetteException

from pieces_models_client import Client, errors
from tests.contract.recordings import Operation, cassette, operation_of, with_operation
from tests.support.loopback import SSL_CONTEXT
from tests.support.round_trip import round_trip_problems
from tools import RECORDINGS
from tools.cassettes import RECORDING_HOST, keep_request

# The request sent must be the recorded one: method, URI (path percent-encoded as recorded, query), body
# byte for byte, and headers, of which the cassettes keep (and keep_request leaves) Accept and Content-Type.
STRICT = ("method", "uri", "raw_body", "headers")


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(RECORDINGS)


@pytest.fixture
def default_cassette_name(operation: Operation) -> str:
    return operation.interaction.cassette


@pytest.fixture
def vcr_config(operation: Operation) -> dict[str, Any]:
    """A test marked ``vcr`` replays its ``operation``'s recording, and only that one (the others of its
    cassette are dropped as vcrpy loads it), strictly: never recording, never played twice."""
    position, loaded = operation.interaction.index, itertools.count()
    return {
        "record_mode": "none",
        "match_on": STRICT,
        "before_record_request": keep_request,
        "allow_playback_repeats": False,
        "after_load_interaction": lambda request, response: (
            (request, response) if next(loaded) == position else None
        ),
    }


def _call(operation: Operation, function: str) -> Any:
    """Call ``function`` of the operation's module with the arguments the recording implies."""
    call = getattr(operation.endpoint.module, function)
    client = Client(base_url=RECORDING_HOST, verify_ssl=SSL_CONTEXT)
    if not function.startswith("asyncio"):
        with client:
            return call(*operation.args, client=client, **operation.kwargs)

    async def run() -> Any:
        async with client:
            return await call(*operation.args, client=client, **operation.kwargs)

    return asyncio.run(run())


def _assert_sent_as_recorded(vcr: Any) -> None:
    """The recording was played, once: so one request was sent, and it matched it strictly."""
    assert (vcr.play_count, vcr.all_played) == (1, True), f"played {vcr.play_count} time(s)"


def _assert_read_as_recorded(response: Any, operation: Operation) -> None:
    recorded = operation.interaction
    assert response.status_code == recorded.status
    assert response.content == recorded.response_body
    assert response.headers.get("content-type") == (recorded.content_type or None)
    if not operation.returns_body:
        assert response.parsed is None
        return
    assert isinstance(response.parsed, operation.endpoint.response_type)
    problems = round_trip_problems(
        json.loads(recorded.response_body), response.parsed.to_dict(), operation.endpoint.response
    )
    assert not problems, "to_dict() of the parsed body differs from the recording:\n  " + "\n  ".join(
        problems
    )


@pytest.mark.parametrize("function", ["sync_detailed", "asyncio_detailed"])
@pytest.mark.parametrize("operation", with_operation())
@pytest.mark.vcr
@pytest.mark.block_network
def test_detailed_sends_the_recorded_request_and_reads_the_recorded_response(
    operation: Operation, function: str, vcr: Any
):
    """Method, path as encoded, query, Accept/Content-Type and body are the recorded ones; status,
    body and content type come back as recorded, and a success body is parsed into its typed model."""
    response = _call(operation, function)
    _assert_sent_as_recorded(vcr)
    _assert_read_as_recorded(response, operation)


@pytest.mark.parametrize("function", ["sync", "asyncio"])
@pytest.mark.parametrize("operation", with_operation())
@pytest.mark.vcr
@pytest.mark.block_network
def test_plain_call_returns_the_typed_body_or_raises_api_error(operation: Operation, function: str, vcr: Any):
    """sync()/asyncio() return the typed body (None for a 204) on the success status and raise
    ApiError carrying the recorded status, text and operation on the recorded error."""
    recorded = operation.interaction
    if operation.is_success:
        result = _call(operation, function)
    else:
        with pytest.raises(errors.ApiError) as raised:
            _call(operation, function)
    _assert_sent_as_recorded(vcr)
    if not operation.is_success:
        error = raised.value
        assert (error.status_code, error.content, error.operation) == (
            recorded.status,
            recorded.response_body,
            operation.endpoint.operation_id,
        )
        assert not isinstance(error, errors.UnexpectedStatus), (
            "a 500 is declared: ApiError, not UnexpectedStatus"
        )
    elif operation.returns_body:
        assert isinstance(result, operation.endpoint.response_type)
    else:
        assert result is None


@pytest.mark.parametrize("operation", with_operation(lambda op: op.interaction.request_body is not None))
def test_request_body_round_trips_through_the_typed_model(operation: Operation):
    """The recorded request body, read into its typed model, is written back unchanged by to_dict()."""
    recorded = json.loads(operation.interaction.request_body)
    written = operation.endpoint.body_type.from_dict(recorded).to_dict()
    problems = round_trip_problems(recorded, written, operation.endpoint.body)
    assert not problems, "\n".join(problems)


@pytest.mark.vcr
@pytest.mark.block_network
@pytest.mark.parametrize(
    "operation",
    [pytest.param(operation_of(cassette("model_ids_needing_encoding").interactions[0]), id="ids#0")],
)
def test_strict_replay_answers_only_the_recorded_request_and_only_once(operation: Operation, vcr: Any):
    """What the tests above rest on: a request that differs from the recording in method, path encoding,
    query, body bytes, Accept or Content-Type gets no answer, and the failure names the difference; nor
    does the recorded request a second time. No socket is opened either way."""
    recorded = operation.interaction
    exact = {
        "method": recorded.method,
        "url": recorded.request.uri,
        "headers": recorded.request.headers,
        "content": recorded.request_body,
    }
    differing = [
        ("method", {**exact, "method": "PUT"}),
        ("uri", {**exact, "url": exact["url"].replace("%2F", "%2f")}),
        ("uri", {**exact, "url": exact["url"] + "?force=1"}),
        ("raw_body", {**exact, "content": b"{ }"}),
        ("headers", {**exact, "headers": {**exact["headers"], "accept": "*/*"}}),
        ("headers", {**exact, "headers": {"accept": "application/json"}}),
    ]
    with httpx.Client() as http:
        for matcher, request in differing:
            with pytest.raises(CannotOverwriteExistingCassetteException, match=f"{matcher} differs"):
                http.request(**request)
        assert http.request(**exact).content == recorded.response_body
        with pytest.raises(CannotOverwriteExistingCassetteException, match="already been played back"):
            http.request(**exact)
    assert (vcr.play_count, vcr.all_played) == (1, True)
