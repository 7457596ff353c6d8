"""Request serializers and response deserializers, one pair per operation (azure).

Shared by the sync and the async client: these functions do no I/O.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, NoReturn

from ._runtime import _azure as _protocol
from ._runtime import _styles, _wire
from ._runtime._http import HttpRequest, HttpResponse
from ._runtime._protocol import request_id
from .errors import STATUS_ERRORS, BatchError, BatchServiceError
from .models import (
    CloudTask,
    CloudTaskListResult,
    CloudTaskListSubtasksResult,
    TaskAddCollectionParameter,
    TaskAddCollectionResult,
    TaskAddParameter,
    TaskAddResponse,
    TaskDeleteResponse,
    TaskReactivateResponse,
    TaskTerminateResponse,
    TaskUpdateParameter,
    TaskUpdateResponse,
)

# The protocol's error-code reader; the retry layer uses it to spot throttling.
error_code = _protocol.error_code
# The response headers carrying the service's request id (errors, metadata, the debug log).
REQUEST_ID_HEADERS = _protocol.REQUEST_ID_HEADERS


def _query_string(query: list[tuple[str, str | None]]) -> str:
    # A None value is a bare key: a constant query part such as `?list-type` in a URI.
    return "&".join(
        _wire.quote_query_name(k) + ("" if v is None else "=" + _wire.quote_query(v))
        for k, v in query
    )


def raise_for(response: HttpResponse, error: type[BatchServiceError] | None) -> NoReturn:
    """Raise `error`, the exception of the body declared for this status (the base class when
    none is declared); a body that is not that error's still raises it, with the basics."""
    parsed = _protocol.parse_error(response)
    base: dict[str, Any] = {
        "message": parsed.message,
        "status_code": response.status,
        "code": parsed.code or None,
        "request_id": request_id(response, _protocol.REQUEST_ID_HEADERS),
        "headers": dict(response.headers.multi_items()),
        "body": response.body,
    }
    # The platform's class for this status (ResourceNotFoundError...) when it is the declared
    # error's kind, so `except` on either catches it.
    status_error = STATUS_ERRORS.get(response.status)
    if status_error is not None and (error is None or issubclass(status_error, error)):
        error = status_error
    if error is None:
        raise BatchServiceError(**base)
    try:
        exc = error._from_response(response, parsed.data, **base)
    except _wire.PARSE_ERRORS:
        exc = error(**base)
    raise exc


def serialize_task_list(
    _endpoint: str,
    api_version: str,
    *,
    job_id: str,
    filter: str | None = None,
    select: str | None = None,
    expand: str | None = None,
    maxresults: int | None = None,
    timeout: int | None = None,
    client_request_id: str | None = None,
    return_client_request_id: bool | None = None,
    ocp_date: datetime | None = None,
) -> HttpRequest:
    """Build the GET request of Task_List."""
    if maxresults is not None and not 1 <= maxresults <= 1000:
        raise ValueError("maxresults must be from 1 to 1000, got " + repr(maxresults))
    _url = (
        _endpoint
        + "/jobs/"
        + _styles.path("jobId", job_id, style="simple", explode=False)
        + "/tasks"
    )
    _query: list[tuple[str, str]] = [
        ("api-version", _wire.quote_query(api_version)),
    ]
    if filter is not None:
        _query.extend(_styles.query("$filter", filter, style="form", explode=True, name_safe="$"))
    if select is not None:
        _query.extend(_styles.query("$select", select, style="form", explode=True, name_safe="$"))
    if expand is not None:
        _query.extend(_styles.query("$expand", expand, style="form", explode=True, name_safe="$"))
    if maxresults is not None:
        _query.extend(
            _styles.query(
                "maxresults",
                _wire.number_text(maxresults),
                style="form",
                explode=True,
                name_safe="$",
            )
        )
    if timeout is not None:
        _query.extend(
            _styles.query(
                "timeout", _wire.number_text(timeout), style="form", explode=True, name_safe="$"
            )
        )
    if _query:
        _url += "?" + "&".join(k + "=" + v for k, v in _query)
    _headers: dict[str, str] = {}
    if client_request_id is not None:
        _headers["client-request-id"] = _styles.header(client_request_id, explode=False)
    if return_client_request_id is not None:
        _headers["return-client-request-id"] = _styles.header(
            ("true" if return_client_request_id else "false"), explode=False
        )
    if ocp_date is not None:
        _headers["ocp-date"] = _styles.header(
            _wire.format_timestamp_text(ocp_date, "http-date"), explode=False
        )
    _data = None
    return HttpRequest("GET", _url, _headers, _data)


