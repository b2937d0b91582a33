import ipaddress
import os
import ssl
import threading
import time
import weakref
import zlib
from contextvars import ContextVar
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
from attrs import define, evolve, field

from . import errors

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
"""The per-phase timeout a Client uses unless given another: 5 s to connect (Pieces OS is local, so
a connection is made at once or not at all), 60 s for each read, write and pool wait (Pieces OS may
be loading or unloading a model before it answers)."""

DEFAULT_DEADLINE = 300.0
"""The longest a whole call may take, in seconds, unless the Client is given another: connecting,
sending, and reading the entire response. Five minutes leaves room for Pieces OS to unload or load a
large local model before it answers, and still ends a call to a server that trickles its answer."""

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""The largest response body a Client reads unless given another, counted after decompression:
64 MiB, about a thousand times a real registry of models."""

MAX_PATH_SEGMENT_LENGTH = 8000
"""The longest a path parameter may be once percent-encoded: HTTP servers commonly refuse request
lines of more than 8 KiB."""

PIECES_OS_PORTS = tuple(range(39300, 39334))
"""The ports current Pieces OS listens on (127.0.0.1), tried in this order by discovery."""

LEGACY_PORTS = (1000, 5323)
"""The ports older Pieces OS versions listen on, tried after PIECES_OS_PORTS."""

HEALTH_PATH = "/.well-known/health"
"""What discovery asks each open port: Pieces OS answers it with 200, as Pieces' own clients expect."""

PIECES_OS_URL_VARIABLE = "PIECES_OS_URL"
"""The environment variable that, when set, tells discovery where Pieces OS is."""

_PIECES_HINT = (
    "Pieces OS may not be running: start it, or check the base_url (current Pieces OS listens on "
    "http://127.0.0.1:39300 or the next free port up to 39333, which Client() without a base_url finds; "
    "older versions on http://localhost:1000, or 5323 on some Linux installs)."
)

# The absolute time.monotonic() by which the call under way must end (None: no deadline). Read by
# the network-backend wrappers below, which cap every connect, read and write to what is left.
_call_deadline: ContextVar[float | None] = ContextVar("pieces_models_client_deadline", default=None)


