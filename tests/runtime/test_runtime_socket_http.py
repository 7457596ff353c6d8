"""The sync default transport (`_runtime/_socket_http.py`, sockets + the `_h1` parser) against
servers on 127.0.0.1: the bytes it sends (compared with Urllib3Transport's), keep-alive reuse
and what must not be reused, body framings, timeouts, TLS, proxies and threads."""

from __future__ import annotations

import gzip
import socket
import ssl
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _runtime import _socket_http
from _runtime._http import HttpRequest, HttpResponse, TransportError, TransportTimeout
from _runtime._proxy import Proxy
from _runtime._socket_http import SocketTransport
from _runtime._transport import Urllib3Transport
from proxy_stub import ProxyStub
from runtime_stub import Raw, RawServer, Reply, StubServer

TLS = Path(__file__).resolve().parents[1] / "data" / "tls"
CA = str(TLS / "ca.pem")


@pytest.fixture
def tls_server() -> Iterator[StubServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(TLS / "server.pem"))
    server = StubServer(tls=context)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(autouse=True)
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "REQUEST_METHOD"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def ok(body: bytes = b"{}", extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\n%bContent-Length: %d\r\n\r\n%b" % (extra, len(body), body)


def get(transport: SocketTransport, url: str, timeout: float | None = 5) -> HttpResponse:
    return transport.send(HttpRequest("GET", url), timeout=timeout)


# -- the bytes on the wire ---------------------------------------------------------------------

WIRE_REQUESTS = [
    ("GET", "/2023-10-12/farms/a%2Fb/jobs/%C3%BC?x=%20y&z=1", {"X-Amz-Date": "d"}, None),
    ("GET", "/empty-body", {}, b""),
    ("POST", "/empty", {"Content-Type": "application/json"}, None),
    ("PUT", "/empty", {}, b""),
    ("PATCH", "/p", {"X-Amz-Client-Token": "tok", "Content-Type": "application/json"}, b"{}"),
    ("DELETE", "/d", {"Content-Length": "0"}, None),
    ("POST", "/utf8", {"X-Name": "naïve ✓", "x-name": "again"}, b"\x00\xff"),
    ("GET", "/own-host", {"Host": "example.test", "Accept-Encoding": "gzip"}, None),
    ("HEAD", "/h", {"Accept": "*/*"}, None),
]


@pytest.mark.parametrize(("method", "path", "headers", "body"), WIRE_REQUESTS)
def test_the_request_bytes_are_urllib3s(
    method: str, path: str, headers: dict[str, str], body: bytes | None
) -> None:
    """Byte for byte what Urllib3Transport sent (the former default) for the same request:
    the request line, Host, http.client's Accept-Encoding: identity, the framing, then the
    caller's fields in order, non-ASCII values as UTF-8. The one intentional difference:
    urllib3 adds ``User-Agent: python-urllib3/<version>`` to a request without one, which
    SocketTransport does not (the generated clients always send their own)."""
    reply = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
    server = RawServer(*[Raw(reply)] * 4)
    try:
        fields = {"User-Agent": "ua/1", **headers}
        for transport in (Urllib3Transport(), SocketTransport()):
            with transport:
                request = HttpRequest(method, server.url + path, fields, body)
                assert transport.send(request, timeout=5).status == 200
        by_urllib3, by_socket = server.requests[:2]
        assert by_socket == by_urllib3
        # Without a User-Agent: the same bytes but urllib3's own User-Agent line.
        for transport in (Urllib3Transport(), SocketTransport()):
            with transport:
                transport.send(HttpRequest(method, server.url + path, headers, body), timeout=5)
        by_urllib3, by_socket = server.requests[2:]
        assert by_urllib3.startswith(by_socket.split(b"\r\n", 1)[0])
        lines = [line for line in by_urllib3.split(b"\r\n") if not line.startswith(b"User-Agent")]
        assert b"\r\n".join(lines) == by_socket
    finally:
        server.close()


def test_host_header_as_http_client_writes_it() -> None:
    origin = _socket_http._Origin("https://API.Example.COM:443")
    assert origin.host_header == "api.example.com" and origin.tunnel == "api.example.com:443"
    assert _socket_http._Origin("http://[::1]:8080").host_header == "[::1]:8080"
    assert _socket_http._Origin("http://bücher.example").host_header == "xn--bcher-kva.example"
    assert _socket_http._Origin("http://u:p@h:81").absolute == "http://h:81"


def test_a_callers_transfer_encoding_frames_the_body_chunked() -> None:
    # RawServer reads Content-Length bodies only: it takes the chunks for a second "request"
    # (and answers it into the void).
    server = RawServer(Raw(ok()), Raw(b""))
    try:
        with SocketTransport() as transport:
            request = HttpRequest(
                "POST", server.url + "/c", {"Transfer-Encoding": "chunked"}, b"hello"
            )
            transport.send(request, timeout=5)
        for _ in range(100):
            if len(server.requests) == 2:
                break
            time.sleep(0.01)
    finally:
        server.close()
    head, body = server.requests
    assert b"Content-Length" not in head and head.endswith(b"Transfer-Encoding: chunked\r\n\r\n")
    assert body == b"5\r\nhello\r\n0\r\n\r\n"


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/x", "127.0.0.1/x", "http:///x", "http://127.0.0.1:99999/"]
)
def test_invalid_urls_are_not_retryable(url: str) -> None:
    with SocketTransport() as transport, pytest.raises(TransportError) as caught:
        get(transport, url)
    assert not caught.value.retryable and not caught.value.request_sent


