"""Asynchronous transport on asyncio streams and h11: the async default.

Why not aiohttp: importing aiohttp and its dependencies costs about 150 ms beyond asyncio,
which the first call of a short-lived async program waits for; h11 (a sans-IO HTTP/1.1 parser,
pure Python, no dependencies) costs about 10 ms, and asyncio's own streams do the I/O. The
measurements are in the README (Performance: cold start and transports).

Behaves as every transport of the runtime does: sends the URL exactly as given (no
re-quoting: SigV4 signs the encoded path) and exactly the headers given (plus ``Host`` and the
``Content-Length`` HTTP needs), follows no redirects, retries nothing and reads the whole body
within ``timeout`` (one deadline per attempt: connecting, waiting for a pooled connection,
sending and reading). gzip and deflate bodies are decoded, as urllib3 and aiohttp decode them.
Connections are kept alive and reused, at most ``limit`` per host (further requests wait for
one). Proxies come from the environment (see ``_proxy``) unless ``proxy=`` names one: ``http``
URLs go to the proxy in absolute form, ``https`` URLs through a CONNECT tunnel.

asyncio and h11 are imported when a transport is created, never when the package is: a
sync-only program pays for neither.
"""

from __future__ import annotations

import ssl
from types import TracebackType
from typing import TYPE_CHECKING, Self
from urllib.parse import urlsplit

from ._h1 import decode_content
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
    import asyncio

    import h11

__all__ = ["AsyncioTransport"]

_READ = 1 << 16
# Methods whose empty body is still announced (``Content-Length: 0``), as http.client does.
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})

#: (scheme, host, port, proxy): connections are shared only between identical routes.
_Route = tuple[str, str, int, Proxy | None]


def import_h11() -> None:
    """Imports h11 (a dependency of the package), or raises an ImportError that says so."""
    try:
        import h11  # noqa: F401
    except ImportError as err:
        raise ImportError(
            "the async client's default transport needs h11: pip install 'h11>=0.16' "
            "(or pass transport=AiohttpTransport() or HttpxAsyncTransport())"
        ) from err


class _Target:
    """The parts of a request URL a connection needs, split once per request."""

    __slots__ = ("authority", "host", "path", "port", "scheme")

    def __init__(self, url: str) -> None:
        parts, self.scheme, self.host, self.port = split_http_url(url)
        # The Host header as the URL spells it (credentials dropped), as urllib3 sends it.
        self.authority = parts.netloc.rpartition("@")[2]
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


