"""POST /models/unload: Unload every local model from memory (operation ``unload-models``)."""

from typing import Any

import httpx

from ... import errors as _errors
from ...client import AuthenticatedClient, Client, send, send_async
from ...types import Response

OPERATION = "unload-models"


def _get_kwargs() -> dict[str, Any]:
    headers: dict[str, Any] = {"Accept": "text/plain"}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/models/unload",
        "headers": headers,
    }

    return _kwargs


def _is_success(status_code: int) -> bool:
    return status_code == 204


def _is_declared(status_code: int) -> bool:
    return status_code == 204 or status_code == 500


def _build_response(
    *, client: AuthenticatedClient | Client, received: tuple[int, bytes, httpx.Headers]
) -> Response[None]:
    status_code, content, headers = received
    if client.raise_on_unexpected_status and not _is_declared(status_code):
        raise _errors.UnexpectedStatus(status_code, content, OPERATION, headers)
    return Response(
        status_code=status_code,
        content=content,
        headers=headers,
        parsed=None,
    )


def _unwrap(response: Response[None]) -> None:
    if not _is_success(response.status_code):
        error = _errors.ApiError if _is_declared(response.status_code) else _errors.UnexpectedStatus
        raise error(response.status_code, response.content, OPERATION, response.headers)
    return None


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[None]:
    """Unload every local model from memory

    Releases the memory held by all loaded local models. The models stay downloaded and registered; they
    are loaded again the next time they are used. Nothing is returned on success.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.

    Returns:
        Response[None]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs()
    return _build_response(client=client, received=send(client, kwargs, OPERATION))


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> None:
    """Unload every local model from memory

    Releases the memory held by all loaded local models. The models stay downloaded and registered; they
    are loaded again the next time they are used. Nothing is returned on success.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.

    Returns:
        None: the operation has no response body.
    """

    return _unwrap(
        sync_detailed(
            client=client,
        )
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[None]:
    """Unload every local model from memory

    Releases the memory held by all loaded local models. The models stay downloaded and registered; they
    are loaded again the next time they are used. Nothing is returned on success.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.

    Returns:
        Response[None]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs()
    return _build_response(client=client, received=await send_async(client, kwargs, OPERATION))


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> None:
    """Unload every local model from memory

    Releases the memory held by all loaded local models. The models stay downloaded and registered; they
    are loaded again the next time they are used. Nothing is returned on success.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.

    Returns:
        None: the operation has no response body.
    """

    return _unwrap(
        await asyncio_detailed(
            client=client,
        )
    )
