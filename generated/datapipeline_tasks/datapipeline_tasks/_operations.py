"""Request serializers and response deserializers, one pair per operation (AWS_JSON_1_1).

Shared by the sync and the async client: these functions do no I/O.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Mapping
from typing import Any, NoReturn

from ._runtime import _wire
from ._runtime._http import HttpRequest, HttpResponse
from .errors import ERRORS_BY_CODE, DataPipelineError
from .models import SetTaskStatusOutput, TaskStatus

REQUEST_ID_HEADER = "x-amzn-RequestId"


def _query_string(query: list[tuple[str, str]]) -> str:
    return "&".join(_wire.quote_query(k) + "=" + _wire.quote_query(v) for k, v in query)


def _body(response: HttpResponse) -> Mapping[str, Any]:
    """The JSON body of a response as a mapping ({} for empty or non-JSON bodies)."""
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _error_body(response: HttpResponse) -> Mapping[str, Any]:
    """The JSON body of an error response; a body that is not JSON is the message (botocore)."""
    try:
        data = response.json()
    except ValueError:
        return {"message": response.text()}
    return data if isinstance(data, dict) else {}


def _is_generic_error(response: HttpResponse) -> bool:
    """A 5xx with an empty or HTML body (a proxy's answer, not the service's): botocore then
    ignores any error type and reports the status and its reason phrase."""
    body = response.body.strip()
    return response.status >= 500 and (not body or body.startswith(b"<html>"))


def _sanitize_code(code: str) -> str:
    # "aws.protocoltests#Throttling:http://..." -> "Throttling"
    return code.split(":", 1)[0].rsplit("#", 1)[-1].strip()


def error_code(response: HttpResponse) -> str | None:
    """The error code of an error response, by the AWS_JSON_1_1 rules."""
    if _is_generic_error(response):
        return None
    data = _body(response)
    code = data.get("__type")
    return _sanitize_code(str(code)) if code else None


def raise_error(response: HttpResponse) -> NoReturn:
    """Turn an error response into the modeled exception (or the base class)."""
    data = _error_body(response)
    code = error_code(response) or str(response.status)
    if _is_generic_error(response):
        message = http.client.responses.get(response.status, "")
    else:
        message = data.get("message", data.get("Message", ""))
    base: dict[str, Any] = {
        "message": str(message) if message is not None else "",
        "status_code": response.status,
        "code": code,
        "request_id": response.headers.get(REQUEST_ID_HEADER, ""),
        "headers": dict(response.headers.multi_items()),
        "body": response.body,
    }
    cls = ERRORS_BY_CODE.get(code)
    if cls is not None:
        raise cls._from_response(response, data, **base)
    raise DataPipelineError(**base)


def serialize_set_task_status(
    endpoint: str,
    *,
    task_id: str,
    task_status: TaskStatus | str,
    error_id: str | None = None,
    error_message: str | None = None,
    error_stack_trace: str | None = None,
) -> HttpRequest:
    """Build the POST request of SetTaskStatus."""
    headers: dict[str, str] = {
        "X-Amz-Target": "DataPipeline.SetTaskStatus",
        "Content-Type": "application/x-amz-json-1.1",
    }
    body: dict[str, Any] = {}
    body["taskId"] = task_id
    body["taskStatus"] = TaskStatus(task_status).value
    if error_id is not None:
        body["errorId"] = error_id
    if error_message is not None:
        body["errorMessage"] = error_message
    if error_stack_trace is not None:
        body["errorStackTrace"] = error_stack_trace
    return HttpRequest("POST", endpoint + "/", headers, json.dumps(body).encode("utf-8"))


def deserialize_set_task_status(response: HttpResponse) -> SetTaskStatusOutput:
    """Parse the response of SetTaskStatus.

    Raises the modeled error on failure.
    """
    if not 200 <= response.status < 300:
        raise_error(response)
    data = response.json()
    if not isinstance(data, dict):
        data = {}
    result = SetTaskStatusOutput.from_dict(data)
    result.response_metadata = _wire.metadata(response, REQUEST_ID_HEADER)
    return result
