"""The official SDK, pieces-os-client 5.0.1, as a peer: calling it against the recorded server, matching
its requests to the recordings, and reading the same values out of both clients' results.

The SDK re-serializes request bodies itself, and differently from the spelling of the recordings (which
is what our client sends): date-times as ``+00:00`` instead of ``Z``, and every nullable field it was
built with, absent ones as ``null`` (``parameters``, ``maxTokens.input`` ...). So for the SDK, and only
for it, the recorded server compares bodies with ``sdk_body``: the same JSON, except that date-times are
compared as instants and a ``null`` the SDK adds for an absent field is let through.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import json
import re
from typing import Any

import attrs
from pydantic import BaseModel

from pieces_models_client.types import Unset
from tests.contract.recordings import Operation
from tests.support import spec
from tests.support.round_trip import Path, datetime_paths, differences, location, reading, same_instant
from tools.matching import MATCHERS

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
        if operation.request_schema is not None:
            body = operation.interaction.request_body
            value = None if body is None else sdk_type(operation.request_schema).from_dict(json.loads(body))
            kwargs[snake(operation.request_schema)] = value
        return getattr(ModelsApi(api_client), operation.module_name)(*operation.args, **kwargs)
    finally:
        api_client.rest_client.pool_manager.clear()


def _json(body: bytes | str | None) -> Any:
    return json.loads(body) if body else ...


def sdk_body(sent: Any, recorded: Any) -> None:
    """vcrpy-style matcher: the SDK's JSON body says what the recorded one says (see module doc)."""
    unexplained = [
        f"{location(path)}: recorded {expected!r}, the SDK sent {actual!r}"
        for path, expected, actual in differences(_json(recorded.body), _json(sent.body))
        if not (isinstance(expected, str) and isinstance(actual, str) and same_instant(expected, actual))
        and not (expected is ... and actual is None)
    ]
    if unexplained:
        raise AssertionError("; ".join(unexplained))


SDK_MATCHERS = (*MATCHERS[:-1], sdk_body)


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
