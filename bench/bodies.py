"""The bodies the benchmark parses, serialises and serves, built from tests/data/snapshot-23-models.json.

- snapshot(n): a GET /models body with n models, as compact JSON bytes (what a server sends). The 23
  models of the test data come first, unchanged; further models repeat them in order, each copy with a
  unique id (a uuid5 of its position), so 1,000 and 10,000 models keep the real mix of cloud, local,
  custom and internal models.
- seeded_model(): a POST /models/create body: the custom fine-tune of the snapshot as a SeededModel
  (the Model without the fields the server assigns or computes).
- created_model(): the Model the server answers it with.
"""

from __future__ import annotations

import copy
import functools
import json
import uuid
from typing import Any

from tools import SNAPSHOT

SNAPSHOT_FILE = SNAPSHOT
SIZES = (23, 1_000, 10_000)
CREATED_MODEL_NAME = "My Fine-tuned CodeLlama"
# Fields of a Model that a SeededModel does not have: the server assigns or computes them.
SERVER_FIELDS = ("id", "loaded", "downloading", "score")
_ID_NAMESPACE = uuid.UUID("5e1f9b8a-2c6d-4e0f-9a1b-3c4d5e6f7a8b")


def _compact(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode()


@functools.cache
def _snapshot_23() -> dict[str, Any]:
    return json.loads(SNAPSHOT_FILE.read_bytes())


def model_id(index: int) -> str:
    """The id of the model at `index` of a scaled snapshot."""
    models = _snapshot_23()["iterable"]
    if index < len(models):
        return models[index]["id"]
    return str(uuid.uuid5(_ID_NAMESPACE, f"model-{index}"))


@functools.cache
def snapshot(count: int) -> bytes:
    """A GET /models body with `count` models, as compact JSON bytes."""
    base = _snapshot_23()
    models = base["iterable"]
    # Shallow copies: the nested objects are shared, which only json.dumps sees.
    iterable = [{**models[index % len(models)], "id": model_id(index)} for index in range(count)]
    return _compact({**base, "iterable": iterable})


def created_model_data() -> dict[str, Any]:
    """The decoded Model that POST /models/create answers with."""
    for model in _snapshot_23()["iterable"]:
        if model["name"] == CREATED_MODEL_NAME:
            return copy.deepcopy(model)
    raise LookupError(f"{SNAPSHOT_FILE} has no model named {CREATED_MODEL_NAME!r}")


def seeded_model_data() -> dict[str, Any]:
    """The decoded SeededModel that the benchmark sends to POST /models/create."""
    return {key: value for key, value in created_model_data().items() if key not in SERVER_FIELDS}


@functools.cache
def created_model() -> bytes:
    return _compact(created_model_data())


@functools.cache
def seeded_model() -> bytes:
    return _compact(seeded_model_data())
