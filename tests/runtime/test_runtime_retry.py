"""Retry policy: presets, backoff, Retry-After, idempotency; sync and async against the stub."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import replace

import pytest
from _runtime._http import HttpRequest, HttpResponse, TransportError, TransportTimeout
from _runtime._retry import (
    RetryPolicy,
    async_send_with_retries,
    parse_retry_after,
    send_with_retries,
)
from _runtime._socket_http import SocketTransport
from _runtime._transport import HttpxAsyncTransport, Urllib3Transport
from runtime_stub import Reply, StubServer


class Recorder:
    """Fake sleep / async sleep / random that record what the policy asked for."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self.ranges: list[tuple[float, float]] = []

    def sleep(self, delay: float) -> None:
        self.sleeps.append(delay)

    async def async_sleep(self, delay: float) -> None:
        self.sleeps.append(delay)

    def random(self, low: float, high: float) -> float:
        self.ranges.append((low, high))
        return high  # the top of the jitter range, so delays are predictable

    def policy(self, base: RetryPolicy | None = None, **overrides: object) -> RetryPolicy:
        return replace(
            base or RetryPolicy.aws(),
            sleep=self.sleep,
            async_sleep=self.async_sleep,
            random=self.random,
            **overrides,  # type: ignore[arg-type]
        )


def preparer(url: str) -> tuple[Callable[[int], HttpRequest], list[int]]:
    attempts: list[int] = []

    def prepare(attempt: int) -> HttpRequest:
        attempts.append(attempt)
        return HttpRequest("POST", url, {"X-Attempt": str(attempt)}, b"{}")

    return prepare, attempts


def aws_code(response: HttpResponse) -> str | None:
    body = response.json() or {}
    code = body.get("__type")
    return str(code).rsplit("#", 1)[-1] if code else None


# --- policy arithmetic ----------------------------------------------------------------------


def test_presets() -> None:
    aws, azure = RetryPolicy.aws(), RetryPolicy.azure()
    assert (aws.max_attempts, aws.max_backoff) == (3, 20.0)
    assert aws.retry_statuses == {500, 502, 503, 504} and 429 in aws.throttling_statuses
    assert {"Throttling", "ThrottlingException", "TooManyRequestsException"} <= aws.throttling_codes
    assert "RequestLimitExceeded" in aws.throttling_codes
    assert (azure.base_delay, azure.max_backoff, azure.max_attempts) == (0.8, 120.0, 4)
    assert RetryPolicy.no_retries().max_attempts == 1
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)


@pytest.mark.parametrize(
    ("status", "aws", "azure"),
    [
        (400, False, False),
        (404, False, False),
        (408, False, True),
        (429, True, True),
        (500, True, True),
        (501, False, False),
        (502, True, True),
        (503, True, True),
        (504, True, True),
        (505, False, False),
        (506, False, True),
        (599, False, True),
    ],
)
def test_retryable_statuses(status: int, aws: bool, azure: bool) -> None:
    response = HttpResponse(status)
    assert (RetryPolicy.aws().response_delay(response, None, 1, idempotent=True) is not None) is aws
    got = RetryPolicy.azure().response_delay(response, None, 1, idempotent=True) is not None
    assert got is azure


def test_full_jitter_backoff() -> None:
    recorder = Recorder()
    policy = recorder.policy()
    assert [policy.backoff(n) for n in (1, 2, 3)] == [0.05, 0.1, 0.2]
    assert policy.backoff(1, throttled=True) == 1.0
    assert policy.backoff(20, throttled=True) == 20.0  # capped
    assert recorder.ranges[0] == (0.0, 0.05)
    azure = recorder.policy(RetryPolicy.azure())
    assert [azure.backoff(n) for n in (1, 2, 3, 9)] == [0.8, 1.6, 3.2, 120.0]
    import random

    real = RetryPolicy.aws(random=random.Random(7).uniform)
    assert all(0 <= real.backoff(3) <= 0.2 for _ in range(100))


