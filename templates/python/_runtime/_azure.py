"""Runtime part of the Azure profile: OData error bodies (see ``_protocol``)."""

from __future__ import annotations

from collections.abc import Mapping

from ._http import HttpResponse
from ._protocol import ParsedError, json_object, reason

__all__ = ["REQUEST_ID_HEADERS", "error_code", "parse_error"]

REQUEST_ID_HEADERS = ("request-id",)


def _error(response: HttpResponse) -> Mapping[str, object]:
    # Azure errors are sometimes wrapped: {"odata.error": {...}}.
    data = json_object(response)
    inner = data.get("odata.error", data)
    return inner if isinstance(inner, Mapping) else {}


def error_code(response: HttpResponse) -> str | None:
    code = _error(response).get("code")
    return str(code) if code else None


def parse_error(response: HttpResponse) -> ParsedError:
    error = _error(response)
    raw_message = error.get("message")
    if isinstance(raw_message, Mapping):
        message = str(raw_message.get("value") or "")
    else:
        message = str(raw_message or "")
    # No message (an HTML page from a proxy, an empty 503): the status's reason phrase, as
    # the Azure SDKs report it. No code: "", which the error reports as None, as the Azure
    # SDKs do (the status stays in status_code).
    code = error.get("code")
    return ParsedError(str(code) if code else "", message or reason(response.status), error)
