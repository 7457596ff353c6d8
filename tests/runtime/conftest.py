"""Make the hand-written runtime importable and provide a scripted local HTTP stub.

The runtime lives in ``templates/python/_runtime`` and is copied verbatim into every generated
package; putting ``templates/python`` on ``sys.path`` lets the tests import it as the top-level
package ``_runtime`` (its modules only use relative imports, so that is all it needs).
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
RUNTIME_PARENT = HERE.parents[1] / "templates" / "python"
# Also this folder, so the helper module imports under any pytest import mode.
for folder in (RUNTIME_PARENT, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from aws_fakes import FakeAws  # noqa: E402
from runtime_stub import StubServer  # noqa: E402


@pytest.fixture
def stub_server() -> Iterator[StubServer]:
    server = StubServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def refused_url() -> str:
    """A 127.0.0.1 URL nothing listens on (connecting is refused)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/"


@pytest.fixture
def aws_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty HOME (with ``.aws/``) and an environment without AWS or proxy variables.

    Instance metadata is disabled so that no test can reach 169.254.169.254; the tests of that
    provider point ``AWS_EC2_METADATA_SERVICE_ENDPOINT`` at a fake instead.
    """
    for name in list(os.environ):
        if name.startswith("AWS_") or name.lower() in ("http_proxy", "https_proxy", "no_proxy"):
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    return home


@pytest.fixture
def fake_aws() -> Iterator[FakeAws]:
    """The fake STS / SSO / OIDC / container / IMDS endpoints on 127.0.0.1."""
    fake = FakeAws()
    try:
        yield fake
    finally:
        fake.close()
