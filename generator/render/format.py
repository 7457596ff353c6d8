"""Format generated modules in black's style: `ruff format` by default, black as the fallback.

Why ruff: black was 83-91 % of a cold run (30 s of 41 s for the full Azure Batch spec, most of
it spent building and garbage-collecting node trees in Python). `ruff format` is a
black-compatible formatter written in Rust; one process formats a whole package (~3 MB of
Python) in about 0.15 s on this machine, using both cores. The output contract stays black's:
the templates emit code that both formatters leave alone, and tests run the pinned black over
every generated file (tests/test_format.py). Both versions are pinned in pyproject.toml because
a formatter release can move a line break, and identical inputs must give identical bytes.

`APISMITH_FORMATTER=black` (or `apismith generate --formatter black`) selects black, and black
is used by itself when the ruff binary cannot be found.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path

LINE_LENGTH = 100
TARGET_VERSION = "py311"
ENGINES = ("ruff", "black")
RUFF_BATCH = 4 << 20  # bytes of source per ruff process (see Formatter._ruff)
MAX_CACHED_MODULES = 4096


class FormatterUnavailable(RuntimeError):
    """Neither formatter can run; the message says what to install."""


@cache
def ruff_binary() -> str | None:
    """The ruff executable that belongs to this environment (the pinned one), else PATH's."""
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

        return os.fsdecode(find_ruff_bin())
    except (ImportError, FileNotFoundError):
        return shutil.which("ruff")


@cache
def _ruff_version(binary: str, cache_dir: Path | None = None) -> str:
    """`ruff --version`, kept in `cache_dir` by the binary's path, size, inode and mtime: every
    run asks (the version is part of every cache key), and starting ruff costs 10 ms, a tenth
    of a run whose package comes from the cache."""
    stamp = None
    if cache_dir is not None:
        try:
            st = os.stat(binary)
            key = f"{os.path.realpath(binary)}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}"
            stamp = cache_dir / f"ruff-version-{hashlib.sha256(key.encode()).hexdigest()[:32]}"
            known = stamp.read_text(encoding="utf-8")
            if known:
                return known
        except (OSError, ValueError):
            pass  # not known yet: ask ruff
    found = _ask_ruff_version(binary)
    if stamp is not None:
        tmp = stamp.with_name(f".{stamp.name}.{os.getpid()}")
        try:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(found, encoding="utf-8")
            os.replace(tmp, stamp)
        except OSError:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)  # the cache is an optimisation only
    return found


def _ask_ruff_version(binary: str) -> str:
    try:
        proc = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
    except OSError as exc:  # found but cannot run (another platform's binary, no permission)
        raise FormatterUnavailable(
            f"ruff ({binary}) cannot run: {exc}; reinstall ruff or use --formatter black"
        ) from exc
    return proc.stdout.strip().rsplit(" ", 1)[-1] or "unknown"


def _black_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("black")
    except PackageNotFoundError:
        return None


def default_engine() -> str:
    chosen = os.environ.get("APISMITH_FORMATTER", "").strip().lower()
    if chosen in ENGINES:
        return chosen
    return "ruff" if ruff_binary() is not None else "black"


