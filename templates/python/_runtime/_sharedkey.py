"""Azure SharedKey signing (the account-key HMAC Azure Batch accepts besides Entra ID tokens).

SharedKey reproduces ``azure.batch.batch_auth.SharedKeyAuth`` (azure-batch 14.2.0)::

    METHOD \\n
    content-encoding \\n content-language \\n content-length \\n content-md5 \\n
    content-type \\n date \\n if-modified-since \\n if-match \\n if-none-match \\n
    if-unmodified-since \\n range \\n          (missing or empty headers give "")
    ocp-name:value \\n                          (each ocp-* header, sorted by lowercased name)
    /account/path                               (path exactly as sent, still percent-encoded)
    \\nname:value                               (each query parameter, decoded, sorted by name;
                                                 first value of repeated names; empty ones skipped)

signed with HMAC-SHA256 under the base64-decoded account key. Unlike Azure Storage, a
``Content-Length`` of ``0`` is signed as ``0``: the SDK signs whatever ``requests`` sends, and
``requests`` sends ``Content-Length: 0`` for every bodiless request except GET and HEAD. So
does :func:`sign_shared_key`, which sets the framing header it signs.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ._http import HttpRequest
from ._serde import format_rfc1123

__all__ = ["SharedKeyCredential", "shared_key_string_to_sign", "sign_shared_key"]

_SIGNED_STANDARD_HEADERS = (
    "content-encoding",
    "content-language",
    "content-length",
    "content-md5",
    "content-type",
    "date",
    "if-modified-since",
    "if-match",
    "if-none-match",
    "if-unmodified-since",
    "range",
)


@dataclass(frozen=True, repr=False)
class SharedKeyCredential:
    """A Batch account name and its base64 account key. The repr never shows the key."""

    account_name: str
    account_key: str = field(repr=False)
    # The decoded key, decoded once rather than on every signature.
    _key: bytes = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            key = base64.b64decode(self.account_key, validate=True)
        except (binascii.Error, ValueError) as err:
            raise ValueError("account_key is not valid base64") from err
        object.__setattr__(self, "_key", key)

    def __repr__(self) -> str:
        return f"SharedKeyCredential(account_name={self.account_name!r}, account_key='***')"


def shared_key_string_to_sign(request: HttpRequest, account_name: str) -> str:
    """The SharedKey string to sign for ``request`` exactly as it will be sent."""
    # The headers by lower-cased name (each name's values in the order added): what
    # headers.get(name) joins, without lower-casing every name asked for.
    index = request.headers.by_lower_name()
    lines = [request.method.upper()]
    for name in _SIGNED_STANDARD_HEADERS:
        values = index.get(name)
        if values is None:
            lines.append("")
        else:
            lines.append(values[0] if len(values) == 1 else ", ".join(values))
    text = "\n".join(lines) + "\n"
    ocp = sorted(
        (name, value)
        for name, values in index.items()
        if name.startswith("ocp-")
        for value in values
        if value
    )
    text += "".join(f"{name}:{value}\n" for name, value in ocp)
    parts = urlsplit(request.url)
    text += f"/{account_name}{parts.path}"
    query = _first_values(parts.query)
    for name in sorted(query):
        value = query[name]
        if value:
            text += f"\n{name}:{value}"
    return text


def _first_values(query: str) -> dict[str, str]:
    """The first value of each name, as ``parse_qs`` reads them: decoded (also "+" as space),
    empty values and pairs without ``=`` dropped, as the SDK's signer does."""
    if "%" in query or "+" in query:
        return {name: values[0] for name, values in parse_qs(query).items()}
    # Nothing to decode (the usual query: api-version, ids, numbers): split as parse_qsl does.
    first: dict[str, str] = {}
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if value and name not in first:
            first[name] = value
    return first


# The two SHA-256 states of an HMAC under the last key used (RFC 2104), kept: hmac.digest
# computes them again for every signature. One entry: a client signs with one key.
_last_pads: tuple[bytes, Any, Any] | None = None


def _hmac_sha256(key: bytes, message: bytes) -> bytes:
    """``hmac.digest(key, message, "sha256")``."""
    global _last_pads
    pads = _last_pads
    if pads is None or pads[0] != key:
        block = hashlib.sha256(key).digest() if len(key) > 64 else key
        padded = block.ljust(64, b"\0")
        pads = (
            key,
            hashlib.sha256(bytes(b ^ 0x36 for b in padded)),
            hashlib.sha256(bytes(b ^ 0x5C for b in padded)),
        )
        _last_pads = pads
    inner = pads[1].copy()
    inner.update(message)
    outer = pads[2].copy()
    outer.update(inner.digest())
    return bytes(outer.digest())


def sign_shared_key(
    request: HttpRequest, credential: SharedKeyCredential, *, now: datetime | None = None
) -> HttpRequest:
    """Sign ``request`` in place (and return it): set ``Authorization: SharedKey ...``.

    Adds ``ocp-date`` (now, RFC 1123) when absent and the ``Content-Length`` that will be sent
    (body length; ``0`` for bodiless requests other than GET and HEAD) when absent, because both
    are part of the signature.
    """
    headers = request.headers
    if not headers.get("ocp-date"):
        moment = datetime.now(UTC) if now is None else now
        headers["ocp-date"] = format_rfc1123(moment)
    if "content-length" not in headers:
        if request.body is not None:
            headers["Content-Length"] = str(len(request.body))
        elif request.method.upper() not in ("GET", "HEAD"):
            headers["Content-Length"] = "0"
    string_to_sign = shared_key_string_to_sign(request, credential.account_name)
    digest = _hmac_sha256(credential._key, string_to_sign.encode("utf-8"))
    signature = base64.b64encode(digest).decode("ascii")
    headers["Authorization"] = f"SharedKey {credential.account_name}:{signature}"
    return request
