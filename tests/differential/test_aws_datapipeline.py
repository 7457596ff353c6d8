"""Differential tests: the generated Data Pipeline client (aws.awsJson1_1) against botocore.

SetTaskStatus is compared on the wire (method, URL, headers, body bytes and the SigV4 signature
at a fixed clock), on canned responses and errors, and on retries. SetTaskStatus is not
idempotent: unlike botocore, the generated client retries it only when the service cannot have
acted on it (429, 503, throttling codes, connections refused before sending).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import botocore.exceptions
import pytest
from runtime.runtime_stub import Reply, StubServer

from differential.aws_support import (
    ACCESS_KEY,
    FIXED_NOW,
    REGION,
    SECRET_KEY,
    SESSION_TOKEN,
    AsyncStubTransport,
    BotocoreStub,
    Canned,
    Sent,
    StubTransport,
    assert_same_error,
    assert_same_request,
    botocore_plain,
    import_generated,
    isolate_aws,
    record_botocore_backoff,
)

dp = import_generated("datapipeline_tasks")

SNAKE = {
    "taskId": "task_id",
    "taskStatus": "task_status",
    "errorId": "error_id",
    "errorMessage": "error_message",
    "errorStackTrace": "error_stack_trace",
}
#: The task id from the service documentation: long, with "+", "/" and "=".
TASK_ID = (
    "aaGgHT4LuH0T0Y0oLrJRjas5qH0d8cDPADxqq3tn+zCWGELkCdV2JprLreXm1oxeP5EFZHFLJ69kjSsLYE0iYHYBY"
    "VGBrB+E/pYq7ANEEeGJFnSBMRiXZVA+8UJ3OzcInvXeinqBmBaKwii7hnnKb/AXjXiNTXyxgydX1KAyg1Axk"
    "wBYG4cfPYMZbuEbQJFJvv5C/2+GVXz1w94nKYTeUeepwUOFOuRLS6JVtZoYwpF56E+Yfk1IcGpFOvCZ01B4Bkuu"
    "7x3J+MD/j6kJgZLAgbCJQtI3eiW3kdGmX0p0I2BdY1ZsX6b4UiSvM3OMj6NEHJCJL4E0ZfitnhCoe24Kvjo6C2hF"
    "bZq+ei/HPgSXBQMSagkr4vS9c0ChzxH2+LNYvec6bY4kymkaZI1dvOzmpa0FcnGf5AjSK4GpsViZ/ujz6zxFv81q"
    "BXzjF0/4M1775rjV1VUdyKaixiA/sJiACNezqZqETidp8d24BDPRhGsj6pBCrnelqGFrk/gXEXUsJ+xwMifRC8UV"
    "wiKekpAvHUywVk7Ku4jH/n3i2VoLRP6FXwpUbelu34iiZ9czpXyLtyPKwxa87dlrnRVURwkcVjOt2Mcrcaqe+cbW"
    "HvNRhyrPkkdfSF3ac8/wfgVbXvLEB2k9mKc67aD9rvdc1PKX09Tk8BKklsMTpZ3TRCd4NzQlJKigMe8Jat9+1tKj"
    "4Ole5ZzW6uyTu2s2iFjEV8KXu4MaiRJyNKCdKeGhhZWY37Qk4NBK4Ppgu+C6Y41dpfOh288SLDEVx0/UySlqOEdh"
    "ba7c6BiPp5r3hKj3mk9lFy5OYp1aoGLeeFmjXveTnPdf2gkWqXXg7AUbJ7jEs1F0lKZQg4szep2gcKyAJXgvXLfJ"
    "JHcha8Lfb/Ee7wYmyOcAaRpDBoFNSbtoVXar46teIrpho+ZDvynUXvU0grHWGOk=:wn3SgymHZM99bEXAMPLE"
)
#: Text that JSON must escape: quotes, backslashes, control characters, non-ASCII, emoji.
AWKWARD = 'line 1\nline 2\t"quoted" \\ back / slash ü ß 😀 \u2028 \x00 end'
OPTIONAL = {
    "errorId": "Service-Error_42",
    "errorMessage": AWKWARD,
    "errorStackTrace": 'Traceback (most recent call last):\n  File "x.py", line 1\n' * 20,
}


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_aws(monkeypatch, tmp_path)


def ours(
    transport: Any,
    *,
    session_token: str | None = None,
    asynchronous: bool = False,
    retry_policy: Any = None,
    **options: Any,
) -> Any:
    cls = dp.AsyncDataPipelineClient if asynchronous else dp.DataPipelineClient
    return cls(
        REGION,
        credentials=dp.AwsCredentials(ACCESS_KEY, SECRET_KEY, session_token),
        transport=transport,
        clock=lambda: FIXED_NOW,
        retry_policy=retry_policy or dp.RetryPolicy.no_retries(),
        **options,
    )


def run_ours(client: Any, params: dict[str, Any]) -> Any:
    kwargs = {SNAKE[k]: v for k, v in params.items()}
    kwargs["task_status"] = dp.TaskStatus(kwargs["task_status"])
    result = client.set_task_status(**kwargs)
    if asyncio.iscoroutine(result):
        return asyncio.run(result)
    return result


def both_send(
    params: dict[str, Any],
    *,
    session_token: str | None = None,
    endpoint_url: str | None = None,
    region: str = REGION,
) -> tuple[Sent, Sent]:
    transport = StubTransport(dp)
    client = dp.DataPipelineClient(
        region,
        credentials=dp.AwsCredentials(ACCESS_KEY, SECRET_KEY, session_token),
        endpoint_url=endpoint_url,
        transport=transport,
        clock=lambda: FIXED_NOW,
    )
    run_ours(client, params)
    theirs = BotocoreStub(
        "datapipeline", session_token=session_token, endpoint_url=endpoint_url, region=region
    )
    theirs.call("set_task_status", **params)
    return transport.sent[0], theirs.sent[0]


# --- requests --------------------------------------------------------------------------------

OPTIONAL_SUBSETS = [
    combo for n in range(len(OPTIONAL) + 1) for combo in itertools.combinations(OPTIONAL, n)
]


@pytest.mark.parametrize("session_token", [None, SESSION_TOKEN], ids=["keys", "session"])
@pytest.mark.parametrize("optional", OPTIONAL_SUBSETS, ids=lambda c: "+".join(c) or "required")
@pytest.mark.parametrize("status", [s.value for s in dp.TaskStatus])
def test_set_task_status_request(
    status: str, optional: tuple[str, ...], session_token: str | None
) -> None:
    # Members in model order: botocore writes them in the order they are passed.
    params = {"taskId": TASK_ID, "taskStatus": status, **{k: OPTIONAL[k] for k in optional}}
    mine, theirs = both_send(params, session_token=session_token)
    assert_same_request(mine, theirs)
    assert mine.method == "POST"
    assert mine.url == "https://datapipeline.us-west-2.amazonaws.com/"
    assert mine.header("X-Amz-Target") == "DataPipeline.SetTaskStatus"
    assert mine.header("Content-Type") == "application/x-amz-json-1.1"
    signed = "content-type;host;x-amz-date;" + ("x-amz-security-token;" if session_token else "")
    assert f"SignedHeaders={signed}x-amz-target," in (mine.header("Authorization") or "")
    assert json.loads(mine.body) == params


@pytest.mark.parametrize("text", ["", " ", "ü", "😀", "\x7f", "\ud7ff", "a" * 10000])
def test_string_members_are_escaped_like_botocore(text: str) -> None:
    params = {"taskId": text or "t", "taskStatus": "FAILED", "errorMessage": text}
    mine, theirs = both_send(params)
    assert_same_request(mine, theirs)


def test_member_order_does_not_change_the_json() -> None:
    """botocore writes members in the caller's order, we in model order: same JSON, and the
    bytes match whenever the caller used model order (the tests above)."""
    params = {"taskId": "t", "taskStatus": "FALSE", **OPTIONAL}
    mine, _ = both_send(params)
    reordered = BotocoreStub("datapipeline")
    reordered.call("set_task_status", **dict(reversed(list(params.items()))))
    assert json.loads(mine.body) == json.loads(reordered.sent[0].body)
    assert mine.body != reordered.sent[0].body


def test_unknown_task_status_is_sent_as_given() -> None:
    mine, theirs = both_send({"taskId": "t", "taskStatus": "NEW_STATUS"})
    assert_same_request(mine, theirs)


@pytest.mark.parametrize(
    "region", ["us-east-1", "eu-west-1", "us-gov-west-1", "cn-north-1", "us-iso-east-1"]
)
def test_default_endpoint_per_partition(region: str) -> None:
    mine, theirs = both_send({"taskId": "t", "taskStatus": "FINISHED"}, region=region)
    assert_same_request(mine, theirs)


@pytest.mark.parametrize(
    "endpoint",
    ["https://example.com", "https://example.com/", "http://127.0.0.1:9000", "https://h/base/"],
)
def test_custom_endpoint(endpoint: str) -> None:
    mine, theirs = both_send({"taskId": "t", "taskStatus": "FINISHED"}, endpoint_url=endpoint)
    assert_same_request(mine, theirs)


@pytest.mark.xfail(
    strict=True,
    reason="botocore posts to an endpoint's own path ('/base'); we always add '/' ('/base/')",
)
def test_custom_endpoint_with_a_path() -> None:
    params = {"taskId": "t", "taskStatus": "FINISHED"}
    mine, theirs = both_send(params, endpoint_url="https://example.com/base")
    assert_same_request(mine, theirs)


# --- responses -------------------------------------------------------------------------------


def both_parse(answer: Canned) -> tuple[Any, Any]:
    params = {"taskId": "t", "taskStatus": "FINISHED"}
    try:
        mine: Any = run_ours(ours(StubTransport(dp, answer)), params)
    except Exception as err:
        mine = err
    try:
        theirs: Any = BotocoreStub("datapipeline").script(answer).call("set_task_status", **params)
    except Exception as err:
        theirs = err
    return mine, theirs


@pytest.mark.parametrize("body", [b"{}", b'{"unexpected": [1, 2]}', b""])
@pytest.mark.parametrize("headers", [{"x-amzn-RequestId": "8c8deb53-0788"}, {}])
def test_set_task_status_response(body: bytes, headers: dict[str, str]) -> None:
    mine, theirs = both_parse(Canned(200, headers, body))
    # A field this version does not know is kept (botocore drops it): see the Deadline tests.
    assert mine.unknown_fields == json.loads(body or b"{}")
    assert {k: v for k, v in mine.to_dict().items() if k not in mine.unknown_fields} == {}
    assert botocore_plain(theirs) == {}
    assert mine.response_metadata.request_id == theirs["ResponseMetadata"].get("RequestId", "")
    assert mine.response_metadata.status_code == 200


MODELED = {
    "InternalServiceError": 500,
    "InvalidRequestException": 400,
    "PipelineDeletedException": 400,
    "PipelineNotFoundException": 400,
    "TaskNotFoundException": 400,
}
TYPE_STYLES = {
    "plain": "{}",
    "namespace": "com.amazonaws.datapipeline#{}",
    "suffix": "{}:http://internal.amazon.com/coral/com.amazonaws.datapipeline/",
    "both": "com.amazonaws.datapipeline.v20121029#{}:http://internal.amazon.com/coral/",
}


@pytest.mark.parametrize("message_key", ["message", "Message"])
@pytest.mark.parametrize("style", list(TYPE_STYLES))
@pytest.mark.parametrize("code", list(MODELED))
def test_modeled_errors(code: str, style: str, message_key: str) -> None:
    body = {"__type": TYPE_STYLES[style].format(code), message_key: f"{code}: ü"}
    mine, theirs = both_parse(Canned.json(MODELED[code], body, {"x-amzn-RequestId": "r-1"}))
    assert type(theirs).__name__ == code
    assert isinstance(mine, dp.ERRORS_BY_CODE[code])
    assert_same_error(mine, theirs, base_error="DataPipelineError")


UNMODELED = {
    "unknown-type": Canned.json(400, {"__type": "ThrottlingException", "message": "slow"}),
    "no-type": Canned.json(403, {"Message": "forbidden"}, {"x-amzn-RequestId": "r-2"}),
    "plain-text": Canned(400, {}, b"not json at all"),
    "json-5xx": Canned.json(500, {"message": "unexpected"}),
    "doctype-html": Canned(503, {}, b"<!DOCTYPE html><p>maintenance</p>"),
}


@pytest.mark.parametrize("case", list(UNMODELED))
def test_unmodeled_errors(case: str) -> None:
    mine, theirs = both_parse(UNMODELED[case])
    assert type(theirs) is botocore.exceptions.ClientError
    assert type(mine) is dp.DataPipelineError
    assert_same_error(mine, theirs, base_error="DataPipelineError")


SMITHY_ERROR_TYPES = {
    "header": Canned.json(400, {"message": "m"}, {"x-amzn-errortype": "TaskNotFoundException"}),
    "body-code": Canned.json(400, {"code": "TaskNotFoundException", "message": "m"}),
    "header-wins": Canned.json(
        400,
        {"code": "PipelineNotFoundException", "__type": "InvalidRequestException", "message": "m"},
        {"x-amzn-errortype": "TaskNotFoundException:http://internal.amazon.com/coral/"},
    ),
}


@pytest.mark.parametrize("case", list(SMITHY_ERROR_TYPES))
def test_error_type_from_header_or_body_code(case: str) -> None:
    """Deliberate: botocore 1.44 reads only `__type` in awsJson1_1; the Smithy awsJson1_1 page
    and protocol tests (AwsJson11FooErrorUsingXAmznErrorType, ...UsingCode) take the
    X-Amzn-Errortype header first, then the body's `code`, then `__type` (WIRE.md: all three)."""
    mine, theirs = both_parse(SMITHY_ERROR_TYPES[case])
    assert type(theirs) is not dp.TaskNotFoundException
    assert type(mine) is dp.TaskNotFoundException
    assert (mine.code, mine.message, mine.status_code) == ("TaskNotFoundException", "m", 400)


