"""Transports: urllib3 (the sync default) and httpx (sync and async, optional).

Every transport sends exactly the headers it is given (plus what the HTTP library itself must
add, such as ``Host``), follows no redirects, does no retries of its own (the retry layer in
``_retry`` owns retries, and a library retrying underneath it would multiply attempts and reuse
stale signatures) and reads the whole body before returning. Library exceptions are mapped to
:class:`~._http.TransportError` / :class:`~._http.TransportTimeout` so callers never see them.

``timeout`` bounds one attempt: connecting, and reading the whole response. It is a deadline
for the body too, not a limit per socket read, so a server dripping a few bytes at a time
cannot hold a call far beyond it. Proxies come from ``HTTP_PROXY``/``HTTPS_PROXY``/
``NO_PROXY`` (see ``_proxy``) unless ``proxy=`` names one or ``trust_env=False``.

``httpx`` is imported only when an httpx transport is created, so sync-only users of the urllib3
default never import it.
"""

from __future__ import annotations

import functools
import ssl
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import urllib3
import urllib3.exceptions

from ._http import Headers, HttpRequest, HttpResponse, TransportError, TransportTimeout
from ._pools import OriginPools
from ._proxy import Proxy, ProxyConfig, environment_proxy

if TYPE_CHECKING:
    import httpx

__all__ = ["HttpxAsyncTransport", "HttpxTransport", "Urllib3Transport"]


