"""Behaviour of the generated clients that a review found wanting, pinned (no network)."""

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

KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="


class SendOnly:
    """A transport with nothing but send(): the documented minimum."""

    def __init__(self, *responses: Any) -> None:
        self.responses = list(responses)
        self.requests: list[Any] = []

    def send(self, request: Any, *, timeout: float | None) -> Any:
        self.requests.append(request)
        return self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]


def _deadline(transport: Any) -> dl.DeadlineClient:
    return dl.DeadlineClient(
        "us-west-2", credentials=dl.AwsCredentials("AKID", "SECRET"), transport=transport
    )


def _batch(transport: Any) -> az.BatchServiceClient:
    return az.BatchServiceClient(
        "https://acct.eastus.batch.azure.com",
        az.SharedKeyCredential("acct", KEY),
        transport=transport,
    )


@pytest.mark.parametrize("label", ["", ".", ".."])
def test_labels_that_would_address_the_parent_resource_are_refused(label: str) -> None:
    transport = SendOnly(az.HttpResponse(200, {}, b""))
    with pytest.raises(ValueError, match="invalid path label"):
        _batch(transport).task_delete(job_id="j", task_id=label)
    assert transport.requests == []


def test_enums_accept_their_plain_values() -> None:
    transport = SendOnly(dl.HttpResponse(200, {}, b"{}"))
    _deadline(transport).update_task(
        farm_id="f", queue_id="q", job_id="j", step_id="s", task_id="t", target_run_status="READY"
    )
    assert json.loads(transport.requests[0].body) == {"targetRunStatus": "READY"}
    sent = SendOnly(dp.HttpResponse(200, {}, b"{}"))
    dp.DataPipelineClient(
        "us-east-1", credentials=dp.AwsCredentials("AKID", "SECRET"), transport=sent
    ).set_task_status(task_id="t", task_status="FINISHED")
    assert json.loads(sent.requests[0].body) == {"taskId": "t", "taskStatus": "FINISHED"}


def test_malformed_modeled_error_fields_still_raise_the_modeled_error() -> None:
    body = {"message": "bad", "reason": "OTHER", "fieldList": [{"name": "x"}], "context": 3}
    transport = SendOnly(
        dl.HttpResponse(400, {"x-amzn-errortype": "ValidationException"}, json.dumps(body).encode())
    )
    with pytest.raises(dl.ValidationException) as caught:
        _deadline(transport).get_task(
            farm_id="f", queue_id="q", job_id="j", step_id="s", task_id="t"
        )
    assert caught.value.status_code == 400 and caught.value.message == "bad"
    assert caught.value.reason == dl.ValidationExceptionReason.OTHER
    assert caught.value.field_list is None and caught.value.context is None


def test_transport_without_close_and_context_manager() -> None:
    with _deadline(SendOnly(dl.HttpResponse(200, {}, b"{}"))) as client:
        assert (
            client.update_task(
                farm_id="f",
                queue_id="q",
                job_id="j",
                step_id="s",
                task_id="t",
                target_run_status="READY",
            )
            is not None
        )


def test_task_list_is_an_iterator() -> None:
    pages = [
        {"value": [{"id": "a"}], "odata.nextLink": "https://acct.eastus.batch.azure.com/next"},
        {"value": [{"id": "b"}]},
    ]
    transport = SendOnly(*(az.HttpResponse(200, {}, json.dumps(p).encode()) for p in pages))
    tasks = _batch(transport).task_list(job_id="j")
    assert next(tasks).id == "a" and next(tasks).id == "b"
    with pytest.raises(StopIteration):
        next(tasks)


def test_async_task_list_supports_anext() -> None:
    class AsyncSendOnly(SendOnly):
        async def send(self, request: Any, *, timeout: float | None) -> Any:  # type: ignore[override]
            return SendOnly.send(self, request, timeout=timeout)

    async def run() -> list[str]:
        transport = AsyncSendOnly(az.HttpResponse(200, {}, b'{"value": [{"id": "a"}]}'))
        client = az.AsyncBatchServiceClient(
            "https://acct.eastus.batch.azure.com",
            az.SharedKeyCredential("acct", KEY),
            transport=transport,
        )
        pager = client.task_list(job_id="j")
        first = await anext(pager)
        return [first.id] + [t.id async for t in pager]

    assert asyncio.run(run()) == ["a"]


