"""`make verify` (python -m tools.verify): exit 0 against the recorded server, a report of exactly what a
newer server adds (exit 1), exit 2 when nothing answers like Pieces OS; and never a request but GET."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from typing import Any

import pytest
from werkzeug import Response

from pieces_models_client.client import HEALTH_PATH, PIECES_OS_URL_VARIABLE
from tests.support.discovery_range import claimed_range, pieces_os
from tests.support.endpoints import SNAPSHOT
from tests.support.loopback import Server
from tools import ROOT, SPEC, verify
from tools.cassettes import load_all
from tools.loopback import listener
from tools.recorded_server import RecordedServer

JSON = "application/json; charset=utf-8"
REFERENCE = {"subscription": {"plan": "enterprise", "seats": 40}, "users": [{"id": "u1", "admin": True}]}


def newer_snapshot() -> dict[str, Any]:
    """The 23-model snapshot as a newer Pieces OS might send it: new fields and enum values at several
    depths, a null where the spec allows none, a wrong type, a missing required field; and new content
    in the free-form ReferencedEntity.reference."""
    body = copy.deepcopy(SNAPSHOT)
    models = body["iterable"]
    body["cursor"] = "next-page"  # Models
    for index in (0, 3, 5):
        models[index]["reasoningEffort"] = "high"  # Model
    for index in (0, 4, 6, 7):
        models[index]["capabilities"]["audio"] = True  # ModelCapabilities
    models[1]["maxTokens"]["cached"] = 4096  # ModelMaxTokens
    models[2]["maxTokens"]["cached"] = 2048
    models[11]["ram"]["exact"] = True  # ByteDescriptor
    models[12]["created"]["schema"]["patch"] = 2  # EmbeddedModelSchema, three levels down
    models[1]["foundation"] = models[2]["foundation"] = "GPT_5"
    models[3]["foundation"] = "CLAUDE_5"
    models[14]["provider"] = models[18]["provider"] = "MISTRAL_AI"
    models[13]["description"] = None  # optional, not nullable
    models[15]["capabilities"]["images"] = "yes"  # optional boolean
    del models[16]["maxTokens"]["total"]  # required (and nullable)
    models[9]["organization"]["reference"] = REFERENCE  # free-form: not reported
    return body


# (schema, kind, name, path, spec place in components.schemas.<schema>, count) of every finding of the
# newer snapshot, in the report's order: by schema as the spec orders them, then by kind.
NEWER_FINDINGS = [
    ("Models", "field", "cursor", "cursor", "properties", 1),
    ("Model", "field", "reasoningEffort", "iterable[*].reasoningEffort", "properties", 3),
    ("Model", "null", "description", "iterable[*].description", "properties.description", 1),
    ("ByteDescriptor", "field", "exact", "iterable[*].ram.exact", "properties", 1),
    ("EmbeddedModelSchema", "field", "patch", "iterable[*].created.schema.patch", "properties", 1),
    ("ModelCapabilities", "field", "audio", "iterable[*].capabilities.audio", "properties", 4),
    ("ModelCapabilities", "type", "images", "iterable[*].capabilities.images", "properties.images", 1),
    ("ModelMaxTokens", "field", "cached", "iterable[*].maxTokens.cached", "properties", 2),
    ("ModelMaxTokens", "required", "total", "iterable[*].maxTokens.total", "required", 1),
    ("ExternalMLProviderEnum", "enum", "MISTRAL_AI", "iterable[*].provider", "enum", 2),
    ("ModelFoundationEnum", "enum", "CLAUDE_5", "iterable[*].foundation", "enum", 1),
    ("ModelFoundationEnum", "enum", "GPT_5", "iterable[*].foundation", "enum", 2),
]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """tools.verify's main(args), in this process: (exit code, stdout, stderr)."""
    code = verify.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, *args, "--json")
    return code, json.loads(out)


def serving(body: Any) -> Server:
    """A stand-in answering every request with ``body`` as JSON."""
    return Server(Response(json.dumps(body), 200, content_type=JSON))


def only_gets(server: Server) -> list[tuple[str, str]]:
    """The (method, path) of each request the server got, after checking there is no POST."""
    seen = [(request.method, request.path) for request in server.received]
    assert all(method == "GET" for method, _ in seen), seen
    return seen