def test_requests_that_cannot_be_written_are_refused_before_sending() -> None:
    with SocketTransport() as transport, pytest.raises(TransportError) as caught:
        transport.send(HttpRequest("GET", "http://127.0.0.1:9/a b"), timeout=1)
    assert not caught.value.retryable and not caught.value.request_sent
    assert "cannot send this request" in str(caught.value)


# -- keep-alive ----------------------------------------------------------------------------------


def test_keep_alive_reuses_one_connection(stub_server: StubServer) -> None:
    with SocketTransport() as transport:
        for _ in range(5):
            assert get(transport, stub_server.url + "/k").body == b"{}"
    assert len(stub_server.received) == 5 and stub_server.connections == 1


def test_a_connection_the_server_closed_while_idle_is_not_reused() -> None:
    # Connection: close, then a silent close after a normal answer (a keep-alive timeout):
    # each next request finds the connection readable (EOF) and opens a fresh one.
    server = RawServer(
        Raw(ok(b"a", b"Connection: close\r\n"), close=True),
        Raw(ok(b"b"), close=True),
        Raw(ok(b"c")),
    )
    try:
        with SocketTransport() as transport:
            bodies = [get(transport, server.url + "/").body for _ in range(2)]
            time.sleep(0.1)  # the close reaches the client while the connection is idle
            bodies.append(get(transport, server.url + "/").body)
        assert bodies == [b"a", b"b", b"c"]
        assert server.connections == 3
    finally:
        server.close()


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_reused_connection_dying_after_the_request_is_an_error_not_a_resend(
    stub_server: StubServer, method: str
) -> None:
    # The server takes the request on the kept-alive connection and closes it unanswered: it
    # may have acted on it, so the retry layer decides (as with urllib3 and botocore).
    stub_server.script(Reply(body=b"1"), Reply(drop=True), Reply(body=b"never"))
    with SocketTransport() as transport:
        get(transport, stub_server.url + "/")
        with pytest.raises(TransportError) as caught:
            transport.send(HttpRequest(method, stub_server.url + "/", body=b"x"), timeout=5)
    assert caught.value.request_sent and caught.value.retryable
    assert len(stub_server.received) == 2 and stub_server.connections == 1


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


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_reused_connection_reset_before_a_byte_was_sent_is_resent_once(
    monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    # The poll before reuse would see the reset; with it blinded, the write itself fails
    # before a byte of the request went out: nothing reached the server, so the request goes
    # again on a new connection, whatever its method.
    monkeypatch.setattr(_socket_http, "_dropped", lambda sock: False)
    server = ResettingServer()
    try:
        with SocketTransport() as transport:
            assert get(transport, server.url).body == b"1"
            time.sleep(0.3)  # the reset arrives while the connection is idle
            request = HttpRequest(method, server.url + "/", body=b"x")
            assert transport.send(request, timeout=5).body == b"2"
        assert server.requests == 2
    finally:
        server.close()


def test_the_poll_before_reuse_sees_a_reset() -> None:
    server = ResettingServer()
    try:
        with SocketTransport() as transport:
            assert get(transport, server.url).body == b"1"
            time.sleep(0.3)
            assert get(transport, server.url).body == b"2"
        assert server.requests == 2
    finally:
        server.close()


def test_a_fresh_connection_is_never_retried(stub_server: StubServer) -> None:
    stub_server.script(Reply(drop=True), Reply(body=b"never"))
    with SocketTransport() as transport, pytest.raises(TransportError) as caught:
        get(transport, stub_server.url + "/")
    assert caught.value.request_sent and len(stub_server.received) == 1


def test_bytes_after_a_response_retire_the_connection() -> None:
    server = RawServer(Raw(ok(b"a") + b"GARBAGE"), Raw(ok(b"b")))
    try:
        with SocketTransport() as transport:
            assert [get(transport, server.url).body for _ in range(2)] == [b"a", b"b"]
        assert server.connections == 2
    finally:
        server.close()


def test_close_releases_idle_connections_and_the_transport_stays_usable(
    stub_server: StubServer,
) -> None:
    transport = SocketTransport()
    get(transport, stub_server.url + "/")
    transport.close()
    get(transport, stub_server.url + "/")
    transport.close()
    assert stub_server.connections == 2


def test_maxsize_bounds_idle_connections_and_never_blocks(stub_server: StubServer) -> None:
    # Every answer waits until all six requests are in: six calls at once, for certain.
    everyone = threading.Event()
    count = iter(range(1, 7))

    def responder(received: Any) -> Reply:
        if next(count, 6) == 6:
            everyone.set()
        everyone.wait(timeout=10)
        return Reply(body=b"{}")

    stub_server.responder = responder
    transport = SocketTransport(maxsize=2)
    errors: list[BaseException] = []

    def call() -> None:
        try:
            get(transport, stub_server.url + "/")
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=call) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert errors == [] and stub_server.connections == 6  # none waited for another
    (idle,) = transport._idle.values()
    assert len(idle) == 2
    transport.close()


