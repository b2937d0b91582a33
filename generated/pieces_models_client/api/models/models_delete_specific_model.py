"""POST /models/{model}/delete: Remove a model from the registry (operation ``models-delete-specific-model``)."""

from typing import Any

import httpx

from ... import errors as _errors
from ...client import AuthenticatedClient, Client, path_segment, send, send_async
from ...types import Response

OPERATION = "models-delete-specific-model"


def _get_kwargs(
    model: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {"Accept": "text/plain"}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/models/{model}/delete".format(
            model=path_segment(model, "model"),
        ),
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
    model: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[None]:
    """Remove a model from the registry

    Deletes the model with the given id. Nothing is returned on success.

    Args:
        model (str): The id of the model to act on.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.
        errors.InvalidParameter: an argument that cannot be sent (a path parameter that is not a str,
            or is "", "." or "..", or too long); raised before anything is sent.

    Returns:
        Response[None]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs(
        model=model,
    )
    return _build_response(client=client, received=send(client, kwargs, OPERATION))


def sync(
    model: str,
    *,
    client: AuthenticatedClient | Client,
) -> None:
    """Remove a model from the registry

    Deletes the model with the given id. Nothing is returned on success.

    Args:
        model (str): The id of the model to act on.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.
        errors.InvalidParameter: an argument that cannot be sent (a path parameter that is not a str,
            or is "", "." or "..", or too long); raised before anything is sent.

    Returns:
        None: the operation has no response body.
    """

    return _unwrap(
        sync_detailed(
            model=model,
            client=client,
        )
    )


async def asyncio_detailed(
    model: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[None]:
    """Remove a model from the registry

    Deletes the model with the given id. Nothing is returned on success.

    Args:
        model (str): The id of the model to act on.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.
        errors.InvalidParameter: an argument that cannot be sent (a path parameter that is not a str,
            or is "", "." or "..", or too long); raised before anything is sent.

    Returns:
        Response[None]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs(
        model=model,
    )
    return _build_response(client=client, received=await send_async(client, kwargs, OPERATION))


async def asyncio(
    model: str,
    *,
    client: AuthenticatedClient | Client,
) -> None:
    """Remove a model from the registry

    Deletes the model with the given id. Nothing is returned on success.

    Args:
        model (str): The id of the model to act on.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.
        errors.InvalidParameter: an argument that cannot be sent (a path parameter that is not a str,
            or is "", "." or "..", or too long); raised before anything is sent.

    Returns:
        None: the operation has no response body.
    """

    return _unwrap(
        await asyncio_detailed(
            model=model,
            client=client,
        )
    )
