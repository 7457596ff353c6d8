"""Request serializers and response deserializers, one pair per operation (restJson1).

Shared by the sync and the async client: these functions do no I/O.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from ._runtime import _params, _wire
from ._runtime import _restjson1 as _protocol
from ._runtime._http import HttpRequest, HttpResponse
from ._runtime._protocol import request_id
from .errors import ERRORS_BY_CODE, DeadlineError
from .models import GetTaskResponse, TaskTargetRunStatus, UpdateTaskResponse

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
    raise DeadlineError(**base)


def serialize_get_task(
    _endpoint: str,
    *,
    farm_id: str,
    queue_id: str,
    job_id: str,
    step_id: str,
    task_id: str,
) -> HttpRequest:
    """Build the GET request of GetTask."""
    # Checked before sending, as botocore checks them (all problems reported at once).
    _problems: list[str] = []
    _params.check_required(farm_id, "farm_id", _problems)
    _params.check_required(queue_id, "queue_id", _problems)
    _params.check_required(job_id, "job_id", _problems)
    _params.check_required(step_id, "step_id", _problems)
    _params.check_required(task_id, "task_id", _problems)
    _params.raise_if(_problems)
    _url = (
        _endpoint
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
    _headers: dict[str, str] = {}
    _data = None
    return HttpRequest("GET", _url, _headers, _data)


def deserialize_get_task(response: HttpResponse) -> GetTaskResponse:
    """Parse the response of GetTask.

    Raises the modeled error on failure.
    """
    if not 200 <= response.status < 300:
        raise_error(response)
    data = response.json()
    if data is None:
        data = {}  # an empty body: every member absent
    result = GetTaskResponse.from_dict(data)
    result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
    return result


def serialize_update_task(
    _endpoint: str,
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
    # Checked before sending, as botocore checks them (all problems reported at once).
    _problems: list[str] = []
    if client_token is not None:
        _params.check_min_length(client_token, 1, "client_token", _problems)
    _params.check_required(target_run_status, "target_run_status", _problems)
    _params.check_required(farm_id, "farm_id", _problems)
    _params.check_required(queue_id, "queue_id", _problems)
    _params.check_required(job_id, "job_id", _problems)
    _params.check_required(step_id, "step_id", _problems)
    _params.check_required(task_id, "task_id", _problems)
    _params.raise_if(_problems)
    _url = (
        _endpoint
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
    _headers: dict[str, str] = {}
    if client_token is not None:
        _headers["X-Amz-Client-Token"] = client_token
    _body: dict[str, Any] = {}
    _body["targetRunStatus"] = TaskTargetRunStatus(target_run_status).value
    _data = json.dumps(_body).encode("utf-8")
    _headers["Content-Type"] = "application/json"
    return HttpRequest("PATCH", _url, _headers, _data)


def deserialize_update_task(response: HttpResponse) -> UpdateTaskResponse:
    """Parse the response of UpdateTask.

    Raises the modeled error on failure.
    """
    if not 200 <= response.status < 300:
        raise_error(response)
    data = response.json()
    if data is None:
        data = {}  # an empty body: every member absent
    result = UpdateTaskResponse.from_dict(data)
    result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
    return result
