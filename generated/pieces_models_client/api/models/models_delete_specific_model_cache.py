"""POST /models/{model}/delete/cache: Delete a model's downloaded files (operation ``models-delete-specific-model-cache``)."""

from typing import Any, cast

import httpx

from ... import errors as _errors
from ...client import AuthenticatedClient, Client, check_body, path_segment, send, send_async
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
        check_body(body, ModelDeleteCacheInput, required=False)
        try:
            _kwargs["json"] = body.to_dict()
        except _errors.InvalidParameter as exc:  # a naive datetime: exc names the field
            raise _errors.InvalidParameter("body", str(exc)) from exc
        except (AttributeError, TypeError, ValueError) as exc:  # a field holding a value of the wrong type
            raise _errors.InvalidParameter("body", f"cannot be written as JSON ({type(exc).__name__}: {exc})") from exc
    return _kwargs


def _is_success(status_code: int) -> bool:
    return status_code == 200


def _is_declared(status_code: int) -> bool:
    return status_code == 200 or status_code == 500


def _parse_body(data: Any) -> ModelDeleteCacheOutput:
    response_200 = ModelDeleteCacheOutput.from_dict(data)

    return response_200


def _build_response(
    *, client: AuthenticatedClient | Client, received: tuple[int, bytes, httpx.Headers]
) -> Response[ModelDeleteCacheOutput]:
    status_code, content, headers = received
    parsed: ModelDeleteCacheOutput | None = None
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
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.
        errors.InvalidParameter: an argument that cannot be sent (a path parameter that is not a str,
            or is "", "." or "..", or too long), a body that is not the operation's model,
            or holds a naive datetime); raised before anything is sent.

    Returns:
        Response[ModelDeleteCacheOutput]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs(
        model=model,
        body=body,
    )
    return _build_response(client=client, received=send(client, kwargs, OPERATION))


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
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.
        errors.InvalidParameter: an argument that cannot be sent (a path parameter that is not a str,
            or is "", "." or "..", or too long), a body that is not the operation's model,
            or holds a naive datetime); raised before anything is sent.

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
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.
        errors.InvalidParameter: an argument that cannot be sent (a path parameter that is not a str,
            or is "", "." or "..", or too long), a body that is not the operation's model,
            or holds a naive datetime); raised before anything is sent.

    Returns:
        Response[ModelDeleteCacheOutput]: the response whatever its status; ``parsed`` is set for the success status.
    """

    kwargs = _get_kwargs(
        model=model,
        body=body,
    )
    return _build_response(client=client, received=await send_async(client, kwargs, OPERATION))


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
            refused or Pieces OS cannot be found, errors.RequestTimeout when Client.timeout or
            Client.deadline is exceeded).
        errors.ResponseTooLarge: the decoded body is larger than Client.max_response_bytes.
        errors.InvalidParameter: an argument that cannot be sent (a path parameter that is not a str,
            or is "", "." or "..", or too long), a body that is not the operation's model,
            or holds a naive datetime); raised before anything is sent.

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
