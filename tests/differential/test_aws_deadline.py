"""Differential tests: the generated Deadline Cloud client (aws.restJson1) against botocore.

The same inputs go to both; requests are compared on the wire (method, URL, headers, body and
the SigV4 signature at a fixed clock), canned responses and errors are parsed by both and
compared after normalising, and retries are compared attempt by attempt and sleep by sleep.
Where the generated client departs from botocore on purpose, a test says so and why.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import botocore.exceptions
import botocore.parsers
import botocore.session
import pytest
from botocore.config import Config
from runtime.runtime_stub import Received, Reply, StubServer

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
    aware,
    botocore_plain,
    import_generated,
    is_uuid4,
    isolate_aws,
    record_botocore_backoff,
)

dl = import_generated("deadline_tasks")

IDS = {
    "farmId": "farm-0123456789abcdef0123456789abcdef",
    "queueId": "queue-0123456789abcdef0123456789abcdef",
    "jobId": "job-0123456789abcdef0123456789abcdef",
    "stepId": "step-0123456789abcdef0123456789abcdef",
    "taskId": "task-0123456789abcdef0123456789abcdef-0",
}
SNAKE = {
    "farmId": "farm_id",
    "queueId": "queue_id",
    "jobId": "job_id",
    "stepId": "step_id",
    "taskId": "task_id",
    "targetRunStatus": "target_run_status",
    "clientToken": "client_token",
}
#: Label values that need escaping (or look like they might), one per case.
LABELS = [
    "a/b",
    "with space",
    "ümlaut",
    "100%",
    "a+b",
    "tilde~",
    "emoji-😀",
    "...",
    "a.b_c-d~",
    "query?#&=;,",
    "mixed /ü%+~😀",
]
TIMESTAMP_KEYS = ("createdAt", "startedAt", "endedAt", "updatedAt")


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
    cls = dl.AsyncDeadlineClient if asynchronous else dl.DeadlineClient
    return cls(
        REGION,
        credentials=dl.AwsCredentials(ACCESS_KEY, SECRET_KEY, session_token),
        transport=transport,
        clock=lambda: FIXED_NOW,
        retry_policy=retry_policy or dl.RetryPolicy.no_retries(),
        **options,
    )


def to_ours(params: dict[str, Any]) -> dict[str, Any]:
    out = {SNAKE[k]: v for k, v in params.items()}
    if "target_run_status" in out:
        out["target_run_status"] = dl.TaskTargetRunStatus(out["target_run_status"])
    return out


def run_ours(client: Any, operation: str, params: dict[str, Any]) -> Any:
    """Call the sync or the async client alike (the async one on a fresh event loop)."""
    result = getattr(client, operation)(**to_ours(params))
    if asyncio.iscoroutine(result):
        return asyncio.run(result)
    return result


def success(operation: str) -> Canned:
    return Canned.json(200, MINIMAL_TASK) if operation == "get_task" else Canned.json(200, {})


def both_send(
    operation: str,
    params: dict[str, Any],
    *,
    session_token: str | None = None,
    endpoint_url: str | None = None,
) -> tuple[Sent, Sent]:
    """What each client sends for the same call."""
    transport = StubTransport(dl, success(operation))
    client = ours(transport, session_token=session_token, endpoint_url=endpoint_url)
    run_ours(client, operation, params)
    theirs = BotocoreStub("deadline", session_token=session_token, endpoint_url=endpoint_url)
    theirs.call(operation, **params)
    return transport.sent[0], theirs.sent[0]


# --- requests --------------------------------------------------------------------------------


@pytest.mark.parametrize("session_token", [None, SESSION_TOKEN], ids=["keys", "session"])
@pytest.mark.parametrize("label", LABELS)
def test_get_task_request(label: str, session_token: str | None) -> None:
    params = {**IDS, "queueId": label, "taskId": f"task-{label}"}
    mine, theirs = both_send("get_task", params, session_token=session_token)
    assert_same_request(mine, theirs)
    assert mine.method == "GET" and mine.body == b""
    assert mine.header("Content-Type") is None
    assert mine.url.startswith("https://management.deadline.us-west-2.amazonaws.com/2023-10-12/")
    signed = "host;x-amz-date" + (";x-amz-security-token" if session_token else "")
    assert f"SignedHeaders={signed}," in (mine.header("Authorization") or "")


@pytest.mark.parametrize("label", ["", ".", ".."])
def test_labels_that_would_address_another_resource_are_refused(label: str) -> None:
    # A deliberate departure: botocore sends `..` as is and the HTTP stack may resolve it to the
    # parent resource (UpdateTask would become UpdateStep). We refuse before sending.
    client = dl.DeadlineClient("us-west-2", credentials=dl.AwsCredentials("AKID", "SECRET"))
    with pytest.raises(ValueError, match="invalid path label"):
        client.get_task(farm_id="f", queue_id="q", job_id="j", step_id="s", task_id=label)


@pytest.mark.parametrize("position", list(IDS))
def test_every_label_is_escaped_like_botocore(position: str) -> None:
    mine, theirs = both_send("get_task", {**IDS, position: "x /ü%+~😀"})
    assert_same_request(mine, theirs)
    assert "/x%20%2F%C3%BC%25%2B~%F0%9F%98%80" in mine.url


@pytest.mark.parametrize("session_token", [None, SESSION_TOKEN], ids=["keys", "session"])
@pytest.mark.parametrize(
    "token", ["a1b2c3d4-token", "ü token/+=", None], ids=["ascii", "odd", "omitted"]
)
@pytest.mark.parametrize("status", [s.value for s in dl.TaskTargetRunStatus])
def test_update_task_request(status: str, token: str | None, session_token: str | None) -> None:
    params: dict[str, Any] = {**IDS, "targetRunStatus": status}
    if token is not None:
        params["clientToken"] = token
    mine, theirs = both_send("update_task", params, session_token=session_token)
    assert mine.method == "PATCH" and mine.body == json.dumps({"targetRunStatus": status}).encode()
    assert mine.header("Content-Type") == "application/json"
    if token is not None:
        assert_same_request(mine, theirs)
        return
    # Each side makes its own uuid4 (so the signatures differ); everything else is the same...
    assert_same_request(mine, theirs, skip=("X-Amz-Client-Token", "Authorization"))
    assert is_uuid4(mine.header("X-Amz-Client-Token"))
    assert is_uuid4(theirs.header("X-Amz-Client-Token"))
    # ...and given our token, botocore signs exactly what we signed.
    again = BotocoreStub("deadline", session_token=session_token)
    again.call("update_task", **params, clientToken=mine.header("X-Amz-Client-Token"))
    assert_same_request(mine, again.sent[0])


def test_unknown_target_run_status_is_sent_as_given() -> None:
    mine, theirs = both_send(
        "update_task", {**IDS, "targetRunStatus": "NEW_STATUS", "clientToken": "t"}
    )
    assert_same_request(mine, theirs)


@pytest.mark.parametrize(
    "region",
    [
        "us-west-2",
        "eu-central-1",
        "ap-southeast-7",
        "us-gov-west-1",
        "cn-north-1",
        "cn-northwest-1",
        "us-iso-east-1",
        "us-isob-east-1",
        "eu-isoe-west-1",
        "us-isof-south-1",
        "eusc-de-east-1",
    ],
)
def test_default_endpoint_per_partition(region: str) -> None:
    transport = StubTransport(dl, success("get_task"))
    client = dl.DeadlineClient(
        region,
        credentials=dl.AwsCredentials(ACCESS_KEY, SECRET_KEY),
        transport=transport,
        clock=lambda: FIXED_NOW,
    )
    theirs = BotocoreStub("deadline", region=region)
    assert client.endpoint == theirs.client.meta.endpoint_url
    client.get_task(**to_ours(IDS))
    theirs.call("get_task", **IDS)
    assert_same_request(transport.sent[0], theirs.sent[0])


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://example.com",
        "https://example.com/",
        "https://example.com/prefix",
        "https://example.com/prefix/",
        "http://localhost:4566",
        "http://127.0.0.1:8080",
        "https://example.com:443",
    ],
)
@pytest.mark.parametrize("inject", [None, False], ids=["prefix", "no-prefix"])
def test_custom_endpoint_and_host_prefix(endpoint: str, inject: bool | None) -> None:
    """botocore applies ``management.`` to any custom endpoint, IP addresses included
    (``management.127.0.0.1``); ``inject_host_prefix=False`` is its opt-out and ours."""
    transport = StubTransport(dl, success("get_task"))
    run_ours(ours(transport, endpoint_url=endpoint, inject_host_prefix=inject), "get_task", IDS)
    config = {} if inject is None else {"inject_host_prefix": inject}
    theirs = BotocoreStub("deadline", endpoint_url=endpoint, **config)
    theirs.call("get_task", **IDS)
    assert_same_request(transport.sent[0], theirs.sent[0])
    assert ("://management." in transport.sent[0].url) is (inject is None)


@pytest.mark.parametrize("where", ["environment", "config file"])
def test_host_prefix_opt_out_from_the_environment(
    where: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if where == "environment":
        monkeypatch.setenv("AWS_DISABLE_HOST_PREFIX_INJECTION", "true")
    else:
        (tmp_path / "aws-config").write_text("[default]\ndisable_host_prefix_injection = true\n")
    mine, theirs = both_send("get_task", IDS, endpoint_url="http://127.0.0.1:8080")
    assert_same_request(mine, theirs)
    assert mine.url.startswith("http://127.0.0.1:8080/2023-10-12/")


# --- responses -------------------------------------------------------------------------------

FULL_TASK: dict[str, Any] = {
    "taskId": IDS["taskId"],
    "createdAt": "2024-07-01T12:00:00Z",
    "createdBy": "arn:aws:iam::123456789012:user/ünïcode",
    "runStatus": "RUNNING",
    "targetRunStatus": "SUCCEEDED",
    "failureRetryCount": 2,
    "parameters": {
        "frame": {"int": "42"},
        "scale": {"float": "-1.5e3"},
        "name": {"string": 'ü "quoted" 😀\n'},
        "output": {"path": "/mnt/render/out"},
        "frames": {"chunkInt": "1-10,12"},
    },
    "startedAt": 1719835260,
    "endedAt": 1719835320.25,
    "updatedAt": "2024-07-01T12:02:00.123456Z",
    "updatedBy": "arn:aws:iam::123456789012:role/worker",
    "latestSessionActionId": "sessionaction-0123456789abcdef0123456789abcdef-0",
}
MINIMAL_TASK = {k: FULL_TASK[k] for k in ("taskId", "createdAt", "createdBy", "runStatus")}


def union_plain(value: Any) -> dict[str, Any]:
    """Our union value in botocore's form (an unknown member is botocore's marker)."""
    if isinstance(value, dl.TaskParameterValueUnknown):
        return {"SDK_UNKNOWN_MEMBER": {"name": value.tag}}
    result: dict[str, Any] = value.to_dict()
    return result


def ours_plain(result: Any) -> dict[str, Any]:
    # to_dict() keeps timestamps as aware datetimes, the form botocore returns too. Fields the
    # model does not know are kept by ours and dropped by botocore (test_unknown_fields_...).
    data: dict[str, Any] = result.to_dict()
    for key in result.unknown_fields:
        del data[key]
    for key in TIMESTAMP_KEYS:
        if key in data:
            assert isinstance(data[key], dt.datetime) and data[key].tzinfo is not None
            data[key] = aware(data[key])
    if result.parameters is not None:
        data["parameters"] = {k: union_plain(v) for k, v in result.parameters.items()}
    return data


def both_parse(
    operation: str, answer: Canned, params: dict[str, Any] | None = None
) -> tuple[Any, Any]:
    """Our result and botocore's for one canned answer; errors are returned, not raised."""
    params = params or ({**IDS, "targetRunStatus": "READY"} if operation == "update_task" else IDS)
    transport = StubTransport(dl, answer)
    try:
        mine: Any = run_ours(ours(transport), operation, params)
    except Exception as err:
        mine = err
    theirs_client = BotocoreStub("deadline").script(answer)
    try:
        theirs: Any = theirs_client.call(operation, **params)
    except Exception as err:
        theirs = err
    return mine, theirs