@pytest.mark.parametrize(
    "answer",
    [
        Canned(500, {"x-amzn-RequestId": "r-500"}, b""),
        Canned(502, {}, b"<html>bad gateway</html>"),
        Canned(503, {}, b"\n <html></html>"),
    ],
    ids=["500-empty", "502-html", "503-html"],
)
def test_5xx_with_html_or_empty_body(answer: Canned) -> None:
    """Status and reason phrase, as botocore; we keep the request id botocore loses."""
    mine, theirs = both_parse(answer)
    assert mine.code == str(answer.status)
    expected_id = answer.headers.get("x-amzn-RequestId", "")
    assert_same_error(mine, theirs, base_error="DataPipelineError", request_id=expected_id)


# --- retries ---------------------------------------------------------------------------------


def ok() -> Canned:
    return Canned.json(200, {}, {"x-amzn-RequestId": "ok"})


def typed(status: int, code: str) -> Canned:
    return Canned.json(status, {"__type": code, "message": "m"})


#: Answers the service cannot have acted on: retried by both clients, with the same backoff.
UNPROCESSED = {
    "429-200": [Canned(429, {}, b""), ok()],
    "503-503-200": [Canned(503, {}, b""), typed(503, "ServiceUnavailable"), ok()],
    "503-x3": [Canned(503, {}, b"")] * 3,
    "400-throttling-200": [typed(400, "ThrottlingException"), ok()],
    "400-Throttling-429-200": [typed(400, "Throttling"), Canned(429, {}, b""), ok()],
    "400-invalid": [typed(400, "InvalidRequestException")],
    "400-task-not-found": [typed(400, "TaskNotFoundException")],
}


