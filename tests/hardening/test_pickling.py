"""Errors, UNSET and models survive pickle, copy.copy and copy.deepcopy unchanged, and errors cross a
process boundary (a ProcessPoolExecutor worker) intact.
"""

from __future__ import annotations

import copy
import datetime
import enum
import json
import multiprocessing
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from pieces_models_client import errors, models
from pieces_models_client.api.models import models_create_new_model
from pieces_models_client.models import (
    ByteDescriptor,
    EmbeddedModelSchema,
    FlattenedEntity,
    GroupedTimestamp,
    Model,
    ModelCapabilities,
    ModelDeleteCacheInput,
    ModelDeleteCacheOutput,
    ModelMaxTokens,
    Models,
    ModelTypeEnum,
    ModelUsageEnum,
    ReferencedEntity,
    ReferencedModel,
    Score,
    SeededModel,
)
from pieces_models_client.types import UNSET, Unset
from tests.hardening import workers
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import CACHE_OUTPUT, MODEL, MODES, SEEDED, SNAPSHOT, SNAPSHOT_BYTES, invoke

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)


def pickled(protocol: int) -> Callable[[Any], Any]:
    return lambda value: pickle.loads(pickle.dumps(value, protocol=protocol))


COPIES = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    **{f"pickle{protocol}": pickled(protocol) for protocol in PROTOCOLS},
}
each_copy = pytest.mark.parametrize("duplicate", list(COPIES.values()), ids=list(COPIES))
each_mode = pytest.mark.parametrize("mode", MODES)

EXAMPLES = workers.examples()


# --- errors ------------------------------------------------------------------------------------------


def assert_same_error(copied: BaseException, original: BaseException) -> None:
    assert type(copied) is type(original)
    assert copied is not original
    assert str(copied) == str(original)
    assert copied.args == original.args
    assert copied.__dict__ == original.__dict__


def test_every_error_class_has_an_example():
    """The examples below cover errors.__all__ exactly, so a new exception class cannot be forgotten."""
    assert sorted(EXAMPLES) == sorted(errors.__all__)
    for name, example in EXAMPLES.items():
        assert type(example) is getattr(errors, name)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@each_copy
def test_error_survives_copy_and_pickle(name, duplicate):
    """Each error keeps type, message, args and attributes through copy, deepcopy and pickle."""
    original = EXAMPLES[name]
    copied = duplicate(original)
    assert_same_error(copied, original)
    if isinstance(original, errors.ApiError):
        assert copied.headers["location"] == "http://127.0.0.1:39301/models"
        assert copied.text == original.text
    if isinstance(original, errors.ResponseParseError):
        assert copied.location == "iterable[3].created.value"
        assert copied.path == original.path
        if duplicate is not copy.copy:  # a shallow copy may share the list; the others must not
            assert copied.path is not original.path


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_raised_error_survives_pickle(name):
    """An error that was raised (traceback and all) still pickles with its message and attributes."""
    try:
        workers.raise_example(name)
    except errors.PiecesModelsError as exc:
        raised = exc
    assert_same_error(pickle.loads(pickle.dumps(raised)), EXAMPLES[name])


@pytest.fixture(scope="module")
def pool():
    """One worker process, started with "spawn": nothing is inherited but what pickling carries."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as executor:
        yield executor


def test_errors_raised_in_a_worker_process_arrive_intact(pool):
    """Each error raised in a spawned worker process reaches the parent with type and attributes."""
    futures = {name: pool.submit(workers.raise_example, name) for name in sorted(EXAMPLES)}
    for name, future in futures.items():
        error = future.exception(timeout=60)
        assert_same_error(error, EXAMPLES[name])


@pytest.mark.parametrize(
    ("responder", "expected"),
    [
        (faults.status(500, b"Internal Server Error: boom"), errors.ApiError),
        (faults.status(200, b"<html>not json</html>", "text/html"), errors.ResponseParseError),
        (faults.sized(20_000), errors.ResponseTooLarge),
        (faults.bad_gzip(), errors.ResponseParseError),
    ],
    ids=["500", "not JSON", "too large", "bad gzip"],
)
def test_real_call_errors_from_a_worker_process_arrive_intact(pool, responder, expected):
    """A real call's error in a worker process reaches the parent with type and attributes."""
    with loopback.serve(responder) as server:
        error = pool.submit(workers.call_snapshot, server.url).exception(timeout=60)
    assert type(error) is expected, repr(error)
    assert error.operation == "models-snapshot"
    assert error.status_code in (200, 500)
    if expected is errors.ApiError:
        assert error.content == b"Internal Server Error: boom"
        assert error.headers["content-type"] == "text/plain"
        assert "HTTP 500" in str(error)
    if expected is errors.ResponseTooLarge:
        assert (error.limit, error.url) == (10_000, server.url + "/models")
        assert error.received > 10_000
    assert_same_error(pickle.loads(pickle.dumps(error)), error)


