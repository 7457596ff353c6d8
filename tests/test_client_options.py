"""Per-call options of every generated method: timeout, retry_policy, headers, deadline (sync and
async), and the total read deadline the transports enforce (stubs on 127.0.0.1 only)."""

from __future__ import annotations

import asyncio
import inspect
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from runtime.runtime_stub import Reply, StubServer

from support import ROOT

for _pkg in ("deadline_tasks", "datapipeline_tasks", "azure_batch_tasks"):
    sys.path.insert(0, str(ROOT / "generated" / _pkg))

import azure_batch_tasks as az  # noqa: E402
import datapipeline_tasks as dp  # noqa: E402
import deadline_tasks as dl  # noqa: E402

IDS = {"farm_id": "f", "queue_id": "q", "job_id": "j", "step_id": "s", "task_id": "t"}
TASK = b'{"taskId": "t", "createdAt": 0, "createdBy": "me", "runStatus": "READY"}'
KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="
CLIENTS = {
    "deadline": (dl.DeadlineClient, dl.AsyncDeadlineClient),
    "datapipeline": (dp.DataPipelineClient, dp.AsyncDataPipelineClient),
    "batch": (az.BatchServiceClient, az.AsyncBatchServiceClient),
}
OPTIONS = ("retry_policy", "headers", "deadline")


class Recording:
    """A transport that records each request and the timeout it was given."""

    def __init__(self, *responses: Any) -> None:
        self.responses = list(responses)
        self.calls: list[tuple[Any, float | None]] = []

    def send(self, request: Any, *, timeout: float | None) -> Any:
        self.calls.append((request, timeout))
        return self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]


class AsyncRecording(Recording):
    async def send(self, request: Any, *, timeout: float | None) -> Any:  # type: ignore[override]
        return Recording.send(self, request, timeout=timeout)


def deadline_client(transport: Any, asynchronous: bool = False, **options: Any) -> Any:
    cls = dl.AsyncDeadlineClient if asynchronous else dl.DeadlineClient
    return cls(
        "us-west-2", credentials=dl.AwsCredentials("AKID", "SECRET"), transport=transport, **options
    )


def get_task(client: Any, asynchronous: bool, **options: Any) -> Any:
    """One get_task; the client is closed afterwards (its transport may hold a session)."""
    if asynchronous:

        async def call() -> Any:
            async with client:
                return await client.get_task(**IDS, **options)

        return asyncio.run(call())
    with client:
        return client.get_task(**IDS, **options)


@pytest.fixture
def server() -> Iterator[StubServer]:
    stub = StubServer()
    try:
        yield stub
    finally:
        stub.close()


# -- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize("service", sorted(CLIENTS))
def test_every_method_takes_the_options_under_names_clear_of_its_arguments(service: str) -> None:
    for cls in CLIENTS[service]:
        methods = [m for n, m in inspect.getmembers(cls, inspect.isfunction) if n[0] != "_"]
        for method in methods:
            if method.__name__ == "close":
                continue
            params = inspect.signature(method).parameters
            for name in OPTIONS:
                assert params[name].kind is inspect.Parameter.KEYWORD_ONLY, (method, name)
            # Azure Batch's own `timeout` (the server's limit, sent as a query parameter) keeps
            # its name, as the package contract says; the per-call option yields.
            timeout = "request_timeout" if service == "batch" else "timeout"
            assert repr(params[timeout].default) == "UNSET"  # not given: the client's timeout
            assert params[timeout].kind is inspect.Parameter.KEYWORD_ONLY


def test_azure_timeout_argument_is_still_the_servers() -> None:
    transport = Recording(az.HttpResponse(200, {}, b'{"id": "t"}'))
    client = az.BatchServiceClient(
        "https://acct.eastus.batch.azure.com",
        az.SharedKeyCredential("acct", KEY),
        transport=transport,
    )
    client.task_get(job_id="j", task_id="t", timeout=17, request_timeout=3.5)
    request, timeout = transport.calls[0]
    assert "timeout=17" in request.url and timeout == 3.5


# -- timeout, retry_policy, headers ------------------------------------------------------------


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_timeout_per_call_and_the_clients_default(asynchronous: bool) -> None:
    cls = AsyncRecording if asynchronous else Recording
    transport = cls(dl.HttpResponse(200, {}, TASK))
    client = deadline_client(transport, asynchronous, timeout=42.0)
    get_task(client, asynchronous)
    get_task(client, asynchronous, timeout=1.5)
    get_task(client, asynchronous, timeout=None)
    assert [t for _, t in transport.calls] == [42.0, 1.5, None]
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        get_task(client, asynchronous, timeout=-1)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_retry_policy_per_call(asynchronous: bool) -> None:
    cls = AsyncRecording if asynchronous else Recording
    busy = dl.HttpResponse(503, {}, b"")

    async def no_wait(_: float) -> None:
        return None

    default = dl.RetryPolicy.aws(sleep=lambda _: None, async_sleep=no_wait)
    transport = cls(busy)
    client = deadline_client(transport, asynchronous, retry_policy=default)
    with pytest.raises(dl.DeadlineError):
        get_task(client, asynchronous, retry_policy=dl.RetryPolicy.no_retries())
    assert len(transport.calls) == 1
    with pytest.raises(dl.DeadlineError):
        get_task(client, asynchronous)
    assert len(transport.calls) == 1 + 3
    # botocore's retry header says the call's own maximum.
    assert transport.calls[0][0].headers["amz-sdk-request"] == "attempt=1; max=1"
    assert transport.calls[-1][0].headers["amz-sdk-request"] == "attempt=3; max=3"


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_extra_headers_are_sent_and_signed_on_every_attempt(asynchronous: bool) -> None:
    cls = AsyncRecording if asynchronous else Recording
    transport = cls(dl.HttpResponse(500, {}, b""), dl.HttpResponse(200, {}, TASK))

    async def no_wait(_: float) -> None:
        return None

    policy = dl.RetryPolicy.aws(sleep=lambda _: None, async_sleep=no_wait)
    client = deadline_client(transport, asynchronous, retry_policy=policy)
    get_task(client, asynchronous, headers={"X-Trace-Id": "abc", "User-Agent": "mine"})
    assert len(transport.calls) == 2
    for request, _ in transport.calls:
        assert request.headers["X-Trace-Id"] == "abc"
        assert request.headers["User-Agent"] == "mine"  # a caller's header replaces ours
        assert "x-trace-id" in request.headers["Authorization"]  # in SignedHeaders