def test_threads_share_a_transport(stub_server: StubServer) -> None:
    stub_server.responder = lambda received: Reply(body=received.target.encode())
    crossed: list[tuple[str, bytes]] = []
    with SocketTransport() as transport:

        def work(n: int) -> None:
            for call in range(30):
                path = f"/t{n}-{call}"
                body = get(transport, stub_server.url + path).body
                if body != path.encode():
                    crossed.append((path, body))

        threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert crossed == [] and len(stub_server.received) == 180
    assert stub_server.connections <= 6


# -- framings and codings --------------------------------------------------------------------


def test_chunked_close_delimited_head_204_and_encoded_bodies() -> None:
    gz = gzip.compress(b'{"gz": 1}')
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    deflated = raw.compress(b'{"raw": 1}') + raw.flush()
    server = RawServer(
        Raw(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            b'4;ext=1\r\n{"a"\r\n3\r\n: 1\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n'
        ),
        Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"),  # HEAD: no body follows
        Raw(b"HTTP/1.1 204 No Content\r\n\r\n"),
        Raw(ok(gz, b"Content-Encoding: gzip\r\n")),
        Raw(ok(deflated, b"Content-Encoding: deflate\r\n")),
        Raw(ok(b"as is", b"Content-Encoding: br\r\n")),
        Raw(b"HTTP/1.1 100 Continue\r\n\r\n" + ok(b"after 100")),
        Raw(b"HTTP/1.0 200 OK\r\n\r\nuntil the close", close=True),
        Raw(ok(b"next")),
    )
    try:
        with SocketTransport() as transport:
            chunked = get(transport, server.url + "/chunked")
            assert chunked.body == b'{"a": 1}' and chunked.json() == {"a": 1}
            head = transport.send(HttpRequest("HEAD", server.url + "/"), timeout=5)
            assert head.status == 200 and head.body == b""
            assert head.headers["content-length"] == "99"
            no_content = transport.send(HttpRequest("DELETE", server.url + "/"), timeout=5)
            assert no_content.status == 204 and no_content.body == b""
            gzipped = get(transport, server.url + "/gz")
            assert gzipped.body == b'{"gz": 1}'
            assert gzipped.headers["content-encoding"] == "gzip"  # kept, as urllib3 keeps it
            assert get(transport, server.url + "/deflate").body == b'{"raw": 1}'
            assert get(transport, server.url + "/br").body == b"as is"
            assert get(transport, server.url + "/continue").body == b"after 100"
            assert get(transport, server.url + "/close").body == b"until the close"
            assert get(transport, server.url + "/next").body == b"next"
        # One connection for all of it but the close-delimited one.
        assert server.connections == 2
    finally:
        server.close()


