"""Client-side cost per call: generated clients vs the official SDKs, same run, same machine.

Each client sends to an in-memory transport that returns a canned response, so what is timed is
the client itself: building and signing the request, retries bookkeeping, parsing the result.

    .venv/bin/python benchmarks/client_overhead.py [N] [--rounds R]

Each round times N calls of every client, the clients alternating, R rounds. Prints
microseconds per call (median of the rounds, min-max), the SDK/ours ratio of the medians (> 1
means the generated client is cheaper) and peak traced memory over 100 calls.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
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


def per_call(call: Callable[[], Any], n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        call()
    return (time.perf_counter() - start) / n * 1e6


def memory(call: Callable[[], Any]) -> float:
    """Peak traced allocation of 100 calls, KiB."""
    tracemalloc.start()
    for _ in range(100):
        call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


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
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="calls per client per round")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    pairs = [
        ("Deadline get_task", "botocore", deadline_ours(), deadline_botocore()),
        ("Batch task_get", "azure-batch 14.2", batch_ours(), batch_sdk()),
    ]
    times: dict[tuple[str, int], list[float]] = {}
    for _, _, ours, theirs in pairs:
        for _ in range(50):  # warm caches
            ours()
            theirs()
    for _ in range(args.rounds):
        for label, _, ours, theirs in pairs:
            times.setdefault((label, 0), []).append(per_call(ours, args.n))
            times.setdefault((label, 1), []).append(per_call(theirs, args.n))
    load = os.getloadavg()[0]
    print(f"client overhead: {args.n} calls x {args.rounds} rounds, medians; load {load:.1f}")
    print("| call | peer | ours µs/call | peer µs/call | speed | ours KiB | peer KiB | memory |")
    print("|---|---|---|---|---|---|---|---|")
    for label, peer, ours, theirs in pairs:
        cells = []
        for side in (0, 1):
            values = times[(label, side)]
            cells.append(f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})")
        speed = statistics.median(times[(label, 1)]) / statistics.median(times[(label, 0)])
        ours_kib, peer_kib = memory(ours), memory(theirs)
        print(
            f"| {label} | {peer} | {cells[0]} | {cells[1]} | {speed:.1f}x | {ours_kib:.1f} | "
            f"{peer_kib:.1f} | {peer_kib / ours_kib:.1f}x |"
        )


if __name__ == "__main__":
    main()
