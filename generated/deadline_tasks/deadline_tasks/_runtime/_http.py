"""HTTP value types shared by transports, signers and the retry layer.

The types are deliberately small and independent of any HTTP library so that users can plug in
their own transport (a mock, a proxy-aware client, a recording layer) by implementing
:class:`Transport` or :class:`AsyncTransport`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import Any, Protocol, TypeAlias
from urllib.parse import SplitResult, quote, urlsplit

__all__ = [
    "DEFAULT_PORTS",
    "AsyncTransport",
    "DeserializationError",
    "Headers",
    "HeadersInput",
    "HttpRequest",
    "HttpResponse",
    "ResponseDecodeError",
    "Transport",
    "TransportError",
    "TransportTimeout",
    "split_http_url",
    "with_content_length",
]


class Headers(MutableMapping[str, str]):
    """Case-insensitive, ordered HTTP header multimap.

    Lookups ignore case; the case a header was first given in is kept because it is what goes on
    the wire. ``headers[name]`` joins repeated fields with ``", "`` (RFC 9110 field combination);
    :meth:`get_all` and :meth:`multi_items` give the individual fields.
    """

    __slots__ = ("_fields", "_index", "_secret")

    def __init__(self, items: HeadersInput = None) -> None:
        # A flat list of (original name, value) keeps the order fields were added in, which is
        # the order they are sent in; header sets are small, so linear scans are cheapest.
        self._fields: list[tuple[str, str]] = []
        # {lower-cased name: its values}, kept beside the list: a signer asks for a dozen
        # headers of a request and sets four more, and every lookup or set scanned the list
        # lower-casing each name. Values are tuples, so a copy can share them.
        self._index: dict[str, tuple[str, ...]] = {}
        # Lower-cased names of headers that carry a secret (an API key): never printed.
        self._secret: frozenset[str] = frozenset()
        if items is None:
            return
        if type(items) is dict:  # the usual case first: no ABC check (isinstance of Headers)
            fields = self._fields
            index = self._index
            for name, value in items.items():
                _check_field(name, value)
                fields.append((name, value))
                key = name.lower()
                values = index.get(key)
                index[key] = (value,) if values is None else (*values, value)
        elif isinstance(items, Headers):
            self._fields = list(items._fields)
            self._index = dict(items._index)
            self._secret = items._secret
        elif isinstance(items, Mapping):
            for name, value in items.items():
                self.add(name, value)
        else:
            for name, value in items:
                self.add(name, value)

    def add(self, name: str, value: str) -> None:
        """Append a field, keeping any existing fields with the same name."""
        _check_field(name, value)
        self._fields.append((name, value))
        key = name.lower()
        self._index[key] = (*self._index.get(key, ()), value)

    @classmethod
    def received(cls, fields: list[tuple[str, str]]) -> Headers:
        """Headers a transport read off the wire, taken as they are: an HTTP parser already
        split them into fields, so none can carry a line break (see ``_check_field``)."""
        headers = cls()
        headers._fields = fields
        index = headers._index
        for name, value in fields:
            key = name.lower()
            index[key] = (*index.get(key, ()), value)
        return headers

    def mark_secret(self, name: str) -> None:
        """Never show this header's value in a repr (it carries a credential)."""
        self._secret = self._secret | {name.lower()}

    def get_all(self, name: str) -> list[str]:
        """Every value of ``name``, in the order added (empty when absent)."""
        return list(self._index.get(name.lower(), ()))

    def get(self, name: str, default: Any = None) -> Any:
        # Mapping.get would raise and catch a KeyError for every absent header.
        values = self._index.get(name.lower())
        if values is None:
            return default
        return values[0] if len(values) == 1 else ", ".join(values)

    def by_lower_name(self) -> Mapping[str, tuple[str, ...]]:
        """Every header's values (in the order added) by lower-cased name; read-only: a view
        of the headers' own index, for signers."""
        return self._index

    def multi_items(self) -> list[tuple[str, str]]:
        """Every field as ``(name, value)`` in sending order, names in their original case."""
        return list(self._fields)

    def copy(self) -> Headers:
        copied = Headers.__new__(Headers)
        copied._fields = list(self._fields)
        copied._index = dict(self._index)
        copied._secret = self._secret
        return copied

    def __getitem__(self, name: str) -> str:
        values = self._index.get(name.lower())
        if values is None:
            raise KeyError(name)
        return values[0] if len(values) == 1 else ", ".join(values)

    def __setitem__(self, name: str, value: str) -> None:
        """Replace every field named ``name`` (in place of the first one, to keep the order)."""
        _check_field(name, value)
        key = name.lower()
        present = key in self._index
        self._index[key] = (value,)
        # Most sets add a header the request does not have yet (signing, per-attempt headers):
        # append without rebuilding the list.
        if not present:
            self._fields.append((name, value))
            return
        replaced: list[tuple[str, str]] = []
        done = False
        for field in self._fields:
            if field[0].lower() != key:
                replaced.append(field)
            elif not done:
                replaced.append((field[0], value))
                done = True
        self._fields = replaced

    def __delitem__(self, name: str) -> None:
        key = name.lower()
        if self._index.pop(key, None) is None:
            raise KeyError(name)
        self._fields = [f for f in self._fields if f[0].lower() != key]

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        return name.lower() in self._index

    def __iter__(self) -> Iterator[str]:
        seen: set[str] = set()
        for name, _ in self._fields:
            key = name.lower()
            if key not in seen:
                seen.add(key)
                yield name

    def __len__(self) -> int:
        return len(self._index)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Headers):
            return _folded(self._fields) == _folded(other._fields)
        if isinstance(other, Mapping):
            return _folded(self._fields) == _folded(Headers(other)._fields)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        # Credentials travel in headers: never print them (transports and users log these).
        hidden = _SECRET_HEADERS | self._secret
        shown = [
            (name, "<redacted>" if name.lower() in hidden else value)
            for name, value in self.multi_items()
        ]
        return f"Headers({shown!r})"


