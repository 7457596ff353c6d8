"""Round trips of every model of deadline_tasks: from_dict(to_dict(x)) == x, unknowns kept."""

from __future__ import annotations

from datetime import UTC, datetime

from deadline_tasks import (
    ConflictExceptionReason,
    GetTaskResponse,
    ServiceQuotaExceededExceptionReason,
    TaskParameterValue,
    TaskParameterValueInt,
    TaskParameterValueUnknown,
    TaskRunStatus,
    TaskTargetRunStatus,
    UpdateTaskResponse,
    ValidationExceptionField,
    ValidationExceptionReason,
)


def test_conflict_exception_reason_keeps_unknown_values() -> None:
    value = ConflictExceptionReason("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in ConflictExceptionReason)


def test_get_task_response_round_trip() -> None:
    value = GetTaskResponse(
        task_id="taskId-1",
        created_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        created_by="createdBy-1",
        run_status=TaskRunStatus.PENDING,
        target_run_status=TaskTargetRunStatus.READY,
        failure_retry_count=3,
        parameters={"key": TaskParameterValueInt(value="int-1")},
        started_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        ended_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        updated_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        updated_by="updatedBy-1",
        latest_session_action_id="latestSessionActionId-1",
    )
    assert GetTaskResponse.from_dict(value.to_dict()) == value


def test_service_quota_exceeded_exception_reason_keeps_unknown_values() -> None:
    value = ServiceQuotaExceededExceptionReason("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in ServiceQuotaExceededExceptionReason)


def test_task_parameter_value_round_trip() -> None:
    value = TaskParameterValueInt(value="int-1")
    assert TaskParameterValue.from_dict(value.to_dict()) == value


def test_task_parameter_value_keeps_unknown_variants() -> None:
    value = TaskParameterValue.from_dict({"futureVariant": {"nested": [1, 2]}})
    assert isinstance(value, TaskParameterValueUnknown)
    assert value.tag == "futureVariant"
    assert value.to_dict() == {"futureVariant": {"nested": [1, 2]}}


def test_task_run_status_keeps_unknown_values() -> None:
    value = TaskRunStatus("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in TaskRunStatus)


def test_task_target_run_status_keeps_unknown_values() -> None:
    value = TaskTargetRunStatus("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in TaskTargetRunStatus)


def test_update_task_response_round_trip() -> None:
    value = UpdateTaskResponse()
    assert UpdateTaskResponse.from_dict(value.to_dict()) == value


def test_validation_exception_field_round_trip() -> None:
    value = ValidationExceptionField(name="name-1", message="message-1")
    assert ValidationExceptionField.from_dict(value.to_dict()) == value


def test_validation_exception_reason_keeps_unknown_values() -> None:
    value = ValidationExceptionReason("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in ValidationExceptionReason)