def test_unreachable_error_from_a_worker_process_arrives_intact(pool):
    """ServerUnreachable raised in a worker (nothing listening) arrives with its url and message."""
    url = f"http://127.0.0.1:{faults.refused_port()}"
    error = pool.submit(workers.call_snapshot, url).exception(timeout=60)
    assert type(error) is errors.ServerUnreachable, repr(error)
    assert error.url == url + "/models"
    assert "39300" in str(error)


# --- UNSET --------------------------------------------------------------------------------------------


@each_copy
def test_unset_stays_the_same_object(duplicate):
    """UNSET is the one UNSET after copy, deepcopy and pickle, alone or inside containers."""
    assert duplicate(UNSET) is UNSET
    [inner] = duplicate([UNSET])
    assert inner is UNSET
    assert duplicate({"key": UNSET})["key"] is UNSET
    assert isinstance(duplicate(UNSET), Unset)
    assert not duplicate(UNSET)


# --- models -------------------------------------------------------------------------------------------

SCHEMA = MODEL["schema"]
ORGANIZATION = {
    "schema": SCHEMA,
    "id": "3c2f6e0a-8a53-4d5c-9a5f-4e7e8f8c1b2a",
    "reference": {"name": "Acme", "users": [{"id": "u1"}], "enterprise": {"seats": 10}},
}
MINIMAL_SEEDED = {key: SEEDED[key] for key in ("version", "created", "name", "cloud", "type", "usage")}
FUTURE_MODEL = {
    **MODEL,
    "foundation": "GPT_99_FUTURE",
    "provider": "NEWCO",
    "organization": ORGANIZATION,
    "futureField": {"nested": [1, 2.5, None, "x"]},
    "created": {**MODEL["created"], "timezone": "UTC"},
}

# (class, body): a realistic body for every model class, from the recorded snapshot.
BODIES: list[tuple[type, dict[str, Any]]] = [
    (Models, SNAPSHOT),
    (Model, MODEL),
    (Model, FUTURE_MODEL),
    (SeededModel, SEEDED),
    (SeededModel, MINIMAL_SEEDED),
    (SeededModel, {**SEEDED, "foundation": "GPT_99_FUTURE", "extra": True}),
    (GroupedTimestamp, MODEL["created"]),
    (ByteDescriptor, MODEL["bytes"]),
    (EmbeddedModelSchema, SCHEMA),
    (ModelCapabilities, MODEL["capabilities"]),
    (ModelMaxTokens, MODEL["maxTokens"]),
    (ModelMaxTokens, {"total": None, "input": 4096.0, "output": None}),
    (Score, SNAPSHOT["score"]),
    (ReferencedEntity, ORGANIZATION),
    (FlattenedEntity, ORGANIZATION["reference"]),
    (ReferencedModel, CACHE_OUTPUT["model"]),
    (ModelDeleteCacheInput, {"schema": SCHEMA}),
    (ModelDeleteCacheInput, {}),
    (ModelDeleteCacheOutput, CACHE_OUTPUT),
]
body_ids = [f"{cls.__name__}-{index}" for index, (cls, _) in enumerate(BODIES)]


def unset_values(value: object, path: str = "") -> list[str]:
    """Where in a to_dict() result an Unset (of any identity) is hiding."""
    if isinstance(value, Unset):
        return [path or "<root>"]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in unset_values(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in unset_values(item, f"{path}[{index}]")]
    return []


def test_every_model_class_has_a_body():
    """BODIES covers every non-enum class of pieces_models_client.models."""
    classes = {getattr(models, name) for name in models.__all__}
    covered = {cls for cls, _ in BODIES}
    assert covered == {cls for cls in classes if not issubclass(cls, enum.Enum)}


