"""HTTP/1.1 for a client, sans-IO: the request head as bytes, and an incremental response parser.

No sockets here: :func:`request_head` makes the bytes to send, :class:`ResponseParser` takes the
bytes a connection reads (in pieces of any size, ``b""`` when the peer closed) and says when the
response is complete. The sync transport (``_socket_http``) drives it over blocking sockets; an
async transport could drive it over streams the same way.

What the parser does (RFC 9112): the status line (``HTTP/1.0`` or ``HTTP/1.1``); header fields
in order, repeats kept, names and values decoded as latin-1 (as ``http.client`` does);
obsolete line folding (a line starting with a space or tab) joined to the field before with one
space, as RFC 9112 section 5.2 lets a recipient do; interim 1xx responses skipped (101 is an
error: no upgrade is ever asked for); the body framed by, in this order, the request method and
status (``HEAD``, 1xx, 204 and 304 have none), ``Transfer-Encoding: chunked`` (chunk extensions
ignored, trailer fields kept apart in :attr:`ResponseParser.trailers`), ``Content-Length`` (equal
repeats allowed, any other repeat or a malformed value is an error), else the bytes up to the
close. A response with both Transfer-Encoding and Content-Length is read as chunked and its
connection is not reused (it could be a smuggling attempt). Keep-alive: HTTP/1.1 unless
``Connection: close``, HTTP/1.0 only with ``Connection: keep-alive``, never after a body read to
the close. Limits: the head (status line and fields; likewise the trailer section) at most
``max_head`` bytes, at most ``max_fields`` fields (100, as ``http.client``), a chunk-size line at
most 4 KiB. Malformed input raises :class:`ProtocolError`.
"""

from __future__ import annotations

import re
import zlib

__all__ = [
    "MAX_FIELDS",
    "MAX_HEAD",
    "ProtocolError",
    "ResponseParser",
    "decode_content",
    "request_head",
]

MAX_HEAD = 65536
MAX_FIELDS = 100
_MAX_CHUNK_LINE = 4096

# Parser states.
_HEAD = 0
_LENGTH = 1
_CHUNK_SIZE = 2
_CHUNK_DATA = 3
_CHUNK_END = 4
_TRAILERS = 5
_CLOSE = 6
_DONE = 7

_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEX = re.compile(rb"[0-9A-Fa-f]+")
_OWS = b" \t"
_DIGITS = re.compile(rb"[0-9]+")
_STATUS = re.compile(rb"HTTP/1\.([01]) ([0-9]{3})(?: (.*))?")
_END_OF_HEAD = re.compile(rb"\r?\n\r?\n")
# Field names already seen to be tokens, decoded: a response repeats the same dozen names.
_NAMES: dict[bytes, str] = {}


class ProtocolError(Exception):
    """The peer sent something that is not HTTP/1.1 (or exceeds a limit)."""


def request_head(method: str, target: str, fields: list[tuple[str, str]]) -> bytes:
    """``method target HTTP/1.1``, the fields in the order given, the blank line: one bytes
    object. Values that are not ASCII go out as UTF-8; names, method and target must be ASCII.
    Header values cannot hold CR or LF (``_http.Headers`` refuses them); the method must be a
    token and the target free of spaces and control characters, else ValueError."""
    lines = [f"{method} {target} HTTP/1.1\r\n"]
    for name, value in fields:
        lines.append(f"{name}: {value}\r\n")
    lines.append("\r\n")
    text = "".join(lines)
    if not _TOKEN.fullmatch(method.encode("ascii", "replace")):
        raise ValueError(f"invalid HTTP method {method!r}")
    if not target.isascii() or _BAD_TARGET.search(target):
        raise ValueError(f"invalid request target {target[:80]!r} (spaces, controls, non-ASCII)")
    if not text.isascii():
        for name, _ in fields:
            if not name.isascii():
                raise ValueError(f"invalid header name {name!r} (not ASCII)")
    return text.encode("utf-8")


_BAD_TARGET = re.compile(r"[\x00-\x20\x7f]")


