"""AWS Signature Version 4, by hand, byte-compatible with ``botocore.auth.SigV4Auth``.

Written out rather than depending on ``aws-sdk-signers`` because that package needs
Python >= 3.12 and generated clients support 3.11. The rules mirror botocore for non-S3
services (checked by differential tests):

* every header of the request is signed except botocore's blacklist (``user-agent``,
  ``expect``, ``x-amzn-trace-id``, hop-by-hop headers...); ``host`` is derived from the URL
  (lower case, port only when not the scheme's default) unless the request carries one;
* header values are trimmed with inner whitespace runs collapsed; repeated headers are joined
  with ``,``;
* the canonical URI is the already percent-encoded path, dot segments and empty segments
  removed, encoded once more (``%2F`` -> ``%252F``);
* the canonical query is every ``key=value`` pair encoded with only ``A-Za-z0-9-_.~`` left
  as is, sorted by key then value;
* the payload hash is the hex SHA-256 of the body (of ``b""`` without one) and no
  ``X-Amz-Content-Sha256`` header is sent.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from ._aws_config import AwsCredentials
from ._http import HttpRequest
from ._serde import same_second

__all__ = ["UNSIGNED_HEADERS", "canonical_request", "sign_request", "utc_now"]

#: botocore ``SIGNED_HEADERS_BLACKLIST``: headers proxies or the HTTP stack may change.
UNSIGNED_HEADERS = frozenset(
    {
        "authorization",
        "baggage",
        "connection",
        "expect",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "traceparent",
        "tracestate",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "user-agent",
        "x-amzn-trace-id",
    }
)
_ALGORITHM = "AWS4-HMAC-SHA256"
_UNRESERVED = "-_.~"
_EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
# A path quote(path, safe="/~") returns unchanged.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_.~/-]*")


def utc_now() -> datetime:
    """The current UTC time: the default ``clock`` of the AWS clients (tests pass a fixed one)."""
    return datetime.now(UTC)


def sign_request(
    request: HttpRequest,
    credentials: AwsCredentials,
    *,
    region: str,
    service: str,
    now: datetime | None = None,
) -> HttpRequest:
    """Sign ``request`` in place (and return it) with ``X-Amz-Date`` and ``Authorization``.

    Adds ``X-Amz-Security-Token`` for temporary credentials. Re-signing (a retry) replaces the
    previous values. ``now`` defaults to :func:`utc_now`; naive values are taken as UTC.
    """
    moment = utc_now() if now is None else now
    if moment.tzinfo is not None and moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    timestamp = _amz_date(moment)
    day = timestamp[:8]

    headers = request.headers
    if "Authorization" in headers:
        del headers["Authorization"]
    headers["X-Amz-Date"] = timestamp
    if credentials.session_token:
        headers["X-Amz-Security-Token"] = credentials.session_token

    canonical, signed_headers = _canonical(request)
    scope = f"{day}/{region}/{service}/aws4_request"
    string_to_sign = (
        f"{_ALGORITHM}\n{timestamp}\n{scope}\n"
        + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    )
    signature = _signature(credentials.secret_access_key, day, region, service, string_to_sign)
    headers["Authorization"] = (
        f"{_ALGORITHM} Credential={credentials.access_key_id}/{scope}, "
        f"SignedHeaders={signed_headers}, Signature={signature}"
    )
    return request


# The last timestamp made, by its fields: a client signs many requests in the same second.
_last_date: tuple[int, int, int, int, int, int, str] = (0, 0, 0, 0, 0, 0, "")


def _amz_date(moment: datetime) -> str:
    """``YYYYmmddTHHMMSSZ``: cut from isoformat (done in C) rather than strftime's slower
    formatting; years before 1000 (which isoformat pads and strftime does not) go to strftime."""
    global _last_date
    last = _last_date
    if same_second(moment, last):
        return last[6]
    if moment.year < 1000:
        return moment.strftime("%Y%m%dT%H%M%SZ")
    iso = moment.isoformat(timespec="seconds")  # 2024-07-01T12:00:00[+00:00]
    stamp = iso[0:4] + iso[5:7] + iso[8:13] + iso[14:16] + iso[17:19] + "Z"
    _last_date = (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        stamp,
    )
    return stamp


# The signing key depends only on the secret, the day, the region and the service: derived
# (four HMACs) once and reused until one of them changes, with the two SHA-256 states of an
# HMAC under it (what hmac.digest would compute again for every signature). One entry: a
# client signs with one credential at a time, and old secrets are not kept around.
_last_key: tuple[str, str, str, str, bytes, Any, Any] | None = None


def _signing_key(secret: str, day: str, region: str, service: str) -> bytes:
    return _key_entry(secret, day, region, service)[4]


def _key_entry(
    secret: str, day: str, region: str, service: str
) -> tuple[str, str, str, str, bytes, Any, Any]:
    global _last_key
    last = _last_key
    if (
        last is not None
        and last[0] == secret
        and last[1] == day
        and last[2] == region
        and last[3] == service
    ):
        return last
    key = _hmac(f"AWS4{secret}".encode(), day)
    for part in (region, service, "aws4_request"):
        key = _hmac(key, part)
    # HMAC (RFC 2104): the key (64 bytes or less here: a SHA-256 digest) padded to the block.
    padded = key.ljust(64, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))
    entry = (secret, day, region, service, key, inner, outer)
    _last_key = entry
    return entry


def _signature(secret: str, day: str, region: str, service: str, string_to_sign: str) -> str:
    """hex HMAC-SHA256 of ``string_to_sign`` under the signing key, from the kept states."""
    entry = _key_entry(secret, day, region, service)
    inner = entry[5].copy()
    inner.update(string_to_sign.encode("utf-8"))
    outer = entry[6].copy()
    outer.update(inner.digest())
    return str(outer.hexdigest())


def canonical_request(request: HttpRequest) -> str:
    """The SigV4 canonical request for ``request`` as it stands (useful when debugging)."""
    return _canonical(request)[0]


def _canonical(request: HttpRequest) -> tuple[str, str]:
    parts = urlsplit(request.url)
    # The headers by lower-cased name, each name's values in the order added.
    signed = {
        name: values
        for name, values in request.headers.by_lower_name().items()
        if name not in UNSIGNED_HEADERS
    }
    if "host" not in signed:
        signed["host"] = (_host_of(parts.scheme, parts.netloc),)
    names = sorted(signed)
    canonical_headers = "".join(
        [
            (
                f"{n}:{' '.join(values[0].split())}\n"
                if len(values) == 1
                else f"{n}:{','.join([' '.join(v.split()) for v in values])}\n"
            )
            for n in names
            for values in (signed[n],)
        ]
    )
    signed_headers = ";".join(names)
    body = request.body
    payload_hash = hashlib.sha256(body).hexdigest() if body else _EMPTY_SHA256
    canonical = (
        f"{request.method.upper()}\n{_canonical_path(parts.path)}\n"
        f"{_canonical_query(parts.query)}\n{canonical_headers}\n{signed_headers}\n{payload_hash}"
    )
    return canonical, signed_headers


def _canonical_path(path: str) -> str:
    # Most paths have no dot or empty segment and nothing quote() would change.
    if (
        path.startswith("/")
        and "//" not in path
        and "/." not in path
        and _PLAIN_PATH.fullmatch(path)
    ):
        return path
    return quote(_remove_dot_segments(path) or "/", safe="/~")


def _canonical_query(query: str) -> str:
    if not query:
        return ""
    pairs = []
    for item in query.split("&"):
        key, _, value = item.partition("=")
        # Decode then re-encode so the canonical form does not depend on how the URL was
        # escaped; for URLs built with ``quote_query`` this is exactly botocore's output.
        pairs.append(
            (quote(unquote(key), safe=_UNRESERVED), quote(unquote(value), safe=_UNRESERVED))
        )
    return "&".join(f"{k}={v}" for k, v in sorted(pairs))


@functools.lru_cache(maxsize=64)
def _host_of(scheme: str, netloc: str) -> str:
    """The ``host`` header botocore signs: per origin, so remembered (a client has few)."""
    parts = urlsplit(f"{scheme}://{netloc}")
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}.get(parts.scheme)
    if parts.port is not None and parts.port != default_port:
        host = f"{host}:{parts.port}"
    return host


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4, and empty segments dropped, as botocore's ``remove_dot_segments``."""
    if not path:
        return ""
    output: list[str] = []
    for segment in path.split("/"):
        if not segment or segment == ".":
            continue
        if segment == "..":
            if output:
                output.pop()
        else:
            output.append(segment)
    first = "/" if path.startswith("/") else ""
    last = "/" if path.endswith("/") and output else ""
    return first + "/".join(output) + last


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.digest(key, message.encode("utf-8"), "sha256")