def _normalize_base_url(value: object) -> str | None:
    """Check a base_url and drop its trailing slashes; None (discover Pieces OS) passes through."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise errors.InvalidParameter(
            "base_url", f"expected a str such as 'http://127.0.0.1:39300', got {type(value).__name__}"
        )
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        guess = "http://" + text.split("://", 1)[-1].lstrip("/")
        raise errors.InvalidParameter(
            "base_url", f"{value!r} is not an http:// or https:// URL with a host; did you mean {guess!r}?"
        )
    try:
        parts.port
    except ValueError as exc:
        raise errors.InvalidParameter("base_url", f"{value!r} has an invalid port ({exc})") from exc
    if parts.query or parts.fragment:
        raise errors.InvalidParameter("base_url", f"{value!r} must not have a query or fragment")
    return text.rstrip("/")


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _positive(name: str, integer: bool = False) -> Any:
    def check(instance: object, attribute: object, value: object) -> None:
        if value is None:
            return
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or (integer and not isinstance(value, int))
            or not value > 0  # NaN too
        ):
            expected = "a positive int" if integer else "a positive number of seconds"
            raise errors.InvalidParameter(name, f"expected {expected} or None, got {value!r}")

    return check


@define
class Client:
    """A connection to Pieces OS, shared by every call that is given it.

    Keyword arguments (all optional):

        ``base_url``: where Pieces OS is, such as ``http://127.0.0.1:39300``. When omitted (or None), the
        Client finds Pieces OS on first use: the ``PIECES_OS_URL`` environment variable if set, else the
        first of 127.0.0.1 ports 39300 to 39333, then 1000 and 5323, that answers like Pieces OS (see
        ``find_pieces_os``). The URL found is then ``base_url``. Validated at once: a URL without
        ``http://``/``https://`` or a host raises ``errors.InvalidParameter``.

        ``timeout``: the longest each phase may wait: connecting, each read and write, a pool slot
        (an ``httpx.Timeout``). Defaults to ``DEFAULT_TIMEOUT``. ``None`` disables it.

        ``deadline``: the longest a whole call may take, in seconds, from connecting to the last byte
        of the body. Defaults to ``DEFAULT_DEADLINE``. ``None`` disables it.

        ``max_response_bytes``: the largest body read, counted after decompression. Defaults to
        ``DEFAULT_MAX_RESPONSE_BYTES``; a larger one raises ``errors.ResponseTooLarge``. ``None`` disables it.

        ``cookies``, ``headers``: sent with every request.

        ``verify_ssl``: whether to verify the server's TLS certificate (or a CA bundle path or an ``ssl.SSLContext``).

        ``follow_redirects``: whether to follow redirects (default False).

        ``httpx_args``: further arguments for the ``httpx.Client``/``httpx.AsyncClient`` constructors.
        With a loopback base_url, proxies from the environment (``HTTP_PROXY``, ``ALL_PROXY``, ...) are
        not used unless ``httpx_args`` names a ``proxy``, ``proxies``, ``mounts`` or ``transport``.

    One Client may be shared by many threads and by several event loops, one after the other or at
    once. ``close()``/``aclose()`` (or leaving a ``with``/``async with`` block) close its connections;
    a later call opens new ones.
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    """Whether the *_detailed functions raise errors.UnexpectedStatus for a status code that the OpenAPI
    document does not declare for the operation (by default they return a Response for any status).
    sync() and asyncio() raise errors.ApiError for every non-success status either way."""
    _base_url: str | None = field(default=None, alias="base_url", converter=_normalize_base_url)
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _deadline: float | None = field(
        default=DEFAULT_DEADLINE, kw_only=True, alias="deadline", validator=_positive("deadline")
    )
    _max_response_bytes: int | None = field(
        default=DEFAULT_MAX_RESPONSE_BYTES,
        kw_only=True,
        alias="max_response_bytes",
        validator=_positive("max_response_bytes", integer=True),
    )
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")

    _client: httpx.Client | None = field(default=None, init=False)
    _async_clients: dict[object, tuple[httpx.AsyncClient, Any]] = field(factory=dict, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    _lock: threading.RLock = field(factory=threading.RLock, init=False)

    @property
    def base_url(self) -> str | None:
        """The URL requests go to: the one given, the one discovery found, or None before discovery ran."""
        return self._base_url

    @property
    def deadline(self) -> float | None:
        """The deadline of a whole call, in seconds (None: no deadline)."""
        return self._deadline

    @property
    def max_response_bytes(self) -> int | None:
        """The largest decoded body a call reads (None: no limit)."""
        return self._max_response_bytes

    def resolve_base_url(self) -> str:
        """Return ``base_url``, running discovery first when none was given (once per Client).

        Raises:
            errors.ServerUnreachable: no base_url was given and Pieces OS was not found.
            errors.InvalidParameter: ``PIECES_OS_URL`` is set to something that is not a base URL.
        """
        if self._base_url is None:
            with self._lock:
                if self._base_url is None:
                    self._base_url = find_pieces_os()
        return self._base_url

    async def aresolve_base_url(self) -> str:
        """The async twin of resolve_base_url(): discovery runs in a worker thread."""
        if self._base_url is None:
            import anyio.to_thread

            await anyio.to_thread.run_sync(self.resolve_base_url)
        return self.resolve_base_url()

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """A new Client like this one that also sends ``headers``. This Client is left unchanged."""
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """A new Client like this one that also sends ``cookies``. This Client is left unchanged."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """A new Client like this one with another per-phase timeout. This Client is left unchanged."""
        return evolve(self, timeout=timeout)

    def _httpx_kwargs(self, base_url: str) -> dict[str, Any]:
        args = dict(self._httpx_args)
        if _is_loopback(base_url) and not {"proxy", "proxies", "mounts", "transport"} & args.keys():
            # A mount of None sends matching URLs through the default transport, past any proxy that
            # httpx took from HTTP_PROXY, HTTPS_PROXY or ALL_PROXY: Pieces OS is on this machine.
            host = urlsplit(base_url).hostname or ""
            args["mounts"] = {f"all://{'[' + host + ']' if ':' in host else host}": None}
        return {
            "base_url": base_url,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **args,
        }

    def set_httpx_client(self, client: httpx.Client) -> "Client":
        """Use ``client`` for synchronous calls. It replaces this Client's own settings (headers,
        timeouts, ...) except ``deadline`` and ``max_response_bytes``, and close() closes it."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The httpx.Client of synchronous calls, made on first use (once, whatever the threads)."""
        client = self._client
        if client is None:
            with self._lock:
                client = self._client
                if client is None:
                    client = httpx.Client(**self._httpx_kwargs(self.resolve_base_url()))
                    _install_deadline(client, asynchronous=False)
                    # A Client dropped without close() still closes its connections.
                    weakref.finalize(self, client.close)
                    self._client = client
        return client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> "Client":
        """Use ``async_client`` for async calls, whatever the event loop. It replaces this Client's own
        settings except ``deadline`` and ``max_response_bytes``, and aclose() closes it."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The httpx.AsyncClient of async calls on the running event loop, made on first use there.

        Each event loop gets its own (connections belong to the loop that opened them); a loop run by
        ``asyncio.run`` closes its own when it ends.
        """
        if self._async_client is not None:
            return self._async_client
        loop = _running_loop()
        entry = self._async_clients.get(loop)
        if entry is None:
            with self._lock:
                entry = self._async_clients.get(loop)
                if entry is None:
                    for stale in [key for key in self._async_clients if key is not None and key.is_closed()]:  # type: ignore[attr-defined]
                        del self._async_clients[stale]
                    client = httpx.AsyncClient(**self._httpx_kwargs(self.resolve_base_url()))
                    _install_deadline(client, asynchronous=True)
                    entry = (client, _close_when_loop_ends(self, loop, client))
                    self._async_clients[loop] = entry
        return entry[0]

    def close(self) -> None:
        """Close the connections of synchronous calls. A later call opens new ones.

        The async connections belong to their event loops: ``aclose()`` closes those of the running
        loop, and a loop run by ``asyncio.run`` closes its own when it ends.
        """
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    async def aclose(self) -> None:
        """Close the connections of the running event loop and of synchronous calls."""
        self.close()
        loop = _running_loop()
        with self._lock:
            entry = self._async_clients.pop(loop, None)
            supplied, self._async_client = self._async_client, None
        if entry is not None:
            await entry[1].aclose()
        if supplied is not None:
            await supplied.aclose()

    def __enter__(self) -> "Client":
        """Use the Client in a ``with`` block, which closes its connections at the end."""
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Close the synchronous connections (see close())."""
        self.close()

    async def __aenter__(self) -> "Client":
        """Use the Client in an ``async with`` block, which closes its connections at the end."""
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Close the connections of the running loop and the synchronous ones (see aclose())."""
        await self.aclose()