def deserialize_task_list(response: HttpResponse) -> CloudTaskListResult:
    """Parse the response of Task_List.

    Raises the modeled error on failure.
    """
    if response.status == 200:
        result = CloudTaskListResult.from_dict(_wire.json_mapping(response))

        result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
        return result

    raise_for(response, BatchError)


def serialize_task_add(
    _endpoint: str,
    api_version: str,
    *,
    job_id: str,
    task: TaskAddParameter,
    timeout: int | None = None,
    client_request_id: str | None = None,
    return_client_request_id: bool | None = None,
    ocp_date: datetime | None = None,
) -> HttpRequest:
    """Build the POST request of Task_Add."""
    _url = (
        _endpoint
        + "/jobs/"
        + _styles.path("jobId", job_id, style="simple", explode=False)
        + "/tasks"
    )
    _query: list[tuple[str, str]] = [
        ("api-version", _wire.quote_query(api_version)),
    ]
    if timeout is not None:
        _query.extend(
            _styles.query(
                "timeout", _wire.number_text(timeout), style="form", explode=True, name_safe="$"
            )
        )
    if _query:
        _url += "?" + "&".join(k + "=" + v for k, v in _query)
    _headers: dict[str, str] = {}
    if client_request_id is not None:
        _headers["client-request-id"] = _styles.header(client_request_id, explode=False)
    if return_client_request_id is not None:
        _headers["return-client-request-id"] = _styles.header(
            ("true" if return_client_request_id else "false"), explode=False
        )
    if ocp_date is not None:
        _headers["ocp-date"] = _styles.header(
            _wire.format_timestamp_text(ocp_date, "http-date"), explode=False
        )
    _data = json.dumps(task.to_wire()).encode("utf-8")
    _headers["Content-Type"] = "application/json; odata=minimalmetadata"

    return HttpRequest("POST", _url, _headers, _data)


def deserialize_task_add(response: HttpResponse) -> TaskAddResponse:
    """Parse the response of Task_Add.

    Raises the modeled error on failure.
    """
    if response.status == 201:
        result = TaskAddResponse()

        key = ""
        try:
            key = "client-request-id"
            value = response.headers.get(key)
            if value is not None:
                result.client_request_id = value
            key = "request-id"
            value = response.headers.get(key)
            if value is not None:
                result.request_id = value
            key = "ETag"
            value = response.headers.get(key)
            if value is not None:
                result.etag = value
            key = "Last-Modified"
            value = response.headers.get(key)
            if value is not None:
                result.last_modified = _wire.parse_timestamp(value, "http-date")
            key = "DataServiceId"
            value = response.headers.get(key)
            if value is not None:
                result.data_service_id = value
        except _wire.CONVERSION_ERRORS as err:
            raise _wire.bad_field("TaskAddResponse", key, err) from err
        result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
        return result

    raise_for(response, BatchError)


def serialize_task_add_collection(
    _endpoint: str,
    api_version: str,
    *,
    job_id: str,
    task_collection: TaskAddCollectionParameter,
    timeout: int | None = None,
    client_request_id: str | None = None,
    return_client_request_id: bool | None = None,
    ocp_date: datetime | None = None,
) -> HttpRequest:
    """Build the POST request of Task_AddCollection."""
    _url = (
        _endpoint
        + "/jobs/"
        + _styles.path("jobId", job_id, style="simple", explode=False)
        + "/addtaskcollection"
    )
    _query: list[tuple[str, str]] = [
        ("api-version", _wire.quote_query(api_version)),
    ]
    if timeout is not None:
        _query.extend(
            _styles.query(
                "timeout", _wire.number_text(timeout), style="form", explode=True, name_safe="$"
            )
        )
    if _query:
        _url += "?" + "&".join(k + "=" + v for k, v in _query)
    _headers: dict[str, str] = {}
    if client_request_id is not None:
        _headers["client-request-id"] = _styles.header(client_request_id, explode=False)
    if return_client_request_id is not None:
        _headers["return-client-request-id"] = _styles.header(
            ("true" if return_client_request_id else "false"), explode=False
        )
    if ocp_date is not None:
        _headers["ocp-date"] = _styles.header(
            _wire.format_timestamp_text(ocp_date, "http-date"), explode=False
        )
    _data = json.dumps(task_collection.to_wire()).encode("utf-8")
    _headers["Content-Type"] = "application/json; odata=minimalmetadata"

    return HttpRequest("POST", _url, _headers, _data)


