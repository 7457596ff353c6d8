"""Scripted raw-socket HTTP/1.1 stub server on 127.0.0.1 for the runtime's transport tests."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Received:
    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


@dataclass
class Reply:
    """Answer with this status; ``drop`` closes the connection without answering instead,
    ``delay`` waits before answering (to provoke read timeouts), ``drip`` sends the body two
    bytes at a time, this many seconds apart (a server that never quite stops answering)."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    drop: bool = False
    delay: float = 0.0
    drip: float = 0.0


_RETIRED: list[socket.socket] = []

_REASONS = {200: "OK", 201: "Created", 204: "No Content", 404: "Not Found", 429: "Too Many"}


class StubServer:
    """A raw-socket HTTP/1.1 server on 127.0.0.1 answering requests from a script.

    Raw sockets (rather than ``http.server``) make it possible to drop a connection after the
    request was read, which is what a crashed backend looks like to a client.
    """

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self._tls = tls
        self.connections = 0  # accepted so far
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port = self._listener.getsockname()[1]
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.received: list[Received] = []
        #: answers requests once the script is used up (default: 200 with ``{}``)
        self.responder: Callable[[Received], Reply] | None = None
        self._script: list[Reply] = []
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def script(self, *replies: Reply) -> None:
        with self._lock:
            self._script = list(replies)
            self.received.clear()

    def _next(self, received: Received) -> Reply:
        with self._lock:
            if self._script:
                return self._script.pop(0)
        return self.responder(received) if self.responder else Reply(200, body=b"{}")

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            if self._closed:
                conn.close()  # a retired server: refuse politely, serve nothing
                continue
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        buffer = b""
        if self._tls is not None:
            try:
                conn = self._tls.wrap_socket(conn, server_side=True)
            except (OSError, ssl.SSLError):
                conn.close()
                return
        with conn:
            while True:
                while b"\r\n\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = [tuple(x.split(":", 1)) for x in lines[1:]]
                pairs = [(k.strip(), v.strip()) for k, v in headers]
                length = next((int(v) for k, v in pairs if k.lower() == "content-length"), 0)
                while len(buffer) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                body, buffer = buffer[:length], buffer[length:]
                if self._closed:
                    return  # the test that owned this server is over
                received = Received(method, target, pairs, body)
                with self._lock:
                    self.received.append(received)
                reply = self._next(received)
                if reply.drop:
                    return
                if reply.delay:
                    threading.Event().wait(reply.delay)
                reason = _REASONS.get(reply.status, "Status")
                out = [f"HTTP/1.1 {reply.status} {reason}"]
                out += [f"{k}: {v}" for k, v in reply.headers.items()]
                out.append(f"Content-Length: {len(reply.body)}")
                head_bytes = ("\r\n".join(out) + "\r\n\r\n").encode("latin-1")
                try:
                    if reply.drip:
                        conn.sendall(head_bytes)
                        for i in range(0, len(reply.body), 2):
                            if self._closed:
                                return
                            time.sleep(reply.drip)
                            conn.sendall(reply.body[i : i + 2])
                    else:
                        conn.sendall(head_bytes + reply.body)
                except OSError:
                    return

    def close(self) -> None:
        # The listening socket stays open (answering nothing) until the test session ends:
        # closing it would free the port for the next test's server, and a client a previous
        # test left retrying in the background could then consume that server's script.
        self._closed = True
        _RETIRED.append(self._listener)


@dataclass
class Raw:
    """Bytes to answer one request with, verbatim; ``close`` ends the connection after them,
    ``piece`` sends them this many bytes at a time, a few milliseconds apart (each piece its
    own TCP segment: the client reads the response in as many pieces)."""

    data: bytes
    close: bool = False
    piece: int = 0


class RawServer:
    """Answers each request with the next scripted bytes, as written: framings and closes the
    stub server does not produce (chunked, close-delimited, gzip, interim responses)."""

    def __init__(self, *replies: Raw) -> None:
        self.replies = list(replies)
        self.requests: list[bytes] = []
        self.connections = 0
        self._lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
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
                with self._lock:
                    self.requests.append(head + b"\r\n\r\n" + buffer[:length])
                    reply = self.replies.pop(0)
                buffer = buffer[length:]
                if reply.piece:
                    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    for start in range(0, len(reply.data), reply.piece):
                        conn.sendall(reply.data[start : start + reply.piece])
                        time.sleep(0.002)
                else:
                    conn.sendall(reply.data)
                if reply.close:
                    conn.shutdown(socket.SHUT_RDWR)
                    return

    def close(self) -> None:
        self._listener.close()
