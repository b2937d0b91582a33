"""Contract check 3: the official SDK (pieces-os-client 5.0.1), pointed at the same recorded server, reads
the same values as our client from every success recording: ids, names, enums, timestamps, token
counts, flags, every field the recording holds. Where they differ, the message says which one the
recording, and so the spec, backs."""

from __future__ import annotations

import json

import pytest

from tests.contract import sdk_peer
from tests.contract.recordings import Operation, cassettes, operation_of, with_operation
from tools.matching import ReplayMismatch


@pytest.mark.parametrize("operation", with_operation(lambda op: op.is_success))
def test_official_sdk_reads_what_our_client_reads(operation: Operation, recorded_server, make_client):
    """Both clients make the recorded call; every recorded value reads the same from both results."""
    recorded = operation.interaction
    with recorded_server.replaying([recorded], sdk_peer.SDK_MATCHERS):
        theirs = sdk_peer.call_sdk(operation, recorded_server.url)
    with recorded_server.replaying([recorded]), make_client() as client:
        ours = operation.module.sync(*operation.args, client=client, **operation.kwargs)
    if not operation.returns_body:
        assert (ours, theirs) == (None, None)
        return
    assert isinstance(theirs, sdk_peer.sdk_type(operation.response_schema))
    differences = sdk_peer.value_differences(
        json.loads(recorded.response_body), operation.response_schema, ours, theirs
    )
    assert not differences, f"{recorded.label}: the clients read differently:\n  " + "\n  ".join(differences)


@pytest.mark.parametrize("operation", with_operation(lambda op: op.returns_body))
def test_official_sdk_reads_the_recorded_success_body_as_recorded(operation: Operation):
    """The SDK's from_dict reads every recorded value (its to_dict() is the recorded JSON), as validate."""
    body = json.loads(operation.interaction.response_body)
    sdk_model = sdk_peer.sdk_type(operation.response_schema)
    read = sdk_model.from_dict(body)
    assert isinstance(read, sdk_model)
    problems = sdk_peer.sdk_reading_problems(body, operation.response_schema, read)
    assert not problems, f"{operation.interaction.label}:\n  " + "\n  ".join(problems)
    assert read == sdk_model.model_validate(body)


@pytest.mark.parametrize("operation", with_operation(lambda op: op.interaction.request_body is not None))
def test_official_sdk_reads_the_recorded_request_body_as_recorded(operation: Operation):
    """The SDK builds the recorded request body: its to_dict() is the recorded JSON, as model_validate."""
    body = json.loads(operation.interaction.request_body)
    sdk_model = sdk_peer.sdk_type(operation.request_schema)
    read = sdk_model.from_dict(body)
    assert isinstance(read, sdk_model)
    problems = sdk_peer.sdk_reading_problems(body, operation.request_schema, read)
    assert not problems, f"{operation.interaction.label}:\n  " + "\n  ".join(problems)
    assert read == sdk_model.model_validate(body)


def test_sdk_reading_check_reports_a_value_the_sdk_reads_wrong():
    """The SDK reading check reports an UNKNOWN enum, a date-time at another offset and a changed flag."""
    import datetime

    from pieces_os_client.models.grouped_timestamp import GroupedTimestamp as SdkTimestamp
    from pieces_os_client.models.model import Model as SdkModel

    recorded = {
        "id": "0b1d",
        "version": "1",
        "name": "Next",
        "cloud": True,
        "type": "SPEED",
        "usage": "CODE_CONVERSATION",
        "created": {"value": "2026-01-01T02:00:00+02:00"},
        "foundation": "GPT_7",
    }
    read = SdkModel.from_dict(recorded)
    assert sdk_peer.sdk_reading_problems(recorded, "Model", read) == [
        "foundation: recorded 'GPT_7', the official SDK read 'UNKNOWN'"
    ]
    read.created = SdkTimestamp(value=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))
    read.cloud = False
    assert sdk_peer.sdk_reading_problems(recorded, "Model", read) == [
        "cloud: recorded True, the official SDK read False",
        "created.value: recorded '2026-01-01T02:00:00+02:00', the official SDK read "
        "datetime.datetime(2026, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)",
        "foundation: recorded 'GPT_7', the official SDK read 'UNKNOWN'",
    ]


def test_official_sdk_rewrites_the_request_body_it_is_given():
    """Why the SDK's requests are matched leniently: given the recorded body, the SDK sends date-times
    as +00:00 and absent nullable fields as null, so strict matching finds no recording."""
    from tools.recorded_server import RecordedServer

    recorded = next(c for c in cassettes() if c.name == "models_create_new_model_required_fields")
    operation = operation_of(recorded.interactions[0])
    with (
        RecordedServer() as server,
        pytest.raises(ReplayMismatch) as mismatch,
        server.replaying([operation.interaction]),
    ):
        sdk_peer.call_sdk(operation, server.url)
    message = str(mismatch.value)
    assert '+  "parameters": null' in message
    assert '-    "value": "2025-06-10T14:03:27.500000Z"' in message
    assert '+    "value": "2025-06-10T14:03:27.500000+00:00"' in message


def test_a_value_the_clients_read_differently_is_reported_with_the_side_the_recording_backs():
    """The cross-check fails on a difference: the SDK turns an enum value it does not know into
    UNKNOWN, ours keeps it, and the message says the recording backs ours."""
    from pieces_os_client.models.model import Model as SdkModel

    from pieces_models_client.models import Model

    recorded = {
        "id": "0b1d",
        "version": "1",
        "name": "Next",
        "cloud": True,
        "type": "SPEED",
        "usage": "CODE_CONVERSATION",
        "created": {"value": "2026-01-01T00:00:00Z"},
        "foundation": "GPT_7",
    }
    differences = sdk_peer.value_differences(
        recorded, "Model", Model.from_dict(recorded), SdkModel.from_dict(recorded)
    )
    assert differences == [
        "foundation: ours 'GPT_7', the official SDK 'UNKNOWN', recorded 'GPT_7': "
        "the official SDK is wrong per the spec"
    ]
