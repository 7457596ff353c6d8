"""`apismith generate`: fresh, deterministic, lint-clean output; bad specs are not rendered."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import ServiceConfig, load_config
from generator.diagnostics import Diagnostics
from generator.pipeline import load_spec
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.package import render_package, scaffold_files
from support import ROOT

PACKAGES = ["deadline_tasks", "datapipeline_tasks", "azure_batch_tasks"]


def _render_all() -> dict[str, dict[str, str]]:
    config = load_config(Diagnostics(), ROOT)
    assert config is not None
    env = build_environment(None)
    out = {}
    for svc in config.services:
        result = load_spec(svc.spec)
        assert result.service is not None
        out[svc.package] = render_package(result.service, svc, env, Formatter(None))
    return out


def test_generate_check_passes_on_committed_tree() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_output_is_deterministic_and_matches_generated() -> None:
    first, second = _render_all(), _render_all()
    assert first == second
    for package, files in first.items():
        folder = ROOT / "generated" / package
        for rel, text in files.items():
            assert (folder / rel).read_text(encoding="utf-8") == text, rel


def test_check_names_stale_files(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    (project / "specs").mkdir(parents=True)
    spec = (ROOT / "specs" / "datapipeline.smithy.yaml").read_text()
    (project / "specs" / "dp.yaml").write_text(spec)
    (project / "pyproject.toml").write_text(
        '[tool.apismith]\n[[tool.apismith.services]]\nspec = "specs/dp.yaml"\n'
        'package = "dp"\noutput = "out/dp"\n'
    )
    run = [sys.executable, "-m", "generator", "generate"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.run(run, capture_output=True, text=True, cwd=project, env=env)
    assert first.returncode == 0, first.stderr
    assert subprocess.run([*run, "--check"], cwd=project, env=env).returncode == 0
    models = project / "out" / "dp" / "dp" / "models.py"
    models.write_text(models.read_text() + "\n# edited\n")
    check = subprocess.run([*run, "--check"], capture_output=True, text=True, cwd=project, env=env)
    assert check.returncode == 1
    assert "out/dp/dp/models.py" in check.stderr


@pytest.mark.parametrize("package", PACKAGES)
def test_generated_package_is_mypy_strict_and_ruff_clean(package: str) -> None:
    folder = ROOT / "generated" / package
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", package],
        capture_output=True,
        text=True,
        cwd=folder,
    )
    assert mypy.returncode == 0, mypy.stdout
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], capture_output=True, text=True, cwd=folder
    )
    assert ruff.returncode == 0, ruff.stdout
    black = subprocess.run(
        [sys.executable, "-m", "black", "--check", "-q", "-l", "100", "."],
        capture_output=True,
        text=True,
        cwd=folder,
    )
    assert black.returncode == 0, black.stderr


def test_spec_text_cannot_inject_code(tmp_path: Path) -> None:
    spec = ROOT / "tests" / "data" / "evil.smithy.yaml"
    result = load_spec(spec)
    assert result.ok, [e.format() for e in result.diagnostics.events]
    assert result.service is not None
    config = ServiceConfig(spec=spec, package="evil_client", output=tmp_path / "out")
    files = render_package(result.service, config, build_environment(None), Formatter(None))
    files.update(scaffold_files(result.service, config, build_environment(None)))
    out = tmp_path / "out"
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import evil_client as e, evil_client.models as m; "
            "q = m.Quote('it\\'s \"quoted\" \\\\'); print(q.value); "
            "o = m.FromDict(self_='s', to_dict_='t'); print(o.to_dict()); "
            "print(m.FromDict.from_dict(o.to_dict()) == o); "
            "print(e.EvilClient.class_.__doc__)",
        ],
        capture_output=True,
        text=True,
        cwd=out,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == 'it\'s "quoted" \\'
    assert lines[1] == "{'self': 's', 'a\"b': 't'}"
    assert lines[2] == "True"
    assert "{{ jinja }}" in proc.stdout
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "evil_client"],
        capture_output=True,
        text=True,
        cwd=out,
    )
    assert mypy.returncode == 0, mypy.stdout


def test_spec_with_errors_is_not_rendered(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    (project / "bad.yaml").write_text(
        'smithy: "2.0"\nshapes:\n  a.b#S: {type: service, operations: [{target: a.b#Nope}]}\n'
    )
    (project / "pyproject.toml").write_text(
        '[tool.apismith]\n[[tool.apismith.services]]\nspec = "bad.yaml"\npackage = "bad"\n'
    )
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "generate"],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 1
    assert "bad.yaml:3:" in proc.stderr and "not rendered" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (project / "generated").exists()


def test_generated_packages_import() -> None:
    for package in PACKAGES:
        sys.path.insert(0, str(ROOT / "generated" / package))
        try:
            module = importlib.import_module(package)
        finally:
            sys.path.pop(0)
        assert module.__all__


@pytest.mark.parametrize("package", PACKAGES)
def test_generated_package_installs_with_pip(package: str, tmp_path: Path) -> None:
    target = tmp_path / "site"
    # Build from a copy: setuptools builds in the source tree and would leave build/ behind.
    source = tmp_path / "src"
    shutil.copytree(
        ROOT / "generated" / package, source, ignore=shutil.ignore_patterns("__pycache__")
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (target / package / "py.typed").exists()
    assert (target / package / "_runtime" / "_http.py").exists()
    check = subprocess.run(
        [sys.executable, "-c", f"import {package}; print({package}.__version__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert check.stdout.strip() == "0.1.0", check.stderr


def test_installed_apismith_carries_its_templates(tmp_path: Path) -> None:
    """A regular (non-editable) install generates too: templates ship in the wheel."""
    site = tmp_path / "site"
    source = tmp_path / "apismith-src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("generator", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(site),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    project = tmp_path / "proj"
    (project / "specs").mkdir(parents=True)
    (project / "specs" / "dp.yaml").write_text(
        (ROOT / "specs" / "datapipeline.smithy.yaml").read_text()
    )
    (project / "pyproject.toml").write_text(
        '[tool.apismith]\n[[tool.apismith.services]]\nspec = "specs/dp.yaml"\npackage = "dp"\n'
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "generate"],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert (project / "generated" / "dp" / "dp" / "_runtime" / "_sigv4.py").exists()
    built = (project / "generated" / "dp" / "dp" / "models.py").read_text()
    assert built == (
        ROOT / "generated" / "datapipeline_tasks" / "datapipeline_tasks" / "models.py"
    ).read_text().replace("datapipeline_tasks", "dp")
