"""The HTTP client of the credential providers: ``http.client`` only, so no new dependency.

STS, the SSO portal, SSO OIDC, the container endpoint and instance metadata each see a handful
of requests per hour, so one connection per request is fine and keeps the code small. What
matters is bounding time: the connection must open within ``timeout`` and the whole response
must then arrive within ``timeout`` (each socket read waits at most for what is left), so a
metadata endpoint that drips bytes cannot stall a client for longer than it was told to wait.

Proxies come from the environment like botocore's, read by ``_proxy`` as the client
transports read them (``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``NO_PROXY``, lower case first), only
for the callers that botocore sends through a proxy (STS, SSO, instance metadata; not the
container endpoint). ``AWS_CA_BUNDLE`` replaces the system trust store for ``https://``.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from collections.abc import Mapping
from urllib.parse import SplitResult, urlsplit

from ._http import HttpRequest, HttpResponse, TransportError, TransportTimeout
from ._proxy import ProxyConfig, environment_proxy

__all__ = ["StdlibTransport"]

#: Credential responses are a few hundred bytes; anything much larger is not one.
MAX_BODY = 1 << 20


class StdlibTransport:
    """A :class:`~._http.Transport` on ``http.client``: one connection per request, no
    redirects, no retries (callers own retries, as botocore's fetchers do).

    :param environ: where proxy variables are read; ``None`` sends directly (no proxy).
    :param ca_bundle: a CA bundle file for ``https://`` instead of the system trust store.
    """

    def __init__(
        self, *, environ: Mapping[str, str] | None = None, ca_bundle: str | None = None
    ) -> None:
        self._proxies = None if environ is None else ProxyConfig.from_environment(environ)
        self._ca_bundle = ca_bundle

    def close(self) -> None:
        """Nothing to release: connections are not kept."""

    def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        parts = urlsplit(request.url)
        where = f"{request.method} {parts.scheme}://{parts.netloc}"
        try:
            port = parts.port
        except ValueError:
            raise TransportError(
                f"{where}: invalid port", request_sent=False, retryable=False
            ) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TransportError(
                f"{where}: not an http(s) URL", request_sent=False, retryable=False
            )
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = dict(request.headers.multi_items())
        conn = self._connection(parts, port, timeout, headers)
        if conn is None:
            conn = self._plain(parts, port, timeout)
        elif parts.scheme == "http":
            target = request.url  # a plain-HTTP proxy takes the absolute URL
        sent = False
        try:
            conn.connect()
            deadline = None if timeout is None else time.monotonic() + timeout
            conn.request(request.method, target, body=request.body, headers=headers)
            sent = True
            _limit(conn, deadline)
            response = conn.getresponse()
            body = _read(response, conn, deadline)
            return HttpResponse(response.status, response.getheaders(), body)
        except TimeoutError as err:
            raise TransportTimeout(f"{where}: timed out", request_sent=sent) from err
        except ssl.SSLCertVerificationError as err:
            raise TransportError(
                f"{where}: certificate did not verify ({err.verify_message})",
                request_sent=False,
                retryable=False,
            ) from err
        except (OSError, http.client.HTTPException) as err:
            reason = str(err) or type(err).__name__
            raise TransportError(f"{where}: {reason}", request_sent=sent) from err
        finally:
            conn.close()

    def _plain(
        self, parts: SplitResult, port: int | None, timeout: float | None
    ) -> http.client.HTTPConnection:
        host = parts.hostname or ""
        if parts.scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=timeout, context=self._context())
        return http.client.HTTPConnection(host, port, timeout=timeout)

    def _connection(
        self,
        parts: SplitResult,
        port: int | None,
        timeout: float | None,
        headers: dict[str, str],
    ) -> http.client.HTTPConnection | None:
        """A connection to the proxy for this URL, or None to connect directly."""
        proxy = environment_proxy(self._proxies, parts.geturl())
        if proxy is None:
            return None
        proxy_parts = urlsplit(proxy.url)
        if proxy_parts.scheme != "http":
            raise TransportError(
                f"unsupported proxy URL scheme {proxy_parts.scheme!r} (only http:// proxies)",
                request_sent=False,
                retryable=False,
            )
        auth = {"Proxy-Authorization": proxy.authorization} if proxy.authorization else {}
        proxy_host, proxy_port = proxy_parts.hostname or "", proxy_parts.port or 80
        if parts.scheme == "http":
            headers.update(auth)
            return http.client.HTTPConnection(proxy_host, proxy_port, timeout=timeout)
        conn = http.client.HTTPSConnection(
            proxy_host, proxy_port, timeout=timeout, context=self._context()
        )
        conn.set_tunnel(parts.hostname or "", port or 443, headers=auth)
        return conn

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self._ca_bundle)


def _limit(conn: http.client.HTTPConnection, deadline: float | None) -> None:
    """Let the next socket read wait only for what is left of the deadline."""
    if deadline is None or conn.sock is None:
        return
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    sock: socket.socket = conn.sock
    sock.settimeout(left)


def _read(
    response: http.client.HTTPResponse, conn: http.client.HTTPConnection, deadline: float | None
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        _limit(conn, deadline)
        chunk = response.read1(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_BODY:
            raise TransportError(
                f"response larger than {MAX_BODY} bytes", request_sent=True, retryable=False
            )
        chunks.append(chunk)
