"""Value conversions the generated (de)serializers call, by wire location and format.

Thin dispatch over :mod:`._serde` so generated code names a format (``"date-time"``,
``"date-time-ms"``, ``"epoch-seconds"``, ``"http-date"``) once instead of choosing functions per
field. ``"date-time-ms"`` is ISO 8601 with at least milliseconds (``2024-07-01T12:00:00.000Z``),
how msrest (the Azure SDKs) writes date-times; ``"date-time"`` is botocore's (no fraction when
zero).
"""

from __future__ import annotations

import base64
import enum
import json
import math
import os
import re
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final, NoReturn, TypeVar

from . import _serde
from ._http import DeserializationError, HttpResponse
from ._model import NULL, ResponseMetadata
from ._params import ParamValidationError

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

__all__ = [
    "CONVERSION_ERRORS",
    "NULLABLE",
    "PARSE_ERRORS",
    "REQUIRED",
    "TEXT",
    "DeserializationError",
    "Fields",
    "any_body",
    "as_bool",
    "as_float",
    "as_int",
    "as_list",
    "as_map",
    "as_str",
    "aware",
    "b64decode",
    "b64decode_text",
    "b64encode",
    "b64encode_text",
    "bad_field",
    "const",
    "float_json",
    "float_text",
    "format_duration",
    "format_time",
    "format_timestamp",
    "format_timestamp_text",
    "has_header",
    "host_label",
    "is_date",
    "is_datetime",
    "is_time",
    "is_uuid",
    "json_mapping",
    "json_text",
    "metadata",
    "missing",
    "not_an_object",
    "number_text",
    "parse_date",
    "parse_duration",
    "parse_time",
    "parse_timestamp",
    "parse_uuid",
    "plain_text",
    "prefix_headers",
    "query_params",
    "quote_header_values",
    "quote_label",
    "quote_query",
    "quote_query_name",
    "split_header",
    "split_http_dates",
    "typed",
    "uuid4_text",
]


_UUID4 = uuid.uuid4


def uuid4_text() -> str:
    """``str(uuid.uuid4())``: a random (version 4) UUID as text, for request ids and
    idempotency tokens. Made from 16 random bytes directly (``uuid.UUID`` builds an object
    through Python code first); a replaced ``uuid.uuid4`` (tests fix the ids) is called."""
    if uuid.uuid4 is not _UUID4:
        return str(uuid.uuid4())
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_BAD_LABELS: Final = ("", ".", "..")


def quote_label(value: str) -> str:
    """A path label, percent-encoded. Empty, `.` and `..` labels are refused: HTTP libraries
    collapse them, which would silently address the parent resource (a Job instead of a Task)."""
    if type(value) is str and value not in _BAD_LABELS and _serde._UNRESERVED.fullmatch(value):
        return value  # nothing to encode (ids, names): _serde.quote_label's own answer
    if not isinstance(value, str):
        raise TypeError(f"a path label must be a string, got {type(value).__name__}")
    if value in _BAD_LABELS:
        raise ValueError(f"invalid path label {value!r}: it would address another resource")
    return _serde.quote_label(value)


format_duration = _serde.format_duration


#: What a conversion of a wrong-shaped value raises (`from_dict` turns them into a
#: DeserializationError naming the field).
CONVERSION_ERRORS: Final = (TypeError, ValueError, AttributeError, KeyError, OverflowError)


def missing(model: str, wire_name: str) -> NoReturn:
    raise DeserializationError(
        f"{model}.{wire_name}: required field is missing",
        model=model,
        field=wire_name,
        reason="required field is missing",
    )


#: ``Fields`` flags: the field must be present (no default), it may be sent as ``null``, it
#: is a string (a ``str`` value is taken as it is, without calling the reader).
REQUIRED: Final = 1
NULLABLE: Final = 2
TEXT: Final = 4


