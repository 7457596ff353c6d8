"""`apismith init`: config and a starter spec that validates and generates; nothing clobbered."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main


@pytest.mark.parametrize("spec_format", ["smithy", "openapi"])
def test_init_then_validate_and_generate_in_an_empty_folder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    spec_format: str,
) -> None:
    project = tmp_path / "my-shop"
    project.mkdir()
    monkeypatch.chdir(project)
    assert main(["init", "--format", spec_format]) == 0
    spec = f"specs/my_shop.{spec_format}.yaml"
    assert (project / spec).is_file()
    assert f'spec = "{spec}"' in (project / "pyproject.toml").read_text()
    assert "next: apismith validate && apismith generate" in capsys.readouterr().err
    assert main(["validate", "--format", "json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert [e for e in events if e["severity"] != "NOTE"] == []
    assert main(["generate", "-q"]) == 0
    package = project / "generated" / "my_shop"
    # The starter's own generated tests pass, and the code is mypy --strict clean.
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=package,
        capture_output=True,
        text=True,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "my_shop"],
        cwd=package,
        capture_output=True,
        text=True,
    )
    assert mypy.returncode == 0, mypy.stdout
    assert main(["generate", "--check", "-q"]) == 0


def test_init_appends_to_an_existing_pyproject_keeping_every_byte_and_the_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    original = '[project]\nname = "Acme Widgets"\n\n[tool.black]\nline-length = 100'  # no EOL
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(original)
    pyproject.chmod(0o640)
    assert main(["init", "-q"]) == 0
    text = pyproject.read_text()
    assert text.startswith(original + "\n\n# apismith:")
    assert 'package = "acme_widgets"' in text
    assert stat.S_IMODE(pyproject.stat().st_mode) == 0o640


def test_init_refuses_to_overwrite_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    spec = tmp_path / "specs" / "shop.smithy.yaml"
    spec.parent.mkdir()
    spec.write_text("mine\n")
    assert main(["init", "--package", "shop"]) == 2
    assert "specs/shop.smithy.yaml: ERROR [InitExists]" in capsys.readouterr().err
    assert spec.read_text() == "mine\n" and not (tmp_path / "pyproject.toml").exists()
    # A second init after a first one: [tool.apismith] exists, located, nothing changes.
    assert main(["init", "--package", "other", "-q"]) == 0
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert main(["init", "--package", "third"]) == 2
    assert "pyproject.toml:2:2: ERROR [InitExists]" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_init_refuses_what_would_break_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    original = "tool = {black = {line-length = 100}}\n"  # an inline table cannot be extended
    (tmp_path / "pyproject.toml").write_text(original)
    assert main(["init"]) == 2
    assert "[ConfigSyntax]" in capsys.readouterr().err
    assert (tmp_path / "pyproject.toml").read_text() == original
    assert not (tmp_path / "specs").exists()


def test_init_rejects_a_bad_package_and_two_spec_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--package", "my-shop"]) == 2
    assert "use --package my_shop" in capsys.readouterr().err
    assert main(["init", "--format", "smithy", "--format", "openapi"]) == 2
    assert os.listdir(tmp_path) == []
