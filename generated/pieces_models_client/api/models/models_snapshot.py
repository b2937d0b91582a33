"""GET /models: List every model Pieces OS knows about (operation ``models-snapshot``)."""

from typing import Any, cast

import httpx

from ... import errors as _errors
from ...client import AuthenticatedClient, Client, send, send_async
from ...models.models import Models
from ...types import Response, parse_json

OPERATION = "models-snapshot"


def _get_kwargs() -> dict[str, Any]:
    headers: dict[str, Any] = {"Accept": "application/json"}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/models",
        "headers": headers,
    }

    return _kwargs


def _is_success(status_code: int) -> bool:
    return status_code == 200


def _is_declared(status_code: int) -> bool:
    return status_code == 200 or status_code == 500


def _parse_body(data: Any) -> Models:
    response_200 = Models.from_dict(data)

    return response_200


def _build_response(
    *, client: AuthenticatedClient | Client, received: tuple[int, bytes, httpx.Headers]
) -> Response[Models]:
    status_code, content, headers = received
    parsed: Models | None = None
    if status_code == 200:
        parsed = parse_json(status_code, content, OPERATION, _parse_body)
    elif client.raise_on_unexpected_status and not _is_declared(status_code):
        raise _errors.UnexpectedStatus(status_code, content, OPERATION, headers)
    return Response(
        status_code=status_code,
        content=content,
        headers=headers,
        parsed=parsed,
    )


def _unwrap(response: Response[Models]) -> Models:
    if not _is_success(response.status_code):
        error = _errors.ApiError if _is_declared(response.status_code) else _errors.UnexpectedStatus
        raise error(response.status_code, response.content, OPERATION, response.headers)
    return cast(Models, response.parsed)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Models]:
    """List every model Pieces OS knows about

    Returns the whole model registry in one body: cloud, local, custom and internal models, with their
    download and load state, context-window sizes and capabilities.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.

    Returns:
        Response[Models]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs()
    return _build_response(client=client, received=send(client, kwargs, OPERATION))


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Models:
    """List every model Pieces OS knows about

    Returns the whole model registry in one body: cloud, local, custom and internal models, with their
    download and load state, context-window sizes and capabilities.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.

    Returns:
        Models
    """

    return _unwrap(
        sync_detailed(
            client=client,
        )
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Models]:
    """List every model Pieces OS knows about

    Returns the whole model registry in one body: cloud, local, custom and internal models, with their
    download and load state, context-window sizes and capabilities.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.

    Returns:
        Response[Models]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs()
    return _build_response(client=client, received=await send_async(client, kwargs, OPERATION))


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Models:
    """List every model Pieces OS knows about

    Returns the whole model registry in one body: cloud, local, custom and internal models, with their
    download and load state, context-window sizes and capabilities.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.

    Returns:
        Models
    """

    return _unwrap(
        await asyncio_detailed(
            client=client,
        )
    )