def test_response_headers_in_order_with_repeats_latin1() -> None:
    server = RawServer(
        Raw(
            b"HTTP/1.1 201 Created\r\nX-Dup: a\r\nSet-Cookie: x=1\r\nx-dup: b\r\n"
            b"X-Latin: caf\xe9\r\nContent-Length: 2\r\n\r\nok"
        )
    )
    try:
        with SocketTransport() as transport:
            response = get(transport, server.url)
    finally:
        server.close()
    assert response.status == 201
    assert response.headers.multi_items() == [
        ("X-Dup", "a"),
        ("Set-Cookie", "x=1"),
        ("x-dup", "b"),
        ("X-Latin", "café"),
        ("Content-Length", "2"),
    ]
    assert response.headers.get_all("x-dup") == ["a", "b"]


@pytest.mark.parametrize(
    "data",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",  # closes mid-body
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
        b"HTTP/1.1 200 OK\r\nContent-Le",  # mid-head
    ],
)
def test_a_server_closing_mid_response_is_an_error_after_sending(data: bytes) -> None:
    server = RawServer(Raw(data, close=True))
    try:
        with SocketTransport() as transport, pytest.raises(TransportError) as caught:
            get(transport, server.url)
    finally:
        server.close()
    assert caught.value.request_sent and caught.value.retryable
    assert not isinstance(caught.value, TransportTimeout)