def deserialize_task_add_collection(response: HttpResponse) -> TaskAddCollectionResult:
    """Parse the response of Task_AddCollection.

    Raises the modeled error on failure.
    """
    if response.status == 200:
        result = TaskAddCollectionResult.from_dict(_wire.json_mapping(response))

        result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
        return result

    raise_for(response, BatchError)


def serialize_task_get(
    _endpoint: str,
    api_version: str,
    *,
    job_id: str,
    task_id: str,
    select: str | None = None,
    expand: str | None = None,
    timeout: int | None = None,
    client_request_id: str | None = None,
    return_client_request_id: bool | None = None,
    ocp_date: datetime | None = None,
    if_match: str | None = None,
    if_none_match: str | None = None,
    if_modified_since: datetime | None = None,
    if_unmodified_since: datetime | None = None,
) -> HttpRequest:
    """Build the GET request of Task_Get."""
    _url = (
        _endpoint
        + "/jobs/"
        + _styles.path("jobId", job_id, style="simple", explode=False)
        + "/tasks/"
        + _styles.path("taskId", task_id, style="simple", explode=False)
    )
    _query: list[tuple[str, str]] = [
        ("api-version", _wire.quote_query(api_version)),
    ]
    if select is not None:
        _query.extend(_styles.query("$select", select, style="form", explode=True, name_safe="$"))
    if expand is not None:
        _query.extend(_styles.query("$expand", expand, style="form", explode=True, name_safe="$"))
    if timeout is not None:
        _query.extend(
            _styles.query(
                "timeout", _wire.number_text(timeout), style="form", explode=True, name_safe="$"
            )
        )
    if _query:
        _url += "?" + "&".join(k + "=" + v for k, v in _query)
    _headers: dict[str, str] = {}
    if client_request_id is not None:
        _headers["client-request-id"] = _styles.header(client_request_id, explode=False)
    if return_client_request_id is not None:
        _headers["return-client-request-id"] = _styles.header(
            ("true" if return_client_request_id else "false"), explode=False
        )
    if ocp_date is not None:
        _headers["ocp-date"] = _styles.header(
            _wire.format_timestamp_text(ocp_date, "http-date"), explode=False
        )
    if if_match is not None:
        _headers["If-Match"] = _styles.header(if_match, explode=False)
    if if_none_match is not None:
        _headers["If-None-Match"] = _styles.header(if_none_match, explode=False)
    if if_modified_since is not None:
        _headers["If-Modified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_modified_since, "http-date"), explode=False
        )
    if if_unmodified_since is not None:
        _headers["If-Unmodified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_unmodified_since, "http-date"), explode=False
        )
    _data = None
    return HttpRequest("GET", _url, _headers, _data)


def deserialize_task_get(response: HttpResponse) -> CloudTask:
    """Parse the response of Task_Get.

    Raises the modeled error on failure.
    """
    if response.status == 200:
        result = CloudTask.from_dict(_wire.json_mapping(response))

        result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
        return result

    raise_for(response, BatchError)


def serialize_task_update(
    _endpoint: str,
    api_version: str,
    *,
    job_id: str,
    task_id: str,
    task_update_parameter: TaskUpdateParameter,
    timeout: int | None = None,
    client_request_id: str | None = None,
    return_client_request_id: bool | None = None,
    ocp_date: datetime | None = None,
    if_match: str | None = None,
    if_none_match: str | None = None,
    if_modified_since: datetime | None = None,
    if_unmodified_since: datetime | None = None,
) -> HttpRequest:
    """Build the PUT request of Task_Update."""
    _url = (
        _endpoint
        + "/jobs/"
        + _styles.path("jobId", job_id, style="simple", explode=False)
        + "/tasks/"
        + _styles.path("taskId", task_id, style="simple", explode=False)
    )
    _query: list[tuple[str, str]] = [
        ("api-version", _wire.quote_query(api_version)),
    ]
    if timeout is not None:
        _query.extend(
            _styles.query(
                "timeout", _wire.number_text(timeout), style="form", explode=True, name_safe="$"
            )
        )
    if _query:
        _url += "?" + "&".join(k + "=" + v for k, v in _query)
    _headers: dict[str, str] = {}
    if client_request_id is not None:
        _headers["client-request-id"] = _styles.header(client_request_id, explode=False)
    if return_client_request_id is not None:
        _headers["return-client-request-id"] = _styles.header(
            ("true" if return_client_request_id else "false"), explode=False
        )
    if ocp_date is not None:
        _headers["ocp-date"] = _styles.header(
            _wire.format_timestamp_text(ocp_date, "http-date"), explode=False
        )
    if if_match is not None:
        _headers["If-Match"] = _styles.header(if_match, explode=False)
    if if_none_match is not None:
        _headers["If-None-Match"] = _styles.header(if_none_match, explode=False)
    if if_modified_since is not None:
        _headers["If-Modified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_modified_since, "http-date"), explode=False
        )
    if if_unmodified_since is not None:
        _headers["If-Unmodified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_unmodified_since, "http-date"), explode=False
        )
    _data = json.dumps(task_update_parameter.to_wire()).encode("utf-8")
    _headers["Content-Type"] = "application/json; odata=minimalmetadata"

    return HttpRequest("PUT", _url, _headers, _data)


