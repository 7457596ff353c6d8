"""The command line: exit codes, text and JSON events, extract, config-driven defaults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from support import REFERENCE, ROOT, needs_reference

BAD = """smithy: "2.0"
shapes:
  example.x#Svc:
    type: service
    operations: [{target: example.x#Op}]
    traits: {aws.protocols#restJson1: {}}
  example.x#Op:
    type: operation
    input: {target: example.x#Nope}
    traits:
      smithy.api#http: {method: GET, uri: "/x", code: 200}
"""


def test_validate_clean_config_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main(["validate"]) == 0
    finally:
        os.chdir(cwd)
    err = capsys.readouterr().err
    assert "specs/deadline.smithy.yaml: Deadline 2023-10-12, 2 operations" in err
    assert "azure-batch-tasks.openapi.yaml: BatchServiceClient 2024-07-01.20.0, 9 operations" in err


def test_validate_errors_exit_1_with_located_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(BAD)
    assert main(["validate", str(spec)]) == 1
    out = capsys.readouterr().out
    # Line 9 is `input: {target: example.x#Nope}`; column 21 is the target's value.
    assert f"{spec}:9:21: ERROR [DanglingTarget]" in out
    assert "hint:" in out


def test_validate_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(BAD)
    assert main(["validate", "--format", "json", str(spec)]) == 1
    events = json.loads(capsys.readouterr().out)
    [event] = [e for e in events if e["id"] == "DanglingTarget"]
    assert set(event) == {"id", "severity", "file", "line", "column", "message", "hint"}
    assert event["severity"] == "ERROR" and event["line"] > 0 and event["column"] > 0


def test_usage_error_exits_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--format", "xml"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr


def test_syntax_error_gives_no_traceback(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text('smithy: "2.0"\nshapes: {a: [1, 2}\n')
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(spec)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"{spec}:2:" in proc.stdout and "[Syntax]" in proc.stdout


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 1
    assert "[LoadFile]" in capsys.readouterr().out


@needs_reference
@pytest.mark.parametrize(
    ("source", "operations", "spec"),
    [
        ("smithy/deadline-2023-10-12.json", "GetTask,UpdateTask", "deadline.smithy.yaml"),
        ("smithy/data-pipeline-2012-10-29.json", "SetTaskStatus", "datapipeline.smithy.yaml"),
        (
            "azure-batch-BatchService-2024-07-01.20.0.json",
            "Task_Add,Task_AddCollection,Task_Delete,Task_Get,Task_List,Task_ListSubtasks,"
            "Task_Reactivate,Task_Terminate,Task_Update",
            "azure-batch-tasks.openapi.yaml",
        ),
    ],
)
def test_extract_command_reproduces_committed_spec_bytes(
    source: str, operations: str, spec: str, tmp_path: Path
) -> None:
    # Same relative paths as the specs' header comments: a scratch repo beside a link to shared/.
    (tmp_path / "shared").symlink_to(REFERENCE.parent, target_is_directory=True)
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "extract",
            f"../shared/reference/{source}",
            "--operations",
            operations,
            "-o",
            f"specs/{spec}",
        ],
        capture_output=True,
        text=True,
        cwd=repo,
    )
    assert proc.returncode == 0, proc.stderr
    assert (repo / "specs" / spec).read_bytes() == (ROOT / "specs" / spec).read_bytes()


def test_extract_unknown_operation_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "m.yaml"
    src.write_text(BAD)
    assert main(["extract", str(src), "--operations", "Opp"]) == 1
    assert "did you mean" in capsys.readouterr().err.lower()


def test_pre_commit_hooks_name_real_commands() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"apismith-validate", "apismith-generate-check"}
    for hook in hooks:
        program, *args = hook["entry"].split()
        assert program == "apismith" and hook["pass_filenames"] is False
        proc = subprocess.run(
            [sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
