"""What every request says about its client, on the wire of each transport: the User-Agent
(sync and async alike, extensible by the caller) and, for AWS, botocore's retry headers."""

from __future__ import annotations

import asyncio
import platform
import re
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from runtime.runtime_stub import Reply, StubServer

from support import ROOT

for _pkg in ("deadline_tasks", "azure_batch_tasks"):
    sys.path.insert(0, str(ROOT / "generated" / _pkg))

import azure_batch_tasks as az  # noqa: E402
import deadline_tasks as dl  # noqa: E402

IDS = {"farm_id": "f", "queue_id": "q", "job_id": "j", "step_id": "s", "task_id": "t"}
TASK = b'{"taskId": "t", "createdAt": 0, "createdBy": "me", "runStatus": "READY"}'
KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="
PYTHON = platform.python_version()
TRANSPORTS: dict[str, tuple[bool, Callable[[], Any] | None]] = {
    "default-sync": (False, None),
    "default-async": (True, None),
    "httpx": (False, lambda: dl.HttpxTransport()),
    "httpx-async": (True, lambda: dl.HttpxAsyncTransport()),
}


@pytest.fixture
def server() -> Iterator[StubServer]:
    stub = StubServer()
    try:
        yield stub
    finally:
        stub.close()


def get_task(server: StubServer, kind: str, **options: Any) -> Any:
    asynchronous, make = TRANSPORTS[kind]
    cls = dl.AsyncDeadlineClient if asynchronous else dl.DeadlineClient

    async def no_wait(_: float) -> None:
        return None

    client = cls(
        "us-west-2",
        credentials=dl.AwsCredentials("AKID", "SECRET"),
        endpoint_url=server.url,
        inject_host_prefix=False,
        transport=make() if make else None,
        retry_policy=dl.RetryPolicy.aws(sleep=lambda _: None, async_sleep=no_wait),
        **options,
    )
    if asynchronous:

        async def call() -> Any:
            async with client:
                return await client.get_task(**IDS)

        return asyncio.run(call())
    with client:
        return client.get_task(**IDS)


def user_agents(server: StubServer) -> list[list[str]]:
    return [[v for k, v in r.headers if k.lower() == "user-agent"] for r in server.received]


@pytest.mark.parametrize("kind", sorted(TRANSPORTS))
def test_every_request_names_the_client(server: StubServer, kind: str) -> None:
    server.script(Reply(200, {}, TASK))
    get_task(server, kind)
    assert user_agents(server) == [[f"deadline-tasks/0.1.0 apismith/0.1.0 Python/{PYTHON}"]]


@pytest.mark.parametrize("kind", sorted(TRANSPORTS))
def test_the_caller_extends_it(server: StubServer, kind: str) -> None:
    server.script(Reply(200, {}, TASK))
    get_task(server, kind, user_agent_extra="render-farm/2.1 (studio)")
    (agent,) = user_agents(server)[0]
    assert agent.endswith(f" Python/{PYTHON} render-farm/2.1 (studio)")


def test_a_user_agent_with_a_line_break_is_refused() -> None:
    with pytest.raises(ValueError, match="CR or LF"):
        az.BatchServiceClient(
            "https://acct.eastus.batch.azure.com",
            az.SharedKeyCredential("acct", KEY),
            user_agent_extra="x\r\nInjected: 1",
        )


@pytest.mark.parametrize("kind", ["default-sync", "default-async"])
def test_retry_headers_on_the_wire(server: StubServer, kind: str) -> None:
    """botocore's amz-sdk-invocation-id (a uuid4 per call, kept by its retries) and
    amz-sdk-request, through the real transports; the differential tests compare both with
    the headers botocore itself sends."""
    server.script(Reply(drop=True), Reply(503), Reply(200, {}, TASK))
    get_task(server, kind)
    ids = [r.header("amz-sdk-invocation-id") for r in server.received]
    assert len(ids) == 3 and len(set(ids)) == 1
    assert uuid.UUID(ids[0] or "").version == 4
    assert [r.header("amz-sdk-request") for r in server.received] == [
        "attempt=1; max=3",
        "attempt=2; max=3",
        "attempt=3; max=3",
    ]
    first_call = server.received[0]
    server.script(Reply(200, {}, TASK))
    get_task(server, kind)
    assert server.received[0].header("amz-sdk-invocation-id") != ids[0]  # a new call
    # Unsigned, as botocore leaves them: SignedHeaders names neither (nor the User-Agent).
    signed = re.search(r"SignedHeaders=([^,]+)", first_call.header("Authorization") or "")
    assert signed is not None
    assert not {"amz-sdk-invocation-id", "amz-sdk-request", "user-agent"} & set(
        signed.group(1).split(";")
    )


@pytest.mark.parametrize("kind", ["default-sync", "default-async"])
def test_retries_carry_a_ttl_once_a_response_has_a_date(server: StubServer, kind: str) -> None:
    """botocore's ttl: the attempt's timeout past its send time, on the service's clock (the
    skew a response's Date showed); the differential tests compare it with botocore's."""
    server.script(
        Reply(503, {"Date": "Wed, 01 May 2024 13:30:00 GMT"}),
        Reply(drop=True),
        Reply(200, {}, TASK),
    )
    now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)  # the service is 1:30:00 ahead
    get_task(server, kind, clock=lambda: now, timeout=20)
    assert [r.header("amz-sdk-request") for r in server.received] == [
        "attempt=1; max=3",
        "ttl=20240501T133020Z; attempt=2; max=3",
        "ttl=20240501T133020Z; attempt=3; max=3",
    ]
