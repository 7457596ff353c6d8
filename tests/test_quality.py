"""The generator's own code is mypy --strict, ruff and black clean (the same bar as its output)."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=ROOT)


def test_mypy_strict() -> None:
    proc = _run("mypy", "--strict", "generator")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff() -> None:
    proc = _run("ruff", "check", "generator", "tests", "benchmarks")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_black() -> None:
    proc = _run("black", "--check", "-q", "-l", "100", "generator", "tests", "benchmarks")
    assert proc.returncode == 0, proc.stdout + proc.stderr
