"""Modules rendered by earlier runs, kept by exactly what their templates read.

A one-operation edit changes the client, its docs and its tests, and every other module is
rendered again only to come out the same: `models.py` alone (the largest module, a megabyte
for the full Azure Batch spec) was a tenth of such a run. A template listed in READS declares
what it reads of the call's variables (attribute paths of the package view, of the tests
view). It is always rendered with namespaces holding those only, so a template that reads
anything else fails at once (the environment's undefined is strict) instead of being served
stale from the cache; and with a cache folder its output is kept under the digest of their
values (pickled), the built-in templates and apismith's own code. Equal inputs, equal output:
a hit is the text the template would render.

A template family that the user overrides (any template of it found in the overrides folder)
is rendered as before, with the whole views and no cache: an override may read anything.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2

from generator.render.cache import generator_digest, templates_digest
from generator.render.locations import builtin_templates

# template -> (what it reads: dotted paths rooted at the variables of the call, a bare name
# for a whole variable; the templates it includes or imports). tests/test_fragments.py checks
# the second against the templates' own references.
READS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "python/package/models.py.j2": (
        ("pkg.models", "pkg.model_names", "pkg.version", "pkg.title", "pkg.proto.control_keys"),
        (
            "python/macros.j2",
            "python/package/model_enum.py.j2",
            "python/package/model_oneof.py.j2",
            "python/package/model_structure.py.j2",
            "python/package/model_union.py.j2",
        ),
    ),
    "python/tests/test_models.py.j2": (
        ("pkg.error_names", "pkg.model_names", "pkg.package", "tests.models"),
        (),
    ),
}

MAX_FRAGMENTS = 64  # a few packages' worth; each is compressed (models.py: ~0.1 of its size)


class Fragments:
    """Renders the templates of READS narrowed, and keeps their output in `folder`."""

    def __init__(self, env: jinja2.Environment, folder: Path | None) -> None:
        self.env = env
        self.folder = folder
        self.hits = 0

    def render(self, template: str, **variables: Any) -> str:
        """`template` rendered with `variables`: a declared template with only what it reads
        of them (the rest is left out of its call and of its key)."""
        reads = READS.get(template)
        if reads is None or self._overridden((template, *reads[1])):
            return self.env.get_template(template).render(**variables)
        narrowed = _narrowed(variables, reads[0])
        key = self._key(template, narrowed)
        if key is not None:
            kept = self._read(key)
            if kept is not None:
                self.hits += 1
                return kept
        text = self.env.get_template(template).render(**narrowed)
        if key is not None:
            self._write(key, text)
        return text

    def _overridden(self, names: tuple[str, ...]) -> bool:
        loader = self.env.loader
        if not isinstance(loader, jinja2.FileSystemLoader):
            return True  # not the loader build_environment makes: nothing is known of it
        builtin = os.path.realpath(builtin_templates())
        for base in loader.searchpath:
            if os.path.realpath(base) == builtin:
                continue
            if any(os.path.exists(os.path.join(base, name)) for name in names):
                return True
        return False

    def _key(self, template: str, narrowed: dict[str, Any]) -> str | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256()
        for part in (generator_digest(), templates_digest(builtin_templates(), None), template):
            digest.update(part.encode("utf-8") + b"\0")
        # Pickled straight into the digest, a frame at a time: the pickle of a thousand
        # operations' models is tens of megabytes that need never exist at once.
        try:
            pickle.Pickler(_Digesting(digest), protocol=pickle.HIGHEST_PROTOCOL).dump(narrowed)
        except Exception:  # a value that does not pickle: render, do not keep
            return None
        return digest.hexdigest()

    def _read(self, key: str) -> str | None:
        assert self.folder is not None
        path = self.folder / key
        try:
            text = zlib.decompress(path.read_bytes()).decode("utf-8")
            os.utime(path)  # recently used: trimmed last
        except (OSError, zlib.error, UnicodeDecodeError):
            return None
        return text

    def _write(self, key: str, text: str) -> None:
        assert self.folder is not None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{key}.{os.getpid()}"
            packer = zlib.compressobj(1)
            with open(tmp, "wb") as out:  # a megabyte at a time: no second copy of the text
                for start in range(0, len(text), 1 << 20):
                    out.write(packer.compress(text[start : start + (1 << 20)].encode("utf-8")))
                out.write(packer.flush())
            os.replace(tmp, self.folder / key)
            entries = sorted(
                (entry.stat().st_mtime, entry.path)
                for entry in os.scandir(self.folder)
                if not entry.name.startswith(".")
            )
            for _, old in entries[:-MAX_FRAGMENTS]:
                os.unlink(old)
        except (OSError, UnicodeError):
            pass  # the cache is an optimisation only


class _Digesting:
    """A file that only feeds what is written to it into a hash."""

    def __init__(self, digest: Any) -> None:
        self.write = digest.update


def _narrowed(variables: dict[str, Any], reads: tuple[str, ...]) -> dict[str, Any]:
    """Only the `reads` of `variables`: a bare name is the variable itself, a dotted one makes
    namespaces holding just that attribute path."""
    out: dict[str, Any] = {}
    for dotted in reads:
        root, *parents_and_last = dotted.split(".")
        if not parents_and_last:
            out[root] = variables[root]
            continue
        *parents, last = parents_and_last
        source = variables[root]
        target = out.setdefault(root, SimpleNamespace())
        assert isinstance(target, SimpleNamespace), f"{root} is read whole and in part"
        for part in parents:
            source = getattr(source, part)
            if not hasattr(target, part):
                setattr(target, part, SimpleNamespace())
            target = getattr(target, part)
        setattr(target, last, getattr(source, last))
    return out
