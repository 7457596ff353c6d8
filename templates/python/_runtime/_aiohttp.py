"""Asynchronous transport on aiohttp, for those who want it (the async default is
``_asyncio_http.AsyncioTransport``, which imports in a tenth of the time).

aiohttp is an optional dependency (the package's ``aiohttp`` extra): nothing imports it until an
:class:`AiohttpTransport` is created, so importing the package, or using the default
transports, never pays for it (about 150 ms), and a missing aiohttp is reported when the
transport is built rather than on its first call.

Like the other transports it sends the URL exactly as given (no re-quoting: SigV4 signs the
encoded path), follows no redirects, retries nothing and reads the whole body within
``timeout`` (one deadline per attempt, body included). Proxies come from the environment (see
``_proxy``) unless ``proxy=`` names one; aiohttp's own ``trust_env`` stays off because it also
reads ``~/.netrc`` credentials into requests. The session is created on first use, inside the
running event loop, and bound to it.
"""

from __future__ import annotations

import ssl
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Self

from ._http import HttpRequest, HttpResponse, TransportError, TransportTimeout
from ._proxy import Proxy, ProxyConfig, environment_proxy

if TYPE_CHECKING:
    import aiohttp

__all__ = ["AiohttpTransport", "import_aiohttp"]


def import_aiohttp(distribution: str = "") -> ModuleType:
    """``aiohttp``, or an ImportError that says which extra installs it."""
    try:
        import aiohttp
    except ImportError as err:
        target = f"{distribution}[aiohttp]" if distribution else "aiohttp"
        raise ImportError(
            f"AiohttpTransport needs aiohttp: pip install '{target}' "
            "(or leave the async client its default transport)"
        ) from err
    return aiohttp


class AiohttpTransport:
    """:param proxy: proxy URL for every request (default: ``HTTP_PROXY``/``HTTPS_PROXY``/
    ``NO_PROXY``); :param trust_env: read proxies from the environment when ``proxy`` is not
    given; :param verify: ``True`` (system trust store), ``False`` (tests only) or a CA bundle
    path; :param ssl_context: overrides ``verify``; :param limit: connections kept per host;
    :param session: bring your own ``aiohttp.ClientSession``."""

    def __init__(
        self,
        *,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        limit: int = 100,
        session: aiohttp.ClientSession | None = None,
        distribution: str = "",
    ) -> None:
        # Imported here, not at the first request: the client's constructor reports a missing
        # aiohttp, and the first call does not pay for the import.
        import_aiohttp(distribution)
        self._fixed = Proxy.parse(proxy) if proxy else None
        env = ProxyConfig.from_environment() if trust_env and not proxy else None
        self._env = None if env is None or env.empty else env
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
        proxy = self._fixed or environment_proxy(self._env, request.url)
        headers = request.headers.multi_items()
        proxy_headers = None
        if proxy is not None and proxy.authorization:
            # The CONNECT request carries the proxy's credentials for an https target; a
            # request forwarded in the clear carries them itself.
            if request.url[:6].lower() == "https:":
                proxy_headers = {"Proxy-Authorization": proxy.authorization}
            else:
                headers.append(("Proxy-Authorization", proxy.authorization))
        try:
            async with session.request(
                request.method,
                URL(request.url, encoded=True),
                headers=headers,
                data=request.body or None,
                allow_redirects=False,
                proxy=proxy.url if proxy is not None else None,
                proxy_headers=proxy_headers,
                # `total` covers reading the body too: one deadline for the whole attempt.
                timeout=aiohttp.ClientTimeout(total=timeout, connect=timeout),
            ) as response:
                body = await response.read()
                return HttpResponse(response.status, list(response.headers.items()), body)
        except (TimeoutError, aiohttp.ServerTimeoutError) as err:
            raise TransportTimeout(f"timed out: {err or 'no response'}", request_sent=True) from err
        except aiohttp.ClientConnectorCertificateError as err:
            raise TransportError(
                f"TLS certificate: {err}", request_sent=False, retryable=False
            ) from err
        except aiohttp.ClientProxyConnectionError as err:
            raise TransportError(f"cannot connect to the proxy: {err}", request_sent=False) from err
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
