"""HTTP value types and the three default transports, against the local stub server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from _runtime._asyncio_http import AsyncioTransport
from _runtime._http import (
    AsyncTransport,
    Headers,
    HttpRequest,
    HttpResponse,
    ResponseDecodeError,
    Transport,
    TransportError,
    TransportTimeout,
)
from _runtime._socket_http import SocketTransport
from _runtime._transport import HttpxAsyncTransport, HttpxTransport, Urllib3Transport
from runtime_stub import Reply, StubServer


def test_headers_case_insensitive_multimap() -> None:
    headers = Headers({"Content-Type": "application/json"})
    headers.add("X-Multi", "1")
    headers.add("x-multi", "2")
    assert headers["content-type"] == "application/json"
    assert headers["X-MULTI"] == "1, 2"
    assert headers.get_all("x-multi") == ["1", "2"]
    assert list(headers) == ["Content-Type", "X-Multi"]
    assert len(headers) == 2
    headers["X-MULTI"] = "3"
    assert headers.multi_items() == [("Content-Type", "application/json"), ("X-Multi", "3")]
    del headers["content-type"]
    assert "Content-Type" not in headers and "x-multi" in headers
    assert headers == {"x-multi": "3"}
    assert headers.get("missing") is None
    with pytest.raises(KeyError):
        del headers["missing"]
    copy = headers.copy()
    copy["a"] = "b"
    assert "a" not in headers


@pytest.mark.parametrize(
    ("name", "value"), [("X-A", "ok\r\nInjected: 1"), ("Bad Name:", "v"), ("", "v"), ("X\n", "v")]
)
def test_headers_reject_injection(name: str, value: str) -> None:
    with pytest.raises(ValueError):
        Headers({name: value})


def test_request_repr_hides_headers() -> None:
    request = HttpRequest("get", "https://h/p", {"Authorization": "secret"}, b"{}")
    assert request.method == "GET"
    assert "secret" not in repr(request) and "2 bytes" in repr(request)
    assert request.copy() == request and request.copy() is not request


def test_response_json() -> None:
    assert HttpResponse(204).json() is None
    assert HttpResponse(200, body=b"  \n").json() is None
    assert HttpResponse(200, body=b'{"a": [1]}').json() == {"a": [1]}
    with pytest.raises(ResponseDecodeError, match=r"not valid JSON.*text/html") as info:
        HttpResponse(502, {"Content-Type": "text/html"}, b"<html>Bad gateway</html>").json()
    assert info.value.status == 502
    with pytest.raises(ResponseDecodeError):
        HttpResponse(200, body=b"\xff\xfe").json()


SYNC_TRANSPORTS = {"urllib3": Urllib3Transport, "httpx": HttpxTransport, "socket": SocketTransport}


@pytest.fixture(params=sorted(SYNC_TRANSPORTS))
def sync_transport(request: pytest.FixtureRequest) -> Iterator[Transport]:
    transport: Urllib3Transport | HttpxTransport | SocketTransport
    transport = SYNC_TRANSPORTS[request.param]()
    with transport:
        yield transport


@pytest.fixture(params=["asyncio", "httpx"])
async def async_transport(request: pytest.FixtureRequest) -> AsyncIterator[AsyncTransport]:
    transport: AsyncioTransport | HttpxAsyncTransport
    transport = AsyncioTransport() if request.param == "asyncio" else HttpxAsyncTransport()
    async with transport:
        yield transport


def exchange_request(server: StubServer) -> HttpRequest:
    server.script(
        Reply(201, {"X-Dup": "a", "x-dup": "b", "Content-Type": "application/json"}, b'{"ok":1}')
    )
    return HttpRequest(
        "PATCH",
        f"{server.url}/2023-10-12/farms/a%2Fb/jobs/%C3%BC?x=%20y&z=1",
        {"X-Amz-Client-Token": "tok", "Content-Type": "application/json"},
        b'{"targetRunStatus": "READY"}',
    )


def check_exchange(server: StubServer, response: HttpResponse) -> None:
    assert response.status == 201
    assert response.body == b'{"ok":1}' and response.json() == {"ok": 1}
    assert response.headers.get_all("x-dup") == ["a", "b"]
    (seen,) = server.received
    assert seen.method == "PATCH"
    # The already-encoded path is sent untouched (no re-encoding, no decoding of %2F).
    assert seen.target == "/2023-10-12/farms/a%2Fb/jobs/%C3%BC?x=%20y&z=1"
    assert seen.header("x-amz-client-token") == "tok"
    assert seen.header("content-length") == "28"
    assert seen.header("host") == f"127.0.0.1:{server.port}"
    assert seen.body == b'{"targetRunStatus": "READY"}'


def test_sync_transport_exchange(sync_transport: Transport, stub_server: StubServer) -> None:
    response = sync_transport.send(exchange_request(stub_server), timeout=5)
    check_exchange(stub_server, response)


async def test_async_transport_exchange(
    async_transport: AsyncTransport, stub_server: StubServer
) -> None:
    response = await async_transport.send(exchange_request(stub_server), timeout=5)
    check_exchange(stub_server, response)


def test_sync_transport_sends_explicit_zero_length_and_no_redirects(
    sync_transport: Transport, stub_server: StubServer
) -> None:
    stub_server.script(Reply(302, {"Location": "http://example.invalid/"}), Reply(204))
    response = sync_transport.send(HttpRequest("GET", stub_server.url + "/r"), timeout=5)
    assert response.status == 302  # not followed
    request = HttpRequest("DELETE", stub_server.url + "/d", {"Content-Length": "0"})
    assert sync_transport.send(request, timeout=5).status == 204
    assert stub_server.received[1].header("content-length") == "0"


@pytest.mark.parametrize("kind", [Urllib3Transport, SocketTransport])
def test_keep_alive_reuses_connection(
    stub_server: StubServer, kind: type[Urllib3Transport | SocketTransport]
) -> None:
    with kind() as transport:
        for _ in range(3):
            transport.send(HttpRequest("GET", stub_server.url + "/k"), timeout=5)
    assert len(stub_server.received) == 3 and stub_server.connections == 1


def test_sync_transport_errors(
    sync_transport: Transport, stub_server: StubServer, refused_url: str
) -> None:
    with pytest.raises(TransportError) as refused:
        sync_transport.send(HttpRequest("GET", refused_url), timeout=5)
    assert not refused.value.request_sent and refused.value.retryable
    assert not isinstance(refused.value, TransportTimeout)

    stub_server.script(Reply(drop=True))
    with pytest.raises(TransportError) as dropped:
        sync_transport.send(HttpRequest("POST", stub_server.url, body=b"x"), timeout=5)
    assert dropped.value.request_sent

    stub_server.script(Reply(delay=1.0))
    with pytest.raises(TransportTimeout) as slow:
        sync_transport.send(HttpRequest("GET", stub_server.url), timeout=0.2)
    assert slow.value.request_sent

    with pytest.raises(TransportError) as bad:
        sync_transport.send(HttpRequest("GET", "ftp://127.0.0.1/x"), timeout=1)
    assert not bad.value.retryable


async def test_async_transport_errors(
    async_transport: AsyncTransport, stub_server: StubServer, refused_url: str
) -> None:
    with pytest.raises(TransportError) as refused:
        await async_transport.send(HttpRequest("GET", refused_url), timeout=5)
    assert not refused.value.request_sent
    stub_server.script(Reply(drop=True))
    with pytest.raises(TransportError) as dropped:
        await async_transport.send(HttpRequest("GET", stub_server.url), timeout=5)
    assert dropped.value.request_sent
    stub_server.script(Reply(delay=1.0))
    with pytest.raises(TransportTimeout):
        await async_transport.send(HttpRequest("GET", stub_server.url), timeout=0.2)
    with pytest.raises(TransportError) as bad:
        await async_transport.send(HttpRequest("GET", "ftp://127.0.0.1/x"), timeout=1)
    assert not bad.value.retryable


def test_httpx_not_imported_by_sync_modules() -> None:
    import subprocess
    import sys
    from pathlib import Path

    runtime_parent = Path(__file__).resolve().parents[2] / "templates" / "python"
    code = (
        f"import sys; sys.path.insert(0, {str(runtime_parent)!r}); "
        "import _runtime._transport, _runtime._retry, _runtime._sigv4, _runtime._sharedkey, "
        "_runtime._socket_http; "
        "print('httpx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
