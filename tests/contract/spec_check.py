"""Validate recorded exchanges against an OpenAPI document with openapi-core, naming the field at fault;
with ``strict_fields``, undeclared fields are refused too."""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from tests.contract.recordings import operation_of
from tests.support.round_trip import location
from tools.cassettes import Interaction
from tools.endpoints import load_spec

ENUM_SHOWN = 5
SCHEMA_ERRORS_SHOWN = 10


def build(spec_dict: dict[str, Any], strict_fields: bool = False) -> OpenAPI:
    """openapi-core's reading of a copy of ``spec_dict``; ``strict_fields``: its object schemas with
    properties allow no other field."""
    spec_dict = copy.deepcopy(spec_dict)
    for schema in spec_dict["components"]["schemas"].values():
        if strict_fields and "properties" in schema:
            schema.setdefault("additionalProperties", False)
    return OpenAPI.from_dict(spec_dict)


@functools.cache
def shipped(strict_fields: bool = False) -> OpenAPI:
    """openapi/models.yaml as openapi-core reads it (strict: undeclared fields refused)."""
    return build(load_spec(), strict_fields)


def _message(error: Any) -> str:
    if error.validator != "enum":
        return error.message
    values = list(error.validator_value)
    shown = ", ".join(map(repr, values[:ENUM_SHOWN])) + ", ..." * (len(values) > ENUM_SHOWN)
    return f"{error.instance!r} is not one of the {len(values)} values the spec lists ({shown})"


def _explain(where: str, error: Exception) -> Iterator[str]:
    schema_errors = list(getattr(error.__cause__, "schema_errors", ()))
    if not schema_errors:
        yield f"{where}: {error}"
    for schema_error in schema_errors[:SCHEMA_ERRORS_SHOWN]:
        yield f"{where} body {location(tuple(schema_error.absolute_path))}: {_message(schema_error)}"
    if len(schema_errors) > SCHEMA_ERRORS_SHOWN:
        yield f"{where} body: ... and {len(schema_errors) - SCHEMA_ERRORS_SHOWN} more like these"


def problems(interaction: Interaction, api: OpenAPI) -> list[str]:
    """Everything in the recorded exchange that ``api`` does not allow, one line each."""
    sent = urlsplit(interaction.request.uri)
    request = MockRequest(
        f"{sent.scheme}://{sent.netloc}",
        interaction.method.lower(),
        sent.path,
        args=dict(parse_qsl(sent.query)),
        headers=interaction.request.headers,
        data=interaction.request_body,
        content_type=interaction.request.headers.get("content-type", ""),
    )
    out = [line for error in api.iter_request_errors(request) for line in _explain("request", error)]
    content_type = interaction.content_type
    headers = {"content-type": content_type} if content_type else {}
    response = MockResponse(interaction.response_body, interaction.status, headers, content_type=content_type)
    out += [
        line for error in api.iter_response_errors(request, response) for line in _explain("response", error)
    ]
    endpoint = operation_of(interaction).endpoint
    if interaction.request_body and endpoint.body is None:
        out.append("request: a body was sent, but the operation declares no request body")
    if interaction.response_body and not endpoint.responses.get(str(interaction.status)):
        out.append(f"response: status {interaction.status} declares no content, but the body is not empty")
    return out
