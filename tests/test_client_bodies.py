"""Bodies: a success response of the wrong shape raises the package's DeserializationError naming
the field (never a bare ValueError/TypeError/AttributeError, never a secret value); unknown
fields survive a read-modify-write; the JSON-ready form is easy to find."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from typing import Any

import pytest

from support import ROOT

for _pkg in ("deadline_tasks", "datapipeline_tasks", "azure_batch_tasks"):
    sys.path.insert(0, str(ROOT / "generated" / _pkg))

import azure_batch_tasks as az  # noqa: E402
import datapipeline_tasks as dp  # noqa: E402
import deadline_tasks as dl  # noqa: E402
from deadline_tasks._runtime import _wire  # noqa: E402

IDS = {"farm_id": "f", "queue_id": "q", "job_id": "j", "step_id": "s", "task_id": "t"}
TASK: dict[str, Any] = {
    "taskId": "t",
    "createdAt": "2024-07-01T12:00:00Z",
    "createdBy": "me",
    "runStatus": "READY",
}
CLOUD_TASK: dict[str, Any] = {"id": "t", "constraints": {"retentionTime": "P7D"}}
KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="


class Canned:
    def __init__(self, response: Any) -> None:
        self.response = response

    def send(self, request: Any, *, timeout: float | None) -> Any:
        return self.response


class AsyncCanned(Canned):
    async def send(self, request: Any, *, timeout: float | None) -> Any:  # type: ignore[override]
        return self.response


def get_task(body: Any, asynchronous: bool = False) -> Any:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = dl.HttpResponse(200, {}, raw)
    cls = dl.AsyncDeadlineClient if asynchronous else dl.DeadlineClient
    transport = AsyncCanned(response) if asynchronous else Canned(response)
    client = cls("us-west-2", credentials=dl.AwsCredentials("AKID", "SECRET"), transport=transport)
    result = client.get_task(**IDS)
    return asyncio.run(result) if asynchronous else result


def task_get(body: Any, headers: dict[str, str] | None = None) -> Any:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    client = az.BatchServiceClient(
        "https://acct.eastus.batch.azure.com",
        az.SharedKeyCredential("acct", KEY),
        transport=Canned(az.HttpResponse(200, headers or {}, raw)),
    )
    return client.task_get(job_id="j", task_id="t")


# (body changes, the field the error must name). The first four are the issue's.
DEADLINE_CASES: dict[str, tuple[dict[str, Any], str]] = {
    "created-at-yesterday": ({"createdAt": "yesterday"}, "createdAt"),
    "run-status-number": ({"runStatus": 7}, "runStatus"),
    "parameters-string": ({"parameters": "nope"}, "parameters"),
    "task-id-number": ({"taskId": 5}, "taskId"),
    "task-id-object": ({"taskId": {"a": 1}}, "taskId"),
    "created-by-list": ({"createdBy": ["me"]}, "createdBy"),
    "retry-count-word": ({"failureRetryCount": "many"}, "failureRetryCount"),
    "retry-count-fraction": ({"failureRetryCount": 1.5}, "failureRetryCount"),
    "retry-count-boolean": ({"failureRetryCount": True}, "failureRetryCount"),
    "started-at-list": ({"startedAt": [2024]}, "startedAt"),
    "ended-at-bad-date": ({"endedAt": "2024-13-45T99:00:00Z"}, "endedAt"),
    "parameters-list": ({"parameters": [{"int": "1"}]}, "parameters"),
    "parameter-not-object": ({"parameters": {"p": "x"}}, "parameters"),
    "parameter-two-members": ({"parameters": {"p": {"int": "1", "path": "/"}}}, "parameters"),
    "parameter-member-number": ({"parameters": {"p": {"int": 1}}}, "parameters.int"),
    "target-status-list": ({"targetRunStatus": ["READY"]}, "targetRunStatus"),
    "required-missing": ({"taskId": None}, "taskId"),
}


@pytest.mark.parametrize("case", sorted(DEADLINE_CASES))
def test_malformed_deadline_bodies_name_the_field(case: str) -> None:
    change, field = DEADLINE_CASES[case]
    with pytest.raises(dl.DeserializationError) as caught:
        get_task({**TASK, **change})
    error = caught.value
    assert error.field == field
    assert str(error).startswith(f"GetTaskResponse.{field}: ")
    assert isinstance(error, ValueError)  # what callers catching ValueError already catch


AZURE_CASES: dict[str, tuple[dict[str, Any], str]] = {
    "retention-time-bad-duration": (
        {"constraints": {"retentionTime": "P1XYZ"}},
        "constraints.retentionTime",
    ),
    "constraints-string": ({"constraints": "none"}, "constraints"),
    "retry-count-word": (
        {"constraints": {"maxTaskRetryCount": "x"}},
        "constraints.maxTaskRetryCount",
    ),
    "environment-object": ({"environmentSettings": {"A": "1"}}, "environmentSettings"),
    "environment-item-string": ({"environmentSettings": ["A=1"]}, "environmentSettings"),
    "state-number": ({"state": 3}, "state"),
    "retry-count-fraction": (
        {"executionInfo": {"retryCount": 1.5, "requeueCount": 0}},
        "executionInfo.retryCount",
    ),
    "creation-time-word": ({"creationTime": "now"}, "creationTime"),
    "id-boolean": ({"id": False}, "id"),
}


@pytest.mark.parametrize("case", sorted(AZURE_CASES))
def test_malformed_azure_bodies_name_the_field(case: str) -> None:
    change, field = AZURE_CASES[case]
    with pytest.raises(az.DeserializationError) as caught:
        task_get({**CLOUD_TASK, **change})
    assert caught.value.field == field
    assert str(caught.value).startswith(f"CloudTask.{field}: ")


@pytest.mark.parametrize("body", [b"[1, 2]", b'"a string"', b"5", b"<html>oops</html>", b"{"])
def test_bodies_that_are_no_json_object(body: bytes) -> None:
    with pytest.raises(dl.DeserializationError):
        get_task(body)
    with pytest.raises(az.DeserializationError):
        task_get(body)


def test_malformed_response_header_names_it() -> None:
    client = az.BatchServiceClient(
        "https://acct.eastus.batch.azure.com",
        az.SharedKeyCredential("acct", KEY),
        transport=Canned(az.HttpResponse(201, {"Last-Modified": "yesterday"}, b"")),
    )
    with pytest.raises(az.DeserializationError) as caught:
        client.task_add(job_id="j", task=az.TaskAddParameter(id="t", command_line="c"))
    assert caught.value.field == "Last-Modified"
    assert str(caught.value).startswith("TaskAddResponse.Last-Modified: ")


def test_async_client_raises_the_same() -> None:
    with pytest.raises(dl.DeserializationError) as caught:
        get_task({**TASK, "createdAt": "yesterday"}, asynchronous=True)
    assert caught.value.field == "createdAt"


def test_a_sensitive_field_never_puts_its_value_in_a_message() -> None:
    # GetTask's `parameters` is @sensitive in the Deadline model: the error names the field and
    # the kind of problem, and the original error (which may quote the value) is not chained.
    with pytest.raises(dl.DeserializationError) as caught:
        get_task({**TASK, "parameters": {"p": {"int": "1", "path": "SECRET-PATH"}}})
    assert caught.value.field == "parameters"
    assert "the field is sensitive" in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    # The helper itself: whatever the original error says stays out.
    error = _wire.bad_field("M", "password", ValueError("invalid value 'hunter2'"), True)
    assert "hunter2" not in str(error) and error.field == "password"


def test_well_formed_values_in_other_spellings_still_parse() -> None:
    result = get_task(
        {**TASK, "failureRetryCount": 2.0, "createdAt": 1719835200, "runStatus": "NEW_STATUS"}
    )
    assert result.failure_retry_count == 2 and isinstance(result.failure_retry_count, int)
    assert result.created_at == dt.datetime(2024, 7, 1, 12, tzinfo=dt.UTC)
    assert not result.run_status.is_known


# -- unknown fields and the JSON form -----------------------------------------------------------


def test_unknown_fields_survive_a_round_trip() -> None:
    body = {
        **TASK,
        "newField": {"nested": [1, 2]},
        "parameters": {"p": {"int": "1"}},
        "__type": "com.amazonaws.deadline#GetTaskResponse",  # protocol bookkeeping, not data
    }
    result = get_task(body)
    assert result.unknown_fields == {"newField": {"nested": [1, 2]}}
    assert result.to_wire()["newField"] == {"nested": [1, 2]}
    assert result.to_dict()["newField"] == {"nested": [1, 2]}
    assert "__type" not in result.to_wire()
    again = dl.GetTaskResponse.from_dict(result.to_dict())
    assert again == result and again.unknown_fields == result.unknown_fields
    assert dl.GetTaskResponse.from_dict(json.loads(result.to_json())) == result


def test_nested_unknown_fields_are_sent_back() -> None:
    task = task_get({**CLOUD_TASK, "constraints": {"retentionTime": "P7D", "maxCpu": 9}})
    assert task.constraints.unknown_fields == {"maxCpu": 9}
    parameter = az.TaskUpdateParameter(constraints=task.constraints)
    assert parameter.to_wire() == {"constraints": {"retentionTime": "P7D", "maxCpu": 9}}


def test_the_json_form_is_easy_to_find() -> None:
    result = get_task(TASK)
    with pytest.raises(TypeError, match="datetime"):
        json.dumps(result.to_dict())  # to_dict() keeps datetimes, as the contract says
    assert json.loads(result.to_json())["createdAt"] == "2024-07-01T12:00:00Z"
    assert json.dumps(result.to_wire()) == result.to_json()
    assert "to_wire()" in (type(result).to_dict.__doc__ or "")
    assert "to_json()" in (type(result).to_dict.__doc__ or "")
    union = dl.TaskParameterValueInt(value="1")
    assert union.to_json() == '{"int": "1"}'
    assert dp.SetTaskStatusOutput().to_json() == "{}"
