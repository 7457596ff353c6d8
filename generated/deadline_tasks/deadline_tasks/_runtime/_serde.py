"""Wire-format helpers: timestamps, ISO 8601 durations and URL percent-encoding.

Each helper names the SDK behaviour it matches (botocore for the AWS protocols, msrest for the
Azure profile of OpenAPI), so generated clients put the same bytes on the wire as the official
SDKs.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import quote

__all__ = [
    "format_duration",
    "format_epoch",
    "format_iso8601",
    "format_iso8601_msrest",
    "format_rfc1123",
    "parse_duration",
    "parse_epoch",
    "parse_iso8601",
    "parse_rfc1123",
    "parse_timestamp",
    "quote_label",
    "quote_query",
    "quote_query_name",
    "same_second",
]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_ISO8601 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})"
    r"(?:[.,](\d+))?"
    r"(Z|z|[+-]\d{2}(?::?\d{2})?)?"
)
# What else botocore's dateutil-based parser takes from a response: the basic format
# (20240102T030405Z), a date alone (midnight) and times without seconds.
_ISO8601_RELAXED = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[Tt ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?"
    r"(Z|z|[+-]\d{2}(?::?\d{2})?)?"
)


# What services send most (``2024-07-01T12:00:00Z``, ``...:00.123Z``): a shape whose reading
# datetime.fromisoformat shares with the regular expressions above, digit for digit.
_ISO8601_UTC = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z")


def _utc(value: datetime) -> datetime:
    # Naive datetimes are taken as UTC, as botocore and msrest do.
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    if value.tzinfo is UTC:
        return value  # what astimezone(UTC) would give: an equal, aware UTC datetime
    return value.astimezone(UTC)


# --- ISO 8601 date-times -------------------------------------------------------------------


def parse_iso8601(text: str) -> datetime:
    """Parse ``YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]`` into an aware UTC datetime.

    Any number of fractional digits is accepted and truncated to microseconds (Azure sends
    seven: ``.1234567Z`` -> 123456 µs, as msrest and dateutil do). A missing offset means UTC.
    """
    match = _ISO8601.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"invalid ISO 8601 date-time: {text!r}")
    return _from_match(match, text)


def _from_match(match: re.Match[str], text: str) -> datetime:
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    tz = UTC
    if offset and offset not in ("Z", "z"):
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or "0")
        tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        value = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            micro,
            tz,
        )
    except ValueError as err:
        raise ValueError(f"invalid ISO 8601 date-time {text!r}: {err}") from err
    return value.astimezone(UTC)


def format_iso8601(value: datetime) -> str:
    """botocore's restJson1/awsJson timestamp: ``2024-01-02T03:04:05Z``, or with six
    fractional digits (``...05.000100Z``) when there are microseconds."""
    utc = _utc(value)
    text = (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}"
        f"T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}"
    )
    if utc.microsecond:
        text += f".{utc.microsecond:06d}"
    return text + "Z"


def format_iso8601_msrest(value: datetime) -> str:
    """msrest's ``Serializer.serialize_iso``: always at least milliseconds, trailing zeros
    trimmed beyond them (``.000Z``, ``.500Z``, ``.123456Z``)."""
    utc = _utc(value)
    fraction = f"{utc.microsecond:06d}".rstrip("0").ljust(3, "0")
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}"
        f"T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}.{fraction}Z"
    )


# --- epoch seconds ---------------------------------------------------------------------------


def parse_epoch(value: float | str) -> datetime:
    """Seconds since 1970 (int, float or numeric string) as an aware UTC datetime."""
    if isinstance(value, bool):
        raise TypeError("a bool is not an epoch timestamp")
    seconds = float(value)
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        # Outside what the C library handles: botocore falls back to plain arithmetic too.
        return _EPOCH + timedelta(seconds=seconds)


def format_epoch(value: datetime) -> int | float:
    """botocore's ``unixTimestamp``: an int, or a float when there are microseconds."""
    delta = _utc(value) - _EPOCH
    whole = delta.days * 86400 + delta.seconds
    if delta.microseconds:
        # One division of integers keeps the float correctly rounded.
        return (whole * 10**6 + delta.microseconds) / 10**6
    return whole


