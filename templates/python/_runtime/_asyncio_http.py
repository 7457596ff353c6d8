"""Asynchronous transport on asyncio streams and the sans-IO ``_h1`` parser: the async default.

Why not aiohttp: importing aiohttp and its dependencies costs about 150 ms beyond asyncio,
which the first call of a short-lived async program waits for. asyncio's own streams do the
I/O; the HTTP/1.1 is the runtime's own (``_h1``, as the sync ``SocketTransport`` uses it: the
request head written as one bytes object, the response read by an incremental parser), which
costs no import beyond the runtime's and less CPU per request than h11, which this transport
used before. The measurements are in the README (Performance: cold start and transports).

Behaves as every transport of the runtime does: sends the URL exactly as given (no
re-quoting: SigV4 signs the encoded path) and exactly the headers given, plus what HTTP needs,
byte for byte as ``SocketTransport`` sends them (see ``_socket_http.request_bytes``: ``Host``,
``Accept-Encoding: identity`` and ``Content-Length`` unless given); follows no redirects,
retries nothing (but a request on a kept-alive connection that failed before a byte of it was
written: see :meth:`AsyncioTransport.send`) and reads the whole body within ``timeout`` (one
deadline per attempt: connecting, waiting for a pooled connection, sending and reading). gzip
and deflate bodies are decoded, as urllib3 and aiohttp decode them. Connections are kept alive
and reused, at most ``limit`` per host (further requests wait for one). Proxies come from the
environment (see ``_proxy``) unless ``proxy=`` names one: ``http`` URLs go to the proxy in
absolute form, ``https`` URLs through a CONNECT tunnel.

asyncio is imported when a transport is created, never when the package is: a sync-only
program does not pay for it.
"""

from __future__ import annotations

import ssl
from types import TracebackType
from typing import TYPE_CHECKING, Self
from urllib.parse import urlsplit

from ._h1 import ProtocolError, ResponseParser
from ._http import (
    DEFAULT_PORTS,
    Headers,
    HttpRequest,
    HttpResponse,
    TransportError,
    TransportTimeout,
)
from ._proxy import Proxy, ProxyConfig, environment_proxy
from ._socket_http import (
    _JOIN_BODY,
    _MAX_ORIGINS,
    _READ,
    _Origin,
    check_tunnel,
    client_context,
    request_bytes,
    response_of,
    split_target,
    tunnel_request,
)

if TYPE_CHECKING:
    import asyncio

__all__ = ["AsyncioTransport"]


#: (scheme://authority, proxy): connections are shared only between identical routes.
_Route = tuple[str, Proxy | None]


