"""Contract check 3: the official SDK (pieces-os-client 5.0.1), pointed at the same recorded server (real
sockets: `make serve`'s server, each recording answering once), reads the same values as our client from
every success recording: ids, names, enums, timestamps, token counts, flags, every field the recording
holds. Where they differ, the message says which one the recording, and so the spec, backs."""

from __future__ import annotations

import datetime
import enum
import importlib
import json
import re
from typing import Any

import attrs
import pytest
from pydantic import BaseModel

from pieces_models_client.types import Unset
from tests.contract.recordings import Operation, cassette, operation_of, with_operation
from tests.support.loopback import client as loopback_client
from tests.support.round_trip import Path, datetime_paths, differences, location, reading, same_instant
from tools import endpoints as spec
from tools.recorded_server import MATCH_ON, ReplayMismatch

SDK = "the official SDK"


class Absent:
    def __repr__(self) -> str:
        return "(absent)"


ABSENT = Absent()


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def sdk_type(schema_name: str) -> Any:
    return getattr(importlib.import_module(f"pieces_os_client.models.{snake(schema_name)}"), schema_name)


def call_sdk(operation: Operation, base_url: str) -> Any:
    """Make the recorded call with the SDK's ModelsApi; its result (it raises on an error status)."""
    from pieces_os_client.api.models_api import ModelsApi
    from pieces_os_client.api_client import ApiClient
    from pieces_os_client.configuration import Configuration

    api_client = ApiClient(Configuration(host=base_url))
    try:
        kwargs = {}
        if operation.endpoint.body is not None:
            body = operation.interaction.request_body
            value = None if body is None else sdk_type(operation.endpoint.body).from_dict(json.loads(body))
            kwargs[snake(operation.endpoint.body)] = value
        return getattr(ModelsApi(api_client), operation.endpoint.name)(*operation.args, **kwargs)
    finally:
        api_client.rest_client.pool_manager.clear()


def _json(body: bytes | str | None) -> Any:
    return json.loads(body) if body else ...


def sdk_body(sent: Any, recorded: Any) -> None:
    """vcrpy matcher for the SDK's requests, which re-serialize the body differently from the recordings
    (what our client sends): date-times as ``+00:00`` instead of ``Z``, every nullable field it was built
    with, absent ones as ``null`` (``parameters``, ``maxTokens.input`` ...). So: the same JSON, except
    that date-times are compared as instants and a ``null`` the SDK adds for an absent field passes."""
    unexplained = [
        f"{location(path)}: recorded {expected!r}, the SDK sent {actual!r}"
        for path, expected, actual in differences(_json(recorded.body), _json(sent.body))
        if not (isinstance(expected, str) and isinstance(actual, str) and same_instant(expected, actual))
        and not (expected is ... and actual is None)
    ]
    if unexplained:
        raise AssertionError("; ".join(unexplained))


SDK_MATCHERS = (*MATCH_ON[:-1], sdk_body)


def _ours(node: Any, key: str | int) -> Any:
    if isinstance(key, int):
        return node[key] if isinstance(node, list) and key < len(node) else ABSENT
    if attrs.has(type(node)):
        fields = attrs.fields_dict(type(node))
        for name in (snake(key), snake(key) + "_"):
            if name in fields and name != "additional_properties":
                return getattr(node, name)
        return node.additional_properties.get(key, ABSENT)
    return node.get(key, ABSENT) if isinstance(node, dict) else ABSENT


def _sdk(node: Any, key: str | int) -> Any:
    if isinstance(key, int):
        return node[key] if isinstance(node, list) and key < len(node) else ABSENT
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            if (info.alias or name) == key:
                return getattr(node, name)
        return ABSENT
    return node.get(key, ABSENT) if isinstance(node, dict) else ABSENT


def read(result: Any, path: Path, step: Any) -> Any:
    """The value at ``path`` of a client's result, as plain data (enums as their values)."""
    node = result
    for key in path:
        if node is ABSENT or node is None or isinstance(node, Unset):
            return ABSENT
        node = step(node, key)
    if isinstance(node, Unset):
        return ABSENT
    if isinstance(node, list):
        return len(node)
    return node.value if isinstance(node, enum.Enum) else node


def leaves(data: Any, path: Path = ()) -> list[tuple[Path, Any]]:
    """Every scalar of a JSON document, and the length of every array, by path."""
    if isinstance(data, dict) and data:
        return [leaf for key, value in data.items() for leaf in leaves(value, (*path, key))]
    if isinstance(data, list):
        return [(path, len(data))] + [
            leaf for i, value in enumerate(data) for leaf in leaves(value, (*path, i))
        ]
    return [(path, data)]


def value_differences(recorded: Any, schema_name: str, ours: Any, theirs: Any) -> list[str]:
    """Where our result and the SDK's read differently, and which one the recording (spec) backs."""
    from dateutil.parser import isoparse

    stamps = datetime_paths(recorded, spec.inline_schema(schema_name))
    out = []
    for path, value in leaves(recorded):
        truth = isoparse(value) if path in stamps and isinstance(value, str) else value
        mine, sdk = read(ours, path, _ours), read(theirs, path, _sdk)
        if mine == sdk == truth:
            continue
        if mine == truth:
            verdict = f"{SDK} is wrong per the spec"
        elif sdk == truth:
            verdict = "ours is wrong per the spec"
        else:
            verdict = "both differ from the recording"
        out.append(f"{location(path)}: ours {mine!r}, {SDK} {sdk!r}, recorded {value!r}: {verdict}")
    return out


