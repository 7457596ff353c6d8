"""The benchmarks keep running (tiny N; timings are printed by them, never asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import REFERENCE, ROOT


@pytest.mark.parametrize(
    "args",
    [
        ["transport.py", "20"],
        ["client_overhead.py", "20"],
        ["loopback.py", "10", "--rounds", "1"],
        ["cold_start.py", "--reps", "1", "--no-full"],
    ],
    ids=lambda args: args[0],
)
def test_benchmark_runs_and_reports_ratios(args: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / args[0]), *args[1:]],
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


def test_generate_speed_benchmark_runs_in_tiny_mode() -> None:
    # Speed targets are not asserted here (timed unit tests on a shared machine only flake):
    # this proves the script works; its numbers go into the README from a quiet machine.
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate_speed.py"),
            "--reps",
            "1",
            "--only",
            "noop,synthetic",
            "--sizes",
            "10",
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| ")]
    assert any("`generate --check`" in row for row in rows), proc.stdout
    assert any("10 ops" in row and "CPU/op" in row for row in rows), proc.stdout


def test_generate_speed_builds_the_peers_input(tmp_path: Path) -> None:
    """The cold Batch comparison feeds openapi-python-client the OpenAPI 3 document apismith's
    converter makes (the tiny mode above runs no peer, so this is its only check)."""
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, 'benchmarks'); "
        "from generate_speed import BATCH, peer_input; "
        "print(peer_input(Path(sys.argv[1])) if BATCH.is_file() else 'no reference')"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.strip()
    if out != "no reference":
        assert json.loads(Path(out).read_text())["openapi"].startswith("3.0")


def test_deadline_peer_input_is_the_same_api_in_openapi() -> None:
    """The peer's Deadline document (benchmarks/smithy_openapi.py) is legal OpenAPI and carries
    every operation of the model with its method, path and bound parameters, so the cold
    Deadline comparison is on the same API."""
    from openapi_spec_validator import validate

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from smithy_openapi import convert
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    model_path = REFERENCE / "smithy" / "deadline-2023-10-12.json"
    model = json.loads(model_path.read_text(encoding="utf-8"))
    doc = convert(model_path)
    validate(doc)
    ops = {
        op["operationId"]: (method.upper(), path, op)
        for path, item in doc["paths"].items()
        for method, op in item.items()
    }
    operations = {sid: s for sid, s in model["shapes"].items() if s["type"] == "operation"}
    assert len(ops) == len(operations) == 113
    for sid, shape in operations.items():
        method, path, op = ops[sid.split("#")[1]]
        http = shape["traits"]["smithy.api#http"]
        assert (method, path) == (http["method"], http["uri"].split("?")[0].replace("+}", "}"))
        inputs = model["shapes"][shape["input"]["target"]]["members"]
        labels = {n for n, m in inputs.items() if "smithy.api#httpLabel" in m.get("traits", {})}
        assert {p["name"] for p in op.get("parameters", []) if p["in"] == "path"} == labels
