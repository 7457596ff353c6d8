"""Bearer tokens never travel over plain http:// unless the caller opts in (as azure-core's
BearerTokenCredentialPolicy refuses them); SharedKey, which sends no reusable secret, is not
affected."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest
from runtime.runtime_stub import Reply, StubServer

from support import ROOT

sys.path.insert(0, str(ROOT / "generated" / "azure_batch_tasks"))

import azure_batch_tasks as az

KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="


class Token(NamedTuple):
    token: str
    expires_on: int


class Credential:
    def __init__(self) -> None:
        self.calls = 0

    def get_token(self, *scopes: str, **kwargs: Any) -> Token:
        self.calls += 1
        return Token("SECRET-TOKEN", int(time.time()) + 3600)


class AsyncCredential(Credential):
    async def get_token(self, *scopes: str, **kwargs: Any) -> Token:  # type: ignore[override]
        return Credential.get_token(self)


@pytest.fixture
def server() -> Iterator[StubServer]:
    stub = StubServer()
    try:
        yield stub
    finally:
        stub.close()


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_an_http_endpoint_with_a_token_is_refused_up_front(asynchronous: bool) -> None:
    credential = AsyncCredential() if asynchronous else Credential()
    cls = az.AsyncBatchServiceClient if asynchronous else az.BatchServiceClient
    with pytest.raises(ValueError, match=r"non-https.*enforce_https=False"):
        cls("http://acct.eastus.batch.azure.com", credential)
    assert credential.calls == 0  # no token was even fetched


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_opting_in_for_a_local_server(server: StubServer, asynchronous: bool) -> None:
    server.script(Reply(200, {}, b'{"id": "t"}'))
    if asynchronous:

        async def call() -> Any:
            async with az.AsyncBatchServiceClient(
                server.url, AsyncCredential(), enforce_https=False
            ) as client:
                return await client.task_get(job_id="j", task_id="t")

        task = asyncio.run(call())
    else:
        with az.BatchServiceClient(server.url, Credential(), enforce_https=False) as client:
            task = client.task_get(job_id="j", task_id="t")
    assert task.id == "t"
    assert server.received[0].header("Authorization") == "Bearer SECRET-TOKEN"


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_a_next_link_to_plain_http_is_refused_before_sending(asynchronous: bool) -> None:
    page = {"value": [{"id": "a"}], "odata.nextLink": "http://acct.eastus.batch.azure.com/next"}
    sent: list[Any] = []

    def answer(request: Any) -> Any:
        sent.append(request)
        return az.HttpResponse(200, {}, json.dumps(page).encode())

    class Transport:
        def send(self, request: Any, *, timeout: float | None) -> Any:
            return answer(request)

    class AsyncTransport:
        async def send(self, request: Any, *, timeout: float | None) -> Any:
            return answer(request)

    endpoint = "https://acct.eastus.batch.azure.com"
    with pytest.raises(ValueError, match="non-https"):
        if asynchronous:

            async def walk() -> list[Any]:
                client = az.AsyncBatchServiceClient(
                    endpoint, AsyncCredential(), transport=AsyncTransport()
                )
                return [t async for t in client.task_list(job_id="j")]

            asyncio.run(walk())
        else:
            client = az.BatchServiceClient(endpoint, Credential(), transport=Transport())
            list(client.task_list(job_id="j"))
    assert [r.url.split("?")[0] for r in sent] == [endpoint + "/jobs/j/tasks"]


def test_shared_key_over_http_is_allowed(server: StubServer) -> None:
    server.script(Reply(200, {}, b'{"id": "t"}'))
    with az.BatchServiceClient(server.url, az.SharedKeyCredential("acct", KEY)) as client:
        assert client.task_get(job_id="j", task_id="t").id == "t"
