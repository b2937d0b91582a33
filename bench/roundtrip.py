"""Whole requests over loopback keep-alive: GET /models (23 models) and POST /models/create.

All contenders talk to the same bench.server process in the same run, each through one long-lived
client (one kept-alive connection):
- ours sync: models_snapshot.sync / models_create_new_model.sync with one Client;
- ours async: the asyncio() twins, awaited in a row inside one event loop with one Client;
- sdk: ModelsApi(ApiClient(Configuration(host=url))) (a urllib3 pool);
- raw httpx: one httpx.Client and json.loads(response.content) (the floor: transport and decoding);
- raw httpx async: the same with one httpx.AsyncClient in the same event loop (the async floor);
- raw httpx async + parse (GET only): that floor plus our Models.from_dict, none of our request code:
  what our parse alone adds to the async floor, the bound of the async target.
The request body of POST is built once, outside the timed calls (ours: our SeededModel, sdk: the
SDK's SeededModel, raw: the JSON bytes); each client serialises it on every call, as it would for a
user. Before timing, every contender's answer is checked (23 models; the created model's id), and
the server's counters show how many connections each opened for a few calls (0 with keep-alive).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import http.client
import json
import subprocess
import sys
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from pieces_os_client.api.models_api import ModelsApi
from pieces_os_client.api_client import ApiClient
from pieces_os_client.configuration import Configuration
from pieces_os_client.models.seeded_model import SeededModel as SdkSeededModel

from bench import ROOT, bodies
from bench.timing import Comparison, Contender, Plan, async_calls, calls, compare
from pieces_models_client import Client
from pieces_models_client.api.models import models_create_new_model, models_snapshot
from pieces_models_client.models import Models, SeededModel

KEEP_ALIVE_CALLS = 10


@contextlib.contextmanager
def running_server() -> Iterator[str]:
    """Start bench.server in its own process; yield its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.server"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        line = process.stdout.readline()
        if not line.strip().isdigit():
            raise RuntimeError(f"bench.server did not start (it printed {line!r})")
        port = int(line)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class ServerStats:
    """The server's connection and request counters, read over a connection of their own."""

    def __init__(self, url: str) -> None:
        self._connection = http.client.HTTPConnection(url.removeprefix("http://"))

    def connections(self) -> int:
        self._connection.request("GET", "/stats")
        return int(json.loads(self._connection.getresponse().read())["connections"])

    def close(self) -> None:
        self._connection.close()


@dataclass
class Operation:
    """One contender's call for one request: what to time, and how to check its answer."""

    call: Callable[[], object] | None
    async_call: Callable[[], Awaitable[object]] | None
    check: Callable[[Any], bool]


def _clients(url: str, loop: asyncio.AbstractEventLoop, stack: contextlib.ExitStack) -> dict[str, Any]:
    """One long-lived client per contender, closed by `stack`."""
    ours_sync = Client(base_url=url)
    stack.callback(lambda: ours_sync.get_httpx_client().close())
    ours_async = Client(base_url=url)
    stack.callback(lambda: loop.run_until_complete(ours_async.get_async_httpx_client().aclose()))
    api_client = ApiClient(Configuration(host=url))
    stack.callback(api_client.rest_client.pool_manager.clear)
    raw = stack.enter_context(httpx.Client(base_url=url))
    raw_async = httpx.AsyncClient(base_url=url)
    stack.callback(lambda: loop.run_until_complete(raw_async.aclose()))
    return {
        "ours sync": ours_sync,
        "ours async": ours_async,
        "sdk": ModelsApi(api_client),
        "raw httpx": raw,
        "raw httpx async": raw_async,
    }


