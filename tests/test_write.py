"""The regenerate-in-CI workflow: crash safety, untouched user files, mtimes, template overrides."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
GENERATE = [sys.executable, "-m", "generator", "generate"]


def _project(tmp_path: Path, version: str = "2023-10-12") -> Path:
    project = tmp_path / "proj"
    (project / "specs").mkdir(parents=True, exist_ok=True)
    spec = (ROOT / "specs" / "deadline.smithy.yaml").read_text()
    spec = spec.replace('version: "2023-10-12"', f'version: "{version}"').replace(
        "version: '2023-10-12'", f"version: '{version}'"
    )
    (project / "specs" / "deadline.yaml").write_text(spec)
    (project / "pyproject.toml").write_text(
        "[tool.apismith]\n[[tool.apismith.services]]\n"
        'spec = "specs/deadline.yaml"\npackage = "deadline_tasks"\noutput = "out/deadline_tasks"\n'
    )
    return project


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GENERATE, *args], capture_output=True, text=True, cwd=project, env=ENV)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_unchanged_files_keep_their_mtime_and_inode(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _run(project).returncode == 0
    out = project / "out" / "deadline_tasks"
    before = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.rglob("*") if p.is_file()}
    time.sleep(0.05)
    second = _run(project)
    assert second.returncode == 0 and "0 written" in second.stderr
    after = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.rglob("*") if p.is_file()}
    assert after == before
    # A change rewrites only the files it touches; the rest keep mtime and inode.
    spec = project / "specs" / "deadline.yaml"
    spec.write_text(spec.read_text().replace("<p>Gets a task.</p>", "<p>Gets one task.</p>"))
    assert _run(project).returncode == 0
    changed = {
        p
        for p in out.rglob("*")
        if p.is_file() and p in before and (p.stat().st_mtime_ns, p.stat().st_ino) != before[p]
    }
    names = {p.name for p in changed}
    assert names and "deadline_tasks_models.py" not in names
    assert "client.py" in names and "_http.py" not in names


def test_patch_file_and_user_files_survive_and_stale_files_go(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _run(project).returncode == 0
    out = project / "out" / "deadline_tasks"
    patch = out / "deadline_tasks" / "_patch.py"
    assert patch.exists()
    patch.write_text(
        '"""Mine."""\n\n__all__ = ["shout"]\n\n\ndef shout(text: str) -> str:\n'
        "    return text.upper()\n"
    )
    notes = out / "NOTES.md"
    notes.write_text("my notes\n")
    # Pretend an older version generated a file that is no longer produced.
    stale = out / "deadline_tasks" / "old_module.py"
    stale.write_text("# generated long ago\n")
    manifest = out / ".apismith-manifest"
    manifest.write_text(manifest.read_text() + "deadline_tasks/old_module.py\n")
    patch_stat = patch.stat()

    spec = project / "specs" / "deadline.yaml"
    spec.write_text(spec.read_text().replace("<p>Gets a task.</p>", "<p>Gets one task.</p>"))
    result = _run(project)
    assert result.returncode == 0, result.stderr
    assert "1 removed" in result.stderr
    assert patch.read_text().startswith('"""Mine."""')
    assert (patch.stat().st_ino, patch.stat().st_mtime_ns) == (
        patch_stat.st_ino,
        patch_stat.st_mtime_ns,
    )
    assert notes.read_text() == "my notes\n"
    assert not stale.exists()
    assert "_patch.py" not in manifest.read_text() and "NOTES.md" not in manifest.read_text()
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import deadline_tasks as d; print(d.shout('hi'), 'shout' in d.__all__)",
        ],
        capture_output=True,
        text=True,
        cwd=out,
    )
    assert check.stdout.split() == ["HI", "True"], check.stderr
    assert _run(project, "--check").returncode == 0  # user files are not "stale"


def _staged_files(parent: Path) -> int:
    return sum(
        1 for stage in parent.glob(".apismith-stage-*") for p in stage.rglob("*") if p.is_file()
    )


@pytest.mark.parametrize("kill_at", ["render", "stage:1", "stage:12", "stage:30"])
def test_kill_9_leaves_old_or_new_tree_never_a_mix(tmp_path: Path, kill_at: str) -> None:
    old_project = _project(tmp_path / "old")
    new_project = _project(tmp_path / "new", version="2099-01-01")
    assert _run(old_project).returncode == 0 and _run(new_project).returncode == 0
    old_tree = _snapshot(old_project / "out" / "deadline_tasks")
    new_tree = _snapshot(new_project / "out" / "deadline_tasks")
    assert old_tree != new_tree

    # Regenerate the old project from the new spec, slowly, and kill it at a chosen point:
    # while it renders, or once the staged tree holds N files (polled from outside).
    (old_project / "specs" / "deadline.yaml").write_text(
        (new_project / "specs" / "deadline.yaml").read_text()
    )
    child = subprocess.Popen(
        GENERATE,
        cwd=old_project,
        env={**ENV, "APISMITH_TEST_WRITE_DELAY": "0.03"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent = old_project / "out"
    deadline = time.monotonic() + 30
    if kill_at == "render":
        time.sleep(0.2)
    else:
        want = int(kill_at.split(":")[1])
        while _staged_files(parent) < want and time.monotonic() < deadline:
            time.sleep(0.002)
        assert _staged_files(parent) >= want, "the run never reached that point"
    child.send_signal(signal.SIGKILL)
    child.wait()
    out = parent / "deadline_tasks"
    now = _snapshot(out)
    assert now in (old_tree, new_tree), "a mix of old and new files"
    if kill_at.startswith("stage"):
        assert now == old_tree  # killed before the swap: the old tree, whole
    # The next run finishes the job and cleans up what the killed run left.
    assert _run(old_project).returncode == 0
    assert _snapshot(out) == new_tree
    assert not list(parent.glob(".apismith-*"))


def test_template_override_replaces_one_template(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _run(project).returncode == 0
    out = project / "out" / "deadline_tasks"
    builtin = _snapshot(out)
    overrides = project / "my-templates" / "python" / "package"
    overrides.mkdir(parents=True)
    (overrides / "README.md.j2").write_text("# {{ pkg.distribution }}\n\nOur house style.\n")
    assert _run(project, "--templates", "my-templates").returncode == 0
    custom = _snapshot(out)
    assert custom["README.md"] == b"# deadline-tasks\n\nOur house style.\n"
    assert {k for k in custom if custom[k] != builtin.get(k)} == {
        "README.md",
        ".apismith-manifest",
    } - {".apismith-manifest"}
    # The same through [tool.apismith] templates, with --check agreeing.
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace(
            "[tool.apismith]\n", '[tool.apismith]\ntemplates = "my-templates"\n'
        )
    )
    assert _run(project, "--check").returncode == 0
    missing = _run(project, "--templates", "nope")
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_concurrent_runs_take_turns_and_keep_every_user_file(tmp_path: Path) -> None:
    """Two generates at once (an editor's save hook and a pre-commit hook) used to swap
    half-built trees over each other and delete user files; the folder lock serializes them.
    """
    versions = ("2023-10-12", "2099-01-01")
    references = {}
    for version in versions:
        ref = _project(tmp_path / f"ref-{version}", version=version)
        assert _run(ref).returncode == 0
        references[version] = _snapshot(ref / "out" / "deadline_tasks")
    project = _project(tmp_path / "p")
    assert _run(project).returncode == 0
    out = project / "out" / "deadline_tasks"
    mine = {
        "deadline_tasks/_patch.py": b'"""Mine."""\n\n__all__: list[str] = []\n',
        "NOTES.md": b"my notes\n",
        "deadline_tasks/extra/handwritten.py": b"VALUE = 1\n",
    }
    for rel, data in mine.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    spec = project / "specs" / "deadline.yaml"
    # Widen the write window so the second run starts while the first is staging.
    slow = {**ENV, "APISMITH_TEST_WRITE_DELAY": "0.004"}
    for trial in range(5):
        version = versions[(trial + 1) % 2]
        spec.write_text(
            (tmp_path / f"ref-{version}" / "proj" / "specs" / "deadline.yaml").read_text()
        )
        runs = [
            subprocess.Popen(GENERATE, cwd=project, env=slow, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        outputs = [run.communicate(timeout=120)[1] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        now = _snapshot(out)
        expected = dict(references[version])
        del expected["deadline_tasks/_patch.py"]  # the scaffold; the user's own copy is kept
        expected.update(mine)
        assert now == expected, f"trial {trial}: the tree is not the new one plus user files"
        assert not list(out.parent.glob(".apismith-*"))


def test_cleanup_spares_a_live_runs_staging_folder(tmp_path: Path) -> None:
    from generator.write import cleanup_leftovers

    out = tmp_path / "out" / "pkg"
    out.mkdir(parents=True)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / "out" / f".apismith-stage-pkg-{sleeper.pid}-abc123"
        dead_pid = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        dead = tmp_path / "out" / f".apismith-stage-pkg-{dead_pid}-def456"
        legacy = tmp_path / "out" / ".apismith-stage-pkg-oldstyle"
        for folder in (live, dead, legacy):
            (folder / "pkg").mkdir(parents=True)
            (folder / "pkg" / "__init__.py").write_text("")
        cleanup_leftovers(out)
        assert live.exists(), "a live run's work in progress was deleted"
        assert not dead.exists() and not legacy.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_run_waits_for_the_lock_holder(tmp_path: Path) -> None:
    project = _project(tmp_path)
    parent = project / "out"
    parent.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys\n"
            f"fd = os.open({str(parent)!r}, os.O_RDONLY)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",  # hold the lock until told to let go
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        run = subprocess.Popen(GENERATE, cwd=project, env=ENV, stderr=subprocess.PIPE, text=True)
        assert run.stderr is not None
        first = run.stderr.readline()
        assert "waiting for another apismith run" in first, first
        assert run.poll() is None  # still waiting
        assert not (parent / "deadline_tasks").exists()
        holder.communicate("")  # let go
        rest = run.communicate(timeout=120)[1]
        assert run.returncode == 0, rest
        assert (parent / "deadline_tasks" / "deadline_tasks" / "__init__.py").exists()
    finally:
        holder.kill()
        holder.wait()
