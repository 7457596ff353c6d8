"""Run the tests from a checkout without installing: the package folder is tests/../"""

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def pytest_pycollect_makeitem(collector: Any, name: str, obj: object) -> Any:
    """Classes imported into a test module (a model named TestResult) are not tests."""
    module = getattr(collector, "module", None)
    if isinstance(obj, type) and module is not None and obj.__module__ != module.__name__:
        return []
    return None
