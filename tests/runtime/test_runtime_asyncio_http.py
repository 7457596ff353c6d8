"""The async default transport (asyncio streams + the `_h1` parser) against servers on 127.0.0.1:
the bytes it sends (SocketTransport's, so urllib3's), keep-alive reuse and what must not be
reused, the one resend of a request not a byte of which was written, the body framings HTTP/1.1
allows (read whole or in tiny pieces), malformed responses, the connection limit, timeouts and
cancellation, TLS, and the event loop it is used from."""

from __future__ import annotations

import asyncio
import gzip
import socket
import ssl
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from _runtime import _asyncio_http
from _runtime._asyncio_http import AsyncioTransport
from _runtime._http import HttpRequest, HttpResponse, TransportError, TransportTimeout
from _runtime._socket_http import SocketTransport
from _runtime._transport import Urllib3Transport
from proxy_stub import ProxyStub
from runtime_stub import Raw, RawServer, Reply, StubServer
from test_runtime_socket_http import WIRE_REQUESTS

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


def ok(body: bytes = b"{}", extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\n%bContent-Length: %d\r\n\r\n%b" % (extra, len(body), body)


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


class _AlpnServer:
    """One TLS connection at a time on 127.0.0.1: records the TLS version and the ALPN protocol
    each handshake settled on (None when the handshake failed), answers one request with 200."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"https://127.0.0.1:{self._listener.getsockname()[1]}/tls"
        self.handshakes: list[tuple[str, str | None] | None] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                raw, _ = self._listener.accept()
            except OSError:
                return
            try:
                conn = self._context.wrap_socket(raw, server_side=True)
            except (OSError, ssl.SSLError):
                self.handshakes.append(None)
                raw.close()
                continue
            with conn:
                self.handshakes.append((conn.version() or "", conn.selected_alpn_protocol()))
                try:
                    buffer = b""
                    while b"\r\n\r\n" not in buffer:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        buffer += chunk
                    conn.sendall(ok(extra=b"Connection: close\r\n"))
                except OSError:
                    pass

    def close(self) -> None:
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept (close alone does not)
        except OSError:
            pass
        self._listener.close()
        self._thread.join(timeout=5)


def _server_context(maximum: ssl.TLSVersion | None = None) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(TLS / "server.pem"))
    context.set_alpn_protocols(["h2", "http/1.1"])
    if maximum is not None:
        # OpenSSL 3 refuses TLS 1.0/1.1 at its default security level on both sides; the
        # server is lowered so that only the client's own settings can refuse.
        context.minimum_version = ssl.TLSVersion.TLSv1
        context.maximum_version = maximum
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
    return context


async def test_tls_negotiates_http_1_1_by_alpn_as_the_sync_transport_does() -> None:
    server = _AlpnServer(_server_context())
    try:
        with SocketTransport(verify=str(TLS / "ca.pem")) as sync:
            assert sync.send(HttpRequest("GET", server.url), timeout=5).status == 200
        async with AsyncioTransport(verify=str(TLS / "ca.pem")) as transport:
            assert (await transport.send(HttpRequest("GET", server.url), timeout=5)).status == 200
    finally:
        server.close()
    # The server offers h2 first: only a client offering http/1.1 alone gets http/1.1.
    assert [h and h[1] for h in server.handshakes] == ["http/1.1", "http/1.1"]
    assert all(h is not None and h[0] in ("TLSv1.2", "TLSv1.3") for h in server.handshakes)


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1:DeprecationWarning")
@pytest.mark.parametrize("version", [ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1])
async def test_tls_older_than_1_2_is_refused_as_the_sync_transport_does(
    version: ssl.TLSVersion,
) -> None:
    try:
        context = _server_context(maximum=version)
    except ssl.SSLError:  # pragma: no cover - an OpenSSL built without it
        pytest.skip(f"this OpenSSL cannot serve {version.name}")
    server = _AlpnServer(context)
    try:
        with SocketTransport(verify=False) as sync:
            with pytest.raises(TransportError, match="TLS") as sync_caught:
                sync.send(HttpRequest("GET", server.url), timeout=5)
        async with AsyncioTransport(verify=False) as transport:
            with pytest.raises(TransportError, match="TLS") as caught:
                await transport.send(HttpRequest("GET", server.url), timeout=5)
    finally:
        server.close()
    assert server.handshakes == [None, None]
    assert caught.value.request_sent is False and sync_caught.value.request_sent is False
    # The same server version range answers a client that allows it: the refusal above is
    # the clients' minimum, not a server that cannot serve at all.
    relaxed = ssl.create_default_context()
    relaxed.check_hostname = False
    relaxed.verify_mode = ssl.CERT_NONE
    relaxed.minimum_version = ssl.TLSVersion.TLSv1
    relaxed.set_ciphers("DEFAULT:@SECLEVEL=0")
    server = _AlpnServer(_server_context(maximum=version))
    try:
        async with AsyncioTransport(ssl_context=relaxed) as transport:
            assert (await transport.send(HttpRequest("GET", server.url), timeout=5)).status == 200
    finally:
        server.close()
    expected = {ssl.TLSVersion.TLSv1: "TLSv1", ssl.TLSVersion.TLSv1_1: "TLSv1.1"}[version]
    assert server.handshakes[0] is not None and server.handshakes[0][0] == expected


def _settings(context: ssl.SSLContext) -> dict[str, object]:
    return {
        "protocol": context.protocol,
        "minimum_version": context.minimum_version,
        "maximum_version": context.maximum_version,
        "verify_mode": context.verify_mode,
        "check_hostname": context.check_hostname,
        "options": context.options,
        "verify_flags": context.verify_flags,
        "post_handshake_auth": context.post_handshake_auth,
        "hostname_checks_common_name": context.hostname_checks_common_name,
        "security_level": context.security_level,
        "ciphers": [c["name"] for c in context.get_ciphers()],
        "ca_certs": context.get_ca_certs(),
        "cert_store_stats": context.cert_store_stats(),
    }


@pytest.mark.parametrize("verify", [True, False, str(TLS / "ca.pem")])
def test_both_default_transports_build_the_same_tls_context(verify: bool | str) -> None:
    sync_context = SocketTransport(verify=verify)._context()
    async_context = AsyncioTransport(verify=verify)._context()
    assert sync_context is not async_context
    assert _settings(sync_context) == _settings(async_context)
    assert async_context.minimum_version == ssl.TLSVersion.TLSv1_2
    assert async_context.verify_mode == (ssl.CERT_NONE if verify is False else ssl.CERT_REQUIRED)
    assert async_context.check_hostname is (verify is not False)
    # Built once, at the first https connection, and kept.
    transport = AsyncioTransport(verify=verify)
    assert transport._context() is transport._context()


def test_a_given_tls_context_is_used_as_it_is_by_both_transports() -> None:
    context = ssl.create_default_context(cafile=str(TLS / "ca.pem"))
    before = _settings(context)
    assert SocketTransport(ssl_context=context, verify=False)._context() is context
    assert AsyncioTransport(ssl_context=context, verify=False)._context() is context
    assert _settings(context) == before


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


@pytest.fixture(autouse=True)
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "REQUEST_METHOD"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


async def get(transport: AsyncioTransport, url: str, method: str = "GET") -> HttpResponse:
    return await transport.send(HttpRequest(method, url), timeout=5)


# -- the bytes on the wire ---------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path", "headers", "body"), WIRE_REQUESTS)
async def test_the_request_bytes_are_the_sync_defaults(
    method: str, path: str, headers: dict[str, str], body: bytes | None
) -> None:
    """Byte for byte what SocketTransport sends (which test_runtime_socket_http compares with
    urllib3): the request line, Host, Accept-Encoding: identity, the framing, then the
    caller's fields in order, non-ASCII values as UTF-8."""
    reply = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
    server = RawServer(*[Raw(reply)] * 4)
    try:
        for fields in ({"User-Agent": "ua/1", **headers}, headers):
            with SocketTransport() as sync:
                sync.send(HttpRequest(method, server.url + path, fields, body), timeout=5)
            async with AsyncioTransport() as transport:
                request = HttpRequest(method, server.url + path, fields, body)
                assert (await transport.send(request, timeout=5)).status == 200
        by_socket, by_asyncio, bare_socket, bare_asyncio = server.requests
        assert by_asyncio == by_socket
        assert bare_asyncio == bare_socket
    finally:
        server.close()


async def test_a_url_without_a_path_asks_for_the_root_as_urllib3_does() -> None:
    reply = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
    server = RawServer(*[Raw(reply)] * 6)
    try:
        for url in (server.url, server.url + "?q=1"):
            with Urllib3Transport() as pool:
                pool.send(HttpRequest("GET", url, {"User-Agent": "ua/1"}), timeout=5)
            with SocketTransport() as sync:
                sync.send(HttpRequest("GET", url, {"User-Agent": "ua/1"}), timeout=5)
            async with AsyncioTransport() as transport:
                await transport.send(HttpRequest("GET", url, {"User-Agent": "ua/1"}), timeout=5)
    finally:
        server.close()
    lines = [request.split(b"\r\n", 1)[0] for request in server.requests]
    assert lines == [b"GET / HTTP/1.1"] * 3 + [b"GET /?q=1 HTTP/1.1"] * 3
    assert server.requests[1] == server.requests[2] and server.requests[4] == server.requests[5]


async def test_through_an_http_proxy_the_bytes_are_the_sync_defaults(
    stub_server: StubServer,
) -> None:
    proxy = ProxyStub()
    try:
        url = f"http://u:p@127.0.0.1:{proxy.port}"
        request = HttpRequest("POST", stub_server.url + "/a%2Fb?q=1", {"X-A": "1"}, b"{}")
        with SocketTransport(proxy=url) as sync:
            sync.send(request, timeout=5)
        async with AsyncioTransport(proxy=url) as transport:
            await transport.send(request, timeout=5)
    finally:
        proxy.close()
    by_socket, by_asyncio = proxy.forwarded
    assert by_asyncio == by_socket
    assert by_asyncio.target == stub_server.url + "/a%2Fb?q=1"
    assert by_asyncio.header("Proxy-Authorization") == "Basic dTpw"


async def test_requests_that_cannot_be_written_are_refused_before_sending() -> None:
    async with AsyncioTransport() as transport:
        for url in ("http://127.0.0.1:9/a b", "ftp://127.0.0.1/x", "http:///x"):
            with pytest.raises(TransportError) as caught:
                await get(transport, url)
            assert not caught.value.retryable and not caught.value.request_sent


# -- keep-alive and closes -----------------------------------------------------------------------


async def test_http_1_0_keeps_the_connection_only_when_asked_and_extra_bytes_retire_it() -> None:
    server = RawServer(
        Raw(b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\na"),
        Raw(b"HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nb"),  # then closed by the client
        Raw(ok(b"c") + b"GARBAGE"),  # bytes nobody asked for: out of step, not reused
        Raw(ok(b"d")),
    )
    try:
        async with AsyncioTransport() as transport:
            bodies = [(await get(transport, server.url + "/")).body for _ in range(4)]
        assert bodies == [b"a", b"b", b"c", b"d"]
        assert server.connections == 3  # a+b, c, d
    finally:
        server.close()


class ResettingServer:
    """Answers one request per connection, then resets it (SO_LINGER 0) while it is idle."""

    def __init__(self) -> None:
        self.requests = 0
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            self.requests += 1
            conn.sendall(ok(b"%d" % self.requests))
            time.sleep(0.05)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()

    def close(self) -> None:
        self._listener.close()


async def test_a_connection_reset_while_idle_is_not_reused() -> None:
    server = ResettingServer()
    try:
        async with AsyncioTransport() as transport:
            assert (await get(transport, server.url)).body == b"1"
            await asyncio.sleep(0.3)  # the reset arrives while the connection is idle
            assert (await get(transport, server.url, "POST")).body == b"2"
        assert server.requests == 2
    finally:
        server.close()


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_a_stale_connection_found_closed_when_writing_is_resent_once(
    monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    # The check before reuse would see the reset; with it blinded, the write finds the
    # connection closed and takes not a byte: nothing reached the server, so the request goes
    # again on a new connection, whatever its method (as SocketTransport does).
    monkeypatch.setattr(_asyncio_http._Connection, "usable", lambda self: True)
    server = ResettingServer()
    try:
        async with AsyncioTransport() as transport:
            assert (await get(transport, server.url)).body == b"1"
            await asyncio.sleep(0.3)
            request = HttpRequest(method, server.url + "/", body=b"x")
            assert (await transport.send(request, timeout=5)).body == b"2"
        assert server.requests == 2
    finally:
        server.close()


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_a_reused_connection_dying_after_the_request_is_an_error_not_a_resend(
    stub_server: StubServer, method: str
) -> None:
    # The server takes the request on the kept-alive connection and closes it unanswered: it
    # may have acted on it, so the retry layer decides (as with urllib3 and botocore).
    stub_server.script(Reply(body=b"1"), Reply(drop=True), Reply(body=b"never"))
    async with AsyncioTransport() as transport:
        await get(transport, stub_server.url + "/")
        with pytest.raises(TransportError) as caught:
            await transport.send(HttpRequest(method, stub_server.url + "/", body=b"x"), timeout=5)
    assert caught.value.request_sent and caught.value.retryable
    assert not isinstance(caught.value, TransportTimeout)
    assert len(stub_server.received) == 2 and stub_server.connections == 1


async def test_a_fresh_connection_is_never_resent(stub_server: StubServer) -> None:
    stub_server.script(Reply(drop=True), Reply(body=b"never"))
    async with AsyncioTransport() as transport:
        with pytest.raises(TransportError) as caught:
            await get(transport, stub_server.url + "/")
    assert caught.value.request_sent and len(stub_server.received) == 1


# -- framings --------------------------------------------------------------------------------------


async def test_head_204_and_304_have_no_body_and_keep_the_connection() -> None:
    server = RawServer(
        Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"),  # HEAD: no body follows
        Raw(b"HTTP/1.1 204 No Content\r\n\r\n"),
        Raw(b"HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\nETag: x\r\n\r\n"),
        Raw(ok(b"next")),
    )
    try:
        async with AsyncioTransport() as transport:
            head = await get(transport, server.url + "/", "HEAD")
            assert head.status == 200 and head.body == b""
            assert head.headers["content-length"] == "99"
            no_content = await get(transport, server.url + "/", "DELETE")
            assert no_content.status == 204 and no_content.body == b""
            not_modified = await get(transport, server.url + "/")
            assert not_modified.status == 304 and not_modified.body == b""
            assert (await get(transport, server.url + "/")).body == b"next"
        assert server.connections == 1
    finally:
        server.close()


async def test_chunk_extensions_and_trailers() -> None:
    server = RawServer(
        Raw(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            b'4;ext=1\r\n{"a"\r\n3\r\n: 1\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n'
        ),
        Raw(ok(b"next")),
    )
    try:
        async with AsyncioTransport() as transport:
            response = await get(transport, server.url + "/")
            assert response.json() == {"a": 1} and "x-trailer" not in response.headers
            assert (await get(transport, server.url + "/")).body == b"next"
        assert server.connections == 1
    finally:
        server.close()


async def test_large_bodies_both_ways() -> None:
    big = bytes(range(256)) * (8 << 12)  # 8 MiB
    chunked = b"".join(
        b"%x\r\n%b\r\n" % (len(big[i : i + 65536]), big[i : i + 65536])
        for i in range(0, len(big), 65536)
    )
    server = RawServer(
        Raw(ok(big)),
        Raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked + b"0\r\n\r\n"),
        Raw(ok(b"stored")),
        Raw(ok(gzip.compress(big), b"Content-Encoding: gzip\r\n")),
    )
    try:
        async with AsyncioTransport() as transport:
            assert (await get(transport, server.url + "/length")).body == big
            assert (await get(transport, server.url + "/chunked")).body == big
            upload = HttpRequest("PUT", server.url + "/upload", {}, big)
            assert (await transport.send(upload, timeout=10)).body == b"stored"
            assert (await get(transport, server.url + "/gzip")).body == big
        assert server.requests[2].endswith(b"\r\n\r\n" + big)
        assert b"Content-Length: %d\r\n" % len(big) in server.requests[2]
        assert server.connections == 1
    finally:
        server.close()


SPLIT_RESPONSES = {
    "length": (ok(b'{"split": true}', b"X-A: 1\r\n"), b'{"split": true}'),
    "chunked": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-T: 1\r\n\r\n",
        b"hello world",
    ),
    "interim": (b"HTTP/1.1 100 Continue\r\n\r\n" + ok(b"after"), b"after"),
    "bare-lf": (b"HTTP/1.1 200 OK\nContent-Length: 2\n\nok", b"ok"),
}


@pytest.mark.parametrize("piece", [1, 2, 7])
@pytest.mark.parametrize("kind", sorted(SPLIT_RESPONSES))
async def test_a_response_arriving_in_tiny_pieces(kind: str, piece: int) -> None:
    data, body = SPLIT_RESPONSES[kind]
    server = RawServer(Raw(data, piece=piece), Raw(ok(b"next"), piece=piece))
    try:
        async with AsyncioTransport() as transport:
            response = await get(transport, server.url + "/")
            assert response.status == 200 and response.body == body
            assert (await get(transport, server.url + "/")).body == b"next"
        assert server.connections == 1
    finally:
        server.close()


async def test_a_close_delimited_body_in_tiny_pieces() -> None:
    server = RawServer(Raw(b"HTTP/1.1 200 OK\r\n\r\nuntil the close", close=True, piece=3))
    try:
        async with AsyncioTransport() as transport:
            assert (await get(transport, server.url + "/")).body == b"until the close"
    finally:
        server.close()


async def test_response_headers_in_order_with_repeats_and_utf8_values() -> None:
    server = RawServer(
        Raw(
            b"HTTP/1.1 201 Created\r\nX-Dup: a\r\nx-dup: b\r\nX-Name: na\xc3\xafve\r\n"
            b"X-Latin: caf\xe9\r\nContent-Length: 2\r\n\r\nok"
        )
    )
    try:
        async with AsyncioTransport() as transport:
            response = await get(transport, server.url)
    finally:
        server.close()
    # UTF-8 values as aiohttp decodes them; bytes that are not UTF-8 as latin-1.
    assert response.status == 201
    assert response.headers.multi_items() == [
        ("X-Dup", "a"),
        ("x-dup", "b"),
        ("X-Name", "naïve"),
        ("X-Latin", "café"),
        ("Content-Length", "2"),
    ]


# -- malformed responses -----------------------------------------------------------------------

MALFORMED = {
    "conflicting-lengths": b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nx",
    "negative-length": b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
    "http2-status-line": b"HTTP/2 200\r\n\r\n",
    "not-http": b"SSH-2.0-OpenSSH_9.6\r\n\r\n",
    "bad-status": b"HTTP/1.1 20 OK\r\n\r\n",
    "header-without-colon": b"HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n",
    "bad-chunk-size": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "chunk-without-crlf": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab",
    "unknown-coding": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
    "switching-protocols": b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
    "oversized-head": b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 70000 + b"\r\n\r\n",
}


@pytest.mark.parametrize("kind", sorted(MALFORMED))
async def test_a_malformed_response_is_a_transport_error(kind: str) -> None:
    # The server keeps the connection open: the error is the parser's, not a close.
    server = RawServer(Raw(MALFORMED[kind]), Raw(ok(b"fresh")))
    try:
        async with AsyncioTransport() as transport:
            with pytest.raises(TransportError, match="invalid response") as caught:
                await get(transport, server.url + "/")
            assert caught.value.request_sent and not isinstance(caught.value, TransportTimeout)
            # The garbled connection is dropped; the next request gets a fresh one.
            assert (await get(transport, server.url + "/")).body == b"fresh"
        assert server.connections == 2
    finally:
        server.close()


@pytest.mark.parametrize(
    "data",
    [
        b"",  # closed without a byte of response
        b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",  # closes mid-body
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
        b"HTTP/1.1 200 OK\r\nContent-Le",  # mid-head
    ],
)
async def test_a_server_closing_mid_response_is_an_error_after_sending(data: bytes) -> None:
    server = RawServer(Raw(data, close=True))
    try:
        async with AsyncioTransport() as transport:
            with pytest.raises(TransportError, match="closed the connection") as caught:
                await get(transport, server.url)
    finally:
        server.close()
    assert caught.value.request_sent and caught.value.retryable
    assert not isinstance(caught.value, TransportTimeout)


async def test_a_body_that_does_not_decode_is_a_transport_error() -> None:
    server = RawServer(Raw(ok(b"not gzip", b"Content-Encoding: gzip\r\n")))
    try:
        async with AsyncioTransport() as transport:
            with pytest.raises(TransportError, match="gzip") as caught:
                await get(transport, server.url)
    finally:
        server.close()
    assert caught.value.request_sent


async def test_a_dripping_body_is_bounded_by_the_deadline(stub_server: StubServer) -> None:
    # Every read is quick, but the whole body would take 2 s: the deadline is for all of it.
    stub_server.script(Reply(body=b"x" * 40, drip=0.1))
    async with AsyncioTransport() as transport:
        start = time.monotonic()
        with pytest.raises(TransportTimeout) as caught:
            await transport.send(HttpRequest("GET", stub_server.url + "/"), timeout=0.5)
        assert time.monotonic() - start < 1.2
    assert caught.value.request_sent
