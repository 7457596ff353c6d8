"""OpenAPI credentials: which alternative applies, how each scheme is sent, token sources,
and that secrets stay out of reprs and transport errors."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import pytest
from _runtime._auth import ApiKey, Authenticator, Basic, Bearer, MissingCredentialsError
from _runtime._http import HttpRequest, TransportError
from _runtime._retry import RetryPolicy, send_with_retries


class Token:
    def __init__(self, token: str, expires_on: int) -> None:
        self.token = token
        self.expires_on = expires_on


class Credential:
    """azure-core's protocol: get_token(*scopes)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **_: Any) -> Token:
        self.calls.append(scopes)
        return Token(f"tok-{len(self.calls)}", 4_102_444_800)


class AsyncCredential(Credential):
    async def get_token(self, *scopes: str, **_: Any) -> Token:  # type: ignore[override]
        await asyncio.sleep(0)
        return super().get_token(*scopes)


def _request() -> HttpRequest:
    return HttpRequest("GET", "https://api.test/things")


def test_api_key_in_header_query_and_cookie() -> None:
    auth = Authenticator(
        {
            "h": ApiKey("k1", name="X-Api-Key", location="header"),
            "q": ApiKey("k 2", name="token", location="query"),
            "c": ApiKey("k3", name="session", location="cookie"),
        }
    )
    request = auth.apply(_request(), [[("h", []), ("q", []), ("c", [])]])
    assert request.headers["X-Api-Key"] == "k1"
    assert request.url == "https://api.test/things?token=k%202"
    assert request.headers["Cookie"] == "session=k3"
    # None of them shows up when the request is printed.
    shown = repr(request) + repr(request.headers)
    assert "k1" not in shown and "k%202" not in shown and "k3" not in shown


def test_basic_and_repr() -> None:
    basic = Basic("ann", "pa55")
    request = Authenticator({"b": basic}).apply(_request(), [[("b", [])]])
    assert request.headers["Authorization"] == "Basic " + base64.b64encode(b"ann:pa55").decode()
    assert "pa55" not in repr(basic) and "pa55" not in repr(request.headers)


def test_first_alternative_the_client_can_meet_applies() -> None:
    auth = Authenticator({"key": ApiKey("k", name="api-key", location="header"), "oauth": None})
    requirements = [[("oauth", ["board:read"])], [("key", [])]]
    request = auth.apply(_request(), requirements)
    assert request.headers["api-key"] == "k" and "Authorization" not in request.headers
    # An empty alternative: anonymous calls are accepted.
    assert Authenticator({}).apply(_request(), [[("key", [])], []]).headers == {}
    with pytest.raises(MissingCredentialsError, match="oauth or key"):
        Authenticator({}).apply(_request(), requirements)


def test_combinations_apply_every_scheme() -> None:
    auth = Authenticator(
        {
            "a": ApiKey("1", name="A", location="header"),
            "b": ApiKey("2", name="B", location="header"),
        }
    )
    request = auth.apply(_request(), [[("a", []), ("b", [])]])
    assert (request.headers["A"], request.headers["B"]) == ("1", "2")


def test_bearer_sources() -> None:
    assert Bearer("static").token([]) == "static"
    calls = iter(["t1", "t2"])
    source = Bearer(lambda: next(calls))
    assert (source.token([]), source.token([])) == ("t1", "t2")  # a callable is asked each time
    credential = Credential()
    bearer = Bearer(credential, default_scopes=["https://r/.default"])
    assert bearer.token(["board:read"]) == "tok-1"
    assert bearer.token(["board:read"]) == "tok-1"  # cached per scope set
    assert bearer.token([]) == "tok-2"
    assert credential.calls == [("board:read",), ("https://r/.default",)]
    assert "tok" not in repr(bearer)
    with pytest.raises(TypeError):
        Bearer(42)


async def test_bearer_refuses_plain_http_before_asking_for_a_token() -> None:
    credential = Credential()
    plain = HttpRequest("GET", "http://api.test/things")
    auth = Authenticator({"o": Bearer(credential)})
    with pytest.raises(ValueError, match="non-https"):
        auth.apply(plain.copy(), [[("o", [])]])
    with pytest.raises(ValueError, match="non-https"):
        await auth.async_apply(plain.copy(), [[("o", [])]])
    assert credential.calls == []
    local = Authenticator({"o": Bearer("t", enforce_https=False)}).apply(plain, [[("o", [])]])
    assert local.headers["Authorization"] == "Bearer t"


async def test_async_bearer_with_coroutine_sources() -> None:
    credential = AsyncCredential()
    auth = Authenticator({"o": Bearer(credential)})
    request = await auth.async_apply(_request(), [[("o", ["read"])]])
    assert request.headers["Authorization"] == "Bearer tok-1"
    assert credential.calls == [("read",)]

    async def token() -> str:
        return "async-token"

    request = await Authenticator({"o": Bearer(token)}).async_apply(_request(), [[("o", [])]])
    assert request.headers["Authorization"] == "Bearer async-token"
    with pytest.raises(TypeError, match="async"):
        Bearer(AsyncCredential()).token([])


class Refused:
    def send(self, request: HttpRequest, *, timeout: float | None) -> Any:
        raise TransportError(f"cannot connect to {request.url}", request_sent=False)

    def close(self) -> None:
        pass


def test_transport_errors_do_not_show_query_keys() -> None:
    auth = Authenticator({"q": ApiKey("s3cr3t/key", name="token", location="query")})
    with pytest.raises(TransportError) as caught:
        send_with_retries(
            Refused(),
            lambda attempt: auth.apply(_request(), [[("q", [])]]),
            RetryPolicy.no_retries(),
            timeout=1,
            idempotent=True,
        )
    assert "s3cr3t" not in str(caught.value) and "***" in str(caught.value)
    assert caught.value.__cause__ is None
