"""Hostile specs: spec text never becomes code, generated code imports and type-checks, nothing
is written outside the output folder, and no control or bidi character reaches a generated file.

`tests/data/evil.openapi.yaml` and `tests/data/evil.smithy.yaml` put quotes, backslashes, triple
quotes, newlines, bidi overrides, keywords, dunders, builtins and the modules' own names where
names and text go. Payloads call PWNED(), so "no spec text in
code" is checked by tokenizing every generated module: PWNED is never a token of its own
outside strings, docstrings and comments (names derived from it, `EvilAPIPWNEDClient`, are).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tokenize
import unicodedata
from pathlib import Path

import pytest

from generator.config import ServiceConfig
from generator.pipeline import load_spec
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.package import render_package, scaffold_files
from support import ROOT

DATA = ROOT / "tests" / "data"
# Tokens whose content is text, not code.
_TEXT_TOKENS = {tokenize.STRING, tokenize.COMMENT, *(getattr(tokenize, "FSTRING_MIDDLE", -1),)}
# Characters that reorder or hide text (Trojan Source) or control a terminal.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _render(spec: Path, package: str, out: Path) -> dict[str, str]:
    result = load_spec(spec)
    assert result.ok, [e.format() for e in result.diagnostics.events]
    assert result.service is not None
    config = ServiceConfig(spec=spec, package=package, output=out)
    files = render_package(result.service, config, build_environment(None), Formatter(None))
    files.update(scaffold_files(result.service, config, build_environment(None)))
    for rel, text in files.items():
        target = (out / rel).resolve()
        # Nothing the spec names may lead outside the output folder.
        assert target.is_relative_to(out.resolve()), rel
        assert not Path(rel).is_absolute() and ".." not in Path(rel).parts, rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def evil_openapi(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    out = tmp_path_factory.mktemp("evil_openapi")
    return out, _render(DATA / "evil.openapi.yaml", "evil_api", out)


@pytest.fixture(scope="module")
def evil_smithy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    out = tmp_path_factory.mktemp("evil_smithy")
    return out, _render(DATA / "evil.smithy.yaml", "evil_client", out)


def _code_outside_text(source: str) -> list[tokenize.TokenInfo]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [t for t in tokens if t.type not in _TEXT_TOKENS]


@pytest.mark.parametrize("which", ["evil_openapi", "evil_smithy"])
def test_spec_text_stays_in_strings_docstrings_and_comments(
    which: str, request: pytest.FixtureRequest
) -> None:
    _, files = request.getfixturevalue(which)
    python = {rel: text for rel, text in files.items() if rel.endswith(".py")}
    assert python
    for rel, text in python.items():
        compile(text, rel, "exec")  # every module parses
        for token in _code_outside_text(text):
            # Names derived from spec text (`EvilAPIPWNEDClient`, `IMPORT_OS_PWNED`) are fine:
            # they went through the symbol provider. A payload that escaped would be code.
            assert token.string not in ("PWNED", "system", "__import__"), (rel, token)
            if token.type == tokenize.NAME:
                # Names are ASCII: no homoglyphs, no invisible characters in identifiers.
                assert token.string.isascii(), (rel, token)


@pytest.mark.parametrize("which", ["evil_openapi", "evil_smithy"])
def test_no_control_or_bidi_characters_in_generated_files(
    which: str, request: pytest.FixtureRequest
) -> None:
    _, files = request.getfixturevalue(which)
    for rel, text in files.items():
        bad = {
            f"U+{ord(ch):04X}"
            for ch in text
            if ch in _BIDI or (unicodedata.category(ch) in ("Cc", "Cf") and ch != "\n")
        }
        assert not bad, (rel, sorted(bad))


def test_hostile_openapi_package_imports_and_keeps_the_text(
    evil_openapi: tuple[Path, dict[str, str]],
) -> None:
    out, _ = evil_openapi
    script = (
        "import builtins, json, evil_api, evil_api.models as m, evil_api.errors as e\n"
        "assert builtins.Exception is Exception\n"
        "print(json.dumps({\n"
        "    'fields': sorted(m.Init.__dataclass_fields__),\n"
        "    'colors': [c.name for c in m.Color],\n"
        "    'levels': [c.name for c in m.Level],\n"
        "    'color_doc': m.Color.__doc__,\n"
        "    'op_doc': evil_api.EvilAPIPWNEDClient.import_.__doc__,\n"
        "    'base': e.ExceptionError.__mro__[1].__name__,\n"
        "    'roundtrip': m.Color('\\u202eRLO').value == '\\u202eRLO',\n"
        "}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=out, encoding="utf-8"
    )
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    fields, colors, levels = got["fields"], got["colors"], got["levels"]
    color_doc, op_doc = got["color_doc"], got["op_doc"]
    # Legal names become ASCII identifiers, told apart deterministically; none is refused.
    for name in (
        "u65e5_u672c_u8a9e",  # 日本語
        "omega",  # Ω
        "import_",  # __import__
        "def_",
        "return_",
        "str_",  # would shadow the annotation type
        "to_dict_",
        "response_metadata_",
        "mixed_case",
        "mixed_case_2",
        "dollar_sign",  # $
        "member",  # the empty property name
        "evil",  # \u202eevil
        "new_line",
        "tri_ple",
        "back_slash",
    ):
        assert name in fields, (name, fields)
    assert "FULL_STOP" in colors and "HYPHEN_MINUS" in colors and "VALUE" in colors  # "" too
    assert "IN_PROGRESS" in colors and "IN_PROGRESS_2" in colors
    assert "NONE" in colors and "CLASS" in colors and "MISSING" in colors
    assert levels == ["MINUS_1", "V_1", "V_0"]
    # Docstrings keep the spec's words, minus the bidi override.
    assert "Colors" in color_doc and "PWNED" in color_doc and "\u202e" not in color_doc
    assert '"""' in op_doc and "PWNED" in op_doc
    assert got["base"] == "EvilAPIPWNEDError"  # `Exception` is renamed, never the builtin
    assert got["roundtrip"] is True


@pytest.mark.parametrize(("which", "package"), [("evil_openapi", "evil_api")])
def test_hostile_package_passes_mypy_strict_and_ruff(
    which: str, package: str, request: pytest.FixtureRequest
) -> None:
    out, _ = request.getfixturevalue(which)
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", package],
        capture_output=True,
        text=True,
        cwd=out,
    )
    assert mypy.returncode == 0, mypy.stdout
    # E501: a 130-character property name makes a line longer than 100 that no formatter can
    # wrap; everything else must be clean (RUF100: the generated tests mark such lines of
    # theirs with a noqa comment for E501, which is unused once E501 is ignored).
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--ignore", "E501,RUF100", "."],
        capture_output=True,
        text=True,
        cwd=out,
    )
    assert ruff.returncode == 0, ruff.stdout