def _plain(value: Any) -> Any:
    """The SDK's to_dict() as JSON data: enum members as their values, datetimes kept as datetimes."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value.value if isinstance(value, enum.Enum) else value


def _schema_at(schema: dict[str, Any], path: Path) -> dict[str, Any]:
    for key in path:
        schema = (
            schema.get("items", {}) if isinstance(key, int) else schema.get("properties", {}).get(key, {})
        )
    return schema


def sdk_reading_problems(recorded: Any, schema_name: str, sdk_model: Any) -> list[str]:
    """Where what the SDK read (its own to_dict()) says something other than the recorded JSON.

    Independent of both clients' parsers: the recorded JSON is the expectation. Two differences are
    its documented habits, not misreadings: a date-time is a datetime (it must name the recorded
    instant with the recorded UTC offset, no offset meaning UTC), and a nullable field absent from the
    body is written as null.
    """
    schema = spec.inline_schema(schema_name)
    stamps = datetime_paths(recorded, schema)
    out = []
    for path, expected, actual in differences(recorded, _plain(sdk_model.to_dict())):
        if path in stamps and isinstance(expected, str) and isinstance(actual, datetime.datetime):
            want = reading(expected)
            if (
                want is not None
                and actual.utcoffset() == want.utcoffset()
                and actual.replace(tzinfo=None) == want.replace(tzinfo=None)
            ):
                continue
        nullable = "null" in (_schema_at(schema, path).get("type") or [])
        if expected is ... and actual is None and nullable:
            continue
        shown = "(absent)" if expected is ... else repr(expected)
        out.append(
            f"{location(path)}: recorded {shown}, {SDK} read {'(absent)' if actual is ... else repr(actual)}"
        )
    return out


@pytest.mark.parametrize("operation", with_operation(lambda op: op.is_success))
def test_official_sdk_reads_what_our_client_reads(operation: Operation, recorded_server):
    """Both clients make the recorded call; every recorded value reads the same from both results."""
    recorded = operation.interaction
    with recorded_server.replaying([recorded], SDK_MATCHERS):
        theirs = call_sdk(operation, recorded_server.url)
    with recorded_server.replaying([recorded]), loopback_client(recorded_server.url) as client:
        ours = operation.endpoint.module.sync(*operation.args, client=client, **operation.kwargs)
    if not operation.returns_body:
        assert (ours, theirs) == (None, None)
        return
    assert isinstance(theirs, sdk_type(operation.endpoint.response))
    differences = value_differences(
        json.loads(recorded.response_body), operation.endpoint.response, ours, theirs
    )
    assert not differences, f"{recorded.label}: the clients read differently:\n  " + "\n  ".join(differences)


@pytest.mark.parametrize("operation", with_operation(lambda op: op.returns_body))
def test_official_sdk_reads_the_recorded_success_body_as_recorded(operation: Operation):
    """The SDK's from_dict reads every recorded value (its to_dict() is the recorded JSON), as validate."""
    body = json.loads(operation.interaction.response_body)
    sdk_model = sdk_type(operation.endpoint.response)
    read = sdk_model.from_dict(body)
    assert isinstance(read, sdk_model)
    problems = sdk_reading_problems(body, operation.endpoint.response, read)
    assert not problems, f"{operation.interaction.label}:\n  " + "\n  ".join(problems)
    assert read == sdk_model.model_validate(body)


@pytest.mark.parametrize("operation", with_operation(lambda op: op.interaction.request_body is not None))
def test_official_sdk_reads_the_recorded_request_body_as_recorded(operation: Operation):
    """The SDK builds the recorded request body: its to_dict() is the recorded JSON, as model_validate."""
    body = json.loads(operation.interaction.request_body)
    sdk_model = sdk_type(operation.endpoint.body)
    read = sdk_model.from_dict(body)
    assert isinstance(read, sdk_model)
    problems = sdk_reading_problems(body, operation.endpoint.body, read)
    assert not problems, f"{operation.interaction.label}:\n  " + "\n  ".join(problems)
    assert read == sdk_model.model_validate(body)


def test_sdk_reading_check_reports_a_value_the_sdk_reads_wrong():
    """The SDK reading check reports an UNKNOWN enum, a date-time at another offset and a changed flag."""
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
    assert sdk_reading_problems(recorded, "Model", read) == [
        "foundation: recorded 'GPT_7', the official SDK read 'UNKNOWN'"
    ]
    read.created = SdkTimestamp(value=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))
    read.cloud = False
    assert sdk_reading_problems(recorded, "Model", read) == [
        "cloud: recorded True, the official SDK read False",
        "created.value: recorded '2026-01-01T02:00:00+02:00', the official SDK read "
        "datetime.datetime(2026, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)",
        "foundation: recorded 'GPT_7', the official SDK read 'UNKNOWN'",
    ]


def test_official_sdk_rewrites_the_request_body_it_is_given():
    """Why the SDK's requests are matched leniently: given the recorded body, the SDK sends date-times
    as +00:00 and absent nullable fields as null, so strict matching finds no recording."""
    from tools.recorded_server import RecordedServer

    operation = operation_of(cassette("models_create_new_model_required_fields").interactions[0])
    with (
        RecordedServer() as server,
        pytest.raises(ReplayMismatch) as mismatch,
        server.replaying([operation.interaction]),
    ):
        call_sdk(operation, server.url)
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
    differences = value_differences(
        recorded, "Model", Model.from_dict(recorded), SdkModel.from_dict(recorded)
    )
    assert differences == [
        "foundation: ours 'GPT_7', the official SDK 'UNKNOWN', recorded 'GPT_7': "
        "the official SDK is wrong per the spec"
    ]
