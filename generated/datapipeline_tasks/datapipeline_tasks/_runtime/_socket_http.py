"""The sync default transport: HTTP/1.1 on the standard library's ``socket`` and ``ssl``.

Why not urllib3 (the former default): on 127.0.0.1 a urllib3 ``PoolManager`` GET costs about
300 µs where the bytes on the wire take about 50; most of it is urllib3's and http.client's
Python around each request (``email.parser`` reading the headers, the connection's state
machine, urllib3's response object). This module writes the request head as one bytes object,
sends head and body in one ``sendall``, and reads the response with the sans-IO parser in
``_h1``. The measurements are in the README (Transport; Written by hand).

Behaves as every transport of the runtime does: sends the URL exactly as given (no
re-quoting: SigV4 signs the encoded path) and exactly the headers given, plus what HTTP needs
and urllib3 sent before it: ``Host`` (unless given), ``Accept-Encoding: identity`` (unless
given: http.client adds it, so servers see the bytes they saw with urllib3) and
``Content-Length`` (for a body, and ``0`` for an empty POST, PUT or PATCH); non-ASCII values
as UTF-8. It follows no redirects and retries nothing, except what every pool does for a
keep-alive connection the server closed while it was idle (see :meth:`SocketTransport.send`).
``timeout`` is one deadline per attempt over connecting, sending and reading the whole body.
gzip and deflate bodies are decoded (as urllib3 does; other codings are passed on as they
came). TLS: ``verify`` (True: the system trust store; a CA bundle path; False) or
``ssl_context``, with SNI and the host name checked. Proxies as :class:`Urllib3Transport` takes
them (``proxy=``, else ``HTTP_PROXY``/``HTTPS_PROXY``/``NO_PROXY`` unless ``trust_env=False``):
``http`` URLs go to an ``http://`` proxy in absolute form with ``Proxy-Authorization``,
``https`` URLs through a CONNECT tunnel (credentials on the CONNECT). An ``https://`` proxy
(TLS to the proxy itself, and for https URLs TLS inside that TLS) is handed to a
:class:`Urllib3Transport` created on first need, which implements TLS in TLS.

Up to ``maxsize`` idle connections are kept per origin (and proxy); a request finding none
idle opens another, never waits (urllib3's ``block=False``). The transport is thread-safe.
"""

from __future__ import annotations

import re
import select
import socket
import ssl
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, Self
from urllib.parse import urlsplit

from ._h1 import ProtocolError, ResponseParser, decode_content, request_head
from ._http import (
    DEFAULT_PORTS,
    Headers,
    HttpRequest,
    HttpResponse,
    TransportError,
    TransportTimeout,
    split_http_url,
)
from ._proxy import Proxy, ProxyConfig, environment_proxy

if TYPE_CHECKING:
    from ._transport import Urllib3Transport

__all__ = ["SocketTransport"]

_READ = 1 << 16
# A body up to this size goes out in the same sendall as the head (one system call); a larger
# one is sent after it rather than copied.
_JOIN_BODY = 1 << 16
# Methods whose empty body is still announced (``Content-Length: 0``), as http.client does.
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# scheme://authority, then the target (path and query) up to a fragment.
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*://[^/?#]*)([^#]*)")
_MAX_ORIGINS = 64
_POLL = getattr(select, "poll", None)


def response_of(parser: ResponseParser, headers: Headers) -> HttpResponse:
    """The response a finished parse holds, its body decoded as its Content-Encoding says
    (both HTTP/1.1 transports; a body that does not decode is a TransportError)."""
    content = parser.body()
    if content:
        encoding = headers.get("content-encoding")
        if encoding:
            try:
                content = decode_content(content, encoding)
            except ValueError as err:
                raise TransportError(str(err), request_sent=True) from err
    return HttpResponse(parser.status, headers, content)


def split_target(url: str) -> tuple[str, str]:
    """``(scheme://authority, path and query)`` of a request URL (the fragment left out), or
    the TransportError both HTTP/1.1 transports raise for a URL they cannot send."""
    match = _URL.match(url)
    if match is None:
        raise TransportError(
            f"invalid URL (only http:// and https:// with a host): {url[:80]!r}",
            request_sent=False,
            retryable=False,
        )
    text, target = match.groups()
    return text, target


