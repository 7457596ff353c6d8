"""Logging: one DEBUG line per attempt under the package's logger, secrets redacted."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from runtime.runtime_stub import Reply, StubServer

from support import ROOT

for _pkg in ("deadline_tasks", "azure_batch_tasks"):
    sys.path.insert(0, str(ROOT / "generated" / _pkg))

import azure_batch_tasks as az  # noqa: E402
import deadline_tasks as dl  # noqa: E402
from deadline_tasks._runtime._logging import redact_url  # noqa: E402

IDS = {"farm_id": "f", "queue_id": "q", "job_id": "j", "step_id": "s", "task_id": "t"}
TASK = b'{"taskId": "t", "createdAt": 0, "createdBy": "me", "runStatus": "READY"}'
SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="


@pytest.fixture
def server() -> Iterator[StubServer]:
    stub = StubServer()
    try:
        yield stub
    finally:
        stub.close()


def deadline(server: StubServer, asynchronous: bool) -> Any:
    async def no_wait(_: float) -> None:
        return None

    cls = dl.AsyncDeadlineClient if asynchronous else dl.DeadlineClient
    return cls(
        "us-west-2",
        credentials=dl.AwsCredentials("AKIDEXAMPLE", SECRET, session_token="TOKEN-SECRET"),
        endpoint_url=server.url,
        inject_host_prefix=False,
        retry_policy=dl.RetryPolicy.aws(
            sleep=lambda _: None, async_sleep=no_wait, random=lambda low, high: high
        ),
    )


def get_task(client: Any, asynchronous: bool) -> Any:
    if asynchronous:

        async def call() -> Any:
            async with client:
                return await client.get_task(**IDS)

        return asyncio.run(call())
    with client:
        return client.get_task(**IDS)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_one_debug_line_per_attempt(
    server: StubServer, asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    server.script(
        Reply(503, {"x-amzn-RequestId": "rid-1"}, b""),
        Reply(200, {"x-amzn-RequestId": "rid-2"}, TASK),
    )
    with caplog.at_level(logging.DEBUG, logger="deadline_tasks"):
        get_task(deadline(server, asynchronous), asynchronous)
    records = [r for r in caplog.records if r.name == "deadline_tasks"]
    assert len(records) == 2 and all(r.levelno == logging.DEBUG for r in records)
    first, second = (r.getMessage() for r in records)
    path = "/2023-10-12/farms/f/queues/q/jobs/j/steps/s/tasks/t"
    assert first.startswith(f"GET {server.url}{path} -> 503 (attempt 1/3, ")
    assert "request id rid-1" in first and "; retrying in 0.05 s" in first
    assert second.startswith(f"GET {server.url}{path} -> 200 (attempt 2/3, ")
    assert "request id rid-2" in second and "retrying" not in second
    # Structured fields for handlers that ship records as data.
    record: Any = records[1]
    assert (record.http_method, record.http_status, record.attempt, record.max_attempts) == (
        "GET",
        200,
        2,
        3,
    )
    assert record.request_id == "rid-2" and record.elapsed_ms >= 0
    # Neither the secret key, the session token nor the signature is ever logged.
    for text in (caplog.text, *(str(vars(r)) for r in records)):
        assert SECRET not in text and "TOKEN-SECRET" not in text and "Signature=" not in text


def test_transport_errors_are_logged_without_the_query(
    refused_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = az.BatchServiceClient(
        refused_url.rstrip("/"),
        az.SharedKeyCredential("acct", KEY),
        retry_policy=az.RetryPolicy.no_retries(),
    )
    with caplog.at_level(logging.DEBUG, logger="azure_batch_tasks"), client:
        with pytest.raises(az.TransportError):
            client.task_get(job_id="j", task_id="t")
    (record,) = [r for r in caplog.records if r.name == "azure_batch_tasks"]
    assert "-> TransportError: " in record.getMessage()
    assert "(attempt 1/1, " in record.getMessage()
    assert KEY not in caplog.text and "SharedKey" not in caplog.text


def test_nothing_is_logged_above_debug(
    server: StubServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.script(Reply(200, {}, TASK))
    with caplog.at_level(logging.INFO, logger="deadline_tasks"):
        get_task(deadline(server, False), False)
    assert [r for r in caplog.records if r.name.startswith("deadline_tasks")] == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://acct.blob.core.windows.net/c/b?sv=2024&sig=abc%2Bdef&se=2030",
            "https://acct.blob.core.windows.net/c/b?sv=2024&sig=REDACTED&se=2030",
        ),
        (
            "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKID%2F2024&X-Amz-Signature=f00"
            "&X-Amz-Security-Token=tok&X-Amz-Date=20240101T000000Z",
            "https://b.s3.amazonaws.com/k?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED"
            "&X-Amz-Security-Token=REDACTED&X-Amz-Date=20240101T000000Z",
        ),
        (
            "https://user:pa55@host:8443/p?api-version=2024-07-01.20.0&$skiptoken=s&maxresults=5",
            "https://host:8443/p?api-version=2024-07-01.20.0&$skiptoken=REDACTED&maxresults=5",
        ),
        (
            "https://h/p?access_token=t&code=c&api_key=k#frag",
            "https://h/p?access_token=REDACTED" "&code=REDACTED&api_key=REDACTED",
        ),
        ("http://[::1]:8080/x?flag", "http://[::1]:8080/x?flag"),
    ],
)
def test_urls_are_logged_without_secrets(url: str, expected: str) -> None:
    assert redact_url(url) == expected