@define
class AuthenticatedClient:
    """A Client that also sends a token in a header (``auth_header_name``, by default Authorization).

    Keyword arguments (all optional):

        ``base_url``: where Pieces OS is, such as ``http://127.0.0.1:39300``. When omitted (or None), the
        Client finds Pieces OS on first use: the ``PIECES_OS_URL`` environment variable if set, else the
        first of 127.0.0.1 ports 39300 to 39333, then 1000 and 5323, that answers like Pieces OS (see
        ``find_pieces_os``). The URL found is then ``base_url``. Validated at once: a URL without
        ``http://``/``https://`` or a host raises ``errors.InvalidParameter``.

        ``timeout``: the longest each phase may wait: connecting, each read and write, a pool slot
        (an ``httpx.Timeout``). Defaults to ``DEFAULT_TIMEOUT``. ``None`` disables it.

        ``deadline``: the longest a whole call may take, in seconds, from connecting to the last byte
        of the body. Defaults to ``DEFAULT_DEADLINE``. ``None`` disables it.

        ``max_response_bytes``: the largest body read, counted after decompression. Defaults to
        ``DEFAULT_MAX_RESPONSE_BYTES``; a larger one raises ``errors.ResponseTooLarge``. ``None`` disables it.

        ``cookies``, ``headers``: sent with every request.

        ``verify_ssl``: whether to verify the server's TLS certificate (or a CA bundle path or an ``ssl.SSLContext``).

        ``follow_redirects``: whether to follow redirects (default False).

        ``httpx_args``: further arguments for the ``httpx.Client``/``httpx.AsyncClient`` constructors.
        With a loopback base_url, proxies from the environment (``HTTP_PROXY``, ``ALL_PROXY``, ...) are
        not used unless ``httpx_args`` names a ``proxy``, ``proxies``, ``mounts`` or ``transport``.

    One Client may be shared by many threads and by several event loops, one after the other or at
    once. ``close()``/``aclose()`` (or leaving a ``with``/``async with`` block) close its connections;
    a later call opens new ones.
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    """Whether the *_detailed functions raise errors.UnexpectedStatus for a status code that the OpenAPI
    document does not declare for the operation (by default they return a Response for any status).
    sync() and asyncio() raise errors.ApiError for every non-success status either way."""
    _base_url: str | None = field(default=None, alias="base_url", converter=_normalize_base_url)
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _deadline: float | None = field(
        default=DEFAULT_DEADLINE, kw_only=True, alias="deadline", validator=_positive("deadline")
    )
    _max_response_bytes: int | None = field(
        default=DEFAULT_MAX_RESPONSE_BYTES,
        kw_only=True,
        alias="max_response_bytes",
        validator=_positive("max_response_bytes", integer=True),
    )
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    token: str = field(default="", kw_only=True)
    """The token to send."""
    prefix: str = field(default="Bearer", kw_only=True)
    """What precedes the token in the header ("" for nothing)."""
    auth_header_name: str = field(default="Authorization", kw_only=True)
    """The name of the header."""
    _client: httpx.Client | None = field(default=None, init=False)
    _async_clients: dict[object, tuple[httpx.AsyncClient, Any]] = field(factory=dict, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    _lock: threading.RLock = field(factory=threading.RLock, init=False)

    @property
    def base_url(self) -> str | None:
        """The URL requests go to: the one given, the one discovery found, or None before discovery ran."""
        return self._base_url

    @property
    def deadline(self) -> float | None:
        """The deadline of a whole call, in seconds (None: no deadline)."""
        return self._deadline

    @property
    def max_response_bytes(self) -> int | None:
        """The largest decoded body a call reads (None: no limit)."""
        return self._max_response_bytes

    def resolve_base_url(self) -> str:
        """Return ``base_url``, running discovery first when none was given (once per Client).

        Raises:
            errors.ServerUnreachable: no base_url was given and Pieces OS was not found.
            errors.InvalidParameter: ``PIECES_OS_URL`` is set to something that is not a base URL.
        """
        if self._base_url is None:
            with self._lock:
                if self._base_url is None:
                    self._base_url = find_pieces_os()
        return self._base_url

    async def aresolve_base_url(self) -> str:
        """The async twin of resolve_base_url(): discovery runs in a worker thread."""
        if self._base_url is None:
            import anyio.to_thread

            await anyio.to_thread.run_sync(self.resolve_base_url)
        return self.resolve_base_url()

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """A new Client like this one that also sends ``headers``. This Client is left unchanged."""
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """A new Client like this one that also sends ``cookies``. This Client is left unchanged."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """A new Client like this one with another per-phase timeout. This Client is left unchanged."""
        return evolve(self, timeout=timeout)

    def _httpx_kwargs(self, base_url: str) -> dict[str, Any]:
        self._headers[self.auth_header_name] = f"{self.prefix} {self.token}" if self.prefix else self.token
        args = dict(self._httpx_args)
        if _is_loopback(base_url) and not {"proxy", "proxies", "mounts", "transport"} & args.keys():
            # A mount of None sends matching URLs through the default transport, past any proxy that
            # httpx took from HTTP_PROXY, HTTPS_PROXY or ALL_PROXY: Pieces OS is on this machine.
            host = urlsplit(base_url).hostname or ""
            args["mounts"] = {f"all://{'[' + host + ']' if ':' in host else host}": None}
        return {
            "base_url": base_url,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **args,
        }

    def set_httpx_client(self, client: httpx.Client) -> "AuthenticatedClient":
        """Use ``client`` for synchronous calls. It replaces this Client's own settings (headers,
        timeouts, ...) except ``deadline`` and ``max_response_bytes``, and close() closes it."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The httpx.Client of synchronous calls, made on first use (once, whatever the threads)."""
        client = self._client
        if client is None:
            with self._lock:
                client = self._client
                if client is None:
                    client = httpx.Client(**self._httpx_kwargs(self.resolve_base_url()))
                    _install_deadline(client, asynchronous=False)
                    # A Client dropped without close() still closes its connections.
                    weakref.finalize(self, client.close)
                    self._client = client
        return client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> "AuthenticatedClient":
        """Use ``async_client`` for async calls, whatever the event loop. It replaces this Client's own
        settings except ``deadline`` and ``max_response_bytes``, and aclose() closes it."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The httpx.AsyncClient of async calls on the running event loop, made on first use there.

        Each event loop gets its own (connections belong to the loop that opened them); a loop run by
        ``asyncio.run`` closes its own when it ends.
        """
        if self._async_client is not None:
            return self._async_client
        loop = _running_loop()
        entry = self._async_clients.get(loop)
        if entry is None:
            with self._lock:
                entry = self._async_clients.get(loop)
                if entry is None:
                    for stale in [key for key in self._async_clients if key is not None and key.is_closed()]:  # type: ignore[attr-defined]
                        del self._async_clients[stale]
                    client = httpx.AsyncClient(**self._httpx_kwargs(self.resolve_base_url()))
                    _install_deadline(client, asynchronous=True)
                    entry = (client, _close_when_loop_ends(self, loop, client))
                    self._async_clients[loop] = entry
        return entry[0]

    def close(self) -> None:
        """Close the connections of synchronous calls. A later call opens new ones.

        The async connections belong to their event loops: ``aclose()`` closes those of the running
        loop, and a loop run by ``asyncio.run`` closes its own when it ends.
        """
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    async def aclose(self) -> None:
        """Close the connections of the running event loop and of synchronous calls."""
        self.close()
        loop = _running_loop()
        with self._lock:
            entry = self._async_clients.pop(loop, None)
            supplied, self._async_client = self._async_client, None
        if entry is not None:
            await entry[1].aclose()
        if supplied is not None:
            await supplied.aclose()

    def __enter__(self) -> "AuthenticatedClient":
        """Use the Client in a ``with`` block, which closes its connections at the end."""
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Close the synchronous connections (see close())."""
        self.close()

    async def __aenter__(self) -> "AuthenticatedClient":
        """Use the Client in an ``async with`` block, which closes its connections at the end."""
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Close the connections of the running loop and the synchronous ones (see aclose())."""
        await self.aclose()


