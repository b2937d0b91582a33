"""Recordings: VCR.py cassettes, one per scenario, read and written with vcrpy's own serializer.

A cassette is the YAML that vcrpy writes (``version: 1``, ``interactions``), so any VCR.py user can
read it and ``vcr.use_cassette`` can replay it. Where each recording came from is kept under vcrpy's
own ``metadata`` key (``metadata.provenance``), which vcrpy preserves when it rewrites a cassette; a
comment at the top of the file says it too.

Each interaction keeps the request as the client sent it: method, the URI with the path exactly as
sent (percent-encoding included) and the query, the headers that matter (REQUEST_HEADERS) and the
body; and the response: status and reason, the headers that matter (RESPONSE_HEADERS) and the body,
decoded. Request URIs always use RECORDING_HOST (Pieces OS's default address), whatever server was
recorded; the provenance names the real one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from vcr import serialize
from vcr.request import Request
from vcr.serializers import yamlserializer

from tools import RECORDINGS

RECORDING_HOST = "http://localhost:1000"
REQUEST_HEADERS = ("accept", "content-type")
RESPONSE_HEADERS = ("content-type",)
SUFFIX = ".yaml"


@dataclass
class Interaction:
    """One recorded exchange: a vcrpy Request and vcrpy's response mapping."""

    request: Request
    response: dict[str, Any]
    cassette: str = ""
    index: int = 0

    @property
    def method(self) -> str:
        return self.request.method

    @property
    def target(self) -> str:
        """The path and query exactly as sent, such as ``/models/hf.co%2Forg/delete``."""
        parts = urlsplit(self.request.uri)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    @property
    def path(self) -> str:
        return urlsplit(self.request.uri).path

    @property
    def request_body(self) -> bytes | None:
        body = self.request.body
        return body if body else None

    @property
    def request_headers(self) -> dict[str, str]:
        return {name.lower(): value for name, value in self.request.headers.items()}

    @property
    def status(self) -> int:
        return int(self.response["status"]["code"])

    @property
    def reason(self) -> str:
        return str(self.response["status"].get("message") or "")

    @property
    def response_headers(self) -> dict[str, str]:
        return {
            name.lower(): values[0] for name, values in self.response.get("headers", {}).items() if values
        }

    @property
    def content_type(self) -> str:
        return self.response_headers.get("content-type", "")

    @property
    def response_body(self) -> bytes:
        body = self.response.get("body", {}).get("string")
        return body.encode() if isinstance(body, str) else (body or b"")

    @property
    def label(self) -> str:
        """``models_snapshot #0 (GET /models -> 200)``: names the recording in messages."""
        return f"{self.cassette} #{self.index} ({self.method} {self.target} -> {self.status})"


@dataclass
class Cassette:
    """The recording of one scenario."""

    name: str
    interactions: list[Interaction]
    provenance: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index, interaction in enumerate(self.interactions):
            interaction.cassette, interaction.index = self.name, index

    @property
    def captured_live(self) -> bool:
        return bool(self.provenance.get("captured_live"))


def make_request(method: str, target: str, headers: Mapping[str, str], body: bytes | None) -> Request:
    """A vcrpy Request for a request as sent: ``target`` is the raw path and query.

    No body is recorded as an empty one (``body: ''``), as vcrpy itself records an httpx request.
    """
    kept = {name.lower(): value for name, value in headers.items() if name.lower() in REQUEST_HEADERS}
    return Request(method.upper(), RECORDING_HOST + target, body or b"", kept)


def make_response(status: int, reason: str, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
    """vcrpy's response mapping for a response as received (body decoded)."""
    kept = {name.lower(): [value] for name, value in headers.items() if name.lower() in RESPONSE_HEADERS}
    return {"status": {"code": status, "message": reason}, "headers": kept, "body": {"string": body}}


def _header(cassette: Cassette) -> str:
    provenance = cassette.provenance
    if provenance.get("captured_live"):
        origin = (
            f"CAPTURED LIVE from Pieces OS at {provenance.get('pieces_os_url')} on {provenance.get('date')}"
        )
    else:
        origin = "SYNTHESIZED, not captured from a live Pieces OS"
    return (
        f'# VCR.py cassette of the contract scenario "{cassette.name}" (tools/scenarios.py).\n'
        f"# {origin}: see metadata.provenance below the interactions.\n"
        "# Rebuild the synthesized recordings: .venv/bin/python -m tools.record --synthesize\n"
        "# Re-record from a live Pieces OS: make record PIECES_OS_URL=http://localhost:1000\n"
    )


def dumps(cassette: Cassette) -> str:
    """The cassette as YAML, written by vcrpy's serializer, with a provenance comment on top."""
    data = {
        "requests": [interaction.request for interaction in cassette.interactions],
        "responses": [interaction.response for interaction in cassette.interactions],
        "metadata": {"provenance": cassette.provenance},
    }
    return _header(cassette) + serialize.serialize(data, yamlserializer)


def loads(text: str, name: str) -> Cassette:
    """A cassette from YAML, read by vcrpy's deserializer."""
    requests, responses, *metadata = serialize.deserialize(text, yamlserializer)
    provenance = metadata[0].get("provenance", {}) if metadata else {}
    interactions = [
        Interaction(request, response) for request, response in zip(requests, responses, strict=True)
    ]
    return Cassette(name, interactions, provenance)


def path_of(name: str, directory: Path = RECORDINGS) -> Path:
    return directory / f"{name}{SUFFIX}"


def save(cassette: Cassette, directory: Path = RECORDINGS) -> Path:
    path = path_of(cassette.name, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(cassette), encoding="utf-8")
    return path


def load(path: Path) -> Cassette:
    return loads(path.read_text(encoding="utf-8"), path.name.removesuffix(SUFFIX))


def load_all(directory: Path = RECORDINGS) -> list[Cassette]:
    """Every cassette in ``directory``, by name."""
    return [load(path) for path in sorted(directory.glob(f"*{SUFFIX}"))]


def load_named(names: Iterable[str], directory: Path = RECORDINGS) -> list[Cassette]:
    """The named cassettes, in the order given; a missing one raises FileNotFoundError naming it."""
    cassettes = []
    for name in names:
        path = path_of(name, directory)
        if not path.is_file():
            known = ", ".join(p.name.removesuffix(SUFFIX) for p in sorted(directory.glob(f"*{SUFFIX}")))
            raise FileNotFoundError(f"no recording named {name!r} in {directory} (known: {known})")
        cassettes.append(load(path))
    return cassettes
