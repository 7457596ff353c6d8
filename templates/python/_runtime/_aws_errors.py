"""Error responses of the AWS JSON protocols (restJson1, awsJson1_0, awsJson1_1).

The code comes from (in order) the ``X-Amzn-Errortype`` header, the body's ``code``/``Code`` and
``__type`` fields, and is sanitised as the Smithy protocol pages say: anything after ``:`` and
before ``#`` is dropped (``aws.protocoltests#Throttling:http://...`` is ``Throttling``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._http import HttpResponse
from ._protocol import ParsedError, json_object, reason

__all__ = [
    "body_code",
    "error_body",
    "error_code",
    "is_generic_error",
    "parse_error_with",
    "sanitize_code",
]


def error_body(response: HttpResponse) -> Mapping[str, Any]:
    """The JSON body of an error response; a body that is not JSON is the message (botocore)."""
    try:
        data = response.json()
    except ValueError:
        return {"message": response.text()}
    return data if isinstance(data, dict) else {}


def is_generic_error(response: HttpResponse) -> bool:
    """A 5xx with an empty or HTML body and no ``X-Amzn-Errortype`` (a proxy's answer, not the
    service's): the status and its reason phrase are reported, as botocore does. With the header
    it is the service's error, bodiless or not (the Smithy protocol tests
    *FooErrorUsingXAmznErrorType* answer 500 with the header alone)."""
    body = response.body.strip()
    return (
        response.status >= 500
        and (not body or body.startswith(b"<html>"))
        and "x-amzn-errortype" not in response.headers
    )


def error_code(response: HttpResponse) -> str | None:
    """The error type of a JSON-protocol error response, as the Smithy restJson1 and
    awsJson1_0/1_1 pages resolve it: the ``X-Amzn-Errortype`` header, else the body's ``code``
    (``Code``), else its ``__type``; sanitised (None for a generic error or when none is set)."""
    if is_generic_error(response):
        return None
    code = response.headers.get("x-amzn-errortype") or body_code(response, "code", "Code", "__type")
    return sanitize_code(code) if code else None


def sanitize_code(code: str) -> str:
    return code.split(":", 1)[0].rsplit("#", 1)[-1].strip()


def parse_error_with(response: HttpResponse, code: str | None) -> ParsedError:
    """The error of ``response`` given its code as the protocol found it."""
    if is_generic_error(response):
        return ParsedError(str(response.status), reason(response.status), {})
    data = error_body(response)
    message = data.get("message", data.get("Message", ""))
    return ParsedError(
        code or str(response.status), str(message) if message is not None else "", data
    )


def body_code(response: HttpResponse, *fields: str) -> str | None:
    data = json_object(response)
    for name in fields:
        value = data.get(name)
        if value:
            return str(value)
    return None