# --- RFC 1123 (HTTP dates) -------------------------------------------------------------------


def parse_rfc1123(text: str) -> datetime:
    """``Mon, 01 Jul 2024 12:00:00 GMT`` (or any RFC 5322 date) as an aware UTC datetime."""
    import email.utils  # 10 ms at import; only HTTP dates need it

    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as err:
        raise ValueError(f"invalid RFC 1123 date: {text!r}") from err
    return _utc(value)


def same_second(moment: datetime, last: tuple[int, int, int, int, int, int, str]) -> bool:
    """Whether ``moment`` falls in the second ``last`` (year, month, day, hour, minute, second,
    text) was made for: text made of a time to the second is made once per second (a client
    formats the same second for many requests). Seconds first: they differ most often."""
    return (
        moment.second == last[5]
        and moment.minute == last[4]
        and moment.hour == last[3]
        and moment.day == last[2]
        and moment.month == last[1]
        and moment.year == last[0]
    )


# The last HTTP date made, by its fields: a client sends many requests in the same second.
_last_rfc1123: tuple[int, int, int, int, int, int, str] = (0, 0, 0, 0, 0, 0, "")


def format_rfc1123(value: datetime) -> str:
    """``Mon, 01 Jul 2024 12:00:00 GMT``; English names whatever the locale."""
    global _last_rfc1123
    utc = _utc(value)
    last = _last_rfc1123
    if same_second(utc, last):
        return last[6]
    text = (
        f"{_DAYS[utc.weekday()]}, {utc.day:02d} {_MONTHS[utc.month - 1]} {utc.year:04d} "
        f"{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d} GMT"
    )
    _last_rfc1123 = (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second, text)
    return text


def parse_timestamp(value: str | float) -> datetime:
    """Any timestamp a JSON response may carry, as botocore's parser accepts them: epoch
    numbers (also as numeric strings), ISO 8601 (also the basic format, a date alone, or
    without seconds), or RFC 1123."""
    if not isinstance(value, str):
        if isinstance(value, bool):
            raise TypeError("a bool is not a timestamp")
        if isinstance(value, (int, float)):
            return parse_epoch(value)
        raise TypeError(f"expected a timestamp string or number, got {type(value).__name__}")
    if _ISO8601_UTC.fullmatch(value):  # the usual shape, read in C (the same value: a test)
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass  # an impossible date (month 13): the reading below says so in its own words
    if ":" not in value:  # no number has a colon: ISO 8601 and RFC 1123 times skip the raise
        try:
            return parse_epoch(value)
        except ValueError:
            pass
    match = _ISO8601_RELAXED.fullmatch(value.strip())
    if match is not None:
        return _from_match(match, value)
    try:
        return parse_rfc1123(value)
    except ValueError:
        raise ValueError(f"invalid timestamp: {value!r}") from None


# --- ISO 8601 durations ----------------------------------------------------------------------

# isodate's ISO8601_PERIOD_REGEX (what msrest uses), kept verbatim for identical acceptance.
_DURATION = re.compile(
    r"^(?P<sign>[+-])?"
    r"P(?!\b)"
    r"(?P<years>[0-9]+([,.][0-9]+)?Y)?"
    r"(?P<months>[0-9]+([,.][0-9]+)?M)?"
    r"(?P<weeks>[0-9]+([,.][0-9]+)?W)?"
    r"(?P<days>[0-9]+([,.][0-9]+)?D)?"
    r"((?P<separator>T)(?P<hours>[0-9]+([,.][0-9]+)?H)?"
    r"(?P<minutes>[0-9]+([,.][0-9]+)?M)?"
    r"(?P<seconds>[0-9]+([,.][0-9]+)?S)?)?$"
)


# The usual shape (``P1DT2H``, ``PT30M``, ``P7D``): whole days, hours, minutes and seconds.
_WHOLE_DURATION = re.compile(
    r"P(?:([0-9]{1,15})D)?(?:T(?:([0-9]{1,15})H)?(?:([0-9]{1,15})M)?(?:([0-9]{1,15})S)?)?"
)

_DURATION_GROUPS = ("sign", "years", "months", "weeks", "days", "hours", "minutes", "seconds")