class _Connection:
    """One keep-alive HTTP/1.1 connection: asyncio streams, h11 for the protocol."""

    __slots__ = ("protocol", "reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        import h11

        self.reader = reader
        self.writer = writer
        self.protocol = h11.Connection(h11.CLIENT)

    def usable(self) -> bool:
        """False when the server closed it while idle (or sent what nobody asked for): the
        request would fail on it, so a fresh connection is opened instead, as urllib3 does."""
        reader = self.reader
        return not (
            self.writer.is_closing()
            or reader.at_eof()
            or reader.exception() is not None
            or len(getattr(reader, "_buffer", b"")) > 0
        )

    def close(self) -> None:
        try:
            self.writer.close()
        except RuntimeError:  # its event loop is closed already: nothing left to release
            pass

    async def exchange(
        self, head: h11.Request, body: bytes | None
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """Send one request, read its whole response; (status, headers, raw body)."""
        import h11

        protocol = self.protocol
        writer = self.writer
        # One write (one send() call) for head, body and end: each write to an idle socket is
        # a system call of its own.
        out = [protocol.send(head) or b""]
        if body:
            out += protocol.send_with_data_passthrough(h11.Data(data=body)) or ()
        out.append(protocol.send(h11.EndOfMessage()) or b"")
        writer.writelines(out)
        if writer.transport.get_write_buffer_size() > _READ:
            await writer.drain()  # a large body: wait while the socket takes it
        reader = self.reader
        status = 0
        fields: list[tuple[str, str]] = []
        chunks: list[bytes] = []
        # Nothing can be parsed before the answer arrives (a reused connection holds no bytes:
        # see reusable()), so read first and save h11 a pass that would only say NEED_DATA.
        protocol.receive_data(await reader.read(_READ))
        while True:
            event = protocol.next_event()
            kind = type(event)
            if kind is h11.Data:
                chunks.append(event.data)  # type: ignore[union-attr]
            elif event is h11.NEED_DATA:
                protocol.receive_data(await reader.read(_READ))
            elif kind is h11.Response:
                status = event.status_code  # type: ignore[union-attr]
                fields = [
                    (name.decode("latin-1"), _text(value))
                    for name, value in event.headers.raw_items()  # type: ignore[union-attr]
                ]
            elif kind is h11.EndOfMessage:
                return status, fields, b"".join(chunks)
            elif kind is h11.ConnectionClosed:
                raise TransportError(
                    "the server closed the connection without a response", request_sent=True
                )
            # InformationalResponse (100 Continue, 103 Early Hints): the final one follows.

    def reusable(self) -> bool:
        """After a complete exchange: ready for the next request (else it must be closed)."""
        import h11

        protocol = self.protocol
        if protocol.our_state is h11.DONE and protocol.their_state is h11.DONE:
            # Bytes after the response were sent unasked: the connection is out of step.
            if not protocol.trailing_data[0]:
                protocol.start_next_cycle()
                return True
        return False


def _text(value: bytes) -> str:
    # UTF-8 as aiohttp decodes header values; bytes that are not UTF-8 as http.client does.
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")


class _Pool:
    """The idle connections of one route, and the slots that bound its open ones."""

    __slots__ = ("idle", "slots")

    def __init__(self, limit: int) -> None:
        import asyncio

        self.idle: list[_Connection] = []
        self.slots = asyncio.Semaphore(limit)

    def take(self) -> _Connection | None:
        while self.idle:
            connection = self.idle.pop()
            if connection.usable():
                return connection
            connection.close()
        return None


class _Progress:
    """What the request has got to, for the error raised when it fails."""

    __slots__ = ("sent",)

    def __init__(self) -> None:
        self.sent = False


class AsyncioTransport:
    """The async client's default transport: HTTP/1.1 on asyncio streams, parsed by h11.

    :param proxy: proxy URL (``http://[user:password@]host:port``) for every request; default:
        the environment's ``HTTP_PROXY``/``HTTPS_PROXY``/``NO_PROXY``.
    :param trust_env: read proxies from the environment when ``proxy`` is not given.
    :param verify: ``True`` (system trust store), ``False`` (no verification; only for tests) or
        the path of a CA bundle.
    :param ssl_context: a ready ``ssl.SSLContext``; overrides ``verify``.
    :param limit: connections open at once per host (and proxy); more requests wait for one.
    """

    def __init__(
        self,
        *,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str = True,
        ssl_context: ssl.SSLContext | None = None,
        limit: int = 100,
    ) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        # Imported here, not at the first request: the client's constructor reports a missing
        # h11, and nothing imports it before an async client exists.
        import_h11()
        self._fixed = Proxy.parse(proxy) if proxy else None
        env = ProxyConfig.from_environment() if trust_env and not proxy else None
        self._env = None if env is None or env.empty else env
        self._verify = verify
        self._ssl = ssl_context
        self._limit = limit
        self._pools: dict[_Route, _Pool] = {}
        # Streams belong to the event loop that opened them: a transport used from another
        # loop (a second asyncio.run) starts with fresh connections.
        self._loop: asyncio.AbstractEventLoop | None = None

    def _context(self) -> ssl.SSLContext:
        # Built at the first https connection, not in __init__: loading the trust store takes
        # milliseconds a plain-http client never needs.
        if self._ssl is None:
            if self._verify is False:
                context = ssl.create_default_context()
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            elif isinstance(self._verify, str):
                context = ssl.create_default_context(cafile=self._verify)
            else:
                context = ssl.create_default_context()
            self._ssl = context
        return self._ssl

    async def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        import asyncio

        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._forget_connections()
            self._loop = loop
        target = _Target(request.url)
        proxy = self._fixed or environment_proxy(self._env, request.url)
        progress = _Progress()
        try:
            if timeout is None:
                status, fields, body = await self._send(request, target, proxy, progress)
            else:
                async with asyncio.timeout(timeout):
                    status, fields, body = await self._send(request, target, proxy, progress)
        except TimeoutError as err:
            raise TransportTimeout(
                f"no complete response within {timeout} s", request_sent=progress.sent
            ) from err
        headers = Headers.received(fields)
        encoding = headers.get("content-encoding")
        if encoding and body:
            try:
                body = decode_content(body, encoding)
            except ValueError as err:
                raise TransportError(str(err), request_sent=True) from err
        return HttpResponse(status, headers, body)

    async def _send(
        self, request: HttpRequest, target: _Target, proxy: Proxy | None, progress: _Progress
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        head = _head(request, target, proxy)
        route = (target.scheme, target.host, target.port, proxy)
        pool = self._pools.get(route)
        if pool is None:
            pool = self._pools[route] = _Pool(self._limit)
        async with pool.slots:
            connection = pool.take() or await self._open(target, proxy)
            try:
                progress.sent = True
                result = await connection.exchange(head, request.body)
            except BaseException as err:
                # Half-way through an exchange (failed, timed out, cancelled): never reused.
                connection.close()
                if isinstance(err, Exception) and not isinstance(
                    err, (TransportError, TimeoutError)
                ):
                    raise _after_sending(err) from err
                raise
            if connection.reusable() and self._pools.get(route) is pool:
                pool.idle.append(connection)
            else:
                connection.close()
            return result

    async def _open(self, target: _Target, proxy: Proxy | None) -> _Connection:
        import asyncio

        tls = self._context() if target.scheme == "https" else None
        if proxy is None:
            host, port, proxy_tls = target.host, target.port, None
        else:
            parts = urlsplit(proxy.url)
            host = parts.hostname or ""
            port = parts.port or DEFAULT_PORTS[parts.scheme]
            proxy_tls = self._context() if parts.scheme == "https" else None
        what = "the proxy" if proxy is not None else f"{target.host}:{target.port}"
        try:
            # Happy eyeballs (RFC 8305) as aiohttp does it: a host with IPv6 and IPv4 addresses
            # is tried on the next address after 0.25 s instead of a full connect timeout.
            reader, writer = await asyncio.open_connection(
                host, port, ssl=tls if proxy is None else proxy_tls, happy_eyeballs_delay=0.25
            )
        except ssl.SSLError as err:
            raise _tls_error(err) from err
        except OSError as err:
            raise TransportError(f"cannot connect to {what}: {err}", request_sent=False) from err
        connection = _Connection(reader, writer)
        if proxy is not None and tls is not None:
            try:
                await _tunnel(connection, target, proxy)
                await writer.start_tls(tls, server_hostname=target.host)
            except BaseException as err:
                connection.close()
                if isinstance(err, ssl.SSLError):
                    raise _tls_error(err) from err
                if isinstance(err, OSError):
                    raise TransportError(
                        f"the tunnel through the proxy failed: {err}", request_sent=False
                    ) from err
                raise
            connection = _Connection(reader, writer)  # a fresh h11 state inside the tunnel
        return connection

    def _forget_connections(self) -> list[_Connection]:
        pools, self._pools = self._pools, {}
        closed = [connection for pool in pools.values() for connection in pool.idle]
        for connection in closed:
            connection.close()
        return closed

    async def close(self) -> None:
        """Close the idle connections; those in use close when their exchange ends."""
        import asyncio

        closed = self._forget_connections()
        if closed:
            # Let TLS connections say goodbye before the loop goes away, but never hang on a
            # server that does not answer the close.
            waits = [connection.writer.wait_closed() for connection in closed]
            try:
                async with asyncio.timeout(1.0):
                    await asyncio.gather(*waits, return_exceptions=True)
            except TimeoutError:
                pass

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


def _head(request: HttpRequest, target: _Target, proxy: Proxy | None) -> h11.Request:
    """The request line and headers: the caller's fields (non-ASCII values as UTF-8, as the
    other transports send them), plus Host and the framing HTTP/1.1 needs."""
    import h11

    fields = request.headers.multi_items()
    headers = [(name.encode("ascii"), value.encode("utf-8")) for name, value in fields]
    names = {name.lower() for name, _ in fields}
    if "host" not in names:
        headers.insert(0, (b"Host", _ascii(target.authority)))
    body = request.body
    if "content-length" not in names and "transfer-encoding" not in names:
        if body or request.method in _BODY_METHODS:
            headers.append((b"Content-Length", str(len(body or b"")).encode("ascii")))
    path = target.path
    if proxy is not None and target.scheme == "http":
        # Forwarded in the clear: the proxy takes the absolute URL, and its credentials ride
        # along (an https request carries them on the CONNECT instead).
        path = f"http://{target.authority}{target.path}"
        if proxy.authorization:
            headers.append((b"Proxy-Authorization", proxy.authorization.encode("latin-1")))
    try:
        return h11.Request(method=request.method, target=path, headers=headers)
    except h11.LocalProtocolError as err:
        raise TransportError(
            f"cannot send this request: {err}", request_sent=False, retryable=False
        ) from err


async def _tunnel(connection: _Connection, target: _Target, proxy: Proxy) -> None:
    """CONNECT through the proxy; raises TransportError unless it answers 2xx."""
    import h11

    authority = f"[{target.host}]" if ":" in target.host else target.host
    authority += f":{target.port}"
    headers = [(b"Host", _ascii(authority))]
    if proxy.authorization:
        headers.append((b"Proxy-Authorization", proxy.authorization.encode("latin-1")))
    protocol = connection.protocol
    connection.writer.write(
        protocol.send(h11.Request(method="CONNECT", target=authority, headers=headers)) or b""
    )
    connection.writer.write(protocol.send(h11.EndOfMessage()) or b"")
    await connection.writer.drain()
    while True:
        event = protocol.next_event()
        if event is h11.NEED_DATA:
            data = await connection.reader.read(_READ)
            if not data:
                raise TransportError("the proxy closed the connection", request_sent=False)
            protocol.receive_data(data)
        elif isinstance(event, h11.Response):
            if 200 <= event.status_code < 300:
                return
            raise TransportError(
                f"the proxy refused the tunnel to {authority}: {event.status_code} "
                f"{event.reason.decode('latin-1')}",
                request_sent=False,
            )
        elif event is h11.PAUSED or isinstance(event, h11.ConnectionClosed):
            raise TransportError("the proxy closed the connection", request_sent=False)


def _ascii(authority: str) -> bytes:
    # An internationalised host name goes out in its ASCII (punycode) form.
    return authority.encode("ascii") if authority.isascii() else authority.encode("idna")


def _tls_error(err: ssl.SSLError) -> TransportError:
    # A certificate that does not verify will not verify on the next attempt either.
    verify = isinstance(err, ssl.SSLCertVerificationError)
    return TransportError(f"TLS: {err}", request_sent=False, retryable=not verify)


def _after_sending(err: Exception) -> TransportError:
    # Reset, dropped or garbled after the request went out: the server may have seen it, so
    # only idempotent requests are retried.
    return TransportError(f"connection failed: {type(err).__name__}: {err}", request_sent=True)
