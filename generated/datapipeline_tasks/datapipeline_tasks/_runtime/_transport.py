"""Default transports: urllib3 (sync default), httpx (sync, optional) and httpx (async default).

Every transport sends exactly the headers it is given (plus what the HTTP library itself must
add, such as ``Host``), follows no redirects, does no retries of its own (the retry layer in
``_retry`` owns retries, and a library retrying underneath it would multiply attempts and reuse
stale signatures) and reads the whole body before returning. Library exceptions are mapped to
:class:`~._http.TransportError` / :class:`~._http.TransportTimeout` so callers never see them.

``httpx`` is imported only when an httpx transport is created, so sync-only users of the urllib3
default never import it.
"""

from __future__ import annotations

import ssl
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import urllib3
import urllib3.exceptions

from ._http import HttpRequest, HttpResponse, TransportError, TransportTimeout

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
    """Synchronous transport on a keep-alive ``urllib3.PoolManager`` (the sync default).

    :param proxy: proxy URL (``http://host:port``); a ``urllib3.ProxyManager`` is used.
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
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        maxsize: int = 10,
        pool: urllib3.PoolManager | None = None,
    ) -> None:
        if pool is not None:
            self._pool = pool
            return
        options: dict[str, Any] = {"maxsize": maxsize, "block": False, "retries": False}
        if ssl_context is not None:
            options["ssl_context"] = ssl_context
        elif verify is False:
            options["cert_reqs"] = "CERT_NONE"
        elif isinstance(verify, str):
            options["cert_reqs"] = "CERT_REQUIRED"
            options["ca_certs"] = verify
        self._pool = (
            urllib3.ProxyManager(proxy, **options) if proxy else urllib3.PoolManager(**options)
        )

    def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        headers = urllib3.HTTPHeaderDict()
        for name, value in request.headers.multi_items():
            headers.add(name, _utf8(value))  # type: ignore[arg-type]  # bytes are sent as is
        try:
            response = self._pool.urlopen(
                request.method,
                request.url,
                body=request.body,
                headers=headers,
                timeout=urllib3.Timeout(connect=timeout, read=timeout),
                retries=False,
                redirect=False,
                preload_content=True,
            )
        except urllib3.exceptions.HTTPError as err:
            raise _from_urllib3(err) from err
        return HttpResponse(response.status, list(response.headers.items()), response.data)

    def close(self) -> None:
        self._pool.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


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


def _httpx_response(response: httpx.Response) -> HttpResponse:
    return HttpResponse(response.status_code, response.headers.multi_items(), response.content)


class HttpxTransport:
    """Synchronous transport on ``httpx.Client`` (optional; urllib3 is the faster default).

    Environment proxy variables are ignored (``trust_env=False``) so every transport behaves
    the same; pass ``proxy`` explicitly. ``client`` brings your own ``httpx.Client``.
    """

    def __init__(
        self,
        *,
        proxy: str | None = None,
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        import httpx

        self._client = client or httpx.Client(
            proxy=proxy,
            verify=_httpx_verify(verify, ssl_context),
            follow_redirects=False,
            trust_env=False,
        )

    def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        import httpx

        try:
            response = self._client.request(
                request.method,
                request.url,
                headers=_utf8_headers(request),
                content=request.body,
                timeout=httpx.Timeout(timeout),
            )
        except (httpx.HTTPError, httpx.InvalidURL) as err:
            raise _from_httpx(err) from err
        return _httpx_response(response)

    def close(self) -> None:
        self._client.close()

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
    """Asynchronous transport on ``httpx.AsyncClient`` (the async default).

    Same options as :class:`HttpxTransport`; ``client`` brings your own ``httpx.AsyncClient``.
    """

    def __init__(
        self,
        *,
        proxy: str | None = None,
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        import httpx

        self._client = client or httpx.AsyncClient(
            proxy=proxy,
            verify=_httpx_verify(verify, ssl_context),
            follow_redirects=False,
            trust_env=False,
        )

    async def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        import httpx

        try:
            response = await self._client.request(
                request.method,
                request.url,
                headers=_utf8_headers(request),
                content=request.body,
                timeout=httpx.Timeout(timeout),
            )
        except (httpx.HTTPError, httpx.InvalidURL) as err:
            raise _from_httpx(err) from err
        return _httpx_response(response)

    async def close(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