def test_azure_headers_option_is_the_former_headers_argument() -> None:
    transport = Recording(az.HttpResponse(200, {}, b'{"value": []}'))
    client = az.BatchServiceClient(
        "https://acct.eastus.batch.azure.com",
        az.SharedKeyCredential("acct", KEY),
        transport=transport,
    )
    list(client.task_list(job_id="j", headers={"ocp-custom": "1"}))
    request = transport.calls[0][0]
    assert request.headers["ocp-custom"] == "1"  # ocp-* headers are signed by SharedKey
    assert request.headers["Authorization"].startswith("SharedKey acct:")


# -- deadline ---------------------------------------------------------------------------------


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_deadline_stops_retrying_when_the_next_wait_would_pass_it(asynchronous: bool) -> None:
    cls = AsyncRecording if asynchronous else Recording
    transport = cls(dl.HttpResponse(503, {}, b""))
    waits: list[float] = []

    async def wait(delay: float) -> None:
        waits.append(delay)

    policy = dl.RetryPolicy.aws(
        max_attempts=10,
        base_delay=0.4,
        random=lambda low, high: high,
        sleep=waits.append,
        async_sleep=wait,
    )
    client = deadline_client(transport, asynchronous, retry_policy=policy)
    with pytest.raises(dl.DeadlineError) as caught:
        get_task(client, asynchronous, deadline=1.0)
    # Waits are recorded, not slept, so the clock barely moves: 0.4 and 0.8 s fit in the 1 s
    # deadline, the third (1.6 s) would end past it: the call ends with the last answer.
    assert waits == [0.4, 0.8] and len(transport.calls) == 3
    assert caught.value.status_code == 503
    # Each attempt's timeout is what is left of the deadline when it is shorter.
    assert all(t is not None and t <= 1.0 for _, t in transport.calls)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_deadline_cuts_a_slow_attempt(server: StubServer, asynchronous: bool) -> None:
    server.script(Reply(200, {}, TASK, delay=3.0))
    client = deadline_client(
        None, asynchronous, endpoint_url=server.url, inject_host_prefix=False, timeout=30.0
    )
    started = time.monotonic()
    with pytest.raises(dl.TransportTimeout, match=r"deadline of 0\.4 s"):
        get_task(client, asynchronous, deadline=0.4, retry_policy=dl.RetryPolicy.no_retries())
    assert time.monotonic() - started < 2.0


def test_async_deadline_holds_even_for_a_transport_that_ignores_timeouts() -> None:
    class Stuck:
        async def send(self, request: Any, *, timeout: float | None) -> Any:
            await asyncio.sleep(30)

    client = deadline_client(Stuck(), asynchronous=True)
    started = time.monotonic()
    with pytest.raises(dl.TransportTimeout):
        get_task(client, True, deadline=0.3)
    assert time.monotonic() - started < 2.0


# -- a server dripping its answer -------------------------------------------------------------

TRANSPORTS = {
    "urllib3": (False, lambda: dl.Urllib3Transport()),
    "httpx": (False, lambda: dl.HttpxTransport()),
    "aiohttp": (True, lambda: dl.AiohttpTransport()),
    "asyncio": (True, lambda: dl.AsyncioTransport()),
    "httpx-async": (True, lambda: dl.HttpxAsyncTransport()),
    "socket": (False, lambda: dl.SocketTransport()),
}


@pytest.mark.parametrize("kind", sorted(TRANSPORTS))
def test_a_dripping_server_cannot_hold_a_call_past_its_timeout(
    server: StubServer, kind: str
) -> None:
    """The issue's server: 2 bytes every 0.25 s held a timeout=0.5 call for 28.5 s. Each read
    is quick, so only a deadline on the whole response ends it."""
    server.script(Reply(200, {}, b"x" * 200, drip=0.25))
    asynchronous, make = TRANSPORTS[kind]
    client = deadline_client(
        make(),
        asynchronous,
        endpoint_url=server.url,
        inject_host_prefix=False,
        retry_policy=dl.RetryPolicy.no_retries(),
    )
    started = time.monotonic()
    with pytest.raises(dl.TransportTimeout):
        get_task(client, asynchronous, timeout=0.5)
    # One timeout, plus at most one more read for httpx's sync client (it bounds each read
    # only, so the deadline is checked between reads).
    assert time.monotonic() - started < 1.6


def test_a_wait_that_overruns_the_deadline_ends_with_the_last_answer() -> None:
    transport = Recording(dl.HttpResponse(503, {}, b""))
    # The wait itself takes longer than it said (a busy machine): no attempt is started after
    # the deadline, and the call reports the answer it had.
    policy = dl.RetryPolicy.aws(
        max_attempts=5,
        base_delay=0.01,
        random=lambda low, high: high,
        sleep=lambda d: time.sleep(0.3),
    )
    client = deadline_client(transport, retry_policy=policy)
    with pytest.raises(dl.DeadlineError) as caught:
        get_task(client, False, deadline=0.2)
    assert caught.value.status_code == 503 and len(transport.calls) == 1