def test_parse_retry_after_forms() -> None:
    assert parse_retry_after(HttpResponse(429, {"Retry-After": "3"})) == 3.0
    assert parse_retry_after(HttpResponse(429, {"Retry-After": "-3"})) == 0.0
    assert parse_retry_after(HttpResponse(429, {"retry-after-ms": "1500"})) == 1.5
    assert parse_retry_after(HttpResponse(429, {"x-ms-retry-after-ms": "250"})) == 0.25
    assert parse_retry_after(HttpResponse(429, {"x-amz-retry-after": "2000"})) == 2.0
    assert parse_retry_after(HttpResponse(429, {"Retry-After": "soon"})) is None
    assert parse_retry_after(HttpResponse(429)) is None
    future = email.utils.formatdate(time.time() + 30, usegmt=True)
    delay = parse_retry_after(HttpResponse(503, {"Retry-After": future}))
    assert delay is not None and 28 <= delay <= 30
    past = "Mon, 01 Jul 2024 12:00:00 GMT"
    assert parse_retry_after(HttpResponse(503, {"Retry-After": past})) == 0.0


def test_retry_after_capped_and_azure_retries_any_error_with_it() -> None:
    policy = Recorder().policy()
    assert (
        policy.response_delay(HttpResponse(503, {"Retry-After": "1000"}), None, 1, idempotent=True)
        == 20.0
    )
    azure = Recorder().policy(RetryPolicy.azure())
    assert (
        azure.response_delay(HttpResponse(409, {"Retry-After": "2"}), None, 1, idempotent=True) == 2
    )
    assert (
        policy.response_delay(HttpResponse(409, {"Retry-After": "2"}), None, 1, idempotent=True)
        is None
    )
    ignoring = Recorder().policy(honor_retry_after=False)
    assert (
        ignoring.response_delay(HttpResponse(503, {"Retry-After": "9"}), None, 1, idempotent=True)
        == 0.05
    )


def test_idempotency_rules() -> None:
    policy = Recorder().policy()
    for status, retried in [(500, False), (502, False), (504, False), (503, True), (429, True)]:
        got = policy.response_delay(HttpResponse(status), None, 1, idempotent=False)
        assert (got is not None) is retried, status
    throttled = HttpResponse(400)
    assert policy.response_delay(throttled, "ThrottlingException", 1, idempotent=False) == 1.0
    assert policy.response_delay(throttled, "RequestTimeout", 1, idempotent=True) == 0.05
    assert policy.response_delay(throttled, "RequestTimeout", 1, idempotent=False) is None
    refused = TransportError("refused", request_sent=False)
    dropped = TransportError("reset", request_sent=True)
    timeout = TransportTimeout("read timeout", request_sent=True)
    fatal = TransportError("bad certificate", request_sent=False, retryable=False)
    assert policy.error_delay(refused, 1, idempotent=False) is not None
    assert policy.error_delay(dropped, 1, idempotent=False) is None
    assert policy.error_delay(timeout, 1, idempotent=False) is None
    assert policy.error_delay(dropped, 1, idempotent=True) is not None
    assert policy.error_delay(timeout, 1, idempotent=True) is not None
    assert policy.error_delay(fatal, 1, idempotent=True) is None
    assert policy.error_delay(refused, 3, idempotent=True) is None  # attempts exhausted


# --- end to end against the stub: sync (urllib3, sockets) ------------------------------


SyncKind = type[Urllib3Transport] | type[SocketTransport]


@pytest.fixture(params=[Urllib3Transport, SocketTransport], ids=["urllib3", "socket"])
def sync_kind(request: pytest.FixtureRequest) -> SyncKind:
    kind: SyncKind = request.param
    return kind