def _running_loop() -> object:
    """The running asyncio event loop, or None (no loop, or another async library such as trio)."""
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _close_when_loop_ends(owner: Client | AuthenticatedClient, loop: object, client: httpx.AsyncClient) -> Any:
    """An async generator, started here, whose cleanup closes ``client``.

    asyncio.run() (like asyncio.Runner and most test runners) closes every async generator still open
    on its loop before closing the loop, while the loop can still run the cleanup: that closes the
    connections cleanly, where dropping them would leave their transports to a closed loop.
    """

    async def closer() -> Any:
        try:
            yield
        finally:
            with owner._lock:
                if owner._async_clients.get(loop, (None,))[0] is client:
                    del owner._async_clients[loop]
            await client.aclose()

    generator = closer()
    if loop is not None:
        try:
            generator.asend(None).send(None)  # runs up to the yield, registering it with the loop
        except StopIteration:
            pass
    return generator


_LONGEST_WAIT = 1e9  # seconds: about 31 years


def _bounded(timeout: float | None, error: str) -> float | None:
    """``timeout`` capped to what is left of the call's deadline; past it, an httpcore timeout."""
    deadline = _call_deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        import httpcore

        raise getattr(httpcore, error)("the deadline of the call was exceeded")
    if left > _LONGEST_WAIT:  # sockets cannot wait that long (time_t overflows): no bound needed
        return timeout
    return left if timeout is None or left < timeout else timeout