def deserialize_task_update(response: HttpResponse) -> TaskUpdateResponse:
    """Parse the response of Task_Update.

    Raises the modeled error on failure.
    """
    if response.status == 200:
        result = TaskUpdateResponse()

        key = ""
        try:
            key = "client-request-id"
            value = response.headers.get(key)
            if value is not None:
                result.client_request_id = value
            key = "request-id"
            value = response.headers.get(key)
            if value is not None:
                result.request_id = value
            key = "ETag"
            value = response.headers.get(key)
            if value is not None:
                result.etag = value
            key = "Last-Modified"
            value = response.headers.get(key)
            if value is not None:
                result.last_modified = _wire.parse_timestamp(value, "http-date")
            key = "DataServiceId"
            value = response.headers.get(key)
            if value is not None:
                result.data_service_id = value
        except _wire.CONVERSION_ERRORS as err:
            raise _wire.bad_field("TaskUpdateResponse", key, err) from err
        result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
        return result

    raise_for(response, BatchError)


def serialize_task_delete(
    _endpoint: str,
    api_version: str,
    *,
    job_id: str,
    task_id: str,
    timeout: int | None = None,
    client_request_id: str | None = None,
    return_client_request_id: bool | None = None,
    ocp_date: datetime | None = None,
    if_match: str | None = None,
    if_none_match: str | None = None,
    if_modified_since: datetime | None = None,
    if_unmodified_since: datetime | None = None,
) -> HttpRequest:
    """Build the DELETE request of Task_Delete."""
    _url = (
        _endpoint
        + "/jobs/"
        + _styles.path("jobId", job_id, style="simple", explode=False)
        + "/tasks/"
        + _styles.path("taskId", task_id, style="simple", explode=False)
    )
    _query: list[tuple[str, str]] = [
        ("api-version", _wire.quote_query(api_version)),
    ]
    if timeout is not None:
        _query.extend(
            _styles.query(
                "timeout", _wire.number_text(timeout), style="form", explode=True, name_safe="$"
            )
        )
    if _query:
        _url += "?" + "&".join(k + "=" + v for k, v in _query)
    _headers: dict[str, str] = {}
    if client_request_id is not None:
        _headers["client-request-id"] = _styles.header(client_request_id, explode=False)
    if return_client_request_id is not None:
        _headers["return-client-request-id"] = _styles.header(
            ("true" if return_client_request_id else "false"), explode=False
        )
    if ocp_date is not None:
        _headers["ocp-date"] = _styles.header(
            _wire.format_timestamp_text(ocp_date, "http-date"), explode=False
        )
    if if_match is not None:
        _headers["If-Match"] = _styles.header(if_match, explode=False)
    if if_none_match is not None:
        _headers["If-None-Match"] = _styles.header(if_none_match, explode=False)
    if if_modified_since is not None:
        _headers["If-Modified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_modified_since, "http-date"), explode=False
        )
    if if_unmodified_since is not None:
        _headers["If-Unmodified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_unmodified_since, "http-date"), explode=False
        )
    _data = None
    # Framed as the official SDK frames it, whatever the transport; signatures cover it.
    _headers["Content-Length"] = "0"
    return HttpRequest("DELETE", _url, _headers, _data)


def deserialize_task_delete(response: HttpResponse) -> TaskDeleteResponse:
    """Parse the response of Task_Delete.

    Raises the modeled error on failure.
    """
    if response.status == 200:
        result = TaskDeleteResponse()

        key = ""
        try:
            key = "client-request-id"
            value = response.headers.get(key)
            if value is not None:
                result.client_request_id = value
            key = "request-id"
            value = response.headers.get(key)
            if value is not None:
                result.request_id = value
        except _wire.CONVERSION_ERRORS as err:
            raise _wire.bad_field("TaskDeleteResponse", key, err) from err
        result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
        return result

    raise_for(response, BatchError)


