"""Every operation of the spec (tools/endpoints.py) as a test subject: a typical call, and its success."""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass, field
from typing import Any

from tools import SNAPSHOT as SNAPSHOT_FILE
from tools import endpoints

SNAPSHOT_BYTES = SNAPSHOT_FILE.read_bytes()
SNAPSHOT = json.loads(SNAPSHOT_BYTES)
MODEL = SNAPSHOT["iterable"][11]  # a local model: bytes, ram, quantization, parameters
MODEL_ID = MODEL["id"]
SEEDED = {key: value for key, value in MODEL.items() if key not in ("id", "loaded", "downloading")}
CACHE_OUTPUT = {"schema": {"migration": 0, "semantic": "MAJOR_0_MINOR_0_PATCH_1"}, "model": {"id": MODEL_ID}}
# The body sent or answered for each schema; any other schema uses the spec's first example of it.
BODIES = {
    "Models": SNAPSHOT,
    "Model": MODEL,
    "SeededModel": SEEDED,
    "ModelDeleteCacheInput": {},
    "ModelDeleteCacheOutput": CACHE_OUTPUT,
}
MODES = ("sync", "asyncio")
DETAILED_MODES = ("sync_detailed", "asyncio_detailed")


def invoke(module: Any, mode: str, *args: Any, client: Any, close: bool = False, **kwargs: Any) -> Any:
    """Call `module.<mode>` to completion: async ones in a fresh event loop, inside `async with client`
    when `close` (else the Client is left open)."""
    result = getattr(module, mode)(*args, client=client, **kwargs)
    if not mode.startswith("asyncio"):
        return result

    async def run() -> Any:
        async with client if close else contextlib.nullcontext():
            return await result

    return asyncio.run(run())


@dataclass(frozen=True)
class Endpoint(endpoints.Endpoint):
    """An operation of the endpoint table as the tests call it, on MODEL_ID with BODIES: the table's facts,
    the call's arguments, the path as sent (`target`), the success body."""

    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    success_body: Any = None  # decoded JSON of the success body, None for a 204

    target = property(lambda self: self.url(*self.args))
    has_body = property(lambda self: self.success_body is not None)
    success_bytes = property(
        lambda self: b"" if self.success_body is None else json.dumps(self.success_body).encode()
    )

    def call(self, mode: str, client: Any) -> Any:
        """`sync`, `sync_detailed`, `asyncio` or `asyncio_detailed`, the async ones to completion."""
        return invoke(self.module, mode, *self.args, client=client, close=True, **self.kwargs)


def _body(schema: str | None, holder: dict[str, Any]) -> Any:
    """BODIES[schema], else the first example of the spec's requestBody or response `holder`."""
    if schema is None or schema in BODIES:
        return BODIES.get(schema)
    media = endpoints.resolve(holder)["content"]["application/json"]
    return media.get("example") or endpoints.resolve(next(iter(media["examples"].values())))["value"]


def _subject(spec: endpoints.Endpoint) -> Endpoint:
    operation = endpoints.load_spec()["paths"][spec.path][spec.method.lower()]
    values = (MODEL_ID,) * len(spec.path_params)
    args, kwargs = spec.arguments(values, _body(spec.body, operation.get("requestBody")))
    success = _body(spec.response, operation["responses"][str(spec.success_status)])
    return Endpoint(**vars(spec), args=args, kwargs=kwargs, success_body=success)


ENDPOINTS = [_subject(spec) for spec in endpoints.ENDPOINTS]