class _DeadlineStream:
    """An httpcore network stream whose every read and write ends by the call's deadline."""

    def __init__(self, stream: Any):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._stream.read(max_bytes, _bounded(timeout, "ReadTimeout"))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, "WriteTimeout"))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, _bounded(timeout, "ConnectTimeout"))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncDeadlineStream:
    """The async twin of _DeadlineStream."""

    def __init__(self, stream: Any):
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = await self._stream.read(max_bytes, _bounded(timeout, "ReadTimeout"))
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _bounded(timeout, "WriteTimeout"))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        return _AsyncDeadlineStream(
            await self._stream.start_tls(ssl_context, server_hostname, _bounded(timeout, "ConnectTimeout"))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend:
    """An httpcore network backend whose connections end by the call's deadline."""

    def __init__(self, backend: Any):
        self._backend = backend

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, **kwargs: Any) -> Any:
        return _DeadlineStream(self._backend.connect_tcp(host, port, _bounded(timeout, "ConnectTimeout"), **kwargs))

    def connect_unix_socket(self, path: str, timeout: float | None = None, **kwargs: Any) -> Any:
        return _DeadlineStream(self._backend.connect_unix_socket(path, _bounded(timeout, "ConnectTimeout"), **kwargs))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncDeadlineBackend:
    """The async twin of _DeadlineBackend."""

    def __init__(self, backend: Any):
        self._backend = backend

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, **kwargs: Any) -> Any:
        return _AsyncDeadlineStream(
            await self._backend.connect_tcp(host, port, _bounded(timeout, "ConnectTimeout"), **kwargs)
        )

    async def connect_unix_socket(self, path: str, timeout: float | None = None, **kwargs: Any) -> Any:
        return _AsyncDeadlineStream(
            await self._backend.connect_unix_socket(path, _bounded(timeout, "ConnectTimeout"), **kwargs)
        )

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def _install_deadline(client: httpx.Client | httpx.AsyncClient, asynchronous: bool) -> None:
    """Put the deadline wrappers around the network backend of each httpcore pool of ``client``.

    httpx has no public way to hand a network backend to its transports, so this reaches their pools
    (``_transport``, ``_mounts``, ``_pool``, ``_network_backend``: stable from httpx 0.23 to 0.28).
    A transport you supply through ``httpx_args`` is left as it is, bounded by its own timeouts.
    """
    wrapper = _AsyncDeadlineBackend if asynchronous else _DeadlineBackend
    for transport in (client._transport, *client._mounts.values()):
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if backend is not None and not isinstance(backend, wrapper):
            pool._network_backend = wrapper(backend)  # type: ignore[union-attr]