class _Origin:
    """What a connection needs of ``scheme://authority``: split once per origin text."""

    __slots__ = ("absolute", "authority", "host", "host_header", "port", "scheme", "tunnel")

    def __init__(self, text: str) -> None:
        parts, scheme, host, port = split_http_url(text)
        self.scheme = scheme
        self.host = host
        self.port = port
        # The Host header as http.client (so urllib3) writes it, which is also what SigV4
        # signs: the host in lower case (IDNA for a non-ASCII name), brackets for IPv6, the
        # port only when it is not the scheme's default.
        name = host if host.isascii() else host.encode("idna").decode("ascii")
        if ":" in name:
            name = f"[{name}]"
        self.host_header = name if self.port == DEFAULT_PORTS[scheme] else f"{name}:{self.port}"
        # The authority of the CONNECT request line and its Host header.
        self.tunnel = f"{name}:{self.port}"
        # An http:// URL sent to a proxy: absolute form, credentials and fragment dropped.
        self.authority = parts.netloc.rpartition("@")[2]
        self.absolute = f"{scheme}://{self.authority}"


def client_context(verify: bool | str) -> ssl.SSLContext:
    """The TLS context both default transports (this one and ``AsyncioTransport``) build when
    not given one: ``verify`` True is the system trust store, a string a CA bundle file,
    False no verification (tests only); as urllib3 sets its contexts, TLS 1.2 at least and
    HTTP/1.1 offered by ALPN. A context the caller passes is used as it is."""
    if verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    elif isinstance(verify, str):
        context = ssl.create_default_context(cafile=verify)
    else:
        context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_alpn_protocols(["http/1.1"])
    return context


