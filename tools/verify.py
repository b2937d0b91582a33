"""``make verify``: a read-only drift report of what a running Pieces OS sends against openapi/models.yaml.

One ``GET /models`` with the generated client, to ``--url`` or what ``find_pieces_os()`` finds. Reported,
by schema and with the place in the spec to edit: new fields and enum values (the client's
``additional_properties`` and enum members whose ``is_known`` is False; schemas with
``additionalProperties: true`` are free-form and left alone), and wrong types, disallowed nulls, missing
required fields and other invalid values (openapi-schema-validator's OAS 3.1 validator on the raw body).
What the client cannot read is listed as unread. Exit 0: the spec covers it; 1: it does not; 2: nothing
answers like Pieces OS (unreachable, not 200, not JSON, no ``iterable`` list).
"""

from __future__ import annotations

import argparse
import copy
import functools
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any

import attrs
import yaml
from openapi_python_client.utils import PythonIdentifier
from openapi_schema_validator import OAS31Validator, oas31_format_checker

from pieces_models_client import Client, errors, find_pieces_os
from pieces_models_client.api.models import models_snapshot
from pieces_models_client.client import PIECES_OS_URL_VARIABLE
from pieces_models_client.models import Models
from tools import SPEC
from tools.endpoints import by_name, load_spec, resolve, schemas

ENDPOINT = by_name("models_snapshot")
# kind: (its label in the report, what the server sent, what to edit), in the report's order
KINDS = {
    "field": ("new field", "{path}: {times}, e.g. {sample}", "add it to"),
    "enum": ("new value", "{name} at {path}: {times}", "add it to"),
    "type": ("wrong type", "{path}: {times}, e.g. {sample}; the spec says {expected}", "fix"),
    "null": ("null", "{path}: null {times}, which the spec does not allow", 'add "null" to the type at'),
    "required": ("missing", "{path}: missing {times}, but required", "drop {name} from"),
    "invalid": ("invalid", "{path}: {times}, {message}", "fix"),
}
Path = list[str | int]


class NotPiecesOS(Exception):
    """Nothing answers like Pieces OS: exit 2."""


@dataclass
class Finding:
    schema: str  # the schema to edit: "Model", "ModelFoundationEnum"
    kind: str  # one of KINDS
    name: str  # the field (new, wrong, null or missing), or the new enum value
    path: str  # where in the body, any list index as [*]: "iterable[*].maxTokens.cached"
    spec: str  # the place in the spec to edit: "components.schemas.ModelMaxTokens.properties"
    line: int | None  # that place's line in openapi/models.yaml
    sample: Any  # a value as received (None for a missing field)
    first: str  # where it was first seen: "iterable[1].maxTokens.cached"
    expected: Any = None  # the spec's type (wrong type, null), or the validator's message (invalid)
    count: int = 0  # how many times it was seen: for a path under iterable, how many models


@dataclass
class Report:
    url: str
    source: str  # "given" (--url), PIECES_OS_URL_VARIABLE or "discovery"
    models: int
    findings: list[Finding]
    unread: list[dict[str, str]]  # path, reason

    @property
    def exit_code(self) -> int:
        return 1 if self.findings or self.unread else 0


def location(path: Path, any_index: bool = False) -> str:
    """``iterable[3].maxTokens`` (``iterable[*].maxTokens`` with any_index), as the client writes paths."""
    out = ""
    for key in path:
        out += ("[*]" if any_index else f"[{key}]") if isinstance(key, int) else (f".{key}" if out else key)
    return out or "<body>"


@functools.cache
def _spec_nodes() -> yaml.Node:
    return yaml.compose(SPEC.read_text(encoding="utf-8"))


def spec_line(pointer: Sequence[str]) -> int | None:
    """The line in openapi/models.yaml of the key at ``pointer`` (of its nearest parent that is there)."""
    node, line = _spec_nodes(), None
    for part in pointer:
        pairs = node.value if isinstance(node, yaml.MappingNode) else []
        found = next(((key, value) for key, value in pairs if key.value == part), None)
        if found is None:
            break
        line, node = found[0].start_mark.line + 1, found[1]
    return line