def test_recorded_server_is_covered_by_the_spec(capsys):
    """Against the recorded server serving the shipped snapshot: exit 0, an empty report, one GET /models."""
    with RecordedServer(load_all(names=["models_snapshot"]), repeats=True) as server:
        code, report = run_json(capsys, "--url", server.url)
        human = run(capsys, "--url", server.url)
    assert code == 0
    assert (report["findings"], report["unread"], report["up_to_date"]) == ([], [], True)
    assert (report["url"], report["source"], report["models"]) == (server.url, "given", 23)
    assert human == (
        0,
        f"Pieces OS at {server.url} (given) sent 23 models: openapi/models.yaml covers all of it.\n",
        "",
    )
    assert [(r.method, r.path) for r in server.received] == [("GET", "/models")] * 2


def test_newer_server_findings_are_exactly_what_it_adds(capsys):
    """Against a newer-server snapshot: exit 1, and the JSON report lists exactly the findings, grouped by
    schema, with their paths, counts and the place in the spec to edit."""
    with serving(newer_snapshot()) as server:
        code, report = run_json(capsys, "--url", server.url)
    assert code == 1
    assert report["up_to_date"] is False
    found = [
        (
            f["schema"],
            f["kind"],
            f["name"],
            f["path"],
            f["spec"].removeprefix(f"components.schemas.{f['schema']}."),
            f["count"],
        )
        for f in report["findings"]
    ]
    assert all(f["spec"].startswith(f"components.schemas.{f['schema']}.") for f in report["findings"])
    assert found == NEWER_FINDINGS
    assert only_gets(server) == [("GET", "/models")]


def test_findings_carry_a_sample_the_first_place_and_the_spec_line(capsys):
    """Each finding has a sample value, where it was first seen, the spec's type where it matters, and the
    line of openapi/models.yaml where its spec place is."""
    with serving(newer_snapshot()) as server:
        _, report = run_json(capsys, "--url", server.url)
    by_name = {f["name"]: f for f in report["findings"]}
    picked = {
        name: (by_name[name]["sample"], by_name[name]["first"], by_name[name]["expected"])
        for name in (
            "cursor",
            "reasoningEffort",
            "cached",
            "patch",
            "GPT_5",
            "description",
            "images",
            "total",
        )
    }
    assert picked == {
        "cursor": ("next-page", "cursor", None),
        "reasoningEffort": ("high", "iterable[0].reasoningEffort", None),
        "cached": (4096, "iterable[1].maxTokens.cached", None),
        "patch": (2, "iterable[12].created.schema.patch", None),
        "GPT_5": ("GPT_5", "iterable[1].foundation", None),
        "description": (None, "iterable[13].description", "string"),
        "images": ("yes", "iterable[15].capabilities.images", "boolean"),
        "total": (None, "iterable[16].maxTokens.total", None),
    }
    lines = SPEC.read_text(encoding="utf-8").splitlines()
    for finding in report["findings"]:
        key = finding["spec"].rsplit(".", 1)[1]
        assert lines[finding["line"] - 1].strip().startswith(f"{key}:"), finding


def test_what_the_client_cannot_read_is_listed_as_unread(capsys):
    """maxTokens without its required total cannot be read by the client: it is listed as unread, with the
    reason, and is the only thing left unread."""
    with serving(newer_snapshot()) as server:
        _, report = run_json(capsys, "--url", server.url)
    assert report["unread"] == [
        {
            "path": "iterable[16].maxTokens",
            "reason": "required field is missing at iterable[16].maxTokens.total",
        }
    ]


def test_a_model_left_unread_does_not_shift_the_paths_of_the_others(capsys):
    """A model without its id is left unread as a whole; a new field in a later model keeps that model's
    own index in the body as received."""
    body = copy.deepcopy(SNAPSHOT)
    del body["iterable"][2]["id"]
    body["iterable"][5]["reasoningEffort"] = "low"
    with serving(body) as server:
        code, report = run_json(capsys, "--url", server.url)
    assert code == 1
    assert [(f["kind"], f["first"], f["spec"]) for f in report["findings"]] == [
        ("field", "iterable[5].reasoningEffort", "components.schemas.Model.properties"),
        ("required", "iterable[2].id", "components.schemas.Model.required"),
    ]
    assert report["unread"] == [
        {"path": "iterable[2]", "reason": "required field is missing at iterable[2].id"}
    ]


def test_free_form_reference_content_is_not_reported(capsys):
    """New content in ReferencedEntity.reference (FlattenedEntity, free-form in the spec) is left alone."""
    body = copy.deepcopy(SNAPSHOT)
    body["iterable"][9]["organization"]["reference"] = REFERENCE
    with serving(body) as server:
        code, report = run_json(capsys, "--url", server.url)
    assert (code, report["findings"], report["unread"]) == (0, [], [])


