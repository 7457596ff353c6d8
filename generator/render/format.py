"""black, in-process, behind a content-hash cache so repeat runs format nothing."""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import version
from pathlib import Path

import black
from black.mode import TargetVersion
from black.parsing import InvalidInput

LINE_LENGTH = 100
_MODE = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY311})
_KEY_PREFIX = f"black-{version('black')}-{LINE_LENGTH}-py311\n".encode()


class Formatter:
    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.hits = 0
        self.misses = 0

    def format(self, source: str, name: str) -> str:
        key = hashlib.sha256(_KEY_PREFIX + source.encode("utf-8")).hexdigest()
        cached = self._read(key)
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        try:
            out = black.format_str(source, mode=_MODE)
        except InvalidInput as exc:  # a template bug, never spec input: say where
            raise RuntimeError(f"generated {name} is not valid Python: {exc}") from exc
        self._write(key, out)
        return out

    def _read(self, key: str) -> str | None:
        if self.cache_dir is None:
            return None
        try:
            return (self.cache_dir / key[:2] / key).read_text(encoding="utf-8")
        except OSError:
            return None

    def _write(self, key: str, text: str) -> None:
        if self.cache_dir is None:
            return
        folder = self.cache_dir / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{key}.{os.getpid()}"
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, folder / key)
        except OSError:
            pass  # the cache is an optimisation only
