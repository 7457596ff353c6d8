"""Beyond the three task specs: the full official models render into working packages.

Deadline (113 operations), Data Pipeline (19) and Azure Batch (76) go through the same pipeline;
each package must be ruff-clean and pass its own generated tests; the AWS ones mypy --strict
too (Azure Batch's is left to the committed package, tests/test_generate.py, to keep CI fast).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import ServiceConfig
from generator.pipeline import load_spec
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.package import render_package, scaffold_files
from support import REFERENCE, needs_reference

MODELS = [
    ("smithy/deadline-2023-10-12.json", "deadline_full", 113),
    ("smithy/data-pipeline-2012-10-29.json", "datapipeline_full", 19),
    ("azure-batch-BatchService-2024-07-01.20.0.json", "batch_full", 76),
]


@needs_reference
@pytest.mark.parametrize(("model", "package", "operations"), MODELS)
def test_full_official_model_renders_and_its_tests_pass(
    tmp_path: Path, model: str, package: str, operations: int
) -> None:
    result = load_spec(REFERENCE / model)
    assert result.ok and result.service is not None
    assert len(result.service.operations) == operations
    out = tmp_path / package
    config = ServiceConfig(spec=REFERENCE / model, package=package, output=out)
    env = build_environment(None)
    files = render_package(result.service, config, env, Formatter(None))
    files.update(scaffold_files(result.service, config, env))
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "-q", "."], capture_output=True, text=True, cwd=out
    )
    assert ruff.returncode == 0, ruff.stdout[-3000:]
    if result.service.source_format == "smithy":
        # The AWS packages are mypy --strict clean at full size too (argument checks, unions,
        # payloads of every kind); ~10 s for Deadline's 113 operations.
        mypy = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", package],
            capture_output=True,
            text=True,
            cwd=out,
        )
        assert mypy.returncode == 0, mypy.stdout[-3000:]
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        capture_output=True,
        text=True,
        cwd=out,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout.splitlines()[-1]
