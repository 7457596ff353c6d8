"""Differential tests: the generated Azure Batch client against azure-batch 14.2.0 (msrest).

Both clients send to the same scripted raw-socket stub on 127.0.0.1 and parse the same canned
answers. azure-batch 14.2.0 speaks api-version 2024-02-01.19.0, so the generated client is
pointed at that version too; everything else is compared, down to the SharedKey signature.

What azure-batch sends by itself, and the generated client too: a client-request-id on every
request (the spec marks it ``x-ms-client-request-id``), ``ocp-date`` when signing with SharedKey,
``Content-Length: 0`` on bodiless requests other than GET, ``$filter``/``$select`` names
unencoded, and out-of-bounds ``maxresults`` refused before sending. A default call (no options)
sends no optional parameter, exactly as azure-batch without an options object; an azure-batch
options object carries the spec's defaults (``timeout=30``, ``120`` for add_collection,
``maxresults=1000``, ``return-client-request-id: false``) and sends them, which the generated
client does when it is given those values.

Where the generated client deliberately differs, the test says so and pins both behaviours:

* Content-Type: azure-batch appends ``; charset=utf-8`` (AutoRest's habit); the generated client
  sends the media type the spec's ``consumes`` names, ``application/json;
  odata=minimalmetadata`` (the WIRE.md SharedKey vectors sign exactly that). The signature
  comparisons pass the spec's media type to azure-batch as a custom header.
* client-request-id: azure-batch makes a uuid1 per request; the generated client a uuid4 per
  call, shared by the call's retries and pages.
* "No options": azure-batch's ``options=None`` is the generated client called without optional
  arguments; an options object is the generated client given the spec defaults (see ``Call``).
* Retries: azure-batch (urllib3 under msrest) never retries a POST on an error status; the
  generated client retries POSTs on 429 and 503 (the request was not processed), never on 500.
* Errors wrapped as ``{"odata.error": ...}``: azure-batch finds no code in them; the generated
  client unwraps them. Unknown enum values: azure-batch parses them but cannot serialize them
  back; the generated client round-trips them.
* Not replicated: azure-batch's client-side add_collection workflow (chunks of 100 tasks,
  resubmitting "servererror" results, CreateTasksErrorException, tasks sent in reverse order);
  the generated task_add_collection is the REST operation. Nor the headers that do not change
  what the service does (User-Agent, ``Accept: application/json``, ``accept-language: en-US``).
"""

from __future__ import annotations

import email.utils
import http.client
import inspect
import json
import random
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
import requests
from azure.batch import batch_auth
from msrest.exceptions import ValidationError
from msrest.serialization import Deserializer, Serializer

from differential import azure_batch_data as data
from differential.azure_batch_support import (
    ACCOUNT,
    KEY,
    OCP_DATE,
    SDK_ADD_COLLECTION,
    SDK_API_VERSION,
    SPEC_DEFAULTS,
    SUCCESS,
    Call,
    FakeToken,
    Received,
    Reply,
    StubServer,
    Wire,
    call_ours,
    call_ours_async,
    call_sdk,
    om,
    ours,
    ours_client,
    runtime_wire,
    sdk,
    sdk_client,
    semantic,
    wire,
)

SPEC_CONTENT_TYPE = "application/json; odata=minimalmetadata"
USER_AGENT = re.compile(r"azure-batch-tasks/0\.1\.0 apismith/\S+ Python/\d+\.\d+\.\d+\S*")
BODY_OPS = ("task_add", "task_add_collection", "task_update")
OPERATIONS = (
    "task_add",
    "task_add_collection",
    "task_delete",
    "task_get",
    "task_list",
    "task_list_subtasks",
    "task_reactivate",
    "task_terminate",
    "task_update",
)
ETAG = "0x8DC9A1B2C3D4E5F"
CLIENT_REQUEST_ID = "9c4d50ee-2d56-4cd3-8152-34347dc9f2b0"
IST = timezone(timedelta(hours=5, minutes=30))

#: a value for every optional argument of the nine operations
OPTION_VALUES: dict[str, Any] = {
    "timeout": 17,
    "client_request_id": CLIENT_REQUEST_ID,
    "return_client_request_id": True,
    "ocp_date": OCP_DATE,
    "if_match": ETAG,
    "if_none_match": '"0x8DC9A1B2C3D4E60"',
    "if_modified_since": datetime(2024, 6, 30, 8, 15, tzinfo=UTC),
    "if_unmodified_since": datetime(2024, 7, 1, 17, 45, 30, 999999, tzinfo=IST),
    "filter": "state eq 'active' and (id eq 'a+b/ä' or startswith(id, 'x&y=z#'))",
    "select": "id,state,executionInfo",
    "expand": "stats",
    "maxresults": 10,
}


@pytest.fixture(scope="module")
def stub() -> Iterator[StubServer]:
    server = StubServer()
    try:
        yield server
    finally:
        server.close()


def _optional_args(op: str) -> list[str]:
    client = ours.BatchServiceClient("http://127.0.0.1:9", ours.SharedKeyCredential(ACCOUNT, KEY))
    params = inspect.signature(getattr(client, op)).parameters
    return [
        n
        for n, p in params.items()
        if p.default is not inspect.Parameter.empty and n in OPTION_VALUES
    ]


def _body(op: str) -> Any:
    if op == "task_add":
        return data.TASKS["minimal"]
    if op == "task_add_collection":
        return [data.TASKS["minimal"]]
    if op == "task_update":
        return data.UPDATES["constraints"]
    return None


def _cases() -> list[Call]:
    cases: list[Call] = []
    for op in OPERATIONS:
        body = _body(op)
        cases.append(Call(op, body=body, options=None, id=f"{op}-no-options"))
        cases.append(Call(op, body=body, options={}, id=f"{op}-defaults"))
        cases.append(Call(op, body=body, options={"ocp_date": OCP_DATE}, id=f"{op}-ocp-date-only"))
        names = _optional_args(op)
        for name in names:
            options = {"ocp_date": OCP_DATE, name: OPTION_VALUES[name]}
            cases.append(Call(op, body=body, options=options, id=f"{op}-{name}"))
        everything = {name: OPTION_VALUES[name] for name in names}
        cases.append(Call(op, body=body, options=everything, id=f"{op}-all-options"))
        cases.append(
            Call(
                op,
                job_id="job 1",
                task_id=(
                    None if op in ("task_add", "task_add_collection", "task_list") else "task+1/ä"
                ),
                body=body,
                options={"ocp_date": OCP_DATE},
                id=f"{op}-escaped-ids",
            )
        )
        falsy = {"ocp_date": OCP_DATE, "timeout": 0, "return_client_request_id": False}
        if op == "task_list":
            falsy.update({"filter": "", "select": "", "maxresults": 1})
        cases.append(Call(op, body=body, options=falsy, id=f"{op}-falsy-values"))
        # A naive datetime is UTC for both; another offset is converted to GMT.
        local = {"ocp_date": datetime(2024, 7, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))}
        cases.append(Call(op, body=body, options=local, id=f"{op}-ocp-date-offset"))
        naive = {"ocp_date": datetime(2024, 7, 1, 12, 0)}
        cases.append(Call(op, body=body, options=naive, id=f"{op}-ocp-date-naive"))
    fixed = {"ocp_date": OCP_DATE}
    for name, task in data.TASKS.items():
        cases.append(Call("task_add", body=task, options=fixed, id=f"task_add-body-{name}"))
    cases.append(
        Call(
            "task_add_collection",
            body=list(data.TASKS.values()),
            options=fixed,
            id="task_add_collection-body-all",
        )
    )
    for name, update in data.UPDATES.items():
        cases.append(Call("task_update", body=update, options=fixed, id=f"task_update-body-{name}"))
    return cases


CASES = _cases()
BEARER_CASES = [c for c in CASES if c.id.endswith(("-all-options", "-no-options", "-defaults"))]


# -- helpers -------------------------------------------------------------------------------------


