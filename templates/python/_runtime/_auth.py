"""Credentials of an OpenAPI document's security schemes, applied per operation.

A client holds one credential per scheme it was given: an API key (header, query or cookie),
HTTP basic (user name and password), or a bearer token source (HTTP bearer, oauth2 and
openIdConnect alike): a static token, a callable returning one (called per attempt, so it may
refresh), or any object with azure-core's ``get_token(*scopes)``, whose tokens are cached per
scope set until shortly before they expire.

An operation's requirements are alternatives (its `security` list), each a combination of
schemes with the scopes it needs; the first alternative whose every scheme has a credential is
applied. An empty combination means anonymous calls are accepted. When no alternative can be
met the call is refused before anything is sent.

Secrets never appear in a repr, and query-string keys are masked in request reprs and in
transport errors (see ``HttpRequest.secrets``).
"""

from __future__ import annotations

import base64
import inspect
import threading
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeAlias

from ._bearer import AccessTokenLike, AsyncBearerTokenPolicy, BearerTokenPolicy, require_https
from ._http import HttpRequest

__all__ = [
    "ApiKey",
    "Authenticator",
    "Basic",
    "Bearer",
    "MissingCredentialsError",
    "Requirements",
    "TokenSource",
]

#: Alternatives of combinations of (scheme name, scopes).
Requirements: TypeAlias = Sequence[Sequence[tuple[str, Sequence[str]]]]
#: What a bearer scheme accepts: a token, a callable giving one (sync or async), or a
#: ``get_token(*scopes)`` credential (azure-core's TokenCredential protocol).
TokenSource: TypeAlias = str | Callable[[], str] | Callable[[], Awaitable[str]] | Any


class MissingCredentialsError(Exception):
    """The operation needs a credential the client was not given."""


class ApiKey:
    """An API key sent in a header, a query parameter or a cookie."""

    __slots__ = ("_key", "location", "name")

    def __init__(self, key: str, *, name: str, location: str) -> None:
        if not isinstance(key, str):
            raise TypeError(f"an API key is a str, got {type(key).__name__}")
        self._key = key
        self.name = name
        self.location = location

    def __repr__(self) -> str:
        return f"ApiKey(name={self.name!r}, location={self.location!r}, key='***')"

    def apply(self, request: HttpRequest, scopes: Sequence[str]) -> None:
        if self.location == "header":
            request.headers[self.name] = self._key
            request.headers.mark_secret(self.name)
        elif self.location == "cookie":
            _add_cookie(request, f"{_cookie_text(self.name)}={_cookie_text(self._key)}")
        else:
            from urllib.parse import quote

            sep = "&" if "?" in request.url else "?"
            request.url += f"{sep}{quote(self.name, safe='-._~')}={quote(self._key, safe='-._~')}"
        request.secrets = (*request.secrets, self._key)


class Basic:
    """HTTP basic authentication."""

    __slots__ = ("_password", "username")

    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self._password = password

    def __repr__(self) -> str:
        return f"Basic(username={self.username!r}, password='***')"

    def apply(self, request: HttpRequest, scopes: Sequence[str]) -> None:
        raw = f"{self.username}:{self._password}".encode()
        request.headers["Authorization"] = "Basic " + base64.b64encode(raw).decode("ascii")


