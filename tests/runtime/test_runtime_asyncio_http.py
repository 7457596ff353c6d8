"""The async default transport (asyncio streams + h11) against servers on 127.0.0.1: keep-alive
reuse and what must not be reused, the body framings HTTP/1.1 allows, the connection limit,
timeouts and cancellation, TLS, and the event loop it is used from."""

from __future__ import annotations

import asyncio
import gzip
import socket
import ssl
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from _runtime._asyncio_http import AsyncioTransport
from _runtime._http import HttpRequest, TransportError, TransportTimeout
from runtime_stub import Raw, RawServer, Reply, StubServer

TLS = Path(__file__).resolve().parents[1] / "data" / "tls"


@pytest.fixture
def tls_server() -> Iterator[StubServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(TLS / "server.pem"))
    server = StubServer(tls=context)
    try:
        yield server
    finally:
        server.close()


def ok(body: bytes = b"{}") -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)


async def test_keep_alive_reuses_one_connection(stub_server: StubServer) -> None:
    async with AsyncioTransport() as transport:
        for _ in range(3):
            response = await transport.send(HttpRequest("GET", stub_server.url + "/k"), timeout=5)
            assert response.status == 200 and response.body == b"{}"
    assert len(stub_server.received) == 3
    assert stub_server.connections == 1


async def test_a_connection_the_server_closed_is_not_reused() -> None:
    # The first answer says Connection: close; the second server closes silently while idle
    # (a keep-alive timeout): each next request goes out on a fresh connection and succeeds.
    server = RawServer(
        Raw(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\na", close=True),
        Raw(ok(b"b"), close=True),
        Raw(ok(b"c")),
    )
    try:
        async with AsyncioTransport() as transport:
            bodies = []
            for _ in range(3):
                response = await transport.send(HttpRequest("GET", server.url + "/"), timeout=5)
                bodies.append(response.body)
                await asyncio.sleep(0.05)  # the loop sees the server's close meanwhile
        assert bodies == [b"a", b"b", b"c"]
        assert server.connections == 3
    finally:
        server.close()


async def test_chunked_close_delimited_and_encoded_bodies() -> None:
    chunked = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Id: 1\r\n\r\n"
        b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
    )
    gzipped = gzip.compress(b'{"zipped": true}')
    encoded = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n%s" % (
        len(gzipped),
        gzipped,
    )
    deflated = zlib.compress(b"deflated")
    deflate = b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nContent-Length: %d\r\n\r\n%s" % (
        len(deflated),
        deflated,
    )
    # An interim 100 Continue first, then a body that runs until the server closes.
    until_close = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n\r\nuntil the end"
    server = RawServer(Raw(chunked), Raw(encoded), Raw(deflate), Raw(until_close, close=True))
    try:
        async with AsyncioTransport() as transport:
            url = server.url + "/"
            first = await transport.send(HttpRequest("GET", url), timeout=5)
            second = await transport.send(HttpRequest("GET", url), timeout=5)
            third = await transport.send(HttpRequest("GET", url), timeout=5)
            fourth = await transport.send(HttpRequest("GET", url), timeout=5)
        assert first.body == b"hello world" and first.headers["x-id"] == "1"
        assert second.body == b'{"zipped": true}' and second.json() == {"zipped": True}
        assert third.body == b"deflated"
        assert fourth.status == 200 and fourth.body == b"until the end"
        assert server.connections == 1  # the first three on one kept-alive connection
    finally:
        server.close()


async def test_request_framing_and_headers(stub_server: StubServer) -> None:
    async with AsyncioTransport() as transport:
        post = HttpRequest("POST", stub_server.url + "/p", {"X-Note": "grüße"}, b"payload")
        await transport.send(post, timeout=5)
        await transport.send(HttpRequest("POST", stub_server.url + "/empty"), timeout=5)
        await transport.send(HttpRequest("GET", stub_server.url + "/g"), timeout=5)
        head = await transport.send(HttpRequest("HEAD", stub_server.url + "/h"), timeout=5)
    sent, empty, get, head_seen = stub_server.received
    assert sent.body == b"payload" and sent.header("content-length") == "7"
    # Non-ASCII header values go out as UTF-8 (the stub reads them as latin-1).
    assert sent.header("x-note") == "grüße".encode().decode("latin-1")
    assert empty.header("content-length") == "0"  # an empty POST says so, as http.client does
    assert get.header("content-length") is None and get.header("transfer-encoding") is None
    assert head_seen.method == "HEAD" and head.body == b""  # no body read after a HEAD