def _exchange(stub: StubServer, reply: Reply, send: Any) -> Wire:
    stub.script(reply)
    send()
    assert len(stub.received) == 1, stub.received
    return wire(stub.received[0])


def _sdk_wire(stub: StubServer, call: Call, *, bearer: str | None = None) -> Wire:
    client = sdk_client(stub.url, bearer=bearer)
    # See the module docstring: the spec's media type, so that signatures are comparable.
    custom = {"Content-Type": SPEC_CONTENT_TYPE} if call.op in BODY_OPS else None
    return _exchange(stub, SUCCESS[call.op], lambda: call_sdk(client, call, custom_headers=custom))


def _ours_wire(stub: StubServer, call: Call, *, credential: Any = None) -> Wire:
    with ours_client(stub.url, credential=credential) as client:
        return _exchange(stub, SUCCESS[call.op], lambda: call_ours(client, call))


def sdk_signature(received: Received) -> str:
    """azure-batch's SharedKeyAuth applied to a request exactly as it was received."""
    headers = {k: v for k, v in received.headers if k.lower() not in ("authorization", "host")}
    prepared = requests.Request(
        received.method,
        "http://127.0.0.1" + received.target,
        headers=headers,
        data=received.body or None,
    ).prepare()
    batch_auth.SharedKeyAuth("Authorization", ACCOUNT, KEY)(prepared)
    return str(prepared.headers["Authorization"])


def aware(value: datetime | None) -> datetime | None:
    return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)


def _is_uuid(value: str | None, version: int | None = None) -> bool:
    try:
        parsed = uuid.UUID(value or "")
    except ValueError:
        return False
    return version is None or parsed.version == version


def _given(call: Call, name: str) -> bool:
    return call.options is not None and call.options.get(name) is not None


def assert_same_request(theirs: Wire, mine: Wire, call: Call, *, bearer: bool = False) -> None:
    assert theirs.api_version == mine.api_version == SDK_API_VERSION
    assert mine.method == theirs.method
    assert mine.path == theirs.path
    # Byte for byte (azure-batch writes $filter, %2C for commas, %20 for spaces, ...), and
    # decoded, in the same order.
    assert mine.raw_query == theirs.raw_query
    assert mine.query == theirs.query
    # Same JSON, same bytes (both json.dumps with default separators, keys in spec order).
    assert mine.json == theirs.json
    assert mine.body == theirs.body
    for name in (
        "content-type",
        "content-length",
        "return-client-request-id",
        "if-match",
        "if-none-match",
        "if-modified-since",
        "if-unmodified-since",
    ):
        assert mine.header(name) == theirs.header(name), name
    lengths = [k for k, _ in mine.received.headers if k.lower() == "content-length"]
    assert len(lengths) <= 1, mine.received.headers
    if _given(call, "client_request_id"):
        assert mine.header("client-request-id") == theirs.header("client-request-id")
    else:
        assert _is_uuid(theirs.header("client-request-id"), 1)
        assert _is_uuid(mine.header("client-request-id"), 4)
    if bearer or _given(call, "ocp_date"):
        assert mine.header("ocp-date") == theirs.header("ocp-date")
        assert mine.header("authorization") == theirs.header("authorization")
    else:
        # SharedKey stamps the current time on both.
        stamps = [
            email.utils.parsedate_to_datetime(w.header("ocp-date") or "") for w in (theirs, mine)
        ]
        assert abs(stamps[0] - stamps[1]) < timedelta(minutes=1)
    if not bearer:
        assert mine.header("authorization") == sdk_signature(mine.received)
    # Each client names itself (SharedKey signs neither: test_user_agent_is_not_signed).
    assert USER_AGENT.fullmatch(mine.header("user-agent") or ""), mine.header("user-agent")
    assert "azure-batch/" in (theirs.header("user-agent") or "")


# -- requests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("call", CASES, ids=[c.id for c in CASES])
def test_request_matches_sdk(stub: StubServer, call: Call) -> None:
    theirs = _sdk_wire(stub, call)
    mine = _ours_wire(stub, call)
    assert_same_request(theirs, mine, call)


@pytest.mark.parametrize("call", BEARER_CASES, ids=[c.id for c in BEARER_CASES])
def test_request_matches_sdk_with_bearer_token(stub: StubServer, call: Call) -> None:
    class Credential:
        def get_token(self, *scopes: str, **kwargs: Any) -> FakeToken:
            return FakeToken("tok-1", 2**40)

    theirs = _sdk_wire(stub, call, bearer="tok-1")
    mine = _ours_wire(stub, call, credential=Credential())
    assert mine.header("authorization") == "Bearer tok-1"
    assert_same_request(theirs, mine, call, bearer=True)
    # SharedKey needs ocp-date; with a token neither client adds one.
    if not _given(call, "ocp_date"):
        assert mine.header("ocp-date") is None and theirs.header("ocp-date") is None


@pytest.mark.parametrize("call", BEARER_CASES, ids=[c.id for c in BEARER_CASES])
async def test_async_request_matches_sdk(stub: StubServer, call: Call) -> None:
    theirs = _sdk_wire(stub, call)
    stub.script(SUCCESS[call.op])
    async with ours.AsyncBatchServiceClient(
        stub.url,
        ours.SharedKeyCredential(ACCOUNT, KEY),
        api_version=SDK_API_VERSION,
        retry_policy=ours.RetryPolicy.no_retries(),
    ) as client:
        await call_ours_async(client, call)
    assert len(stub.received) == 1
    assert_same_request(theirs, wire(stub.received[0]), call)


def test_content_type_differs_only_by_charset(stub: StubServer) -> None:
    call = Call("task_add", body=data.TASKS["minimal"], options={"ocp_date": OCP_DATE})
    client = sdk_client(stub.url)
    theirs = _exchange(stub, SUCCESS["task_add"], lambda: call_sdk(client, call))
    mine = _ours_wire(stub, call)
    assert theirs.header("content-type") == SPEC_CONTENT_TYPE + "; charset=utf-8"
    assert mine.header("content-type") == SPEC_CONTENT_TYPE
    # The body is the same UTF-8 JSON either way.
    assert mine.body == theirs.body


@pytest.mark.parametrize("op", OPERATIONS)
def test_default_call_sends_what_azure_batch_sends(stub: StubServer, op: str) -> None:
    """A parameter's spec default is what the service assumes when the parameter is absent.
    azure-batch called without options sends none of them, and neither does the generated
    client called without optional arguments: the same query and headers, byte for byte."""
    body = _body(op)
    bare = _sdk_wire(stub, Call(op, body=body, options=None))
    assert bare.query == []
    assert bare.header("return-client-request-id") is None
    mine = ours_wire_default(stub, op, body)
    assert mine.query == bare.query == []
    assert mine.header("return-client-request-id") is None
    assert_same_request(bare, mine, Call(op, body=body, options=None))


@pytest.mark.parametrize("op", OPERATIONS)
def test_options_object_defaults_are_sent_when_given(stub: StubServer, op: str) -> None:
    """azure-batch's options models carry the spec defaults and send them; the generated client
    sends the same when given those values."""
    body = _body(op)
    sent = _sdk_wire(stub, Call(op, body=body, options={}))
    expected_timeout = "120" if op == "task_add_collection" else "30"
    assert dict(sent.query).get("timeout") == expected_timeout
    assert sent.header("return-client-request-id") == "false"
    if op == "task_list":
        assert dict(sent.query)["maxresults"] == "1000"
    mine = _ours_wire(stub, Call(op, body=body, options={}))
    assert mine.query == sent.query
    assert mine.header("return-client-request-id") == "false"


def ours_wire_default(stub: StubServer, op: str, body: Any) -> Wire:
    """The generated client's request for `op` called with only its required arguments."""
    call = Call(op, body=body, options=None)
    return _ours_wire(stub, call)


