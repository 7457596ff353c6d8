"""aiohttp is an optional extra (`aio`) of the generated packages, imported lazily: a sync-only
program neither installs nor imports it, and the async client reports a missing one when it is
created, not on its first call."""

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
def test_aiohttp_is_an_extra(package: str) -> None:
    project = tomllib.loads((ROOT / "generated" / package / "pyproject.toml").read_text())
    assert project["project"]["dependencies"] == ["urllib3>=2"]
    assert project["project"]["optional-dependencies"]["aio"] == ["aiohttp>=3.9"]


def test_a_sync_program_runs_without_aiohttp(server: StubServer) -> None:
    server.script(
        Reply(200, {}, b'{"taskId": "t", "createdAt": 0, "createdBy": "m", "runStatus": "READY"}')
    )
    code = f"""
import sys
sys.modules["aiohttp"] = None  # as if it were not installed: importing it raises ImportError
sys.modules["yarl"] = None
import deadline_tasks as dl

creds = dl.AwsCredentials("AKID", "SECRET")
with dl.DeadlineClient("us-west-2", credentials=creds, endpoint_url={server.url!r},
                       inject_host_prefix=False) as client:
    print(client.get_task(farm_id="f", queue_id="q", job_id="j", step_id="s", task_id="t").task_id)
try:
    dl.AsyncDeadlineClient("us-west-2", credentials=creds)
except ImportError as err:
    print(err)
dl.AsyncDeadlineClient("us-west-2", credentials=creds, transport=dl.HttpxAsyncTransport())
print("httpx ok")
"""
    proc = python("deadline_tasks", code)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "t"
    assert "pip install 'deadline-tasks[aio]'" in lines[1]
    assert lines[2] == "httpx ok"


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_aiohttp_is_imported_by_the_async_client_not_the_package(package: str) -> None:
    _, async_client, _ = PACKAGES[package]
    make = (
        f"{async_client}('https://acct.eastus.batch.azure.com', "
        "SharedKeyCredential('a', 'AAAA'))"
        if package == "azure_batch_tasks"
        else f"{async_client}('us-west-2', credentials=AwsCredentials('AKID', 'SECRET'))"
    )
    code = f"""
import sys
from {package} import *
print("aiohttp" in sys.modules)
client = {make}
print("aiohttp" in sys.modules)
"""
    proc = python(package, code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True"]