def find_pieces_os(timeout: float = 1.0) -> str:
    """Where Pieces OS is: ``PIECES_OS_URL`` when set, else the first port that answers like Pieces OS.

    The ports are 127.0.0.1's PIECES_OS_PORTS (39300 to 39333), then LEGACY_PORTS (1000, 5323), all
    probed at once with ``GET /.well-known/health``: a port counts only when it answers 200 there, so
    another HTTP server in the range is passed over. ``timeout`` bounds each probe.

    Raises:
        errors.ServerUnreachable: nothing answered like Pieces OS; the message says where it looked.
        errors.InvalidParameter: ``PIECES_OS_URL`` is set to something that is not a base URL.
    """
    configured = os.environ.get(PIECES_OS_URL_VARIABLE, "").strip()
    if configured:
        try:
            url = _normalize_base_url(configured)
        except errors.InvalidParameter as exc:
            raise errors.InvalidParameter(PIECES_OS_URL_VARIABLE, str(exc).split(": ", 1)[1]) from None
        assert url is not None
        return url
    from concurrent.futures import ThreadPoolExecutor

    ports = PIECES_OS_PORTS + LEGACY_PORTS
    # One client for every probe: no proxy (they are all on this machine), no TLS context to load.
    with httpx.Client(timeout=timeout, trust_env=False, verify=False) as probe:

        def answers(port: int) -> bool:
            try:
                return probe.get(f"http://127.0.0.1:{port}{HEALTH_PATH}").status_code == 200
            except httpx.HTTPError:
                return False

        with ThreadPoolExecutor(max_workers=len(ports)) as pool:
            found = [port for port, ok in zip(ports, pool.map(answers, ports)) if ok]
    if found:
        return f"http://127.0.0.1:{found[0]}"
    raise errors.ServerUnreachable(
        f"Pieces OS was not found: {PIECES_OS_URL_VARIABLE} is not set, and nothing answered "
        f"GET {HEALTH_PATH} with 200 on 127.0.0.1 ports {PIECES_OS_PORTS[0]} to {PIECES_OS_PORTS[-1]} "
        f"(current Pieces OS) or {LEGACY_PORTS[0]} and {LEGACY_PORTS[1]} (older versions). Start Pieces OS, "
        f"or point the client at it: Client(base_url='http://host:port') or {PIECES_OS_URL_VARIABLE}=http://host:port."
    )


async def afind_pieces_os(timeout: float = 1.0) -> str:
    """The async twin of find_pieces_os(): the probes run in a worker thread."""
    import anyio.to_thread

    url: str = await anyio.to_thread.run_sync(find_pieces_os, timeout)
    return url