@pytest.mark.parametrize("maxresults", [0, -1, 1001])
def test_maxresults_out_of_bounds_is_refused_before_sending(
    stub: StubServer, maxresults: int
) -> None:
    call = Call("task_list", options={"maxresults": maxresults})
    stub.script()
    with pytest.raises(ValidationError):
        call_sdk(sdk_client(stub.url), call)
    with ours_client(stub.url) as client, pytest.raises(ValueError, match="from 1 to 1000"):
        client.task_list(job_id="job-1", maxresults=maxresults)
    assert stub.received == []


def test_client_request_id_is_generated_once_per_call(stub: StubServer) -> None:
    task = om.TaskAddParameter(id="t", command_line="c")
    policy = ours.RetryPolicy.azure(sleep=lambda s: None)
    with ours_client(stub.url, retry_policy=policy) as client:
        stub.script(Reply(503), Reply(201))
        client.task_add(job_id="j", task=task)
        first = [wire(r).header("client-request-id") for r in stub.received]
        stub.script(Reply(201))
        client.task_add(job_id="j", task=task)
        second = wire(stub.received[0]).header("client-request-id")
        stub.script(Reply(201))
        client.task_add(job_id="j", task=task, client_request_id=CLIENT_REQUEST_ID)
        given = wire(stub.received[0]).header("client-request-id")
    assert len(first) == 2 and first[0] == first[1] and _is_uuid(first[0], 4)
    assert second != first[0] and _is_uuid(second, 4)
    assert given == CLIENT_REQUEST_ID


def test_user_agent_is_not_signed(stub: StubServer) -> None:
    """azure-batch's SharedKeyAuth leaves User-Agent out of the string to sign, as ours does:
    the same request with another user agent (a caller's user_agent_extra) signs the same."""
    call = Call("task_get", options={"ocp_date": OCP_DATE})
    mine = _ours_wire(stub, call)
    other = Received(
        mine.received.method,
        mine.received.target,
        [
            (k, "someone-else/1.0" if k.lower() == "user-agent" else v)
            for k, v in mine.received.headers
        ],
        mine.received.body,
    )
    assert mine.header("authorization") == sdk_signature(other) == sdk_signature(mine.received)
    with ours.BatchServiceClient(
        stub.url,
        ours.SharedKeyCredential(ACCOUNT, KEY),
        api_version=SDK_API_VERSION,
        user_agent_extra="my-app/2.0",
    ) as client:
        stub.script(SUCCESS["task_get"])
        call_ours(client, call)  # the same arguments as `mine`
    extra = wire(stub.received[0])
    assert (extra.header("user-agent") or "").endswith(" my-app/2.0")
    assert extra.header("authorization") == mine.header("authorization")


def test_extra_headers_like_sdk_custom_headers(stub: StubServer) -> None:
    extra = {"x-ms-custom": "1", "ocp-custom": "signed"}
    call = Call("task_get", options={"ocp_date": OCP_DATE, "client_request_id": CLIENT_REQUEST_ID})
    client = sdk_client(stub.url)
    theirs = _exchange(
        stub, SUCCESS["task_get"], lambda: call_sdk(client, call, custom_headers=extra)
    )
    with ours_client(stub.url) as mine_client:
        stub.script(SUCCESS["task_get"])
        mine_client.task_get(
            job_id="job-1",
            task_id="task-1",
            headers=extra,
            **{**SPEC_DEFAULTS["task_get"], **(call.options or {})},
        )
        mine = wire(stub.received[0])
    assert mine.header("x-ms-custom") == theirs.header("x-ms-custom") == "1"
    # ocp-* headers are part of the SharedKey signature: same bytes, same signature.
    assert mine.header("authorization") == theirs.header("authorization")


# -- SharedKey: WIRE.md's vectors through the generated client -----------------------------------


class Recorder:
    """A Transport that records what it is given and answers from a script."""

    def __init__(self, *responses: ours.HttpResponse) -> None:
        self.sent: list[ours.HttpRequest] = []
        self._responses = list(responses)

    def send(self, request: ours.HttpRequest, *, timeout: float | None) -> ours.HttpResponse:
        self.sent.append(request)
        return self._responses.pop(0)

    def close(self) -> None:
        pass


VECTOR_HOST = "https://acct.eastus.batch.azure.com"
VECTOR_API = "2024-07-01.20.0"


def _sdk_sign(request: ours.HttpRequest) -> str:
    headers = {k: v for k, v in request.headers.multi_items() if k.lower() != "authorization"}
    prepared = requests.Request(
        request.method, request.url, headers=headers, data=request.body
    ).prepare()
    batch_auth.SharedKeyAuth("Authorization", ACCOUNT, KEY)(prepared)
    return str(prepared.headers["Authorization"])


def _vector_client(*responses: ours.HttpResponse) -> tuple[ours.BatchServiceClient, Recorder]:
    recorder = Recorder(*responses)
    client = ours.BatchServiceClient(
        VECTOR_HOST, ours.SharedKeyCredential(ACCOUNT, KEY), transport=recorder
    )
    assert client.api_version == VECTOR_API
    return client, recorder


def test_wire_vector_1_task_add() -> None:
    client, recorder = _vector_client(ours.HttpResponse(201))
    client.task_add(
        job_id="job-1",
        task=om.TaskAddParameter(id="task-1", command_line="cmd /c echo hello"),
        client_request_id=CLIENT_REQUEST_ID,
        return_client_request_id=True,
        ocp_date=OCP_DATE,
        timeout=30,  # the vectors were captured with an options object (spec defaults set)
    )
    (request,) = recorder.sent
    assert request.url == f"{VECTOR_HOST}/jobs/job-1/tasks?api-version={VECTOR_API}&timeout=30"
    assert request.body == b'{"id": "task-1", "commandLine": "cmd /c echo hello"}'
    assert request.headers["Content-Length"] == "52"
    assert request.headers["Content-Type"] == SPEC_CONTENT_TYPE
    assert request.headers["ocp-date"] == "Mon, 01 Jul 2024 12:00:00 GMT"
    expected = "SharedKey acct:nuQrAEoGl1Ag0hBIvYM3tDQ13BIWZU5fd8BomasHFGw="
    assert request.headers["Authorization"] == expected == _sdk_sign(request)


def test_wire_vector_2_task_list() -> None:
    client, recorder = _vector_client(ours.HttpResponse(200, {}, b'{"value": []}'))
    pages = client.task_list(
        job_id="job-1",
        filter="state eq 'active'",
        select="id,state",
        maxresults=10,
        ocp_date=OCP_DATE,
        timeout=30,  # as the vector's options object had it
        # List Tasks has no conditional parameters; the vector's are extra headers.
        headers={"If-Modified-Since": "Sun, 30 Jun 2024 08:15:00 GMT", "If-None-Match": ETAG},
    )
    assert list(pages) == []
    (request,) = recorder.sent
    vector = (
        f"{VECTOR_HOST}/jobs/job-1/tasks?api-version={VECTOR_API}"
        "&$filter=state%20eq%20%27active%27&$select=id,state&maxresults=10&timeout=30"
    )
    # msrest and the generated client both encode the comma: %2C.
    assert request.url == vector.replace("id,state", "id%2Cstate")
    assert "content-length" not in request.headers
    expected = "SharedKey acct:nEySmYghbCTm65yWhFhMpvgK3FFUiUsApf0Y6HWY91k="
    assert request.headers["Authorization"] == expected == _sdk_sign(request)


def test_wire_vector_3_task_delete() -> None:
    client, recorder = _vector_client(ours.HttpResponse(200))
    client.task_delete(
        job_id="job-1", task_id="task-1", if_match=ETAG, timeout=None, ocp_date=OCP_DATE
    )
    (request,) = recorder.sent
    assert request.url == f"{VECTOR_HOST}/jobs/job-1/tasks/task-1?api-version={VECTOR_API}"
    assert request.headers["Content-Length"] == "0"
    assert request.headers["If-Match"] == ETAG
    expected = "SharedKey acct:2efaWZFJO5f74FBVT52+i93h/bTXfkm72sH/f2NhtI0="
    assert request.headers["Authorization"] == expected == _sdk_sign(request)


