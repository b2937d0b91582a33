"""Contract check 2: for every recording, the generated client sends exactly the recorded request and
reads the recorded response into typed models, synchronously and asynchronously, through real sockets.

The same cases run for every recording of every endpoint: ``*_detailed`` (any status), ``sync`` and
``asyncio`` (the typed body, or ApiError), and the to_dict() round trip of both bodies: only
date-times may come back spelled differently (same instant, the documented spelling).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from pieces_models_client import errors
from tests.contract.recordings import Operation, with_operation
from tests.support.round_trip import round_trip_problems
from tools.cassettes import REQUEST_HEADERS
from tools.matching import Replay


def _call(operation: Operation, function: str, client: Any) -> Any:
    """Call ``function`` of the operation's module with the arguments the recording implies."""
    call = getattr(operation.module, function)
    if not function.startswith("asyncio"):
        with client:
            return call(*operation.args, client=client, **operation.kwargs)

    async def run() -> Any:
        async with client:
            return await call(*operation.args, client=client, **operation.kwargs)

    return asyncio.run(run())


def _assert_sent_as_recorded(replay: Replay, operation: Operation) -> None:
    recorded = operation.interaction
    assert len(replay.received) == 1, f"expected one request, the server received {len(replay.received)}"
    sent = replay.received[0]
    assert (sent.method, sent.uri) == (recorded.method, recorded.request.uri)
    sent_headers = {name: value for name, value in sent.headers.items() if name.lower() in REQUEST_HEADERS}
    assert sent_headers == recorded.request_headers
    assert (sent.body or None) == recorded.request_body


def _assert_read_as_recorded(response: Any, operation: Operation) -> None:
    recorded = operation.interaction
    assert response.status_code == recorded.status
    assert response.content == recorded.response_body
    assert response.headers.get("content-type") == (recorded.content_type or None)
    if not operation.returns_body:
        assert response.parsed is None
        return
    assert isinstance(response.parsed, operation.response_type)
    problems = round_trip_problems(
        json.loads(recorded.response_body), response.parsed.to_dict(), operation.response_schema
    )
    assert not problems, "to_dict() of the parsed body differs from the recording:\n  " + "\n  ".join(
        problems
    )


@pytest.mark.parametrize("function", ["sync_detailed", "asyncio_detailed"])
@pytest.mark.parametrize("operation", with_operation())
def test_detailed_sends_the_recorded_request_and_reads_the_recorded_response(
    operation: Operation, function: str, recorded_server, make_client
):
    """Method, path as encoded, query, Accept/Content-Type and body are the recorded ones; status,
    body and content type come back as recorded, and a success body is parsed into its typed model."""
    with recorded_server.replaying([operation.interaction]) as replay:
        response = _call(operation, function, make_client())
    _assert_sent_as_recorded(replay, operation)
    _assert_read_as_recorded(response, operation)


@pytest.mark.parametrize("function", ["sync", "asyncio"])
@pytest.mark.parametrize("operation", with_operation())
def test_plain_call_returns_the_typed_body_or_raises_api_error(
    operation: Operation, function: str, recorded_server, make_client
):
    """sync()/asyncio() return the typed body (None for a 204) on the success status and raise
    ApiError carrying the recorded status, text and operation on the recorded error."""
    recorded = operation.interaction
    with recorded_server.replaying([recorded]):
        if operation.is_success:
            result = _call(operation, function, make_client())
        else:
            with pytest.raises(errors.ApiError) as raised:
                _call(operation, function, make_client())
    if not operation.is_success:
        error = raised.value
        assert (error.status_code, error.content, error.operation) == (
            recorded.status,
            recorded.response_body,
            operation.operation_id,
        )
        assert not isinstance(error, errors.UnexpectedStatus), (
            "a 500 is declared: ApiError, not UnexpectedStatus"
        )
    elif operation.returns_body:
        assert isinstance(result, operation.response_type)
    else:
        assert result is None


@pytest.mark.parametrize("operation", with_operation(lambda op: op.interaction.request_body is not None))
def test_request_body_round_trips_through_the_typed_model(operation: Operation):
    """The recorded request body, read into its typed model, is written back unchanged by to_dict()."""
    recorded = json.loads(operation.interaction.request_body)
    written = operation.request_type.from_dict(recorded).to_dict()
    problems = round_trip_problems(recorded, written, operation.request_schema)
    assert not problems, "\n".join(problems)
