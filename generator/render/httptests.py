"""What OpenAPI parameters and bodies look like on the wire, for the generated tests.

An oracle written apart from the runtime serializers (`_runtime/_styles.py`,
`_runtime/_bodies.py`), from the OpenAPI specification's style tables: given a sample value's
JSON form, the path segment, query pairs (decoded, as the tests parse them), header text or
cookie pairs it must become.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, quote


def text(value: Any) -> str:
    """A JSON scalar as parameter text (nested values as compact JSON)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if value is None:
        return ""
    return str(value)


def _flat(value: Any) -> str | list[str] | dict[str, str]:
    if isinstance(value, dict):
        return {str(k): text(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [text(v) for v in value]
    return text(value)


# What x-ms-skip-url-encoding leaves as it is: unreserved and reserved characters (RFC 3986).
_RESERVED_SAFE = "-._~" + ":/?#[]@!$&'()*+,;="


def _q(s: str) -> str:
    return quote(s, safe="-._~")


def path_segment(
    name: str, value: Any, style: str, explode: bool, allow_reserved: bool = False
) -> str:
    v = _flat(value)
    if allow_reserved and isinstance(v, str) and style in ("", "simple"):
        return quote(v, safe=_RESERVED_SAFE)  # x-ms-skip-url-encoding
    if isinstance(v, str):
        return {"label": "." + _q(v), "matrix": f";{name}={_q(v)}"}.get(style, _q(v))
    if isinstance(v, list):
        items = [_q(x) for x in v]
        if style == "label":
            return "." + ("." if explode else ",").join(items)
        if style == "matrix":
            return (
                "".join(f";{name}={x}" for x in items) if explode else f";{name}=" + ",".join(items)
            )
        return ",".join(items)
    pairs = [(_q(k), _q(x)) for k, x in v.items()]
    if style == "label":
        return "." + ("." if explode else ",").join(
            f"{k}={x}" if explode else f"{k},{x}" for k, x in pairs
        )
    if style == "matrix":
        if explode:
            return "".join(f";{k}={x}" for k, x in pairs)
        return f";{name}=" + ",".join(f"{k},{x}" for k, x in pairs)
    return ",".join(f"{k}={x}" if explode else f"{k},{x}" for k, x in pairs)


def query_pairs(
    name: str, value: Any, style: str, explode: bool, allow_reserved: bool = False
) -> dict[str, str]:
    """The decoded query items (the generated tests compare `dict(parse_qsl(query))`). With
    `allow_reserved` (x-ms-skip-url-encoding) a value's `&` and `=` are sent as they are, and
    so split it into further items."""
    pairs = _query_pairs(name, value, style, explode)
    if not allow_reserved:
        return pairs
    sent = "&".join(f"{_q(k)}={quote(v, safe=_RESERVED_SAFE)}" for k, v in pairs.items())
    return dict(parse_qsl(sent, keep_blank_values=True))


def _query_pairs(name: str, value: Any, style: str, explode: bool) -> dict[str, str]:
    v = _flat(value)
    if isinstance(v, str):
        return {name: v}
    if style == "deepObject" and isinstance(v, dict):
        return {f"{name}[{k}]": x for k, x in v.items()}
    sep = {"spaceDelimited": " ", "pipeDelimited": "|", "tabDelimited": "\t"}.get(style, ",")
    if isinstance(v, list):
        # Samples hold one item: exploded or joined, the decoded pair is the same.
        return {name: v[0]} if (explode and style == "form" and v) else {name: sep.join(v)}
    if explode and style == "form":
        return dict(v)
    return {name: sep.join(x for pair in v.items() for x in pair)}


def header_text(value: Any, explode: bool) -> str:
    v = _flat(value)
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return ",".join(v)
    return ",".join(f"{k}={x}" if explode else f"{k},{x}" for k, x in v.items())


# RFC 6265 section 4.1.1, cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E (and `%`
# itself is escaped, so that a value reads back as it was given).
_COOKIE_OCTETS = frozenset(chr(c) for c in range(0x21, 0x7F)) - set('",;\\%')


def _cookie_text(text: str) -> str:
    return "".join(
        ch if ch in _COOKIE_OCTETS else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        for ch in text
    )


def cookie_pairs(name: str, value: Any, explode: bool) -> list[str]:
    v = _flat(value)
    c = _cookie_text
    n = c(name)
    if isinstance(v, str):
        return [f"{n}={c(v)}"]
    if isinstance(v, list):
        return [f"{n}={c(x)}" for x in v] if explode else [f"{n}=" + ",".join(map(c, v))]
    if explode:
        return [f"{c(k)}={c(x)}" for k, x in v.items()]
    return [f"{n}=" + ",".join(c(x) for pair in v.items() for x in pair)]


def form_fields(value: Any) -> dict[str, str]:
    """An urlencoded form body, decoded (one sample item per list)."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            if v is None:
                continue
            out[str(k)] = text(v[0] if isinstance(v, list) and v else v)
    return out
