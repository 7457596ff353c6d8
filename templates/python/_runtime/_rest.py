"""Runtime part of the generic OpenAPI REST + JSON protocol (see ``_protocol``).

Services name their errors in many ways; the code is a ``code`` (or ``error``) string of the
JSON body when there is one, else the HTTP status; the message is the first of ``message``,
``detail`` (problem+json), ``title``, ``error_description`` and ``error`` that is text, else a
plain-text body, else the status's reason phrase.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._http import HttpResponse
from ._protocol import ParsedError, json_object, reason

__all__ = ["REQUEST_ID_HEADERS", "error_code", "parse_error"]

REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid")

_MESSAGE_KEYS = ("message", "detail", "title", "error_description", "error")
_TEXT_LIMIT = 1000


def _body(response: HttpResponse) -> Mapping[str, Any]:
    try:
        return json_object(response)
    except Exception:  # a body that is not JSON at all: no fields
        return {}


def error_code(response: HttpResponse) -> str | None:
    data = _body(response)
    for key in ("code", "error"):
        value = data.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
            return str(value)
    return None


def parse_error(response: HttpResponse) -> ParsedError:
    data = _body(response)
    message = ""
    for key in _MESSAGE_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value:
            message = value
            break
    ctype = response.headers.get("content-type", "").lower()
    if not message and not data and ctype.startswith("text/plain") and response.body:
        message = response.text().strip()[:_TEXT_LIMIT]
    return ParsedError(
        error_code(response) or str(response.status), message or reason(response.status), data
    )
