"""Make the hand-written runtime importable and provide a scripted local HTTP stub.

The runtime lives in ``templates/python/_runtime`` and is copied verbatim into every generated
package; putting ``templates/python`` on ``sys.path`` lets the tests import it as the top-level
package ``_runtime`` (its modules only use relative imports, so that is all it needs).
"""

from __future__ import annotations

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

from runtime_stub import StubServer  # noqa: E402


@pytest.fixture
def stub_server() -> Iterator[StubServer]:
    server = StubServer()
    try:
        yield server
    finally:
        server.close()
