"""Official AWS models from aws/api-models-aws, used as a new user would use them.

SQS (awsJson1_0), Kinesis (awsJson1_1) and EventBridge Scheduler (restJson1) from
../shared/corpus/aws/ validate without an ERROR, generate, and the packages pass ruff, mypy
--strict and their own generated tests. (The full Deadline and Data Pipeline models get ruff and
their generated tests in tests/test_official_models_render.py; the moto tests call these.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aws_services.packages import CORPUS_AWS, MODELS, Model, render
from generator.diagnostics import Severity
from generator.pipeline import load_spec

CORPUS_MODELS = [m for m in MODELS if m.path.parent == CORPUS_AWS]

needs_corpus = pytest.mark.skipif(
    not CORPUS_AWS.is_dir(), reason=f"official models not found at {CORPUS_AWS}"
)


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=folder)


@needs_corpus
def test_the_corpus_holds_the_three_models() -> None:
    assert sorted(p.name for p in CORPUS_AWS.glob("*.json")) == sorted(
        m.path.name for m in CORPUS_MODELS
    )


@needs_corpus
@pytest.mark.parametrize("model", CORPUS_MODELS, ids=[m.package for m in CORPUS_MODELS])
def test_official_model_generates_a_clean_working_package(tmp_path: Path, model: Model) -> None:
    result = load_spec(model.path)
    errors = [e.format() for e in result.diagnostics.events if e.severity >= Severity.ERROR]
    assert errors == []
    assert result.service is not None and len(result.service.operations) == model.operations
    out = render(model, tmp_path, formatted=True)
    ruff = _run(out, "ruff", "check", "-q", ".")
    assert ruff.returncode == 0, ruff.stdout[-3000:]
    mypy = _run(out, "mypy", "--strict", "--no-incremental", model.package)
    assert mypy.returncode == 0, mypy.stdout[-3000:]
    tests = _run(out, "pytest", "-q", "-p", "no:cacheprovider", "tests")
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout.splitlines()[-1]