def test_success_on_third_attempt_honours_retry_after(
    sync_kind: SyncKind, stub_server: StubServer
) -> None:
    recorder = Recorder()
    stub_server.script(
        Reply(503, {"Retry-After": "2"}), Reply(429, {"Retry-After": "1"}), Reply(200, body=b"{}")
    )
    prepare, attempts = preparer(stub_server.url + "/op")
    with sync_kind() as transport:
        response = send_with_retries(
            transport, prepare, recorder.policy(), timeout=5, idempotent=True
        )
    assert response.status == 200
    assert attempts == [1, 2, 3]
    assert recorder.sleeps == [2.0, 1.0]
    # Each attempt is a freshly prepared request.
    assert [r.header("x-attempt") for r in stub_server.received] == ["1", "2", "3"]


def test_exhausted_returns_last_response(sync_kind: SyncKind, stub_server: StubServer) -> None:
    recorder = Recorder()
    stub_server.script(Reply(500), Reply(502), Reply(500, body=b'{"message": "last"}'))
    prepare, attempts = preparer(stub_server.url)
    with sync_kind() as transport:
        response = send_with_retries(
            transport, prepare, recorder.policy(), timeout=5, idempotent=True
        )
    assert response.status == 500 and response.json() == {"message": "last"}
    assert attempts == [1, 2, 3]
    assert recorder.sleeps == [0.05, 0.1]


def test_non_idempotent_not_retried_on_500(sync_kind: SyncKind, stub_server: StubServer) -> None:
    recorder = Recorder()
    stub_server.script(Reply(500), Reply(200))
    prepare, attempts = preparer(stub_server.url)
    with sync_kind() as transport:
        response = send_with_retries(
            transport, prepare, recorder.policy(), timeout=5, idempotent=False
        )
    assert response.status == 500
    assert attempts == [1] and recorder.sleeps == []
    assert len(stub_server.received) == 1


def test_non_idempotent_retried_when_throttled(
    sync_kind: SyncKind, stub_server: StubServer
) -> None:
    recorder = Recorder()
    stub_server.script(
        Reply(400, body=b'{"__type": "com.amazon#ThrottlingException", "message": "slow"}'),
        Reply(429),
        Reply(200),
    )
    prepare, attempts = preparer(stub_server.url)
    with sync_kind() as transport:
        response = send_with_retries(
            transport, prepare, recorder.policy(), timeout=5, idempotent=False, classify=aws_code
        )
    assert response.status == 200 and attempts == [1, 2, 3]
    assert recorder.sleeps == [1.0, 2.0]  # throttling base 1 s, doubled


def test_dropped_connections_retried_only_when_idempotent(
    sync_kind: SyncKind, stub_server: StubServer
) -> None:
    recorder = Recorder()
    stub_server.script(Reply(drop=True), Reply(drop=True), Reply(200))
    prepare, attempts = preparer(stub_server.url)
    with sync_kind() as transport:
        response = send_with_retries(
            transport, prepare, recorder.policy(), timeout=5, idempotent=True
        )
        assert response.status == 200 and attempts == [1, 2, 3]

        stub_server.script(Reply(drop=True), Reply(200))
        prepare, attempts = preparer(stub_server.url)
        with pytest.raises(TransportError) as info:
            send_with_retries(transport, prepare, recorder.policy(), timeout=5, idempotent=False)
    assert info.value.request_sent and attempts == [1]


def test_refused_connections_retried_then_raised(sync_kind: SyncKind, refused_url: str) -> None:
    recorder = Recorder()
    prepare, attempts = preparer(refused_url)
    with sync_kind() as transport, pytest.raises(TransportError) as info:
        send_with_retries(transport, prepare, recorder.policy(), timeout=5, idempotent=False)
    assert not info.value.request_sent
    assert attempts == [1, 2, 3] and len(recorder.sleeps) == 2