def _caused_by_cert_failure(err: BaseException) -> bool:
    """True when a certificate did not verify somewhere in the exception chain or arguments.

    Retrying cannot fix a certificate problem, so such errors are marked not retryable.
    """
    seen: set[int] = set()
    stack: list[object] = [err]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, ssl.SSLCertVerificationError):
            return True
        stack.extend([item.__cause__, item.__context__, *item.args])
        reason = getattr(item, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
    return False


def _utf8(value: str) -> str | bytes:
    """Non-ASCII header values go out as UTF-8 bytes, as botocore and aiohttp send them
    (http.client would try latin-1 and fail beyond it; httpx would try ASCII)."""
    return value if value.isascii() else value.encode("utf-8")


def _utf8_headers(request: HttpRequest) -> list[tuple[bytes, bytes]]:
    return [
        (name.encode("ascii"), value.encode("utf-8"))
        for name, value in request.headers.multi_items()
    ]


class Urllib3Transport:
    """Synchronous transport on keep-alive urllib3 pools (the sync default).

    :param proxy: proxy URL (``http://[user:password@]host:port``) for every request; default:
        the environment's ``HTTP_PROXY``/``HTTPS_PROXY``/``NO_PROXY``.
    :param trust_env: read proxies from the environment when ``proxy`` is not given.
    :param verify: ``True`` (system trust store), ``False`` (no verification; only for tests) or
        the path of a CA bundle.
    :param ssl_context: a ready ``ssl.SSLContext``; overrides ``verify``.
    :param maxsize: connections kept alive per host.
    :param pool: bring your own ``PoolManager`` (all other options are then ignored).
    """

    def __init__(
        self,
        *,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        maxsize: int = 10,
        pool: urllib3.PoolManager | None = None,
    ) -> None:
        self._proxies: dict[Proxy, urllib3.ProxyManager] = {}
        self._lock = threading.Lock()
        self._fixed: Proxy | None = None
        self._env: ProxyConfig | None = None
        self._options: dict[str, Any] = {"maxsize": maxsize, "block": False, "retries": False}
        # Requests that go straight to their origin (no proxy) and whose URL is in normal form
        # skip the PoolManager's URL parsing and pool lookup (see _pools); not with a pool the
        # caller brought, whose pools are theirs to configure.
        self._origins: OriginPools | None = None
        if pool is not None:
            self._pool = pool
            return
        if ssl_context is not None:
            self._options["ssl_context"] = ssl_context
        elif verify is False:
            self._options["cert_reqs"] = "CERT_NONE"
        elif isinstance(verify, str):
            self._options["cert_reqs"] = "CERT_REQUIRED"
            self._options["ca_certs"] = verify
        self._pool = urllib3.PoolManager(**self._options)
        self._origins = OriginPools(self._options)
        if proxy:
            self._fixed = Proxy.parse(proxy)
        elif trust_env:
            config = ProxyConfig.from_environment()
            self._env = None if config.empty else config

    def _proxy_pool(self, proxy: Proxy) -> urllib3.PoolManager:
        manager = self._proxies.get(proxy)
        if manager is None:
            with self._lock:
                manager = self._proxies.get(proxy)
                if manager is None:
                    auth = proxy.authorization
                    manager = urllib3.ProxyManager(
                        proxy.url,
                        proxy_headers={"Proxy-Authorization": auth} if auth else None,
                        **self._options,
                    )
                    self._proxies[proxy] = manager
        return manager

    def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        return self.send_via(
            request, self._fixed or environment_proxy(self._env, request.url), timeout=timeout
        )

    def send_via(
        self, request: HttpRequest, proxy: Proxy | None, *, timeout: float | None
    ) -> HttpResponse:
        """Send ``request`` through ``proxy`` (None: direct), whatever the environment says
        (``SocketTransport`` hands its ``https://`` proxies over this way)."""
        fields = request.headers.multi_items()
        # A plain dict unless a name repeats exactly (fields differing in case are separate
        # keys, and are sent as separate lines either way); non-ASCII values as UTF-8 bytes.
        headers: dict[str, str | bytes] | urllib3.HTTPHeaderDict = {
            name: _utf8(value) for name, value in fields
        }
        if len(headers) != len(fields):
            headers = urllib3.HTTPHeaderDict()
            for name, value in fields:
                headers.add(name, _utf8(value))  # type: ignore[arg-type]  # bytes are sent as is
        deadline = None if timeout is None else time.monotonic() + timeout
        url = request.url
        try:
            route = None if proxy is not None or self._origins is None else self._origins.route(url)
            if route is not None:
                pool, target = route
                # What PoolManager.urlopen passes its pool, minus the parsing.
                response = pool.urlopen(
                    request.method,
                    target,
                    body=request.body,
                    headers=headers,  # type: ignore[arg-type]  # bytes values are sent as is
                    timeout=_timeout(timeout),
                    retries=_NO_RETRIES,
                    redirect=False,
                    assert_same_host=False,
                    preload_content=False,
                )
            else:
                manager = self._pool if proxy is None else self._proxy_pool(proxy)
                response = manager.urlopen(
                    request.method,
                    url,
                    body=request.body,
                    headers=headers,
                    timeout=_timeout(timeout),
                    retries=False,
                    redirect=False,
                    preload_content=False,
                )
        except urllib3.exceptions.HTTPError as err:
            raise _from_urllib3(err) from err
        try:
            body = _read_body(response, deadline, timeout)
        except BaseException:
            # A half-read connection must not go back to the pool.
            response.close()
            response.release_conn()
            raise
        response.release_conn()
        # iteritems(): every field, repeated names too, at a third of the cost of items()'s view;
        # the Headers are fresh, so the response takes them as they are (no copy).
        result = HttpResponse(response.status, None, body)
        result.headers = Headers.received(list(response.headers.iteritems()))
        return result

    def close(self) -> None:
        self._pool.clear()
        if self._origins is not None:
            self._origins.clear()
        with self._lock:
            for manager in self._proxies.values():
                manager.clear()
            self._proxies.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


_CHUNK = 1 << 16
# What urlopen makes of retries=False, redirect=False on every call, made once (never mutated:
# increment() returns a new Retry, or raises with retries off).
_NO_RETRIES = urllib3.Retry(False, redirect=False)


@functools.lru_cache(maxsize=64)
def _timeout(seconds: float | None) -> urllib3.Timeout:
    # Built once per value (a client uses one or two), not on every request.
    return urllib3.Timeout(connect=seconds, read=seconds)


def _read_body(
    response: urllib3.BaseHTTPResponse, deadline: float | None, timeout: float | None
) -> bytes:
    """The whole body, before ``deadline``: each read may only wait for what is left of it."""
    chunks: list[bytes] = []
    # read1 (urllib3 >= 2.3) returns what one socket read gives, so the deadline is checked
    # between reads; read(amt) of older versions waits for a whole chunk.
    read: Callable[[int], bytes] = getattr(response, "read1", response.read)
    # Without a content coding, what has been read is what the caller gets (a decoder could
    # still hold decoded bytes when the raw body is all read).
    plain = "content-encoding" not in response.headers
    try:
        while True:
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TransportTimeout(
                        f"the response took longer than {timeout} s to arrive",
                        request_sent=True,
                    )
                connection = response.connection
                sock = getattr(connection, "sock", None)
                if sock is not None:
                    sock.settimeout(remaining)
            chunk = read(_CHUNK)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            if plain and getattr(response, "length_remaining", None) == 0:
                return b"".join(chunks)  # all of its Content-Length: no read to see the end
    except urllib3.exceptions.HTTPError as err:
        raise _from_urllib3(err) from err
    except OSError as err:  # a socket error urllib3 did not wrap
        raise TransportError(f"{type(err).__name__}: {err}", request_sent=True) from err


def _from_urllib3(err: urllib3.exceptions.HTTPError) -> TransportError:
    errors = urllib3.exceptions
    inner: BaseException = err
    # With retries disabled urllib3 raises the original error, but a user-supplied pool may still
    # wrap it in MaxRetryError.
    if isinstance(err, errors.MaxRetryError) and err.reason is not None:
        inner = err.reason
    message = f"{type(inner).__name__}: {inner}"
    # NewConnectionError (refused, DNS failure) subclasses ConnectTimeoutError: test it first.
    if isinstance(inner, errors.NewConnectionError):
        return TransportError(message, request_sent=False)
    if isinstance(inner, errors.ConnectTimeoutError):
        return TransportTimeout(message, request_sent=False)
    if isinstance(inner, errors.TimeoutError):
        return TransportTimeout(message, request_sent=True)
    if isinstance(inner, errors.SSLError):
        return TransportError(
            message, request_sent=False, retryable=not _caused_by_cert_failure(inner)
        )
    if isinstance(inner, errors.ProxyError):
        return TransportError(message, request_sent=False)
    if isinstance(inner, (errors.LocationValueError, errors.URLSchemeUnknown)):
        return TransportError(message, request_sent=False, retryable=False)
    # ProtocolError (reset, dropped, incomplete read) and anything unknown: the server may have
    # seen the request, so only idempotent requests are retried.
    return TransportError(message, request_sent=True)


def _httpx_verify(verify: bool | str, ssl_context: ssl.SSLContext | None) -> ssl.SSLContext | bool:
    # httpx 0.28 deprecates CA-bundle paths for ``verify``; build the context ourselves.
    if ssl_context is not None:
        return ssl_context
    if isinstance(verify, str):
        return ssl.create_default_context(cafile=verify)
    return verify


def _from_httpx(err: Exception) -> TransportError:
    import httpx

    message = f"{type(err).__name__}: {err}"
    if isinstance(err, (httpx.ConnectTimeout, httpx.PoolTimeout)):
        return TransportTimeout(message, request_sent=False)
    if isinstance(err, httpx.TimeoutException):
        return TransportTimeout(message, request_sent=True)
    if isinstance(err, httpx.ConnectError):
        return TransportError(
            message, request_sent=False, retryable=not _caused_by_cert_failure(err)
        )
    if isinstance(err, httpx.ProxyError):
        return TransportError(message, request_sent=False)
    if isinstance(err, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return TransportError(message, request_sent=False, retryable=False)
    return TransportError(message, request_sent=True)


class _HttpxClients:
    """One httpx client per proxy (``None``: direct), created on first use, like urllib3's
    pool per proxy: httpx takes its proxy per client, not per request."""

    def __init__(
        self,
        factory: Any,
        proxy: str | None,
        trust_env: bool,
        given: Any,
    ) -> None:
        self._factory = factory
        self._clients: dict[Proxy | None, Any] = {}
        self._lock = threading.Lock()
        self._given = given
        self._fixed = Proxy.parse(proxy) if proxy else None
        env = ProxyConfig.from_environment() if trust_env and not proxy else None
        self._env = None if env is None or env.empty else env

    def for_url(self, url: str) -> Any:
        if self._given is not None:
            return self._given
        proxy = self._fixed or environment_proxy(self._env, url)
        client = self._clients.get(proxy)
        if client is None:
            with self._lock:
                client = self._clients.get(proxy)
                if client is None:
                    client = self._factory(proxy)
                    self._clients[proxy] = client
        return client

    def all(self) -> list[Any]:
        with self._lock:
            clients = list(self._clients.values())
            self._clients.clear()
        return clients + ([self._given] if self._given is not None else [])


def _httpx_proxy(proxy: Proxy | None) -> Any:
    import httpx

    if proxy is None:
        return None
    headers = {"Proxy-Authorization": proxy.authorization} if proxy.authorization else None
    return httpx.Proxy(proxy.url, headers=headers)


def _too_slow(timeout: float | None) -> TransportTimeout:
    return TransportTimeout(
        f"the response took longer than {timeout} s to arrive", request_sent=True
    )


class HttpxTransport:
    """Synchronous transport on ``httpx.Client`` (optional; urllib3 is the faster default).

    Proxies as :class:`Urllib3Transport` takes them (``proxy=``, else the environment unless
    ``trust_env=False``); httpx's own reading of the environment stays off so every transport
    behaves the same. ``client`` brings your own ``httpx.Client`` (used for every request).
    """

    def __init__(
        self,
        *,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        import httpx

        checked = _httpx_verify(verify, ssl_context)

        def factory(chosen: Proxy | None) -> httpx.Client:
            return httpx.Client(
                proxy=_httpx_proxy(chosen),
                verify=checked,
                follow_redirects=False,
                trust_env=False,
            )

        self._clients = _HttpxClients(factory, proxy, trust_env, client)

    def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        import httpx

        deadline = None if timeout is None else time.monotonic() + timeout
        client: httpx.Client = self._clients.for_url(request.url)
        try:
            with client.stream(
                request.method,
                request.url,
                headers=_utf8_headers(request),
                content=request.body,
                timeout=httpx.Timeout(timeout),
            ) as response:
                chunks: list[bytes] = []
                for chunk in response.iter_bytes():
                    # httpx bounds each read only: check the attempt's deadline between them.
                    if deadline is not None and time.monotonic() > deadline:
                        raise _too_slow(timeout)
                    chunks.append(chunk)
                return HttpResponse(
                    response.status_code, response.headers.multi_items(), b"".join(chunks)
                )
        except (httpx.HTTPError, httpx.InvalidURL) as err:
            raise _from_httpx(err) from err

    def close(self) -> None:
        for client in self._clients.all():
            client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class HttpxAsyncTransport:
    """Asynchronous transport on ``httpx.AsyncClient`` (optional; ``AsyncioTransport`` is the
    default).

    Same options as :class:`HttpxTransport`; ``client`` brings your own ``httpx.AsyncClient``.
    """

    def __init__(
        self,
        *,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        import httpx

        checked = _httpx_verify(verify, ssl_context)

        def factory(chosen: Proxy | None) -> httpx.AsyncClient:
            return httpx.AsyncClient(
                proxy=_httpx_proxy(chosen),
                verify=checked,
                follow_redirects=False,
                trust_env=False,
            )

        self._clients = _HttpxClients(factory, proxy, trust_env, client)

    async def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        import asyncio  # here, not at the top: sync-only programs never import it

        import httpx

        client: httpx.AsyncClient = self._clients.for_url(request.url)
        try:
            # One deadline over connecting and reading the whole body.
            async with asyncio.timeout(timeout):
                response = await client.request(
                    request.method,
                    request.url,
                    headers=_utf8_headers(request),
                    content=request.body,
                    timeout=httpx.Timeout(timeout),
                )
        except TimeoutError as err:
            raise _too_slow(timeout) from err
        except (httpx.HTTPError, httpx.InvalidURL) as err:
            raise _from_httpx(err) from err
        return HttpResponse(response.status_code, response.headers.multi_items(), response.content)

    async def close(self) -> None:
        for client in self._clients.all():
            await client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
