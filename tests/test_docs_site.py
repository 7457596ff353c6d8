"""docs/: every rule id documented, every trait and extension in the spec guide, the guide's
complete examples generate working clients, the configuration reference covers every key, and
the CI recipe's script works in a scratch repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import __version__
from generator.config import SECTION_KEYS, SERVICE_KEYS
from generator.frontends.openapi import HANDLED_EXTENSIONS
from generator.frontends.smithy import _HANDLED_TRAITS
from generator.init import starter_spec
from generator.pipeline import load_spec
from support import ROOT

DOCS = ROOT / "docs"
# A call whose first argument is a literal rule id: diags.error("Id", ...), self.event("Id", ...),
# Event("Id", ...), self._fail("Id", ...).
_EMIT = re.compile(
    r"\b(?:error|warning|note|danger|add|event|_fail|Event)\(\s*\"([A-Z][A-Za-z0-9]*)\""
)


def emitted_rule_ids() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "generator").rglob("*.py"):
        found.update(_EMIT.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_rule_id_the_code_can_emit_is_documented() -> None:
    ids = emitted_rule_ids()
    assert len(ids) > 60  # the scan itself works
    rules = (DOCS / "rules.md").read_text()
    documented = set(
        re.findall(r"^\| `([A-Za-z]+)` \| (?:ERROR|DANGER|WARNING|NOTE) \|", rules, re.M)
    )
    assert sorted(ids - documented) == []


def test_every_supported_trait_and_extension_is_in_the_spec_guide() -> None:
    guide = (DOCS / "spec-guide.md").read_text()
    for trait in sorted(_HANDLED_TRAITS):
        assert f"**`{trait}`**" in guide, trait
    for extension in sorted(HANDLED_EXTENSIONS):
        assert f"`{extension}`" in guide, extension


def _examples() -> dict[str, str]:
    guide = (DOCS / "spec-guide.md").read_text()
    return dict(re.findall(r"<!-- example: ([a-z0-9-]+) -->\n```yaml\n(.*?)```", guide, re.S))


def test_the_guide_has_its_complete_examples() -> None:
    assert set(_examples()) == {"smithy-restjson1", "smithy-awsjson", "openapi"}


@pytest.mark.parametrize("name", ["smithy-restjson1", "smithy-awsjson", "openapi"])
def test_complete_examples_validate_and_generate_working_clients(name: str, tmp_path: Path) -> None:
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(_examples()[name])
    result = load_spec(spec)
    assert result.ok, [e.format() for e in result.diagnostics.events]
    notes = [e for e in result.diagnostics.events if e.severity.name != "NOTE"]
    assert notes == []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = [sys.executable, "-m", "generator", "generate", spec.name, "-o", "out", "-q"]
    proc = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
    if name == "smithy-restjson1":
        [package] = [p.name for p in out.iterdir() if (p / "__init__.py").is_file()]
        mypy = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", package],
            cwd=out,
            capture_output=True,
            text=True,
        )
        assert mypy.returncode == 0, mypy.stdout


def test_configuration_reference_covers_every_key() -> None:
    reference = (DOCS / "configuration.md").read_text()
    for key in (*SECTION_KEYS, *SERVICE_KEYS):
        assert re.search(rf"^\| `{key}` \|", reference, re.M), key
    # Each setting the generator reads from a service entry is a documented key.
    read = set()
    for path in (ROOT / "generator").rglob("*.py"):
        read.update(re.findall(r"options\.get\(\"([a-z_]+)\"", path.read_text()))
    assert read and read <= set(SERVICE_KEYS)


def test_readme_points_at_the_docs() -> None:
    readme = (ROOT / "README.md").read_text()
    for page in ("spec-guide.md", "configuration.md", "rules.md", "ci.md"):
        assert f"docs/{page}" in readme, page
        assert (DOCS / page).is_file()


# -- the CI recipe ---------------------------------------------------------------------------


def _workflow() -> dict[str, object]:
    text = (DOCS / "ci.md").read_text()
    [block] = re.findall(r"```yaml\n(.*?)```", text, re.S)
    loaded = yaml.safe_load(block)
    assert isinstance(loaded, dict)
    return loaded


def _steps() -> list[dict[str, object]]:
    jobs = _workflow()["jobs"]
    assert isinstance(jobs, dict)
    steps = jobs["specs"]["steps"]
    assert isinstance(steps, list)
    return steps


def test_workflow_installs_the_released_package() -> None:
    runs = [str(step.get("run", "")) for step in _steps()]
    assert f'pip install "apismith=={__version__}"' in runs
    assert not any("pip install -e" in run for run in runs)
    assert "apismith generate --check" in " ".join(runs)
    script = _script()
    assert "|| continue" not in script and "|| true" not in script


def _script() -> str:
    [step] = [s for s in _steps() if s.get("name") == "Breaking changes against the base branch"]
    assert step["env"] == {"BASE_REF": "${{ github.base_ref }}", "SPECS_DIR": "specs"}
    return str(step["run"])


def _git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    proc = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture
def scratch_repo(tmp_path: Path) -> Path:
    """A user's repository: main has three specs (.yaml, .json, .yml) and is pushed to origin;
    the checked-out branch is a pull request based on it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    origin = tmp_path / "origin.git"
    origin.mkdir()
    _git(origin, "init", "--bare", "-q")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    specs = repo / "specs"
    specs.mkdir()
    (specs / "shop.smithy.yaml").write_text(starter_spec("smithy", "shop"))
    openapi = yaml.safe_load(starter_spec("openapi", "store"))
    (specs / "store.openapi.json").write_text(json.dumps(openapi, indent=2) + "\n")
    (specs / "old.yml").write_text(starter_spec("smithy", "old"))
    (repo / "README.md").write_text("not a spec\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "remote", "add", "origin", str(origin))
    _git(repo, "push", "-q", "origin", "main")
    _git(repo, "fetch", "-q", "origin")
    _git(repo, "checkout", "-qb", "pr")
    return repo


def _run_script(repo: Path, base_ref: str = "main") -> subprocess.CompletedProcess[str]:
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "apismith").exists(), "apismith must be installed in this environment"
    env = {
        **os.environ,
        "BASE_REF": base_ref,
        "SPECS_DIR": "specs",
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    return subprocess.run(
        ["bash", "-c", _script()], cwd=repo, capture_output=True, text=True, env=env, timeout=300
    )


def _commit(repo: Path, message: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", message)


def test_ci_script_passes_compatible_changes_across_json_and_yaml(scratch_repo: Path) -> None:
    json_spec = scratch_repo / "specs" / "store.openapi.json"
    data = json.loads(json_spec.read_text())
    data["paths"]["/widgets"]["get"]["summary"] = "Lists widgets (changed docs only)."
    json_spec.write_text(json.dumps(data, indent=2) + "\n")
    (scratch_repo / "specs" / "new.smithy.yaml").write_text(starter_spec("smithy", "brand_new"))
    _commit(scratch_repo, "compatible")
    proc = _run_script(scratch_repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for spec in ("shop.smithy.yaml", "store.openapi.json", "old.yml"):
        assert f"== specs/{spec}" in proc.stdout  # each format is compared
    assert "specs/new.smithy.yaml: new in this pull request" in proc.stdout


def test_ci_script_fails_on_a_breaking_change_in_a_json_spec(scratch_repo: Path) -> None:
    json_spec = scratch_repo / "specs" / "store.openapi.json"
    data = json.loads(json_spec.read_text())
    del data["paths"]["/widgets/{widgetId}"]
    json_spec.write_text(json.dumps(data, indent=2) + "\n")
    _commit(scratch_repo, "breaking")
    proc = _run_script(scratch_repo)
    assert proc.returncode == 1
    assert "[RemovedOperation] operation GetWidget was removed" in proc.stdout


def test_ci_script_fails_on_a_removed_spec(scratch_repo: Path) -> None:
    (scratch_repo / "specs" / "old.yml").unlink()
    _commit(scratch_repo, "remove a spec")
    proc = _run_script(scratch_repo)
    assert proc.returncode == 1 and "specs/old.yml was removed" in proc.stdout


def test_ci_script_fails_loudly_when_the_base_branch_cannot_be_read(scratch_repo: Path) -> None:
    proc = _run_script(scratch_repo, base_ref="no-such-branch")
    assert proc.returncode == 2
    assert "cannot read the base branch origin/no-such-branch" in proc.stderr
    proc = _run_script(scratch_repo, base_ref="")
    assert proc.returncode != 0 and "BASE_REF must name the base branch" in proc.stderr


def test_ci_script_fails_when_no_spec_is_found(scratch_repo: Path) -> None:
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "BASE_REF": "main",
        "SPECS_DIR": "api",
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    proc = subprocess.run(
        ["bash", "-c", _script()], cwd=scratch_repo, capture_output=True, text=True, env=env
    )
    assert proc.returncode == 2 and "no .json, .yaml or .yml specs under api/" in proc.stderr
