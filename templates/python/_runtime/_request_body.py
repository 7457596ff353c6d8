"""What happens to a request body after it is serialized and before it is signed.

- ``requestCompression`` (Smithy): the body is gzipped when it is at least
  ``min_size`` bytes, and ``gzip`` is appended to any ``Content-Encoding`` already set, as
  botocore does (its ``request_min_compression_size_bytes``, default 10240, and
  ``disable_request_compression`` settings, also read from
  ``AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES`` and ``AWS_DISABLE_REQUEST_COMPRESSION``).
- ``httpChecksumRequired`` (Smithy): a ``Content-MD5`` header carries the body's MD5.

Both run before signing, so the signature covers the bytes and headers that are sent.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import os

from ._http import HttpRequest

__all__ = ["DEFAULT_MIN_COMPRESSION_SIZE", "add_content_md5", "compress", "compression_threshold"]

DEFAULT_MIN_COMPRESSION_SIZE = 10240
_MAX_MIN_COMPRESSION_SIZE = 10485760  # botocore's upper bound for the setting


def compression_threshold(min_size: int | None, disabled: bool | None) -> int | None:
    """The smallest body that is compressed, or None when compression is off."""
    if disabled is None:
        disabled = os.environ.get("AWS_DISABLE_REQUEST_COMPRESSION", "").lower() == "true"
    if disabled:
        return None
    if min_size is None:
        env = os.environ.get("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES")
        min_size = int(env) if env else DEFAULT_MIN_COMPRESSION_SIZE
    if not 0 <= min_size <= _MAX_MIN_COMPRESSION_SIZE:
        raise ValueError(
            f"request_min_compression_size_bytes must be from 0 to {_MAX_MIN_COMPRESSION_SIZE}, "
            f"got {min_size}"
        )
    return min_size


def compress(request: HttpRequest, encodings: tuple[str, ...], threshold: int | None) -> None:
    """Gzip the body in place when the operation allows gzip and the body is large enough."""
    body = request.body
    if threshold is None or "gzip" not in encodings or body is None or len(body) < threshold:
        return
    # mtime=0: the same request compresses to the same bytes (and the same signature).
    request.body = gzip.compress(body, mtime=0)
    current = request.headers.get("Content-Encoding")
    request.headers["Content-Encoding"] = f"{current}, gzip" if current else "gzip"


def add_content_md5(request: HttpRequest) -> None:
    """``Content-MD5: base64(md5(body))`` (an empty body has one too)."""
    digest = hashlib.md5(request.body or b"", usedforsecurity=False).digest()
    request.headers["Content-MD5"] = base64.b64encode(digest).decode("ascii")