def test_a_malformed_response_is_a_transport_error() -> None:
    server = RawServer(Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nx"))
    try:
        with SocketTransport() as transport, pytest.raises(TransportError, match="invalid"):
            get(transport, server.url)
    finally:
        server.close()


def test_a_body_that_does_not_decode_is_a_transport_error() -> None:
    server = RawServer(Raw(ok(b"not gzip", b"Content-Encoding: gzip\r\n")))
    try:
        with SocketTransport() as transport, pytest.raises(TransportError, match="gzip") as caught:
            get(transport, server.url)
    finally:
        server.close()
    assert caught.value.request_sent


# -- timeouts ----------------------------------------------------------------------------------


def test_connecting_too_long_is_a_timeout_before_sending(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []

    def hang(address: tuple[str, int], timeout: float | None = None) -> socket.socket:
        seen.append(timeout)
        raise TimeoutError("timed out")

    monkeypatch.setattr(_socket_http.socket, "create_connection", hang)
    with SocketTransport() as transport, pytest.raises(TransportTimeout) as caught:
        get(transport, "http://127.0.0.1:9/", timeout=0.3)
    assert caught.value.request_sent is False  # safe to retry, even a POST
    assert seen and 0 < seen[0] <= 0.3


def test_a_server_that_never_accepts_times_out_while_connecting() -> None:
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
        with SocketTransport() as transport, pytest.raises(TransportTimeout) as caught:
            get(transport, f"http://127.0.0.1:{port}/", timeout=0.3)
        assert caught.value.request_sent is False
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def test_slow_headers_time_out_after_sending(stub_server: StubServer) -> None:
    stub_server.script(Reply(delay=1.0), Reply(body=b"fresh"))
    with SocketTransport() as transport:
        start = time.monotonic()
        with pytest.raises(TransportTimeout) as caught:
            get(transport, stub_server.url + "/", timeout=0.3)
        assert time.monotonic() - start < 0.9
        assert caught.value.request_sent
        # The timed-out connection is dropped, not reused for the next request.
        assert get(transport, stub_server.url + "/").body == b"fresh"
    assert stub_server.connections == 2


def test_a_dripping_body_is_bounded_by_the_deadline(stub_server: StubServer) -> None:
    # Every read is quick, but the whole body would take 2 s: the deadline is for all of it.
    stub_server.script(Reply(body=b"x" * 40, drip=0.1))
    with SocketTransport() as transport:
        start = time.monotonic()
        with pytest.raises(TransportTimeout) as caught:
            get(transport, stub_server.url + "/", timeout=0.5)
        assert time.monotonic() - start < 1.2
    assert caught.value.request_sent


def test_no_timeout_waits(stub_server: StubServer) -> None:
    stub_server.script(Reply(delay=0.2, body=b"late"))
    with SocketTransport() as transport:
        assert get(transport, stub_server.url + "/", timeout=None).body == b"late"


def test_a_refused_connection_is_an_error_before_sending(refused_url: str) -> None:
    with SocketTransport() as transport, pytest.raises(TransportError) as caught:
        transport.send(HttpRequest("POST", refused_url, body=b"x"), timeout=5)
    assert not caught.value.request_sent and caught.value.retryable
    assert "cannot connect" in str(caught.value)


# -- TLS ---------------------------------------------------------------------------------------


def test_tls_verifies_against_the_given_ca(tls_server: StubServer) -> None:
    url = tls_server.url + "/secure"
    with SocketTransport(verify=CA) as transport:
        assert get(transport, url).status == 200
        assert get(transport, url).status == 200
    assert tls_server.connections == 1  # kept alive over TLS too
    with SocketTransport() as transport, pytest.raises(TransportError) as caught:
        get(transport, url)  # the system trust store does not know the test CA
    assert "CERTIFICATE_VERIFY_FAILED" in str(caught.value)
    assert not caught.value.retryable and not caught.value.request_sent
    with SocketTransport(verify=False) as transport:
        assert get(transport, url).status == 200
    context = ssl.create_default_context(cafile=CA)
    with SocketTransport(ssl_context=context) as transport:
        assert get(transport, url).status == 200


def test_tls_checks_the_host_name(tls_server: StubServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # "wrong.test" is not on the test certificate; it is routed to the stub on 127.0.0.1.
    connect = socket.create_connection

    def local(address: tuple[str, int], timeout: float | None = None) -> socket.socket:
        assert address[0] == "wrong.test"
        return connect(("127.0.0.1", address[1]), timeout)

    monkeypatch.setattr(_socket_http.socket, "create_connection", local)
    url = f"https://wrong.test:{tls_server.port}/"
    with SocketTransport(verify=CA) as transport, pytest.raises(TransportError) as caught:
        get(transport, url)
    assert "match" in str(caught.value) or "mismatch" in str(caught.value)
    assert not caught.value.retryable and not caught.value.request_sent


def test_tls_sends_sni(tls_server: StubServer) -> None:
    names: list[str | None] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(TLS / "server.pem"))
    context.sni_callback = lambda sock, name, ctx: names.append(name)  # type: ignore[assignment, func-returns-value]
    server = StubServer(tls=context)
    try:
        with SocketTransport(verify=CA) as transport:
            get(transport, f"https://localhost:{server.port}/")
    finally:
        server.close()
    assert names == ["localhost"]


# -- proxies -----------------------------------------------------------------------------------


@pytest.fixture
def proxy() -> Iterator[ProxyStub]:
    stub = ProxyStub()
    try:
        yield stub
    finally:
        stub.close()


def test_http_urls_go_to_the_proxy_in_absolute_form(
    proxy: ProxyStub, stub_server: StubServer
) -> None:
    url = f"http://u%40x:p@127.0.0.1:{proxy.port}"
    with SocketTransport(proxy=url) as transport:
        for _ in range(2):
            get(transport, stub_server.url + "/a%2Fb?q=1")
    assert [p.target for p in proxy.forwarded] == [stub_server.url + "/a%2Fb?q=1"] * 2
    assert proxy.forwarded[0].header("Proxy-Authorization") == "Basic dUB4OnA="
    assert proxy.forwarded[0].header("Host") == f"127.0.0.1:{stub_server.port}"
    assert stub_server.received[0].header("Proxy-Authorization") is None


def test_https_urls_tunnel_through_the_proxy(proxy: ProxyStub, tls_server: StubServer) -> None:
    url = f"http://u:p@127.0.0.1:{proxy.port}"
    with SocketTransport(proxy=url, verify=CA) as transport:
        for _ in range(2):
            assert get(transport, tls_server.url + "/secret").status == 200
    (tunnel,) = proxy.tunnels  # one tunnel, kept alive
    assert tunnel.target == f"127.0.0.1:{tls_server.port}"
    assert tunnel.header("Host") == f"127.0.0.1:{tls_server.port}"
    assert tunnel.header("Proxy-Authorization") == "Basic dTpw"
    assert proxy.forwarded == []
    assert tls_server.received[0].header("Proxy-Authorization") is None


def test_no_proxy_from_the_environment_goes_direct(
    proxy: ProxyStub, stub_server: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with SocketTransport() as transport:
        get(transport, stub_server.url + "/")
    assert proxy.seen == [] and len(stub_server.received) == 1
    monkeypatch.delenv("NO_PROXY")
    with SocketTransport() as transport:
        get(transport, stub_server.url + "/")
    assert len(proxy.forwarded) == 1
    with SocketTransport(trust_env=False) as transport:
        get(transport, stub_server.url + "/")
    assert len(proxy.forwarded) == 1


def test_a_proxy_refusing_the_tunnel_is_an_error_before_sending(tls_server: StubServer) -> None:
    proxy = RawServer(
        Raw(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
    )
    try:
        with SocketTransport(proxy=proxy.url, verify=False) as transport:
            with pytest.raises(TransportError, match="407") as caught:
                get(transport, tls_server.url + "/x")
        assert caught.value.request_sent is False
        assert proxy.requests[0].startswith(b"CONNECT 127.0.0.1:")
        assert tls_server.received == []
    finally:
        proxy.close()


def test_a_refused_proxy_is_an_error_before_sending(
    refused_url: str, stub_server: StubServer
) -> None:
    with SocketTransport(proxy=refused_url) as transport, pytest.raises(TransportError) as caught:
        transport.send(HttpRequest("POST", stub_server.url, body=b"x"), timeout=5)
    assert caught.value.request_sent is False and "the proxy" in str(caught.value)
    assert stub_server.received == []


def test_an_https_proxy_is_handed_to_urllib3(
    monkeypatch: pytest.MonkeyPatch, stub_server: StubServer
) -> None:
    sent: list[tuple[str, Proxy | None, float | None]] = []

    def send_via(
        self: Urllib3Transport, request: HttpRequest, proxy: Proxy | None, *, timeout: float | None
    ) -> HttpResponse:
        sent.append((request.url, proxy, timeout))
        return HttpResponse(200, None, b"via urllib3")

    monkeypatch.setattr(Urllib3Transport, "send_via", send_via)
    with SocketTransport(proxy="https://user:pw@proxy.test:3129") as transport:
        assert get(transport, "https://api.test/x").body == b"via urllib3"
        assert get(transport, "http://api.test/y", timeout=2).body == b"via urllib3"
    expected = Proxy("https://proxy.test:3129", "Basic dXNlcjpwdw==")
    assert sent == [("https://api.test/x", expected, 5), ("http://api.test/y", expected, 2)]


class TlsFront:
    """A TLS listener relaying each connection to `target` in the clear: with the proxy stub
    behind it, an ``https://`` proxy on 127.0.0.1."""

    def __init__(self, target: int) -> None:
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._context.load_cert_chain(str(TLS / "server.pem"))
        self._target = target
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._relay, args=(conn,), daemon=True).start()

    def _relay(self, conn: socket.socket) -> None:
        try:
            client = self._context.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError):
            conn.close()
            return
        upstream = socket.create_connection(("127.0.0.1", self._target))

        def pump(source: socket.socket, sink: socket.socket) -> None:
            try:
                while chunk := source.recv(65536):
                    sink.sendall(chunk)
            except OSError:
                pass
            finally:
                for sock in (source, sink):
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        threading.Thread(target=pump, args=(upstream, client), daemon=True).start()
        pump(client, upstream)

    def close(self) -> None:
        self._listener.close()


@pytest.mark.parametrize("secure", [False, True], ids=["http-url", "https-url"])
def test_an_https_proxy_end_to_end_through_urllib3(
    proxy: ProxyStub, stub_server: StubServer, tls_server: StubServer, secure: bool
) -> None:
    front = TlsFront(proxy.port)
    target = tls_server if secure else stub_server
    try:
        with SocketTransport(proxy=f"https://u:p@127.0.0.1:{front.port}", verify=CA) as transport:
            assert get(transport, target.url + "/through").status == 200
            assert transport._delegate is not None  # urllib3 carried it
    finally:
        front.close()
    assert len(target.received) == 1
    seen = proxy.tunnels if secure else proxy.forwarded
    assert len(seen) == 1 and seen[0].header("Proxy-Authorization") == "Basic dTpw"
