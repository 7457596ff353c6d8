"""The benchmarks keep running (tiny N; timings are printed by them, never asserted here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support import ROOT


@pytest.mark.parametrize(("script", "n"), [("transport.py", "20"), ("client_overhead.py", "20")])
def test_benchmark_runs_and_reports_ratios(script: str, n: str) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), n],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr
    assert "x" in proc.stdout and len(proc.stdout.splitlines()) >= 2


def test_openapi_corpus_comparison_runs() -> None:
    """The README's apismith / openapi-python-client table comes from this script; one document
    here keeps it working (the whole corpus takes minutes)."""
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "openapi_corpus.py"),
            "--only",
            "oai-v30-petstore.yaml",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| `")]
    assert len(rows) == 1
    assert rows[0].startswith("| `oai-v30-petstore.yaml` | yes / yes / yes | ")
    assert "openapi-python-client" in proc.stdout
