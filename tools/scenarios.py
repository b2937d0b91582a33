"""The contract scenarios, defined once: what the client calls, and what a stand-in Pieces OS answers.

Each scenario becomes one cassette, ``tests/recordings/<name>.yaml``. A scenario is a list of calls of
the generated client (operation, model id, JSON body). Each call also says what Pieces OS answers it
(status, content type, body): the stand-in serves those answers when the shipped recordings are
synthesized; a live Pieces OS answers for itself when they are re-recorded (``make record``).

Calls with ``recorded=False`` set up or clean up a live run (register a disposable model to delete,
delete a model a scenario registered) and are left out of the cassette. A scenario with ``live=False``
cannot be provoked on a live Pieces OS (an empty registry, a server failure): ``make record`` keeps its
synthesized cassette. Every success body below is accepted by the official SDK, pieces-os-client 5.0.1.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tools import ROOT

SNAPSHOT_FILE = ROOT / "tests" / "data" / "snapshot-23-models.json"
SCHEMA = {"migration": 0, "semantic": "MAJOR_0_MINOR_0_PATCH_1"}
TEXT = "text/plain; charset=utf-8"
JSON = "application/json"


@dataclass(frozen=True)
class Answer:
    """What Pieces OS answers one call: status, content type and body."""

    status: int
    body: bytes = b""
    content_type: str | None = None

    @classmethod
    def json(cls, data: Any, status: int = 200) -> Answer:
        """A JSON body, compact and UTF-8, as Pieces OS sends it."""
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        return cls(status, text.encode("utf-8"), JSON)

    @classmethod
    def error(cls, message: str) -> Answer:
        """Pieces OS's failure: 500 with a plain-text explanation."""
        return cls(500, message.encode("utf-8"), TEXT)

    @classmethod
    def no_content(cls) -> Answer:
        return cls(204)


@dataclass(frozen=True)
class Created:
    """The id of the model that an earlier call (``call``, by position) registered."""

    call: int


@dataclass(frozen=True)
class Call:
    """One call of the generated client: a module of pieces_models_client.api.models, its arguments."""

    operation: str
    answer: Answer
    model: str | Created | None = None
    body: Mapping[str, Any] | None = None
    recorded: bool = True


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    calls: tuple[Call, ...]
    live: bool = True
    synthesized_only_because: str = ""

    @property
    def recorded_calls(self) -> list[Call]:
        return [call for call in self.calls if call.recorded]


def _snapshot() -> dict[str, Any]:
    return json.loads(SNAPSHOT_FILE.read_bytes())


def _model(seeded: Mapping[str, Any], model_id: str, **server_fields: Any) -> dict[str, Any]:
    """The Model Pieces OS answers for a registered SeededModel: its id and server-side fields added."""
    return {"schema": SCHEMA, "id": model_id, **seeded, **server_fields}


def _cache_output(model_id: str) -> dict[str, Any]:
    return {"schema": SCHEMA, "model": {"schema": SCHEMA, "id": model_id}}


def _create(body: Mapping[str, Any], answer: Answer, recorded: bool = True) -> Call:
    return Call("models_create_new_model", answer, body=body, recorded=recorded)


def _delete(model: str | Created, answer: Answer, recorded: bool = True) -> Call:
    return Call("models_delete_specific_model", answer, model=model, recorded=recorded)


def _delete_cache(model: str | Created, answer: Answer, body: Mapping[str, Any] | None = None) -> Call:
    return Call("models_delete_specific_model_cache", answer, model=model, body=body)


NO_SUCH_MODEL = "no-such-model"
NO_SUCH_MODEL_ERROR = Answer.error(f"Internal Server Error: no model with id {NO_SUCH_MODEL}")

# A model registered only to be deleted again, so that a live run never touches the user's models.
DISPOSABLE_ID = "1f0e4c9a-7d52-5b8e-9c3a-2e6f8b4d0a17"
DISPOSABLE_SEEDED = {
    "version": "1",
    "created": {"value": "2025-06-12T09:30:00Z"},
    "name": "pieces-models-client contract test (safe to delete)",
    "cloud": False,
    "type": "SPEED",
    "usage": "CODE_CONVERSATION",
    "custom": True,
}
DISPOSABLE_MODEL = _model(DISPOSABLE_SEEDED, DISPOSABLE_ID, downloaded=False, loaded=False, downloading=False)


