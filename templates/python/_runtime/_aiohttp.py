"""Asynchronous transport on aiohttp: the async default (about 4x the throughput of httpx's
AsyncClient in benchmarks/transport.py on loopback).

Like the other transports it sends the URL exactly as given (no re-quoting: SigV4 signs the
encoded path), follows no redirects, retries nothing and reads the whole body. The session is
created on first use, inside the running event loop, and bound to it.
"""

from __future__ import annotations

import ssl
from types import TracebackType
from typing import TYPE_CHECKING, Self

from ._http import HttpRequest, HttpResponse, TransportError, TransportTimeout

if TYPE_CHECKING:
    import aiohttp

__all__ = ["AiohttpTransport"]


class AiohttpTransport:
    """:param proxy: proxy URL; :param verify: ``True`` (system trust store), ``False`` (tests
    only) or a CA bundle path; :param ssl_context: overrides ``verify``; :param limit: connections
    kept per host; :param session: bring your own ``aiohttp.ClientSession``."""

    def __init__(
        self,
        *,
        proxy: str | None = None,
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        limit: int = 100,
        session: aiohttp.ClientSession | None = None,
    ) -> None:
        self._proxy = proxy
        self._ssl: ssl.SSLContext | bool
        if ssl_context is not None:
            self._ssl = ssl_context
        elif isinstance(verify, str):
            self._ssl = ssl.create_default_context(cafile=verify)
        else:
            self._ssl = True if verify else False
        self._limit = limit
        self._session = session
        self._own_session = session is None

    def _get_session(self) -> aiohttp.ClientSession:
        import aiohttp

        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit_per_host=self._limit, ssl=self._ssl),
                auto_decompress=True,
                trust_env=False,
                # Send exactly our headers: no default User-Agent/Accept beyond what HTTP needs.
                skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding", "Content-Type"),
            )
            # aiohttp silently resends idempotent requests once when a pooled connection was
            # dropped; the retry layer must see (and count) that failure itself.
            if hasattr(self._session, "_retry_connection"):
                self._session._retry_connection = False
        return self._session

    async def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        import aiohttp
        from yarl import URL

        session = self._get_session()
        try:
            async with session.request(
                request.method,
                URL(request.url, encoded=True),
                headers=request.headers.multi_items(),
                data=request.body or None,
                allow_redirects=False,
                proxy=self._proxy,
                timeout=aiohttp.ClientTimeout(total=None, connect=timeout, sock_read=timeout),
            ) as response:
                body = await response.read()
                headers: list[tuple[str, str]] = list(response.headers.items())
                return HttpResponse(response.status, headers, body)
        except (TimeoutError, aiohttp.ServerTimeoutError) as err:
            raise TransportTimeout(f"timed out: {err or 'no response'}", request_sent=True) from err
        except aiohttp.ClientConnectorCertificateError as err:
            raise TransportError(
                f"TLS certificate: {err}", request_sent=False, retryable=False
            ) from err
        except aiohttp.ClientConnectorError as err:
            raise TransportError(f"cannot connect: {err}", request_sent=False) from err
        except aiohttp.InvalidURL as err:
            raise TransportError(
                f"invalid URL: {err}", request_sent=False, retryable=False
            ) from err
        except (aiohttp.ClientError, OSError) as err:
            # Disconnected or reset after the request went out: the server may have seen it.
            raise TransportError(f"connection failed: {err!r}", request_sent=True) from err

    async def close(self) -> None:
        if self._session is not None and self._own_session:
            await self._session.close()
        self._session = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
