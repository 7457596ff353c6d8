"""Every operation of DeadlineClient against a stub transport: requests, responses, errors.

Expected values come from the spec's bindings (computed by apismith from the service model),
not from the client's own serializers. Each test runs for the sync and the async client.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from deadline_tasks_stubs import check_request, invoke, response

from deadline_tasks import (
    AccessDeniedException,
    ConflictException,
    ConflictExceptionReason,
    DeadlineError,
    InternalServerErrorException,
    ResourceNotFoundException,
    TaskParameterValueInt,
    TaskRunStatus,
    TaskTargetRunStatus,
    ThrottlingException,
    ValidationException,
    ValidationExceptionField,
    ValidationExceptionReason,
)

CLIENTS = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


@CLIENTS
async def test_get_task_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "get_task",
        {
            "farm_id": "farmId-1",
            "queue_id": "queueId-1",
            "job_id": "jobId-1",
            "step_id": "stepId-1",
            "task_id": "taskId-1",
        },
        response(
            200,
            {},
            {
                "createdAt": "2024-01-02T03:04:05Z",
                "createdBy": "createdBy-1",
                "endedAt": "2024-01-02T03:04:05Z",
                "failureRetryCount": 3,
                "latestSessionActionId": "latestSessionActionId-1",
                "parameters": {"key": {"int": "int-1"}},
                "runStatus": "PENDING",
                "startedAt": "2024-01-02T03:04:05Z",
                "targetRunStatus": "READY",
                "taskId": "taskId-1",
                "updatedAt": "2024-01-02T03:04:05Z",
                "updatedBy": "updatedBy-1",
            },
        ),
    )
    check_request(
        sent[0],
        method="GET",
        path="/2023-10-12/farms/farmId-1/queues/queueId-1/jobs/jobId-1/steps/stepId-1/tasks/taskId-1",
        query={},
        headers={},
        body=None,
    )


@CLIENTS
async def test_get_task_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "get_task",
        {
            "farm_id": "farmId-1",
            "queue_id": "queueId-1",
            "job_id": "jobId-1",
            "step_id": "stepId-1",
            "task_id": "taskId-1",
        },
        response(
            200,
            {},
            {
                "createdAt": "2024-01-02T03:04:05Z",
                "createdBy": "createdBy-1",
                "endedAt": "2024-01-02T03:04:05Z",
                "failureRetryCount": 3,
                "latestSessionActionId": "latestSessionActionId-1",
                "parameters": {"key": {"int": "int-1"}},
                "runStatus": "PENDING",
                "startedAt": "2024-01-02T03:04:05Z",
                "targetRunStatus": "READY",
                "taskId": "taskId-1",
                "updatedAt": "2024-01-02T03:04:05Z",
                "updatedBy": "updatedBy-1",
            },
        ),
    )
    check_request(
        sent[0],
        method="GET",
        path="/2023-10-12/farms/farmId-1/queues/queueId-1/jobs/jobId-1/steps/stepId-1/tasks/taskId-1",
        query={},
        headers={},
        body=None,
    )


@CLIENTS
async def test_get_task_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "farm_id": "farmId-1",
        "queue_id": "queueId-1",
        "job_id": "jobId-1",
        "step_id": "stepId-1",
        "task_id": "taskId-1",
    }
    kwargs["farm_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "get_task",
        kwargs,
        response(
            200,
            {},
            {
                "createdAt": "2024-01-02T03:04:05Z",
                "createdBy": "createdBy-1",
                "endedAt": "2024-01-02T03:04:05Z",
                "failureRetryCount": 3,
                "latestSessionActionId": "latestSessionActionId-1",
                "parameters": {"key": {"int": "int-1"}},
                "runStatus": "PENDING",
                "startedAt": "2024-01-02T03:04:05Z",
                "targetRunStatus": "READY",
                "taskId": "taskId-1",
                "updatedAt": "2024-01-02T03:04:05Z",
                "updatedBy": "updatedBy-1",
            },
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_get_task_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "get_task",
        {
            "farm_id": "farmId-1",
            "queue_id": "queueId-1",
            "job_id": "jobId-1",
            "step_id": "stepId-1",
            "task_id": "taskId-1",
        },
        response(
            200,
            {},
            {
                "createdAt": "2024-01-02T03:04:05Z",
                "createdBy": "createdBy-1",
                "endedAt": "2024-01-02T03:04:05Z",
                "failureRetryCount": 3,
                "latestSessionActionId": "latestSessionActionId-1",
                "parameters": {"key": {"int": "int-1"}},
                "runStatus": "PENDING",
                "startedAt": "2024-01-02T03:04:05Z",
                "targetRunStatus": "READY",
                "taskId": "taskId-1",
                "updatedAt": "2024-01-02T03:04:05Z",
                "updatedBy": "updatedBy-1",
            },
        ),
    )
    assert result.task_id == "taskId-1"
    assert result.created_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.created_by == "createdBy-1"
    assert result.run_status == TaskRunStatus.PENDING
    assert result.target_run_status == TaskTargetRunStatus.READY
    assert result.failure_retry_count == 3
    assert result.parameters == {"key": TaskParameterValueInt(value="int-1")}
    assert result.started_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.ended_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.updated_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.updated_by == "updatedBy-1"
    assert result.latest_session_action_id == "latestSessionActionId-1"
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 200


@CLIENTS
async def test_get_task_raises_access_denied_exception(asynchronous: bool) -> None:
    with pytest.raises(AccessDeniedException) as caught:
        await invoke(
            asynchronous,
            "get_task",
            {
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                403,
                {"x-amzn-errortype": "AccessDeniedException:http://internal.amazon.com/coral/"},
                {"context": {"key": "context-1"}, "message": "message-1"},
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 403
    assert error.code == "AccessDeniedException"
    assert error.message == "message-1"
    assert error.context == {"key": "context-1"}


@CLIENTS
async def test_get_task_raises_internal_server_error_exception(asynchronous: bool) -> None:
    with pytest.raises(InternalServerErrorException) as caught:
        await invoke(
            asynchronous,
            "get_task",
            {
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                500,
                {
                    "x-amzn-errortype": "InternalServerErrorException:http://internal.amazon.com/coral/",
                    "Retry-After": "3",
                },
                {"message": "message-1"},
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 500
    assert error.code == "InternalServerErrorException"
    assert error.message == "message-1"
    assert error.retry_after_seconds == 3


@CLIENTS
async def test_get_task_raises_resource_not_found_exception(asynchronous: bool) -> None:
    with pytest.raises(ResourceNotFoundException) as caught:
        await invoke(
            asynchronous,
            "get_task",
            {
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                404,
                {"x-amzn-errortype": "ResourceNotFoundException:http://internal.amazon.com/coral/"},
                {
                    "context": {"key": "context-1"},
                    "message": "message-1",
                    "resourceId": "resourceId-1",
                    "resourceType": "resourceType-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 404
    assert error.code == "ResourceNotFoundException"
    assert error.message == "message-1"
    assert error.resource_id == "resourceId-1"
    assert error.resource_type == "resourceType-1"
    assert error.context == {"key": "context-1"}


@CLIENTS
async def test_get_task_raises_throttling_exception(asynchronous: bool) -> None:
    with pytest.raises(ThrottlingException) as caught:
        await invoke(
            asynchronous,
            "get_task",
            {
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                429,
                {
                    "x-amzn-errortype": "ThrottlingException:http://internal.amazon.com/coral/",
                    "Retry-After": "3",
                },
                {
                    "context": {"key": "context-1"},
                    "message": "message-1",
                    "quotaCode": "quotaCode-1",
                    "serviceCode": "serviceCode-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 429
    assert error.code == "ThrottlingException"
    assert error.message == "message-1"
    assert error.service_code == "serviceCode-1"
    assert error.quota_code == "quotaCode-1"
    assert error.retry_after_seconds == 3
    assert error.context == {"key": "context-1"}


@CLIENTS
async def test_get_task_raises_validation_exception(asynchronous: bool) -> None:
    with pytest.raises(ValidationException) as caught:
        await invoke(
            asynchronous,
            "get_task",
            {
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                400,
                {"x-amzn-errortype": "ValidationException:http://internal.amazon.com/coral/"},
                {
                    "context": {"key": "context-1"},
                    "fieldList": [{"message": "message-1", "name": "name-1"}],
                    "message": "message-1",
                    "reason": "UNKNOWN_OPERATION",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 400
    assert error.code == "ValidationException"
    assert error.message == "message-1"
    assert error.reason == ValidationExceptionReason.UNKNOWN_OPERATION
    assert error.field_list == [ValidationExceptionField(name="name-1", message="message-1")]
    assert error.context == {"key": "context-1"}


@CLIENTS
async def test_get_task_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(DeadlineError) as caught:
        await invoke(
            asynchronous,
            "get_task",
            {
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is DeadlineError
    assert caught.value.status_code == 502
    assert caught.value.code == "502"


@CLIENTS
async def test_update_task_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "update_task",
        {
            "client_token": "clientToken-1",
            "target_run_status": TaskTargetRunStatus.READY,
            "farm_id": "farmId-1",
            "queue_id": "queueId-1",
            "job_id": "jobId-1",
            "step_id": "stepId-1",
            "task_id": "taskId-1",
        },
        response(200, {}, {}),
    )
    check_request(
        sent[0],
        method="PATCH",
        path="/2023-10-12/farms/farmId-1/queues/queueId-1/jobs/jobId-1/steps/stepId-1/tasks/taskId-1",
        query={},
        headers={"X-Amz-Client-Token": "clientToken-1", "Content-Type": "application/json"},
        body={"targetRunStatus": "READY"},
    )


@CLIENTS
async def test_update_task_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "update_task",
        {
            "target_run_status": TaskTargetRunStatus.READY,
            "farm_id": "farmId-1",
            "queue_id": "queueId-1",
            "job_id": "jobId-1",
            "step_id": "stepId-1",
            "task_id": "taskId-1",
        },
        response(200, {}, {}),
    )
    check_request(
        sent[0],
        method="PATCH",
        path="/2023-10-12/farms/farmId-1/queues/queueId-1/jobs/jobId-1/steps/stepId-1/tasks/taskId-1",
        query={},
        headers={
            "X-Amz-Client-Token": "00000000-0000-4000-8000-000000000000",
            "Content-Type": "application/json",
        },
        body={"targetRunStatus": "READY"},
    )


@CLIENTS
async def test_update_task_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "target_run_status": TaskTargetRunStatus.READY,
        "farm_id": "farmId-1",
        "queue_id": "queueId-1",
        "job_id": "jobId-1",
        "step_id": "stepId-1",
        "task_id": "taskId-1",
    }
    kwargs["farm_id"] = "a b/ü+%~"
    _, sent = await invoke(asynchronous, "update_task", kwargs, response(200, {}, {}))
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_update_task_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "update_task",
        {
            "target_run_status": TaskTargetRunStatus.READY,
            "farm_id": "farmId-1",
            "queue_id": "queueId-1",
            "job_id": "jobId-1",
            "step_id": "stepId-1",
            "task_id": "taskId-1",
        },
        response(200, {}, {}),
    )
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 200


@CLIENTS
async def test_update_task_raises_access_denied_exception(asynchronous: bool) -> None:
    with pytest.raises(AccessDeniedException) as caught:
        await invoke(
            asynchronous,
            "update_task",
            {
                "target_run_status": TaskTargetRunStatus.READY,
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                403,
                {"x-amzn-errortype": "AccessDeniedException:http://internal.amazon.com/coral/"},
                {"context": {"key": "context-1"}, "message": "message-1"},
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 403
    assert error.code == "AccessDeniedException"
    assert error.message == "message-1"
    assert error.context == {"key": "context-1"}


@CLIENTS
async def test_update_task_raises_conflict_exception(asynchronous: bool) -> None:
    with pytest.raises(ConflictException) as caught:
        await invoke(
            asynchronous,
            "update_task",
            {
                "target_run_status": TaskTargetRunStatus.READY,
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                409,
                {"x-amzn-errortype": "ConflictException:http://internal.amazon.com/coral/"},
                {
                    "context": {"key": "context-1"},
                    "message": "message-1",
                    "reason": "CONFLICT_EXCEPTION",
                    "resourceId": "resourceId-1",
                    "resourceType": "resourceType-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 409
    assert error.code == "ConflictException"
    assert error.message == "message-1"
    assert error.reason == ConflictExceptionReason.CONFLICT_EXCEPTION
    assert error.resource_id == "resourceId-1"
    assert error.resource_type == "resourceType-1"
    assert error.context == {"key": "context-1"}


@CLIENTS
async def test_update_task_raises_internal_server_error_exception(asynchronous: bool) -> None:
    with pytest.raises(InternalServerErrorException) as caught:
        await invoke(
            asynchronous,
            "update_task",
            {
                "target_run_status": TaskTargetRunStatus.READY,
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                500,
                {
                    "x-amzn-errortype": "InternalServerErrorException:http://internal.amazon.com/coral/",
                    "Retry-After": "3",
                },
                {"message": "message-1"},
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 500
    assert error.code == "InternalServerErrorException"
    assert error.message == "message-1"
    assert error.retry_after_seconds == 3


@CLIENTS
async def test_update_task_raises_resource_not_found_exception(asynchronous: bool) -> None:
    with pytest.raises(ResourceNotFoundException) as caught:
        await invoke(
            asynchronous,
            "update_task",
            {
                "target_run_status": TaskTargetRunStatus.READY,
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                404,
                {"x-amzn-errortype": "ResourceNotFoundException:http://internal.amazon.com/coral/"},
                {
                    "context": {"key": "context-1"},
                    "message": "message-1",
                    "resourceId": "resourceId-1",
                    "resourceType": "resourceType-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 404
    assert error.code == "ResourceNotFoundException"
    assert error.message == "message-1"
    assert error.resource_id == "resourceId-1"
    assert error.resource_type == "resourceType-1"
    assert error.context == {"key": "context-1"}


@CLIENTS
async def test_update_task_raises_throttling_exception(asynchronous: bool) -> None:
    with pytest.raises(ThrottlingException) as caught:
        await invoke(
            asynchronous,
            "update_task",
            {
                "target_run_status": TaskTargetRunStatus.READY,
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                429,
                {
                    "x-amzn-errortype": "ThrottlingException:http://internal.amazon.com/coral/",
                    "Retry-After": "3",
                },
                {
                    "context": {"key": "context-1"},
                    "message": "message-1",
                    "quotaCode": "quotaCode-1",
                    "serviceCode": "serviceCode-1",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 429
    assert error.code == "ThrottlingException"
    assert error.message == "message-1"
    assert error.service_code == "serviceCode-1"
    assert error.quota_code == "quotaCode-1"
    assert error.retry_after_seconds == 3
    assert error.context == {"key": "context-1"}


@CLIENTS
async def test_update_task_raises_validation_exception(asynchronous: bool) -> None:
    with pytest.raises(ValidationException) as caught:
        await invoke(
            asynchronous,
            "update_task",
            {
                "target_run_status": TaskTargetRunStatus.READY,
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(
                400,
                {"x-amzn-errortype": "ValidationException:http://internal.amazon.com/coral/"},
                {
                    "context": {"key": "context-1"},
                    "fieldList": [{"message": "message-1", "name": "name-1"}],
                    "message": "message-1",
                    "reason": "UNKNOWN_OPERATION",
                },
            ),
        )
    error = caught.value
    assert isinstance(error, DeadlineError)
    assert error.status_code == 400
    assert error.code == "ValidationException"
    assert error.message == "message-1"
    assert error.reason == ValidationExceptionReason.UNKNOWN_OPERATION
    assert error.field_list == [ValidationExceptionField(name="name-1", message="message-1")]
    assert error.context == {"key": "context-1"}


@CLIENTS
async def test_update_task_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(DeadlineError) as caught:
        await invoke(
            asynchronous,
            "update_task",
            {
                "target_run_status": TaskTargetRunStatus.READY,
                "farm_id": "farmId-1",
                "queue_id": "queueId-1",
                "job_id": "jobId-1",
                "step_id": "stepId-1",
                "task_id": "taskId-1",
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is DeadlineError
    assert caught.value.status_code == 502
    assert caught.value.code == "502"
