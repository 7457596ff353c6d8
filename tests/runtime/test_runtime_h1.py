"""The sans-IO HTTP/1.1 module (`_runtime/_h1.py`): request heads and the response parser, fed
whole, one byte at a time and at every split point, on every framing RFC 9112 allows, and on
malformed input (a clear ProtocolError) and the limits."""

from __future__ import annotations

import zlib

import pytest
from _runtime._h1 import ProtocolError, ResponseParser, decode_content, request_head


def feed(data: bytes, method: str = "GET", *, close: bool = True, **limits: int) -> ResponseParser:
    """`data` whole; then the peer closes if `close` and the parser still wants bytes."""
    parser = ResponseParser(method, **limits)
    if not parser.receive(data) and close:
        assert parser.receive(b"")
    return parser


def feed_bytewise(data: bytes, method: str = "GET", *, close: bool = True) -> ResponseParser:
    parser = ResponseParser(method)
    done = False
    for index in range(len(data)):
        assert not done, f"complete before byte {index}"
        done = parser.receive(data[index : index + 1])
    if not done and close:
        assert parser.receive(b"")
    return parser


def outcome(parser: ResponseParser) -> tuple[object, ...]:
    return (
        parser.complete,
        parser.status,
        parser.headers,
        parser.body(),
        parser.trailers,
        parser.keep_alive,
        parser.trailing,
    )


def check_every_split(data: bytes, method: str = "GET", *, close: bool = True) -> ResponseParser:
    """Whole, byte by byte and split in two at every boundary: the same outcome each time."""
    whole = feed(data, method, close=close)
    assert outcome(feed_bytewise(data, method, close=close)) == outcome(whole)
    for cut in range(1, len(data)):
        parser = ResponseParser(method)
        done = parser.receive(data[:cut])
        if not done:
            done = parser.receive(data[cut:])
        elif data[cut:]:
            parser.receive(data[cut:])
        if not done and close:
            parser.receive(b"")
        assert outcome(parser) == outcome(whole), cut
    return whole


CHUNKED = (
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
    b"5;name=value;other\r\nhello\r\n"
    b"1\r\n \r\n"
    b"A\r\n0123456789\r\n"
    b"0;last\r\nX-Checksum: abc\r\nX-Other:  two \r\n\r\n"
)


def test_content_length_body_and_header_order() -> None:
    data = (
        b"HTTP/1.1 201 Created\r\nX-Dup: a\r\nContent-Length: 5\r\nx-dup: b\r\n"
        b"Server: caf\xe9\r\n\r\nhello"
    )
    parser = check_every_split(data, close=False)
    assert parser.complete and parser.status == 201 and parser.body() == b"hello"
    # Order and repeats kept, names as sent, values latin-1 as http.client decodes them.
    assert parser.headers == [
        ("X-Dup", "a"),
        ("Content-Length", "5"),
        ("x-dup", "b"),
        ("Server", "café"),
    ]
    assert parser.keep_alive and parser.trailing == b""


def test_chunked_with_extensions_and_trailers() -> None:
    parser = check_every_split(CHUNKED, close=False)
    assert parser.body() == b"hello 0123456789"
    assert parser.trailers == [("X-Checksum", "abc"), ("X-Other", "two")]
    assert ("Transfer-Encoding", "chunked") in parser.headers
    assert parser.keep_alive


def test_chunked_with_bare_lf_line_ends() -> None:
    data = b"HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n"
    parser = check_every_split(data, close=False)
    assert parser.body() == b"abc" and parser.headers == [("Transfer-Encoding", "chunked")]


def test_read_until_close() -> None:
    data = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it, until the close"
    parser = check_every_split(data)
    assert parser.body() == b"all of it, until the close"
    assert not parser.keep_alive  # the close delimits it: nothing to reuse