def assert_same_task(body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
    mine, theirs = both_parse("get_task", Canned.json(200, body, headers))
    assert not isinstance(mine, Exception), mine
    assert not isinstance(theirs, Exception), theirs
    assert ours_plain(mine) == botocore_plain(theirs)
    # Unknown enum values and union members survive our round trip.
    assert dl.GetTaskResponse.from_dict(mine.to_dict()) == mine
    return mine


def test_full_get_task_response() -> None:
    mine = assert_same_task(FULL_TASK)
    assert isinstance(mine.parameters["frame"], dl.TaskParameterValueInt)
    assert mine.started_at == dt.datetime(2024, 7, 1, 12, 1, tzinfo=dt.UTC)


def test_minimal_get_task_response() -> None:
    assert_same_task(MINIMAL_TASK)


@pytest.mark.parametrize(
    "value",
    [
        "2024-07-01T12:00:00Z",
        "2024-07-01T12:00:00.5Z",
        "2024-07-01T12:00:00.123456Z",
        "2024-07-01T12:00:00.1234567Z",
        "2024-07-01t12:00:00z",
        "2024-07-01T14:30:00+02:30",
        "2024-07-01T05:00:00-0700",
        "2024-07-01T12:00:00",
        "2024-07-01 12:00:00Z",
        "2024-07-01T12:00Z",
        "20240701T120000Z",
        "20240701T120000.25+0100",
        "2024-07-01",
        "Mon, 01 Jul 2024 12:00:00 GMT",
        1719835200,
        1719835200.5,
        1719835200.123456,
        "1719835200",
        "1719835200.75",
        0,
        -1.5,
    ],
)
def test_timestamps_iso_and_epoch(value: Any) -> None:
    assert_same_task({**MINIMAL_TASK, **dict.fromkeys(TIMESTAMP_KEYS, value)})


@pytest.mark.parametrize("status", [*(s.value for s in dl.TaskRunStatus), "BRAND_NEW_STATUS"])
def test_every_run_status_and_unknown_ones(status: str) -> None:
    mine = assert_same_task({**MINIMAL_TASK, "runStatus": status, "targetRunStatus": status})
    assert mine.run_status.value == status
    assert mine.run_status.is_known is (status != "BRAND_NEW_STATUS")


@pytest.mark.parametrize(
    "parameter",
    [
        {"int": "-7"},
        {"float": "3.25"},
        {"string": ""},
        {"path": "C:\\render\\out"},
        {"chunkInt": "1,3,7"},
        {"float": "1.0", "int": None},
        {"newKind": "value"},
        {"newKind": {"nested": [1, 2]}},
        {"newKind": "x", "int": None},
    ],
    ids=lambda p: "+".join(p),
)
def test_task_parameter_union_members(parameter: dict[str, Any]) -> None:
    mine = assert_same_task({**MINIMAL_TASK, "parameters": {"p": parameter}})
    if "newKind" in parameter:
        unknown = mine.parameters["p"]
        assert isinstance(unknown, dl.TaskParameterValueUnknown)
        assert (unknown.tag, unknown.raw) == ("newKind", parameter["newKind"])


def test_union_type_key_is_ignored() -> None:
    # botocore ignores a '__type' key in a union; so does ours.
    assert_same_task({**MINIMAL_TASK, "parameters": {"p": {"__type": "x", "path": "/p"}}})


@pytest.mark.parametrize("parameter", [{}, {"int": "1", "float": "2"}, {"int": None}])
def test_union_with_zero_or_two_members_is_an_error_in_both(parameter: dict[str, Any]) -> None:
    mine, theirs = both_parse(
        "get_task", Canned.json(200, {**MINIMAL_TASK, "parameters": {"p": parameter}})
    )
    assert isinstance(mine, ValueError)
    assert isinstance(theirs, botocore.parsers.ResponseParserError)


def test_nulls_are_dropped_and_unknown_fields_kept_where_botocore_drops_them() -> None:
    """Deliberate: a field a newer service version sends survives a read-modify-write
    (``unknown_fields``, sent back by ``to_wire()``); botocore drops it. ``__type`` is the
    protocol's bookkeeping, not data: dropped by both."""
    body = {
        **MINIMAL_TASK,
        "updatedBy": None,
        "targetRunStatus": None,
        "parameters": None,
        "brandNewField": {"nested": True},
        "__type": "com.amazonaws.deadline#GetTaskResponse",
    }
    mine = assert_same_task(body)
    assert mine.updated_by is None and mine.parameters is None
    assert mine.unknown_fields == {"brandNewField": {"nested": True}}
    assert mine.to_wire()["brandNewField"] == {"nested": True}
    _, theirs = both_parse("get_task", Canned.json(200, body))
    assert "brandNewField" not in theirs and "__type" not in theirs


def test_null_map_values_are_dropped_where_botocore_keeps_none() -> None:
    """Deliberate: dense Smithy maps drop the nulls a service sends (protocol test
    RestJsonDeserializesDenseSetMapAndSkipsNull); botocore keeps them as None, which the typed
    ``dict[str, TaskParameterValue]`` cannot hold."""
    body = {**MINIMAL_TASK, "parameters": {"a": {"int": "1"}, "gone": None}}
    mine, theirs = both_parse("get_task", Canned.json(200, body))
    assert theirs["parameters"] == {"a": {"int": "1"}, "gone": None}
    assert ours_plain(mine)["parameters"] == {"a": {"int": "1"}}


@pytest.mark.parametrize(
    "headers",
    [
        {"x-amzn-RequestId": "a1b2-request"},
        {"X-Amzn-Requestid": "mixed-case"},
        {"x-amz-request-id": "s3-style", "x-amz-id-2": "host-id"},
        {"x-amzn-RequestId": "first", "x-amz-request-id": "second"},
        {},
    ],
)
def test_response_metadata_request_id(headers: dict[str, str]) -> None:
    mine, theirs = both_parse("get_task", Canned.json(200, MINIMAL_TASK, headers))
    assert mine.response_metadata.request_id == theirs["ResponseMetadata"].get("RequestId", "")
    assert mine.response_metadata.status_code == theirs["ResponseMetadata"]["HTTPStatusCode"]


@pytest.mark.parametrize("body", [b"{}", b'{"unexpected": 1}', b""])
def test_update_task_response(body: bytes) -> None:
    mine, theirs = both_parse("update_task", Canned(200, {"x-amzn-RequestId": "r"}, body))
    assert {k: v for k, v in mine.to_dict().items() if k not in mine.unknown_fields} == {}
    assert botocore_plain(theirs) == {}
    assert mine.unknown_fields == json.loads(body or b"{}")
    assert mine.response_metadata.request_id == theirs["ResponseMetadata"]["RequestId"] == "r"


def test_missing_required_member_is_an_error_where_botocore_returns_partial_data() -> None:
    """Deliberate: the typed model cannot represent a GetTask without its required members."""
    mine, theirs = both_parse("get_task", Canned(200, {}, b"{}"))
    assert isinstance(mine, ValueError) and "taskId" in str(mine)
    assert botocore_plain(theirs) == {}


# --- errors ----------------------------------------------------------------------------------

MODELED: dict[str, tuple[int, dict[str, Any], dict[str, str]]] = {
    "AccessDeniedException": (403, {"message": "denied ü", "context": {"k": "v"}}, {}),
    "InternalServerErrorException": (500, {"message": "boom"}, {"Retry-After": "7"}),
    "ResourceNotFoundException": (
        404,
        {"message": "no task", "resourceId": "task-1", "resourceType": "task", "context": {}},
        {},
    ),
    "ThrottlingException": (
        429,
        {"message": "slow down", "serviceCode": "deadline", "quotaCode": "L-1", "context": {}},
        {"Retry-After": "3"},
    ),
    "ConflictException": (
        409,
        {
            "message": "conflict",
            "reason": "STATUS_CONFLICT",
            "resourceId": "task-1",
            "resourceType": "task",
            "context": {"a": "b"},
        },
        {},
    ),
    "ValidationException": (
        400,
        {
            "message": "invalid",
            "reason": "FIELD_VALIDATION_FAILED",
            "fieldList": [{"name": "taskId", "message": "bad"}, {"name": "x", "message": "y"}],
            "context": {"field": "taskId"},
        },
        {},
    ),
}
OPERATION_ERRORS = {
    "get_task": [
        "AccessDeniedException",
        "InternalServerErrorException",
        "ResourceNotFoundException",
        "ThrottlingException",
        "ValidationException",
    ],
    "update_task": [*MODELED],
}


def error_answer(code: str, style: str) -> Canned:
    """The modeled error ``code``, its code carried the way ``style`` says."""
    status, body, extra = MODELED[code]
    body, headers = dict(body), {"x-amzn-RequestId": f"req-{code}-{style}", **extra}
    if style == "header":
        headers["x-amzn-errortype"] = (
            f"{code}:http://internal.amazon.com/coral/com.amazonaws.deadline/"
        )
    elif style == "header-wins":
        headers["x-amzn-errortype"] = code
        body["__type"], body["code"] = "com.amazonaws.deadline#Other", "Other"
    elif style == "code":
        body["code"] = code
    elif style == "Code":
        body["Code"] = code
        body["Message"] = body.pop("message")
    elif style == "code-wins":
        body["code"], body["__type"] = code, "Other"
    elif style == "__type":
        body["__type"] = f"com.amazonaws.deadline#{code}"
    elif style == "__type-suffix":
        body["__type"] = f"aws.deadline#{code}:http://internal.amazon.com/coral/"
    return Canned.json(status, body, headers)


STYLES = ["header", "header-wins", "code", "Code", "code-wins", "__type", "__type-suffix"]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(
    ("operation", "code"), [(op, code) for op, codes in OPERATION_ERRORS.items() for code in codes]
)
def test_modeled_errors(operation: str, code: str, style: str) -> None:
    mine, theirs = both_parse(operation, error_answer(code, style))
    assert isinstance(theirs, botocore.exceptions.ClientError)
    assert type(theirs).__name__ == code
    assert isinstance(mine, dl.DeadlineError)
    assert_same_error(mine, theirs, base_error="DeadlineError")
    assert isinstance(mine, dl.ERRORS_BY_CODE[code])


def test_unknown_enum_in_error_and_conflict_from_get_task() -> None:
    """Error classes are looked up service-wide, as botocore does (Conflict is not a GetTask
    error in the model); unknown ``reason`` values pass through."""
    answer = Canned.json(
        409, {"message": "m", "reason": "NEW_REASON"}, {"x-amzn-errortype": "ConflictException"}
    )
    mine, theirs = both_parse("get_task", answer)
    assert_same_error(mine, theirs, base_error="DeadlineError")
    assert mine.reason.value == "NEW_REASON" and not mine.reason.is_known


UNMODELED = {
    "unknown-__type": Canned.json(400, {"__type": "SomethingNew", "message": "x"}),
    "unknown-header": Canned.json(
        403,
        {"message": "The security token included in the request is invalid."},
        {"x-amzn-errortype": "UnrecognizedClientException:http://x", "x-amzn-RequestId": "r-1"},
    ),
    "no-code-json": Canned.json(418, {"message": "teapot"}),
    "no-code-Message": Canned.json(400, {"Message": "upper"}),
    "plain-text-400": Canned(400, {"x-amzn-RequestId": "r-2"}, b"Bad Request: not JSON"),
    "json-5xx": Canned.json(504, {"message": "gateway timed out"}),
    "doctype-html-503": Canned(503, {}, b"<!DOCTYPE html><html><body>busy</body></html>"),
    "empty-body-400": Canned(400, {}, b""),
    "code-null": Canned.json(400, {"code": None, "__type": "Fallback", "message": "m"}),
}


@pytest.mark.parametrize("operation", ["get_task", "update_task"])
@pytest.mark.parametrize("case", list(UNMODELED))
def test_unmodeled_errors(case: str, operation: str) -> None:
    mine, theirs = both_parse(operation, UNMODELED[case])
    assert type(theirs) is botocore.exceptions.ClientError
    assert type(mine) is dl.DeadlineError
    assert_same_error(mine, theirs, base_error="DeadlineError")


GENERIC = {
    "500-empty": Canned(500, {"x-amzn-RequestId": "r-500"}, b""),
    "502-html": Canned(
        502, {"x-amzn-RequestId": "r-502"}, b"<html><body>Bad Gateway</body></html>"
    ),
    "503-html-padded": Canned(503, {}, b"\r\n  <html>\n<h1>503</h1></html>"),
    "504-whitespace": Canned(504, {}, b"   "),
    "599-html": Canned(599, {}, b"<html></html>"),
}


@pytest.mark.parametrize("case", list(GENERIC))
def test_5xx_with_html_or_empty_body(case: str) -> None:
    """The status and its reason phrase, whatever else the answer says, as botocore does.
    Deliberate: botocore also forgets the request id of such answers; we keep it."""
    answer = GENERIC[case]
    mine, theirs = both_parse("get_task", answer)
    assert type(mine) is dl.DeadlineError
    assert mine.code == str(answer.status)
    assert_same_error(
        mine,
        theirs,
        base_error="DeadlineError",
        request_id=answer.headers.get("x-amzn-RequestId", ""),
    )


def test_5xx_without_body_but_with_an_error_type() -> None:
    """Deliberate: botocore reports a bodiless 5xx as a generic error even when it names its
    type; the Smithy restJson1 protocol tests (RestJsonFooErrorUsingXAmznErrorType, which
    botocore skips) want the named error: the header is the service's, not a proxy's."""
    answer = Canned(
        500, {"x-amzn-errortype": "InternalServerErrorException", "x-amzn-RequestId": "r"}, b""
    )
    mine, theirs = both_parse("get_task", answer)
    assert type(theirs) is botocore.exceptions.ClientError
    assert type(mine) is dl.InternalServerErrorException
    assert (mine.code, mine.status_code, mine.request_id) == (
        "InternalServerErrorException",
        500,
        "r",
    )


def test_retry_after_that_is_not_seconds() -> None:
    """Deliberate: botocore raises ValueError from int() on ``Retry-After: <HTTP date>``; we
    raise the modeled error with ``retry_after_seconds`` unset."""
    answer = Canned.json(
        429,
        {"message": "slow"},
        {"x-amzn-errortype": "ThrottlingException", "Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"},
    )
    mine, theirs = both_parse("get_task", answer)
    assert isinstance(theirs, ValueError)
    assert isinstance(mine, dl.ThrottlingException)
    assert mine.retry_after_seconds is None and mine.message == "slow"


def test_null_error_fields_are_dropped_where_botocore_keeps_none() -> None:
    """Deliberate, as for maps in results: nulls inside dense lists and maps are dropped."""
    answer = Canned.json(
        400,
        {
            "message": "m",
            "fieldList": [None, {"name": "n", "message": "m"}],
            "context": {"a": None, "b": "c"},
        },
        {"x-amzn-errortype": "ValidationException"},
    )
    mine, theirs = both_parse("get_task", answer)
    assert theirs.response["fieldList"] == [None, {"name": "n", "message": "m"}]
    assert [f.to_dict() for f in mine.field_list] == [{"name": "n", "message": "m"}]
    assert mine.context == {"b": "c"}


# --- retries ---------------------------------------------------------------------------------


def throttled(status: int = 429, code: str = "ThrottlingException") -> Canned:
    return Canned.json(status, {"message": "slow"}, {"x-amzn-errortype": code})


def task_ok() -> Canned:
    return Canned.json(200, MINIMAL_TASK, {"x-amzn-RequestId": "ok"})


RETRY_SCRIPTS: dict[str, list[Canned]] = {
    "500-500-200": [Canned(500, {}, b""), Canned.json(500, {"message": "x"}), task_ok()],
    "500-500-500": [Canned(500, {}, b"")] * 3,
    "502-504-200": [Canned(502, {}, b"<html></html>"), Canned(504, {}, b""), task_ok()],
    "503-200": [Canned(503, {}, b"<!DOCTYPE html>"), task_ok()],
    "429-throttling-200": [throttled(), task_ok()],
    "429-unknown-code-200": [throttled(code="SomethingElse"), task_ok()],
    "429-empty-429-200": [Canned(429, {}, b""), Canned(429, {}, b""), task_ok()],
    "400-throttling-code-200": [throttled(400), task_ok()],
    "400-RequestTimeout-200": [throttled(400, "RequestTimeout"), task_ok()],
    "modeled-500-200": [
        Canned.json(500, {"message": "m"}, {"x-amzn-errortype": "InternalServerErrorException"}),
        task_ok(),
    ],
    "drop-drop-200": [Canned(drop=True), Canned(drop=True), task_ok()],
    "400-validation": [throttled(400, "ValidationException")],
    "404": [throttled(404, "ResourceNotFoundException")],
    "403": [Canned.json(403, {"message": "no"}, {"x-amzn-errortype": "AccessDeniedException"})],
}


def top_of_jitter(low: float, high: float) -> float:
    return high


def ours_with_retries(asynchronous: bool, sleeps: list[float], transport: Any) -> Any:
    async def async_sleep(delay: float) -> None:
        sleeps.append(delay)

    policy = dl.RetryPolicy.aws(sleep=sleeps.append, async_sleep=async_sleep, random=top_of_jitter)
    return ours(transport, asynchronous=asynchronous, retry_policy=policy)


def outcome(call: Callable[[], Any]) -> tuple[str, str]:
    try:
        call()
    except botocore.exceptions.ClientError as err:
        return "error", err.response["Error"]["Code"]
    except botocore.exceptions.ConnectionClosedError:
        return "dropped", ""
    except dl.DeadlineError as err:
        return "error", err.code
    except dl.TransportError:
        return "dropped", ""
    return "ok", ""


_MODEL_DECIDES = pytest.mark.xfail(
    strict=True,
    reason="botocore lets the model decide: a retryable modeled error is retried whatever its "
    "status, and a 429 carrying a non-retryable modeled error is not; our retry layer only "
    "knows statuses and the standard code lists (not fixed: it needs per-operation retry "
    "metadata in the runtime; services send these codes with their modeled statuses)",
)
RETRY_CASES = [
    *RETRY_SCRIPTS,
    pytest.param("400-modeled-retryable-200", marks=_MODEL_DECIDES),
    pytest.param("429-modeled-not-retryable", marks=_MODEL_DECIDES),
]
RETRY_SCRIPTS["400-modeled-retryable-200"] = [
    Canned.json(400, {"message": "m"}, {"x-amzn-errortype": "InternalServerErrorException"}),
    task_ok(),
]
RETRY_SCRIPTS["429-modeled-not-retryable"] = [throttled(429, "ValidationException"), task_ok()]


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("operation", ["get_task", "update_task"])
@pytest.mark.parametrize("case", RETRY_CASES)
def test_retries_match_botocore_standard_mode(
    case: str, operation: str, asynchronous: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same attempts, same outcome and the same backoff (jitter pinned at its ceiling)."""
    script = RETRY_SCRIPTS[case]
    if operation == "update_task":
        script = [a if a.status != 200 else Canned.json(200, {}) for a in script]
    params = {**IDS, "targetRunStatus": "READY"} if operation == "update_task" else IDS

    their_sleeps = record_botocore_backoff(monkeypatch)
    theirs = BotocoreStub("deadline", max_attempts=3).script(*script)
    their_outcome = outcome(lambda: theirs.call(operation, **params))

    my_sleeps: list[float] = []
    cls = AsyncStubTransport if asynchronous else StubTransport
    transport = cls(dl, *script)
    client = ours_with_retries(asynchronous, my_sleeps, transport)
    my_outcome = outcome(lambda: run_ours(client, operation, params))

    assert my_outcome == their_outcome
    assert len(transport.requests) == len(theirs.sent)
    assert my_sleeps == pytest.approx(their_sleeps)
    # botocore's retry headers, attempt by attempt: the same counter and the same maximum,
    # and one invocation id per call (a uuid4) shared by its attempts.
    for sent in (transport.sent, theirs.sent):
        ids = {s.header("amz-sdk-invocation-id") for s in sent}
        assert len(ids) == 1 and is_uuid4(ids.pop())
    assert [s.header("amz-sdk-request") for s in transport.sent] == [
        s.header("amz-sdk-request") for s in theirs.sent
    ]
    if operation == "update_task":
        # One token per call, the same on every attempt, in both.
        for sent in (transport.sent, theirs.sent):
            tokens = {s.header("X-Amz-Client-Token") for s in sent}
            assert len(tokens) == 1 and is_uuid4(tokens.pop())


def test_retry_after_is_honoured_where_botocore_ignores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Deliberate (see _runtime/_retry.py): the service's ``Retry-After`` (the modeled
    ``retryAfterSeconds``) is waited for, capped at 20 s; botocore uses its own backoff."""
    script = [
        Canned.json(
            429,
            {"message": "slow"},
            {"x-amzn-errortype": "ThrottlingException", "Retry-After": "3"},
        ),
        Canned.json(500, {"message": "busy"}, {"Retry-After": "600"}),
        task_ok(),
    ]
    their_sleeps = record_botocore_backoff(monkeypatch)
    BotocoreStub("deadline", max_attempts=3).script(*script).call("get_task", **IDS)
    assert their_sleeps == [1.0, 0.1]
    my_sleeps: list[float] = []
    transport = StubTransport(dl, *script)
    ours_with_retries(False, my_sleeps, transport).get_task(**to_ours(IDS))
    assert my_sleeps == [3.0, 20.0]


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_client_token_is_the_same_on_every_attempt(asynchronous: bool) -> None:
    sleeps: list[float] = []
    cls = AsyncStubTransport if asynchronous else StubTransport
    transport = cls(dl, Canned(500, {}, b""), Canned.json(200, {}))
    client = ours_with_retries(asynchronous, sleeps, transport)
    run_ours(client, "update_task", {**IDS, "targetRunStatus": "READY"})
    first, second = transport.sent
    assert first.header("X-Amz-Client-Token") == second.header("X-Amz-Client-Token")
    assert is_uuid4(first.header("X-Amz-Client-Token"))
    assert len(sleeps) == 1
    # Each attempt is signed afresh (same clock here, so the same signature).
    assert first.header("Authorization") == second.header("Authorization")


# --- retries through the default transports, against a raw-socket server on 127.0.0.1 -----


@pytest.fixture
def server() -> Any:
    stub = StubServer()
    try:
        yield stub
    finally:
        stub.close()


def received_as_sent(server: StubServer, received: Received) -> Sent:
    headers = {k.lower(): v for k, v in received.headers}
    return Sent(received.method, server.url + received.target, headers, received.body)


def task_reply() -> Reply:
    return Reply(200, {"Content-Type": "application/json"}, json.dumps(MINIMAL_TASK).encode())


async def _call_async(client: Any, operation: str, params: dict[str, Any]) -> Any:
    async with client:
        return await getattr(client, operation)(**to_ours(params))


def call_default_transport(
    server: StubServer,
    asynchronous: bool,
    operation: str,
    params: dict[str, Any],
    sleeps: list[float],
    timeout: float = 5.0,
) -> Any:
    async def async_sleep(delay: float) -> None:
        sleeps.append(delay)

    cls = dl.AsyncDeadlineClient if asynchronous else dl.DeadlineClient
    client = cls(
        REGION,
        credentials=dl.AwsCredentials(ACCESS_KEY, SECRET_KEY),
        endpoint_url=server.url,
        inject_host_prefix=False,
        clock=lambda: FIXED_NOW,
        retry_policy=dl.RetryPolicy.aws(sleep=sleeps.append, async_sleep=async_sleep),
        timeout=timeout,
    )
    if asynchronous:
        return asyncio.run(_call_async(client, operation, params))
    with client:
        return getattr(client, operation)(**to_ours(params))


@pytest.mark.parametrize("asynchronous", [False, True], ids=["urllib3", "httpx-async"])
def test_dropped_connection_is_retried_for_get_task(server: StubServer, asynchronous: bool) -> None:
    server.script(Reply(drop=True), task_reply())
    sleeps: list[float] = []
    result = call_default_transport(server, asynchronous, "get_task", IDS, sleeps)
    assert result.task_id == IDS["taskId"]
    assert len(server.received) == 2 and len(sleeps) == 1
    # What reached the server is what botocore would have sent to that endpoint.
    theirs = BotocoreStub("deadline", endpoint_url=server.url, inject_host_prefix=False)
    theirs.call("get_task", **IDS)
    for received in server.received:
        mine = received_as_sent(server, received)
        assert mine.url == theirs.sent[0].url
        assert mine.header("Authorization") == theirs.sent[0].header("Authorization")
        assert mine.header("Host") == f"127.0.0.1:{server.port}"


@pytest.mark.parametrize("asynchronous", [False, True], ids=["urllib3", "httpx-async"])
def test_update_task_survives_drop_and_500_with_one_token(
    server: StubServer, asynchronous: bool
) -> None:
    server.script(Reply(drop=True), Reply(500, {}, b""), Reply(200, {}, b"{}"))
    sleeps: list[float] = []
    params = {**IDS, "targetRunStatus": "CANCELED"}
    call_default_transport(server, asynchronous, "update_task", params, sleeps)
    assert len(server.received) == 3 and len(sleeps) == 2
    tokens = {r.header("X-Amz-Client-Token") for r in server.received}
    assert len(tokens) == 1 and is_uuid4(tokens.pop())
    assert all(r.body == b'{"targetRunStatus": "CANCELED"}' for r in server.received)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["urllib3", "httpx-async"])
def test_attempts_are_capped_at_three(server: StubServer, asynchronous: bool) -> None:
    server.script(Reply(drop=True), Reply(drop=True), Reply(drop=True), task_reply())
    sleeps: list[float] = []
    with pytest.raises(dl.TransportError):
        call_default_transport(server, asynchronous, "get_task", IDS, sleeps)
    assert len(server.received) == 3 and len(sleeps) == 2


@pytest.mark.parametrize("asynchronous", [False, True], ids=["urllib3", "httpx-async"])
def test_retry_ttl_matches_botocore_on_the_same_server(
    server: StubServer, asynchronous: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """botocore's ``amz-sdk-request`` with ``ttl=``: none on the first attempt, then the read
    timeout past the send time on the service's clock (here 20 s past the 503's Date, whose
    skew a dropped connection does not change). botocore measures the skew after its backoff
    wait and ours when the response arrives; with no wait and our clock held still, the two
    agree to the second."""
    date = "Mon, 01 Jul 2024 15:00:00 GMT"  # the service is 2:25:04 ahead of FIXED_NOW
    script = (Reply(503, {"Date": date}), Reply(drop=True), task_reply())
    record_botocore_backoff(monkeypatch)
    server.script(*script)
    session = botocore.session.Session()
    session.create_client(
        "deadline",
        region_name=REGION,
        endpoint_url=server.url,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(
            inject_host_prefix=False,
            read_timeout=20,
            retries={"mode": "standard", "total_max_attempts": 3},
        ),
    ).get_task(**IDS)
    theirs = [r.header("amz-sdk-request") for r in server.received]
    server.script(*script)
    sleeps: list[float] = []
    call_default_transport(server, asynchronous, "get_task", IDS, sleeps, timeout=20.0)
    mine = [r.header("amz-sdk-request") for r in server.received]
    assert (
        mine
        == theirs
        == [
            "attempt=1; max=3",
            "ttl=20240701T150020Z; attempt=2; max=3",
            "ttl=20240701T150020Z; attempt=3; max=3",
        ]
    )


# --- what botocore refuses or sends before any answer --------------------------------------


def _botocore_to(url: str) -> Any:
    """A botocore client that really sends (no interception), to a server on 127.0.0.1."""
    session = botocore.session.Session()
    return session.create_client(
        "deadline",
        region_name=REGION,
        endpoint_url=url,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(inject_host_prefix=False, retries={"total_max_attempts": 1}),
    )


@pytest.mark.parametrize("transport", ["urllib3", "aiohttp", "httpx"])
def test_non_ascii_token_goes_out_as_botocore_sends_it(transport: str) -> None:
    """botocore sends a non-ASCII token as UTF-8 bytes; so do all three transports (urllib3
    used to raise UnicodeEncodeError: http.client encodes header values as latin-1)."""
    token = "日本ü-token"
    server = StubServer()
    try:
        server.script(Reply(200, body=b"{}"), Reply(200, body=b"{}"))
        _botocore_to(server.url).update_task(**IDS, targetRunStatus="READY", clientToken=token)
        chosen: Any = {
            "urllib3": dl.Urllib3Transport,
            "aiohttp": dl.AiohttpTransport,
            "httpx": dl.HttpxAsyncTransport,
        }[transport]()
        client = ours(
            chosen,
            asynchronous=transport != "urllib3",
            endpoint_url=server.url,
            inject_host_prefix=False,
        )
        run_ours(client, "update_task", {**IDS, "targetRunStatus": "READY", "clientToken": token})
        theirs, mine = (dict(r.headers)["X-Amz-Client-Token"] for r in server.received)
        assert mine == theirs == token.encode("utf-8").decode("latin-1")
    finally:
        server.close()


@pytest.mark.parametrize("asynchronous", [False, True])
def test_empty_client_token_is_refused_before_sending(asynchronous: bool) -> None:
    """botocore's parameter validation: clientToken has @length(min: 1)."""
    transport = AsyncStubTransport(dl) if asynchronous else StubTransport(dl)
    client = ours(transport, asynchronous=asynchronous)
    params = {**IDS, "targetRunStatus": "READY", "clientToken": ""}
    with pytest.raises(dl.ParamValidationError) as mine:
        run_ours(client, "update_task", params)
    with pytest.raises(botocore.exceptions.ParamValidationError) as theirs:
        BotocoreStub("deadline").call("update_task", **params)
    assert transport.sent == []
    assert isinstance(mine.value, ValueError)
    assert mine.value.problems == [
        "Invalid length for parameter client_token, value: 0, valid min length: 1"
    ]
    assert "Invalid length for parameter clientToken, value: 0, valid min length: 1" in str(
        theirs.value
    )


def test_required_argument_given_as_none_is_refused_before_sending() -> None:
    transport = StubTransport(dl)
    with pytest.raises(dl.ParamValidationError) as caught:
        ours(transport).get_task(**{**to_ours(IDS), "task_id": None})
    assert caught.value.problems == ["Missing required parameter: task_id"]
    assert transport.sent == []


def test_unlisted_service_error_raises_its_own_class() -> None:
    """UpdateTask does not list ServiceQuotaExceededException, but Deadline sends it; botocore
    raises it as its own class with its fields, and so do we."""
    body = {
        "message": "quota",
        "reason": "SERVICE_QUOTA_EXCEEDED_EXCEPTION",
        "resourceType": "task",
        "serviceCode": "deadline",
        "quotaCode": "L-1234",
        "resourceId": "task-1",
        "context": {"k": "v"},
    }
    answer = Canned.json(402, body, {"x-amzn-errortype": "ServiceQuotaExceededException"})
    mine, theirs = both_parse("update_task", answer)
    assert type(theirs).__name__ == "ServiceQuotaExceededException"
    assert type(mine) is dl.ServiceQuotaExceededException
    assert_same_error(mine, theirs, base_error="DeadlineError")
