"""Runtime part of aws.protocols#restJson1 (see ``_protocol`` for the interface)."""

from __future__ import annotations

from ._aws_errors import body_code, is_generic_error, parse_error_with, sanitize_code
from ._http import HttpResponse
from ._protocol import ParsedError

__all__ = ["REQUEST_ID_HEADERS", "error_code", "parse_error"]

# botocore's rest-json parser: x-amz-request-id when x-amzn-RequestId is absent.
REQUEST_ID_HEADERS = ("x-amzn-RequestId", "x-amz-request-id")


def error_code(response: HttpResponse) -> str | None:
    if is_generic_error(response):
        return None
    code = response.headers.get("x-amzn-errortype") or body_code(response, "code", "Code", "__type")
    return sanitize_code(code) if code else None


def parse_error(response: HttpResponse) -> ParsedError:
    return parse_error_with(response, error_code(response))