REGISTER_DISPOSABLE = _create(DISPOSABLE_SEEDED, Answer.json(DISPOSABLE_MODEL), recorded=False)


def _with_disposable_model(*calls: Call) -> tuple[Call, ...]:
    """Register the disposable model (not recorded), make ``calls`` on it, delete it (not recorded)."""
    return (REGISTER_DISPOSABLE, *calls, _delete(Created(0), Answer.no_content(), recorded=False))


# Every field a SeededModel has.
FULL_SEEDED = {
    "schema": SCHEMA,
    "version": "2.0",
    "created": {"schema": SCHEMA, "value": "2025-05-30T08:12:45.120000Z", "readable": "just now"},
    "name": "StarCoder2 15B (Acme fine-tune)",
    "description": "StarCoder2 15B fine-tuned on Acme's monorepo, served by the local runtime.",
    "cloud": False,
    "type": "ACCURACY",
    "usage": "CODE_GENERATION",
    "bytes": {"schema": SCHEMA, "value": 9100000000, "readable": "9.1 GB"},
    "ram": {"schema": SCHEMA, "value": 12000000000, "readable": "12.0 GB"},
    "quantization": "Q4_K_M",
    "foundation": "STARCODER_LATEST",
    "downloaded": True,
    "unique": "starcoder2-acme:15b",
    "parameters": 15.96,
    "provider": "BIGCODE",
    "cpu": False,
    "maxTokens": {"schema": SCHEMA, "total": 16384, "input": 12288, "output": 4096},
    "custom": True,
    "capabilities": {
        "schema": SCHEMA,
        "assets": True,
        "codebases": True,
        "documents": True,
        "images": False,
        "temporal": False,
        "videos": False,
        "websites": True,
    },
    "denied": False,
    "organization": {"schema": SCHEMA, "id": "d41bca31-5385-5839-9de9-04c8720a0891"},
}
FULL_ID = "3c8f7a52-6a0e-5f53-9d0a-4b1c2e7d9f10"

REQUIRED_SEEDED = {
    "version": "0.3",
    "created": {"value": "2025-06-10T14:03:27.500000Z"},
    "name": "Mistral 7B Instruct (team)",
    "cloud": False,
    "type": "BALANCED",
    "usage": "CODE_CONVERSATION",
}
REQUIRED_ID = "a7e2d4b1-93c6-5e0f-8b71-6d2c9f4e3a58"

# The model the README registers, and Pieces OS's answer (it is model 19 of the 23-model snapshot).
README_SEEDED = {
    "version": "1.0",
    "created": {"value": "2025-06-02T11:45:09.000001Z"},
    "name": "My Fine-tuned CodeLlama",
    "cloud": False,
    "type": "BALANCED",
    "usage": "CODE_CONVERSATION",
    "foundation": "CODE_LLAMA_2_7B",
    "unique": "codellama-ft:7b-acme",
}
README_ID = "8c0321a4-d8da-57a7-aecc-511d37e6b741"
README_MODEL = _model(
    {**README_SEEDED, "created": {"schema": SCHEMA, **README_SEEDED["created"], "readable": "just now"}},
    README_ID,
    downloaded=False,
    loaded=False,
    downloading=False,
    cpu=False,
    custom=True,
)

