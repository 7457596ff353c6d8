"""Request serializers and response deserializers, one pair per operation (awsJson1_1).

Shared by the sync and the async client: these functions do no I/O.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from ._runtime import _awsjson as _protocol
from ._runtime import _params, _wire
from ._runtime._http import HttpRequest, HttpResponse
from ._runtime._protocol import request_id
from .errors import ERRORS_BY_CODE, DataPipelineError
from .models import SetTaskStatusOutput, TaskStatus

# The protocol's error-code reader; the retry layer uses it to spot throttling.
error_code = _protocol.error_code
# The response headers carrying the service's request id (errors, metadata, the debug log).
REQUEST_ID_HEADERS = _protocol.REQUEST_ID_HEADERS


def _query_string(query: list[tuple[str, str | None]]) -> str:
    # A None value is a bare key: a constant query part such as `?list-type` in a URI.
    return "&".join(
        _wire.quote_query(k) + ("" if v is None else "=" + _wire.quote_query(v)) for k, v in query
    )


def raise_error(response: HttpResponse) -> NoReturn:
    """Turn an error response into the modeled exception (or the base class)."""
    error = _protocol.parse_error(response)
    base: dict[str, Any] = {
        "message": error.message,
        "status_code": response.status,
        "code": error.reported_code or error.code,
        "request_id": request_id(response, _protocol.REQUEST_ID_HEADERS),
        "headers": dict(response.headers.multi_items()),
        "body": response.body,
    }
    cls = ERRORS_BY_CODE.get(error.code)
    if cls is not None:
        raise cls._from_response(response, error.data, **base)
    raise DataPipelineError(**base)


def serialize_set_task_status(
    _endpoint: str,
    *,
    task_id: str,
    task_status: TaskStatus | str,
    error_id: str | None = None,
    error_message: str | None = None,
    error_stack_trace: str | None = None,
) -> HttpRequest:
    """Build the POST request of SetTaskStatus."""
    # Checked before sending, as botocore checks them (all problems reported at once).
    _problems: list[str] = []
    if _params.check_required(task_id, "task_id", _problems):
        _params.check_min_length(task_id, 1, "task_id", _problems)
    _params.check_required(task_status, "task_status", _problems)
    if error_id is not None:
        _params.check_min_length(error_id, 0, "error_id", _problems)
    if error_stack_trace is not None:
        _params.check_min_length(error_stack_trace, 0, "error_stack_trace", _problems)
    _params.raise_if(_problems)
    _headers: dict[str, str] = {
        "X-Amz-Target": "DataPipeline.SetTaskStatus",
        "Content-Type": "application/x-amz-json-1.1",
    }
    _body: dict[str, Any] = {}
    _body["taskId"] = task_id
    _body["taskStatus"] = TaskStatus(task_status).value
    if error_id is not None:
        _body["errorId"] = error_id
    if error_message is not None:
        _body["errorMessage"] = error_message
    if error_stack_trace is not None:
        _body["errorStackTrace"] = error_stack_trace
    return HttpRequest("POST", _endpoint + "/", _headers, json.dumps(_body).encode("utf-8"))


def deserialize_set_task_status(response: HttpResponse) -> SetTaskStatusOutput:
    """Parse the response of SetTaskStatus.

    Raises the modeled error on failure.
    """
    if not 200 <= response.status < 300:
        raise_error(response)
    data = response.json()
    if data is None:
        data = {}  # an empty body: every member absent
    result = SetTaskStatusOutput.from_dict(data)
    result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
    return result