def path_segment(value: object, name: str) -> str:
    """Encode a path parameter as one URL path segment, or raise InvalidParameter.

    Every character outside the unreserved set is percent-encoded (UTF-8), so ``/``, ``?``, ``#``
    and ``%`` stay inside the segment. Refused: anything but a ``str``; ``""``, ``"."`` and ``".."``
    (a client or proxy would collapse them and the request would reach a different endpoint); text
    that cannot be encoded as UTF-8; and more than MAX_PATH_SEGMENT_LENGTH characters once encoded.
    """
    if value.__class__ is not str and not isinstance(value, str):
        raise errors.InvalidParameter(name, f"expected a str, got {type(value).__name__} {value!r:.80}")
    if value in ("", ".", ".."):
        raise errors.InvalidParameter(name, f"{value!r} cannot be sent as a path segment")
    try:
        encoded = quote(value, safe="")
    except UnicodeEncodeError as exc:
        raise errors.InvalidParameter(name, f"cannot be encoded as UTF-8 ({exc.reason})") from exc
    if len(encoded) > MAX_PATH_SEGMENT_LENGTH:
        raise errors.InvalidParameter(
            name, f"{len(encoded)} characters once percent-encoded; at most {MAX_PATH_SEGMENT_LENGTH} can be sent"
        )
    return encoded


def check_body(value: object, expected: type, required: bool) -> None:
    """Refuse, before sending, a body that is not the operation's model."""
    if not isinstance(value, expected):
        omit = "" if required else " (leave body out to send none)"
        raise errors.InvalidParameter(
            "body", f"expected a {expected.__name__}{omit}, got {type(value).__name__} {value!r:.80}"
        )


def _caused_by(exc: BaseException, kind: type) -> BaseException | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _transport_error(
    exc: httpx.HTTPError, url: str, operation: str, deadline: float | None, started: float
) -> errors.PiecesModelsError:
    if isinstance(exc, httpx.TimeoutException):
        if deadline is not None and time.monotonic() - started >= deadline:
            return errors.RequestTimeout(
                f"{operation}: {url} did not finish answering within the deadline of {deadline:g} s for the"
                " whole call (Client(deadline=...) sets it)",
                url,
                operation,
            )
        return errors.RequestTimeout(
            f"{operation}: {url} did not answer in time ({type(exc).__name__}: {exc})", url, operation
        )
    if isinstance(exc, httpx.ConnectError):
        tls = _caused_by(exc, ssl.SSLError)
        if tls is not None:
            return errors.TransportError(
                f"{operation}: the TLS handshake with {url} failed ({tls}). Pieces OS speaks plain HTTP:"
                f" use an http:// base_url.",
                url,
                operation,
            )
        return errors.ServerUnreachable(f"{operation}: cannot connect to {url} ({exc}). {_PIECES_HINT}", url, operation)
    if isinstance(exc, httpx.DecodingError):
        return errors.ResponseParseError(
            f"the body cannot be decoded as its Content-Encoding says ({exc})", operation=operation
        )
    return errors.TransportError(
        f"{operation}: the connection to {url} failed ({type(exc).__name__}: {exc})", url, operation
    )


