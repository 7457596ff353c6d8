"""Runtime part of aws.protocols#restJson1 (see ``_protocol`` for the interface)."""

from __future__ import annotations

from ._aws_errors import error_code, parse_error_with
from ._http import HttpResponse
from ._protocol import ParsedError

__all__ = ["REQUEST_ID_HEADERS", "error_code", "parse_error"]

# botocore's rest-json parser: x-amz-request-id when x-amzn-RequestId is absent.
REQUEST_ID_HEADERS = ("x-amzn-RequestId", "x-amz-request-id")


def parse_error(response: HttpResponse) -> ParsedError:
    return parse_error_with(response, error_code(response))
