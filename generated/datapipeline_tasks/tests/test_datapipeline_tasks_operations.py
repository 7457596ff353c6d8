"""Every operation of DataPipelineClient against a stub transport: requests, responses,
errors.

Expected values come from the spec's bindings (computed by apismith from the service model),
not from the client's own serializers. Each test runs for the sync and the async client.
"""

from __future__ import annotations

import pytest
from datapipeline_tasks_stubs import check_request, invoke, response

from datapipeline_tasks import (
    DataPipelineError,
    InternalServiceError,
    InvalidRequestException,
    PipelineDeletedException,
    PipelineNotFoundException,
    TaskNotFoundException,
    TaskStatus,
)

CLIENTS = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


@CLIENTS
async def test_set_task_status_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "set_task_status",
        {
            "task_id": "taskId-1",
            "task_status": TaskStatus.FINISHED,
            "error_id": "errorId-1",
            "error_message": "errorMessage-1",
            "error_stack_trace": "errorStackTrace-1",
        },
        response(200, {}, {}),
    )
    check_request(
        sent[0],
        method="POST",
        path="/",
        query={},
        headers={
            "X-Amz-Target": "DataPipeline.SetTaskStatus",
            "Content-Type": "application/x-amz-json-1.1",
        },
        body={
            "taskId": "taskId-1",
            "taskStatus": "FINISHED",
            "errorId": "errorId-1",
            "errorMessage": "errorMessage-1",
            "errorStackTrace": "errorStackTrace-1",
        },
    )


@CLIENTS
async def test_set_task_status_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "set_task_status",
        {
            "task_id": "taskId-1",
            "task_status": TaskStatus.FINISHED,
        },
        response(200, {}, {}),
    )
    check_request(
        sent[0],
        method="POST",
        path="/",
        query={},
        headers={
            "X-Amz-Target": "DataPipeline.SetTaskStatus",
            "Content-Type": "application/x-amz-json-1.1",
        },
        body={"taskId": "taskId-1", "taskStatus": "FINISHED"},
    )


@CLIENTS
async def test_set_task_status_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "set_task_status",
        {
            "task_id": "taskId-1",
            "task_status": TaskStatus.FINISHED,
        },
        response(200, {}, {}),
    )
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 200


@CLIENTS
async def test_set_task_status_raises_internal_service_error(asynchronous: bool) -> None:
    with pytest.raises(InternalServiceError) as caught:
        await invoke(
            asynchronous,
            "set_task_status",
            {
                "task_id": "taskId-1",
                "task_status": TaskStatus.FINISHED,
            },
            response(
                500,
                {},
                {
                    "__type": "com.amazonaws.datapipeline#InternalServiceError",
                    "message": "message-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DataPipelineError)
    assert error.status_code == 500
    assert error.code == "InternalServiceError"
    assert error.message == "message-1"


@CLIENTS
async def test_set_task_status_raises_invalid_request_exception(asynchronous: bool) -> None:
    with pytest.raises(InvalidRequestException) as caught:
        await invoke(
            asynchronous,
            "set_task_status",
            {
                "task_id": "taskId-1",
                "task_status": TaskStatus.FINISHED,
            },
            response(
                400,
                {},
                {
                    "__type": "com.amazonaws.datapipeline#InvalidRequestException",
                    "message": "message-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DataPipelineError)
    assert error.status_code == 400
    assert error.code == "InvalidRequestException"
    assert error.message == "message-1"


@CLIENTS
async def test_set_task_status_raises_pipeline_deleted_exception(asynchronous: bool) -> None:
    with pytest.raises(PipelineDeletedException) as caught:
        await invoke(
            asynchronous,
            "set_task_status",
            {
                "task_id": "taskId-1",
                "task_status": TaskStatus.FINISHED,
            },
            response(
                400,
                {},
                {
                    "__type": "com.amazonaws.datapipeline#PipelineDeletedException",
                    "message": "message-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DataPipelineError)
    assert error.status_code == 400
    assert error.code == "PipelineDeletedException"
    assert error.message == "message-1"


@CLIENTS
async def test_set_task_status_raises_pipeline_not_found_exception(asynchronous: bool) -> None:
    with pytest.raises(PipelineNotFoundException) as caught:
        await invoke(
            asynchronous,
            "set_task_status",
            {
                "task_id": "taskId-1",
                "task_status": TaskStatus.FINISHED,
            },
            response(
                400,
                {},
                {
                    "__type": "com.amazonaws.datapipeline#PipelineNotFoundException",
                    "message": "message-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DataPipelineError)
    assert error.status_code == 400
    assert error.code == "PipelineNotFoundException"
    assert error.message == "message-1"


@CLIENTS
async def test_set_task_status_raises_task_not_found_exception(asynchronous: bool) -> None:
    with pytest.raises(TaskNotFoundException) as caught:
        await invoke(
            asynchronous,
            "set_task_status",
            {
                "task_id": "taskId-1",
                "task_status": TaskStatus.FINISHED,
            },
            response(
                400,
                {},
                {
                    "__type": "com.amazonaws.datapipeline#TaskNotFoundException",
                    "message": "message-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DataPipelineError)
    assert error.status_code == 400
    assert error.code == "TaskNotFoundException"
    assert error.message == "message-1"


@CLIENTS
async def test_set_task_status_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(DataPipelineError) as caught:
        await invoke(
            asynchronous,
            "set_task_status",
            {
                "task_id": "taskId-1",
                "task_status": TaskStatus.FINISHED,
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is DataPipelineError
    assert caught.value.status_code == 502
    assert caught.value.code == "502"
