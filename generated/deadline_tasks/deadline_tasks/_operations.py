"""Request serializers and response deserializers, one pair per operation (REST_JSON1).

Shared by the sync and the async client: these functions do no I/O.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Mapping
from typing import Any, NoReturn

from ._runtime import _wire
from ._runtime._http import HttpRequest, HttpResponse
from .errors import ERRORS_BY_CODE, DeadlineError
from .models import GetTaskResponse, TaskTargetRunStatus, UpdateTaskResponse

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
    """The error code of an error response, by the REST_JSON1 rules."""
    if _is_generic_error(response):
        return None
    data = _body(response)
    code = response.headers.get("x-amzn-errortype") or data.get("code") or data.get("Code")
    code = code or data.get("__type")
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
    raise DeadlineError(**base)


def serialize_get_task(
    endpoint: str,
    *,
    farm_id: str,
    queue_id: str,
    job_id: str,
    step_id: str,
    task_id: str,
) -> HttpRequest:
    """Build the GET request of GetTask."""
    url = (
        endpoint
        + "/2023-10-12/farms/"
        + _wire.quote_label(farm_id)
        + "/queues/"
        + _wire.quote_label(queue_id)
        + "/jobs/"
        + _wire.quote_label(job_id)
        + "/steps/"
        + _wire.quote_label(step_id)
        + "/tasks/"
        + _wire.quote_label(task_id)
    )
    headers: dict[str, str] = {}
    data = None
    return HttpRequest("GET", url, headers, data)


def deserialize_get_task(response: HttpResponse) -> GetTaskResponse:
    """Parse the response of GetTask.

    Raises the modeled error on failure.
    """
    if not 200 <= response.status < 300:
        raise_error(response)
    data = response.json()
    if not isinstance(data, dict):
        data = {}
    result = GetTaskResponse.from_dict(data)
    # As botocore's rest-json parser: x-amz-request-id when x-amzn-RequestId is absent.
    result.response_metadata = _wire.metadata(response, REQUEST_ID_HEADER, "x-amz-request-id")
    return result


def serialize_update_task(
    endpoint: str,
    *,
    target_run_status: TaskTargetRunStatus | str,
    farm_id: str,
    queue_id: str,
    job_id: str,
    step_id: str,
    task_id: str,
    client_token: str | None = None,
) -> HttpRequest:
    """Build the PATCH request of UpdateTask."""
    url = (
        endpoint
        + "/2023-10-12/farms/"
        + _wire.quote_label(farm_id)
        + "/queues/"
        + _wire.quote_label(queue_id)
        + "/jobs/"
        + _wire.quote_label(job_id)
        + "/steps/"
        + _wire.quote_label(step_id)
        + "/tasks/"
        + _wire.quote_label(task_id)
    )
    headers: dict[str, str] = {}
    if client_token is not None:
        headers["X-Amz-Client-Token"] = client_token
    body: dict[str, Any] = {}
    body["targetRunStatus"] = TaskTargetRunStatus(target_run_status).value
    data: bytes | None = json.dumps(body).encode("utf-8")
    headers["Content-Type"] = "application/json"
    return HttpRequest("PATCH", url, headers, data)


def deserialize_update_task(response: HttpResponse) -> UpdateTaskResponse:
    """Parse the response of UpdateTask.

    Raises the modeled error on failure.
    """
    if not 200 <= response.status < 300:
        raise_error(response)
    data = response.json()
    if not isinstance(data, dict):
        data = {}
    result = UpdateTaskResponse.from_dict(data)
    # As botocore's rest-json parser: x-amz-request-id when x-amzn-RequestId is absent.
    result.response_metadata = _wire.metadata(response, REQUEST_ID_HEADER, "x-amz-request-id")
    return result