def top_of_jitter(low: float, high: float) -> float:
    return high


def ours_with_retries(asynchronous: bool, sleeps: list[float], transport: Any) -> Any:
    async def async_sleep(delay: float) -> None:
        sleeps.append(delay)

    policy = dp.RetryPolicy.aws(sleep=sleeps.append, async_sleep=async_sleep, random=top_of_jitter)
    return ours(transport, asynchronous=asynchronous, retry_policy=policy)


def outcome(call: Callable[[], Any]) -> tuple[str, str]:
    try:
        call()
    except botocore.exceptions.ClientError as err:
        return "error", err.response["Error"]["Code"]
    except botocore.exceptions.ConnectionClosedError:
        return "dropped", ""
    except dp.DataPipelineError as err:
        return "error", err.code
    except dp.TransportError:
        return "dropped", ""
    return "ok", ""


PARAMS = {"taskId": "t", "taskStatus": "FINISHED"}


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("case", list(UNPROCESSED))
def test_unprocessed_answers_are_retried_like_botocore(
    case: str, asynchronous: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = UNPROCESSED[case]
    their_sleeps = record_botocore_backoff(monkeypatch)
    theirs = BotocoreStub("datapipeline", max_attempts=3).script(*script)
    their_outcome = outcome(lambda: theirs.call("set_task_status", **PARAMS))

    my_sleeps: list[float] = []
    transport = (AsyncStubTransport if asynchronous else StubTransport)(dp, *script)
    my_outcome = outcome(
        lambda: run_ours(ours_with_retries(asynchronous, my_sleeps, transport), PARAMS)
    )

    assert my_outcome == their_outcome
    assert len(transport.requests) == len(theirs.sent)
    assert my_sleeps == pytest.approx(their_sleeps)
    assert len({s.body for s in transport.sent}) == 1


#: Answers after which the service may have acted: botocore retries, we do not (not idempotent).
MAYBE_PROCESSED = {
    "500-200": [Canned(500, {}, b""), ok()],
    "500-InternalServiceError-200": [typed(500, "InternalServiceError"), ok()],
    "502-200": [Canned(502, {}, b"<html></html>"), ok()],
    "504-200": [Canned(504, {}, b""), ok()],
    "400-RequestTimeout-200": [typed(400, "RequestTimeout"), ok()],
    "drop-200": [Canned(drop=True), ok()],
}


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("case", list(MAYBE_PROCESSED))
def test_maybe_processed_answers_are_not_retried(
    case: str, asynchronous: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deliberate: SetTaskStatus is not idempotent, so an answer that does not prove the
    service ignored the call ends it; botocore retries every operation alike."""
    script = MAYBE_PROCESSED[case]
    record_botocore_backoff(monkeypatch)
    theirs = BotocoreStub("datapipeline", max_attempts=3).script(*script)
    assert outcome(lambda: theirs.call("set_task_status", **PARAMS)) == ("ok", "")
    assert len(theirs.sent) == 2

    my_sleeps: list[float] = []
    transport = (AsyncStubTransport if asynchronous else StubTransport)(dp, *script)
    kind, _ = outcome(
        lambda: run_ours(ours_with_retries(asynchronous, my_sleeps, transport), PARAMS)
    )
    assert kind == ("dropped" if script[0].drop else "error")
    assert len(transport.requests) == 1 and my_sleeps == []


# --- through the default transports, against a raw-socket server on 127.0.0.1 -------------


@pytest.fixture
def server() -> Any:
    stub = StubServer()
    try:
        yield stub
    finally:
        stub.close()


async def _call_async(client: Any, params: dict[str, Any]) -> Any:
    async with client:
        return await client.set_task_status(
            task_id=params["taskId"], task_status=dp.TaskStatus(params["taskStatus"])
        )


def call_default_transport(
    endpoint: str, asynchronous: bool, sleeps: list[float], params: dict[str, Any] = PARAMS
) -> Any:
    async def async_sleep(delay: float) -> None:
        sleeps.append(delay)

    cls = dp.AsyncDataPipelineClient if asynchronous else dp.DataPipelineClient
    client = cls(
        REGION,
        credentials=dp.AwsCredentials(ACCESS_KEY, SECRET_KEY),
        endpoint_url=endpoint,
        clock=lambda: FIXED_NOW,
        retry_policy=dp.RetryPolicy.aws(sleep=sleeps.append, async_sleep=async_sleep),
        timeout=5.0,
    )
    if asynchronous:
        return asyncio.run(_call_async(client, params))
    with client:
        return run_ours(client, params)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["urllib3", "httpx-async"])
def test_429_and_503_are_retried_and_signed_like_botocore(
    server: StubServer, asynchronous: bool
) -> None:
    server.script(Reply(429, {}, b""), Reply(503, {}, b""), Reply(200, {}, b"{}"))
    sleeps: list[float] = []
    call_default_transport(server.url, asynchronous, sleeps)
    assert len(server.received) == 3 and len(sleeps) == 2
    theirs = BotocoreStub("datapipeline", endpoint_url=server.url)
    theirs.call("set_task_status", **PARAMS)
    for received in server.received:
        assert (received.method, received.target) == ("POST", "/")
        assert received.header("Authorization") == theirs.sent[0].header("Authorization")
        assert received.body == theirs.sent[0].body


@pytest.mark.parametrize("asynchronous", [False, True], ids=["urllib3", "httpx-async"])
@pytest.mark.parametrize("first", ["drop", "500"])
def test_drop_or_500_is_not_retried(server: StubServer, asynchronous: bool, first: str) -> None:
    server.script(Reply(drop=True) if first == "drop" else Reply(500, {}, b""), Reply(200))
    sleeps: list[float] = []
    expected = dp.TransportError if first == "drop" else dp.DataPipelineError
    with pytest.raises(expected):
        call_default_transport(server.url, asynchronous, sleeps)
    assert len(server.received) == 1 and sleeps == []


@pytest.mark.parametrize("asynchronous", [False, True], ids=["urllib3", "httpx-async"])
def test_refused_connection_is_retried(asynchronous: bool) -> None:
    """Nothing reached the server, so even a non-idempotent call is retried."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    probe.close()  # bound, never listening: connections are refused
    sleeps: list[float] = []
    with pytest.raises(dp.TransportError) as caught:
        call_default_transport(url, asynchronous, sleeps)
    assert caught.value.request_sent is False
    assert len(sleeps) == 2