# -- bearer tokens -------------------------------------------------------------------------------


class SyncCredential:
    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: Any) -> FakeToken:
        self.calls.append(scopes)
        return FakeToken(f"sync-{len(self.calls)}", int(datetime.now(UTC).timestamp()) + 3600)


class AsyncCredential:
    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    async def get_token(self, *scopes: str, **kwargs: Any) -> FakeToken:
        self.calls.append(scopes)
        return FakeToken(f"async-{len(self.calls)}", int(datetime.now(UTC).timestamp()) + 3600)


def test_bearer_sync(stub: StubServer) -> None:
    credential = SyncCredential()
    with ours_client(stub.url, credential=credential) as client:
        stub.script(SUCCESS["task_get"], SUCCESS["task_delete"])
        client.task_get(job_id="j", task_id="t")
        client.task_delete(job_id="j", task_id="t")
    assert credential.calls == [("https://batch.core.windows.net//.default",)]
    assert [wire(r).header("authorization") for r in stub.received] == ["Bearer sync-1"] * 2


@pytest.mark.parametrize("credential_cls", [AsyncCredential, SyncCredential])
async def test_bearer_async(stub: StubServer, credential_cls: type) -> None:
    credential = credential_cls()
    stub.script(SUCCESS["task_terminate"], SUCCESS["task_list"])
    async with ours.AsyncBatchServiceClient(stub.url, credential, enforce_https=False) as client:
        await client.task_terminate(job_id="j", task_id="t")
        assert [t async for t in client.task_list(job_id="j")] == []
    assert credential.calls == [("https://batch.core.windows.net//.default",)]
    prefix = "async" if credential_cls is AsyncCredential else "sync"
    assert [wire(r).header("authorization") for r in stub.received] == [f"Bearer {prefix}-1"] * 2
    assert all(wire(r).header("ocp-date") is None for r in stub.received)


def test_bearer_custom_scopes(stub: StubServer) -> None:
    credential = SyncCredential()
    client = ours.BatchServiceClient(
        stub.url,
        credential,
        credential_scopes=["https://example.test/.default"],
        enforce_https=False,
    )
    stub.script(SUCCESS["task_get"])
    with client:
        client.task_get(job_id="j", task_id="t")
    assert credential.calls == [("https://example.test/.default",)]


# -- responses -----------------------------------------------------------------------------------

JSON = {"Content-Type": "application/json; odata=minimalmetadata"}
RESPONSE_HEADERS = {
    "client-request-id": CLIENT_REQUEST_ID,
    "request-id": "8c8d9e6b-0000-4000-8000-000000000001",
    "ETag": ETAG,
    "Last-Modified": "Mon, 01 Jul 2024 12:00:00 GMT",
    "DataServiceId": "https://acct.eastus.batch.azure.com/jobs/job-1/tasks/task-1",
}


def _both(stub: StubServer, call: Call, reply: Reply, *, raw: bool = False) -> tuple[Any, Any]:
    stub.script(reply)
    theirs = call_sdk(sdk_client(stub.url), call, raw=raw)
    stub.script(reply)
    with ours_client(stub.url) as client:
        mine = call_ours(client, call)
    return theirs, mine


def _fields(model: str, document: Any, found: set[str], wanted: set[str]) -> None:
    """Collect the ``Model.key`` fields of azure-batch model ``model`` (``wanted``) and those
    set somewhere in ``document`` (``found``), through nested models and lists."""
    cls = getattr(sdk, model, None)
    if cls is None or not hasattr(cls, "_attribute_map"):
        return
    for spec in cls._attribute_map.values():
        key, kind = spec["key"], spec["type"]
        name = f"{model}.{key}"
        value = document.get(key) if isinstance(document, dict) else None
        if name not in wanted:
            wanted.add(name)
            _fields(kind.strip("[]"), None, found, wanted)  # what the nested model holds
        if value is not None:
            found.add(name)
            for item in value if isinstance(value, list) else [value]:
                _fields(kind.strip("[]"), item, found, wanted)


@pytest.mark.parametrize(
    "model, documents",
    [
        ("CloudTask", [data.cloud_task(), data.cloud_task(userIdentity={"username": "u"})]),
        ("TaskAddParameter", list(data.TASKS.values())),
        ("CloudTaskListSubtasksResult", [data.SUBTASKS]),
        ("TaskAddCollectionResult", [data.ADD_COLLECTION_RESULT]),
        ("BatchError", [data.BATCH_ERROR]),
    ],
)
def test_fixtures_set_every_sdk_field(model: str, documents: list[Any]) -> None:
    found: set[str] = set()
    wanted: set[str] = set()
    for document in documents:
        _fields(model, document, found, wanted)
    assert sorted(wanted - found) == []


def test_task_get_full_cloud_task(stub: StubServer) -> None:
    body = json.dumps(data.cloud_task()).encode()
    raw, mine = _both(
        stub,
        Call("task_get", options={}),
        Reply(200, {**JSON, **RESPONSE_HEADERS}, body),
        raw=True,
    )
    theirs = raw.output
    # The same document back, spelled the same (msrest writes .000Z-style date-times; so does
    # the generated client for Azure), and the same meaning.
    assert mine.to_wire() == theirs.serialize(keep_readonly=True)
    assert semantic("CloudTask", mine.to_wire()) == semantic("CloudTask", data.cloud_task())
    stats, their_stats = mine.stats, theirs.stats
    assert stats.read_iops == their_stats.read_iops == 2**63 - 1
    assert isinstance(stats.read_iops, int) and stats.write_iops == their_stats.write_iops == 0
    assert stats.read_io_gi_b == their_stats.read_io_gi_b == 1.7976931348623157e308
    assert stats.write_io_gi_b == their_stats.write_io_gi_b == 0.1
    assert stats.wall_clock_time == their_stats.wall_clock_time
    assert stats.wall_clock_time == timedelta(days=10675199, seconds=10085, microseconds=477581)
    assert stats.kernel_cpu_time == their_stats.kernel_cpu_time == timedelta(0)
    assert mine.last_modified == theirs.last_modified
    assert mine.last_modified == datetime(2024, 7, 1, 12, 0, 0, 123456, tzinfo=UTC)
    assert mine.creation_time == theirs.creation_time  # .9999999 truncates to 999999 µs
    assert mine.execution_info.last_requeue_time == theirs.execution_info.last_requeue_time
    assert mine.execution_info.last_requeue_time.tzinfo is UTC
    assert mine.constraints.max_wall_clock_time == timedelta(days=1, hours=2)
    assert mine.state == theirs.state == "completed"
    assert mine.execution_info.failure_info.category == theirs.execution_info.failure_info.category
    # Response headers: azure-batch returns them with raw=True; here on response_metadata.
    meta = mine.response_metadata
    assert meta.request_id == raw.headers["request-id"]
    assert meta.etag == raw.headers["ETag"] == ETAG
    assert meta.client_request_id == raw.headers["client-request-id"]
    assert meta.last_modified is not None
    assert email.utils.parsedate_to_datetime(meta.last_modified) == raw.headers["Last-Modified"]


def test_nulls_inside_lists_are_kept(stub: StubServer) -> None:
    task = data.cloud_task(resourceFiles=[None, {"httpUrl": "https://x/y", "filePath": "y"}])
    task["dependsOn"] = {"taskIds": ["a", None]}
    task["displayName"] = None
    theirs, mine = _both(
        stub, Call("task_get", options={}), Reply(200, JSON, json.dumps(task).encode())
    )
    assert mine.display_name is None and theirs.display_name is None
    assert mine.resource_files[0] is None and theirs.resource_files[0] is None
    assert mine.resource_files[1].http_url == theirs.resource_files[1].http_url == "https://x/y"
    assert mine.depends_on.task_ids == theirs.depends_on.task_ids == ["a", None]


