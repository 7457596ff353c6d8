"""Client-side cost per call: generated clients vs the official SDKs, same run, same machine.

Each client sends to an in-memory transport that returns a canned response, so what is timed is
the client itself: building and signing the request, retries bookkeeping, parsing the result.

    .venv/bin/python benchmarks/client_overhead.py [N]

Prints microseconds per call, peak traced memory per call, and the SDK/ours ratios (> 1 means
the generated client is cheaper).
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for package in ("deadline_tasks", "azure_batch_tasks"):
    sys.path.insert(0, str(ROOT / "generated" / package))

TASK = {
    "taskId": "task-1",
    "createdAt": "2024-07-01T12:00:00Z",
    "createdBy": "arn:aws:iam::123456789012:user/me",
    "runStatus": "RUNNING",
    "targetRunStatus": "READY",
    "failureRetryCount": 1,
    "parameters": {"frame": {"int": "7"}, "scene": {"path": "/s/a.ma"}},
    "startedAt": "2024-07-01T12:01:00Z",
    "updatedAt": "2024-07-01T12:02:00Z",
    "updatedBy": "me",
}
CLOUD_TASK = {
    "id": "task-1",
    "url": "https://acct.eastus.batch.azure.com/jobs/job-1/tasks/task-1",
    "eTag": "0x8DC9A1B2C3D4E5F",
    "creationTime": "2024-07-01T12:00:00.1234567Z",
    "lastModified": "2024-07-01T12:00:00Z",
    "state": "running",
    "commandLine": "cmd /c echo hello",
    "constraints": {"maxWallClockTime": "P1DT2H", "retentionTime": "P7D", "maxTaskRetryCount": 2},
    "executionInfo": {"startTime": "2024-07-01T12:00:01Z", "retryCount": 0, "requeueCount": 0},
    "environmentSettings": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
}
KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="


def measure(call: Callable[[], Any], n: int) -> tuple[float, float]:
    for _ in range(50):
        call()
    start = time.perf_counter()
    for _ in range(n):
        call()
    per_call = (time.perf_counter() - start) / n * 1e6
    tracemalloc.start()
    for _ in range(100):
        call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return per_call, peak / 1024


def deadline_ours() -> Callable[[], Any]:
    from deadline_tasks import AwsCredentials, DeadlineClient, HttpResponse

    body = json.dumps(TASK).encode()

    class Canned:
        def send(self, request: Any, *, timeout: float | None) -> Any:
            return HttpResponse(200, {"x-amzn-RequestId": "r"}, body)

        def close(self) -> None:
            pass

    client = DeadlineClient(
        "us-west-2", credentials=AwsCredentials("AKID", "SECRET"), transport=Canned()
    )
    return lambda: client.get_task(
        farm_id="farm-1", queue_id="queue-1", job_id="job-1", step_id="step-1", task_id="task-1"
    )


def deadline_botocore() -> Callable[[], Any]:
    import botocore.session
    from botocore.awsrequest import AWSResponse

    body = json.dumps(TASK).encode()

    class Raw:
        def stream(self, **kwargs: Any) -> Any:
            yield body

    client = botocore.session.Session().create_client(
        "deadline", region_name="us-west-2", aws_access_key_id="AKID", aws_secret_access_key="S"
    )

    def reply(request: Any, **kwargs: Any) -> AWSResponse:
        return AWSResponse(request.url, 200, {"x-amzn-RequestId": "r"}, Raw())

    client.meta.events.register("before-send", reply)
    return lambda: client.get_task(
        farmId="farm-1", queueId="queue-1", jobId="job-1", stepId="step-1", taskId="task-1"
    )


def batch_ours() -> Callable[[], Any]:
    from azure_batch_tasks import BatchServiceClient, HttpResponse, SharedKeyCredential

    body = json.dumps(CLOUD_TASK).encode()

    class Canned:
        def send(self, request: Any, *, timeout: float | None) -> Any:
            return HttpResponse(200, {"request-id": "r", "ETag": "0x1"}, body)

        def close(self) -> None:
            pass

    client = BatchServiceClient(
        "https://acct.eastus.batch.azure.com", SharedKeyCredential("acct", KEY), transport=Canned()
    )
    return lambda: client.task_get(job_id="job-1", task_id="task-1")


def batch_sdk() -> Callable[[], Any]:
    import requests
    from azure.batch import BatchServiceClient
    from azure.batch.batch_auth import SharedKeyCredentials

    body = json.dumps(CLOUD_TASK).encode()

    class Adapter(requests.adapters.HTTPAdapter):
        def send(self, request: Any, **kwargs: Any) -> requests.Response:
            response = requests.Response()
            response.status_code = 200
            response.headers.update(
                {"request-id": "r", "ETag": "0x1", "Content-Type": "application/json"}
            )
            response._content = body
            response.request = request
            response.url = request.url
            return response

    client = BatchServiceClient(
        SharedKeyCredentials("acct", KEY), batch_url="https://acct.eastus.batch.azure.com"
    )
    adapter = Adapter()

    # msrest sends through requests.Session.send: answer there, after SharedKey signing.
    def send(self: requests.Session, request: Any, **kwargs: Any) -> requests.Response:
        return adapter.send(request)

    requests.Session.send = send  # type: ignore[method-assign]
    return lambda: client.task.get("job-1", "task-1")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rows = []
    for label, ours, theirs, peer in (
        ("Deadline get_task", deadline_ours, deadline_botocore, "botocore"),
        ("Batch task_get", batch_ours, batch_sdk, "azure-batch"),
    ):
        ours_us, ours_kib = measure(ours(), n)
        peer_us, peer_kib = measure(theirs(), n)
        rows.append((label, peer, ours_us, peer_us, ours_kib, peer_kib))
    print(
        f"{'call':18s} {'peer':12s} {'ours µs':>9s} {'peer µs':>9s} {'speed':>7s} "
        f"{'ours KiB':>9s} {'peer KiB':>9s} {'memory':>7s}"
    )
    for label, peer, ours_us, peer_us, ours_kib, peer_kib in rows:
        print(
            f"{label:18s} {peer:12s} {ours_us:9.1f} {peer_us:9.1f} {peer_us / ours_us:6.1f}x "
            f"{ours_kib:9.1f} {peer_kib:9.1f} {peer_kib / ours_kib:6.1f}x"
        )


if __name__ == "__main__":
    main()
