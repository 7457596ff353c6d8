"""Timestamps, durations and percent-encoding: round trips and parity with msrest / botocore."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from _runtime._serde import (
    format_duration,
    format_epoch,
    format_iso8601,
    format_iso8601_msrest,
    format_rfc1123,
    parse_duration,
    parse_epoch,
    parse_iso8601,
    parse_rfc1123,
    parse_timestamp,
    quote_label,
    quote_query,
)
from botocore.serialize import Serializer as BotocoreSerializer
from botocore.utils import parse_timestamp as botocore_parse_timestamp
from botocore.utils import percent_encode
from msrest.serialization import Deserializer, Serializer

UTC = dt.UTC


# --- ISO 8601 date-times --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-07-01T12:00:00Z", dt.datetime(2024, 7, 1, 12, tzinfo=UTC)),
        ("2024-07-01T12:00:00.1234567Z", dt.datetime(2024, 7, 1, 12, 0, 0, 123456, UTC)),
        ("2024-07-01T12:00:00.9999999Z", dt.datetime(2024, 7, 1, 12, 0, 0, 999999, UTC)),
        ("2024-07-01T12:00:00.5Z", dt.datetime(2024, 7, 1, 12, 0, 0, 500000, UTC)),
        ("2024-07-01T14:30:00+02:30", dt.datetime(2024, 7, 1, 12, 0, tzinfo=UTC)),
        ("2024-07-01T05:00:00-0700", dt.datetime(2024, 7, 1, 12, 0, tzinfo=UTC)),
        ("2024-07-01t12:00:00z", dt.datetime(2024, 7, 1, 12, tzinfo=UTC)),
        ("2024-07-01T12:00:00", dt.datetime(2024, 7, 1, 12, tzinfo=UTC)),
    ],
)
def test_parse_iso8601(text: str, expected: dt.datetime) -> None:
    parsed = parse_iso8601(text)
    assert parsed == expected and parsed.tzinfo == UTC
    assert parsed.microsecond == expected.microsecond


@pytest.mark.parametrize(
    "text",
    [
        "2024-07-01T12:00:00.1234567Z",
        "2024-07-01T12:00:00Z",
        "2024-07-01T12:00:00.000001Z",
        "2024-07-01T14:30:00.25+02:30",
        "9999-12-31T23:59:59.9999999Z",
    ],
)
def test_iso8601_parity_with_msrest_and_botocore(text: str) -> None:
    ours = parse_iso8601(text)
    assert ours == Deserializer.deserialize_iso(text)
    assert ours == botocore_parse_timestamp(text)


@pytest.mark.parametrize(
    "bad", ["", "2024-07-01", "2024-13-01T00:00:00Z", "yesterday", "2024-07-01T12:00Z"]
)
def test_parse_iso8601_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_iso8601(bad)


SAMPLES = [
    dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
    dt.datetime(2024, 1, 2, 3, 4, 5, 100, tzinfo=UTC),
    dt.datetime(2024, 1, 2, 3, 4, 5, 500000, tzinfo=UTC),
    dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=dt.timezone(dt.timedelta(hours=5))),
    dt.datetime(1970, 1, 1, tzinfo=UTC),
    dt.datetime(2038, 1, 19, 3, 14, 8, tzinfo=UTC),
]


class _Botocore(BotocoreSerializer):
    def __init__(self) -> None:
        super().__init__()


@pytest.mark.parametrize("value", SAMPLES)
def test_format_iso8601_matches_botocore(value: dt.datetime) -> None:
    theirs = _Botocore()._convert_timestamp_to_str(value, "iso8601")
    assert format_iso8601(value) == theirs
    assert parse_iso8601(format_iso8601(value)) == value


@pytest.mark.parametrize("value", SAMPLES)
def test_format_iso8601_msrest_matches(value: dt.datetime) -> None:
    assert format_iso8601_msrest(value) == Serializer.serialize_iso(value)
    assert parse_iso8601(format_iso8601_msrest(value)) == value


def test_naive_datetimes_are_utc() -> None:
    naive = dt.datetime(2024, 1, 2, 3, 4, 5)
    assert format_iso8601(naive) == "2024-01-02T03:04:05Z"
    assert format_rfc1123(naive) == "Tue, 02 Jan 2024 03:04:05 GMT"


# --- epoch and RFC 1123 ---------------------------------------------------------------------


@pytest.mark.parametrize("value", SAMPLES)
def test_epoch_matches_botocore(value: dt.datetime) -> None:
    theirs = _Botocore()._convert_timestamp_to_str(value, "unixtimestamp")
    ours = format_epoch(value)
    assert ours == theirs and type(ours) is type(theirs)
    assert parse_epoch(ours) == value


@pytest.mark.parametrize("value", [0, 1719835200, 1719835200.5, "1719835200", -1, 32503680000])
def test_parse_epoch_matches_botocore(value: int | float | str) -> None:
    assert parse_epoch(value) == botocore_parse_timestamp(value)


def test_rfc1123() -> None:
    value = dt.datetime(2024, 7, 1, 12, 0, tzinfo=UTC)
    assert format_rfc1123(value) == "Mon, 01 Jul 2024 12:00:00 GMT"
    assert format_rfc1123(value) == Serializer.serialize_rfc(value)
    assert parse_rfc1123("Mon, 01 Jul 2024 12:00:00 GMT") == value
    assert parse_rfc1123("Mon, 01 Jul 2024 14:00:00 +0200") == value
    assert parse_rfc1123("Mon, 01 Jul 2024 12:00:00 GMT").tzinfo == UTC
    with pytest.raises(ValueError):
        parse_rfc1123("not a date")
    for sample in SAMPLES:
        assert format_rfc1123(sample) == Serializer.serialize_rfc(sample)


@pytest.mark.parametrize(
    "value",
    [
        1719835200,
        1719835200.25,
        "1719835200",
        "2024-07-01T12:00:00Z",
        "2024-07-01T12:00:00.1234567Z",
        "Mon, 01 Jul 2024 12:00:00 GMT",
    ],
)
def test_parse_timestamp_accepts_what_botocore_accepts(value: int | float | str) -> None:
    assert parse_timestamp(value) == botocore_parse_timestamp(value)


def test_parse_timestamp_rejects() -> None:
    with pytest.raises(ValueError):
        parse_timestamp("garbage")
    with pytest.raises(TypeError):
        parse_timestamp(True)


# --- durations ------------------------------------------------------------------------------

DURATIONS = [
    "P10675199DT2H48M5.4775807S",
    "PT1M30.1234567S",
    "PT1.5S",
    "P1D",
    "PT0S",
    "P0D",
    "-P1D",
    "+PT36H",
    "P1W",
    "P2W3D",
    "PT1,5S",
    "P1DT2H3M4.000001S",
    "PT0.0000005S",
    "PT0.0000015S",
    "PT1.5H",
    "P0Y0M1D",
    "PT",
    "PT100000S",
    "P999999999D",
]


@pytest.mark.parametrize("text", DURATIONS)
def test_parse_duration_matches_msrest(text: str) -> None:
    ours = parse_duration(text)
    assert ours == Deserializer.deserialize_duration(text)
    assert format_duration(ours) == Serializer.serialize_duration(ours)


def test_batch_max_duration() -> None:
    value = parse_duration("P10675199DT2H48M5.4775807S")
    assert value == dt.timedelta(days=10675199, seconds=10085, microseconds=477581)
    assert format_duration(value) == "P10675199DT2H48M5.477581S"


@pytest.mark.parametrize(
    "bad", ["", "P", "1D", "P1Y", "P1M", "PT1H30", "P-1D", "P1000000000D", "PT1S ", "T1S"]
)
def test_parse_duration_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(bad)


def test_duration_round_trips_and_msrest_parity() -> None:
    rng = random.Random(1234)
    values = [
        dt.timedelta(0),
        dt.timedelta(microseconds=1),
        dt.timedelta(seconds=-1),
        dt.timedelta(days=-1, seconds=5),
        dt.timedelta(days=400, microseconds=10),
        dt.timedelta.max,
        dt.timedelta.min,
    ]
    values += [dt.timedelta(microseconds=rng.randrange(-(10**15), 10**15)) for _ in range(500)]
    for value in values:
        text = format_duration(value)
        assert text == Serializer.serialize_duration(value), value
        if abs(value) < dt.timedelta(days=10**6):  # float seconds are exact in this range
            assert parse_duration(text) == value, text


# --- percent-encoding -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "encoded"),
    [
        ("task-1", "task-1"),
        ("a/b", "a%2Fb"),
        ("job 1", "job%201"),
        ("ü", "%C3%BC"),
        ("task+1/ä", "task%2B1%2F%C3%A4"),
        ("-._~", "-._~"),
        ("!*'();:@&=+$,?#[]%", "%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%3F%23%5B%5D%25"),
    ],
)
def test_quote(raw: str, encoded: str) -> None:
    assert quote_label(raw) == encoded
    assert quote_query(raw) == encoded
    assert quote_query(raw) == percent_encode(raw)  # botocore
    assert quote_label(raw) == Serializer().url("x", raw, "str")  # msrest path
    assert quote_query(raw) == Serializer().query("x", raw, "str")  # msrest query