def _operations(clients: dict[str, Any]) -> dict[str, dict[str, Operation]]:
    ours_sync, ours_async, sdk = clients["ours sync"], clients["ours async"], clients["sdk"]
    raw, raw_async = clients["raw httpx"], clients["raw httpx async"]
    created_id = bodies.created_model_data()["id"]
    seeded = SeededModel.from_dict(bodies.seeded_model_data())
    sdk_seeded = SdkSeededModel.from_dict(bodies.seeded_model_data())
    post = {"url": "/models/create", "content": bodies.seeded_model()}
    post["headers"] = {"Content-Type": "application/json"}

    def snapshot_ok(models: Any) -> bool:
        return len(models.iterable) == 23 and models.iterable[0].id == bodies.model_id(0)

    def raw_snapshot_ok(data: Any) -> bool:
        return len(data["iterable"]) == 23 and data["iterable"][0]["id"] == bodies.model_id(0)

    def created_ok(model: Any) -> bool:
        return model.id == created_id

    def raw_created_ok(data: Any) -> bool:
        return data["id"] == created_id

    async def raw_async_get() -> Any:
        return json.loads((await raw_async.get("/models")).content)

    async def raw_async_get_parse() -> Any:
        return Models.from_dict(json.loads((await raw_async.get("/models")).content))

    async def raw_async_post() -> Any:
        return json.loads((await raw_async.post(**post)).content)

    get_ours = functools.partial(models_snapshot.sync, client=ours_sync)
    get_ours_async = functools.partial(models_snapshot.asyncio, client=ours_async)
    create_ours = functools.partial(models_create_new_model.sync, client=ours_sync, body=seeded)
    create_ours_async = functools.partial(models_create_new_model.asyncio, client=ours_async, body=seeded)
    return {
        "GET /models": {
            "ours sync": Operation(get_ours, None, snapshot_ok),
            "ours async": Operation(None, get_ours_async, snapshot_ok),
            "sdk": Operation(sdk.models_snapshot, None, snapshot_ok),
            "raw httpx": Operation(lambda: json.loads(raw.get("/models").content), None, raw_snapshot_ok),
            "raw httpx async": Operation(None, raw_async_get, raw_snapshot_ok),
            "raw httpx async + parse": Operation(None, raw_async_get_parse, snapshot_ok),
        },
        "POST /models/create": {
            "ours sync": Operation(create_ours, None, created_ok),
            "ours async": Operation(None, create_ours_async, created_ok),
            "sdk": Operation(functools.partial(sdk.models_create_new_model, sdk_seeded), None, created_ok),
            "raw httpx": Operation(lambda: json.loads(raw.post(**post).content), None, raw_created_ok),
            "raw httpx async": Operation(None, raw_async_post, raw_created_ok),
        },
    }


def _once(operation: Operation, loop: asyncio.AbstractEventLoop) -> object:
    if operation.call is not None:
        return operation.call()
    assert operation.async_call is not None
    return loop.run_until_complete(operation.async_call())


def _contender(name: str, operation: Operation, loop: asyncio.AbstractEventLoop) -> Contender:
    if operation.call is not None:
        return Contender(name, calls(operation.call))
    assert operation.async_call is not None
    return Contender(name, async_calls(loop, operation.async_call))


def _check(
    request: str, operations: dict[str, Operation], loop: asyncio.AbstractEventLoop, stats: ServerStats
) -> dict[str, int]:
    """Fail unless every contender gets the right answer; return how many connections each opens for
    KEEP_ALIVE_CALLS further calls (0 when it keeps its connection alive)."""
    opened = {}
    for name, operation in operations.items():
        if not operation.check(_once(operation, loop)):
            raise RuntimeError(f"{name}: wrong answer to {request}")
        before = stats.connections()
        for _ in range(KEEP_ALIVE_CALLS):
            _once(operation, loop)
        opened[name] = stats.connections() - before
    return opened


def run(plan: Plan) -> tuple[dict[str, Comparison], dict[str, dict[str, int]]]:
    """Per request, the comparison; and per request and contender the connections opened in the check."""
    results: dict[str, Comparison] = {}
    opened: dict[str, dict[str, int]] = {}
    loop = asyncio.new_event_loop()
    try:
        with running_server() as url, contextlib.ExitStack() as stack:
            stats = ServerStats(url)
            stack.callback(stats.close)
            for request, operations in _operations(_clients(url, loop, stack)).items():
                opened[request] = _check(request, operations, loop, stats)
                contenders = [_contender(name, operation, loop) for name, operation in operations.items()]
                results[request] = compare(contenders, plan)
    finally:
        loop.close()
    return results, opened
