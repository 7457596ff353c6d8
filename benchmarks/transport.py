"""Which default transport? Requests per second against a keep-alive server on 127.0.0.1.

Prints each transport's rate and its ratio to the fastest, measured in the same run:
    .venv/bin/python benchmarks/transport.py [N]
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "templates" / "python"))

from _runtime._aiohttp import AiohttpTransport
from _runtime._http import HttpRequest
from _runtime._transport import HttpxAsyncTransport, HttpxTransport, Urllib3Transport

BODY = b'{"taskId": "task-1", "runStatus": "RUNNING", "createdBy": "bench"}'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # One write per response: otherwise Nagle + delayed ACK add ~40 ms to every request.
    disable_nagle_algorithm = True
    wbufsize = -1

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)
        self.wfile.flush()

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/x"
    request = HttpRequest("GET", url, {"Accept": "application/json"})
    rates: dict[str, float] = {}
    for name, transport in (("urllib3", Urllib3Transport()), ("httpx (sync)", HttpxTransport())):
        transport.send(request, timeout=5)  # warm the connection
        start = time.perf_counter()
        for _ in range(n):
            transport.send(request, timeout=5)
        rates[name] = n / (time.perf_counter() - start)
        transport.close()

    async def run_async() -> float:
        transport = HttpxAsyncTransport()
        await transport.send(request, timeout=5)
        start = time.perf_counter()
        for _ in range(n):
            await transport.send(request, timeout=5)
        elapsed = time.perf_counter() - start
        await transport.close()
        return n / elapsed

    rates["httpx (async)"] = asyncio.run(run_async())

    async def run_aiohttp() -> float:
        transport = AiohttpTransport()
        await transport.send(request, timeout=5)
        start = time.perf_counter()
        for _ in range(n):
            await transport.send(request, timeout=5)
        elapsed = time.perf_counter() - start
        await transport.close()
        return n / elapsed

    rates["aiohttp (async)"] = asyncio.run(run_aiohttp())
    server.shutdown()
    best = max(rates.values())
    for name, rate in rates.items():
        print(f"{name:14s} {rate:8.0f} req/s   {rate / best:5.2f}x of fastest")


if __name__ == "__main__":
    main()
