"""What every protocol runtime module provides, and the helpers they share.

Each wire protocol has one runtime module (``_restjson1``, ``_awsjson``, ``_azure``, ...) with
the same interface, so the generated ``_operations`` module and the retry layer treat them alike:

- ``REQUEST_ID_HEADERS``: the response headers that carry the service's request id, in order;
- ``error_code(response)``: the service's error code of an error response, or None (the retry
  layer uses it to spot throttling);
- ``parse_error(response)``: the code, message and error-structure fields of an error response.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from ._http import HttpResponse

__all__ = ["ParsedError", "json_object", "reason", "request_id"]


@dataclass(frozen=True, slots=True)
class ParsedError:
    """An error response as the protocol reads it."""

    # The error code; when the service names none, "" (Azure) or the HTTP status as text.
    code: str
    message: str
    data: Mapping[str, Any] = field(default_factory=dict)  # the modeled error's fields
    # The code reported to the caller when it differs from the one that picks the error class
    # (an awsQuery-compatible service's `x-amzn-query-error` code); "" = `code`.
    reported_code: str = ""


def json_object(response: HttpResponse) -> Mapping[str, Any]:
    """The JSON body of a response as a mapping ({} for empty, non-JSON or non-object bodies)."""
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def reason(status: int) -> str:
    """The reason phrase of a status ("Bad Gateway"), what SDKs report when a body says nothing."""
    # HTTPStatus, not http.client.responses (the same phrases): http.client imports the email
    # package, ~10 ms a program on the default transport no longer pays.
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def request_id(response: HttpResponse, names: tuple[str, ...]) -> str:
    """The first of the ``names`` headers present, or ""."""
    return next((response.headers[name] for name in names if name in response.headers), "")
