"""POST /models/create: Register a new model (operation ``models-create-new-model``)."""

from typing import Any, cast

import httpx

from ... import errors as _errors
from ...client import AuthenticatedClient, Client, send, send_async
from ...models.model import Model
from ...models.seeded_model import SeededModel
from ...types import UNSET, Response, Unset, parse_json

OPERATION = "models-create-new-model"


def _get_kwargs(
    *,
    body: SeededModel | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {"Accept": "application/json"}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/models/create",
        "headers": headers,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    return _kwargs


def _is_success(status_code: int) -> bool:
    return status_code == 200


def _is_declared(status_code: int) -> bool:
    return status_code == 200 or status_code == 500


def _parse_body(data: Any) -> Model:
    response_200 = Model.from_dict(data)

    return response_200


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Model]:
    status_code = response.status_code
    parsed: Model | None = None
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


def _unwrap(response: Response[Model]) -> Model:
    if not _is_success(response.status_code):
        error = _errors.ApiError if _is_declared(response.status_code) else _errors.UnexpectedStatus
        raise error(response.status_code, response.content, OPERATION, response.headers)
    return cast(Model, response.parsed)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeededModel | Unset = UNSET,
) -> Response[Model]:
    """Register a new model

    Adds a model to the registry, typically a custom or locally imported one, and returns it with the id
    Pieces OS assigned to it.

    Args:
        body (SeededModel | Unset): What a client sends to register a model: the fields of a Model
            that the caller knows before Pieces OS has assigned an id. `bytes` is the size of the
            weights on disk, `ram` the memory the model needs once loaded.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused, errors.RequestTimeout when Client.timeout is exceeded).

    Returns:
        Response[Model]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs(
        body=body,
    )
    response = send(client.get_httpx_client(), kwargs, OPERATION)
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SeededModel | Unset = UNSET,
) -> Model:
    """Register a new model

    Adds a model to the registry, typically a custom or locally imported one, and returns it with the id
    Pieces OS assigned to it.

    Args:
        body (SeededModel | Unset): What a client sends to register a model: the fields of a Model
            that the caller knows before Pieces OS has assigned an id. `bytes` is the size of the
            weights on disk, `ram` the memory the model needs once loaded.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused, errors.RequestTimeout when Client.timeout is exceeded).

    Returns:
        Model
    """

    return _unwrap(
        sync_detailed(
            client=client,
            body=body,
        )
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeededModel | Unset = UNSET,
) -> Response[Model]:
    """Register a new model

    Adds a model to the registry, typically a custom or locally imported one, and returns it with the id
    Pieces OS assigned to it.

    Args:
        body (SeededModel | Unset): What a client sends to register a model: the fields of a Model
            that the caller knows before Pieces OS has assigned an id. `bytes` is the size of the
            weights on disk, `ram` the memory the model needs once loaded.

    Raises:
        errors.UnexpectedStatus: the status code is not declared for this operation and
            Client.raise_on_unexpected_status is True (otherwise any status code is returned).
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused, errors.RequestTimeout when Client.timeout is exceeded).

    Returns:
        Response[Model]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs(
        body=body,
    )
    response = await send_async(client.get_async_httpx_client(), kwargs, OPERATION)
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SeededModel | Unset = UNSET,
) -> Model:
    """Register a new model

    Adds a model to the registry, typically a custom or locally imported one, and returns it with the id
    Pieces OS assigned to it.

    Args:
        body (SeededModel | Unset): What a client sends to register a model: the fields of a Model
            that the caller knows before Pieces OS has assigned an id. `bytes` is the size of the
            weights on disk, `ram` the memory the model needs once loaded.

    Raises:
        errors.ApiError: the status code is not the success status (errors.UnexpectedStatus when the
            OpenAPI document does not declare it at all); it carries the status, body and operation.
        errors.ResponseParseError: a success response whose body does not match the OpenAPI document.
        errors.TransportError: no complete response (errors.ServerUnreachable when the connection is
            refused, errors.RequestTimeout when Client.timeout is exceeded).

    Returns:
        Model
    """

    return _unwrap(
        await asyncio_detailed(
            client=client,
            body=body,
        )
    )
