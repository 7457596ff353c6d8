"""Runtime part of aws.protocols#awsJson1_0 and #awsJson1_1 (see ``_protocol``)."""

from __future__ import annotations

from dataclasses import replace

from ._aws_errors import error_code, parse_error_with
from ._http import HttpResponse
from ._protocol import ParsedError

__all__ = ["REQUEST_ID_HEADERS", "error_code", "parse_error"]

REQUEST_ID_HEADERS = ("x-amzn-RequestId",)


def parse_error(response: HttpResponse) -> ParsedError:
    error = parse_error_with(response, error_code(response))
    # Services that moved from awsQuery (SQS) still name their errors the old way in
    # `x-amzn-query-error: Code;Fault`; botocore reports that code, and so do we (the class
    # stays the modeled one).
    query_error = response.headers.get("x-amzn-query-error", "")
    code, sep, _ = query_error.partition(";")
    if sep and code:
        return replace(error, reported_code=code)
    return error
