"""The async client's default transport runs on asyncio streams with the runtime's own HTTP/1.1
code (`_h1`, as the sync default): no dependency beyond urllib3, and h11 (which it used before)
is never imported; asyncio is imported when an async client is created, never by the package
itself. aiohttp is an optional extra (`aiohttp`, formerly `aio`) that nothing imports unless an
AiohttpTransport is created, and that transport reports a missing one when it is created."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections.abc import Iterator

import pytest
from runtime.runtime_stub import Reply, StubServer

from support import ROOT

PACKAGES = {
    "deadline_tasks": ("deadline-tasks", "AsyncDeadlineClient", "DeadlineClient"),
    "datapipeline_tasks": ("datapipeline-tasks", "AsyncDataPipelineClient", "DataPipelineClient"),
    "azure_batch_tasks": ("azure-batch-tasks", "AsyncBatchServiceClient", "BatchServiceClient"),
}


@pytest.fixture
def server() -> Iterator[StubServer]:
    stub = StubServer()
    try:
        yield stub
    finally:
        stub.close()


def python(package: str, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT / "generated" / package,
        timeout=60,
    )


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_urllib3_is_the_only_dependency_and_aiohttp_an_extra(package: str) -> None:
    project = tomllib.loads((ROOT / "generated" / package / "pyproject.toml").read_text())
    assert project["project"]["dependencies"] == ["urllib3>=2"]
    extras = project["project"]["optional-dependencies"]
    assert extras["aiohttp"] == extras["aio"] == ["aiohttp>=3.9"]


def test_sync_and_async_programs_run_without_aiohttp(server: StubServer) -> None:
    task = b'{"taskId": "t", "createdAt": 0, "createdBy": "m", "runStatus": "READY"}'
    server.script(Reply(200, {}, task), Reply(200, {}, task))
    code = f"""
import asyncio
import sys
sys.modules["aiohttp"] = None  # as if it were not installed: importing it raises ImportError
sys.modules["yarl"] = None
import deadline_tasks as dl

creds = dl.AwsCredentials("AKID", "SECRET")
ids = dict(farm_id="f", queue_id="q", job_id="j", step_id="s", task_id="t")
options = dict(credentials=creds, endpoint_url={server.url!r}, inject_host_prefix=False)
with dl.DeadlineClient("us-west-2", **options) as client:
    print(client.get_task(**ids).task_id)

async def main():
    async with dl.AsyncDeadlineClient("us-west-2", **options) as client:
        print((await client.get_task(**ids)).task_id)

asyncio.run(main())
try:
    dl.AiohttpTransport()
except ImportError as err:
    print(err)
"""
    proc = python("deadline_tasks", code)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[:2] == ["t", "t"]
    assert "pip install 'aiohttp'" in lines[2]
    assert len(server.received) == 2


def test_the_async_client_runs_without_h11(server: StubServer) -> None:
    task = b'{"taskId": "t", "createdAt": 0, "createdBy": "m", "runStatus": "READY"}'
    server.script(Reply(200, {}, task))
    code = f"""
import asyncio
import sys
sys.modules["h11"] = None  # as if it were not installed: importing it raises ImportError
import deadline_tasks as dl

async def main():
    options = dict(credentials=dl.AwsCredentials("AKID", "SECRET"), endpoint_url={server.url!r})
    async with dl.AsyncDeadlineClient("us-west-2", inject_host_prefix=False, **options) as client:
        ids = dict(farm_id="f", queue_id="q", job_id="j", step_id="s", task_id="t")
        task = await client.get_task(**ids)
        print(type(client._transport).__name__, task.task_id)

asyncio.run(main())
"""
    proc = python("deadline_tasks", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["AsyncioTransport t"]


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_the_async_client_imports_no_h11_aiohttp_or_urllib3(package: str) -> None:
    _, async_client, _ = PACKAGES[package]
    make = (
        f"{async_client}('https://acct.eastus.batch.azure.com', "
        "SharedKeyCredential('a', 'AAAA'))"
        if package == "azure_batch_tasks"
        else f"{async_client}('us-west-2', credentials=AwsCredentials('AKID', 'SECRET'))"
    )
    credential = "SharedKeyCredential" if package == "azure_batch_tasks" else "AwsCredentials"
    code = f"""
import sys
from {package} import {async_client}, {credential}
print([name in sys.modules for name in ("h11", "aiohttp", "urllib3")])
client = {make}
print([name in sys.modules for name in ("h11", "aiohttp", "urllib3")])
from {package} import Urllib3Transport
print(Urllib3Transport.__name__, "urllib3" in sys.modules)
"""
    proc = python(package, code)
    assert proc.returncode == 0, proc.stderr
    # The default transport imports no h11 (its HTTP/1.1 is the runtime's own), no aiohttp
    # (about 150 ms to import) and no urllib3 (the sync transports load it when first asked
    # for), not even once an async client exists.
    assert proc.stdout.splitlines() == [
        "[False, False, False]",
        "[False, False, False]",
        "Urllib3Transport True",
    ]


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_a_sync_program_never_imports_asyncio(package: str, server: StubServer) -> None:
    """asyncio costs a sync-only program about 40 ms to import: the package, its sync client
    (credentials and retries included) and a call leave it unimported."""
    _, _, sync_client = PACKAGES[package]
    calls = {
        "deadline_tasks": "get_task(farm_id='f', queue_id='q', job_id='j', step_id='s', "
        "task_id='t')",
        "datapipeline_tasks": "set_task_status(task_id='t', task_status='FINISHED')",
        "azure_batch_tasks": "task_get(job_id='j', task_id='t')",
    }
    body = {
        "deadline_tasks": b'{"taskId": "t", "createdAt": 0, "createdBy": "m", '
        b'"runStatus": "READY"}',
        "datapipeline_tasks": b"{}",
        "azure_batch_tasks": b'{"id": "t"}',
    }[package]
    server.script(Reply(200, {"Content-Type": "application/json"}, body))
    make = (
        f"{sync_client}('{server.url}', SharedKeyCredential('a', 'AAAA'))"
        if package == "azure_batch_tasks"
        else f"{sync_client}('us-west-2', endpoint_url='{server.url}', "
        "credentials=AwsCredentials('AKID', 'SECRET'), inject_host_prefix=False)"
    )
    credential = "SharedKeyCredential" if package == "azure_batch_tasks" else "AwsCredentials"
    code = f"""
import sys
from {package} import {sync_client}, {credential}
client = {make}
client.{calls[package]}
print(type(client._transport).__name__)
print([name in sys.modules for name in ("asyncio", "urllib3", "http.client", "email.parser")])
"""
    proc = python(package, code)
    assert proc.returncode == 0, proc.stderr
    # Nor urllib3, http.client and its email parser: the default SocketTransport needs none.
    assert proc.stdout.splitlines() == ["SocketTransport", "[False, False, False, False]"]
