"""Which default transport? Requests per second against a keep-alive server on 127.0.0.1.

    .venv/bin/python benchmarks/transport.py [N] [--rounds R] [--server fast|stdlib]
        [--concurrency C]

The server runs in its own process (benchmarks/loopback.py; in this process it would take the
GIL from the client it serves, and more from some clients than others). Each transport sends N
requests per round, the transports alternating within every round, R rounds; prints each
transport's rate (median of the rounds, min-max), its ratio to the fastest median, and the
CPU time this process spent per request (median of the rounds; the server's is not counted),
which moves less than the rate with the load of other work on the machine. The async
transports run twice: one request after another, and with C requests in flight at once (C
tasks on one event loop, each sending its share; default 100), which is where an async client
earns its keep. "urllib3 in threads" is the former sync default run in asyncio's default thread pool
(`run_in_executor`), the alternative issue 10 weighed against an asyncio transport.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "templates" / "python"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _runtime._aiohttp import AiohttpTransport
from _runtime._asyncio_http import AsyncioTransport
from _runtime._http import AsyncTransport, HttpRequest, HttpResponse
from _runtime._socket_http import SocketTransport
from _runtime._transport import HttpxAsyncTransport, HttpxTransport, Urllib3Transport
from loopback import DEADLINE_PATH, start_server


class ThreadedUrllib3:
    """The sync urllib3 transport in asyncio's default thread pool (min(32, cores + 4) threads):
    what an async client on the sync transport would be."""

    def __init__(self) -> None:
        self._sync = Urllib3Transport(maxsize=100)

    async def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        call = functools.partial(self._sync.send, request, timeout=timeout)
        return await asyncio.get_running_loop().run_in_executor(None, call)

    async def close(self) -> None:
        self._sync.close()


class H11Sockets:
    """h11 driving one blocking keep-alive socket: the sans-IO parser the async default used
    before it moved to _h1, as a sync transport would use it (GET to one origin only; the
    comparison for _h1)."""

    def __init__(self, url: str) -> None:
        import socket
        from urllib.parse import urlsplit

        import h11

        parts = urlsplit(url)
        self._sock = socket.create_connection((parts.hostname or "", parts.port or 80))
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._host = parts.netloc.encode()
        self._conn = h11.Connection(h11.CLIENT)

    def send(self, request: HttpRequest, *, timeout: float | None) -> HttpResponse:
        import h11

        conn = self._conn
        target = request.url.split("/", 3)[3]
        headers = [(b"Host", self._host)] + [
            (k.encode(), v.encode()) for k, v in request.headers.multi_items()
        ]
        head = h11.Request(method=request.method, target="/" + target, headers=headers)
        self._sock.sendall(conn.send(head) + conn.send(h11.EndOfMessage()))
        status, fields, chunks = 0, [], []
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                conn.receive_data(self._sock.recv(65536))
            elif isinstance(event, h11.Response):
                status = event.status_code
                fields = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in event.headers]
            elif isinstance(event, h11.Data):
                chunks.append(event.data)
            elif isinstance(event, h11.EndOfMessage):
                conn.start_next_cycle()
                return HttpResponse(status, fields, b"".join(chunks))

    def close(self) -> None:
        self._sock.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="requests per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--server", choices=("fast", "stdlib"), default="fast")
    parser.add_argument("--concurrency", type=int, default=100, help="async requests in flight")
    args = parser.parse_args()
    n = args.n
    os.environ.pop("HTTP_PROXY", None)
    os.environ.pop("http_proxy", None)
    endpoint, server = start_server(args.server)
    request = HttpRequest("GET", endpoint + DEADLINE_PATH, {"Accept": "application/json"})
    loop = asyncio.new_event_loop()
    sync: dict[str, SocketTransport | Urllib3Transport | HttpxTransport | H11Sockets] = {
        "sockets + _h1 (sync default)": SocketTransport(),
        "sockets + h11 (sync, GET only)": H11Sockets(endpoint),
        "urllib3 (sync)": Urllib3Transport(),
        "httpx (sync)": HttpxTransport(),
    }
    asynchronous: dict[str, AsyncTransport] = {
        "asyncio + _h1 (async)": AsyncioTransport(),
        "aiohttp (async)": AiohttpTransport(),
        "httpx (async)": HttpxAsyncTransport(),
        "urllib3 in threads (async)": ThreadedUrllib3(),
    }
    width = args.concurrency

    def timed_sync(
        transport: SocketTransport | Urllib3Transport | HttpxTransport | H11Sockets,
    ) -> Callable[[], Sample]:
        def run() -> Sample:
            start, cpu = time.perf_counter(), time.process_time()
            for _ in range(n):
                transport.send(request, timeout=5)
            return sample(n, start, cpu)

        return run

    def timed_async(transport: AsyncTransport, tasks: int) -> Callable[[], Sample]:
        # Generous with many in flight: the first round opens every connection at once.
        timeout = 5 if tasks == 1 else 60

        async def worker(count: int) -> None:
            for _ in range(count):
                await transport.send(request, timeout=timeout)

        async def requests() -> Sample:
            shares = [n // tasks + (1 if i < n % tasks else 0) for i in range(tasks)]
            start, cpu = time.perf_counter(), time.process_time()
            await asyncio.gather(*(worker(share) for share in shares))
            return sample(n, start, cpu)

        return lambda: loop.run_until_complete(requests())

    runs = {name: timed_sync(t) for name, t in sync.items()}
    runs.update({name: timed_async(t, 1) for name, t in asynchronous.items()})
    concurrent = {
        f"{name[: -len(' (async)')]} ({width} in flight)": timed_async(t, width)
        for name, t in asynchronous.items()
    }
    runs.update(concurrent)
    for transport in sync.values():
        transport.send(request, timeout=5)  # connect
    for atransport in asynchronous.values():
        loop.run_until_complete(atransport.send(request, timeout=5))
    for name in concurrent:
        concurrent[name]()  # open the connections the concurrent rounds keep using
    rates: dict[str, list[Sample]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, run in runs.items():
            rates[name].append(run())
    for transport in sync.values():
        transport.close()
    for atransport in asynchronous.values():
        loop.run_until_complete(atransport.close())
    loop.close()
    server.terminate()
    load = os.getloadavg()[0]
    print(f"transports, {args.server} server: {n} requests x {args.rounds} rounds; load {load:.1f}")
    sequential = {name: values for name, values in rates.items() if name not in concurrent}
    table("one request at a time", sequential)
    table(f"{width} requests in flight (async)", {name: rates[name] for name in concurrent})


#: (requests per second, CPU microseconds of this process per request) of one round
Sample = tuple[float, float]


def sample(n: int, start: float, cpu: float) -> Sample:
    return n / (time.perf_counter() - start), (time.process_time() - cpu) / n * 1e6


def table(title: str, samples: dict[str, list[Sample]]) -> None:
    rates = {name: [rate for rate, _ in values] for name, values in samples.items()}
    best = max(statistics.median(values) for values in rates.values())
    print(f"\n{title}\n")
    print("| transport | requests/s, median (min–max) | vs fastest | CPU µs per request |")
    print("|---|---|---|---|")
    for name, values in sorted(rates.items(), key=lambda item: -statistics.median(item[1])):
        median = statistics.median(values)
        spread = f"{min(values):.0f}–{max(values):.0f}"
        cpu = statistics.median(us for _, us in samples[name])
        print(f"| {name} | {median:.0f} ({spread}) | {median / best:.2f}x | {cpu:.0f} |")


if __name__ == "__main__":
    main()
