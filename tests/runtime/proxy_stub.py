"""A forwarding and CONNECT proxy on 127.0.0.1 that counts what goes through it.

Plain-http requests arrive in absolute form (``GET http://host:port/path``) and are forwarded
to the target with an origin-form request line; ``CONNECT host:port`` opens a tunnel (how
clients reach https targets through a proxy). Only targets on 127.0.0.1 are served, so a test
can never reach the network through it.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Proxied:
    method: str
    target: str  # the absolute URL, or host:port for CONNECT
    headers: list[tuple[str, str]]

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


def _read_head(conn: socket.socket, buffer: bytes) -> tuple[bytes, bytes] | None:
    while b"\r\n\r\n" not in buffer:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    return head, rest


def _read_exact(conn: socket.socket, buffer: bytes, length: int) -> tuple[bytes, bytes] | None:
    while len(buffer) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    return buffer[:length], buffer[length:]


def _length(lines: list[str]) -> int:
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            return int(value.strip())
    return 0


class ProxyStub:
    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(32)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.seen: list[Proxied] = []
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def forwarded(self) -> list[Proxied]:
        return [p for p in self.seen if p.method != "CONNECT"]

    @property
    def tunnels(self) -> list[Proxied]:
        return [p for p in self.seen if p.method == "CONNECT"]

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _record(self, head: bytes) -> tuple[Proxied, list[str]]:
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers = [(k.strip(), v.strip()) for k, _, v in (x.partition(":") for x in lines[1:])]
        seen = Proxied(method, target, headers)
        with self._lock:
            self.seen.append(seen)
        return seen, lines

    def _serve(self, client: socket.socket) -> None:
        buffer = b""
        upstream: socket.socket | None = None
        with client:
            try:
                while not self._closed:
                    got = _read_head(client, buffer)
                    if got is None:
                        return
                    head, buffer = got
                    seen, lines = self._record(head)
                    if seen.method == "CONNECT":
                        host, _, port = seen.target.rpartition(":")
                        if host != "127.0.0.1":
                            client.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                            return
                        upstream = socket.create_connection((host, int(port)))
                        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                        if buffer:
                            upstream.sendall(buffer)
                        self._tunnel(client, upstream)
                        return
                    parts = urlsplit(seen.target)
                    if parts.hostname != "127.0.0.1" or parts.port is None:
                        client.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                        return
                    got_body = _read_exact(client, buffer, _length(lines))
                    if got_body is None:
                        return
                    body, buffer = got_body
                    path = parts.path + (f"?{parts.query}" if parts.query else "")
                    kept = [
                        line
                        for line in lines[1:]
                        if not line.lower().startswith(
                            ("proxy-authorization:", "proxy-connection:")
                        )
                    ]
                    request = "\r\n".join([f"{seen.method} {path} HTTP/1.1", *kept])
                    if upstream is None:
                        upstream = socket.create_connection(("127.0.0.1", parts.port))
                    upstream.sendall(request.encode("latin-1") + b"\r\n\r\n" + body)
                    answer = _read_head(upstream, b"")
                    if answer is None:
                        return
                    answer_head, rest = answer
                    answer_lines = answer_head.decode("latin-1").split("\r\n")
                    got_answer = _read_exact(upstream, rest, _length(answer_lines))
                    if got_answer is None:
                        return
                    client.sendall(answer_head + b"\r\n\r\n" + got_answer[0])
            except OSError:
                return
            finally:
                if upstream is not None:
                    upstream.close()

    def _tunnel(self, client: socket.socket, upstream: socket.socket) -> None:
        def pump(source: socket.socket, sink: socket.socket) -> None:
            try:
                while chunk := source.recv(65536):
                    sink.sendall(chunk)
            except OSError:
                pass
            finally:
                for sock in (source, sink):
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        other = threading.Thread(target=pump, args=(upstream, client), daemon=True)
        other.start()
        pump(client, upstream)
        other.join(timeout=5)

    def close(self) -> None:
        self._closed = True
        self._listener.close()
