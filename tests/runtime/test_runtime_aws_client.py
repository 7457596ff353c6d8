"""The generated AWS clients with the credential chain: one consistent snapshot per attempt,
refreshed before expiry (threads and async), foreign credential objects, the client's region
for STS. Uses the generated ``deadline_tasks`` package and stub transports (no network)."""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aws_fakes import FakeAws

from support import ROOT

sys.path.insert(0, str(ROOT / "generated" / "deadline_tasks"))

import deadline_tasks as dl

TASK = json.dumps(
    {"taskId": "t", "createdAt": 1700000000, "createdBy": "me", "runStatus": "RUNNING"}
).encode()
ARGS = {"farm_id": "f", "queue_id": "q", "job_id": "j", "step_id": "s", "task_id": "t"}


class Recorder:
    """A transport that answers every request with a task and keeps the requests."""

    def __init__(self) -> None:
        self.requests: list[dl.HttpRequest] = []
        self.lock = threading.Lock()

    def send(self, request: dl.HttpRequest, *, timeout: float | None) -> dl.HttpResponse:
        with self.lock:
            self.requests.append(request)
        return dl.HttpResponse(200, {}, TASK)

    def close(self) -> None:
        pass

    def keys(self) -> list[str]:
        return [
            r.headers["Authorization"].split("Credential=")[1].split("/")[0] for r in self.requests
        ]


class AsyncRecorder(Recorder):
    async def send(self, request: dl.HttpRequest, *, timeout: float | None) -> dl.HttpResponse:  # type: ignore[override]
        return Recorder.send(self, request, timeout=timeout)

    async def close(self) -> None:  # type: ignore[override]
        pass


class Issuer:
    def __init__(self, now: list[datetime], pause: float = 0.0) -> None:
        self.now = now
        self.pause = pause
        self.calls = 0
        self.threads: list[int] = []

    def __call__(self) -> dl.AwsCredentials:
        self.calls += 1
        self.threads.append(threading.get_ident())
        if self.pause:
            time.sleep(self.pause)
        n = self.calls
        return dl.AwsCredentials(
            f"ASIA{n}", f"secret-{n}", f"token-{n}", expiration=self.now[0] + timedelta(hours=1)
        )


def test_sync_client_signs_with_refreshed_credentials() -> None:
    now = [datetime.now(UTC)]
    issuer = Issuer(now)
    creds = dl.RefreshableCredentials(issuer, clock=lambda: now[0])
    transport = Recorder()
    client = dl.DeadlineClient("us-west-2", credentials=creds, transport=transport)
    assert issuer.calls == 0  # nothing fetched when the client is created
    client.get_task(**ARGS)
    client.get_task(**ARGS)
    now[0] += timedelta(minutes=55)  # inside the mandatory window
    client.get_task(**ARGS)
    assert transport.keys() == ["ASIA1", "ASIA1", "ASIA2"]
    assert [r.headers["X-Amz-Security-Token"] for r in transport.requests] == [
        "token-1",
        "token-1",
        "token-2",
    ]


def test_threads_sharing_a_client_cause_one_refresh() -> None:
    now = [datetime.now(UTC)]
    issuer = Issuer(now, pause=0.2)
    creds = dl.RefreshableCredentials(issuer, clock=lambda: now[0])
    transport = Recorder()
    client = dl.DeadlineClient("us-west-2", credentials=creds, transport=transport)
    threads = [threading.Thread(target=client.get_task, kwargs=ARGS) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert issuer.calls == 1 and transport.keys() == ["ASIA1"] * 16


async def test_async_client_refreshes_off_the_event_loop() -> None:
    now = [datetime.now(UTC)]
    issuer = Issuer(now, pause=0.3)
    creds = dl.RefreshableCredentials(issuer, clock=lambda: now[0])
    transport = AsyncRecorder()
    client = dl.AsyncDeadlineClient("us-west-2", credentials=creds, transport=transport)
    ticks: list[float] = []

    async def ticker() -> None:
        for _ in range(12):
            ticks.append(time.monotonic())
            await asyncio.sleep(0.03)

    await asyncio.gather(client.get_task(**ARGS), ticker())
    assert issuer.threads[0] != threading.get_ident()
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.2
    await client.get_task(**ARGS)
    assert issuer.calls == 1 and transport.keys() == ["ASIA1", "ASIA1"]


def test_botocore_credentials_object_signs_identically() -> None:
    from botocore.credentials import Credentials

    clock = lambda: datetime(2024, 5, 1, tzinfo=UTC)  # noqa: E731
    ours, theirs = Recorder(), Recorder()
    dl.DeadlineClient(
        "us-west-2",
        credentials=dl.AwsCredentials("AKID", "SECRET", "TOK"),
        transport=ours,
        clock=clock,
    ).get_task(**ARGS)
    dl.DeadlineClient(
        "us-west-2",
        credentials=Credentials("AKID", "SECRET", "TOK"),
        transport=theirs,
        clock=clock,
    ).get_task(**ARGS)
    # The same signed headers; only the per-call invocation id (a fresh uuid4) differs.
    mine, other = ours.requests[0].headers.copy(), theirs.requests[0].headers.copy()
    del mine["amz-sdk-invocation-id"], other["amz-sdk-invocation-id"]
    assert mine == other


def test_client_region_is_the_sts_region(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    (aws_home / ".aws" / "config").write_text(
        "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\nregion = eu-west-1\n"
        "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = BASESECRET\n",
        encoding="utf-8",
    )
    fake_aws.secrets["AKIDBASE"] = "BASESECRET"
    monkeypatch.setenv("AWS_PROFILE", "r")
    monkeypatch.setenv("AWS_ENDPOINT_URL_STS", fake_aws.url)
    transport = Recorder()
    dl.DeadlineClient("ap-southeast-2", transport=transport).get_task(**ARGS)
    (call,) = fake_aws.calls("sts")
    assert "/ap-southeast-2/sts/aws4_request" in call.headers["authorization"]
    assert transport.keys()[0].startswith("ASIAAR")


def test_client_creation_never_waits_for_the_network(
    aws_home: Path, monkeypatch: pytest.MonkeyPatch, refused_url: str
) -> None:
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", refused_url)
    client = dl.AsyncDeadlineClient("us-west-2", transport=AsyncRecorder())  # no I/O here

    async def call() -> Any:
        return await client.get_task(**ARGS)

    with pytest.raises(dl.NoCredentialsError, match="EC2 instance metadata"):
        asyncio.run(call())