def _component(raw: str | None) -> float:
    """One group of _DURATION as a number (``"1.5H"`` -> 1.5); the sign as -1.0 or 1.0."""
    if not raw:
        return 0.0
    if raw in "+-":
        return -1.0 if raw == "-" else 1.0
    return float(raw[:-1].replace(",", "."))


def parse_duration(text: str) -> timedelta:
    """An ISO 8601 duration (``P1DT2H``, ``PT1.5S``, ``-P1W``...) as a timedelta.

    Matches msrest (``isodate.parse_duration``) value for value, including its rounding of
    sub-microsecond digits: ``P10675199DT2H48M5.4775807S`` ->
    ``timedelta(days=10675199, seconds=10085, microseconds=477581)``. Like msrest, values
    beyond ``timedelta.max`` are an error, not clamped. Years and months have no fixed length
    and are rejected unless zero.
    """
    simple = _WHOLE_DURATION.fullmatch(text)
    if simple is not None and len(text) > 1:  # "P" alone is not a duration
        # Whole numbers only: exact as floats too (below 2**53), so the same value isodate's
        # float arithmetic gives, without its eight groups.
        d, h, m, s = simple.groups("0")
        try:
            # Integers: the same exact sum as timedelta(days=, hours=, minutes=, seconds=).
            return timedelta(int(d), int(h) * 3600 + int(m) * 60 + int(s))
        except OverflowError as err:
            raise ValueError(f"duration out of range: {text!r}") from err
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"invalid ISO 8601 duration: {text!r}")
    sign, years, months, weeks, days, hours, minutes, seconds = map(
        _component, match.group(*_DURATION_GROUPS)
    )
    if years or months:
        raise ValueError(f"duration with years or months has no fixed length: {text!r}")
    try:
        # Floats per component, exactly as isodate builds it, so rounding is identical.
        value = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
        return -value if sign < 0 else value
    except OverflowError as err:
        raise ValueError(f"duration out of range: {text!r}") from err


def format_duration(value: timedelta) -> str:
    """msrest's ``serialize_duration`` (isodate's ``P%P``): ``P1DT2H``, ``PT0.5S``, ``P0D``,
    negative values with a leading ``-``; days are never folded into weeks."""
    usecs = abs((value.days * 86400 + value.seconds) * 1_000_000 + value.microseconds)
    seconds, usecs = divmod(usecs, 1_000_000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = []
    if days:
        parts.append(f"{days}D")
    if hours or minutes or seconds or usecs:
        parts.append("T")
        if hours:
            parts.append(f"{hours}H")
        if minutes:
            parts.append(f"{minutes}M")
        if seconds or usecs:
            parts.append(f"{seconds}.{usecs:06d}".rstrip("0") if usecs else f"{seconds}")
            parts.append("S")
    sign = "-" if value < timedelta(0) else ""
    return sign + "P" + ("".join(parts) or "0D")


# --- percent-encoding ------------------------------------------------------------------------


# Text that quote() returns unchanged: most labels and query values (ids, numbers, api
# versions) are, and a match costs a fraction of quote()'s per-byte work.
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")
_UNRESERVED_OR_DOLLAR = re.compile(r"[A-Za-z0-9_.~$-]*")


def quote_label(value: str) -> str:
    """Percent-encode a path label: UTF-8, only ``A-Za-z0-9-._~`` left as is
    (``/`` -> ``%2F``, space -> ``%20``, ``ü`` -> ``%C3%BC``), as botocore and msrest do."""
    if isinstance(value, str) and _UNRESERVED.fullmatch(value):
        return value
    return quote(value, safe="-._~")


def quote_query(value: str) -> str:
    """Percent-encode a query key or value, same unreserved set as :func:`quote_label`
    (botocore ``percent_encode``; msrest ``quote(value, safe='')``)."""
    if isinstance(value, str) and _UNRESERVED.fullmatch(value):
        return value
    return quote(value, safe="-._~")


def quote_query_name(value: str) -> str:
    """A query parameter name as the Azure SDKs send it: like :func:`quote_query`, but ``$``
    (OData's ``$filter``, ``$select``...) is left as is; msrest and azure-core do not encode
    names."""
    if isinstance(value, str) and _UNRESERVED_OR_DOLLAR.fullmatch(value):
        return value
    return quote(value, safe="-._~$")
