"""Machinery shared by the AWS differential tests: generated clients against botocore.

Nothing here touches the network. botocore's send is intercepted by a ``before-send`` handler
that records the prepared request and answers from a script; the generated clients get stub
transports (or, in the retry tests, the raw-socket stub server on 127.0.0.1). Both sides sign
with the same fixed clock, so signatures can be compared byte for byte.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import os
import re
import sys
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import botocore.auth
import botocore.endpoint
import botocore.exceptions
import botocore.loaders
import botocore.retries.standard
import botocore.session
import pytest
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.config import Config

from support import ROOT

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLXdlc3QtMiJHMEUCIQ=="
REGION = "us-west-2"
FIXED_NOW = dt.datetime(2024, 7, 1, 12, 34, 56, tzinfo=dt.UTC)

#: Compared value for value on every request.
COMPARED_HEADERS = (
    "Content-Type",
    "X-Amz-Target",
    "X-Amz-Client-Token",
    "X-Amz-Security-Token",
    "X-Amz-Date",
    "Authorization",
    "Content-Length",
)
#: Sent by both, unsigned, with values that differ by design: a user agent naming the client,
#: and botocore's retry bookkeeping (a uuid4 per call, ``attempt=N; max=M``).
SDK_HEADERS = ("user-agent", "amz-sdk-invocation-id", "amz-sdk-request")
USER_AGENT = re.compile(r"[a-z-]+-tasks/0\.1\.0 apismith/\S+ Python/\d+\.\d+\.\d+\S*")
#: Attributes every generated error has; the others are the modeled fields.
BASE_ERROR_ATTRIBUTES = frozenset(
    {"message", "status_code", "code", "request_id", "headers", "body"}
)


def import_generated(package: str) -> ModuleType:
    """Import ``generated/<package>/<package>`` (its folder goes first on ``sys.path``)."""
    folder = str(ROOT / "generated" / package)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(package)


def isolate_aws(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No AWS settings from the machine, and botocore signs at :data:`FIXED_NOW`."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))

    def fixed_now(remove_tzinfo: bool = True) -> dt.datetime:
        return FIXED_NOW.replace(tzinfo=None) if remove_tzinfo else FIXED_NOW

    # botocore.auth imported get_current_datetime by name: patch it where SigV4Auth looks.
    monkeypatch.setattr(botocore.auth, "get_current_datetime", fixed_now)


def is_uuid4(text: str | None) -> bool:
    try:
        value = uuid.UUID(text or "")
    except ValueError:
        return False
    return value.version == 4 and str(value) == text


# --- canned answers and recorded requests ----------------------------------------------------


@dataclass
class Canned:
    """One HTTP answer, fed identically to botocore and to a generated client.

    ``drop`` answers nothing: the connection closes (botocore: ``ConnectionClosedError``; stub
    transports: ``TransportError(request_sent=True)``).
    """

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"{}"
    drop: bool = False

    @classmethod
    def json(cls, status: int, data: Any, headers: Mapping[str, str] | None = None) -> Canned:
        return cls(status, dict(headers or {}), json.dumps(data).encode("utf-8"))


@dataclass
class Sent:
    """A request as it goes on the wire, from either client (header names lower-cased)."""

    method: str
    url: str
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def _text(value: str | bytes) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def sent_by_ours(request: Any) -> Sent:
    headers: dict[str, str] = {}
    for name, value in request.headers.multi_items():
        assert name.lower() not in headers, f"header {name} sent twice"
        headers[name.lower()] = value
    return Sent(request.method, request.url, headers, request.body or b"")


def sent_by_botocore(request: AWSPreparedRequest) -> Sent:
    headers = {k.lower(): _text(v) for k, v in request.headers.items()}
    body = request.body or b""
    return Sent(
        request.method, request.url, headers, body.encode() if isinstance(body, str) else body
    )


def assert_same_request(ours: Sent, theirs: Sent, *, skip: tuple[str, ...] = ()) -> None:
    """Method, URL (path and query), the compared headers, the header set and the body bytes."""
    assert ours.method == theirs.method
    assert ours.url == theirs.url
    for name in COMPARED_HEADERS:
        if name not in skip:
            assert ours.header(name) == theirs.header(name), name
    # Content-Length too: the generated clients frame requests as botocore does.
    assert set(ours.headers) == set(theirs.headers)
    assert_same_sdk_headers(ours, theirs)
    if theirs.body:
        assert json.loads(ours.body) == json.loads(theirs.body)
    assert ours.body == theirs.body


def assert_same_sdk_headers(ours: Sent, theirs: Sent) -> None:
    """Both send a user agent and botocore's retry headers: an invocation id that is a uuid4
    and the same attempt number (``max`` is each side's policy; see the retry tests)."""
    assert USER_AGENT.fullmatch(ours.header("user-agent") or ""), ours.header("user-agent")
    assert (theirs.header("user-agent") or "").startswith("Botocore/")
    assert is_uuid4(ours.header("amz-sdk-invocation-id"))
    assert is_uuid4(theirs.header("amz-sdk-invocation-id"))
    mine, their = ours.header("amz-sdk-request") or "", theirs.header("amz-sdk-request") or ""
    assert re.fullmatch(r"(ttl=\d{8}T\d{6}Z; )?attempt=\d+; max=\d+", mine), mine
    # The same ttl (or none) and attempt; max is each side's policy.
    assert mine.rsplit(";", 1)[0] == their.rsplit(";", 1)[0]


# --- botocore, intercepted -------------------------------------------------------------------


@cache
def _shared_loader() -> botocore.loaders.Loader:
    # Loading the service models is most of a client's creation time; share it.
    return botocore.loaders.create_loader()


class _RawBody:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


class BotocoreStub:
    """A botocore client whose every send is recorded and answered from a script.

    ``max_attempts`` is botocore's ``total_max_attempts`` (standard retry mode); the default of
    1 keeps botocore from retrying in the response tests.
    """

    def __init__(
        self,
        service: str,
        *,
        session_token: str | None = None,
        max_attempts: int = 1,
        region: str = REGION,
        endpoint_url: str | None = None,
        **config: Any,
    ) -> None:
        session = botocore.session.Session()
        session.register_component("data_loader", _shared_loader())
        self.client = session.create_client(
            service,
            region_name=region,
            endpoint_url=endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            aws_session_token=session_token,
            config=Config(
                retries={"mode": "standard", "total_max_attempts": max_attempts}, **config
            ),
        )
        self.sent: list[Sent] = []
        self._script: list[Canned] = []
        self.client.meta.events.register("before-send", self._send)

    def script(self, *answers: Canned) -> BotocoreStub:
        self._script = list(answers)
        self.sent.clear()
        return self

    def _send(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse:
        self.sent.append(sent_by_botocore(request))
        answer = self._script.pop(0) if self._script else Canned()
        if answer.drop:
            raise botocore.exceptions.ConnectionClosedError(endpoint_url=request.url)
        return AWSResponse(request.url, answer.status, answer.headers, _RawBody(answer.body))

    def call(self, operation: str, **params: Any) -> dict[str, Any]:
        result: dict[str, Any] = getattr(self.client, operation)(**params)
        return result


def record_botocore_backoff(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """botocore's retry sleeps, recorded instead of slept, with its jitter pinned at the top
    (``random() == 1.0``) so they can be compared with a policy whose ``random`` does the same.
    """
    sleeps: list[float] = []
    monkeypatch.setattr(botocore.endpoint, "time", SimpleNamespace(sleep=sleeps.append))
    init = botocore.retries.standard.ExponentialBackoff.__init__
    defaults = list(init.__defaults__ or ())
    names = list(inspect.signature(init).parameters)[-len(defaults) :]
    defaults[names.index("random")] = lambda: 1.0
    monkeypatch.setattr(init, "__defaults__", tuple(defaults))
    return sleeps


# --- stub transports for the generated clients -----------------------------------------------


class StubTransport:
    """A generated client's ``Transport``: records each request, answers from a script."""

    def __init__(self, package: ModuleType, *answers: Canned) -> None:
        self._package = package
        self.requests: list[Any] = []
        self._script = list(answers)

    def script(self, *answers: Canned) -> StubTransport:
        self._script = list(answers)
        self.requests.clear()
        return self

    @property
    def sent(self) -> list[Sent]:
        return [sent_by_ours(r) for r in self.requests]

    def _answer(self, request: Any) -> Any:
        self.requests.append(request)
        answer = self._script.pop(0) if self._script else Canned()
        if answer.drop:
            raise self._package.TransportError("connection closed", request_sent=True)
        return self._package.HttpResponse(answer.status, answer.headers, answer.body)

    def send(self, request: Any, *, timeout: float | None) -> Any:
        return self._answer(request)

    def close(self) -> None:
        pass


class AsyncStubTransport(StubTransport):
    """The ``AsyncTransport`` twin of :class:`StubTransport`."""

    async def send(self, request: Any, *, timeout: float | None) -> Any:  # type: ignore[override]
        return self._answer(request)

    async def close(self) -> None:  # type: ignore[override]
        pass


# --- normalising results and errors ----------------------------------------------------------


def aware(value: dt.datetime) -> dt.datetime:
    """An aware UTC datetime (botocore returns naive ones for offset-less timestamps)."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def botocore_plain(parsed: Mapping[str, Any]) -> dict[str, Any]:
    """botocore's parsed output without ``ResponseMetadata``, datetimes made aware."""

    def walk(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return aware(value)
        if isinstance(value, Mapping):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return {k: walk(v) for k, v in parsed.items() if k != "ResponseMetadata"}


def plain(value: Any) -> Any:
    """A generated model value as plain data (enums as their values, models via to_dict)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    return getattr(value, "value", value)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def ours_error_fields(error: Exception) -> dict[str, Any]:
    """The modeled fields of a generated error, keyed by wire name (unset ones left out)."""
    out: dict[str, Any] = {}
    for name in inspect.signature(type(error).__init__).parameters:
        if name == "self" or name in BASE_ERROR_ATTRIBUTES:
            continue
        value = getattr(error, name)
        if value is not None:
            out[_camel(name)] = plain(value)
    return out


def botocore_error_fields(error: botocore.exceptions.ClientError) -> dict[str, Any]:
    """The modeled fields botocore adds next to ``Error`` (``message`` is compared apart)."""
    skip = {"Error", "ResponseMetadata", "message"}
    return {k: v for k, v in error.response.items() if k not in skip}


def assert_same_error(
    ours: Any,
    theirs: botocore.exceptions.ClientError,
    *,
    base_error: str,
    request_id: str | None = None,
) -> None:
    """Same class name (botocore's ``ClientError`` is our base class), code, message, status,
    request id and modeled fields. ``request_id`` overrides the expected id where botocore
    loses it (see the generic-error test)."""
    info = theirs.response["Error"]
    meta = theirs.response["ResponseMetadata"]
    expected_class = type(theirs).__name__
    assert type(ours).__name__ == (
        base_error if expected_class == "ClientError" else expected_class
    )
    assert type(ours).__name__ == base_error or type(ours).__mro__[1].__name__ == base_error
    assert ours.code == info["Code"]
    assert ours.message == info["Message"]
    assert ours.status_code == meta["HTTPStatusCode"]
    expected_id = meta.get("RequestId", "") if request_id is None else request_id
    assert ours.request_id == expected_id
    assert ours_error_fields(ours) == botocore_error_fields(theirs)