class SocketTransport:
    """Synchronous transport on the standard library's sockets (the sync default).

    :param proxy: proxy URL (``http://[user:password@]host:port``) for every request; default:
        the environment's ``HTTP_PROXY``/``HTTPS_PROXY``/``NO_PROXY``.
    :param trust_env: read proxies from the environment when ``proxy`` is not given.
    :param verify: ``True`` (system trust store), ``False`` (no verification; only for tests) or
        the path of a CA bundle.
    :param ssl_context: a ready ``ssl.SSLContext``; overrides ``verify``.
    :param maxsize: idle connections kept alive per host; more requests at once open more
        connections (they never wait), and those beyond ``maxsize`` close after their response.

    An ``https://`` proxy is served by a :class:`Urllib3Transport` with the same settings,
    created when first needed.
    """

    def __init__(
        self,
        *,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        maxsize: int = 10,
    ) -> None:
        self._fixed = Proxy.parse(proxy) if proxy else None
        env = ProxyConfig.from_environment() if trust_env and not proxy else None
        self._env = None if env is None or env.empty else env
        self._verify = verify
        self._ssl = ssl_context
        self._maxsize = maxsize
        self._origins: dict[str, _Origin] = {}
        self._idle: dict[tuple[str, Proxy | None], list[socket.socket]] = {}
        self._lock = threading.Lock()
        # Bumped by close(): a connection taken before it is not put back after it.
        self._epoch = 0
        self._delegate: Urllib3Transport | None = None

    # -- requests ------------------------------------------------------------------------

    def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        """Send ``request``, read the whole response.

        A keep-alive connection can be closed by the server while it sits idle; one that
        reads as closed (or holds unasked bytes) is never reused: a zero-timeout poll before
        reuse, as urllib3 does. The one resend of its own: when writing the request to a
        reused connection fails before a single byte of it was taken (the close, or the reset
        that followed it, had already arrived), nothing reached the server, so the request
        goes once more on a new connection, whatever its method (Go's net/http resends in
        this case too). When the request was written and the connection then ends before a
        byte of response, the server may have read and acted on it: that is an error with
        ``request_sent=True``, as urllib3 (run with retries off, as botocore and
        Urllib3Transport run it) and AsyncioTransport report it, and the client's retry layer
        decides by the operation's idempotency, counting the attempt as botocore does (a
        resend here would repeat the attempt's ``amz-sdk-request`` header on the wire).
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        url = request.url
        text, target = split_target(url)
        origin = self._origins.get(text)
        if origin is None:
            origin = self._origin(text)
        proxy = self._fixed or environment_proxy(self._env, url)
        if proxy is not None and proxy.url.startswith("https:"):
            return self._through_urllib3(request, proxy, timeout)
        method = request.method
        head, body = request_bytes(request, origin, target, proxy)
        route = (text, proxy)
        taken = self._take(route)
        epoch = self._epoch
        while True:
            sock = taken or self._connect(origin, proxy, deadline, timeout)
            parser = ResponseParser(method)
            try:
                _exchange(sock, parser, head, body, deadline)
            except BaseException as err:
                sock.close()
                if not isinstance(err, Exception):
                    raise
                if isinstance(err, _NotSent):
                    if taken is not None and not isinstance(err.error, TimeoutError):
                        taken = None  # closed while idle, nothing sent: again, on a new one
                        continue
                    raise _not_sent(err.error, timeout) from err.error
                raise _exchange_error(err, timeout) from err
            break
        if parser.keep_alive and not parser.trailing:
            self._put(route, sock, epoch)
        else:
            sock.close()
        return response_of(parser, Headers.received(parser.headers))

    def _origin(self, text: str) -> _Origin:
        origin = _Origin(text)
        if len(self._origins) < _MAX_ORIGINS:
            self._origins[text] = origin
        return origin

    # -- connections ---------------------------------------------------------------------

    def _take(self, route: tuple[str, Proxy | None]) -> socket.socket | None:
        while True:
            with self._lock:
                idle = self._idle.get(route)
                sock = idle.pop() if idle else None
            if sock is None or not _dropped(sock):
                return sock
            sock.close()

    def _put(self, route: tuple[str, Proxy | None], sock: socket.socket, epoch: int) -> None:
        with self._lock:
            if epoch == self._epoch:
                idle = self._idle.get(route)
                if idle is None:
                    idle = self._idle[route] = []
                if len(idle) < self._maxsize:
                    idle.append(sock)
                    return
        sock.close()

    def _context(self) -> ssl.SSLContext:
        # Built at the first https connection, not in __init__: loading the trust store takes
        # milliseconds a plain-http client never needs.
        context = self._ssl
        if context is None:
            context = self._ssl = client_context(self._verify)
        return context

    def _connect(
        self,
        origin: _Origin,
        proxy: Proxy | None,
        deadline: float | None,
        timeout: float | None,
    ) -> socket.socket:
        """A new connection to the origin: direct, to the proxy, or tunnelled through it."""
        if proxy is None:
            host, port, what = origin.host, origin.port, f"{origin.host}:{origin.port}"
        else:
            parts = urlsplit(proxy.url)
            host, port, what = parts.hostname or "", parts.port or 80, "the proxy"
        try:
            sock = socket.create_connection((host, port), timeout=_remaining(deadline))
        except TimeoutError as err:
            raise TransportTimeout(
                f"connecting to {what} took longer than {timeout} s", request_sent=False
            ) from err
        except OSError as err:
            raise TransportError(f"cannot connect to {what}: {err}", request_sent=False) from err
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if proxy is not None and origin.scheme == "https":
                _tunnel(sock, origin, proxy, deadline)
            if origin.scheme == "https":
                sock.settimeout(_remaining(deadline))
                sock = self._context().wrap_socket(sock, server_hostname=origin.host)
        except BaseException as err:
            sock.close()
            if isinstance(err, _NotSent):
                err = err.error
            if isinstance(err, TimeoutError):
                raise TransportTimeout(
                    f"setting up the connection to {what} took longer than {timeout} s",
                    request_sent=False,
                ) from err
            if isinstance(err, ssl.SSLError):
                # A certificate that does not verify will not verify on the next attempt.
                raise TransportError(
                    f"TLS: {err}",
                    request_sent=False,
                    retryable=not isinstance(err, ssl.SSLCertVerificationError),
                ) from err
            if isinstance(err, (OSError, ProtocolError)):
                raise TransportError(
                    f"the connection to {what} failed: {type(err).__name__}: {err}",
                    request_sent=False,
                ) from err
            raise
        return sock

    def _through_urllib3(
        self, request: HttpRequest, proxy: Proxy, timeout: float | None
    ) -> HttpResponse:
        """An https:// proxy: TLS to the proxy, and TLS in that TLS for https URLs, which
        ``ssl`` sockets cannot nest; urllib3 does it (imported only for this case)."""
        delegate = self._delegate
        if delegate is None:
            from ._transport import Urllib3Transport

            with self._lock:
                delegate = self._delegate
                if delegate is None:
                    delegate = Urllib3Transport(
                        trust_env=False,
                        verify=self._verify,
                        ssl_context=self._ssl,
                        maxsize=self._maxsize,
                    )
                    self._delegate = delegate
        return delegate.send_via(request, proxy, timeout=timeout)

    def close(self) -> None:
        """Close the idle connections; those in use close when their exchange ends."""
        with self._lock:
            self._epoch += 1
            idle, self._idle = self._idle, {}
            delegate, self._delegate = self._delegate, None
        for connections in idle.values():
            for sock in connections:
                sock.close()
        if delegate is not None:
            delegate.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def request_bytes(
    request: HttpRequest, origin: _Origin, target: str, proxy: Proxy | None
) -> tuple[bytes, bytes | None]:
    """The request head, fields in urllib3's order (Host, Accept-Encoding, the framing, then
    the caller's), and the body as it goes out (chunked if the caller asked). ``target`` is
    the URL's path and query as :data:`_URL` splits it off; an ``http`` URL sent through a
    proxy goes in absolute form. AsyncioTransport sends its requests with this too, so both
    default transports put the same bytes on the wire."""
    if target[:1] != "/":
        target = "/" + target  # no path ("http://h" or "http://h?q"): "/", as urllib3 sends
    headers = request.headers
    fields: list[tuple[str, str]] = []
    if "host" not in headers:
        fields.append(("Host", origin.host_header))
    if "accept-encoding" not in headers:
        fields.append(("Accept-Encoding", "identity"))
    body = request.body
    if "content-length" not in headers:
        if "transfer-encoding" in headers:
            # The caller chose chunked framing (as urllib3 honours it): frame the body so.
            if body:
                body = b"%x\r\n%b\r\n0\r\n\r\n" % (len(body), body)
            else:
                body = b"0\r\n\r\n"
        elif body is not None or request.method in _BODY_METHODS:
            fields.append(("Content-Length", str(len(body or b""))))
    fields += headers.multi_items()
    if proxy is not None and origin.scheme == "http":
        # Forwarded in the clear: the absolute URL, and the proxy's credentials ride along (an
        # https request carries them on the CONNECT instead).
        target = origin.absolute + target
        if proxy.authorization:
            fields.append(("Proxy-Authorization", proxy.authorization))
    try:
        return request_head(request.method, target, fields), body
    except ValueError as err:
        raise TransportError(
            f"cannot send this request: {err}", request_sent=False, retryable=False
        ) from err


def _remaining(deadline: float | None) -> float | None:
    """The socket timeout left before ``deadline`` (None: no deadline)."""
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the deadline has passed")
    return left


def _exchange(
    sock: socket.socket,
    parser: ResponseParser,
    head: bytes,
    body: bytes | None,
    deadline: float | None,
) -> None:
    """Send one request and read its whole response into ``parser``; _NotSent when the
    connection failed before it took a byte of the request."""
    data = head + body if body and len(body) <= _JOIN_BODY else head
    try:
        sock.settimeout(_remaining(deadline))
        # One send() first: when it fails, not a byte went out (sendall cannot tell).
        sent = sock.send(data)
    except OSError as err:
        raise _NotSent(err) from err
    if sent < len(data):
        sock.sendall(memoryview(data)[sent:])
    if body and data is head:
        sock.sendall(body)
    recv = sock.recv
    if deadline is None:
        while not parser.receive(recv(_READ)):
            pass
        return
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the deadline has passed")
        sock.settimeout(left)
        if parser.receive(recv(_READ)):
            return


class _NotSent(Exception):
    """The connection failed before a byte of the request was written."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _not_sent(err: OSError, timeout: float | None) -> TransportError:
    if isinstance(err, TimeoutError):
        return TransportTimeout(
            f"the request could not be sent within {timeout} s", request_sent=False
        )
    return TransportError(
        f"connection failed before sending: {type(err).__name__}: {err}", request_sent=False
    )


