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


def parse_error(response: HttpResponse, *, odata_v4: bool = False) -> ParsedError:
    """`odata_v4`: the service wraps its errors as OData v4 says, {"error": {"code": ...,
    "message": ...}} (Key Vault, Resource Manager); the code and message are read inside, the
    modeled fields (the wrapper's) from the whole body."""
    error = fields = _error(response)
    if odata_v4:
        data = json_object(response)
        inner = data.get("error")
        if isinstance(inner, Mapping):
            error, fields = inner, data
    raw_message = error.get("message")
    if isinstance(raw_message, Mapping):
        message = str(raw_message.get("value") or "")
    else:
        message = str(raw_message or "")
    # No message (an HTML page from a proxy, an empty 503): the status's reason phrase, as
    # the Azure SDKs report it. No code: "", which the error reports as None, as the Azure
    # SDKs do (the status stays in status_code).
    code = error.get("code")
    return ParsedError(str(code) if code else "", message or reason(response.status), fields)
