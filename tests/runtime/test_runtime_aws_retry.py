"""botocore's retry headers of an AWS call (``_aws_retry.RetryHeaders``): the invocation id, the
attempt count and the ``ttl`` learned from a response's ``Date`` (botocore's
``add_retry_headers`` and ``Endpoint._calculate_ttl``)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

from _runtime._aws_retry import RetryHeaders
from _runtime._http import HttpRequest, HttpResponse
from _runtime._retry import RetryPolicy, send_with_retries
from runtime_stub import Reply, StubServer

T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
# The service's clock is an hour and a half ahead of ours.
SERVER_DATE = "Wed, 01 May 2024 13:30:00 GMT"


class Clock:
    """Our clock, moved by hand."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def dated(date: str | None, status: int = 503) -> HttpResponse:
    return HttpResponse(status, {"Date": date} if date is not None else {})


def test_first_attempt_counts_only() -> None:
    headers = RetryHeaders(3, 60.0, now=Clock())
    request = HttpRequest("GET", "https://example.com/")
    headers.apply(request, 1)
    assert request.headers["amz-sdk-request"] == "attempt=1; max=3"
    assert uuid.UUID(request.headers["amz-sdk-invocation-id"]).version == 4


def test_ttl_is_send_time_plus_timeout_on_the_service_clock() -> None:
    clock = Clock()
    headers = RetryHeaders(3, 60.0, now=clock)
    headers.observe(dated(SERVER_DATE))  # received at T0: the skew is +1:30:00
    clock.now = T0 + timedelta(seconds=7)  # the retry leaves after a backoff of 7 s
    # 12:00:07 here + 60 s + 1:30:00 = 13:31:07 there.
    assert headers.request_header(2) == "ttl=20240501T133107Z; attempt=2; max=3"


def test_skew_is_kept_by_responses_without_a_readable_date() -> None:
    clock = Clock()
    headers = RetryHeaders(4, 30.0, now=clock)
    headers.observe(dated(SERVER_DATE))
    headers.observe(dated(None))
    headers.observe(dated("yesterday"))
    clock.now = T0 + timedelta(seconds=1)
    assert headers.request_header(4) == "ttl=20240501T133031Z; attempt=4; max=4"


def test_a_later_date_replaces_the_skew() -> None:
    clock = Clock()
    headers = RetryHeaders(3, 60.0, now=clock)
    headers.observe(dated(SERVER_DATE))
    clock.now = T0 + timedelta(seconds=10)
    headers.observe(dated("Wed, 01 May 2024 11:00:10 GMT"))  # now an hour behind
    assert headers.ttl() == "20240501T110110Z"


def test_no_ttl_without_a_date_or_without_a_timeout() -> None:
    never = RetryHeaders(3, 60.0, now=Clock())
    never.observe(dated(None))
    assert never.request_header(2) == "attempt=2; max=3"
    unlimited = RetryHeaders(3, None, now=Clock())
    unlimited.observe(dated(SERVER_DATE))
    assert unlimited.request_header(2) == "attempt=2; max=3"
    beyond = RetryHeaders(3, 1e300, now=Clock())
    beyond.observe(dated(SERVER_DATE))
    assert beyond.request_header(2) == "attempt=2; max=3"


def test_clocks_in_other_zones_or_without_one_give_utc() -> None:
    for now in (T0.replace(tzinfo=None), T0.astimezone(timezone(timedelta(hours=-7)))):
        headers = RetryHeaders(3, 60.0, now=Clock(now))
        headers.observe(dated(SERVER_DATE))
        assert headers.ttl() == "20240501T133100Z"


def test_on_the_wire_through_the_retry_loop(stub_server: StubServer) -> None:
    """A 503 with a Date, a dropped connection, then success: the second and the third
    attempt carry the ttl (a drop teaches nothing, the skew stays), all share one id."""
    from _runtime._transport import Urllib3Transport

    stub_server.script(
        Reply(503, {"Date": SERVER_DATE}),
        Reply(drop=True),
        Reply(200, {}, b"{}"),
    )
    clock = Clock()
    headers = RetryHeaders(3, 60.0, now=clock)
    seen: list[int] = []

    def prepare(attempt: int) -> HttpRequest:
        clock.now = T0 + timedelta(seconds=attempt)
        request = HttpRequest("GET", stub_server.url + "/")
        headers.apply(request, attempt)
        return request

    def observe(response: HttpResponse) -> None:
        seen.append(response.status)
        headers.observe(response)

    with Urllib3Transport() as transport:
        response = send_with_retries(
            transport,
            prepare,
            RetryPolicy.aws(sleep=lambda _: None),
            timeout=60.0,
            idempotent=True,
            on_response=observe,
        )
    assert response.status == 200 and seen == [503, 200]
    # Received at 12:00:01 (skew +1:29:59), sent at 12:00:02 and 12:00:03.
    assert [r.header("amz-sdk-request") for r in stub_server.received] == [
        "attempt=1; max=3",
        "ttl=20240501T133101Z; attempt=2; max=3",
        "ttl=20240501T133102Z; attempt=3; max=3",
    ]
    assert len({r.header("amz-sdk-invocation-id") for r in stub_server.received}) == 1