def test_human_report_of_python_m_tools_verify(tmp_path):
    """`python -m tools.verify` (what `make verify` runs) prints the report grouped by schema, each finding
    with the spec place to edit and its line, and exits 1."""
    with serving(newer_snapshot()) as server:
        result = subprocess.run(
            [sys.executable, "-m", "tools.verify", "--url", server.url],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        lines[0]
        == f"Pieces OS at {server.url} (given) sent 23 models: openapi/models.yaml is behind (12 findings)."
    )
    headers = [line for line in lines[1:] if line and not line.startswith(" ")]
    assert headers == [
        "Models",
        "Model",
        "ByteDescriptor",
        "EmbeddedModelSchema",
        "ModelCapabilities",
        "ModelMaxTokens",
        "ExternalMLProviderEnum",
        "ModelFoundationEnum",
        "Not read by the client, so not searched for new fields and values:",
    ]
    at = lines.index("ModelFoundationEnum")
    spec = SPEC.read_text(encoding="utf-8").splitlines()
    line = spec.index("      enum:", spec.index("    ModelFoundationEnum:")) + 1
    assert lines[at + 3 : at + 5] == [
        '  new value   "GPT_5" at iterable[*].foundation: in 2 models',
        f"              add it to components.schemas.ModelFoundationEnum.enum (openapi/models.yaml:{line})",
    ]
    assert "  null        iterable[*].description: null in 1 model, which the spec does not allow" in lines
    assert only_gets(server) == [("GET", "/models")]


@pytest.mark.parametrize(
    "answer",
    [
        Response("<html><body>Welcome to nginx!</body></html>", 200, content_type="text/html"),
        Response("Not Found", 404, content_type="text/plain"),
        Response(json.dumps({"models": []}), 200, content_type=JSON),
        Response(json.dumps([SNAPSHOT]), 200, content_type=JSON),
    ],
    ids=["html", "404", "json-without-iterable", "json-array"],
)
def test_a_server_not_answering_like_pieces_os_exits_2(capsys, answer: Response):
    """HTML, a 404 or JSON that is not a Models object: exit 2 and a message saying what came back."""
    with Server(answer) as server:
        code, out, err = run(capsys, "--url", server.url)
        json_code, report = run_json(capsys, "--url", server.url)
    assert (code, out, json_code) == (2, "", 2)
    assert err.startswith(f"verify: nothing answers like Pieces OS: GET {server.url}/models answered ")
    assert report["error"] in err
    assert only_gets(server) == [("GET", "/models")] * 2


def test_recorded_server_without_recordings_exits_2(capsys):
    """The recorded server serving nothing answers 404: exit 2."""
    with RecordedServer(repeats=True) as server:
        code, report = run_json(capsys, "--url", server.url)
    assert code == 2
    assert "answered HTTP 404, not 200" in report["error"]


def test_a_refused_port_exits_2(capsys):
    """Nothing listening: exit 2, naming the URL."""
    with listener() as sock:
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    code, out, err = run(capsys, "--url", url)
    assert (code, out) == (2, "")
    assert err.startswith("verify: nothing answers like Pieces OS: ")
    assert url in err


def test_without_url_it_uses_pieces_os_url_and_says_so(capsys, monkeypatch):
    """Without --url (make verify without PIECES_OS_URL=...), PIECES_OS_URL from the environment is used,
    and the report says so."""
    with RecordedServer(load_all(names=["models_snapshot"])) as server:
        monkeypatch.setenv(PIECES_OS_URL_VARIABLE, server.url)
        code, out, _ = run(capsys)
    assert (code, out.split(": ")[0]) == (
        0,
        f"Pieces OS at {server.url} (from {PIECES_OS_URL_VARIABLE}) sent 23 models",
    )


def test_without_url_or_variable_it_finds_pieces_os_and_says_so(capsys, monkeypatch):
    """With neither, discovery finds the stand-in Pieces OS in the 39300-39333 range; the report names its
    URL, and the stand-in saw only GETs: health probes and GET /models."""
    monkeypatch.delenv(PIECES_OS_URL_VARIABLE, raising=False)
    with claimed_range() as ports:
        server = ports.serve(pieces_os)
        ports.skip_if_shadowed(server.port)
        code, out, _ = run(capsys)
    assert code == 0
    assert out.startswith(f"Pieces OS at {server.url} (found by discovery) sent 23 models: "), out
    assert set(only_gets(server)) == {("GET", HEALTH_PATH), ("GET", "/models")}