def test_bytes_after_the_response_are_kept_apart() -> None:
    parser = feed(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA", close=False)
    assert parser.body() == b"ok" and parser.trailing == b"EXTRA"
    more = b"HTTP/1.1 204 No Content\r\n\r\nX"
    assert feed(more, close=False).trailing == b"X"
    assert feed(CHUNKED + b"Z", close=False).trailing == b"Z"


@pytest.mark.parametrize(
    ("method", "status"), [("HEAD", 200), ("GET", 204), ("GET", 304), ("HEAD", 404)]
)
def test_no_body_whatever_the_headers_say(method: str, status: int) -> None:
    data = b"HTTP/1.1 %d X\r\nContent-Length: 1234\r\n\r\n" % status
    parser = check_every_split(data, method, close=False)
    assert parser.complete and parser.status == status and parser.body() == b""
    assert parser.keep_alive


def test_interim_responses_are_skipped() -> None:
    data = (
        b"HTTP/1.1 100 Continue\r\n\r\n"
        b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
    )
    parser = check_every_split(data, close=False)
    assert parser.status == 200 and parser.headers == [("Content-Length", "2")]
    assert parser.body() == b"ok"


def test_101_is_refused() -> None:
    with pytest.raises(ProtocolError, match="101"):
        feed(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n")


@pytest.mark.parametrize(
    ("head", "keep_alive"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 0", True),
        (b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0", False),
        (b"HTTP/1.1 200 OK\r\nConnection: Keep-Alive, CLOSE\r\nContent-Length: 0", False),
        (b"HTTP/1.0 200 OK\r\nContent-Length: 0", False),
        (b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0", True),
        (b"HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0", True),
    ],
)
def test_keep_alive_from_version_and_connection(head: bytes, keep_alive: bool) -> None:
    parser = feed(head + b"\r\n\r\n", close=False)
    assert parser.complete and parser.keep_alive is keep_alive


def test_chunked_wins_over_content_length_and_the_connection_ends() -> None:
    data = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
    parser = check_every_split(data + b"5\r\nhello\r\n0\r\n\r\n", close=False)
    assert parser.body() == b"hello" and not parser.keep_alive


def test_equal_repeated_content_lengths_are_one() -> None:
    data = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok"
    assert feed(data, close=False).body() == b"ok"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok", "conflicting"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\nok", "conflicting"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n", "invalid Content-Length"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n", "invalid Content-Length"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "Transfer-Encoding"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", "Transfer-Encoding"),
        (b"HTTP/2 200\r\n\r\n", "status line"),
        (b"ICY 200 OK\r\n\r\n", "status line"),
        (b"HTTP/1.1 2000 OK\r\n\r\n", "status line"),
        (b"HTTP/1.1 099 Low\r\n\r\n", "status code"),
        (b"HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n", "invalid header line"),
        (b"HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", "invalid header line"),
        (b"HTTP/1.1 200 OK\r\nName : x\r\n\r\n", "invalid header line"),
        (b"HTTP/1.1 200 OK\r\n: x\r\n\r\n", "invalid header line"),
        (b"HTTP/1.1 200 OK\r\n folded: first\r\n\r\n", "continuation"),
        (b"HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n", "bare CR"),
        (b"HTTP/1.1 200 OK\r\nX: a\x00b\r\n\r\n", "NUL"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", "chunk size"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", "chunk size"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "CRLF"),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad trailer\r\n\r\n",
            "invalid header line",
        ),
    ],
)
def test_malformed_responses_raise_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(ProtocolError, match=message):
        feed(data)
    with pytest.raises(ProtocolError, match=message):
        feed_bytewise(data)


def test_obsolete_line_folding_is_joined_with_a_space() -> None:
    data = b"HTTP/1.1 200 OK\r\nX-Long: first\r\n   second\r\n\tthird\r\nContent-Length: 0\r\n\r\n"
    parser = check_every_split(data, close=False)
    assert parser.headers == [("X-Long", "first second third"), ("Content-Length", "0")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "without a response"),
        (b"HTTP/1.1 200 OK\r\nContent-", "middle of the response head"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", "7 bytes of the body"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "chunked body"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", "chunked body"),
    ],
)
def test_a_response_cut_short_is_an_error(data: bytes, message: str) -> None:
    parser = ResponseParser("GET")
    if data:
        assert not parser.receive(data)
    assert parser.received_any is bool(data)
    with pytest.raises(ProtocolError, match=message):
        parser.receive(b"")


def test_limits() -> None:
    many = b"".join(b"X-%d: v\r\n" % n for n in range(101))
    with pytest.raises(ProtocolError, match="more than 100 header fields"):
        feed(b"HTTP/1.1 200 OK\r\n" + many + b"\r\n")
    assert len(feed(b"HTTP/1.1 200 OK\r\n" + many + b"\r\n", max_fields=200).headers) == 101
    huge = b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 70000
    parser = ResponseParser("GET")
    with pytest.raises(ProtocolError, match="head exceeds 65536 bytes"):
        for start in range(0, len(huge), 4096):  # never complete: the limit still holds
            parser.receive(huge[start : start + 4096])
    with pytest.raises(ProtocolError, match="head exceeds 100 bytes"):
        feed(b"HTTP/1.1 200 OK\r\nX: " + b"a" * 100 + b"\r\n\r\n", max_head=100)
    long_line = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;" + b"e" * 5000
    with pytest.raises(ProtocolError, match="chunk-size line"):
        feed(long_line)
    chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
    with pytest.raises(ProtocolError, match="trailer section exceeds"):
        feed(chunked + b"X-T: " + b"a" * 70000)
    with pytest.raises(ProtocolError, match="trailer section exceeds"):
        feed(chunked + b"X-T: " + b"a" * 40000 + b"\r\nX-U: " + b"b" * 40000 + b"\r\n")
    with pytest.raises(ProtocolError, match="more than 100 header fields"):  # trailers count
        feed(chunked + b"".join(b"X-T%d: v\r\n" % n for n in range(101)))


def test_a_large_body_in_pieces() -> None:
    body = bytes(range(256)) * 4096  # 1 MiB
    data = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    parser = ResponseParser("GET")
    done = False
    for start in range(0, len(data), 65536):
        assert not done
        done = parser.receive(data[start : start + 65536])
    assert done and parser.body() == body


def test_request_head() -> None:
    head = request_head(
        "PATCH",
        "/a%2Fb?x=%20y",
        [("Host", "h:1"), ("Content-Length", "2"), ("X-Name", "naïve ✓")],
    )
    assert head == (
        b"PATCH /a%2Fb?x=%20y HTTP/1.1\r\nHost: h:1\r\nContent-Length: 2\r\n"
        + "X-Name: naïve ✓".encode()
        + b"\r\n\r\n"
    )
    for method, target, fields in [
        ("GE T", "/", []),
        ("GET", "/a b", []),
        ("GET", "/\x00", []),
        ("GET", "/ü", []),
        ("GET", "/", [("X-Ü", "v")]),
    ]:
        with pytest.raises(ValueError):
            request_head(method, target, fields)


def test_decode_content() -> None:
    assert decode_content(zlib.compress(b"x" * 50), "deflate") == b"x" * 50
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    assert decode_content(raw.compress(b"raw") + raw.flush(), "Deflate") == b"raw"
    gz = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    assert decode_content(gz.compress(b"gz") + gz.flush(), " gzip ") == b"gz"
    assert decode_content(b"as is", "br") == b"as is"
    with pytest.raises(ValueError, match="cannot decode the gzip body"):
        decode_content(b"not gzip", "gzip")
