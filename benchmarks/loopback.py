"""Per-call time over real HTTP on 127.0.0.1: generated clients, raw urllib3, the official SDKs.

    .venv/bin/python benchmarks/loopback.py [N] [--rounds R]
    APISMITH_GENERATED=/other/generated .venv/bin/python benchmarks/loopback.py   # another build

A server in its own process (so it does not share this process's GIL) answers every request on
keep-alive connections with the same canned JSON: a Deadline task for the Deadline paths, an
Azure Batch task for the Batch paths. `--server fast` (the default) is a bare socket loop, so
nearly all of the time is the client's; `--server stdlib` is http.server, as test stubs are.
Each client in turn makes N calls, R rounds, the clients alternating within every round so
that load from other work falls on all of them alike:

- raw urllib3: ``PoolManager.request("GET", url)`` and ``json.loads(response.data)`` for the
  same body: the floor for a Python client on urllib3 (no signing, no model), twice: a bare GET
  of the path, and the very request the generated client sends (its URL with the query, its
  headers: User-Agent, date, signature, request id...), replayed as recorded. The second is
  the client's own overhead; the first adds what any client pays to send those headers;
- raw http.client: ``HTTPConnection.request("GET", path)`` on one keep-alive connection,
  ``getresponse().read()`` and ``json.loads``: the standard library's own floor, lower than
  urllib3's (which runs on it);
- ``deadline_tasks`` ``get_task`` (SigV4, restJson1) on its default transport
  (SocketTransport), on Urllib3Transport (the former default), and botocore's ``get_task``;
- ``azure_batch_tasks`` ``task_get`` (SharedKey) likewise, and azure-batch 14.2's ``task.get``;
- both packages' async clients, one call after another (N awaited in one coroutine on one event
  loop), on their default transport (AsyncioTransport) and on AiohttpTransport.

Prints microseconds per call (median of the rounds, min-max), and the ratio to each floor
on the same body (raw urllib3's bare GET, raw urllib3 sending the client's request, raw
http.client's bare GET), per round then the median (1.00x is the floor; lower is better).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GENERATED = Path(os.environ.get("APISMITH_GENERATED", ROOT / "generated"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from client_overhead import CLOUD_TASK, KEY, TASK  # noqa: E402

# After that import, which puts this repository's generated/ first: the build asked for goes
# before it (else APISMITH_GENERATED would time this repository's packages all the same).
for package in ("deadline_tasks", "azure_batch_tasks"):
    sys.path.insert(0, str(GENERATED / package))

DEADLINE_PATH = "/2023-10-12/farms/farm-1/queues/queue-1/jobs/job-1/steps/step-1/tasks/task-1"
BATCH_PATH = "/jobs/job-1/tasks/task-1"


def _response(body: dict[str, Any], headers: dict[str, str]) -> bytes:
    data = json.dumps(body).encode()
    head = "HTTP/1.1 200 OK\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
    return head.encode() + data


def _serve_connection(conn: socket.socket, replies: dict[str, bytes]) -> None:
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buffer = b""
    with conn:
        while True:
            while b"\r\n\r\n" not in buffer:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                buffer += chunk
            head, _, buffer = buffer.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(buffer) < length:
                buffer += conn.recv(65536)
            buffer = buffer[length:]
            path = head.split(b" ", 2)[1].decode()
            conn.sendall(replies["batch" if path.startswith("/jobs/") else "deadline"])


def _replies() -> dict[str, bytes]:
    return {
        "deadline": _response(TASK, {"x-amzn-RequestId": "r"}),
        "batch": _response(CLOUD_TASK, {"request-id": "r", "ETag": "0x1"}),
    }


def _fast_server(listener: socket.socket) -> None:
    """Reads each request and writes the canned reply: ~20 µs of server time a request."""
    replies = _replies()
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=_serve_connection, args=(conn, replies), daemon=True).start()


def _stdlib_server(listener: socket.socket) -> None:
    """http.server, as a test stub usually is: ~10x the fast server's time a request."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    replies = _replies()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else Nagle and delayed ACKs add 40 ms a request
        wbufsize = -1

        def do_GET(self) -> None:
            reply = replies["batch" if self.path.startswith("/jobs/") else "deadline"]
            self.wfile.write(reply)
            self.wfile.flush()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(listener.getsockname(), Handler, bind_and_activate=False)
    server.socket.close()
    server.socket = listener
    server.serve_forever()