def tunnel_request(origin: _Origin, proxy: Proxy) -> bytes:
    """The CONNECT request that opens a tunnel to `origin` through `proxy` (both transports)."""
    fields = [("Host", origin.tunnel)]
    if proxy.authorization:
        fields.append(("Proxy-Authorization", proxy.authorization))
    return request_head("CONNECT", origin.tunnel, fields)


def check_tunnel(parser: ResponseParser, origin: _Origin) -> None:
    """TransportError unless the proxy answered the CONNECT with 2xx and nothing after it."""
    if not 200 <= parser.status < 300:
        raise TransportError(
            f"the proxy refused the tunnel to {origin.tunnel}: {parser.status}",
            request_sent=False,
        )
    if parser.trailing:
        raise ProtocolError("the proxy sent bytes after its answer to CONNECT")


def _tunnel(sock: socket.socket, origin: _Origin, proxy: Proxy, deadline: float | None) -> None:
    """CONNECT through the proxy; TransportError unless it answers 2xx."""
    parser = ResponseParser("CONNECT")
    _exchange(sock, parser, tunnel_request(origin, proxy), None, deadline)
    check_tunnel(parser, origin)


def _dropped(sock: socket.socket) -> bool:
    """True when an idle connection can be read from: the server closed it (or sent what
    nobody asked for). Either way it cannot carry a request; urllib3 checks the same."""
    if isinstance(sock, ssl.SSLSocket) and sock.pending():
        return True
    try:
        if _POLL is not None:
            poller = _POLL()
            poller.register(sock, select.POLLIN)
            return bool(poller.poll(0))
        return bool(select.select([sock], [], [], 0)[0])
    except (OSError, ValueError):  # closed under us
        return True


def _exchange_error(err: Exception, timeout: float | None) -> Exception:
    """The TransportError for a failure after the request started going out: the server may
    have seen it, so only idempotent requests are retried (``request_sent=True``)."""
    if isinstance(err, TransportError):
        return err
    if isinstance(err, TimeoutError):
        return TransportTimeout(f"no complete response within {timeout} s", request_sent=True)
    if isinstance(err, ProtocolError):
        return TransportError(f"invalid response: {err}", request_sent=True)
    if isinstance(err, OSError):
        return TransportError(f"connection failed: {type(err).__name__}: {err}", request_sent=True)
    return err
