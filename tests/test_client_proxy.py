"""Proxies: every transport of the generated clients goes through the proxy the environment
names (HTTP_PROXY/HTTPS_PROXY/NO_PROXY, as botocore and azure-core do), or through an explicit
one, which wins. A real forwarding/CONNECT proxy on 127.0.0.1 counts what passes through it;
the https target is a TLS stub with a test CA (tests/data/tls)."""

from __future__ import annotations

import asyncio
import base64
import logging
import ssl
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from runtime.proxy_stub import ProxyStub
from runtime.runtime_stub import Reply, StubServer

from support import ROOT

sys.path.insert(0, str(ROOT / "generated" / "deadline_tasks"))

import deadline_tasks as dl

CA = str(ROOT / "tests" / "data" / "tls" / "ca.pem")
IDS = {"farm_id": "f", "queue_id": "q", "job_id": "j", "step_id": "s", "task_id": "t"}
TASK = b'{"taskId": "t", "createdAt": 0, "createdBy": "me", "runStatus": "READY"}'

#: name -> (asynchronous, transport class)
TRANSPORTS: dict[str, tuple[bool, Callable[..., Any]]] = {
    "urllib3": (False, dl.Urllib3Transport),
    "httpx": (False, dl.HttpxTransport),
    "aiohttp": (True, dl.AiohttpTransport),
    "asyncio": (True, dl.AsyncioTransport),
    "httpx-async": (True, dl.HttpxAsyncTransport),
    "socket": (False, dl.SocketTransport),
}
EACH_TRANSPORT = pytest.mark.parametrize("kind", sorted(TRANSPORTS))


@pytest.fixture
def proxy() -> Iterator[ProxyStub]:
    stub = ProxyStub()
    try:
        yield stub
    finally:
        stub.close()


def _server(tls: bool) -> StubServer:
    context = None
    if tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(ROOT / "tests" / "data" / "tls" / "server.pem"))
    server = StubServer(tls=context)
    server.script(*[Reply(200, {"Content-Type": "application/json"}, TASK)] * 4)
    return server


@pytest.fixture
def target() -> Iterator[StubServer]:
    server = _server(tls=False)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def tls_target() -> Iterator[StubServer]:
    server = _server(tls=True)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "REQUEST_METHOD"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def get_task(
    endpoint: str, kind: str | None, asynchronous: bool = False, **transport_options: Any
) -> Any:
    """One get_task through a transport of `kind` (None: the client's default)."""
    transport = None
    if kind is not None:
        asynchronous, cls = TRANSPORTS[kind]
        transport = cls(verify=CA, **transport_options)
    options: dict[str, Any] = {
        "credentials": dl.AwsCredentials("AKID", "SECRET"),
        "endpoint_url": endpoint,
        "inject_host_prefix": False,
        "retry_policy": dl.RetryPolicy.no_retries(),
        "timeout": 10.0,
        "transport": transport,
    }
    if asynchronous:

        async def run() -> Any:
            async with dl.AsyncDeadlineClient("us-west-2", **options) as client:
                return await client.get_task(**IDS)

        return asyncio.run(run())
    with dl.DeadlineClient("us-west-2", **options) as client:
        return client.get_task(**IDS)


@EACH_TRANSPORT
def test_http_proxy_from_the_environment_forwards(
    kind: str, proxy: ProxyStub, target: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    assert get_task(target.url, kind).task_id == "t"
    assert [p.method for p in proxy.forwarded] == ["GET"]
    assert proxy.forwarded[0].target.startswith(target.url + "/2023-10-12/farms/f/")
    assert len(target.received) == 1


@EACH_TRANSPORT
def test_https_proxy_from_the_environment_tunnels(
    kind: str, proxy: ProxyStub, tls_target: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # not the scheme of this URL
    assert get_task(tls_target.url, kind).task_id == "t"
    assert [p.target for p in proxy.tunnels] == [f"127.0.0.1:{tls_target.port}"]
    assert proxy.forwarded == []
    # The tunnel carries the signed request end to end; the proxy never sees it.
    assert (tls_target.received[0].header("Authorization") or "").startswith("AWS4-HMAC")


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_default_transports_read_the_environment(
    asynchronous: bool, proxy: ProxyStub, target: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("http_proxy", proxy.url)
    assert get_task(target.url, None, asynchronous).task_id == "t"
    assert len(proxy.forwarded) == 1 and len(target.received) == 1


@pytest.mark.parametrize(
    "no_proxy", ["127.0.0.1", "127.0.0.0/8", "*", "localhost,127.0.0.1:{port}"]
)
@EACH_TRANSPORT
def test_no_proxy_goes_direct(
    kind: str,
    no_proxy: str,
    proxy: ProxyStub,
    target: StubServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", no_proxy.format(port=target.port))
    assert get_task(target.url, kind).task_id == "t"
    assert proxy.seen == [] and len(target.received) == 1


@EACH_TRANSPORT
def test_lowercase_variables_win(
    kind: str,
    proxy: ProxyStub,
    target: StubServer,
    refused_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", refused_url)
    monkeypatch.setenv("http_proxy", proxy.url)
    get_task(target.url, kind)
    assert len(proxy.forwarded) == 1


@EACH_TRANSPORT
def test_an_explicit_proxy_wins_over_the_environment(
    kind: str,
    proxy: ProxyStub,
    target: StubServer,
    refused_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", refused_url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert get_task(target.url, kind, proxy=proxy.url).task_id == "t"
    assert len(proxy.forwarded) == 1


@EACH_TRANSPORT
def test_trust_env_false_ignores_the_environment(
    kind: str, target: StubServer, refused_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", refused_url)
    assert get_task(target.url, kind, trust_env=False).task_id == "t"
    assert len(target.received) == 1


@pytest.mark.parametrize("secure", [False, True], ids=["forwarded", "tunnel"])
@EACH_TRANSPORT
def test_proxy_credentials_go_to_the_proxy_only(
    kind: str,
    secure: bool,
    proxy: ProxyStub,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = f"http://svc%40corp:pa%3Ass@127.0.0.1:{proxy.port}"
    monkeypatch.setenv("HTTPS_PROXY" if secure else "HTTP_PROXY", url)
    server = _server(tls=secure)
    try:
        with caplog.at_level(logging.DEBUG):
            get_task(server.url, kind)
    finally:
        server.close()
    expected = "Basic " + base64.b64encode(b"svc@corp:pa:ss").decode()
    assert proxy.seen[0].header("Proxy-Authorization") == expected
    assert server.received[0].header("Proxy-Authorization") is None
    assert "pa:ss" not in caplog.text and expected not in caplog.text


@pytest.mark.parametrize("kind", ["urllib3", "socket"])
def test_a_refused_proxy_is_a_transport_error_before_sending(
    kind: str, target: StubServer, refused_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", refused_url)
    with pytest.raises(dl.TransportError) as caught:
        get_task(target.url, kind)
    assert caught.value.request_sent is False  # safe to retry, even a non-idempotent call
    assert target.received == []


@EACH_TRANSPORT
def test_an_unusable_proxy_variable_fails_the_requests_it_applies_to(
    kind: str, target: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Creating the client still works (the variable may not apply to it); a request it applies
    # to fails before anything is sent rather than going around the proxy.
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    with pytest.raises(dl.TransportError, match="socks5") as caught:
        get_task(target.url, kind)
    assert caught.value.request_sent is False and caught.value.retryable is False
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert get_task(target.url, kind).task_id == "t"
    assert len(target.received) == 1
