"""Every test runs without proxy settings from the machine: the generated clients' default
transports honour HTTP(S)_PROXY/NO_PROXY, and every stub they talk to is on 127.0.0.1 (the proxy
tests set the variables they need themselves)."""

from __future__ import annotations

import os
import socket

import pytest

for _name in list(os.environ):
    if _name.lower() in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        del os.environ[_name]


@pytest.fixture
def refused_url() -> str:
    """A 127.0.0.1 URL nothing listens on (connecting is refused)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/"
