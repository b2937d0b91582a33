"""The five operations as test subjects: how to call each one, and what its success looks like."""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from pieces_models_client.models import ModelDeleteCacheInput, SeededModel
from tests.support.spec import ROOT

SNAPSHOT_BYTES = (ROOT / "tests" / "data" / "snapshot-23-models.json").read_bytes()
SNAPSHOT = json.loads(SNAPSHOT_BYTES)
MODEL = SNAPSHOT["iterable"][11]  # a local model: bytes, ram, quantization, parameters
SEEDED = {key: value for key, value in MODEL.items() if key not in ("id", "loaded", "downloading")}
CACHE_OUTPUT = {
    "schema": {"migration": 0, "semantic": "MAJOR_0_MINOR_0_PATCH_1"},
    "model": {"id": MODEL["id"]},
}
MODEL_ID = MODEL["id"]


@dataclass(frozen=True)
class Endpoint:
    """One operation: its module, the arguments of a typical call, and its success response."""

    name: str
    method: str
    path: str  # as sent for MODEL_ID
    success_status: int
    success_body: Any = None  # decoded JSON of the success body, None for a 204
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(f"pieces_models_client.api.models.{self.name}")

    @property
    def has_body(self) -> bool:
        return self.success_body is not None

    @property
    def success_bytes(self) -> bytes:
        return b"" if self.success_body is None else json.dumps(self.success_body).encode()

    def call(self, mode: str, client: Any) -> Any:
        """Call `sync`, `sync_detailed`, `asyncio` or `asyncio_detailed`, the async ones to completion."""
        function = getattr(self.module, mode)
        result = function(*self.args, client=client, **self.kwargs)
        if mode.startswith("asyncio"):
            import asyncio

            async def run() -> Any:
                async with client:
                    return await result

            return asyncio.run(run())
        return result

    def __str__(self) -> str:
        return self.name


ENDPOINTS = [
    Endpoint("models_snapshot", "GET", "/models", 200, SNAPSHOT),
    Endpoint(
        "models_create_new_model",
        "POST",
        "/models/create",
        200,
        MODEL,
        kwargs={"body": SeededModel.from_dict(SEEDED)},
    ),
    Endpoint("models_delete_specific_model", "POST", f"/models/{MODEL_ID}/delete", 204, args=(MODEL_ID,)),
    Endpoint(
        "models_delete_specific_model_cache",
        "POST",
        f"/models/{MODEL_ID}/delete/cache",
        200,
        CACHE_OUTPUT,
        args=(MODEL_ID,),
        kwargs={"body": ModelDeleteCacheInput()},
    ),
    Endpoint("unload_models", "POST", "/models/unload", 204),
]

MODES = ("sync", "asyncio")
DETAILED_MODES = ("sync_detailed", "asyncio_detailed")