class _CappedBody:
    """Collects a response body, decoded, and stops as soon as it grows past ``limit`` bytes.

    gzip and deflate bodies are inflated here, a bounded amount at a time (``max_length``), so that a
    compressed bomb stops within a few KiB of the limit: httpx would inflate each network read whole,
    up to a thousand times its size. Other encodings are left to httpx (``raw`` is False), checked
    after each chunk it decodes.
    """

    def __init__(self, response: httpx.Response, limit: int, operation: str):
        self._response, self._limit, self._operation = response, limit, operation
        self._chunks: list[bytes] = []
        self._size = 0
        encoding = response.headers.get("content-encoding", "").strip().lower()
        self._inflater: Any = None
        self._deflate = encoding == "deflate"
        if encoding in ("gzip", "x-gzip", "deflate"):
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16 if not self._deflate else zlib.MAX_WBITS)
        self.raw = self._inflater is not None or encoding in ("", "identity")
        """Whether to feed the raw bytes (iter_raw) rather than httpx's decoded ones (iter_bytes)."""

    def _add(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            response = self._response
            raise errors.ResponseTooLarge(
                self._limit, self._size, response.status_code, str(response.request.url), self._operation
            )
        self._chunks.append(data)

    def feed(self, data: bytes) -> None:
        inflater = self._inflater
        if inflater is None:
            self._add(data)
            return
        try:
            while data:
                self._add(inflater.decompress(data, self._limit - self._size + 1))
                data = inflater.unconsumed_tail
        except zlib.error as exc:
            if self._deflate and not self._chunks and self._size == 0:
                # "deflate" is sometimes sent without its zlib header (raw deflate), as httpx allows.
                self._deflate, self._inflater = False, zlib.decompressobj(-zlib.MAX_WBITS)
                self.feed(data)
                return
            raise httpx.DecodingError(
                f"the {self._response.headers.get('content-encoding')} body is corrupt ({exc})"
            ) from exc

    def finish(self) -> bytes:
        if self._inflater is not None:
            try:
                self._add(self._inflater.flush())
            except zlib.error as exc:
                raise httpx.DecodingError(f"the compressed body is corrupt ({exc})") from exc
        return b"".join(self._chunks)


def _closed(client: httpx.Client | httpx.AsyncClient, operation: str) -> errors.ClientClosed:
    return errors.ClientClosed(
        f"{operation}: the httpx client given to set_httpx_client/set_async_httpx_client is closed;"
        " set an open one, or call close()/aclose() on the Client to go back to its own connections"
    )


def send(
    client: Client | AuthenticatedClient, kwargs: dict[str, Any], operation: str
) -> tuple[int, bytes, httpx.Headers]:
    """Send a request built by an endpoint module and read its whole body, within the Client's bounds.

    Returns the status code, the decoded body and the headers. Every failure is one of errors.*.
    """
    try:
        http = client.get_httpx_client()
    except errors.ServerUnreachable as exc:  # discovery found no Pieces OS
        exc.operation = exc.operation or operation
        raise
    deadline, limit = client._deadline, client._max_response_bytes
    started = time.monotonic()
    token = _call_deadline.set(None if deadline is None else started + deadline)
    try:
        response = http.send(http.build_request(**kwargs), stream=True)
        try:
            if limit is None:
                content = response.read()
            else:
                body = _CappedBody(response, limit, operation)
                for chunk in response.iter_raw() if body.raw else response.iter_bytes():
                    body.feed(chunk)
                content = body.finish()
        finally:
            response.close()
    except httpx.HTTPError as exc:
        error = _transport_error(exc, _url(exc, http, kwargs), operation, deadline, started)
        if isinstance(error, errors.ResponseParseError):
            error.status_code = response.status_code
        raise error from exc
    except RuntimeError as exc:
        if http.is_closed:
            raise _closed(http, operation) from exc
        raise
    finally:
        _call_deadline.reset(token)
    return response.status_code, content, response.headers


async def send_async(
    client: Client | AuthenticatedClient, kwargs: dict[str, Any], operation: str
) -> tuple[int, bytes, httpx.Headers]:
    """The async twin of send()."""
    if client._base_url is None:
        try:
            await client.aresolve_base_url()
        except errors.ServerUnreachable as exc:  # discovery found no Pieces OS
            exc.operation = exc.operation or operation
            raise
    http = client.get_async_httpx_client()
    deadline, limit = client._deadline, client._max_response_bytes
    started = time.monotonic()
    token = _call_deadline.set(None if deadline is None else started + deadline)
    try:
        response = await http.send(http.build_request(**kwargs), stream=True)
        try:
            if limit is None:
                content = await response.aread()
            else:
                body = _CappedBody(response, limit, operation)
                async for chunk in response.aiter_raw() if body.raw else response.aiter_bytes():
                    body.feed(chunk)
                content = body.finish()
        finally:
            await response.aclose()
    except httpx.HTTPError as exc:
        error = _transport_error(exc, _url(exc, http, kwargs), operation, deadline, started)
        if isinstance(error, errors.ResponseParseError):
            error.status_code = response.status_code
        raise error from exc
    except RuntimeError as exc:
        if http.is_closed:
            raise _closed(http, operation) from exc
        raise
    finally:
        _call_deadline.reset(token)
    return response.status_code, content, response.headers


def _url(exc: httpx.HTTPError, http: httpx.Client | httpx.AsyncClient, kwargs: dict[str, Any]) -> str:
    try:
        return str(exc.request.url)
    except RuntimeError:  # the exception was raised before a request existed
        return str(http.base_url.join(kwargs.get("url", "")))