class ResponseParser:
    """Reads one response. Feed it with :meth:`receive` until that returns True; then
    :attr:`status`, :attr:`headers`, :meth:`body`, :attr:`keep_alive` and :attr:`trailing`
    (bytes that came after the response: the connection is then out of step) are set."""

    __slots__ = (
        "_buf",
        "_chunks",
        "_fields",
        "_head_bytes",
        "_max_fields",
        "_max_head",
        "_no_body",
        "_remaining",
        "_state",
        "headers",
        "keep_alive",
        "received_any",
        "status",
        "trailers",
        "trailing",
        "version",
    )

    def __init__(
        self, method: str = "GET", *, max_head: int = MAX_HEAD, max_fields: int = MAX_FIELDS
    ) -> None:
        self._no_body = method == "HEAD" or method == "CONNECT"
        self._max_head = max_head
        self._max_fields = max_fields
        self._buf = b""
        self._state = _HEAD
        self._chunks: list[bytes] = []
        self._remaining = 0
        self._fields = 0
        self._head_bytes = 0
        self.status = 0
        self.version = 1
        self.headers: list[tuple[str, str]] = []
        self.trailers: list[tuple[str, str]] = []
        self.keep_alive = False
        #: True once any byte of a response arrived (a failure before that, on a reused
        #: connection, is the server having closed it while idle).
        self.received_any = False
        self.trailing = b""

    @property
    def complete(self) -> bool:
        return self._state == _DONE

    def body(self) -> bytes:
        """The body read so far (all of it once complete), still content-coded."""
        chunks = self._chunks
        if len(chunks) == 1:
            return chunks[0]
        return b"".join(chunks)

    def receive(self, data: bytes) -> bool:
        """Take bytes read from the connection (``b""``: the peer closed it). True when the
        response is complete; ProtocolError when it is malformed or cut short."""
        if data:
            self.received_any = True
        elif self._state == _CLOSE:
            self._state = _DONE
            return True
        elif self._state != _DONE:
            raise ProtocolError(self._cut_short())
        state = self._state
        if state == _LENGTH:
            return self._length_body(data)
        if state == _DONE:
            self.trailing += data
            return True
        if state == _CLOSE:
            self._chunks.append(data)
            return False
        if self._buf:
            data = self._buf + data
            self._buf = b""
        if state == _HEAD:
            data = self._head(data)
            if self._state == _HEAD:
                return False
            if not data:
                return self._state == _DONE
            if self._state == _LENGTH:
                return self._length_body(data)
            if self._state == _CLOSE:
                self._chunks.append(data)
                return False
            if self._state == _DONE:
                self.trailing += data
                return True
        return self._chunked(data)

    def _cut_short(self) -> str:
        if not self.received_any:
            return "the server closed the connection without a response"
        if self._state == _HEAD:
            return "the server closed the connection in the middle of the response head"
        if self._state == _LENGTH:
            return (
                f"the server closed the connection with {self._remaining} bytes of the body "
                "still to come"
            )
        return "the server closed the connection in the middle of a chunked body"

    def _length_body(self, data: bytes) -> bool:
        remaining = self._remaining
        size = len(data)
        if size < remaining:
            self._chunks.append(data)
            self._remaining = remaining - size
            return False
        if size == remaining:
            self._chunks.append(data)
        else:
            self._chunks.append(data[:remaining])
            self.trailing = data[remaining:]
        self._remaining = 0
        self._state = _DONE
        return True

    # -- the head ------------------------------------------------------------------------

    def _head(self, data: bytes) -> bytes:
        """Parse heads off ``data`` (skipping interim responses); what follows the final head,
        or b"" with the rest kept in the buffer when the head is not all there."""
        while True:
            end = data.find(b"\r\n\r\n")
            if end >= 0:
                head, rest = data[:end], data[end + 4 :]
            else:
                match = _END_OF_HEAD.search(data)  # bare LF line ends, tolerated (RFC 9112 2.2)
                if match is None:
                    if len(data) > self._max_head:
                        raise ProtocolError(f"the response head exceeds {self._max_head} bytes")
                    self._buf = data
                    return b""
                head, rest = data[: match.start()], data[match.end() :]
            if len(head) > self._max_head:
                raise ProtocolError(f"the response head exceeds {self._max_head} bytes")
            lines = _lines(head)
            match = _STATUS.fullmatch(lines[0])
            if match is None:
                raise ProtocolError(f"not an HTTP/1.x status line: {lines[0][:80]!r}")
            status = int(match[2])
            if status < 100:
                raise ProtocolError(f"invalid status code {status}")
            fields = self._fields_of(lines, 1, [])
            if 100 <= status < 200:
                if status == 101:
                    raise ProtocolError("unexpected 101 Switching Protocols")
                data = rest  # interim (100 Continue, 103 Early Hints): the final one follows
                self._fields = 0
                continue
            self.status = status
            self.version = int(match[1])
            self.headers = fields
            self._frame(fields)
            return rest

    def _fields_of(
        self, lines: list[bytes], start: int, fields: list[tuple[str, str]]
    ) -> list[tuple[str, str]]:
        names = _NAMES
        before = len(fields)
        for index in range(start, len(lines)):
            line = lines[index]
            if line[:1] in (b" ", b"\t"):
                # obs-fold: a continuation of the field before, joined with one space.
                if not fields or index == start:
                    raise ProtocolError("a header continuation line with no field before it")
                last, text = fields[-1]
                fields[-1] = (last, f"{text} {line.strip(_OWS).decode('latin-1')}")
                continue
            raw, colon, rest = line.partition(b":")
            name = names.get(raw)
            if name is None:
                if not colon or not _TOKEN.fullmatch(raw):
                    raise ProtocolError(f"invalid header line {line[:80]!r}")
                name = raw.decode("latin-1")
                if len(names) < 512:
                    names[raw] = name
            elif not colon:
                raise ProtocolError(f"invalid header line {line[:80]!r}")
            fields.append((name, rest.strip(_OWS).decode("latin-1")))
        self._fields += len(fields) - before
        if self._fields > self._max_fields:
            raise ProtocolError(f"more than {self._max_fields} header fields")
        return fields

    def _frame(self, fields: list[tuple[str, str]]) -> None:
        """How the body is delimited, and whether the connection may be reused after it."""
        connection = ""
        encoding: list[str] = []
        lengths: list[str] = []
        for name, value in fields:
            key = name.lower()
            if key == "content-length":
                lengths.append(value)
            elif key == "transfer-encoding":
                encoding.append(value)
            elif key == "connection":
                connection = f"{connection},{value.lower()}"
        tokens = {token.strip() for token in connection.split(",")}
        if self.version == 1:
            self.keep_alive = "close" not in tokens
        else:
            self.keep_alive = "keep-alive" in tokens and "close" not in tokens
        status = self.status
        if self._no_body or status == 204 or status == 304:
            self._state = _DONE
            return
        if encoding:
            codings = [c.strip().lower() for v in encoding for c in v.split(",") if c.strip()]
            if codings != ["chunked"]:
                raise ProtocolError(f"unsupported Transfer-Encoding {', '.join(encoding)!r}")
            if lengths:
                self.keep_alive = False  # both framings: chunked wins, the connection ends
            self._state = _CHUNK_SIZE
            self._head_bytes = 0
            return
        if lengths:
            values = {part.strip() for value in lengths for part in value.split(",")}
            if len(values) != 1:
                raise ProtocolError(f"conflicting Content-Length values {lengths!r}")
            text = values.pop().encode("latin-1")
            if not _DIGITS.fullmatch(text):
                raise ProtocolError(f"invalid Content-Length {text[:40]!r}")
            self._remaining = int(text)
            self._state = _LENGTH if self._remaining else _DONE
            return
        self.keep_alive = False  # delimited by the close
        self._state = _CLOSE

    # -- chunked -------------------------------------------------------------------------

    def _chunked(self, data: bytes) -> bool:
        pos = 0
        size = len(data)
        chunks = self._chunks
        while pos < size:
            state = self._state
            if state == _CHUNK_DATA:
                take = min(self._remaining, size - pos)
                chunks.append(data[pos : pos + take])
                pos += take
                self._remaining -= take
                if not self._remaining:
                    self._state = _CHUNK_END
            elif state == _CHUNK_SIZE:
                end = data.find(b"\n", pos)
                if end < 0:
                    if size - pos > _MAX_CHUNK_LINE:
                        raise ProtocolError("a chunk-size line longer than 4096 bytes")
                    break
                if end - pos > _MAX_CHUNK_LINE:
                    raise ProtocolError("a chunk-size line longer than 4096 bytes")
                line = data[pos:end]
                if line.endswith(b"\r"):
                    line = line[:-1]
                number = line.split(b";", 1)[0].strip(b" \t")
                if not _HEX.fullmatch(number) or len(number) > 16:
                    raise ProtocolError(f"invalid chunk size line {line[:40]!r}")
                pos = end + 1
                self._remaining = int(number, 16)
                self._state = _CHUNK_DATA if self._remaining else _TRAILERS
            elif state == _CHUNK_END:
                if size - pos < 2 and data[pos:] == b"\r":
                    break
                if data.startswith(b"\r\n", pos):
                    pos += 2
                elif data.startswith(b"\n", pos):
                    pos += 1
                else:
                    raise ProtocolError("a chunk not followed by CRLF")
                self._state = _CHUNK_SIZE
            elif state == _TRAILERS:
                end = data.find(b"\n", pos)
                if end < 0:
                    if self._head_bytes + size - pos > self._max_head:
                        raise ProtocolError(f"the trailer section exceeds {self._max_head} bytes")
                    break
                line = data[pos:end]
                if line.endswith(b"\r"):
                    line = line[:-1]
                self._head_bytes += end + 1 - pos
                if self._head_bytes > self._max_head:
                    raise ProtocolError(f"the trailer section exceeds {self._max_head} bytes")
                pos = end + 1
                if not line:
                    self._state = _DONE
                    self.trailing = data[pos:]
                    return True
                if b"\r" in line:
                    raise ProtocolError(f"invalid trailer line {line[:80]!r}")
                if line[:1] in (b" ", b"\t") and self.trailers:
                    name, value = self.trailers[-1]
                    joined = f"{value} {line.strip(_OWS).decode('latin-1')}"
                    self.trailers[-1] = (name, joined)
                    continue
                self._fields_of([line], 0, self.trailers)
            else:  # pragma: no cover - _DONE is handled by receive()
                break
        self._buf = data[pos:]
        return False