class Fields:
    """How a model's ``from_dict`` reads its fields: ``{wire name: (attribute, read, flags)}``
    in declaration order, ``read`` turning a JSON value into the attribute's value.

    :meth:`read` walks the keys a dict has rather than every field the model declares (a
    response carries a few of a model's dozens of fields). Anything it cannot settle (a value
    that does not convert, a required field absent, a ``Mapping`` that is not a dict) goes
    through the fields in declaration order, so errors name the same field as ever.
    """

    __slots__ = ("model", "readers", "required", "sensitive")

    def __init__(
        self,
        model: str,
        readers: dict[str, tuple[str, Callable[[Any], Any], int]],
        sensitive: tuple[str, ...] = (),
    ) -> None:
        self.model = model
        self.readers = readers
        self.sensitive = sensitive
        self.required = tuple(name for name, _, flags in readers.values() if flags & REQUIRED)

    def read(self, data: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
        """The model's constructor arguments from ``data`` (unknown keys in
        ``unknown_fields``)."""
        if type(data) is dict:
            readers = self.readers
            kwargs: dict[str, Any] = {}
            unknown: dict[str, Any] | None = None
            try:
                for key, value in data.items():
                    reader = readers.get(key)
                    if reader is None:
                        if key not in known:
                            if unknown is None:
                                unknown = {}
                            unknown[key] = value
                    elif value is not None:
                        if type(value) is str and reader[2] & TEXT:
                            kwargs[reader[0]] = value
                        else:
                            kwargs[reader[0]] = reader[1](value)
                    elif reader[2] & NULLABLE:
                        kwargs[reader[0]] = NULL
            except Exception:  # read again in order, to raise as ever
                return self._read_in_order(data, known)
            for name in self.required:
                if name not in kwargs:
                    return self._read_in_order(data, known)
            if unknown is not None:
                kwargs["unknown_fields"] = unknown
            return kwargs
        return self._read_in_order(data, known)

    def _read_in_order(self, data: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        key = ""
        try:
            for key, (name, read, flags) in self.readers.items():
                value = data.get(key)
                if value is not None:
                    kwargs[name] = read(value)
                elif flags & NULLABLE and key in data:
                    kwargs[name] = NULL
                elif flags & REQUIRED:
                    missing(self.model, key)
        except CONVERSION_ERRORS as err:
            sensitive = self.sensitive
            error = bad_field(self.model, key, err, key in sensitive)
            raise error from (None if sensitive else err)
        if len(data) > len(kwargs):
            unknown = data.keys() - known
            if unknown:
                kwargs["unknown_fields"] = {k: v for k, v in data.items() if k in unknown}
        return kwargs


def not_an_object(model: str, value: object) -> DeserializationError:
    reason = f"expected a JSON object, got {_kind(value)}"
    return DeserializationError(f"{model}: {reason}", model=model, reason=reason)


def bad_field(
    model: str, field: str, error: BaseException, sensitive: bool = False
) -> DeserializationError:
    """The error ``from_dict`` raises when the value of ``field`` cannot be read.

    A nested model's error gets this field prepended to its path. For a sensitive field the
    reason names only the exception type (and the generated code does not chain the original
    error, whose message may quote the value).
    """
    if isinstance(error, DeserializationError):
        if error.model == model and error.field == field:
            return error  # already about this field (a required one missing)
        if not field:
            # A whole body (a list of models, say): the inner error names its model and field.
            return DeserializationError(
                f"{model}: {error}",
                model=error.model or model,
                field=error.field,
                reason=error.reason,
            )
        path = f"{field}.{error.field}" if error.field else field
        reason = error.reason
    else:
        path = field
        reason = str(error) or type(error).__name__
    if sensitive:
        reason = f"invalid value ({type(error).__name__}; the field is sensitive)"
    return DeserializationError(
        f"{model}.{path}: {reason}" if path else f"{model}: {reason}",
        model=model,
        field=path,
        reason=reason,
    )


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _wrong(expected: str, value: object) -> TypeError:
    # The type only: the value may be a secret.
    return TypeError(f"expected {expected}, got {_kind(value)}")


def as_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise _wrong("a string", value)


def as_int(value: Any) -> int:
    """An integer; integral floats (``5.0``) and numeric strings are taken, as msrest does."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            pass
    raise _wrong("an integer", value)


def as_float(value: Any) -> float:
    """A number; numeric strings too (Smithy sends ``"NaN"``, ``"Infinity"``, ``"-Infinity"``)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
    raise _wrong("a number", value)


def as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise _wrong("a boolean", value)


def as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    raise _wrong("an array", value)


def as_map(value: Any) -> Mapping[str, Any]:
    if isinstance(value, Mapping):
        return value
    raise _wrong("an object", value)


def format_timestamp(value: datetime, fmt: str) -> Any:
    """A timestamp as a JSON value in the given Smithy timestampFormat."""
    if fmt == "epoch-seconds":
        return _serde.format_epoch(value)
    if fmt == "http-date":
        return _serde.format_rfc1123(value)
    if fmt == "date-time-ms":
        return _serde.format_iso8601_msrest(value)
    return _serde.format_iso8601(value)


def format_timestamp_text(value: datetime, fmt: str) -> str:
    """A timestamp for a header, query parameter or label."""
    if fmt == "epoch-seconds":
        return str(_serde.format_epoch(value))
    if fmt == "http-date":
        return _serde.format_rfc1123(value)
    if fmt == "date-time-ms":
        return _serde.format_iso8601_msrest(value)
    return _serde.format_iso8601(value)


def parse_timestamp(value: Any, fmt: str) -> datetime:
    """Lenient like the official SDKs: epoch numbers, ISO 8601 or RFC 1123, whatever ``fmt``.

    A ``datetime`` (what ``to_dict()`` gives) passes through, made aware (UTC) if naive.
    """
    if type(value) is str and fmt != "http-date" and _serde._ISO8601_UTC.fullmatch(value):
        # The usual shape, read in C: what _serde.parse_timestamp does first with it.
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, datetime):
        return aware(value)
    if fmt == "http-date" and isinstance(value, str):
        try:
            return _serde.parse_rfc1123(value)
        except ValueError:
            pass
    try:
        return _serde.parse_timestamp(value)
    except (OverflowError, OSError) as err:  # an epoch beyond what datetime can hold
        raise DeserializationError(f"timestamp {value!r} is out of range") from err


def aware(value: datetime) -> datetime:
    """`to_dict()` promises aware datetimes: a naive one is taken as UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def parse_duration(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        return value
    return _serde.parse_duration(str(value))


def b64encode(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def b64decode(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    return base64.b64decode(str(value))


def b64encode_text(value: str) -> str:
    """A string header whose shape has a media type travels base64-encoded (Smithy mediaType)."""
    return base64.b64encode(value.encode("utf-8")).decode("ascii")


def b64decode_text(value: str) -> str:
    return base64.b64decode(value).decode("utf-8")


_NON_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def float_json(value: float) -> float | str:
    """A float for a JSON body: NaN and the infinities have no JSON number, so the Smithy JSON
    protocols send them as the strings "NaN", "Infinity" and "-Infinity"."""
    if isinstance(value, float) and not math.isfinite(value):
        return _NON_FINITE[repr(value)]
    return value


def float_text(value: float) -> str:
    """A float for a header, query parameter or label; non-finite values as in JSON bodies."""
    if isinstance(value, float) and not math.isfinite(value):
        return _NON_FINITE[repr(value)]
    return number_text(value)


def json_text(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def number_text(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return repr(value)
    return str(value)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$")


def parse_date(value: Any) -> date:
    """An ISO 8601 calendar date (OpenAPI `format: date`), or a `date` as is."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as err:
        raise DeserializationError(f"{value!r} is not a date (YYYY-MM-DD)") from err


def parse_time(value: Any) -> time:
    """An ISO 8601 time of day (OpenAPI `format: time`), or a `time` as is."""
    if isinstance(value, time):
        return value
    try:
        return time.fromisoformat(str(value))
    except ValueError as err:
        raise DeserializationError(f"{value!r} is not a time of day") from err


def format_time(value: time) -> str:
    """A time of day as ISO 8601 (`12:30:00`, with its offset when it has one: `Z`, `+02:00`)."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def parse_uuid(value: Any) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError as err:
        raise DeserializationError(f"{value!r} is not a UUID") from err


def typed(value: Any, kind: type[T]) -> T:
    """A JSON value of a scalar type the model promises (a bool is no int here)."""
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # type: ignore[return-value]  # JSON numbers: 3 is a float too
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DeserializationError(f"expected {kind.__name__}, got {value!r}")
    return value


def enum_member(cls: type[E], value: Any) -> E:
    """``cls(value)``: a known value is looked up directly, as Enum's own call would find it,
    without its call machinery (ten times the cost); anything else goes through ``cls``."""
    if type(value) is str or type(value) is int:
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member  # type: ignore[return-value]  # the map holds cls's members
    return cls(value)


def const(value: Any, expected: T) -> T:
    """A value the model fixes (OpenAPI `const`): anything else is not this model's data."""
    if value != expected or type(value) is not type(expected):
        raise DeserializationError(f"expected {expected!r}, got {value!r}")
    return value


def plain_text(value: Any) -> str:
    """A JSON value as text: scalars plain (booleans as JSON spells them), objects and arrays
    as JSON (an object under `text/plain` must not go out as Python's repr)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json_text(value)
    return str(value)


# Union variants are recognised in JSON text and in to_dict()'s Python values alike.


def is_date(value: Any) -> bool:
    if isinstance(value, date):
        return not isinstance(value, datetime)
    return isinstance(value, str) and _DATE.match(value) is not None


def is_datetime(value: Any) -> bool:
    if isinstance(value, datetime):
        return True
    return isinstance(value, str) and _DATETIME.match(value) is not None


def is_time(value: Any) -> bool:
    return isinstance(value, time) or (isinstance(value, str) and _TIME.match(value) is not None)


def is_uuid(value: Any) -> bool:
    if isinstance(value, uuid.UUID):
        return True
    return isinstance(value, str) and _UUID.match(value) is not None


#: What a model's from_dict raises on data of another shape (a union tries its variants).
PARSE_ERRORS: Final = CONVERSION_ERRORS


def json_mapping(response: HttpResponse) -> Any:
    """The JSON of a response body meant to be an object ({} for an empty body or null); any
    other JSON value is returned as it is, for the model's from_dict to refuse by name."""
    data = response.json()
    return {} if data is None else data


def any_body(response: HttpResponse) -> Any:
    """A body the document does not describe: JSON when it says so, text for text/*, else
    the bytes; None when empty."""
    if not response.body:
        return None
    ctype = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if ctype.endswith(("/json", "+json")):
        return response.json()
    if ctype.startswith("text/"):
        return response.text()
    return response.body


def quote_header_values(values: list[str]) -> list[str]:
    """Items of a list header: one that holds a comma or a double quote is sent as a quoted
    string (RFC 9110 list syntax, as the Smithy httpHeader trait says), `"` and `\\` escaped."""
    out = []
    for value in values:
        if "," in value or '"' in value:
            value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        out.append(value)
    return out


def split_header(value: str) -> list[str]:
    """The items of a list header: split at commas outside quoted strings, quotes removed."""
    items: list[str] = []
    current: list[str] = []
    quoted = escaped = was_quoted = False
    for char in value:
        if escaped:
            current.append(char)
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"' and (quoted or not "".join(current).strip()):
            quoted = not quoted
            was_quoted = True
        elif char == "," and not quoted:
            items.append("".join(current) if was_quoted else "".join(current).strip())
            current, was_quoted = [], False
        elif quoted or not (char in " \t" and not current):
            current.append(char)
    last = "".join(current) if was_quoted else "".join(current).strip()
    if last or was_quoted or items:
        items.append(last)
    return items


def split_http_dates(value: str) -> list[str]:
    """The items of a header listing HTTP dates, each of which holds a comma itself
    (``Mon, 16 Dec 2019 23:48:18 GMT, Tue, ...``): split at every second comma."""
    parts = value.split(",")
    return [",".join(parts[i : i + 2]).strip() for i in range(0, len(parts), 2)]


def prefix_headers(headers: Any, prefix: str) -> dict[str, str] | None:
    """Response headers whose name starts with ``prefix`` (any case), keyed by the rest of the
    name (Smithy httpPrefixHeaders); None when there are none."""
    lowered = prefix.lower()
    found = {
        name[len(prefix) :]: value
        for name, value in headers.multi_items()
        if name.lower().startswith(lowered)
    }
    return found or None


def query_params(values: Mapping[str, Any], taken: set[str]) -> list[tuple[str, str]]:
    """A map sent as query parameters (Smithy httpQueryParams): string or list-of-string
    values; keys a named query member already sent are left out (the named member wins)."""
    out: list[tuple[str, str]] = []
    for key, value in values.items():
        if key in taken:
            continue
        if isinstance(value, list):
            out.extend((key, item) for item in value)
        else:
            out.append((key, value))
    return out


def has_header(headers: Mapping[str, str], name: str) -> bool:
    lowered = name.lower()
    return any(key.lower() == lowered for key in headers)


_HOST_LABEL = re.compile(r"^[A-Za-z0-9.\-]+$")


def host_label(name: str, value: str) -> str:
    """A value that fills a ``{label}`` of an operation's host prefix; like botocore, only
    letters, digits, ``-`` and ``.`` are accepted, so a value cannot redirect the request."""
    if not isinstance(value, str) or not _HOST_LABEL.match(value):
        raise ParamValidationError(
            [
                f"Invalid value for parameter {name}: {value!r}. Must contain only "
                "alphanumeric characters, hyphen, or period."
            ]
        )
    return value


def metadata(response: HttpResponse, *request_id_headers: str) -> ResponseMetadata:
    """Status, headers and the request id: the first of ``request_id_headers`` present."""
    fields = response.headers
    request_id = ""
    for name in request_id_headers:
        value = fields.get(name)
        if value is not None:
            request_id = value
            break
    # dict() of the fields: the last of a repeated name wins, as it always has.
    headers = dict(fields.multi_items())
    return ResponseMetadata(status_code=response.status, headers=headers, request_id=request_id)


quote_query = _serde.quote_query
quote_query_name = _serde.quote_query_name