class _Connection:
    """One keep-alive HTTP/1.1 connection: asyncio streams, ``_h1`` for the protocol."""

    __slots__ = ("reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

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

    async def exchange(self, parser: ResponseParser, head: bytes, body: bytes | None) -> None:
        """Send one request and read its whole response into ``parser``; _NotSent when the
        connection was found closed before a byte of the request was written."""
        writer = self.writer
        transport = writer.transport
        # Head and body in one write (one send() call) unless the body is large: each write to
        # an idle socket is a system call of its own.
        data = head + body if body and len(body) <= _JOIN_BODY else head
        writer.write(data)
        if transport.is_closing():
            # The socket refused the first send() (reset, or closed under us), or the
            # connection was lost already: asyncio sends nothing then, so not a byte of the
            # request reached the server.
            raise _NotSent()
        if body and data is head:
            writer.write(body)
        if transport.get_write_buffer_size() > _READ:
            await writer.drain()  # a large body: wait while the socket takes it
        read = self.reader.read
        # Nothing can be parsed before the answer arrives (a reused connection holds no bytes:
        # see usable()), so every pass starts with a read.
        while not parser.receive(await read(_READ)):
            pass


class _NotSent(Exception):
    """The connection was closed before a byte of the request was written."""


def _text(name: str, value: str) -> tuple[str, str]:
    # UTF-8 as aiohttp decodes header values (the parser reads latin-1, as http.client does);
    # bytes that are not UTF-8 stay latin-1.
    try:
        return name, value.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return name, value


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
    """The async client's default transport: HTTP/1.1 on asyncio streams, parsed by ``_h1``.

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
        self._fixed = Proxy.parse(proxy) if proxy else None
        env = ProxyConfig.from_environment() if trust_env and not proxy else None
        self._env = None if env is None or env.empty else env
        self._verify = verify
        self._ssl = ssl_context
        self._limit = limit
        self._pools: dict[_Route, _Pool] = {}
        self._origins: dict[str, _Origin] = {}
        # Streams belong to the event loop that opened them: a transport used from another
        # loop (a second asyncio.run) starts with fresh connections.
        self._loop: asyncio.AbstractEventLoop | None = None

    def _context(self) -> ssl.SSLContext:
        # Built at the first https connection, not in __init__: loading the trust store takes
        # milliseconds a plain-http client never needs. The same context SocketTransport builds.
        context = self._ssl
        if context is None:
            context = self._ssl = client_context(self._verify)
        return context

    async def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        """Send ``request``, read the whole response.

        A kept-alive connection the server closed while it sat idle is not reused (see
        ``_Connection.usable``). Should the close arrive so late that asyncio finds the socket
        closed only when the request is written, not a byte of it went out: the request goes
        once more on a new connection, whatever its method, as SocketTransport does. When the
        request was written and the connection then ends before a byte of response, the server
        may have acted on it: an error with ``request_sent=True``, for the client's retry
        layer to decide by the operation's idempotency.
        """
        import asyncio

        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._forget_connections()
            self._loop = loop
        url = request.url
        text, target = split_target(url)
        origin = self._origins.get(text)
        if origin is None:
            origin = _Origin(text)
            if len(self._origins) < _MAX_ORIGINS:
                self._origins[text] = origin
        proxy = self._fixed or environment_proxy(self._env, url)
        head, body = request_bytes(request, origin, target, proxy)
        parser = ResponseParser(request.method)
        progress = _Progress()
        try:
            if timeout is None:
                await self._send(origin, proxy, (text, proxy), head, body, parser, progress)
            else:
                async with asyncio.timeout(timeout):
                    await self._send(origin, proxy, (text, proxy), head, body, parser, progress)
        except TimeoutError as err:
            raise TransportTimeout(
                f"no complete response within {timeout} s", request_sent=progress.sent
            ) from err
        fields = parser.headers
        if not all(value.isascii() for _, value in fields):
            fields = [_text(name, value) for name, value in fields]
        return response_of(parser, Headers.received(fields))

    async def _send(
        self,
        origin: _Origin,
        proxy: Proxy | None,
        route: _Route,
        head: bytes,
        body: bytes | None,
        parser: ResponseParser,
        progress: _Progress,
    ) -> None:
        pool = self._pools.get(route)
        if pool is None:
            pool = self._pools[route] = _Pool(self._limit)
        async with pool.slots:
            taken = pool.take()
            while True:
                connection = taken or await self._open(origin, proxy)
                try:
                    progress.sent = True
                    await connection.exchange(parser, head, body)
                except BaseException as err:
                    # Half-way through an exchange (failed, timed out, cancelled): never reused.
                    connection.close()
                    if isinstance(err, _NotSent):
                        progress.sent = False
                        if taken is not None:
                            taken = None  # closed while idle, nothing sent: again, on a new one
                            continue
                        raise TransportError(
                            "the connection closed before the request was sent",
                            request_sent=False,
                        ) from err
                    if isinstance(err, Exception) and not isinstance(
                        err, (TransportError, TimeoutError)
                    ):
                        raise _after_sending(err) from err
                    raise
                break
            if parser.keep_alive and not parser.trailing and self._pools.get(route) is pool:
                pool.idle.append(connection)
            else:
                connection.close()

    async def _open(self, origin: _Origin, proxy: Proxy | None) -> _Connection:
        import asyncio

        tls = self._context() if origin.scheme == "https" else None
        if proxy is None:
            host, port, proxy_tls = origin.host, origin.port, None
        else:
            parts = urlsplit(proxy.url)
            host = parts.hostname or ""
            port = parts.port or DEFAULT_PORTS[parts.scheme]
            proxy_tls = self._context() if parts.scheme == "https" else None
        what = "the proxy" if proxy is not None else f"{origin.host}:{origin.port}"
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
                await _tunnel(connection, origin, proxy)
                await writer.start_tls(tls, server_hostname=origin.host)
            except BaseException as err:
                connection.close()
                if isinstance(err, ssl.SSLError):
                    raise _tls_error(err) from err
                if isinstance(err, (OSError, ProtocolError)):
                    raise TransportError(
                        f"the tunnel through the proxy failed: {err}", request_sent=False
                    ) from err
                raise
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


async def _tunnel(connection: _Connection, origin: _Origin, proxy: Proxy) -> None:
    """CONNECT through the proxy; raises TransportError unless it answers 2xx."""
    parser = ResponseParser("CONNECT")
    try:
        await connection.exchange(parser, tunnel_request(origin, proxy), None)
    except _NotSent:
        raise TransportError("the proxy closed the connection", request_sent=False) from None
    check_tunnel(parser, origin)


def _tls_error(err: ssl.SSLError) -> TransportError:
    # A certificate that does not verify will not verify on the next attempt either.
    verify = isinstance(err, ssl.SSLCertVerificationError)
    return TransportError(f"TLS: {err}", request_sent=False, retryable=not verify)


def _after_sending(err: Exception) -> TransportError:
    # Reset, dropped or garbled after the request went out: the server may have seen it, so
    # only idempotent requests are retried.
    if isinstance(err, ProtocolError):
        return TransportError(f"invalid response: {err}", request_sent=True)
    return TransportError(f"connection failed: {type(err).__name__}: {err}", request_sent=True)