def _lines(head: bytes) -> list[bytes]:
    """The lines of a head: CRLF-terminated, bare LF tolerated; a bare CR or NUL refused."""
    crlf = head.count(b"\r\n")
    if head.count(b"\n") == crlf and head.count(b"\r") == crlf:
        lines = head.split(b"\r\n")
    else:
        lines = head.replace(b"\r\n", b"\n").split(b"\n")
        if any(b"\r" in line for line in lines):
            raise ProtocolError("a bare CR in the response head")
    if b"\x00" in head:
        raise ProtocolError("a NUL byte in the response head")
    return lines


def decode_content(body: bytes, encoding: str) -> bytes:
    """``body`` decoded from its ``Content-Encoding`` when that is gzip or deflate (as urllib3
    and aiohttp decode them); any other coding is passed on as it came. ValueError when the
    body does not decode."""
    coding = encoding.strip().lower()
    try:
        if coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body)
        if coding == "deflate":
            try:
                return zlib.decompress(body)
            except zlib.error:  # raw deflate, as some servers send it
                return zlib.decompress(body, -zlib.MAX_WBITS)
    except zlib.error as err:
        raise ValueError(f"cannot decode the {coding} body: {err}") from err
    return body  # an encoding we did not ask for and cannot decode: passed on as it came
