"""Runtime part of aws.protocols#awsJson1_0 and #awsJson1_1 (see ``_protocol``)."""

from __future__ import annotations

from ._aws_errors import error_code, parse_error_with
from ._http import HttpResponse
from ._protocol import ParsedError

__all__ = ["REQUEST_ID_HEADERS", "error_code", "parse_error"]

REQUEST_ID_HEADERS = ("x-amzn-RequestId",)


def parse_error(response: HttpResponse) -> ParsedError:
    return parse_error_with(response, error_code(response))
