"""The per-call shortcuts of the sync call path give what the long way gives: the request
target and pool urllib3's PoolManager would use, SigV4's canonical path, timestamp and
signing key, SharedKey's reading of the query, enum members, on random inputs."""

from __future__ import annotations

import enum
import random
import re
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qs, quote

import pytest
import urllib3
from _runtime import _sharedkey, _sigv4, _wire
from _runtime._aws_config import AwsCredentials
from _runtime._http import HttpRequest
from _runtime._model import OpenStrEnum
from _runtime._pools import OriginPools
from _runtime._transport import Urllib3Transport
from runtime_stub import Reply, StubServer
from urllib3.util import parse_url

_PIECES = [
    "a", "Z", "0", "-", "_", ".", "..", "~", "/", "//", "/./", "/../", "%2F", "%2f", "%C3%BC",
    "%", "?", "&", "=", "#", " ", "ü", ":", "@", "!", "$", "'", "(", "*", "+", ",", ";", "[",
    "\\", '"', "\t",
]  # fmt: skip


def _random_url(rng: random.Random) -> str:
    scheme = rng.choice(["http", "https", "HTTP", "ftp"])
    host = rng.choice(["example.com", "Example.COM", "127.0.0.1", "[::1]", "h", "u:p@h", ""])
    port = rng.choice(["", ":8080", ":80", ":443", ":0", ":99999", ":"])
    tail = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8)))
    return f"{scheme}://{host}{port}" + rng.choice(["/", "", "/p/"]) + tail


def test_origin_pools_route_as_the_pool_manager_does() -> None:
    rng = random.Random(3)
    manager = urllib3.PoolManager(maxsize=1)
    pools = OriginPools({"maxsize": 1, "block": False, "retries": False})
    taken = 0
    for _ in range(20000):
        url = _random_url(rng)
        route = pools.route(url)
        if route is None:
            continue
        taken += 1
        pool, target = route
        parsed = parse_url(url)
        assert target == parsed.request_uri, url
        expected = manager.connection_from_url(url)
        assert (pool.scheme, pool.host, pool.port) == (
            expected.scheme,
            expected.host,
            expected.port,
        ), url
    assert taken > 300  # the shortcut is taken, not only refused
    pools.clear()


def test_origin_pools_refuse_what_parse_url_would_change() -> None:
    pools = OriginPools({})
    for url in [
        "http://h/a/../b",
        "http://h/a/./b",
        "http://h/%2f",
        "http://h/a b",
        "http://h/#frag",
        "http://u@h/",
        "HTTP://h/",
        "http://[::1]/",
        "http://h/ü",
    ]:
        assert pools.route(url) is None, url
    assert pools.route("http://h:8080")[1] == "/"  # type: ignore[index]
    assert pools.route("http://h?x=1")[1] == "/?x=1"  # type: ignore[index]


def test_both_ways_send_the_same_request(stub_server: StubServer) -> None:
    # Through the pool by origin (a plain URL) and through the PoolManager (a URL with a dot
    # segment that parse_url removes): the server sees what PoolManager alone would send.
    stub_server.script(Reply(200, {}, b"1"), Reply(200, {}, b"2"))
    with Urllib3Transport() as transport:
        short = transport.send(HttpRequest("GET", stub_server.url + "/a/b?x=%20"), timeout=5)
        long = transport.send(HttpRequest("GET", stub_server.url + "/a/./b?x=%20"), timeout=5)
    assert (short.body, long.body) == (b"1", b"2")
    first, second = stub_server.received
    assert first.target == second.target == "/a/b?x=%20"
    assert first.header("host") == second.header("host") == f"127.0.0.1:{stub_server.port}"


def test_sigv4_canonical_path_matches_the_long_way() -> None:
    rng = random.Random(9)
    for _ in range(20000):
        path = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8)))
        path = rng.choice(["", "/"]) + path
        expected = quote(_sigv4._remove_dot_segments(path) or "/", safe="/~")
        assert _sigv4._canonical_path(path) == expected, path


def test_sigv4_timestamp_matches_strftime() -> None:
    rng = random.Random(13)
    for _ in range(5000):
        moment = datetime(1, 1, 1) + timedelta(seconds=rng.randint(0, 315_000_000_000))
        assert _sigv4._amz_date(moment) == moment.strftime("%Y%m%dT%H%M%SZ"), moment


def test_sigv4_signs_other_time_zones_as_utc() -> None:
    credentials = AwsCredentials("AKID", "SECRET")
    when = datetime(2024, 7, 1, 12, 0, 0, tzinfo=UTC)
    shifted = when.astimezone(timezone(timedelta(hours=-7)))
    signed = [
        _sigv4.sign_request(HttpRequest("GET", "https://h/p"), credentials, region="r",
                            service="s", now=moment).headers["Authorization"]
        for moment in (when, shifted, when.replace(tzinfo=None))
    ]  # fmt: skip
    assert signed[0] == signed[1] == signed[2]


@pytest.mark.parametrize(
    "change", [{}, {"secret": "OTHER"}, {"day": "20240702"}, {"region": "eu"}, {"service": "x"}]
)
def test_sigv4_signing_key_is_derived_again_when_an_input_changes(change: dict[str, str]) -> None:
    base = {"secret": "SECRET", "day": "20240701", "region": "us-west-2", "service": "deadline"}
    _sigv4._signing_key(**base)  # remembered
    args = {**base, **change}
    key = _sigv4._hmac(f"AWS4{args['secret']}".encode(), args["day"])
    for part in (args["region"], args["service"], "aws4_request"):
        key = _sigv4._hmac(key, part)
    assert _sigv4._signing_key(**args) == key


def test_shared_key_query_reading_matches_parse_qs() -> None:
    rng = random.Random(21)
    pieces = ["a", "B", "1", "=", "&", "&&", "==", "%20", "%", "+", "$", "-", ".", "ü", ";", ""]
    for _ in range(20000):
        query = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = {name: values[0] for name, values in parse_qs(query).items()}
        assert _sharedkey._first_values(query) == expected, query


def test_shared_key_credential_keeps_its_decoded_key_out_of_sight() -> None:
    credential = _sharedkey.SharedKeyCredential("acct", "AAECAw==")
    assert credential._key == b"\x00\x01\x02\x03"
    assert "AAECAw" not in repr(credential) and "\\x00" not in repr(credential)
    assert credential == _sharedkey.SharedKeyCredential("acct", "AAECAw==")


def test_enum_member_is_what_calling_the_enum_gives() -> None:
    class Color(OpenStrEnum):
        RED = "red"
        EMPTY = ""

    class Level(enum.IntEnum):
        LOW = 1

    for cls, value in [(Color, "red"), (Color, ""), (Color, "new"), (Level, 1), (Level, True)]:
        got, want = _wire.enum_member(cls, value), cls(value)  # type: ignore[arg-type]
        # Known values give the member itself; unknown ones an equal pseudo-member.
        assert got == want and type(got) is type(want) and got.value == want.value
        assert (got is want) == (value != "new")
    for cls, value in [(Level, 2), (Level, "1"), (Color, ["red"])]:
        with pytest.raises((ValueError, TypeError)) as raised:
            cls(value)  # type: ignore[arg-type]
        with pytest.raises(raised.type, match=re.escape(str(raised.value))):
            _wire.enum_member(cls, value)  # type: ignore[arg-type]