@pytest.mark.parametrize(("cls", "body"), BODIES, ids=body_ids)
@each_copy
def test_model_survives_copy_and_pickle(cls, body, duplicate):
    """A model keeps ==, repr and to_dict() (no Unset in it) through copy, deepcopy and pickle."""
    original = cls.from_dict(body)
    copied = duplicate(original)
    assert type(copied) is cls
    assert copied == original
    assert repr(copied) == repr(original)
    assert copied.to_dict() == original.to_dict()
    assert unset_values(copied.to_dict()) == []
    assert json.dumps(copied.to_dict(), sort_keys=True) == json.dumps(original.to_dict(), sort_keys=True)
    assert cls.from_dict(copied.to_dict()) == original


@pytest.mark.parametrize("duplicate", [copy.deepcopy, *(pickled(p) for p in PROTOCOLS)])
def test_deep_copy_is_independent(duplicate):
    """A deep copy (or unpickled model) shares nothing mutable with the original."""
    original = Model.from_dict(FUTURE_MODEL)
    copied = duplicate(original)
    copied.additional_properties["futureField"]["nested"].append("more")
    copied.created.additional_properties["timezone"] = "CET"
    copied.name = "changed"
    assert original.to_dict() == Model.from_dict(FUTURE_MODEL).to_dict()


@each_copy
def test_seeded_model_with_unset_fields(duplicate):
    """The issue's case: copies of a SeededModel keep UNSET itself, so to_dict() omits those fields."""
    original = SeededModel.from_dict(MINIMAL_SEEDED)
    copied = duplicate(original)
    for name in ("schema", "description", "bytes_", "ram", "foundation", "parameters", "organization"):
        assert getattr(copied, name) is UNSET, name
    assert copied.to_dict() == original.to_dict()
    assert sorted(copied.to_dict()) == sorted(MINIMAL_SEEDED)
    assert unset_values(copied.to_dict()) == []


@each_copy
def test_unknown_enum_values_and_extra_keys_survive(duplicate):
    """Unknown enum values (is_known False) and unknown keys survive copies at every level."""
    original = Model.from_dict(FUTURE_MODEL)
    assert original.foundation.is_known is False
    copied = duplicate(original)
    assert type(copied.foundation) is type(original.foundation)
    assert copied.foundation.value == "GPT_99_FUTURE"
    assert copied.foundation.is_known is False
    assert copied.provider.value == "NEWCO"
    assert copied.provider.is_known is False
    assert copied.type_ is ModelTypeEnum(MODEL["type"])
    assert copied.usage is ModelUsageEnum(MODEL["usage"])
    assert copied.type_.is_known is True
    assert copied.additional_properties == {"futureField": {"nested": [1, 2.5, None, "x"]}}
    assert copied.created.additional_properties == {"timezone": "UTC"}
    assert copied.organization.reference.additional_properties == ORGANIZATION["reference"]
    assert copied.to_dict()["foundation"] == "GPT_99_FUTURE"


@each_mode
@pytest.mark.parametrize("body", [SEEDED, MINIMAL_SEEDED], ids=["full", "minimal"])
@pytest.mark.parametrize(
    "duplicate", [copy.deepcopy, pickled(pickle.HIGHEST_PROTOCOL)], ids=["deepcopy", "pickle"]
)
def test_copied_seeded_model_sends_the_same_json(mode, body, duplicate):
    """A deep-copied or unpickled SeededModel is sent as the same JSON as the original."""
    original = SeededModel.from_dict(body)
    reply = faults.status(200, json.dumps(MODEL).encode(), "application/json")
    with loopback.serve(reply) as server, loopback.client(server.url) as client:
        for seeded in (original, duplicate(original)):
            created = invoke(models_create_new_model, mode, client=client, body=seeded)
            assert created.id == MODEL["id"]
    sent_original, sent_copy = (json.loads(request.body) for request in server.received)
    assert sent_copy == sent_original == original.to_dict()
    assert server.received[0].body == server.received[1].body


def test_copied_aware_datetimes_keep_their_instant_and_offset():
    """Copies keep date-times aware with the same offset (UTC from "Z")."""
    copied = copy.deepcopy(GroupedTimestamp.from_dict(MODEL["created"]))
    assert copied.value.utcoffset() == datetime.timedelta(0)
    assert copied.to_dict()["value"] == MODEL["created"]["value"]


def test_snapshot_round_trips_through_pickle_exactly():
    """The whole recorded snapshot, parsed, pickled and unpickled, serializes back to the same JSON."""
    parsed = Models.from_dict(json.loads(SNAPSHOT_BYTES))
    assert pickle.loads(pickle.dumps(parsed)).to_dict() == parsed.to_dict()
