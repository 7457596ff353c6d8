"""Generated code is black's style, byte for byte, whichever formatter made it.

apismith formats with `ruff format` (fast) and keeps black as the contract: the pinned black,
run with each package's own declared settings, finds nothing to change in any generated file —
the committed packages, and packages generated here from the full official models and from
every corpus spec that currently generates. The import pass (a regex scan) is checked against
the `ast` version it replaced on every module of those packages.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import imports_reference
import longlines_reference
import pytest

import generator.render.package as package_module
from generator.config import ServiceConfig, load_config
from generator.diagnostics import Diagnostics
from generator.pipeline import load_spec
from generator.render import imports, longlines
from generator.render.environment import build_environment
from generator.render.format import LINE_LENGTH, TARGET_VERSION, Formatter
from generator.render.package import render_package, scaffold_files
from support import REFERENCE, ROOT, shared_dir

COMMITTED = ["deadline_tasks", "datapipeline_tasks", "azure_batch_tasks"]
OFFICIAL = [
    "smithy/deadline-2023-10-12.json",
    "smithy/data-pipeline-2012-10-29.json",
    "azure-batch-BatchService-2024-07-01.20.0.json",
]
CORPUS = shared_dir() / "corpus"


def _corpus_specs() -> list[Path]:
    found: list[Path] = []
    for folder in ("openapi", "aws"):
        if (CORPUS / folder).is_dir():
            found += sorted(p for p in (CORPUS / folder).iterdir() if p.is_file())
    return found


@dataclass
class Rendered:
    packages: dict[str, Path] = field(default_factory=dict)  # package name -> folder
    prune_calls: list[str] = field(default_factory=list)
    sort_calls: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _package_name(spec: Path) -> str:
    stem = spec.name.split(".")[0]
    return "p_" + "".join(c if c.isalnum() else "_" for c in stem).lower()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rendered]:
    """Every package this machine can generate beyond the committed ones, written to disk."""
    out = Rendered()
    root = tmp_path_factory.mktemp("formatted")
    specs = [REFERENCE / m for m in OFFICIAL if (REFERENCE / m).is_file()] + _corpus_specs()
    specs.append(ROOT / "tests" / "data" / "evil.smithy.yaml")
    env = build_environment(None)

    def prune(source: str) -> str:
        out.prune_calls.append(source)
        return imports.prune_imports(source)

    def sort(source: str, first_party: str = "") -> str:
        out.sort_calls.append((source, first_party))
        return imports.sort_imports(source, first_party)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(package_module, "prune_imports", prune)
        mp.setattr(package_module, "sort_imports", sort)
        for spec in specs:
            result = load_spec(spec)
            if not result.ok or result.service is None:
                out.skipped.append(f"{spec.name}: does not validate yet")
                continue
            name = _package_name(spec)
            config = ServiceConfig(spec=spec, package=name, output=root / name)
            try:
                files = render_package(result.service, config, env, Formatter(None))
            except Exception as exc:  # another engineer's open bug; this test proves the style
                out.skipped.append(f"{spec.name}: does not render yet ({exc})")
                continue
            files.update(scaffold_files(result.service, config, env))
            for rel, text in files.items():
                (root / name / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / name / rel).write_text(text, encoding="utf-8")
            out.packages[name] = root / name
    yield out


# black's CLI with the collector's thresholds raised: black allocates millions of short-lived
# nodes, and collecting them over and over is a third of its time (the output is the same).
_BLACK = (
    "import gc, sys; gc.set_threshold(100_000, 50, 1000); import black; "
    "sys.argv[0] = 'black'; black.patched_main()"
)


def _black_check(*folders: Path, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    # No -l: the line length comes from the package's own pyproject.toml (`config`, when one run
    # covers several packages that declare the same settings). --fast skips black's own
    # AST-equivalence check, which cannot change whether it would reformat.
    args = ["--check", "--fast", *(["--config", str(config)] if config else []), "."]
    cwd = folders[0] if len(folders) == 1 else folders[0].parent
    if len(folders) > 1:
        args = [*args[:-1], *(str(f) for f in folders)]
    return subprocess.run(
        [sys.executable, "-c", _BLACK, *args], capture_output=True, text=True, cwd=cwd
    )


def _ruff_format_check(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
        capture_output=True,
        text=True,
        cwd=folder,
    )


@pytest.mark.parametrize("package", COMMITTED)
def test_committed_package_is_unchanged_by_black_and_ruff_with_its_own_settings(
    package: str,
) -> None:
    folder = ROOT / "generated" / package
    black = _black_check(folder)
    assert black.returncode == 0, black.stderr[-3000:]
    ruff = _ruff_format_check(folder)
    assert ruff.returncode == 0, ruff.stdout[-3000:]


def test_generated_packages_are_unchanged_by_black_and_ruff(rendered: Rendered) -> None:
    # The full official models are required where the reference folder exists; corpus specs
    # count when they generate (making more of them generate is other work).
    expected = {_package_name(REFERENCE / m) for m in OFFICIAL if (REFERENCE / m).is_file()}
    assert expected <= set(rendered.packages), rendered.skipped
    assert "p_evil" in rendered.packages
    # One black run over all of them keeps both cores busy; that is only the same as a run per
    # package because they all declare the same settings, which is checked first.
    folders = list(rendered.packages.values())
    declared = {
        json.dumps(tomllib.loads((f / "pyproject.toml").read_text())["tool"]["black"])
        for f in folders
    }
    assert len(declared) == 1, declared
    black = _black_check(*folders, config=folders[0] / "pyproject.toml")
    assert black.returncode == 0, black.stderr[-3000:]
    failures = []
    for name, folder in rendered.packages.items():
        ruff = _ruff_format_check(folder)
        if ruff.returncode != 0:
            failures.append(f"{name} (ruff format):\n{ruff.stdout[-2000:]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("package", COMMITTED)
def test_package_declares_the_formatter_settings_it_was_made_with(package: str) -> None:
    data = tomllib.loads((ROOT / "generated" / package / "pyproject.toml").read_text())
    assert data["tool"]["black"]["line-length"] == LINE_LENGTH
    assert data["tool"]["black"]["target-version"] == [TARGET_VERSION]
    assert data["tool"]["ruff"]["line-length"] == LINE_LENGTH
    assert data["tool"]["ruff"]["target-version"] == TARGET_VERSION


def test_black_fallback_makes_the_same_bytes_as_ruff() -> None:
    config = load_config(Diagnostics(), ROOT)
    assert config is not None
    env = build_environment(None)
    for svc in config.services:
        result = load_spec(svc.spec)
        assert result.service is not None
        by_ruff = render_package(result.service, svc, env, Formatter(None, "ruff"))
        by_black = render_package(result.service, svc, env, Formatter(None, "black"))
        assert by_ruff == by_black, svc.package


def test_invalid_python_is_reported_with_the_module_name() -> None:
    for engine in ("ruff", "black"):
        with pytest.raises(RuntimeError, match=r"pkg/broken\.py"):
            Formatter(None, engine).format_many({"pkg/ok.py": "x = 1\n", "pkg/broken.py": "def (:"})


def test_import_pass_matches_the_ast_version_on_every_generated_module(
    rendered: Rendered,
) -> None:
    assert len(rendered.prune_calls) > 50
    for source in rendered.prune_calls:
        assert imports.prune_imports(source) == imports_reference.prune_imports(source)
    for source, first_party in rendered.sort_calls:
        expected = imports_reference.sort_imports(source, first_party)
        assert imports.sort_imports(source, first_party) == expected


EDGE_CASES = [
    # names only in strings, comments, attributes, keyword arguments and definitions: unused
    "from a import x, y, z, w, v\n\ns = 'x'  # y\nq.z = 1\nf(w=2)\ndef v(): pass\n",
    # a prefixed string, a raw string with an escaped quote, a triple-quoted one holding code
    "from a import x, y, z\n\nb = rb'x'\nr = r'\\'y'\n'''\nimport z\nz\n'''\n",
    # f-strings: code inside fields counts, literal text does not; {{ }} are not fields
    "from a import x, y, z, w\n\nf'{x!r:>{y}} z {{w}}'\nf\"{ {'k': 1}['k'] }\"\n",
    # used in a decorator, an annotation, a default, a subscript, a walrus, __all__
    "from a import A, B, C, D, E, F\n\n@A\ndef f(p: B = C) -> D[E]:\n    (q := 1)\n"
    "__all__ = ['F']\n",
    # nested imports are not top-level (never pruned) and their names are not uses
    "import os\nfrom a import x\n\ndef f():\n    from a import x\n    import os\n    return 1\n",
    # multi-line and aliased imports; a star import is kept; __future__ is kept
    "from __future__ import annotations\n\nfrom a import (\n    x as y,\n    z,\n)\n"
    "from b import *  # noqa: F403\nimport c.d\n\nprint(y)\nc.d.e()\n",
    # Ellipsis followed by a name on the next line is not an attribute access
    "from a import x\n\nv = ...\nx\n",
    # a docstring and comments before the imports; unsorted sections and names
    '"""Doc with import x."""\n\n# comment\nfrom .z import b, A\nimport sys\nfrom typing import '
    "Any, TYPE_CHECKING\nimport json\nfrom pkg.m import q\n\nprint(A, b, sys, Any, json, q, "
    "TYPE_CHECKING)\n",
]


@pytest.mark.parametrize("source", EDGE_CASES)
def test_import_pass_matches_the_ast_version_on_edge_cases(source: str) -> None:
    assert imports.prune_imports(source) == imports_reference.prune_imports(source)
    assert imports.sort_imports(source, "pkg") == imports_reference.sort_imports(source, "pkg")


def test_a_missing_formatter_is_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.render.format as format_module

    broken = tmp_path / "ruff"
    broken.write_bytes(b"\x7fELF not really")
    broken.chmod(0o755)
    format_module.ruff_binary.cache_clear()
    monkeypatch.setattr(format_module, "ruff_binary", lambda: str(broken))
    with pytest.raises(format_module.FormatterUnavailable, match="cannot run"):
        Formatter(None, "ruff").identity  # noqa: B018
    monkeypatch.setattr(format_module, "ruff_binary", lambda: None)
    with pytest.raises(format_module.FormatterUnavailable, match="ruff is not installed"):
        Formatter(None, "ruff").identity  # noqa: B018
    assert format_module.default_engine() == "black"


def test_ruff_version_is_kept_by_the_binarys_stamp(tmp_path: Path) -> None:
    import os

    from generator.render import format as fmt

    binary = tmp_path / "ruff"
    binary.write_text("#!/bin/sh\necho ruff 1.2.3\n")
    binary.chmod(0o755)
    cache = tmp_path / "cache"
    fmt._ruff_version.cache_clear()
    try:
        assert fmt._ruff_version(str(binary), cache) == "1.2.3"
        assert [p.read_text() for p in cache.glob("ruff-version-*")] == ["1.2.3"]
        fmt._ruff_version.cache_clear()
        binary.chmod(0o644)  # cannot run: the answer must come from the cache
        assert fmt._ruff_version(str(binary), cache) == "1.2.3"
        # Another binary in its place, even with the old mtime: asked again.
        old = binary.stat()
        binary.write_text("#!/bin/sh\necho ruff 0.0.0-another\n")
        binary.chmod(0o755)
        os.utime(binary, ns=(old.st_atime_ns, old.st_mtime_ns))
        fmt._ruff_version.cache_clear()
        assert fmt._ruff_version(str(binary), cache) == "0.0.0-another"
        stored = {p.read_text() for p in cache.glob("ruff-version-*")}
        assert stored == {"1.2.3", "0.0.0-another"}
    finally:
        fmt._ruff_version.cache_clear()


def test_the_cache_keeps_each_module_as_finished_and_runs_no_step_on_a_hit(
    tmp_path: Path,
) -> None:
    calls: list[str] = []

    def prepare(name: str, source: str) -> str:
        calls.append(f"prepare {name}")
        return source

    def finish(text: str) -> str:
        calls.append("finish")
        return text + "# finished\n"

    sources = {"pkg/a.py": "x  =  1\n", "pkg/b.py": "y = [ 1,2 ]\n"}
    first = Formatter(tmp_path, "ruff").format_many(sources, prepare, "salt", finish)
    assert first == {"pkg/a.py": "x = 1\n# finished\n", "pkg/b.py": "y = [1, 2]\n# finished\n"}
    assert sorted(calls) == ["finish", "finish", "prepare pkg/a.py", "prepare pkg/b.py"]
    calls.clear()
    again = Formatter(tmp_path, "ruff")
    assert again.format_many(sources, prepare, "salt", finish) == first
    assert calls == [] and again.hits == 2
    # Without the finishing step the same module is another entry, not the finished text.
    plain = Formatter(tmp_path, "ruff")
    assert plain.format_many(sources, prepare, "salt") == {
        "pkg/a.py": "x = 1\n",
        "pkg/b.py": "y = [1, 2]\n",
    }
    assert plain.misses == 2


def test_a_full_format_cache_is_trimmed_to_its_newest_entries_well_below_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import generator.render.format as format_module

    monkeypatch.setattr(format_module, "MAX_CACHED_MODULES", 8)
    formatter = Formatter(tmp_path, "ruff")
    for i in range(8):
        formatter.format_many({f"m{i}.py": f"x = {i}\n"})
    entries = sorted(p for p in tmp_path.rglob("*") if p.is_file() and len(p.name) == 64)
    assert len(entries) == 8  # at the limit: nothing trimmed
    for age, path in enumerate(sorted(entries, key=lambda p: p.read_text())):
        os.utime(path, (1000 + age, 1000 + age))  # m0 oldest ... m7 newest
    formatter.format_many({"m8.py": "x = 8\n"})  # the ninth: over the limit
    left = sorted(p.read_text() for p in tmp_path.rglob("*") if p.is_file() and len(p.name) == 64)
    # Trimmed to three quarters of the limit, the newest kept: m8 (just written), m7 ... m3.
    assert left == [f"x = {i}\n" for i in range(3, 9)]


def _python_modules(rendered: Rendered) -> Iterator[str]:
    for folder in [*(ROOT / "generated" / p for p in COMMITTED), *rendered.packages.values()]:
        for path in sorted(folder.rglob("*.py")):
            yield path.read_text(encoding="utf-8")


def test_long_line_scan_matches_the_tokenize_version_on_every_generated_module(
    rendered: Rendered,
) -> None:
    seen = 0
    for text in _python_modules(rendered):
        assert longlines.string_lines(text) == longlines_reference.string_lines(text)
        seen += 1
    assert seen > 100


LONG_LINE_CASES = [
    # a docstring, a multi-line string in brackets (not a docstring), a prefixed one (not one)
    'def f():\n    """Doc\n    more."""\n    x = (\n        """a\nb"""\n    )\n    r"""c\nd"""\n',
    # quotes and brackets inside comments and strings change nothing
    "x = 1  # it's (\n'''doc'''\ny = \"(\"  # \"\"\"\n'''two\nlines'''\n",
    # escaped quotes, an f-string, a string after a colon on the same line
    's = \'a\\\'b\'\nt = f"{s!r}"\ndef g(): \'\'\'not\na docstring\'\'\'\n"""x\\"""y"""\n',
    # a backslash continuation before a string: not a statement start
    "x = \\\n'''continued\nstring'''\n",
    # a docstring after a dedent and a decorator; a string first in a bracketed argument list
    "class A:\n    def f(self):\n        pass\n\n\n'''after\ndedent'''\n"
    "@d(\n'''arg'''\n)\ndef g(): ...\n",
]


@pytest.mark.parametrize("source", LONG_LINE_CASES)
def test_long_line_scan_matches_the_tokenize_version_on_edge_cases(source: str) -> None:
    assert longlines.string_lines(source) == longlines_reference.string_lines(source)


def test_a_long_docstring_line_is_wrapped_and_a_long_code_line_marked() -> None:
    words = " ".join(["word"] * 30)
    source = (
        f'def f() -> None:\n    """{words}\n\n    Args:\n        name: {words}\n    """\n'
        f'    value = "{words}" + "{words}"\n'
    )
    fitted = longlines.fit_long_lines(source)
    assert all(
        len(line) <= LINE_LENGTH for line in fitted.split("\n") if "# noqa" not in line
    ), fitted
    # The docstring's words are all there, an Args item continues with a hanging indent.
    assert fitted.count("word") == source.count("word")
    assert "\n            word" in fitted
    assert fitted.split("\n")[-2].endswith("  # noqa: E501")
