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
