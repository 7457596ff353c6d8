"""The last stage: put a package's files on disk safely.

- Atomic: the new tree is staged beside the output folder and swapped in with one
  `renameat2(RENAME_EXCHANGE)`, so a crash (even kill -9) leaves the old tree or the new one,
  never a mix. Leftover staging folders are cleaned up by the next run.
- Minimal: unchanged files are hard-linked into the staged tree, so they keep their inode and
  mtime; only changed files get new content.
- Respectful: `.apismith-manifest` lists what the generator owns. Everything else in the folder
  (a hand-written `_patch.py`, notes) is carried over untouched; generated files that are no
  longer produced are dropped.
- Exclusive: a run holds a lock on the output folder's parent from planning to swapping, so two
  runs at once (an editor's save hook and a pre-commit hook, a CI matrix) take turns instead of
  swapping half-built trees over each other; leftovers are removed only when their owner is gone.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

MANIFEST = ".apismith-manifest"
_STAGE_PREFIX = ".apismith-stage-"
_OLD_PREFIX = ".apismith-old-"


def write_text_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` via a temporary file and rename; skip if unchanged.

    Returns True when the file was (re)written; an unchanged file keeps its mtime.
    """
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True


class Changes:
    """What writing `files` into a folder would change (paths relative to the folder)."""

    def __init__(self, changed: list[str], removed: list[str], unchanged: list[str]) -> None:
        self.changed = changed
        self.removed = removed
        self.unchanged = unchanged

    @property
    def any(self) -> bool:
        return bool(self.changed or self.removed)


def read_manifest(folder: Path) -> list[str]:
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except OSError:
        return []
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def manifest_text(paths: list[str]) -> str:
    header = "# Files apismith generated here; files not listed are yours and are never touched.\n"
    return header + "".join(f"{p}\n" for p in sorted(paths))


def _with_manifest(files: dict[str, str]) -> dict[str, str]:
    out = dict(files)
    out[MANIFEST] = manifest_text(list(files))
    return out


def plan_changes(folder: Path, files: dict[str, str]) -> Changes:
    all_files = _with_manifest(files)
    changed: list[str] = []
    unchanged: list[str] = []
    for rel, text in sorted(all_files.items()):
        try:
            same = (folder / rel).read_bytes() == text.encode("utf-8")
        except OSError:
            same = False
        (unchanged if same else changed).append(rel)
    # Only files the generator owned before (its manifest) may be removed.
    removed = [
        rel for rel in read_manifest(folder) if rel not in all_files and (folder / rel).exists()
    ]
    return Changes(changed, removed, unchanged)


def _libc_exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    import ctypes  # here: a run that swaps no folder does not import it

    try:
        # glibc's soname first: ctypes.util.find_library runs `ldconfig -p` in a subprocess
        # (35 ms, every run that writes); other C libraries are found that way.
        try:
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
        except OSError:
            import ctypes.util

            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(result == 0)


@contextlib.contextmanager
def output_lock(folder: Path, *, wait_message: str = "") -> Iterator[None]:
    """Hold the exclusive lock of `folder` (a `flock` on its parent directory) for the block.

    Locking the parent, not the folder, because the folder itself is swapped out from under any
    lock taken on it; and a directory lock leaves no lock file behind for users to commit. The
    kernel drops the lock when its holder dies, even by kill -9, so no stale lock can block a
    later run. A run that has to wait says so on stderr (`wait_message`).
    """
    parent = folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            if wait_message:
                print(wait_message, file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _owner_alive(leftover: Path) -> bool:
    """Whether the run that made this staging/old folder still runs (its pid is in the name)."""
    pid_text = leftover.name.rsplit("-", 2)[-2] if leftover.name.count("-") >= 2 else ""
    if not pid_text.isdigit():
        return False  # an older run's folder (no pid in the name): its run is long over
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by another user
    return True


def cleanup_leftovers(folder: Path) -> None:
    """Remove staging/old trees that a crashed run left beside `folder`.

    Only folders whose owning process is gone: a live run's staging folder is its work in
    progress (callers also hold `output_lock`, so a live owner can only be a run from before
    locking existed, or one on another machine sharing the folder).
    """
    parent = folder.parent
    if not parent.is_dir():
        return
    for prefix in (_STAGE_PREFIX, _OLD_PREFIX):
        for leftover in parent.glob(f"{prefix}{folder.name}-*"):
            if not _owner_alive(leftover):
                shutil.rmtree(leftover, ignore_errors=True)


def _test_pause() -> None:
    # Lets the crash-safety tests kill a run in the middle of staging (never set in use).
    delay = os.environ.get("APISMITH_TEST_WRITE_DELAY")
    if delay:
        time.sleep(float(delay))


def write_tree(folder: Path, files: dict[str, str], changes: Changes) -> None:
    """Make `folder` hold exactly `files` plus the user's own files, atomically."""
    cleanup_leftovers(folder)
    if not changes.any and folder.is_dir():
        return
    all_files = _with_manifest(files)
    folder.parent.mkdir(parents=True, exist_ok=True)
    # The pid in the name tells later runs whether this folder's owner is still alive.
    stage = Path(
        tempfile.mkdtemp(prefix=f"{_STAGE_PREFIX}{folder.name}-{os.getpid()}-", dir=folder.parent)
    )
    try:
        unchanged = set(changes.unchanged)
        owned_before = set(read_manifest(folder))
        # 1. The user's files, and unchanged generated ones: hard links (same inode and mtime).
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                rel = path.relative_to(folder).as_posix()
                if path.is_dir() or (path.is_symlink() and not path.exists()):
                    continue
                if rel in all_files and rel not in unchanged:
                    continue  # replaced below
                if rel not in all_files and (rel in owned_before or "__pycache__" in rel):
                    continue  # a generated file that is no longer produced
                target = stage / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(path, target, follow_symlinks=False)
                except OSError:
                    shutil.copy2(path, target, follow_symlinks=False)
        # 2. New and changed generated files.
        written: list[Path] = []
        for rel in sorted(all_files):
            target = stage / rel
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(all_files[rel].encode("utf-8"))
            written.append(target)
            _test_pause()
        _fsync_tree(stage, written)
        # 3. Swap: one atomic exchange, or (no renameat2) two renames.
        if folder.exists():
            if not _libc_exchange(stage, folder):
                old = folder.parent / f"{_OLD_PREFIX}{folder.name}-{os.getpid()}-0"
                os.rename(folder, old)
                os.rename(stage, folder)
                stage = old
        else:
            os.rename(stage, folder)
            return
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path, written: list[Path]) -> None:
    """Make the staged tree durable before it is swapped in: the files written into it, and
    every folder (their entries, the hard links among them). A hard-linked file is the old
    tree's own inode, as durable as it was there: after a one-operation edit of the full Azure
    Batch spec, 4 files of 307 are synced instead of all (0.035 s -> 0.005 s)."""
    folders = [root, *(p for p in root.rglob("*") if p.is_dir() and not p.is_symlink())]
    # Many fsyncs in flight at once share the filesystem's journal commits: 295 files took
    # 0.8-1.0 s one after the other on a busy machine and 0.05-0.09 s from 16 threads.
    if len(written) > 8:
        # Imported here: concurrent.futures (and the logging it imports) costs 15 ms, which a
        # run that changed a few files (an edit) does not need.
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(_fsync_file, written))
    else:
        for path in written:
            _fsync_file(path)
    for folder in reversed(folders):  # the deepest first, the root last
        _fsync_file(folder)
