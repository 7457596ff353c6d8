"""The package cache: a whole generated package, keyed by everything that decides its bytes.

A run whose inputs did not change (the spec's bytes, the templates, the service's settings,
the formatter and its version, apismith's own code) reads the package from here and renders
nothing, so `apismith generate --check` in CI or a pre-commit hook costs a file read and a
comparison. The key is computed from raw bytes before any parsing: it costs a few
milliseconds, where loading and validating the spec would cost a second on a large one.

The cache lives in the user's cache directory, never in the project (it must not land in a
commit): `$APISMITH_CACHE_DIR`, else `$XDG_CACHE_HOME/apismith`, else `~/.cache/apismith`.
`--no-cache` (or `APISMITH_NO_CACHE=1`) turns it off. Entries are written atomically; a
corrupt or unreadable entry is a miss, never an error. The oldest entries beyond
`MAX_ENTRIES` are removed, so the folder stays bounded.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from generator import __version__
from generator.diagnostics import Event, Location, Severity

if TYPE_CHECKING:
    from generator.config import ServiceConfig

# Bump when the entry layout changes.
_LAYOUT = "apismith-package-cache-3"
MAX_ENTRIES = 64
_GENERATOR_DIR = Path(__file__).resolve().parents[1]


def cache_root(disabled: bool = False) -> Path | None:
    """Where apismith keeps its cache, or None when caching is off."""
    if disabled or os.environ.get("APISMITH_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("APISMITH_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    # The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "apismith"
    try:
        return Path.home() / ".cache" / "apismith"
    except RuntimeError:  # no home directory (a bare container): run without a cache
        return None


def _discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _tree_digest(root: Path, suffixes: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.suffix in suffixes and path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(root).as_posix().encode() + b"\0")
                h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


@cache
def generator_digest() -> str:
    """apismith's version and its own source: an edited checkout must not serve stale output."""
    return f"{__version__}:{_tree_digest(_GENERATOR_DIR, ('.py',))}"


@cache
def templates_digest(builtin: Path, overrides: Path | None) -> str:
    parts = [_tree_digest(builtin, (".j2", ".py"))]
    if overrides is not None:
        parts.append(_tree_digest(overrides, (".j2", ".py")))
    return ":".join(parts)


def _event_from_json(e: dict[str, Any]) -> Event:
    return Event(
        id=e["id"],
        severity=Severity[e["severity"]],
        location=Location(e["file"], e["line"], e["column"]),
        message=e["message"],
        hint=e["hint"],
    )