def serialize_task_list_subtasks(
    _endpoint: str,
    api_version: str,
    *,
    job_id: str,
    task_id: str,
    select: str | None = None,
    timeout: int | None = None,
    client_request_id: str | None = None,
    return_client_request_id: bool | None = None,
    ocp_date: datetime | None = None,
) -> HttpRequest:
    """Build the GET request of Task_ListSubtasks."""
    _url = (
        _endpoint
        + "/jobs/"
        + _styles.path("jobId", job_id, style="simple", explode=False)
        + "/tasks/"
        + _styles.path("taskId", task_id, style="simple", explode=False)
        + "/subtasksinfo"
    )
    _query: list[tuple[str, str]] = [
        ("api-version", _wire.quote_query(api_version)),
    ]
    if select is not None:
        _query.extend(_styles.query("$select", select, style="form", explode=True, name_safe="$"))
    if timeout is not None:
        _query.extend(
            _styles.query(
                "timeout", _wire.number_text(timeout), style="form", explode=True, name_safe="$"
            )
        )
    if _query:
        _url += "?" + "&".join(k + "=" + v for k, v in _query)
    _headers: dict[str, str] = {}
    if client_request_id is not None:
        _headers["client-request-id"] = _styles.header(client_request_id, explode=False)
    if return_client_request_id is not None:
        _headers["return-client-request-id"] = _styles.header(
            ("true" if return_client_request_id else "false"), explode=False
        )
    if ocp_date is not None:
        _headers["ocp-date"] = _styles.header(
            _wire.format_timestamp_text(ocp_date, "http-date"), explode=False
        )
    _data = None
    return HttpRequest("GET", _url, _headers, _data)


def deserialize_task_list_subtasks(response: HttpResponse) -> CloudTaskListSubtasksResult:
    """Parse the response of Task_ListSubtasks.

    Raises the modeled error on failure.
    """
    if response.status == 200:
        result = CloudTaskListSubtasksResult.from_dict(_wire.json_mapping(response))

        result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
        return result

    raise_for(response, BatchError)


def serialize_task_terminate(
    _endpoint: str,
    api_version: str,
    *,
    job_id: str,
    task_id: str,
    timeout: int | None = None,
    client_request_id: str | None = None,
    return_client_request_id: bool | None = None,
    ocp_date: datetime | None = None,
    if_match: str | None = None,
    if_none_match: str | None = None,
    if_modified_since: datetime | None = None,
    if_unmodified_since: datetime | None = None,
) -> HttpRequest:
    """Build the POST request of Task_Terminate."""
    _url = (
        _endpoint
        + "/jobs/"
        + _styles.path("jobId", job_id, style="simple", explode=False)
        + "/tasks/"
        + _styles.path("taskId", task_id, style="simple", explode=False)
        + "/terminate"
    )
    _query: list[tuple[str, str]] = [
        ("api-version", _wire.quote_query(api_version)),
    ]
    if timeout is not None:
        _query.extend(
            _styles.query(
                "timeout", _wire.number_text(timeout), style="form", explode=True, name_safe="$"
            )
        )
    if _query:
        _url += "?" + "&".join(k + "=" + v for k, v in _query)
    _headers: dict[str, str] = {}
    if client_request_id is not None:
        _headers["client-request-id"] = _styles.header(client_request_id, explode=False)
    if return_client_request_id is not None:
        _headers["return-client-request-id"] = _styles.header(
            ("true" if return_client_request_id else "false"), explode=False
        )
    if ocp_date is not None:
        _headers["ocp-date"] = _styles.header(
            _wire.format_timestamp_text(ocp_date, "http-date"), explode=False
        )
    if if_match is not None:
        _headers["If-Match"] = _styles.header(if_match, explode=False)
    if if_none_match is not None:
        _headers["If-None-Match"] = _styles.header(if_none_match, explode=False)
    if if_modified_since is not None:
        _headers["If-Modified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_modified_since, "http-date"), explode=False
        )
    if if_unmodified_since is not None:
        _headers["If-Unmodified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_unmodified_since, "http-date"), explode=False
        )
    _data = None
    # Framed as the official SDK frames it, whatever the transport; signatures cover it.
    _headers["Content-Length"] = "0"
    return HttpRequest("POST", _url, _headers, _data)


