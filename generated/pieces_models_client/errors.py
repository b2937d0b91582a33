"""The exceptions raised by this client, all rooted at :class:`PiecesModelsError`.

``PiecesModelsError``
    ``ApiError``: the server answered with a status that is not the operation's success status.
        ``UnexpectedStatus``: ... and that status is not declared in the OpenAPI document at all.
    ``ResponseParseError``: a success response whose body does not match the OpenAPI document.
    ``TransportError``: no complete response arrived.
        ``ServerUnreachable``: the connection was refused or could not be made.
        ``RequestTimeout``: the server did not answer within the client's timeout or deadline.
    ``ResponseTooLarge``: the decoded body grew past the client's ``max_response_bytes``.
    ``InvalidParameter``: an argument cannot be sent (raised before any request is made).

Every exception pickles and unpickles with its type, message and attributes (so that one raised in
a worker process reaches the parent intact), and copies with ``copy.copy``/``copy.deepcopy``.
"""

from __future__ import annotations

from collections.abc import Mapping

_PREVIEW = 500


def _preview(content: bytes) -> str:
    text = content[:_PREVIEW].decode("utf-8", errors="replace")
    return text + (f"... [{len(content)} bytes in all]" if len(content) > _PREVIEW else "")


def _rebuild(cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]) -> BaseException:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class PiecesModelsError(Exception):
    """Base class of every exception this client raises on purpose."""

    def __reduce__(self) -> tuple[object, ...]:
        # Exception's own __reduce__ calls cls(*self.args), which does not fit the constructors below.
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class ApiError(PiecesModelsError):
    """The server answered, with a status code that is not the success status of the operation.

    Attributes:
        status_code: the HTTP status code, any integer the server sent.
        content: the raw response body, complete.
        operation: the operationId of the call, such as ``models-snapshot``.
        headers: the response headers, as a dict with lower-case names.
    """

    def __init__(self, status_code: int, content: bytes, operation: str = "", headers: Mapping[str, str] | None = None):
        self.status_code = status_code
        self.content = content
        self.operation = operation
        self.headers: dict[str, str] = {name.lower(): value for name, value in (headers or {}).items()}
        message = f"{operation or 'request'} failed with HTTP {status_code}: {_preview(content)}"
        location = self.headers.get("location")
        if 300 <= status_code < 400 and location:
            message += (
                f" (a redirect to {location}: the client does not follow redirects unless created with"
                " follow_redirects=True; check the base_url)"
            )
        super().__init__(message)

    @property
    def text(self) -> str:
        """The response body decoded as UTF-8 (undecodable bytes replaced)."""
        return self.content.decode("utf-8", errors="replace")


class UnexpectedStatus(ApiError):
    """An ApiError whose status code the OpenAPI document does not declare for the operation."""


class ResponseParseError(PiecesModelsError, ValueError):
    """A body that does not match the OpenAPI document.

    Attributes:
        path: where in the body parsing failed, as keys and list indexes from the top
            (``["iterable", 3, "created", "value"]``); empty for the body as a whole.
        reason: what was wrong there.
        status_code, content, operation: the response it came from, when it came from one
            (``None``, ``None`` and ``""`` when a model's ``from_dict`` was called directly).
    """

    def __init__(
        self,
        reason: str,
        path: list[str | int] | None = None,
        *,
        status_code: int | None = None,
        content: bytes | None = None,
        operation: str = "",
    ):
        super().__init__(reason)
        self.reason = reason
        self.path: list[str | int] = path if path is not None else []
        self.status_code = status_code
        self.content = content
        self.operation = operation

    @property
    def location(self) -> str:
        """The path as one string, such as ``iterable[3].created.value`` (``<body>`` for the root)."""
        out = ""
        for key in self.path:
            out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
        return out or "<body>"

    def __str__(self) -> str:
        where = f" of {self.operation} (HTTP {self.status_code})" if self.operation else ""
        body = f"\nbody: {_preview(self.content)}" if self.content is not None else ""
        return f"invalid response body{where} at {self.location}: {self.reason}{body}"


class TransportError(PiecesModelsError):
    """No complete response arrived: the connection failed, broke or timed out.

    Attributes:
        url: the URL that was requested.
        operation: the operationId of the call.
    The underlying httpx exception is the ``__cause__``.
    """

    def __init__(self, message: str, url: str = "", operation: str = ""):
        super().__init__(message)
        self.url = url
        self.operation = operation


class ServerUnreachable(TransportError):
    """The connection was refused or could not be opened: Pieces OS is probably not running."""


class RequestTimeout(TransportError):
    """The server did not connect, answer or finish answering within the client's timeout (one phase)
    or its deadline (the whole call); the message says which was exceeded."""


class ResponseTooLarge(PiecesModelsError):
    """The response body, decoded, grew past the client's ``max_response_bytes``.

    Reading stops as soon as the limit is passed, so a compressed bomb costs little memory or time.

    Attributes:
        limit: the ``max_response_bytes`` in force.
        received: how many decoded bytes had arrived when reading stopped (more than ``limit``).
        status_code: the status code of the response.
        url, operation: the request, as for TransportError.
    """

    def __init__(self, limit: int, received: int, status_code: int, url: str = "", operation: str = ""):
        super().__init__(
            f"{operation or 'request'}: the response from {url} (HTTP {status_code}) is larger than"
            f" max_response_bytes={limit} once decoded ({received} bytes read before stopping). Create the"
            " Client with a larger max_response_bytes, or None for no limit."
        )
        self.limit = limit
        self.received = received
        self.status_code = status_code
        self.url = url
        self.operation = operation


class ClientClosed(PiecesModelsError):
    """The httpx client handed to ``Client.set_httpx_client``/``set_async_httpx_client`` was closed.

    A Client's own connections reopen after ``close()``/``aclose()``; one you supply cannot be.
    """


class InvalidParameter(PiecesModelsError, ValueError):
    """An argument that cannot be sent as given. Raised before any request is made.

    Attributes:
        parameter: the name of the parameter.
    """

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter


def at(error: BaseException, key: str | int) -> ResponseParseError:
    """Return ``error`` as a ResponseParseError located one level deeper, under ``key``.

    Used by the generated models: a nested ResponseParseError gets ``key`` prepended to its path;
    any other exception raised while parsing a field (a missing key, a wrong type, a bad value)
    becomes a ResponseParseError at that field, with the original as its ``__cause__``.
    """
    if isinstance(error, ResponseParseError):
        error.path.insert(0, key)
        return error
    if isinstance(error, KeyError):
        reason = "required field is missing"
    else:
        reason = str(error) or f"invalid value ({type(error).__name__})"
    parse_error = ResponseParseError(reason, [key])
    parse_error.__cause__ = error
    return parse_error


def at_root(error: BaseException) -> ResponseParseError:
    """Return ``error`` as a ResponseParseError about the body as a whole."""
    if isinstance(error, ResponseParseError):
        return error
    parse_error = ResponseParseError(str(error) or f"invalid value ({type(error).__name__})")
    parse_error.__cause__ = error
    return parse_error


def wrong_type(expected: str, value: object) -> TypeError:
    """A TypeError saying which JSON type was expected and what arrived instead."""
    shown = "" if value is None else f" {value!r:.80}"
    return TypeError(f"expected {expected}, got {json_type(value)}{shown}")


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


__all__ = [
    "ApiError",
    "ClientClosed",
    "InvalidParameter",
    "PiecesModelsError",
    "RequestTimeout",
    "ResponseParseError",
    "ResponseTooLarge",
    "ServerUnreachable",
    "TransportError",
    "UnexpectedStatus",
]
