"""A small stateful Pieces OS stand-in for testing record mode end to end (it plays the live server).

It keeps a model registry that starts as the 23-model snapshot: create adds a model with a fresh id,
delete removes one, deleting the cache of a known model answers its reference, and an unknown id gets
Pieces OS's 500 text error. It answers from its own state, not from the scenarios' answers.
"""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any
from urllib.parse import unquote

from tests.support.loopback import Reply
from tools.scenarios import SCHEMA, SNAPSHOT_FILE


class FakePiecesOS:
    def __init__(self) -> None:
        snapshot = json.loads(SNAPSHOT_FILE.read_bytes())
        self.registry: dict[str, dict[str, Any]] = {model["id"]: model for model in snapshot["iterable"]}
        self.created = 0
        self._lock = threading.Lock()

    @staticmethod
    def _json(data: Any) -> Reply:
        return Reply(200, json.dumps(data).encode(), "application/json")

    @staticmethod
    def _unknown(model_id: str) -> Reply:
        return Reply(500, f"no model with id {model_id}".encode(), "text/plain; charset=utf-8")

    def __call__(self, request: Any, handler: Any) -> Reply:
        with self._lock:
            return self._answer(request.method, request.path, request.body)

    def _answer(self, method: str, path: str, body: bytes) -> Reply:
        parts = path.strip("/").split("/")
        if (method, parts) == ("GET", ["models"]):
            return self._json({"schema": SCHEMA, "iterable": list(self.registry.values())})
        if (method, parts) == ("POST", ["models", "unload"]):
            return Reply(204)
        if (method, parts) == ("POST", ["models", "create"]):
            self.created += 1
            model_id = str(uuid.UUID(int=self.created))
            self.registry[model_id] = {"id": model_id, **json.loads(body), "loaded": False}
            return self._json(self.registry[model_id])
        model_id = unquote(parts[1]) if len(parts) > 2 else ""
        if method == "POST" and parts[2:] == ["delete"]:
            return Reply(204) if self.registry.pop(model_id, None) else self._unknown(model_id)
        if method == "POST" and parts[2:] == ["delete", "cache"]:
            if model_id not in self.registry:
                return self._unknown(model_id)
            return self._json({"schema": SCHEMA, "model": {"id": model_id}})
        return Reply(404, b"not found", "text/plain")