def _random_timedeltas() -> list[timedelta]:
    rnd = random.Random(20240701)
    values = [
        timedelta(0),
        timedelta(days=1, hours=2),
        timedelta(microseconds=1),
        timedelta(seconds=0.5),
        timedelta(weeks=3),
        timedelta(hours=25),
        timedelta(days=-1),
        timedelta(seconds=-1.5),
        timedelta.max,
        timedelta.min + timedelta(days=1),
    ]
    values += [timedelta(microseconds=rnd.randint(-(10**15), 10**15)) for _ in range(500)]
    values += [timedelta(seconds=rnd.randint(0, 10**7)) for _ in range(200)]
    return values


def test_duration_and_datetime_spelling_matches_msrest() -> None:
    serializer, deserializer = Serializer(), Deserializer()
    for value in _random_timedeltas():
        assert runtime_wire.format_duration(value) == serializer.serialize_data(value, "duration")
    for text in (
        "P10675199DT2H48M5.4775807S",
        "PT0S",
        "P0D",
        "P1DT2H",
        "PT1.5S",
        "PT1,5S",
        "-P1W",
        "P1W2D",
        "PT36H",
        "PT0.0000001S",
        "P2DT3H4M5.123456789S",
        "-PT5M",
    ):
        assert runtime_wire.parse_duration(text) == deserializer.deserialize_data(
            text, "duration"
        ), text
    rnd = random.Random(7)
    for _ in range(300):
        moment = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(
            microseconds=rnd.randint(0, 10**16) // rnd.choice((1, 10**3, 10**6))
        )
        moment = moment.astimezone(timezone(timedelta(minutes=rnd.randint(-720, 720) // 15 * 15)))
        assert runtime_wire.format_timestamp(moment, "date-time-ms") == serializer.serialize_data(
            moment, "iso-8601"
        )
        assert runtime_wire.format_timestamp_text(moment, "http-date") == serializer.serialize_data(
            moment, "rfc-1123"
        )
        text = serializer.serialize_data(moment, "iso-8601")
        assert runtime_wire.parse_timestamp(text, "date-time") == deserializer.deserialize_data(
            text, "iso-8601"
        )


def test_native_values_serialize_like_msrest(stub: StubServer) -> None:
    """Models built in Python (timedelta, enums), not parsed from JSON, give the same body."""
    constraints = {
        "max_wall_clock_time": timedelta(days=1, hours=2, microseconds=5),
        "retention_time": timedelta(days=7),
        "max_task_retry_count": 3,
    }
    mine = om.TaskAddParameter(
        id="t",
        command_line="c",
        constraints=om.TaskConstraints(**constraints),
        user_identity=om.UserIdentity(
            auto_user=om.AutoUserSpecification(
                scope=om.AutoUserScope("pool"), elevation_level=om.ElevationLevel("admin")
            )
        ),
        depends_on=om.TaskDependencies(task_id_ranges=[om.TaskIdRange(start=1, end=9)]),
    )
    theirs = sdk.TaskAddParameter(
        id="t",
        command_line="c",
        constraints=sdk.TaskConstraints(**constraints),
        user_identity=sdk.UserIdentity(
            auto_user=sdk.AutoUserSpecification(
                scope=sdk.AutoUserScope.pool, elevation_level=sdk.ElevationLevel.admin
            )
        ),
        depends_on=sdk.TaskDependencies(task_id_ranges=[sdk.TaskIdRange(start=1, end=9)]),
    )
    stub.script(SUCCESS["task_add"])
    sdk_client(stub.url).task.add("j", theirs)
    expected = stub.received[0].body
    stub.script(SUCCESS["task_add"])
    with ours_client(stub.url) as client:
        client.task_add(job_id="j", task=mine)
    assert stub.received[0].body == expected
    assert json.loads(expected)["constraints"]["maxWallClockTime"] == "P1DT2H0.000005S"


def test_unknown_enum_values(stub: StubServer) -> None:
    task = data.cloud_task(state="migrating", previousState="queued")
    task["executionInfo"]["result"] = "partial"
    task["executionInfo"]["failureInfo"]["category"] = "transient"
    task["containerSettings"]["workingDirectory"] = "someNewPlace"
    task["userIdentity"] = {"autoUser": {"scope": "node", "elevationLevel": "root"}}
    task["outputFiles"][0]["uploadOptions"]["uploadCondition"] = "always"
    task["exitConditions"]["default"] = {"jobAction": "requeue", "dependencyAction": "hold"}
    task["authenticationTokenSettings"] = {"access": ["job", "pool"]}
    body = json.dumps(task).encode()
    theirs, mine = _both(stub, Call("task_get", options={}), Reply(200, JSON, body))
    pairs = [
        (mine.state, theirs.state),
        (mine.previous_state, theirs.previous_state),
        (mine.execution_info.result, theirs.execution_info.result),
        (mine.execution_info.failure_info.category, theirs.execution_info.failure_info.category),
        (mine.container_settings.working_directory, theirs.container_settings.working_directory),
        (mine.user_identity.auto_user.scope, theirs.user_identity.auto_user.scope),
        (
            mine.output_files[0].upload_options.upload_condition,
            theirs.output_files[0].upload_options.upload_condition,
        ),
        (mine.exit_conditions.default.job_action, theirs.exit_conditions.default.job_action),
    ]
    for value, their_value in pairs:
        assert value == their_value and isinstance(their_value, str)
        assert not value.is_known
    assert [a.value for a in mine.authentication_token_settings.access] == ["job", "pool"]
    assert theirs.authentication_token_settings.access == ["job", "pool"]
    # The generated model round-trips what it does not know; msrest cannot serialize it back.
    assert mine.to_wire() == om.CloudTask.from_dict(task).to_wire()
    assert semantic("CloudTask", mine.to_wire()) == semantic("CloudTask", task)
    with pytest.raises(Exception, match="not valid value for enum"):
        theirs.serialize(keep_readonly=True)


def test_unknown_fields_survive_a_read_modify_write(stub: StubServer) -> None:
    """Deliberate: fields a newer service version sends (at the top and nested) are kept in
    ``unknown_fields`` and sent back; azure-batch 14.2 drops them. ``odata.metadata`` is the
    response's OData context, not data: neither keeps it."""
    task = data.cloud_task()
    task["odata.metadata"] = "https://acct.eastus.batch.azure.com/$metadata#tasks/@Element"
    task["newTopLevel"] = {"x": [1, 2]}
    task["constraints"]["maxCpuSeconds"] = 3600
    theirs, mine = _both(
        stub, Call("task_get", options={}), Reply(200, JSON, json.dumps(task).encode())
    )
    assert mine.unknown_fields == {"newTopLevel": {"x": [1, 2]}}
    assert mine.constraints.unknown_fields == {"maxCpuSeconds": 3600}
    known = theirs.serialize(keep_readonly=True)
    assert "newTopLevel" not in known and "maxCpuSeconds" not in known["constraints"]
    assert mine.to_wire() == {
        **known,
        "newTopLevel": {"x": [1, 2]},
        "constraints": {**known["constraints"], "maxCpuSeconds": 3600},
    }
    # The modified constraints go back with the field this client does not know.
    mine.constraints.max_task_retry_count = 5
    stub.script(SUCCESS["task_update"])
    with ours_client(stub.url) as client:
        client.task_update(
            job_id="j",
            task_id="t",
            task_update_parameter=om.TaskUpdateParameter(constraints=mine.constraints),
        )
    sent = json.loads(stub.received[0].body)["constraints"]
    assert sent["maxCpuSeconds"] == 3600 and sent["maxTaskRetryCount"] == 5


def _page(tasks: list[dict[str, Any]], next_link: str | None) -> Reply:
    document: dict[str, Any] = {"odata.metadata": "https://x/$metadata#tasks", "value": tasks}
    if next_link is not None:
        document["odata.nextLink"] = next_link
    return Reply(200, {**JSON, "request-id": "r"}, json.dumps(document).encode())


def _pages(stub: StubServer) -> tuple[list[Reply], list[str]]:
    links = [
        f"{stub.url}/jobs/job-1/tasks?api-version={SDK_API_VERSION}&$skiptoken=a%2Bb%3D%3D&maxresults=2",
        f"{stub.url}/jobs/job-1/tasks?api-version={SDK_API_VERSION}&$skiptoken=page%203",
    ]
    replies = [
        _page([data.cloud_task("t1"), data.cloud_task("t2", state="active")], links[0]),
        _page([data.cloud_task("t3")], links[1]),
        _page([], None),
    ]
    return replies, links


def test_task_list_follows_every_page(stub: StubServer) -> None:
    replies, links = _pages(stub)
    options = {"maxresults": 2, "filter": "state ne 'x'", "client_request_id": CLIENT_REQUEST_ID}
    call = Call("task_list", options={**options, "ocp_date": OCP_DATE})
    stub.script(*replies)
    theirs = call_sdk(sdk_client(stub.url), call)
    sdk_requests = [wire(r) for r in stub.received]
    stub.script(*replies)
    with ours_client(stub.url) as client:
        mine = call_ours(client, call)
    our_requests = [wire(r) for r in stub.received]
    assert [t.id for t in mine] == [t.id for t in theirs] == ["t1", "t2", "t3"]
    assert [t.to_wire() for t in mine] == [t.serialize(keep_readonly=True) for t in theirs]
    assert len(our_requests) == len(sdk_requests) == 3
    # Next pages: the link exactly as given (no api-version or options added again), with the
    # first request's headers.
    for index, link in enumerate(links, start=1):
        target = link.removeprefix(stub.url)
        assert our_requests[index].received.target == sdk_requests[index].received.target == target
    for theirs_request, our_request in zip(sdk_requests, our_requests):
        assert our_request.header("authorization") == theirs_request.header("authorization")
        assert our_request.header("client-request-id") == CLIENT_REQUEST_ID
    with ours_client(stub.url) as client:
        stub.script(*replies)
        sizes = [len(page) for page in client.task_list(job_id="job-1").by_page()]
        first = [wire(r).header("client-request-id") for r in stub.received]
    assert sizes == [2, 1, 0]
    # A generated id belongs to the call: every page carries it (azure-batch makes one per page).
    assert len(set(first)) == 1 and _is_uuid(first[0], 4)


async def test_task_list_async_follows_every_page(stub: StubServer) -> None:
    replies, _ = _pages(stub)
    async with ours.AsyncBatchServiceClient(
        stub.url, ours.SharedKeyCredential(ACCOUNT, KEY), api_version=SDK_API_VERSION
    ) as client:
        stub.script(*replies)
        ids = [t.id async for t in client.task_list(job_id="job-1")]
        stub.script(*replies)
        sizes = [len(page) async for page in client.task_list(job_id="job-1").by_page()]
    assert ids == ["t1", "t2", "t3"]
    assert sizes == [2, 1, 0]


def test_task_list_subtasks(stub: StubServer) -> None:
    body = json.dumps(data.SUBTASKS).encode()
    raw, mine = _both(
        stub,
        Call("task_list_subtasks", options={}),
        Reply(200, {**JSON, **RESPONSE_HEADERS}, body),
        raw=True,
    )
    theirs = raw.output
    assert len(mine.value) == len(theirs.value) == 3
    known = {"value": data.SUBTASKS["value"][:2]}
    assert om.CloudTaskListSubtasksResult.from_dict(
        known
    ).to_wire() == sdk.CloudTaskListSubtasksResult.deserialize(known).serialize(keep_readonly=True)
    for mine_item, their_item in zip(mine.value, theirs.value):
        assert mine_item.id == their_item.id
        assert mine_item.state == their_item.state
        assert mine_item.result == their_item.result
        assert mine_item.start_time == aware(their_item.start_time)
    assert semantic("CloudTaskListSubtasksResult", mine.to_wire()) == semantic(
        "CloudTaskListSubtasksResult", data.SUBTASKS
    )
    assert mine.response_metadata.request_id == raw.headers["request-id"]


def test_task_add_collection_results(stub: StubServer) -> None:
    body = json.dumps(data.ADD_COLLECTION_RESULT).encode()
    call = Call("task_add_collection", body=[data.TASKS["minimal"]], options={})
    raw, mine = _both(stub, call, Reply(200, {**JSON, **RESPONSE_HEADERS}, body), raw=True)
    theirs = raw.output
    assert [r.status for r in mine.value] == [r.status for r in theirs.value]
    assert [r.status.value for r in mine.value] == [
        "success",
        "clienterror",
        "servererror",
        "throttled",
    ]
    for mine_result, their_result in zip(mine.value, theirs.value):
        assert mine_result.task_id == their_result.task_id
        assert mine_result.e_tag == their_result.e_tag
        assert mine_result.last_modified == their_result.last_modified
        assert mine_result.location == their_result.location
        if their_result.error is None:
            assert mine_result.error is None
            continue
        assert mine_result.error.code == their_result.error.code
        assert (mine_result.error.message is None) == (their_result.error.message is None)
        if their_result.error.message is not None:
            assert mine_result.error.message.value == their_result.error.message.value
            assert mine_result.error.message.lang == their_result.error.message.lang
        mine_values = [(v.key, v.value) for v in mine_result.error.values or []]
        assert mine_values == [(v.key, v.value) for v in their_result.error.values or []]
    assert semantic("TaskAddCollectionResult", mine.to_wire()) == semantic(
        "TaskAddCollectionResult", data.ADD_COLLECTION_RESULT
    )
    assert mine.response_metadata.request_id == raw.headers["request-id"]


def test_sdk_add_collection_workflow_is_not_the_rest_call(stub: StubServer) -> None:
    """For the record: azure-batch's patched add_collection submits the tasks in reverse order
    and resubmits "servererror" results; the generated operation sends what it is given once."""
    tasks = [{"id": f"t{i}", "commandLine": "c"} for i in range(3)]
    ok = {"value": [{"status": "success", "taskId": t["id"]} for t in tasks]}
    stub.script(Reply(200, JSON, json.dumps(ok).encode()))
    sdk_client(stub.url).task.add_collection("job-1", [sdk_value(t) for t in tasks])
    assert [t["id"] for t in wire(stub.received[0]).json["value"]] == ["t2", "t1", "t0"]
    stub.script(Reply(200, JSON, json.dumps(ok).encode()))
    with ours_client(stub.url) as client:
        call_ours(client, Call("task_add_collection", body=tasks, options={}))
    assert [t["id"] for t in wire(stub.received[0]).json["value"]] == ["t0", "t1", "t2"]
    assert SDK_ADD_COLLECTION is not type(sdk_client(stub.url).task).add_collection


def sdk_value(task: dict[str, Any]) -> Any:
    return sdk.TaskAddParameter.deserialize(task)


HEADER_OPS = {
    "task_add": (
        201,
        ["client_request_id", "request_id", "etag", "last_modified", "data_service_id"],
    ),
    "task_update": (
        200,
        ["client_request_id", "request_id", "etag", "last_modified", "data_service_id"],
    ),
    "task_terminate": (
        204,
        ["client_request_id", "request_id", "etag", "last_modified", "data_service_id"],
    ),
    "task_reactivate": (
        204,
        ["client_request_id", "request_id", "etag", "last_modified", "data_service_id"],
    ),
    "task_delete": (200, ["client_request_id", "request_id"]),
}
SDK_HEADER = {
    "client_request_id": "client-request-id",
    "request_id": "request-id",
    "etag": "ETag",
    "last_modified": "Last-Modified",
    "data_service_id": "DataServiceId",
}


@pytest.mark.parametrize("op", sorted(HEADER_OPS))
def test_header_only_responses(stub: StubServer, op: str) -> None:
    status, fields = HEADER_OPS[op]
    raw, mine = _both(
        stub, Call(op, body=_body(op), options={}), Reply(status, RESPONSE_HEADERS), raw=True
    )
    assert raw.output is None
    for name in fields:
        assert getattr(mine, name) == raw.headers[SDK_HEADER[name]], name
    assert mine.last_modified if "last_modified" in fields else True
    assert mine.response_metadata.status_code == status
    assert mine.response_metadata.request_id == RESPONSE_HEADERS["request-id"]


@pytest.mark.parametrize("op", sorted(HEADER_OPS))
def test_header_only_responses_without_headers(stub: StubServer, op: str) -> None:
    status, fields = HEADER_OPS[op]
    raw, mine = _both(stub, Call(op, body=_body(op), options={}), Reply(status), raw=True)
    for name in fields:
        assert getattr(mine, name) is None and raw.headers[SDK_HEADER[name]] is None


# -- errors --------------------------------------------------------------------------------------

ERROR_CASES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "batch-error": (404, {**JSON, "request-id": "rid-1"}, json.dumps(data.BATCH_ERROR).encode()),
    "batch-error-409": (
        409,
        {**JSON, "request-id": "rid-2"},
        json.dumps({**data.BATCH_ERROR, "code": "TaskExists"}).encode(),
    ),
    "no-values": (
        400,
        {**JSON, "request-id": "rid-3"},
        json.dumps({"code": "InvalidQueryParameterValue", "message": {"value": "bad"}}).encode(),
    ),
    "null-fields": (
        400,
        {"request-id": "rid-4"},
        json.dumps(
            {"code": "X", "message": {"lang": "en-US", "value": None}, "values": None}
        ).encode(),
    ),
}


def _sdk_error(stub: StubServer, call: Call, reply: Reply) -> Any:
    stub.script(reply)
    with pytest.raises(sdk.BatchErrorException) as info:
        call_sdk(sdk_client(stub.url), call)
    return info.value


def _ours_error(stub: StubServer, call: Call, reply: Reply) -> Any:
    stub.script(reply)
    with ours_client(stub.url) as client, pytest.raises(ours.BatchError) as info:
        call_ours(client, call)
    assert isinstance(info.value, ours.BatchServiceError)
    return info.value


@pytest.mark.parametrize("case", sorted(ERROR_CASES))
@pytest.mark.parametrize("op", OPERATIONS)
def test_batch_errors_match_sdk(stub: StubServer, op: str, case: str) -> None:
    status, headers, body = ERROR_CASES[case]
    call = Call(op, body=_body(op), options={})
    theirs = _sdk_error(stub, call, Reply(status, headers, body))
    mine = _ours_error(stub, call, Reply(status, headers, body))
    error = theirs.error
    assert isinstance(error, sdk.BatchError)
    assert mine.status_code == theirs.response.status_code == status
    assert mine.code == error.code
    assert mine.request_id == (theirs.response.headers.get("request-id") or "")
    if error.message is None:
        assert mine.error_message is None
    else:
        assert mine.error_message.value == error.message.value
        assert mine.error_message.lang == error.message.lang
        assert mine.message == (error.message.value or http.client.responses[status])
    assert [(v.key, v.value) for v in mine.values or []] == [
        (v.key, v.value) for v in error.values or []
    ]


STATUS_CLASSES = {
    304: "ResourceNotModifiedError",
    401: "ClientAuthenticationError",
    403: "ClientAuthenticationError",
    404: "ResourceNotFoundError",
    409: "ResourceExistsError",
    412: "ResourceModifiedError",
    400: "BatchError",
    500: "BatchError",
}


@pytest.mark.parametrize("with_body", [False, True], ids=["empty", "batch-error"])
@pytest.mark.parametrize("status", sorted(STATUS_CLASSES))
def test_error_classes_by_status(stub: StubServer, status: int, with_body: bool) -> None:
    """azure-core's classes by status (what its users catch), each a BatchError; azure-batch
    raises BatchErrorException for all. A body without a code (and a 304) gives no code in
    either client: the status is only in status_code."""
    body = json.dumps({**data.BATCH_ERROR, "code": "Whatever"}).encode() if with_body else b""
    reply = Reply(status, {**JSON, "request-id": "rid-s"}, body)
    call = Call("task_get", options={"if_none_match": '"0x1"'})
    theirs = _sdk_error(stub, call, reply)
    mine = _ours_error(stub, call, reply)
    assert type(mine).__name__ == STATUS_CLASSES[status]
    assert isinstance(mine, ours.BatchError) and isinstance(mine, ours.BatchServiceError)
    assert mine.status_code == theirs.response.status_code == status
    if status == 304:  # bodiless by definition: neither client reads one
        assert mine.code is None and theirs.error.code is None
        assert mine.message == "Not Modified"
    elif with_body:
        assert mine.code == theirs.error.code == "Whatever"
    else:
        assert mine.code is None and theirs.error.code is None


def test_wrapped_batch_error_is_unwrapped(stub: StubServer) -> None:
    body = json.dumps({"odata.error": data.BATCH_ERROR}).encode()
    reply = Reply(404, {**JSON, "request-id": "rid-w"}, body)
    call = Call("task_get", options={})
    theirs = _sdk_error(stub, call, reply)
    mine = _ours_error(stub, call, reply)
    # msrest looks for the fields at the top level and finds none.
    assert theirs.error.code is None and theirs.error.message is None
    assert mine.code == "TaskNotFound"
    assert mine.message == data.BATCH_ERROR["message"]["value"]
    assert mine.error_message.lang == "en-US"
    assert [(v.key, v.value) for v in mine.values] == [
        ("Reason", "The task was deleted"),
        ("TaskId", "task+1/ä"),
    ]
    assert mine.request_id == theirs.response.headers["request-id"] == "rid-w"


UNMODELED = {
    # status, body, the generated client's code (None when the body names none, as azure-batch)
    # and message (the reason phrase when the body has none, as azure-batch: "Operation
    # returned an invalid status code '<reason>'")
    "string-message": (
        409,
        b'{"code": "Conflict", "message": "plain text"}',
        "Conflict",
        "plain text",
    ),
    "arm-style": (400, b'{"error": {"code": "Y", "message": "arm"}}', None, "Bad Request"),
    "html-500": (
        500,
        b"<html><body><h1>500 Internal Server Error</h1></body></html>",
        None,
        "Internal Server Error",
    ),
    "html-503": (503, b"<html>Service Unavailable</html>", None, "Service Unavailable"),
    "empty-502": (502, b"", None, "Bad Gateway"),
    "json-array": (400, b"[1, 2]", None, "Bad Request"),
    "not-json": (400, b"\xff\xfe garbage", None, "Bad Request"),
    "values-not-a-list": (400, b'{"code": "Z", "message": {"value": "m"}, "values": 5}', "Z", "m"),
}


@pytest.mark.parametrize("case", sorted(UNMODELED))
def test_unmodeled_error_bodies(stub: StubServer, case: str) -> None:
    status, body, code, message = UNMODELED[case]
    reply = Reply(status, {"Content-Type": "text/html", "request-id": f"rid-{case}"}, body)
    call = Call("task_get", options={})
    theirs = _sdk_error(stub, call, reply)
    mine = _ours_error(stub, call, reply)
    assert mine.status_code == theirs.response.status_code == status
    assert mine.code == code
    assert mine.message == message
    assert mine.request_id == theirs.response.headers["request-id"] == f"rid-{case}"
    assert mine.body == body
    if isinstance(theirs.error, sdk.BatchError):
        assert theirs.error.code == code
    if message == http.client.responses[status]:
        assert theirs.message.startswith("Operation returned an invalid status code")


# -- retries -------------------------------------------------------------------------------------

DROP = Reply(drop=True)


def _retry_scenarios() -> list[tuple[str, str, list[Reply], int, Any, list[float]]]:
    """(id, op, replies, attempts, outcome: "ok", a status or TransportError, sleeps)."""
    ok = {op: SUCCESS[op] for op in OPERATIONS}
    return [
        (
            "get-500-500-ok",
            "task_get",
            [Reply(500), Reply(500), ok["task_get"]],
            3,
            "ok",
            [0.8, 1.6],
        ),
        ("get-500-x4", "task_get", [Reply(500)] * 4, 4, 500, [0.8, 1.6, 3.2]),
        (
            "get-408-502-504-ok",
            "task_get",
            [Reply(408), Reply(502), Reply(504), ok["task_get"]],
            4,
            "ok",
            [0.8, 1.6, 3.2],
        ),
        ("get-507-ok", "task_get", [Reply(507), ok["task_get"]], 2, "ok", [0.8]),
        ("get-501", "task_get", [Reply(501)], 1, 501, []),
        ("get-505", "task_get", [Reply(505)], 1, 505, []),
        ("get-404", "task_get", [Reply(404)], 1, 404, []),
        ("get-drop-ok", "task_get", [DROP, ok["task_get"]], 2, "ok", [0.8]),
        (
            "get-400-retry-after",
            "task_get",
            [Reply(400, {"Retry-After": "2"}), ok["task_get"]],
            2,
            "ok",
            [2.0],
        ),
        ("add-500", "task_add", [Reply(500)], 1, 500, []),
        ("add-502", "task_add", [Reply(502)], 1, 502, []),
        ("add-503-ok", "task_add", [Reply(503), ok["task_add"]], 2, "ok", [0.8]),
        (
            "add-429-retry-after",
            "task_add",
            [Reply(429, {"Retry-After": "7"}), ok["task_add"]],
            2,
            "ok",
            [7.0],
        ),
        (
            "add-429-retry-after-ms",
            "task_add",
            [Reply(429, {"retry-after-ms": "250"}), ok["task_add"]],
            2,
            "ok",
            [0.25],
        ),
        ("add-429-x4", "task_add", [Reply(429)] * 4, 4, 429, [0.8, 1.6, 3.2]),
        ("add-drop", "task_add", [DROP], 1, ours.TransportError, []),
        (
            "add-collection-503-ok",
            "task_add_collection",
            [Reply(503), ok["task_add_collection"]],
            2,
            "ok",
            [0.8],
        ),
        ("add-collection-500", "task_add_collection", [Reply(500)], 1, 500, []),
        ("terminate-500", "task_terminate", [Reply(500)], 1, 500, []),
        (
            "reactivate-503-ok",
            "task_reactivate",
            [Reply(503), ok["task_reactivate"]],
            2,
            "ok",
            [0.8],
        ),
        ("update-500-ok", "task_update", [Reply(500), ok["task_update"]], 2, "ok", [0.8]),
        ("delete-500-ok", "task_delete", [Reply(500), ok["task_delete"]], 2, "ok", [0.8]),
        ("delete-drop-ok", "task_delete", [DROP, ok["task_delete"]], 2, "ok", [0.8]),
        (
            "subtasks-503-ok",
            "task_list_subtasks",
            [Reply(503), ok["task_list_subtasks"]],
            2,
            "ok",
            [0.8],
        ),
        ("list-500-ok", "task_list", [Reply(500), ok["task_list"]], 2, "ok", [0.8]),
    ]


RETRY_SCENARIOS = _retry_scenarios()


def _check_outcome(outcome: Any, error: BaseException | None) -> None:
    if outcome == "ok":
        assert error is None, error
    elif isinstance(outcome, int):
        assert isinstance(error, ours.BatchError), error
        assert error.status_code == outcome
    else:
        assert isinstance(error, outcome), error


def _policy(sleeps: list[float]) -> ours.RetryPolicy:
    async def async_sleep(delay: float) -> None:
        sleeps.append(delay)

    # random(a, b) -> b: the backoff ceiling, so delays are exact (0.8 s doubling).
    return ours.RetryPolicy.azure(
        sleep=sleeps.append, async_sleep=async_sleep, random=lambda a, b: b
    )


@pytest.mark.parametrize(
    "op, replies, attempts, outcome, delays",
    [s[1:] for s in RETRY_SCENARIOS],
    ids=[s[0] for s in RETRY_SCENARIOS],
)
def test_retries_sync(
    stub: StubServer,
    op: str,
    replies: list[Reply],
    attempts: int,
    outcome: Any,
    delays: list[float],
) -> None:
    sleeps: list[float] = []
    stub.script(*replies)
    error: BaseException | None = None
    with ours_client(stub.url, retry_policy=_policy(sleeps)) as client:
        try:
            call_ours(client, Call(op, body=_body(op), options={}))
        except (ours.BatchServiceError, ours.TransportError) as err:
            error = err
    assert len(stub.received) == attempts
    assert sleeps == delays
    _check_outcome(outcome, error)
    # Every attempt is the same request (same id), signed afresh.
    seen = [wire(r) for r in stub.received]
    assert len({w.header("client-request-id") for w in seen}) == 1
    assert all(w.header("authorization") == sdk_signature(w.received) for w in seen)


@pytest.mark.parametrize(
    "op, replies, attempts, outcome, delays",
    [s[1:] for s in RETRY_SCENARIOS],
    ids=[s[0] for s in RETRY_SCENARIOS],
)
async def test_retries_async(
    stub: StubServer,
    op: str,
    replies: list[Reply],
    attempts: int,
    outcome: Any,
    delays: list[float],
) -> None:
    sleeps: list[float] = []
    stub.script(*replies)
    error: BaseException | None = None
    async with ours.AsyncBatchServiceClient(
        stub.url, ours.SharedKeyCredential(ACCOUNT, KEY), retry_policy=_policy(sleeps)
    ) as client:
        try:
            await call_ours_async(client, Call(op, body=_body(op), options={}))
        except (ours.BatchServiceError, ours.TransportError) as err:
            error = err
    assert len(stub.received) == attempts
    assert sleeps == delays
    _check_outcome(outcome, error)
    assert len({wire(r).header("client-request-id") for r in stub.received}) == 1


async def test_async_retry_with_bearer_token_keeps_token(stub: StubServer) -> None:
    credential = AsyncCredential()
    sleeps: list[float] = []
    stub.script(Reply(503), Reply(429, {"Retry-After": "0"}), SUCCESS["task_get"])
    async with ours.AsyncBatchServiceClient(
        stub.url, credential, retry_policy=_policy(sleeps), enforce_https=False
    ) as client:
        task = await client.task_get(job_id="j", task_id="t")
    assert task.id == "t"
    assert len(stub.received) == 3
    assert {wire(r).header("authorization") for r in stub.received} == {"Bearer async-1"}
    assert credential.calls == [("https://batch.core.windows.net//.default",)]


@pytest.mark.parametrize(
    "op, replies, sdk_attempts, our_attempts",
    [
        ("task_get", [Reply(500), Reply(500), SUCCESS["task_get"]], 3, 3),
        ("task_get", [Reply(503), SUCCESS["task_get"]], 2, 2),
        ("task_update", [Reply(500), SUCCESS["task_update"]], 2, 2),
        ("task_add", [Reply(500)], 1, 1),
        # Deliberate: the service did not process a 503/429, so a POST is safe to repeat.
        ("task_add", [Reply(503), SUCCESS["task_add"]], 1, 2),
        ("task_terminate", [Reply(502)], 1, 1),
    ],
)
def test_retry_decisions_against_sdk(
    stub: StubServer, op: str, replies: list[Reply], sdk_attempts: int, our_attempts: int
) -> None:
    call = Call(op, body=_body(op), options={})
    stub.script(*replies)
    try:
        call_sdk(sdk_client(stub.url, retries=3), call)
    except sdk.BatchErrorException:
        pass
    assert len(stub.received) == sdk_attempts
    stub.script(*replies)
    with ours_client(stub.url, retry_policy=_policy([])) as client:
        try:
            call_ours(client, call)
        except ours.BatchError:
            pass
    assert len(stub.received) == our_attempts
