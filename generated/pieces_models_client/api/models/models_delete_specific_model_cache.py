"""POST /models/{model}/delete/cache: Delete a model's downloaded files (operation ``models-delete-specific-model-cache``)."""

from typing import Any, cast

import httpx

from ... import errors as _errors
from ...client import AuthenticatedClient, Client, path_segment, send, send_async
from ...models.model_delete_cache_input import ModelDeleteCacheInput
from ...models.model_delete_cache_output import ModelDeleteCacheOutput
from ...types import UNSET, Response, Unset, parse_json

OPERATION = "models-delete-specific-model-cache"


def _get_kwargs(
    model: str,
    *,
    body: ModelDeleteCacheInput | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {"Accept": "application/json"}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/models/{model}/delete/cache".format(
            model=path_segment(model, "model"),
        ),
        "headers": headers,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    return _kwargs


def _is_success(status_code: int) -> bool:
    return status_code == 200


def _is_declared(status_code: int) -> bool:
    return status_code == 200 or status_code == 500


def _parse_body(data: Any) -> ModelDeleteCacheOutput:
    response_200 = ModelDeleteCacheOutput.from_dict(data)

    return response_200


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ModelDeleteCacheOutput]:
    status_code = response.status_code
    parsed: ModelDeleteCacheOutput | None = None
    if status_code == 200:
        parsed = parse_json(response, OPERATION, _parse_body)
    elif client.raise_on_unexpected_status and not _is_declared(status_code):
        raise _errors.UnexpectedStatus(status_code, response.content, OPERATION, response.headers)
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def _unwrap(response: Response[ModelDeleteCacheOutput]) -> ModelDeleteCacheOutput:
    if not _is_success(response.status_code):
        error = _errors.ApiError if _is_declared(response.status_code) else _errors.UnexpectedStatus
        raise error(response.status_code, response.content, OPERATION, response.headers)
    return cast(ModelDeleteCacheOutput, response.parsed)


def sync_detailed(
    model: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelDeleteCacheInput | Unset = UNSET,
) -> Response[ModelDeleteCacheOutput]:
    """Delete a model's downloaded files

    Frees the disk space a local model uses by deleting its downloaded weights, while keeping the model
    itself in the registry so that it can be downloaded again later.

    Args:
        model (str): The id of the model to act on.
        body (ModelDeleteCacheInput | Unset): The optional body of a cache deletion.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused, errors.RequestTimeout when Client.timeout is exceeded).
        errors.InvalidParameter: a path parameter that cannot be sent ("", "." or ".."), before sending.

    Returns:
        Response[ModelDeleteCacheOutput]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs(
        model=model,
        body=body,
    )
    response = send(client.get_httpx_client(), kwargs, OPERATION)
    return _build_response(client=client, response=response)


def sync(
    model: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelDeleteCacheInput | Unset = UNSET,
) -> ModelDeleteCacheOutput:
    """Delete a model's downloaded files

    Frees the disk space a local model uses by deleting its downloaded weights, while keeping the model
    itself in the registry so that it can be downloaded again later.

    Args:
        model (str): The id of the model to act on.
        body (ModelDeleteCacheInput | Unset): The optional body of a cache deletion.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused, errors.RequestTimeout when Client.timeout is exceeded).
        errors.InvalidParameter: a path parameter that cannot be sent ("", "." or ".."), before sending.

    Returns:
        ModelDeleteCacheOutput
    """

    return _unwrap(
        sync_detailed(
            model=model,
            client=client,
            body=body,
        )
    )


async def asyncio_detailed(
    model: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelDeleteCacheInput | Unset = UNSET,
) -> Response[ModelDeleteCacheOutput]:
    """Delete a model's downloaded files

    Frees the disk space a local model uses by deleting its downloaded weights, while keeping the model
    itself in the registry so that it can be downloaded again later.

    Args:
        model (str): The id of the model to act on.
        body (ModelDeleteCacheInput | Unset): The optional body of a cache deletion.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused, errors.RequestTimeout when Client.timeout is exceeded).
        errors.InvalidParameter: a path parameter that cannot be sent ("", "." or ".."), before sending.

    Returns:
        Response[ModelDeleteCacheOutput]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs(
        model=model,
        body=body,
    )
    response = await send_async(client.get_async_httpx_client(), kwargs, OPERATION)
    return _build_response(client=client, response=response)


async def asyncio(
    model: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelDeleteCacheInput | Unset = UNSET,
) -> ModelDeleteCacheOutput:
    """Delete a model's downloaded files

    Frees the disk space a local model uses by deleting its downloaded weights, while keeping the model
    itself in the registry so that it can be downloaded again later.

    Args:
        model (str): The id of the model to act on.
        body (ModelDeleteCacheInput | Unset): The optional body of a cache deletion.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused, errors.RequestTimeout when Client.timeout is exceeded).
        errors.InvalidParameter: a path parameter that cannot be sent ("", "." or ".."), before sending.

    Returns:
        ModelDeleteCacheOutput
    """

    return _unwrap(
        await asyncio_detailed(
            model=model,
            client=client,
            body=body,
        )
    )
