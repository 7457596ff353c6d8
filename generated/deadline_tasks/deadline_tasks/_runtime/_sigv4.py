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

import hashlib
import hmac
from datetime import UTC, datetime
from urllib.parse import quote, unquote, urlsplit

from ._aws_config import AwsCredentials
from ._http import HttpRequest

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
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    timestamp = moment.strftime("%Y%m%dT%H%M%SZ")
    day = timestamp[:8]

    headers = request.headers
    headers.pop("Authorization", None)
    headers["X-Amz-Date"] = timestamp
    if credentials.session_token:
        headers["X-Amz-Security-Token"] = credentials.session_token

    canonical, signed_headers = _canonical(request)
    scope = f"{day}/{region}/{service}/aws4_request"
    string_to_sign = "\n".join(
        [_ALGORITHM, timestamp, scope, hashlib.sha256(canonical.encode("utf-8")).hexdigest()]
    )
    key = _hmac(f"AWS4{credentials.secret_access_key}".encode(), day)
    for part in (region, service, "aws4_request"):
        key = _hmac(key, part)
    signature = hmac.new(key, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    headers["Authorization"] = (
        f"{_ALGORITHM} Credential={credentials.access_key_id}/{scope}, "
        f"SignedHeaders={signed_headers}, Signature={signature}"
    )
    return request


def canonical_request(request: HttpRequest) -> str:
    """The SigV4 canonical request for ``request`` as it stands (useful when debugging)."""
    return _canonical(request)[0]


def _canonical(request: HttpRequest) -> tuple[str, str]:
    parts = urlsplit(request.url)
    signed: dict[str, list[str]] = {}
    for name, value in request.headers.multi_items():
        lname = name.lower()
        if lname not in UNSIGNED_HEADERS:
            signed.setdefault(lname, []).append(" ".join(value.split()))
    if "host" not in signed:
        signed["host"] = [_host(request.url)]
    names = sorted(signed)
    canonical_headers = "".join(f"{n}:{','.join(signed[n])}\n" for n in names)
    signed_headers = ";".join(names)
    payload_hash = hashlib.sha256(request.body or b"").hexdigest()
    lines = [
        request.method.upper(),
        quote(_remove_dot_segments(parts.path) or "/", safe="/~"),
        _canonical_query(parts.query),
        canonical_headers,
        signed_headers,
        payload_hash,
    ]
    return "\n".join(lines), signed_headers


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


def _host(url: str) -> str:
    parts = urlsplit(url)
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
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()