def fetch(url: str) -> dict[str, Any]:
    """The JSON body of ``GET /models`` at ``url``, sent by the generated client; or NotPiecesOS (or the
    client's error when nothing answers)."""
    with Client(base_url=url) as client:
        try:
            response = models_snapshot.sync_detailed(client=client)
            status, content = response.status_code, response.content
        except errors.ResponseParseError as error:  # a 200 the client cannot read: looked at below
            status, content = error.status_code, error.content or b""
    where = f"{ENDPOINT.method} {url}{ENDPOINT.path}"
    if status != ENDPOINT.success_status:
        raise NotPiecesOS(f"{where} answered HTTP {status}, not {ENDPOINT.success_status}: is it Pieces OS?")
    try:
        body = json.loads(content)
    except ValueError:
        raise NotPiecesOS(f"{where} answered {content[:60]!r}, not JSON: is it Pieces OS?") from None
    if not isinstance(body, dict) or not isinstance(body.get("iterable"), list):
        raise NotPiecesOS(f"{where} answered JSON that is not an object with an `iterable` list")
    return body


def read(body: dict[str, Any]) -> tuple[Models, Callable[[Path], Path], list[tuple[Path, Path, str]]]:
    """``body`` parsed by the generated client, leaving out what it cannot read: at each error, the value
    at its path, else the nearest enclosing value that is there (a model missing a required field).
    Also the function that turns a path of the parsed body into one of the body as received, and
    (left out, error path, reason) of each part left out, as paths of the body as received."""
    body, kept, left_out, causes = copy.deepcopy(body), {}, [], {}

    def received(path: Path) -> Path:  # a path of the pruned body, in the body as received
        out: Path = []
        for key in path:
            out.append(kept[tuple(out)][key] if isinstance(key, int) and tuple(out) in kept else key)
        return out

    while True:
        try:
            return Models.from_dict(body), received, left_out
        except errors.ResponseParseError as error:
            nodes = [body]  # the values along error.path that are there
            for key in error.path:
                if key not in (nodes[-1] if isinstance(nodes[-1], dict) else range(len(nodes[-1]))):
                    break
                nodes.append(nodes[-1][key])
            if len(nodes) == 1:
                raise
            parent, key = nodes[-2], error.path[len(nodes) - 2]
            gone, at = received(error.path[: len(nodes) - 1]), received(error.path)
            # a field missing because it was left out before: that one's cause
            at, reason = causes.get(location(at), (at, error.reason))
            causes[location(gone)] = at, reason
            left_out.append((gone, at, reason))
            if isinstance(parent, list):
                kept.setdefault(tuple(gone[:-1]), list(range(len(parent)))).pop(key)
            del parent[key]


@functools.cache
def json_keys(cls: type) -> dict[str, str]:
    """attrs field name -> JSON key, as the generator names fields (``maxTokens``: ``max_tokens``)."""
    properties = schemas()[cls.__name__].get("properties", {})
    return {PythonIdentifier(key, prefix="field_"): key for key in properties}


def unknowns(
    value: Any, path: Path, received: Callable[[Path], Path]
) -> Iterator[tuple[str, str, str, Path, Any, list[str], None]]:
    """(kind, schema, name, path as received, value, spec pointer, None) of each field and enum value of
    the parsed body that the client did not know, descending through the attrs fields of each model."""
    cls, pointer = type(value), ["components", "schemas", type(value).__name__]
    if attrs.has(cls):
        declared = schemas()[cls.__name__]
        if declared.get("additionalProperties") is not True:  # else free-form on purpose
            where = [*pointer, "properties"] if "properties" in declared else pointer
            for key, extra in value.additional_properties.items():
                yield "field", cls.__name__, key, received([*path, key]), extra, where, None
        for attribute in attrs.fields(cls):
            if attribute.name != "additional_properties":
                key = json_keys(cls)[attribute.name]
                yield from unknowns(getattr(value, attribute.name), [*path, key], received)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from unknowns(item, [*path, index], received)
    elif isinstance(value, Enum) and getattr(value, "is_known", True) is False:
        yield "enum", cls.__name__, value.value, received(path), value.value, [*pointer, "enum"], None


def spec_place(error: Any) -> list[str]:
    """The spec pointer to edit for a validation error: the property holding the wrong value, or the
    ``required`` list of the object's schema; ``$ref``s are followed on the way."""
    pointer, node = ["components", "schemas", ENDPOINT.response], schemas()[ENDPOINT.response]
    required, steps = error.validator == "required", list(error.absolute_schema_path)[:-1]
    for index, part in enumerate(steps):
        node, pointer = node[part], [*pointer, str(part)]
        if "$ref" in node and (required or index < len(steps) - 1):
            pointer, node = node["$ref"][2:].split("/"), resolve(node)
    return pointer + ["required"] * required