@dataclass
class Entry:
    """What one service produced: its events, and its files when it rendered."""

    events: list[Event]
    ok: bool
    files: dict[str, str]
    scaffold: dict[str, str]
    stats: str = ""  # "76 operations, 120 shapes", for --verbose
    # Other files the spec's `$ref`s read: {absolute path: digest}; the key covers only the
    # spec's own bytes, so an entry whose sources changed is a miss.
    sources: dict[str, str] = field(default_factory=dict)
    # Not stored: the settings the package was rendered with, and whether it came from here.
    config: ServiceConfig | None = field(default=None, compare=False)
    cached: bool = field(default=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "events": [e.to_json() for e in self.events],
            "ok": self.ok,
            "files": self.files,
            "scaffold": self.scaffold,
            "stats": self.stats,
            "sources": self.sources,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry:
        events = [_event_from_json(e) for e in data["events"]]
        return cls(
            events=events,
            ok=bool(data["ok"]),
            files=dict(data["files"]),
            scaffold=dict(data["scaffold"]),
            stats=str(data.get("stats", "")),
            sources=dict(data.get("sources", {})),
        )


def source_digests(paths: list[str]) -> dict[str, str]:
    """{path: sha256 of its bytes} ("" for a file that cannot be read)."""
    out = {}
    for path in paths:
        try:
            out[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            out[path] = ""
    return out


def sources_unchanged(sources: dict[str, str]) -> bool:
    return not sources or source_digests(list(sources)) == sources


def _write_entry(out: TextIO, entry: Entry) -> None:
    """`json.dump(entry.to_json())`, one file at a time: one string holding a whole package
    (tens of MiB for a thousand operations) would raise the run's peak memory by as much."""
    out.write('{"events": ' + json.dumps([e.to_json() for e in entry.events]))
    out.write(', "ok": ' + json.dumps(entry.ok))
    out.write(', "stats": ' + json.dumps(entry.stats))
    out.write(', "sources": ' + json.dumps(entry.sources))
    for name in ("files", "scaffold"):
        files: dict[str, str] = getattr(entry, name)
        out.write(f', "{name}": {{')
        for i, (rel, text) in enumerate(files.items()):
            out.write((", " if i else "") + json.dumps(rel) + ": " + json.dumps(text))
        out.write("}")
    out.write("}")


class PackageCache:
    def __init__(self, root: Path | None) -> None:
        self.folder = root / "packages" if root is not None else None

    def key(self, spec: Path, spec_label: str, parts: dict[str, Any]) -> str | None:
        """The entry's key, or None when the spec cannot be read (the run reports that)."""
        if self.folder is None:
            return None
        try:
            spec_bytes = spec.read_bytes()
        except OSError:
            return None
        h = hashlib.sha256()
        header = {
            "layout": _LAYOUT,
            "generator": generator_digest(),
            "python": list(sys.version_info[:2]),  # the stdlib list decides import sections
            "spec": spec_label,
            **parts,
        }
        h.update(json.dumps(header, sort_keys=True, default=str).encode() + b"\0")
        h.update(spec_bytes)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{key}.json"

    def get(self, key: str | None) -> Entry | None:
        if key is None or self.folder is None:
            return None
        path = self._path(key)
        try:
            entry = Entry.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: render again
        if not sources_unchanged(entry.sources):
            return None  # a file the spec's $refs read changed
        try:
            os.utime(path)  # recently used: trimmed last
        except OSError:
            pass
        return entry

    def put(self, key: str | None, entry: Entry) -> None:
        if key is None or self.folder is None:
            return
        path = self._path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tmp.open("w", encoding="utf-8") as out:
                _write_entry(out, entry)
            os.replace(tmp, path)
            self._trim()
        except OSError:
            _discard(tmp)  # the cache is an optimisation only

    def _trim(self) -> None:
        assert self.folder is not None
        entries = []
        for path in self.folder.glob("*.json"):
            try:
                entries.append((path.stat().st_mtime, path))
            except OSError:
                continue
        entries.sort(reverse=True)
        for _, path in entries[MAX_ENTRIES:]:
            _discard(path)


class VerdictCache:
    """openapi-spec-validator's events for a document, by the document's bytes.

    The validator is a second of pure Python on a large spec and depends on nothing but the
    document (and its own version): a run whose spec is unchanged but whose templates, settings
    or apismith's code changed skips it.
    """

    def __init__(self, root: Path | None) -> None:
        self.folder = root / "validated" if root is not None else None

    def key(self, spec: Path, spec_label: str) -> str | None:
        if self.folder is None:
            return None
        try:
            spec_bytes = spec.read_bytes()
        except OSError:
            return None
        from generator.distversion import installed_version_key

        validator = installed_version_key("openapi-spec-validator")
        header = f"{_LAYOUT}\0{generator_digest()}\0{validator}\0{spec_label}\0".encode()
        return hashlib.sha256(header + spec_bytes).hexdigest()

    def get(self, key: str | None) -> list[Event] | None:
        if key is None or self.folder is None:
            return None
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            if not sources_unchanged(dict(data["sources"])):
                return None  # a file the document's $refs read changed
            return [_event_from_json(e) for e in data["events"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(
        self, key: str | None, events: list[Event], sources: dict[str, str] | None = None
    ) -> None:
        if key is None or self.folder is None:
            return
        path = self.folder / f"{key}.json"
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            data = {"events": [e.to_json() for e in events], "sources": sources or {}}
            tmp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            _discard(tmp)
