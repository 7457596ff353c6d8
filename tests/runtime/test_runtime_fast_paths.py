"""The hot path's shortcuts give what the long way gives: timestamps read by
``datetime.fromisoformat``, labels and query values that need no quoting, durations, and the
header index (a lookup after every kind of change)."""

from __future__ import annotations

import gzip
import random
import re
import string
from datetime import timedelta
from urllib.parse import quote

import pytest
from _runtime import _serde
from _runtime._http import Headers, HttpRequest, HttpResponse
from _runtime._socket_http import SocketTransport
from _runtime._transport import Urllib3Transport
from runtime_stub import Reply, StubServer


def _long_way(value: str) -> object:
    """parse_timestamp without its shortcut: the relaxed ISO 8601 reading."""
    match = _serde._ISO8601_RELAXED.fullmatch(value.strip())
    assert match is not None
    try:
        return _serde._from_match(match, value)
    except ValueError as err:
        return str(err)


def test_the_usual_timestamp_shape_reads_as_the_regular_expression_does() -> None:
    rng = random.Random(7)
    for _ in range(20000):
        date = [rng.randint(0, 9999), rng.randint(0, 13), rng.randint(0, 32)]
        time = [rng.randint(0, 25), rng.randint(0, 61), rng.randint(0, 61)]
        digits = "".join(rng.choice(string.digits) for _ in range(rng.randint(0, 9)))
        text = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}".format(*date, *time)
        text += ("." + digits if digits else "") + "Z"
        assert _serde._ISO8601_UTC.fullmatch(text)
        expected = _long_way(text)
        try:
            got: object = _serde.parse_timestamp(text)
        except ValueError as err:
            got = str(err)
        assert got == expected, text
        if not isinstance(got, str):
            assert got.tzinfo is expected.tzinfo  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text", ["2024-07-01t12:00:00Z", "2024-07-01T12:00:00+01:00", "2024-07-01 12:00:00Z"]
)
def test_other_shapes_take_the_long_way(text: str) -> None:
    assert not _serde._ISO8601_UTC.fullmatch(text)
    assert _serde.parse_timestamp(text) == _long_way(text)


def test_quoting_shortcuts_match_quote() -> None:
    rng = random.Random(11)
    alphabet = string.printable + "üé$€\u2028"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert _serde.quote_label(text) == quote(text, safe="-._~")
        assert _serde.quote_query(text) == quote(text, safe="-._~")
        assert _serde.quote_query_name(text) == quote(text, safe="-._~$")


def _isodate_like(text: str) -> timedelta:
    """parse_duration as it was written before (a group dictionary and a closure)."""
    match = _serde._DURATION.match(text)
    assert match is not None
    groups = match.groupdict()

    def number(name: str) -> float:
        raw = groups[name]
        return float(raw[:-1].replace(",", ".")) if raw else 0.0

    value = timedelta(
        weeks=number("weeks"),
        days=number("days"),
        hours=number("hours"),
        minutes=number("minutes"),
        seconds=number("seconds"),
    )
    return -value if groups["sign"] == "-" else value


@pytest.mark.parametrize(
    "text",
    ["P1DT2H", "PT1.5S", "-P1W", "+P2D", "P0D", "PT0,25S", "P10675199DT2H48M5.4775807S", "PT36H"],
)
def test_durations(text: str) -> None:
    assert _serde.parse_duration(text) == _isodate_like(text)


def _duration_or_error(text: str) -> object:
    try:
        return _serde.parse_duration(text)
    except ValueError as err:
        return str(err)


def test_whole_number_durations_read_as_the_long_way(monkeypatch: pytest.MonkeyPatch) -> None:
    # The shortcut for P<d>DT<h>H<m>M<s>S gives what isodate's reading gives, errors included.
    rng = random.Random(17)
    pieces = ["P", "T", "D", "H", "M", "S", "W", "Y", "1", "7", "0", "36", "999999999", ".5",
              "99999999999999999", "\u0661", "-", "+", " ", "\n"]  # fmt: skip
    texts = ["P1DT2H", "P7D", "PT30M", "PT", "P"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
        texts.append("P" + text if rng.random() < 0.5 else text)
    got = [_duration_or_error(text) for text in texts]
    monkeypatch.setattr(_serde, "_WHOLE_DURATION", re.compile(r"(?!)"))  # never: the long way
    assert got == [_duration_or_error(text) for text in texts]


def test_the_header_index_follows_every_change() -> None:
    headers = Headers({"Content-Type": "a", "X-Two": "1"})
    assert headers.get("content-type") == "a" and headers["X-TWO"] == "1"
    headers.add("x-two", "2")
    assert headers["x-two"] == "1, 2" and headers.get_all("X-Two") == ["1", "2"]
    headers["X-Three"] = "3"
    assert "x-three" in headers and headers.get("X-THREE") == "3"
    headers["x-two"] = "9"
    assert headers.get_all("x-two") == ["9"] and headers.multi_items()[1] == ("X-Two", "9")
    copy = headers.copy()
    del headers["X-Three"]
    assert "x-three" not in headers and headers.get("x-three", "gone") == "gone"
    assert copy["x-three"] == "3"  # the copy keeps its own view
    copy["x-three"] = "4"
    assert headers.get("x-three") is None and copy["X-Three"] == "4"
    with pytest.raises(KeyError):
        headers["absent"]


def test_received_headers_are_kept_as_read() -> None:
    response = HttpResponse(200, Headers.received([("ETag", "0x1"), ("etag", "0x2")]), b"")
    assert response.headers.get_all("ETAG") == ["0x1", "0x2"]
    assert re.fullmatch(r"Headers\(.*\)", repr(response.headers))


@pytest.mark.parametrize("kind", [Urllib3Transport, SocketTransport])
@pytest.mark.parametrize("size", [0, 10, 200_000])
def test_sync_transports_read_whole_bodies_plain_and_gzipped(
    stub_server: StubServer, size: int, kind: type[Urllib3Transport | SocketTransport]
) -> None:
    # A body is done when its Content-Length is read, unless a decoder may still hold bytes.
    body = bytes(random.Random(size).getrandbits(8) for _ in range(size))
    packed = gzip.compress(body)
    stub_server.script(
        Reply(200, {"Content-Type": "application/octet-stream"}, body),
        Reply(200, {"Content-Encoding": "gzip"}, packed),
        Reply(200, {}, b"after"),  # the connection went back to the pool in a sane state
    )
    with kind() as transport:
        for _ in range(2):
            assert transport.send(HttpRequest("GET", stub_server.url), timeout=5).body == body
        assert transport.send(HttpRequest("GET", stub_server.url), timeout=5).body == b"after"
