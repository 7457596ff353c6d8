"""Helpers of the generated deadline_tasks tests: a stub transport (no network), assertions."""

from __future__ import annotations

import contextlib
import inspect
import json
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from deadline_tasks import (
    AsyncDeadlineClient,
    AwsCredentials,
    DeadlineClient,
    HttpRequest,
    HttpResponse,
    RetryPolicy,
)

CREDENTIALS = AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")


class StubTransport:
    """Answers each request with the next canned response (the last one repeats)."""

    def __init__(self, *responses: HttpResponse) -> None:
        self.responses = list(responses)
        self.requests: list[HttpRequest] = []

    def _next(self, request: HttpRequest) -> HttpResponse:
        self.requests.append(request)
        return self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]

    def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        return self._next(request)

    def close(self) -> None:
        pass


class AsyncStubTransport(StubTransport):
    async def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:  # type: ignore[override]
        return self._next(request)

    async def close(self) -> None:  # type: ignore[override]
        pass


def make_client(asynchronous: bool, transport: StubTransport) -> Any:
    cls: Any = AsyncDeadlineClient if asynchronous else DeadlineClient
    return cls(
        "us-west-2",
        credentials=CREDENTIALS,
        transport=transport,
        retry_policy=RetryPolicy.no_retries(),
    )


# What uuid4() returns while a test calls a client: the ids and idempotency tokens a client
# fills in are then known to the expected requests.
FIXED_UUID = uuid.UUID("00000000-0000-4000-8000-000000000000")


@contextlib.contextmanager
def fixed_uuid4() -> Iterator[None]:
    original = uuid.uuid4
    uuid.uuid4 = lambda: FIXED_UUID
    try:
        yield
    finally:
        uuid.uuid4 = original


async def invoke(
    asynchronous: bool, method: str, kwargs: dict[str, Any], *responses: HttpResponse
) -> tuple[Any, list[HttpRequest]]:
    """Call `method` on a sync or async client over a stub transport; return (result, requests)."""
    transport = AsyncStubTransport(*responses) if asynchronous else StubTransport(*responses)
    client = make_client(asynchronous, transport)
    with fixed_uuid4():
        result = getattr(client, method)(**kwargs)
        if inspect.isawaitable(result):
            result = await result
        elif hasattr(result, "__aiter__"):
            result = [item async for item in result]
        elif hasattr(result, "by_page"):
            result = list(result)
    return result, transport.requests


def response(status: int, headers: dict[str, str], body: Any) -> HttpResponse:
    """A canned response; `body` is bytes or text as is, anything else is sent as JSON
    ("" = empty)."""
    if isinstance(body, bytes):
        return HttpResponse(status, headers, body)
    text = body if isinstance(body, str) else json.dumps(body)
    return HttpResponse(status, headers, text.encode("utf-8"))


def check_request(
    request: HttpRequest,
    *,
    method: str,
    path: str,
    query: dict[str, str],
    headers: dict[str, str],
    body: Any,
    encoding: str = "json",
) -> None:
    """The request the spec's bindings dictate: exact method, path, query; these headers; the
    body, compared as its encoding says (JSON, form fields, multipart fields, text, bytes)."""
    parts = urlsplit(request.url)
    assert request.method == method
    assert parts.path == path
    assert dict(parse_qsl(parts.query, keep_blank_values=True)) == query
    for name, value in headers.items():
        assert request.headers.get(name) == value, name
    if body is None:
        assert request.body is None
        return
    assert request.body is not None
    if isinstance(body, bytes):
        assert request.body == body  # a blob or text payload, sent as is
    elif encoding == "json":
        assert json.loads(request.body) == body
    elif encoding == "form":
        assert dict(parse_qsl(request.body.decode("ascii"), keep_blank_values=True)) == body
    elif encoding == "multipart":
        ctype = request.headers.get("Content-Type", "")
        assert ctype.startswith("multipart/form-data; boundary=")
        for field, text in body.items():
            assert f'name="{field}"'.encode() in request.body, field
            assert text.encode("utf-8") in request.body, field
    elif encoding == "text":
        assert request.body.decode("utf-8") == body
    else:
        assert request.body == body