_SECRET_HEADERS = frozenset(
    {"authorization", "x-amz-security-token", "cookie", "set-cookie", "proxy-authorization"}
)

HeadersInput: TypeAlias = Headers | Mapping[str, str] | Iterable[tuple[str, str]] | None
"""Anything :class:`Headers` can be built from."""


def _folded(fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted((n.lower(), v) for n, v in fields)


def _check_field(name: str, value: str) -> None:
    # A CR or LF in a header would let spec- or user-provided text inject extra header lines.
    if type(name) is str and type(value) is str and name in _CHECKED_NAMES:
        # A name already found valid (a request sets the same dozen names every call).
        if "\r" in value or "\n" in value:
            raise ValueError(f"invalid header value for {name!r}: CR/LF not allowed")
        return
    if not isinstance(name, str) or not isinstance(value, str):
        raise TypeError(f"header names and values must be str, got {name!r}: {value!r}")
    if not name or "\r" in name or "\n" in name or ":" in name or name.strip() != name:
        raise ValueError(f"invalid header name {name!r}")
    if "\r" in value or "\n" in value:
        raise ValueError(f"invalid header value for {name!r}: CR/LF not allowed")
    if len(_CHECKED_NAMES) < 512:  # bounded: names could come from anywhere
        _CHECKED_NAMES.add(name)


_CHECKED_NAMES: set[str] = set()


class HttpRequest:
    """An HTTP request ready to send: the URL is complete and already percent-encoded."""

    __slots__ = ("body", "headers", "method", "secrets", "url")

    def __init__(
        self,
        method: str,
        url: str,
        headers: HeadersInput = None,
        body: bytes | None = None,
    ) -> None:
        self.method = method.upper()
        self.url = url
        self.headers = Headers(headers)
        self.body = body
        # Credential values the request carries outside Authorization (an API key in the
        # query string): masked in its repr and in transport errors.
        self.secrets: tuple[str, ...] = ()

    def copy(self) -> HttpRequest:
        copied = HttpRequest.__new__(HttpRequest)  # __init__'s work, without its checks
        copied.method = self.method.upper()
        copied.url = self.url
        headers = self.headers
        copied.headers = headers.copy() if type(headers) is Headers else Headers(headers)
        copied.body = self.body
        copied.secrets = self.secrets
        return copied

    def redact(self, text: str) -> str:
        """`text` with this request's secrets masked (URLs in error messages carry them)."""
        for secret in self.secrets:
            if secret:
                text = text.replace(secret, "***").replace(quote(secret, safe=""), "***")
        return text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HttpRequest):
            return NotImplemented
        return (self.method, self.url, self.headers, self.body) == (
            other.method,
            other.url,
            other.headers,
            other.body,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        # Header values are left out on purpose: they carry signatures and tokens.
        size = "no body" if self.body is None else f"{len(self.body)} bytes"
        return f"<HttpRequest {self.method} {self.redact(self.url)} ({size})>"


def with_content_length(request: HttpRequest) -> HttpRequest:
    """The request framed as botocore frames it: ``Content-Length`` on every method but GET,
    HEAD and OPTIONS (``0`` without a body), unless a length or chunking is already set. Set
    after signing, as botocore does, so the signature does not cover it."""
    if request.method not in ("GET", "HEAD", "OPTIONS") and not (
        "Content-Length" in request.headers or "Transfer-Encoding" in request.headers
    ):
        request.headers["Content-Length"] = str(len(request.body or b""))
    return request


class DeserializationError(ValueError):
    """A response did not have the shape the service model promises.

    ``model`` names the model being read, ``field`` the path of the offending field from it
    (wire names, ``"parameters.int"``), ``reason`` what was wrong. Messages name fields and
    types; the value itself only when the field is not marked sensitive.
    """

    def __init__(self, message: str, *, model: str = "", field: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.model = model
        self.field = field
        self.reason = reason or message


class ResponseDecodeError(DeserializationError):
    """The response body is not the JSON the client expected."""

    def __init__(self, message: str, *, status: int, body: bytes) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


# What json.loads runs once it holds the text: the default decoder's scanner (C when built;
# typeshed does not declare the attribute).
_DECODER: Any = json.JSONDecoder()
_SCAN: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once


class HttpResponse:
    """A fully read HTTP response (transports preload the body)."""

    __slots__ = ("body", "headers", "status")

    def __init__(self, status: int, headers: HeadersInput = None, body: bytes = b"") -> None:
        self.status = status
        self.headers = Headers(headers)
        self.body = body

    def text(self, encoding: str = "utf-8") -> str:
        return self.body.decode(encoding, errors="replace")

    def json(self) -> Any:
        """The body parsed as JSON; ``None`` for an empty body."""
        body = self.body
        if body[:1] == b"{" and body[1:2] not in (b"", b"\x00"):
            # An object in UTF-8 (the usual body): json.loads' own steps without its encoding
            # detection and regex calls; anything unusual takes json.loads for its error.
            try:
                text = body.decode("utf-8", "surrogatepass")
                value, end = _SCAN(text, 0)
            except (UnicodeDecodeError, StopIteration, json.JSONDecodeError):
                pass
            else:
                if end == len(text) or not text[end:].strip(" \t\n\r"):
                    return value
        if not body.strip():
            return None
        try:
            return json.loads(self.body)
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            snippet = self.body[:200].decode("utf-8", errors="replace")
            ctype = self.headers.get("content-type", "no content-type")
            raise ResponseDecodeError(
                f"HTTP {self.status} response body is not valid JSON ({ctype}): {err}; "
                f"body starts with {snippet!r}",
                status=self.status,
                body=self.body,
            ) from err

    def __repr__(self) -> str:
        return f"<HttpResponse {self.status} ({len(self.body)} bytes)>"


class TransportError(Exception):
    """The request did not produce an HTTP response (refused, reset, dropped, timed out...).

    ``request_sent`` tells the retry layer whether the server may have seen the request: a
    refused connection is always safe to retry, a connection dropped after sending is only safe
    for idempotent operations. ``retryable`` is False for problems retrying cannot fix (a bad
    URL, a certificate that does not verify).
    """

    def __init__(self, message: str, *, request_sent: bool, retryable: bool = True) -> None:
        super().__init__(message)
        self.request_sent = request_sent
        self.retryable = retryable


class TransportTimeout(TransportError):
    """Connecting or reading timed out."""


class Transport(Protocol):
    """What a synchronous client needs from an HTTP library."""

    def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        """Send ``request`` and return the fully read response; raise :class:`TransportError`."""
        ...

    def close(self) -> None: ...


class AsyncTransport(Protocol):
    """What an asynchronous client needs from an HTTP library."""

    async def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        """Send ``request`` and return the fully read response; raise :class:`TransportError`."""
        ...

    async def close(self) -> None: ...


DEFAULT_PORTS = {"http": 80, "https": 443}


def split_http_url(url: str) -> tuple[SplitResult, str, str, int]:
    """``url``'s parts, lower-case scheme, host and port (the scheme's default when none is
    given), or a TransportError that is not retried: only http:// and https:// URLs with a host
    can be sent."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise TransportError(
            f"invalid URL (only http:// and https:// with a host): {url[:80]!r}",
            request_sent=False,
            retryable=False,
        )
    try:
        port = parts.port
    except ValueError as err:
        raise TransportError(f"invalid port: {err}", request_sent=False, retryable=False) from err
    return parts, scheme, parts.hostname, port or DEFAULT_PORTS[scheme]
