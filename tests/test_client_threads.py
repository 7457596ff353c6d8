"""One client shared by many threads (or tasks) against a stub on 127.0.0.1: every call gets its
own answer, none fails, and the connections stay bounded (the README's thread-safety promise)."""

from __future__ import annotations

import asyncio
import json
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from runtime.runtime_stub import Received, Reply, StubServer

from support import ROOT

sys.path.insert(0, str(ROOT / "generated" / "deadline_tasks"))

import deadline_tasks as dl

THREADS = 8
CALLS = 40


def echo_task(received: Received) -> Reply:
    """The task the request names, so a crossed answer would show."""
    task_id = received.target.split("?")[0].rsplit("/", 1)[-1]
    body = {"taskId": task_id, "createdAt": 0, "createdBy": "me", "runStatus": "READY"}
    return Reply(200, {"x-amzn-RequestId": task_id}, json.dumps(body).encode())


@pytest.fixture
def server() -> Iterator[StubServer]:
    stub = StubServer()
    stub.responder = echo_task
    try:
        yield stub
    finally:
        stub.close()


def options(server: StubServer) -> dict[str, Any]:
    return {
        "credentials": dl.AwsCredentials("AKID", "SECRET"),
        "endpoint_url": server.url,
        "inject_host_prefix": False,
        "timeout": 10.0,
    }


def test_threads_share_one_client(server: StubServer) -> None:
    client = dl.DeadlineClient("us-west-2", **options(server))
    errors: list[BaseException] = []
    crossed: list[tuple[str, str]] = []
    start = threading.Barrier(THREADS)

    def work(thread: int) -> None:
        start.wait()
        for call in range(CALLS):
            task_id = f"t{thread}-{call}"
            try:
                result = client.get_task(
                    farm_id="f", queue_id="q", job_id="j", step_id="s", task_id=task_id
                )
            except BaseException as err:  # any failure fails the test below
                errors.append(err)
                continue
            if result.task_id != task_id or result.response_metadata.request_id != task_id:
                crossed.append((task_id, result.task_id))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    with client:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == [] and crossed == []
    assert len(server.received) == THREADS * CALLS
    # Keep-alive connections are reused: never more than one per thread (the pool keeps 10).
    assert server.connections <= THREADS


def test_tasks_share_one_async_client(server: StubServer) -> None:
    async def run() -> list[str]:
        async with dl.AsyncDeadlineClient("us-west-2", **options(server)) as client:

            async def one(n: int) -> str:
                result = await client.get_task(
                    farm_id="f", queue_id="q", job_id="j", step_id="s", task_id=f"a{n}"
                )
                return str(result.task_id)

            return list(await asyncio.gather(*(one(n) for n in range(THREADS * 5))))

    assert asyncio.run(run()) == [f"a{n}" for n in range(THREADS * 5)]
    assert server.connections <= THREADS * 5