def deserialize_task_terminate(response: HttpResponse) -> TaskTerminateResponse:
    """Parse the response of Task_Terminate.

    Raises the modeled error on failure.
    """
    if response.status == 204:
        result = TaskTerminateResponse()

        key = ""
        try:
            key = "client-request-id"
            value = response.headers.get(key)
            if value is not None:
                result.client_request_id = value
            key = "request-id"
            value = response.headers.get(key)
            if value is not None:
                result.request_id = value
            key = "ETag"
            value = response.headers.get(key)
            if value is not None:
                result.etag = value
            key = "Last-Modified"
            value = response.headers.get(key)
            if value is not None:
                result.last_modified = _wire.parse_timestamp(value, "http-date")
            key = "DataServiceId"
            value = response.headers.get(key)
            if value is not None:
                result.data_service_id = value
        except _wire.CONVERSION_ERRORS as err:
            raise _wire.bad_field("TaskTerminateResponse", key, err) from err
        result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
        return result

    raise_for(response, BatchError)


def serialize_task_reactivate(
    _endpoint: str,
    api_version: str,
    *,
    job_id: str,
    task_id: str,
    timeout: int | None = None,
    client_request_id: str | None = None,
    return_client_request_id: bool | None = None,
    ocp_date: datetime | None = None,
    if_match: str | None = None,
    if_none_match: str | None = None,
    if_modified_since: datetime | None = None,
    if_unmodified_since: datetime | None = None,
) -> HttpRequest:
    """Build the POST request of Task_Reactivate."""
    _url = (
        _endpoint
        + "/jobs/"
        + _styles.path("jobId", job_id, style="simple", explode=False)
        + "/tasks/"
        + _styles.path("taskId", task_id, style="simple", explode=False)
        + "/reactivate"
    )
    _query: list[tuple[str, str]] = [
        ("api-version", _wire.quote_query(api_version)),
    ]
    if timeout is not None:
        _query.extend(
            _styles.query(
                "timeout", _wire.number_text(timeout), style="form", explode=True, name_safe="$"
            )
        )
    if _query:
        _url += "?" + "&".join(k + "=" + v for k, v in _query)
    _headers: dict[str, str] = {}
    if client_request_id is not None:
        _headers["client-request-id"] = _styles.header(client_request_id, explode=False)
    if return_client_request_id is not None:
        _headers["return-client-request-id"] = _styles.header(
            ("true" if return_client_request_id else "false"), explode=False
        )
    if ocp_date is not None:
        _headers["ocp-date"] = _styles.header(
            _wire.format_timestamp_text(ocp_date, "http-date"), explode=False
        )
    if if_match is not None:
        _headers["If-Match"] = _styles.header(if_match, explode=False)
    if if_none_match is not None:
        _headers["If-None-Match"] = _styles.header(if_none_match, explode=False)
    if if_modified_since is not None:
        _headers["If-Modified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_modified_since, "http-date"), explode=False
        )
    if if_unmodified_since is not None:
        _headers["If-Unmodified-Since"] = _styles.header(
            _wire.format_timestamp_text(if_unmodified_since, "http-date"), explode=False
        )
    _data = None
    # Framed as the official SDK frames it, whatever the transport; signatures cover it.
    _headers["Content-Length"] = "0"
    return HttpRequest("POST", _url, _headers, _data)


def deserialize_task_reactivate(response: HttpResponse) -> TaskReactivateResponse:
    """Parse the response of Task_Reactivate.

    Raises the modeled error on failure.
    """
    if response.status == 204:
        result = TaskReactivateResponse()

        key = ""
        try:
            key = "client-request-id"
            value = response.headers.get(key)
            if value is not None:
                result.client_request_id = value
            key = "request-id"
            value = response.headers.get(key)
            if value is not None:
                result.request_id = value
            key = "ETag"
            value = response.headers.get(key)
            if value is not None:
                result.etag = value
            key = "Last-Modified"
            value = response.headers.get(key)
            if value is not None:
                result.last_modified = _wire.parse_timestamp(value, "http-date")
            key = "DataServiceId"
            value = response.headers.get(key)
            if value is not None:
                result.data_service_id = value
        except _wire.CONVERSION_ERRORS as err:
            raise _wire.bad_field("TaskReactivateResponse", key, err) from err
        result.response_metadata = _wire.metadata(response, *_protocol.REQUEST_ID_HEADERS)
        return result

    raise_for(response, BatchError)