def test_headers_repr_hides_credentials() -> None:
    headers = az.HttpRequest(
        "GET", "https://x", {"Authorization": "SharedKey a:b", "X": "1"}
    ).headers
    assert (
        "SharedKey" not in repr(headers)
        and "<redacted>" in repr(headers)
        and "'1'" in repr(headers)
    )


def test_sync_client_rejects_an_async_credential_up_front() -> None:
    class AsyncCredential:
        async def get_token(self, *scopes: str) -> Any:
            raise AssertionError("never called")

    with pytest.raises(TypeError, match="AsyncBatchServiceClient"):
        az.BatchServiceClient("https://acct.eastus.batch.azure.com", AsyncCredential())


def test_to_dict_gives_aware_datetimes_and_round_trips() -> None:
    naive = dt.datetime(2024, 1, 2, 3, 4, 5)
    task = az.CloudTask(
        id="t",
        creation_time=naive,
        constraints=az.TaskConstraints(max_wall_clock_time=dt.timedelta(hours=2)),
    )
    plain = task.to_dict()
    assert plain["creationTime"] == naive.replace(tzinfo=dt.UTC)
    assert plain["constraints"]["maxWallClockTime"] == dt.timedelta(hours=2)
    assert task.to_wire()["creationTime"] == "2024-01-02T03:04:05.000Z"
    assert az.CloudTask.from_dict(plain).creation_time == naive.replace(tzinfo=dt.UTC)


def test_batch_error_is_the_exception_and_its_body_a_model() -> None:
    assert issubclass(az.BatchError, az.BatchServiceError)
    assert not issubclass(az.BatchErrorBody, BaseException)
    result = az.TaskAddResult.from_dict(
        {"status": "clienterror", "taskId": "t", "error": {"code": "TaskExists"}}
    )
    assert isinstance(result.error, az.BatchErrorBody) and result.error.code == "TaskExists"


def test_out_of_range_epoch_is_a_deserialization_error() -> None:
    body = {"taskId": "t", "createdAt": 1e20, "createdBy": "me", "runStatus": "RUNNING"}
    transport = SendOnly(dl.HttpResponse(200, {}, json.dumps(body).encode()))
    with pytest.raises(ValueError):
        _deadline(transport).get_task(
            farm_id="f", queue_id="q", job_id="j", step_id="s", task_id="t"
        )


def test_async_bearer_token_is_fresh_on_every_attempt() -> None:
    import time

    class Token:
        def __init__(self, token: str) -> None:
            self.token = token
            self.expires_on = int(time.time()) + 60  # inside the refresh margin: never cached

    class AsyncCredential:
        def __init__(self) -> None:
            self.calls = 0

        async def get_token(self, *scopes: str, **kwargs: Any) -> Token:
            self.calls += 1
            return Token(f"tok-{self.calls}")

    class AsyncSendOnly(SendOnly):
        async def send(self, request: Any, *, timeout: float | None) -> Any:  # type: ignore[override]
            return SendOnly.send(self, request, timeout=timeout)

    async def run() -> list[str]:
        transport = AsyncSendOnly(
            az.HttpResponse(500, {}, b"{}"), az.HttpResponse(200, {}, b'{"id": "t"}')
        )

        async def no_sleep(_: float) -> None:
            return None

        client = az.AsyncBatchServiceClient(
            "https://acct.eastus.batch.azure.com",
            AsyncCredential(),
            transport=transport,
            retry_policy=az.RetryPolicy.azure(async_sleep=no_sleep),
        )
        task = await client.task_get(job_id="j", task_id="t")
        assert task.id == "t"
        return [r.headers["Authorization"] for r in transport.requests]

    assert asyncio.run(run()) == ["Bearer tok-1", "Bearer tok-2"]