class Bearer:
    """``Authorization: Bearer <token>`` from a token source (see the module docstring)."""

    __slots__ = (
        "_async_policies",
        "_lock",
        "_policies",
        "_source",
        "default_scopes",
        "enforce_https",
    )

    def __init__(
        self,
        source: TokenSource,
        *,
        default_scopes: Sequence[str] = (),
        enforce_https: bool = True,
    ) -> None:
        if not (isinstance(source, str) or callable(source) or _has_get_token(source)):
            raise TypeError(
                "a bearer credential is a token (str), a callable returning one, or an object "
                f"with get_token(*scopes); got {type(source).__name__}"
            )
        self._source: Any = source  # told apart at use: str, get_token(), or a callable
        self.default_scopes = tuple(default_scopes)
        self.enforce_https = enforce_https
        self._policies: dict[tuple[str, ...], BearerTokenPolicy] = {}
        self._async_policies: dict[tuple[str, ...], AsyncBearerTokenPolicy] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Bearer(source=<{type(self._source).__name__}>)"

    def _scopes(self, scopes: Sequence[str]) -> tuple[str, ...]:
        return tuple(scopes) or self.default_scopes

    def token(self, scopes: Sequence[str]) -> str:
        source = self._source
        if isinstance(source, str):
            return source
        if _has_get_token(source):
            if inspect.iscoroutinefunction(source.get_token):
                raise TypeError("this credential's get_token is async: use the async client")
            key = self._scopes(scopes)
            with self._lock:
                policy = self._policies.get(key)
                if policy is None:
                    policy = self._policies[key] = BearerTokenPolicy(source, *key)
            return policy.token()
        value = source()
        if inspect.isawaitable(value):
            raise TypeError("this token callable is async: use the async client")
        return str(value)

    async def async_token(self, scopes: Sequence[str]) -> str:
        source = self._source
        if isinstance(source, str):
            return source
        if _has_get_token(source):
            key = self._scopes(scopes)
            policy = self._async_policies.get(key)
            if policy is None:
                policy = self._async_policies[key] = AsyncBearerTokenPolicy(source, *key)
            return await policy.token()
        value = source()
        if inspect.isawaitable(value):
            value = await value
        return str(value)

    def apply(self, request: HttpRequest, scopes: Sequence[str]) -> None:
        if self.enforce_https:
            require_https(request.url)  # before any token is fetched
        request.headers["Authorization"] = f"Bearer {self.token(scopes)}"

    async def async_apply(self, request: HttpRequest, scopes: Sequence[str]) -> None:
        if self.enforce_https:
            require_https(request.url)
        request.headers["Authorization"] = f"Bearer {await self.async_token(scopes)}"


Credential: TypeAlias = ApiKey | Basic | Bearer


class Authenticator:
    """The client's credentials by scheme name, and the choice among an operation's
    alternatives."""

    __slots__ = ("_credentials",)

    def __init__(self, credentials: Mapping[str, Credential | None]) -> None:
        self._credentials = {k: v for k, v in credentials.items() if v is not None}

    def __repr__(self) -> str:
        return f"Authenticator(schemes={sorted(self._credentials)!r})"

    def _choose(self, requirements: Requirements) -> list[tuple[Credential, Sequence[str]]]:
        for combination in requirements:
            if all(name in self._credentials for name, _ in combination):
                return [(self._credentials[name], scopes) for name, scopes in combination]
        wanted = " or ".join(
            " and ".join(name for name, _ in combination) for combination in requirements
        )
        raise MissingCredentialsError(
            f"this operation needs credentials for {wanted}; pass them to the client"
        )

    def apply(self, request: HttpRequest, requirements: Requirements) -> HttpRequest:
        if requirements:
            for credential, scopes in self._choose(requirements):
                credential.apply(request, scopes)
        return request

    async def async_apply(self, request: HttpRequest, requirements: Requirements) -> HttpRequest:
        if requirements:
            for credential, scopes in self._choose(requirements):
                if isinstance(credential, Bearer):
                    await credential.async_apply(request, scopes)
                else:
                    credential.apply(request, scopes)
        return request


def _has_get_token(source: Any) -> bool:
    return callable(getattr(source, "get_token", None))


def _cookie_text(text: str) -> str:
    """A key as cookie text: a `;` would start another cookie and `,`, spaces, quotes or a
    line break are not allowed in a cookie, so those are percent-encoded. A `%` is kept: a
    session cookie copied from a browser (`s%3A...`) is already encoded."""
    from urllib.parse import quote

    return quote(text, safe=_COOKIE_SAFE)


_COOKIE_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '",;\\')


def _add_cookie(request: HttpRequest, pair: str) -> None:
    existing = request.headers.get("Cookie")
    request.headers["Cookie"] = f"{existing}; {pair}" if existing else pair


# Re-exported for type annotations in generated clients.
AccessToken = AccessTokenLike
