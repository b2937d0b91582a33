"""The recordings: VCR.py cassettes, one per scenario, recorded, read and matched by vcrpy itself.

A cassette keeps the request as sent (URI on RECORDING_HOST; Accept, Content-Type; body) and the response
(status, reason, Content-Type, decoded body); its provenance is in ``metadata.provenance`` and a comment.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from vcr import matchers
from vcr.cassette import Cassette
from vcr.errors import MissingMetadataError
from vcr.persisters.filesystem import FilesystemPersister
from vcr.request import Request
from vcr.serialize import serialize

from tools import RECORDINGS

RECORDING_HOST = "http://localhost:1000"


def _kept(headers: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name.lower(): value for name, value in headers.items() if name.lower() in names}


def keep_request(request: Request) -> Request:
    parts = urlsplit(request.uri)
    request.uri = RECORDING_HOST + parts.path + (f"?{parts.query}" if parts.query else "")
    request.headers = _kept(request.headers, ("accept", "content-type"))
    return request


def keep_response(response: dict[str, Any]) -> dict[str, Any]:
    return {**response, "headers": _kept(response["headers"], ("content-type",))}


RECORD_CONFIG = {
    "before_record_request": keep_request,
    "before_record_response": keep_response,
    "decode_compressed_response": True,
}


def _typed(request: Request) -> str | None:
    try:
        return json.dumps(json.loads(request.body), sort_keys=True) if request.body else None
    except ValueError:
        return None


def json_body(received: Request, recorded: Request) -> None:
    """vcrpy's body matcher (JSON compared as JSON, a diff when bodies differ), strict about JSON types."""
    matchers.body(received, recorded)
    if _typed(received) != _typed(recorded):
        raise AssertionError(
            "the JSON bodies are equal only if true/false are taken for 1/0 (or 1.0 for 1): "
            f"sent {_typed(received)}, recorded {_typed(recorded)}"
        )


class Persister(FilesystemPersister):
    """vcrpy's filesystem persister, with a comment on top saying where the cassette came from."""

    @staticmethod
    def save_cassette(cassette_path: Any, cassette_dict: dict[str, Any], serializer: Any) -> None:
        origin, source = cassette_dict["metadata"]["provenance"], "tests/contract/scenarios.yaml"
        said = "SYNTHESIZED, not captured from a live Pieces OS"
        if origin["captured_live"]:
            said = f"CAPTURED LIVE from Pieces OS at {origin['pieces_os_url']} on {origin['date']}"
        Path(cassette_path).write_text(
            f'# VCR.py cassette of the contract scenario "{origin["scenario"]}" ({source}).\n'
            f"# {said}: see metadata.provenance below the interactions.\n"
            "# Rebuild the synthesized recordings: .venv/bin/python -m tools.record --synthesize\n"
            "# Re-record from a live Pieces OS: make record PIECES_OS_URL=http://localhost:39300\n"
            + serialize(cassette_dict, serializer),
            encoding="utf-8",
        )


@dataclass(frozen=True)
class Interaction:
    """One recorded exchange as vcrpy loads it (a Request, a response mapping), and where it is recorded."""

    request: Request
    response: dict[str, Any]
    cassette: str
    index: int

    method = property(lambda self: self.request.method)
    target = property(lambda self: self.request.uri.removeprefix(RECORDING_HOST))  # path and query, as sent
    request_body = property(lambda self: self.request.body or None)
    status = property(lambda self: int(self.response["status"]["code"]))
    reason = property(lambda self: self.response["status"].get("message") or "")
    content_type = property(lambda self: (self.response["headers"].get("content-type") or [""])[0])
    response_body = property(lambda self: self.response["body"]["string"] or b"")
    __str__ = lambda self: f"{self.cassette}#{self.index}"  # noqa: E731  (its test id)

    @property
    def label(self) -> str:  # "models_snapshot #0 (GET /models -> 200)": names the recording in messages
        return f"{self.cassette} #{self.index} ({self.method} {self.target} -> {self.status})"


@dataclass(frozen=True)
class Recording:
    name: str
    interactions: list[Interaction]
    provenance: dict[str, Any]  # empty for a cassette from elsewhere


def path_of(name: str, directory: Path = RECORDINGS) -> Path:
    return directory / f"{name}.yaml"


def load(path: Path) -> Recording:
    cassette = Cassette.load(path=str(path), record_mode="none")
    interactions = [Interaction(*pair, path.stem, index) for index, pair in enumerate(cassette.data)]
    try:
        return Recording(path.stem, interactions, cassette.get_metadata("provenance", {}))
    except MissingMetadataError:
        return Recording(path.stem, interactions, {})


def load_all(directory: Path = RECORDINGS, names: Sequence[str] = ()) -> list[Recording]:
    """Every cassette of ``directory``, or the named ones in the order given (FileNotFoundError naming
    a missing one)."""
    known = sorted(path.stem for path in directory.glob("*.yaml"))
    if missing := [name for name in names if name not in known]:
        listed = ", ".join(known)
        raise FileNotFoundError(f"no recording named {missing[0]!r} in {directory} (known: {listed})")
    return [load(path_of(name, directory)) for name in names or known]
