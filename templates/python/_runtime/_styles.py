"""OpenAPI parameter serialization: `style` and `explode` for path, query, header and cookie.

Values arrive as text already (the generated serializers convert numbers, dates, enums...): a
str, a list of str (an array) or a dict of str (an object). The styles are OpenAPI's, after RFC
6570 (`color` = ["blue", "black"] / {"R": "100", "G": "200"}):

=============  =======  ============================  ==========================
style          explode  array                         object
=============  =======  ============================  ==========================
simple         false    blue,black                    R,100,G,200
simple         true     blue,black                    R=100,G=200
label          false    .blue,black                   .R,100,G,200
label          true     .blue.black                   .R=100.G=200
matrix         false    ;color=blue,black             ;color=R,100,G,200
matrix         true     ;color=blue;color=black       ;R=100;G=200
form           false    color=blue,black              color=R,100,G,200
form           true     color=blue&color=black        R=100&G=200
spaceDelimited false    color=blue%20black            color=R%20100%20G%20200
pipeDelimited  false    color=blue|black              color=R|100|G|200
tabDelimited   false    color=blue%09black            color=R%09100%09G%09200
deepObject     true     n/a                           color[R]=100&color[G]=200
=============  =======  ============================  ==========================

Path and query output is percent-encoded here (each value on its own, so the delimiters stay
delimiters); cookie output only where RFC 6265 does not allow a character (a `;` in a value
would start another cookie); header output is text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from . import _wire

__all__ = ["cookie", "header", "path", "query", "texts"]

Value = str | list[str] | dict[str, str]

_UNRESERVED = "-._~"
_RESERVED = ":/?#[]@!$&'()*+,;="


def texts(value: Any) -> Value:
    """A JSON value as parameter text: objects and arrays one level deep, deeper values (and
    nulls) as JSON text."""
    if isinstance(value, Mapping):
        return {str(k): _scalar(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_scalar(v) for v in value]
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if value is None:
        return ""
    if isinstance(value, float):
        return _wire.number_text(value)
    return _wire.plain_text(value)


def _pairs(value: Mapping[str, str], joiner: str) -> list[str]:
    """`k=v` items (joiner "="), or keys and values in turn (joiner "")."""
    if joiner:
        return [f"{k}{joiner}{v}" for k, v in value.items()]
    return [x for pair in value.items() for x in pair]


def path(
    name: str,
    value: Value,
    *,
    style: str = "simple",
    explode: bool = False,
    allow_reserved: bool = False,
) -> str:
    """A path parameter, percent-encoded (with its `.` or `;name=` prefix for label/matrix).
    With `allow_reserved` (Azure's x-ms-skip-url-encoding: a part of a path such as a next
    link's `items/page?n=2`) reserved characters are sent as they are."""
    q = _path_quote
    if allow_reserved:
        if isinstance(value, str) and value in ("", ".", ".."):
            _wire.quote_label(value)  # refused: it would address another resource

        def q(text: str) -> str:
            return quote(text, safe=_UNRESERVED + _RESERVED)

        if isinstance(value, str) and style in ("", "simple"):
            return q(value)
    if isinstance(value, str):
        if style == "label":
            return "." + q(value)
        if style == "matrix":
            return f";{q(name)}" + (f"={q(value)}" if value else "")
        # An empty, "." or ".." segment would address another resource: refused.
        return _wire.quote_label(value)
    if isinstance(value, list):
        items = [q(v) for v in value]
        if style == "label":
            return "." + ("." if explode else ",").join(items)
        if style == "matrix":
            if explode:
                return "".join(f";{q(name)}={v}" for v in items)
            return f";{q(name)}=" + ",".join(items)
        return ",".join(items)
    encoded = {q(k): q(v) for k, v in value.items()}
    if style == "label":
        joined = ("." if explode else ",").join(_pairs(encoded, "=" if explode else ""))
        return "." + joined
    if style == "matrix":
        if explode:
            return "".join(f";{k}={v}" for k, v in encoded.items())
        return f";{q(name)}=" + ",".join(_pairs(encoded, ""))
    return ",".join(_pairs(encoded, "=" if explode else ""))


def _path_quote(text: str) -> str:
    return quote(text, safe=_UNRESERVED)


def query(
    name: str,
    value: Value,
    *,
    style: str = "form",
    explode: bool = True,
    allow_reserved: bool = False,
    name_safe: str = "",
) -> list[tuple[str, str]]:
    """A query parameter as percent-encoded (name, value) pairs."""
    safe = _UNRESERVED + (_RESERVED if allow_reserved else "")

    def q(text: str) -> str:
        return quote(text, safe=safe)

    qname = quote(name, safe=_UNRESERVED + name_safe)
    if isinstance(value, str):
        return [(qname, q(value))]
    if style == "deepObject" and isinstance(value, dict):
        return [(f"{qname}[{quote(k, safe=_UNRESERVED)}]", q(v)) for k, v in value.items()]
    sep = {"spaceDelimited": "%20", "pipeDelimited": "|", "tabDelimited": "%09"}.get(style, ",")
    if isinstance(value, list):
        if explode and style == "form":
            return [(qname, q(v)) for v in value]
        return [(qname, sep.join(q(v) for v in value))]
    if explode and style == "form":
        return [(quote(k, safe=_UNRESERVED), q(v)) for k, v in value.items()]
    return [(qname, sep.join(q(x) for pair in value.items() for x in pair))]


def header(value: Value, *, explode: bool = False) -> str:
    """A header parameter (style simple)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ",".join(value)
    if explode:
        return ",".join(f"{k}={v}" for k, v in value.items())
    return ",".join(x for pair in value.items() for x in pair)


# RFC 6265's cookie-octet: printable ASCII but space, DQUOTE, comma, semicolon and backslash.
# `%` is encoded too, so that what is sent reads back as what was given.
_COOKIE_SAFE = "".join(
    chr(c) for c in range(0x21, 0x7F) if chr(c) not in '",;\\%' and chr(c) not in _UNRESERVED
)


def _c(text: str) -> str:
    """Cookie text: percent-encoded where a raw character would end the value (a `;` starts
    another cookie) or is not allowed in a cookie."""
    return quote(text, safe=_COOKIE_SAFE)


def cookie(name: str, value: Value, *, explode: bool = True) -> list[str]:
    """A cookie parameter (style form) as `name=value` pairs of the Cookie header; names and
    values percent-encoded where RFC 6265 does not allow the character."""
    n = _c(name)
    if isinstance(value, str):
        return [f"{n}={_c(value)}"]
    if isinstance(value, list):
        if explode:
            return [f"{n}={_c(v)}" for v in value]
        return [f"{n}=" + ",".join(_c(v) for v in value)]
    if explode:
        return [f"{_c(k)}={_c(v)}" for k, v in value.items()]
    return [f"{n}=" + ",".join(_c(x) for pair in value.items() for x in pair)]