def start_server(kind: str = "fast") -> tuple[str, multiprocessing.Process]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    context = multiprocessing.get_context("fork")
    target = _fast_server if kind == "fast" else _stdlib_server
    process = context.Process(target=target, args=(listener,), daemon=True)
    process.start()
    port = listener.getsockname()[1]
    listener.close()  # the server process holds its own copy
    return f"http://127.0.0.1:{port}", process


def raw_urllib3(url: str, headers: dict[str, str] | None = None) -> Callable[[], Any]:
    import urllib3

    pool = urllib3.PoolManager()
    return lambda: json.loads(pool.request("GET", url, headers=headers).data)


def raw_http_client(url: str) -> Callable[[], Any]:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port)
    path = parts.path

    def call() -> Any:
        connection.request("GET", path)
        return json.loads(connection.getresponse().read())

    return call


class Recorder:
    """A transport that keeps the last request it sent."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.request: Any = None

    def send(self, request: Any, *, timeout: float | None) -> Any:
        self.request = request
        return self.inner.send(request, timeout=timeout)


def replay(make: Callable[..., Callable[[], Any]], endpoint: str) -> Callable[[], Any]:
    """Raw urllib3 sending what the generated client made by `make` sends."""
    from azure_batch_tasks import Urllib3Transport

    recorder = Recorder(Urllib3Transport())
    make(endpoint, transport=recorder)()
    sent = recorder.request
    return raw_urllib3(sent.url, dict(sent.headers.multi_items()))


def urllib3_transport() -> Any:
    from azure_batch_tasks import Urllib3Transport

    return Urllib3Transport()


def deadline_ours(endpoint: str, transport: Any = None) -> Callable[[], Any]:
    from deadline_tasks import AwsCredentials, DeadlineClient

    client = DeadlineClient(
        "us-west-2",
        credentials=AwsCredentials("AKID", "SECRET"),
        endpoint_url=endpoint,
        inject_host_prefix=False,  # 127.0.0.1 takes no "management." (botocore likewise below)
        transport=transport,
    )
    return lambda: client.get_task(
        farm_id="farm-1", queue_id="queue-1", job_id="job-1", step_id="step-1", task_id="task-1"
    )


def deadline_botocore(endpoint: str) -> Callable[[], Any]:
    import botocore.session
    from botocore.config import Config

    client = botocore.session.Session().create_client(
        "deadline",
        region_name="us-west-2",
        aws_access_key_id="AKID",
        aws_secret_access_key="SECRET",
        endpoint_url=endpoint,
        config=Config(inject_host_prefix=False),
    )
    return lambda: client.get_task(
        farmId="farm-1", queueId="queue-1", jobId="job-1", stepId="step-1", taskId="task-1"
    )


def batch_ours(endpoint: str, transport: Any = None) -> Callable[[], Any]:
    from azure_batch_tasks import BatchServiceClient, SharedKeyCredential

    client = BatchServiceClient(endpoint, SharedKeyCredential("acct", KEY), transport=transport)
    return lambda: client.task_get(job_id="job-1", task_id="task-1")


def batch_sdk(endpoint: str) -> Callable[[], Any]:
    from azure.batch import BatchServiceClient
    from azure.batch.batch_auth import SharedKeyCredentials

    client = BatchServiceClient(SharedKeyCredentials("acct", KEY), batch_url=endpoint)
    return lambda: client.task.get("job-1", "task-1")


class AsyncCalls:
    """An async client's call: one at a time (``__call__``, for the warm-up), or ``n`` awaited
    one after another in one coroutine, so that the event loop is entered once per round."""

    def __init__(
        self, loop: asyncio.AbstractEventLoop, client: Any, call: Callable[[], Any]
    ) -> None:
        self.loop = loop
        self.client = client
        self.call = call

    def __call__(self) -> Any:
        return self.loop.run_until_complete(self.call())

    def many(self, n: int) -> None:
        async def run() -> None:
            for _ in range(n):
                await self.call()

        self.loop.run_until_complete(run())

    def close(self) -> None:
        self.loop.run_until_complete(self.client.close())


def deadline_async(
    loop: asyncio.AbstractEventLoop, endpoint: str, aiohttp: bool = False
) -> AsyncCalls:
    from deadline_tasks import AiohttpTransport, AsyncDeadlineClient, AwsCredentials

    client = AsyncDeadlineClient(
        "us-west-2",
        credentials=AwsCredentials("AKID", "SECRET"),
        endpoint_url=endpoint,
        inject_host_prefix=False,
        transport=AiohttpTransport() if aiohttp else None,
    )
    return AsyncCalls(
        loop,
        client,
        lambda: client.get_task(
            farm_id="farm-1", queue_id="queue-1", job_id="job-1", step_id="step-1", task_id="task-1"
        ),
    )


def batch_async(
    loop: asyncio.AbstractEventLoop, endpoint: str, aiohttp: bool = False
) -> AsyncCalls:
    from azure_batch_tasks import AiohttpTransport, AsyncBatchServiceClient, SharedKeyCredential

    client = AsyncBatchServiceClient(
        endpoint,
        SharedKeyCredential("acct", KEY),
        transport=AiohttpTransport() if aiohttp else None,
    )
    return AsyncCalls(loop, client, lambda: client.task_get(job_id="job-1", task_id="task-1"))


def time_calls(call: Callable[[], Any], n: int) -> float:
    start = time.perf_counter()
    if isinstance(call, AsyncCalls):
        call.many(n)
        return (time.perf_counter() - start) / n * 1e6
    for _ in range(n):
        call()
    return (time.perf_counter() - start) / n * 1e6


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="calls per client per round")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--server",
        choices=("fast", "stdlib"),
        default="fast",
        help="fast: a raw socket loop (the strictest floor); stdlib: http.server",
    )
    args = parser.parse_args()
    os.environ.pop("HTTP_PROXY", None)  # loopback: no proxy may stand in between
    os.environ.pop("http_proxy", None)
    endpoint, server = start_server(args.server)
    loop = asyncio.new_event_loop()
    clients: dict[str, Callable[[], Any]] = {
        "Deadline: raw urllib3, bare GET": raw_urllib3(endpoint + DEADLINE_PATH),
        "Deadline: raw urllib3, the client's request": replay(deadline_ours, endpoint),
        "Deadline: raw http.client, bare GET": raw_http_client(endpoint + DEADLINE_PATH),
        "Deadline: deadline_tasks get_task": deadline_ours(endpoint),
        "Deadline: deadline_tasks get_task on Urllib3Transport": deadline_ours(
            endpoint, transport=urllib3_transport()
        ),
        "Deadline: botocore get_task": deadline_botocore(endpoint),
        "Deadline: deadline_tasks async get_task (AsyncioTransport)": deadline_async(
            loop, endpoint
        ),
        "Deadline: deadline_tasks async get_task on AiohttpTransport": deadline_async(
            loop, endpoint, aiohttp=True
        ),
        "Batch: raw urllib3, bare GET": raw_urllib3(endpoint + BATCH_PATH),
        "Batch: raw urllib3, the client's request": replay(batch_ours, endpoint),
        "Batch: raw http.client, bare GET": raw_http_client(endpoint + BATCH_PATH),
        "Batch: azure_batch_tasks task_get": batch_ours(endpoint),
        "Batch: azure_batch_tasks task_get on Urllib3Transport": batch_ours(
            endpoint, transport=urllib3_transport()
        ),
        "Batch: azure-batch task.get": batch_sdk(endpoint),
        "Batch: azure_batch_tasks async task_get (AsyncioTransport)": batch_async(loop, endpoint),
        "Batch: azure_batch_tasks async task_get on AiohttpTransport": batch_async(
            loop, endpoint, aiohttp=True
        ),
    }
    for call in clients.values():
        for _ in range(20):  # connect, warm caches
            call()
    times: dict[str, list[float]] = {name: [] for name in clients}
    for _ in range(args.rounds):
        for name, call in clients.items():
            times[name].append(time_calls(call, args.n))
    for call in clients.values():
        if isinstance(call, AsyncCalls):
            call.close()
    loop.close()
    server.terminate()
    load = os.getloadavg()[0]
    print(
        f"loopback per call, {args.server} server: {args.n} calls x {args.rounds} rounds, "
        f"load average {load:.2f}"
    )
    print(
        "| client | µs per call, median (min–max) | vs raw urllib3 bare GET, median (min–max) "
        "| vs raw urllib3, the client's request | vs raw http.client bare GET |"
    )
    print("|---|---|---|---|---|")
    floors = (
        "raw urllib3, bare GET",
        "raw urllib3, the client's request",
        "raw http.client, bare GET",
    )
    for name, values in times.items():
        service = name.split(":")[0]
        cells = []
        for floor in floors:
            base = times[f"{service}: {floor}"]
            ratios = [v / f for v, f in zip(values, base, strict=True)]
            cells.append(f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}–{max(ratios):.2f})")
        print(f"| {name} | {spread(values)} | {cells[0]} | {cells[1]} | {cells[2]} |")


if __name__ == "__main__":
    main()