@contextmanager
def _no_gc() -> Iterator[None]:
    # black allocates millions of short-lived nodes; the cyclic collector walking them was a
    # third of a cold run. Reference counting frees them anyway.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Formatter:
    """Formats generated Python; `format_many` formats a whole package in one go.

    `cache_dir` keeps each module's final text by the hash of its rendered text (see
    `format_many`); `engine` is "ruff" or "black" (default: `default_engine()`).
    """

    def __init__(self, cache_dir: Path | None = None, engine: str | None = None) -> None:
        self.cache_dir = cache_dir
        self.engine = engine or default_engine()
        if self.engine not in ENGINES:
            raise FormatterUnavailable(f"unknown formatter {self.engine!r}; use ruff or black")
        self.hits = 0
        self.misses = 0

    @property
    def identity(self) -> str:
        """What decides the output besides the source: engine, its version and the settings."""
        if self.engine == "ruff":
            binary = ruff_binary()
            if binary is None:
                raise FormatterUnavailable(
                    "ruff is not installed; `pip install ruff` or use --formatter black"
                )
            engine_version = _ruff_version(binary, self.cache_dir)
        else:
            found = _black_version()
            if found is None:
                raise FormatterUnavailable(
                    "black is not installed; `pip install black` or use --formatter ruff"
                )
            engine_version = found
        return f"{self.engine}-{engine_version}-{LINE_LENGTH}-{TARGET_VERSION}"

    def format(self, source: str, name: str) -> str:
        return self.format_many({name: source})[name]

    def format_many(
        self,
        sources: Mapping[str, str],
        prepare: Callable[[str, str], str] | None = None,
        salt: str = "",
        finish: Callable[[str], str] | None = None,
    ) -> dict[str, str]:
        """{name: source} -> {name: formatted}; raises RuntimeError for invalid Python.

        `prepare(name, source)` runs on each source first (the import pass), `finish(formatted)`
        on each result (the long-line pass). With a cache folder, a module rendered before
        (same name, same text, same `salt` and formatter) comes from the cache as it was
        finished, neither prepared, formatted nor finished again: after a one-operation edit,
        the big modules the edit does not touch (models, tests) cost a hash and a read. The
        caller's `salt` must change when what `prepare` or `finish` do changes.
        """
        steps = f"{prepare is not None:d}{finish is not None:d}"
        prefix = f"{self.identity}\n{salt}\n{steps}\n".encode()
        out: dict[str, str] = {}
        todo: dict[str, str] = {}
        keys: dict[str, str] = {}
        for name, source in sources.items():
            material = prefix + name.encode("utf-8") + b"\0" + source.encode("utf-8")
            key = hashlib.sha256(material).hexdigest()
            cached = self._read(key)
            if cached is not None:
                self.hits += 1
                out[name] = cached
            else:
                self.misses += 1
                todo[name] = prepare(name, source) if prepare is not None else source
                keys[name] = key
        if todo:
            done = self._ruff(todo) if self.engine == "ruff" else self._black(todo)
            if finish is not None:
                done = {name: finish(text) for name, text in done.items()}
            for name, text in done.items():
                self._write(keys[name], text)
            out.update(done)
            self._trim()
        return {name: out[name] for name in sources}

    def _ruff(self, sources: Mapping[str, str]) -> dict[str, str]:
        # ruff holds ~30 bytes per byte of source in flight, in parallel: a thousand-operation
        # package (17 MiB of Python) took 290 MiB in one run. Runs of at most RUFF_BATCH bytes
        # keep it near 160 MiB; a package the size of the full Azure Batch is still one run.
        out: dict[str, str] = {}
        batch: dict[str, str] = {}
        size = 0
        for name, source in sources.items():
            if batch and size + len(source) > RUFF_BATCH:
                out.update(self._ruff_run(batch))
                batch, size = {}, 0
            batch[name] = source
            size += len(source)
        if batch:
            out.update(self._ruff_run(batch))
        return out

    def _ruff_run(self, sources: Mapping[str, str]) -> dict[str, str]:
        binary = ruff_binary()
        assert binary is not None  # identity() checked
        with tempfile.TemporaryDirectory(prefix="apismith-fmt-") as tmp:
            paths = {}
            for i, (name, source) in enumerate(sources.items()):
                # Flat numbered names: package paths could collide once flattened.
                path = Path(tmp) / f"m{i}.py"
                path.write_text(source, encoding="utf-8")
                paths[name] = path
            proc = subprocess.run(
                [
                    binary,
                    "format",
                    "--isolated",  # a user's ruff.toml must not change generated code
                    "--no-cache",
                    "--line-length",
                    str(LINE_LENGTH),
                    "--target-version",
                    TARGET_VERSION,
                    "--config",
                    "format.line-ending = 'lf'",
                    *[str(p) for p in paths.values()],
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                message = proc.stderr.strip() or proc.stdout.strip()
                for name, path in paths.items():
                    message = message.replace(str(path), name)
                # A template bug, never spec input: say which module.
                raise RuntimeError(f"generated code is not valid Python: {message}")
            return {name: path.read_text(encoding="utf-8") for name, path in paths.items()}

    def _black(self, sources: Mapping[str, str]) -> dict[str, str]:
        import black
        from black.mode import TargetVersion
        from black.parsing import InvalidInput

        mode = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY311})
        out: dict[str, str] = {}
        with _no_gc():
            for name, source in sources.items():
                try:
                    out[name] = black.format_str(source, mode=mode)
                except InvalidInput as exc:  # a template bug, never spec input: say where
                    raise RuntimeError(f"generated {name} is not valid Python: {exc}") from exc
        return out

    def _read(self, key: str) -> str | None:
        if self.cache_dir is None:
            return None
        path = self.cache_dir / key[:2] / key
        try:
            text = path.read_text(encoding="utf-8")
            os.utime(path)  # recently used: trimmed last
        except OSError:
            return None
        return text

    def _trim(self) -> None:
        """Past MAX_CACHED_MODULES entries, keep the newest three quarters of that (a read
        refreshes an entry's mtime). Runs that stay under the limit only list the folders:
        stat-ing every entry on every run was a tenth of the cache's cost once it was full,
        so a full cache is trimmed well below the limit and then left alone for a while."""
        if self.cache_dir is None:
            return
        try:
            paths = [
                entry.path
                for folder in os.scandir(self.cache_dir)
                if folder.is_dir()
                for entry in os.scandir(folder.path)
                if not entry.name.startswith(".")
            ]
        except OSError:
            return
        if len(paths) <= MAX_CACHED_MODULES:
            return
        entries = []
        for path in paths:
            try:
                entries.append((os.stat(path).st_mtime, path))
            except OSError:
                continue  # another run trimmed it
        entries.sort(reverse=True)
        for _, path in entries[MAX_CACHED_MODULES * 3 // 4 :]:
            try:
                os.unlink(path)
            except OSError:
                pass

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