async def test_at_most_limit_connections_per_host(stub_server: StubServer) -> None:
    stub_server.responder = lambda received: Reply(200, body=b"{}", delay=0.05)
    async with AsyncioTransport(limit=2) as transport:
        requests = [HttpRequest("GET", f"{stub_server.url}/{i}") for i in range(8)]
        responses = await asyncio.gather(*(transport.send(r, timeout=10) for r in requests))
    assert [r.status for r in responses] == [200] * 8
    assert stub_server.connections == 2


async def test_a_timed_out_connection_is_dropped_not_reused(stub_server: StubServer) -> None:
    stub_server.script(Reply(200, body=b"late", delay=1.0), Reply(200, body=b"fresh"))
    async with AsyncioTransport() as transport:
        with pytest.raises(TransportTimeout) as caught:
            await transport.send(HttpRequest("GET", stub_server.url + "/slow"), timeout=0.2)
        assert caught.value.request_sent
        # The late answer to the first request must not be read as the answer to the second.
        response = await transport.send(HttpRequest("GET", stub_server.url + "/next"), timeout=5)
    assert response.body == b"fresh"
    assert stub_server.connections == 2


async def test_cancelling_a_call_drops_its_connection(stub_server: StubServer) -> None:
    stub_server.script(Reply(200, body=b"late", delay=0.5), Reply(200, body=b"fresh"))
    async with AsyncioTransport() as transport:
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.1):  # the client's per-call deadline does this
                await transport.send(HttpRequest("GET", stub_server.url + "/slow"), timeout=None)
        response = await transport.send(HttpRequest("GET", stub_server.url + "/next"), timeout=5)
    assert response.body == b"fresh"


async def test_a_server_that_never_accepts_times_out_while_connecting() -> None:
    # A listener whose backlog is full: the SYN is never answered, so connecting hangs.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(8):
            filler = socket.socket()
            filler.setblocking(False)
            try:
                filler.connect(("127.0.0.1", port))
            except BlockingIOError:
                pass
            fillers.append(filler)
        async with AsyncioTransport() as transport:
            with pytest.raises(TransportTimeout) as caught:
                await transport.send(HttpRequest("GET", f"http://127.0.0.1:{port}/"), timeout=0.3)
        assert caught.value.request_sent is False  # safe to retry, even a POST
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


async def test_tls_verifies_against_the_given_ca(tls_server: StubServer) -> None:
    url = tls_server.url + "/secure"
    async with AsyncioTransport(verify=str(TLS / "ca.pem")) as transport:
        assert (await transport.send(HttpRequest("GET", url), timeout=5)).status == 200
    async with AsyncioTransport() as transport:  # the system trust store does not know it
        with pytest.raises(TransportError) as caught:
            await transport.send(HttpRequest("GET", url), timeout=5)
    assert "TLS" in str(caught.value)
    assert not caught.value.retryable and not caught.value.request_sent
    async with AsyncioTransport(verify=False) as transport:
        assert (await transport.send(HttpRequest("GET", url), timeout=5)).status == 200
    context = ssl.create_default_context(cafile=str(TLS / "ca.pem"))
    async with AsyncioTransport(ssl_context=context, verify=False) as transport:
        assert (await transport.send(HttpRequest("GET", url), timeout=5)).status == 200


async def test_a_proxy_refusing_the_tunnel_is_a_transport_error(tls_server: StubServer) -> None:
    proxy = RawServer(
        Raw(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
    )
    try:
        async with AsyncioTransport(proxy=proxy.url, verify=False) as transport:
            with pytest.raises(TransportError, match="407") as caught:
                await transport.send(HttpRequest("GET", tls_server.url + "/x"), timeout=5)
        assert caught.value.request_sent is False
        assert proxy.requests[0].startswith(b"CONNECT 127.0.0.1:")
        assert tls_server.received == []
    finally:
        proxy.close()


def test_one_transport_serves_successive_event_loops(stub_server: StubServer) -> None:
    transport = AsyncioTransport()

    async def call() -> int:
        return (await transport.send(HttpRequest("GET", stub_server.url + "/"), timeout=5)).status

    # Connections belong to the loop that opened them: the second loop opens its own.
    assert asyncio.run(call()) == 200
    assert asyncio.run(call()) == 200
    assert stub_server.connections == 2
    asyncio.run(transport.close())


async def test_close_releases_idle_connections_and_the_transport_stays_usable(
    stub_server: StubServer,
) -> None:
    transport = AsyncioTransport()
    await transport.send(HttpRequest("GET", stub_server.url + "/"), timeout=5)
    await transport.close()
    await transport.send(HttpRequest("GET", stub_server.url + "/"), timeout=5)
    await transport.close()
    assert stub_server.connections == 2


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="limit"):
        AsyncioTransport(limit=0)
