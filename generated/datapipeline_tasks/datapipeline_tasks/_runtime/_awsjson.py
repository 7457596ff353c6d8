"""Runtime part of aws.protocols#awsJson1_0 and #awsJson1_1 (see ``_protocol``)."""

from __future__ import annotations

from ._aws_errors import body_code, is_generic_error, parse_error_with, sanitize_code
from ._http import HttpResponse
from ._protocol import ParsedError

__all__ = ["REQUEST_ID_HEADERS", "error_code", "parse_error"]

REQUEST_ID_HEADERS = ("x-amzn-RequestId",)


def error_code(response: HttpResponse) -> str | None:
    if is_generic_error(response):
        return None
    code = body_code(response, "__type")
    return sanitize_code(code) if code else None


def parse_error(response: HttpResponse) -> ParsedError:
    return parse_error_with(response, error_code(response))