ENCODED_IDS = ("hf.co/org/repo:Q4_K_M", "Acme Coder 7B (Q5_K_M)", "modèle-日本語-7b")


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "models_snapshot",
        "The model registry: 23 cloud, local, custom and internal models.",
        (Call("models_snapshot", Answer.json(_snapshot())),),
    ),
    Scenario(
        "models_snapshot_empty",
        "An empty model registry.",
        (Call("models_snapshot", Answer.json({"schema": SCHEMA, "iterable": []})),),
        live=False,
        synthesized_only_because="a running Pieces OS always lists its internal models",
    ),
    Scenario(
        "models_snapshot_error",
        "The snapshot fails with Pieces OS's 500 text/plain error.",
        (
            Call(
                "models_snapshot",
                Answer.error("Internal Server Error: the models database could not be read"),
            ),
        ),
        live=False,
        synthesized_only_because="a healthy Pieces OS cannot be made to fail a snapshot",
    ),
    Scenario(
        "models_create_new_model",
        "Register a model giving every SeededModel field.",
        (
            _create(FULL_SEEDED, Answer.json(_model(FULL_SEEDED, FULL_ID, loaded=False, downloading=False))),
            _delete(Created(0), Answer.no_content(), recorded=False),
        ),
    ),
    Scenario(
        "models_create_new_model_required_fields",
        "Register a model giving only the required SeededModel fields.",
        (
            _create(
                REQUIRED_SEEDED,
                Answer.json(
                    _model(
                        REQUIRED_SEEDED,
                        REQUIRED_ID,
                        downloaded=False,
                        loaded=False,
                        downloading=False,
                        cpu=False,
                        custom=True,
                    )
                ),
            ),
            _delete(Created(0), Answer.no_content(), recorded=False),
        ),
    ),
    Scenario(
        "models_create_new_model_error",
        "Registering a model that already exists fails with a 500 text/plain error.",
        (
            _create(
                {**REQUIRED_SEEDED, "name": "Llama 3.2 3B", "unique": "llama3.2:3b"},
                Answer.error("Internal Server Error: a model with unique 'llama3.2:3b' already exists"),
            ),
        ),
        live=False,
        synthesized_only_because="whether Pieces OS refuses a duplicate or returns the existing model varies",
    ),
    Scenario(
        "models_delete_specific_model",
        "Delete a registered model: 204, no body.",
        (REGISTER_DISPOSABLE, _delete(Created(0), Answer.no_content())),
    ),
    Scenario(
        "models_delete_specific_model_error",
        "Delete a model that does not exist: 500 text/plain.",
        (_delete(NO_SUCH_MODEL, NO_SUCH_MODEL_ERROR),),
    ),
    Scenario(
        "models_delete_specific_model_cache",
        "Delete a model's downloaded files, sending the optional body.",
        _with_disposable_model(
            _delete_cache(Created(0), Answer.json(_cache_output(DISPOSABLE_ID)), body={"schema": SCHEMA})
        ),
    ),
    Scenario(
        "models_delete_specific_model_cache_without_body",
        "Delete a model's downloaded files without a body.",
        _with_disposable_model(_delete_cache(Created(0), Answer.json(_cache_output(DISPOSABLE_ID)))),
    ),
    Scenario(
        "models_delete_specific_model_cache_error",
        "Delete the files of a model that does not exist: 500 text/plain.",
        (_delete_cache(NO_SUCH_MODEL, NO_SUCH_MODEL_ERROR),),
    ),
    Scenario(
        "unload_models",
        "Unload every local model from memory: 204, no body.",
        (Call("unload_models", Answer.no_content()),),
    ),
    Scenario(
        "unload_models_error",
        "Unloading fails with a 500 text/plain error.",
        (
            Call(
                "unload_models", Answer.error("Internal Server Error: the local model runtime is not running")
            ),
        ),
        live=False,
        synthesized_only_because="a healthy Pieces OS cannot be made to fail an unload",
    ),
    Scenario(
        "model_ids_needing_encoding",
        "Ids with '/', ':', spaces, parentheses and non-ASCII letters travel as one percent-encoded segment.",
        tuple(
            call
            for model_id in ENCODED_IDS
            for call in (
                _delete_cache(model_id, Answer.json(_cache_output(model_id)), body={}),
                _delete(model_id, Answer.no_content()),
            )
        ),
    ),
    Scenario(
        "model_lifecycle",
        "The README's walk-through: register a model, delete its files, delete it.",
        (
            _create(README_SEEDED, Answer.json(README_MODEL)),
            _delete_cache(Created(0), Answer.json(_cache_output(README_ID)), body={}),
            _delete(Created(0), Answer.no_content()),
        ),
    ),
)


def by_name(name: str) -> Scenario:
    for scenario in SCENARIOS:
        if scenario.name == name:
            return scenario
    raise KeyError(f"no scenario named {name!r}: {', '.join(s.name for s in SCENARIOS)}")
