"""Bearer tokens from a provider: azure-core's ``get_token(*scopes)`` protocol, cached.

Any object with ``get_token(*scopes)`` returning something with ``token`` and ``expires_on``
(``azure.identity`` credentials, or your own) works, sync or async. A token is fetched only when
the cached one for those scopes is missing or within ``refresh_margin`` seconds of expiring.
"""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlsplit

from ._http import HttpRequest

__all__ = [
    "AccessTokenLike",
    "AsyncBearerTokenPolicy",
    "AsyncTokenCredential",
    "BearerTokenPolicy",
    "TokenCredential",
    "require_https",
]


def require_https(url: str) -> None:
    """Refuse to send a bearer token in clear text, as azure-core's BearerTokenCredentialPolicy
    does: anyone on the path could replay it."""
    if not url.lower().startswith("https://"):
        raise ValueError(
            "Bearer token authentication is not permitted for non-TLS protected (non-https) "
            f"URLs ({urlsplit(url).scheme or 'no scheme'}://...); for local testing only, "
            "pass enforce_https=False to the client"
        )


class AccessTokenLike(Protocol):
    """What ``get_token`` returns (azure-core ``AccessToken``: a named tuple)."""

    @property
    def token(self) -> str: ...

    @property
    def expires_on(self) -> int: ...


class TokenCredential(Protocol):
    """azure-core's ``TokenCredential`` protocol (``azure.identity.DefaultAzureCredential``...)."""

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessTokenLike: ...


class AsyncTokenCredential(Protocol):
    """azure-core's async ``TokenCredential`` protocol."""

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessTokenLike: ...


class _TokenCache:
    """Holds one token and decides when it must be refreshed."""

    def __init__(self, clock: Callable[[], float], refresh_margin: float) -> None:
        self._clock = clock
        self._margin = refresh_margin
        self.token: AccessTokenLike | None = None

    def valid(self) -> str | None:
        # Refresh ahead of expiry so a request never carries a token that lapses in flight.
        token = self.token
        if token is not None and token.expires_on - self._margin > self._clock():
            return token.token
        return None


class BearerTokenPolicy:
    """Sets ``Authorization: Bearer <token>``, fetching a token only when the cached one is
    missing or within ``refresh_margin`` seconds (default 300) of ``expires_on``.

    Thread-safe: concurrent requests share one refresh.
    """

    def __init__(
        self,
        credential: TokenCredential,
        *scopes: str,
        clock: Callable[[], float] = time.time,
        refresh_margin: float = 300.0,
    ) -> None:
        self._credential = credential
        self._scopes = scopes
        self._cache = _TokenCache(clock, refresh_margin)
        self._lock = threading.Lock()

    def token(self) -> str:
        cached = self._cache.valid()
        if cached is not None:
            return cached
        with self._lock:
            cached = self._cache.valid()
            if cached is None:
                self._cache.token = self._credential.get_token(*self._scopes)
                cached = self._cache.token.token
        return cached

    def authorize(self, request: HttpRequest) -> HttpRequest:
        request.headers["Authorization"] = f"Bearer {self.token()}"
        return request


class AsyncBearerTokenPolicy:
    """Async :class:`BearerTokenPolicy`; ``get_token`` may be a coroutine function or plain."""

    def __init__(
        self,
        credential: AsyncTokenCredential | TokenCredential,
        *scopes: str,
        clock: Callable[[], float] = time.time,
        refresh_margin: float = 300.0,
    ) -> None:
        self._credential = credential
        self._scopes = scopes
        self._cache = _TokenCache(clock, refresh_margin)
        import asyncio  # here: a sync-only program does not import asyncio (20 ms)

        self._lock = asyncio.Lock()

    async def token(self) -> str:
        cached = self._cache.valid()
        if cached is not None:
            return cached
        async with self._lock:
            cached = self._cache.valid()
            if cached is None:
                result = self._credential.get_token(*self._scopes)
                if inspect.isawaitable(result):
                    token: AccessTokenLike = await result
                else:
                    token = result
                self._cache.token = token
                cached = token.token
        return cached

    async def authorize(self, request: HttpRequest) -> HttpRequest:
        request.headers["Authorization"] = f"Bearer {await self.token()}"
        return request
