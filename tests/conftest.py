"""Settings every test shares.

- The tests' package cache stays out of the user's cache directory: `apismith generate` caches
  whole packages in the user cache directory; the tests (and the `apismith` processes they
  start, which inherit the environment) use a fresh folder of their own, so a run starts cold
  like a fresh CI checkout and leaves nothing behind in ~/.cache.
- No proxy settings from the machine: the generated clients' default transports honour
  HTTP(S)_PROXY/NO_PROXY, and every stub they talk to is on 127.0.0.1 (the proxy tests set the
  variables they need themselves).
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile

import pytest

if "APISMITH_CACHE_DIR" not in os.environ:
    _folder = tempfile.mkdtemp(prefix="apismith-test-cache-")
    os.environ["APISMITH_CACHE_DIR"] = _folder
    atexit.register(shutil.rmtree, _folder, True)

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
