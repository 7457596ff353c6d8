"""The last stage: put files on disk so that a crash leaves old or new content, never a mix."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` via a temporary file and rename; skip if unchanged.

    Returns True when the file was (re)written. Unchanged files keep their mtime so build
    tools and editors do not see spurious changes.
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


MANIFEST = ".apismith-manifest"


class Changes:
    """What writing `files` into a folder would change (paths relative to the folder)."""

    def __init__(self, changed: list[str], removed: list[str], unchanged: list[str]) -> None:
        self.changed = changed
        self.removed = removed
        self.unchanged = unchanged


def read_manifest(folder: Path) -> list[str]:
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except OSError:
        return []
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def manifest_text(paths: list[str]) -> str:
    header = "# Files apismith generated here; files not listed are yours and are never touched.\n"
    return header + "".join(f"{p}\n" for p in sorted(paths))


def plan_changes(folder: Path, files: dict[str, str]) -> Changes:
    all_files = dict(files)
    all_files[MANIFEST] = manifest_text(list(files))
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


def write_tree(folder: Path, files: dict[str, str], changes: Changes) -> None:
    all_files = dict(files)
    all_files[MANIFEST] = manifest_text(list(files))
    for rel in changes.changed:
        if rel != MANIFEST:
            write_text_atomic(folder / rel, all_files[rel])
    for rel in changes.removed:
        try:
            (folder / rel).unlink()
        except OSError:
            pass
    # The manifest goes last: until it is written, the old one still describes what we own.
    write_text_atomic(folder / MANIFEST, all_files[MANIFEST])