def test_read_timeouts(sync_kind: SyncKind, stub_server: StubServer) -> None:
    recorder = Recorder()
    stub_server.script(Reply(delay=1.0), Reply(200))
    prepare, attempts = preparer(stub_server.url)
    with sync_kind() as transport:
        with pytest.raises(TransportTimeout):
            send_with_retries(transport, prepare, recorder.policy(), timeout=0.2, idempotent=False)
        assert attempts == [1]
        stub_server.script(Reply(delay=1.0), Reply(200))
        prepare, attempts = preparer(stub_server.url)
        response = send_with_retries(
            transport, prepare, recorder.policy(), timeout=0.2, idempotent=True
        )
    assert response.status == 200 and attempts == [1, 2]


def test_azure_preset_four_attempts(sync_kind: SyncKind, stub_server: StubServer) -> None:
    recorder = Recorder()
    stub_server.script(
        Reply(500), Reply(408), Reply(503, {"x-ms-retry-after-ms": "1500"}), Reply(200)
    )
    prepare, attempts = preparer(stub_server.url)
    with sync_kind() as transport:
        response = send_with_retries(
            transport, prepare, recorder.policy(RetryPolicy.azure()), timeout=5, idempotent=True
        )
    assert response.status == 200 and attempts == [1, 2, 3, 4]
    assert recorder.sleeps == [0.8, 1.6, 1.5]


# --- end to end against the stub: async (httpx) --------------------------------------------


async def test_async_success_on_third_attempt(stub_server: StubServer) -> None:
    recorder = Recorder()
    stub_server.script(Reply(429, {"Retry-After": "3"}), Reply(drop=True), Reply(200, body=b"{}"))
    prepare, attempts = preparer(stub_server.url)
    async with HttpxAsyncTransport() as transport:
        response = await async_send_with_retries(
            transport, prepare, recorder.policy(), timeout=5, idempotent=True
        )
    assert response.status == 200 and attempts == [1, 2, 3]
    assert recorder.sleeps == [3.0, 0.1]


async def test_async_non_idempotent_rules(stub_server: StubServer, refused_url: str) -> None:
    recorder = Recorder()
    async with HttpxAsyncTransport() as transport:
        stub_server.script(Reply(500), Reply(200))
        prepare, attempts = preparer(stub_server.url)
        response = await async_send_with_retries(
            transport, prepare, recorder.policy(), timeout=5, idempotent=False
        )
        assert response.status == 500 and attempts == [1]

        stub_server.script(Reply(503, {"Retry-After": "1"}), Reply(200))
        prepare, attempts = preparer(stub_server.url)
        response = await async_send_with_retries(
            transport, prepare, recorder.policy(), timeout=5, idempotent=False
        )
        assert response.status == 200 and attempts == [1, 2]

        stub_server.script(Reply(drop=True))
        prepare, attempts = preparer(stub_server.url)
        with pytest.raises(TransportError):
            await async_send_with_retries(
                transport, prepare, recorder.policy(), timeout=5, idempotent=False
            )
        assert attempts == [1]

        prepare, attempts = preparer(refused_url)
        with pytest.raises(TransportError):
            await async_send_with_retries(
                transport, prepare, recorder.policy(), timeout=5, idempotent=False
            )
        assert attempts == [1, 2, 3]
    assert recorder.sleeps == [1.0, 0.05, 0.1]


async def test_async_exhausted_and_timeouts(stub_server: StubServer) -> None:
    recorder = Recorder()
    async with HttpxAsyncTransport() as transport:
        stub_server.script(Reply(504), Reply(504), Reply(504))
        prepare, attempts = preparer(stub_server.url)
        response = await async_send_with_retries(
            transport, prepare, recorder.policy(), timeout=5, idempotent=True
        )
        assert response.status == 504 and attempts == [1, 2, 3]

        stub_server.script(Reply(delay=1.0), Reply(delay=1.0), Reply(delay=1.0))
        prepare, attempts = preparer(stub_server.url)
        with pytest.raises(TransportTimeout):
            await async_send_with_retries(
                transport, prepare, recorder.policy(), timeout=0.2, idempotent=True
            )
        assert attempts == [1, 2, 3]