def invalid(body: dict[str, Any]) -> Iterator[tuple[str, str, str, Path, Any, list[str], Any]]:
    """(kind, schema, name, path, value, spec pointer, expected) of each value the spec does not allow,
    new enum values aside (``unknowns`` finds them)."""
    schema = {"$ref": f"#/components/schemas/{ENDPOINT.response}", "components": load_spec()["components"]}
    missing: set[tuple[str, str]] = set()  # jsonschema gives one error per missing field, each listing all
    for error in OAS31Validator(schema, format_checker=oas31_format_checker).iter_errors(body):
        path, pointer = list(error.absolute_path), spec_place(error)
        if error.validator == "required":
            for name in error.validator_value:
                if name not in error.instance and (location(path), name) not in missing:
                    missing.add((location(path), name))
                    yield "required", pointer[2], name, [*path, name], None, pointer, None
        elif error.validator != "enum":
            kind = ("null" if error.instance is None else "type") if error.validator == "type" else "invalid"
            expected = error.message if kind == "invalid" else error.validator_value
            yield kind, pointer[2], str(path[-1]) if path else "", path, error.instance, pointer, expected


def check(body: dict[str, Any], url: str, source: str) -> Report:
    """The drift report of ``body``, a Models object as received."""
    models, received, left_out = read(body)
    wrong = list(invalid(body))
    found: dict[tuple[str, str, str, str], Finding] = {}
    for kind, schema, name, path, value, pointer, expected in [*unknowns(models, [], received), *wrong]:
        key = (kind, schema, name, location(path, any_index=True))
        if key not in found:
            spec, line = ".".join(pointer), spec_line(pointer)
            found[key] = Finding(schema, kind, name, key[3], spec, line, value, location(path), expected)
        found[key].count += 1
    wrong_at = {location(path) for _, _, _, path, *_ in wrong}
    unread = [
        {"path": location(gone), "reason": reason + (f" at {location(at)}" if at != gone else "")}
        for gone, at, reason in left_out
        if location(gone) not in wrong_at  # a wrong value left out alone: reported above already
        and not any(gone[: len(other)] == other != gone for other, _, _ in left_out)  # inside another
    ]

    def order(f: Finding) -> tuple[int, int, str, str]:  # by schema as the spec orders them, then by kind
        return spec_line(["components", "schemas", f.schema]) or 0, [*KINDS].index(f.kind), f.path, f.name

    return Report(url, source, len(body["iterable"]), sorted(found.values(), key=order), unread)


def render(report: Report) -> str:
    """The report for people."""
    source = {"given": "given", "discovery": "found by discovery"}.get(report.source, f"from {report.source}")
    head = f"Pieces OS at {report.url} ({source}) sent {report.models} models"
    if not report.exit_code:
        return f"{head}: openapi/models.yaml covers all of it."
    lines = [f"{head}: openapi/models.yaml is behind ({len(report.findings)} findings).", ""]

    def shown(value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= 60 else text[:57] + "..."

    for schema, findings in itertools.groupby(report.findings, lambda f: f.schema):
        lines.append(schema)
        for f in findings:
            label, sent, edit = KINDS[f.kind]
            if f.path.startswith("iterable[*]"):
                times = f"in {f.count} model{'s' * (f.count != 1)}"
            else:
                times = "once" if f.count == 1 else f"{f.count} times"
            values = {"path": f.path, "times": times, "sample": shown(f.sample), "name": shown(f.name)}
            values.update(expected=shown(f.expected), message=f.expected)
            at = f"{f.spec} (openapi/models.yaml:{f.line})" if f.line else f.spec
            lines += [f"  {label:<11} {sent.format(**values)}", f"  {'':<11} {edit.format(**values)} {at}"]
    if report.unread:
        lines += ["", "Not read by the client, so not searched for new fields and values:"]
        lines += [f"  {item['path']}: {item['reason']}" for item in report.unread]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.verify", description=__doc__.split("\n")[0])
    parser.add_argument("--url", help=f"Pieces OS's URL (default: ${PIECES_OS_URL_VARIABLE}, else discovery)")
    parser.add_argument("--json", action="store_true", help="the same report as JSON, for tools")
    args = parser.parse_args(argv)
    url, source = args.url, "given"
    try:
        if not url:
            source = PIECES_OS_URL_VARIABLE if os.environ.get(PIECES_OS_URL_VARIABLE) else "discovery"
            url = find_pieces_os()
        report = check(fetch(url), url, source)
    except (NotPiecesOS, errors.PiecesModelsError) as error:
        if args.json:
            print(json.dumps({"url": url, "source": source, "error": str(error)}, indent=2))
        else:
            print(f"verify: nothing answers like Pieces OS: {error}", file=sys.stderr)
        return 2
    if args.json:
        out = {**asdict(report), "up_to_date": not report.exit_code}
        print(json.dumps(out, indent=2, ensure_ascii=False, default=str))
    else:
        print(render(report))
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
