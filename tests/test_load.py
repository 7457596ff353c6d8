"""Load: `.json` is strict JSON with positions; syntax errors point where the mistake is."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics, Severity
from generator.load import load_document
from support import REFERENCE, col_of, find, line_of, needs_reference, spec_from_text

SMITHY_JSON = """\
{
  "smithy": "2.0",
  "shapes": {
    "a.b#Name": {"type": "string"},
    "a.b#Size": {"type": "integer"}
  }
}
"""


def _syntax(tmp_path: Path, text: str, name: str) -> tuple[tuple[int, int], str, str]:
    result, body = spec_from_text(tmp_path, text, name=name)
    [event] = find(result.diagnostics.events, "Syntax")
    assert event.severity is Severity.ERROR and event.hint
    assert result.service is None
    return (event.location.line, event.location.col), event.message, body


def test_json_trailing_comma_is_an_error_at_the_comma(tmp_path: Path) -> None:
    text = SMITHY_JSON.replace(
        '"a.b#Size": {"type": "integer"}\n', '"a.b#Size": {"type": "integer"},  // <- COMMA\n'
    ).replace("  // <- COMMA", "")
    where, message, body = _syntax(tmp_path, text, "spec.json")
    assert "trailing comma" in message
    assert where == (5, col_of(body, '"a.b#Size"', "},") + 1)


def test_json_trailing_comma_in_an_array(tmp_path: Path) -> None:
    text = '{\n  "smithy": "2.0",\n  "list": [1, 2,\n  ]\n}\n'
    where, message, _ = _syntax(tmp_path, text, "spec.json")
    assert where == (3, 16) and "trailing comma before ']'" in message


def test_the_same_text_as_yaml_is_read_as_yaml(tmp_path: Path) -> None:
    # YAML forgives a trailing comma in a flow mapping: only .json files are strict.
    text = SMITHY_JSON.replace('"integer"}\n', '"integer"},\n')
    result, _ = spec_from_text(tmp_path, text, name="spec.yaml")
    assert not find(result.diagnostics.events, "Syntax")


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('{\n  "smithy": "2.0,\n  "x": 1\n}\n', (2, 13), "not closed before the end of its line"),
        ('{\n  "smithy": "2.0"', (1, 1), "never closed"),
        ("{\n  'smithy': 1\n}\n", (2, 3), "single quote"),
        ('{\n  "smithy": 1 // note\n}\n', (2, 15), "comments are not allowed"),
        ('{\n  "a": NaN\n}\n', (2, 8), "NaN is not a JSON value"),
        ('{\n  "a": 1\n  "b": 2\n}\n', (3, 3), "expected ',' or '}'"),
        ('{\n  "a" 1\n}\n', (2, 7), "':' after the key 'a'"),
        ('{"a": 1}\n{"b": 2}\n', (2, 1), "after the end"),
        ('{"a": "\\q"}', (1, 8), "invalid \\escape"),
        ("", (1, 1), "empty"),
    ],
)
def test_json_errors_are_located(
    tmp_path: Path, text: str, where: tuple[int, int], words: str
) -> None:
    got, message, _ = _syntax(tmp_path, text, "spec.json")
    assert got == where, message
    assert words in message


def test_json_numbers_keep_json_meaning(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"a": 1e5, "b": -0, "c": 1.5, "d": "\\u00e9\\/", "e": [true, null]}')
    doc = load_document(path, Diagnostics())
    assert doc is not None
    assert doc.data == {"a": 100000.0, "b": 0, "c": 1.5, "d": "é/", "e": [True, None]}
    assert isinstance(doc.data["a"], float)  # YAML 1.1 would have read the string "1e5"


def test_json_positions_and_key_positions(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(SMITHY_JSON)
    doc = load_document(path, Diagnostics())
    assert doc is not None
    size = ("shapes", "a.b#Size")
    assert doc.loc(size, key=True).line == 5 and doc.loc(size, key=True).col == 5
    assert (doc.loc(size).line, doc.loc(size).col) == (5, 17)
    assert (doc.loc(size + ("type",)).line, doc.loc(size + ("type",)).col) == (5, 26)
    # Columns count characters, not bytes.
    path.write_text('{"é": {"ü": 1}}')
    doc = load_document(path, Diagnostics())
    assert doc is not None and doc.loc(("é", "ü")).col == 13


def test_json_duplicate_key_is_located(tmp_path: Path) -> None:
    text = SMITHY_JSON.replace(
        '    "a.b#Size": {"type": "integer"}\n',
        '    "a.b#Size": {"type": "integer"},\n    "a.b#Size": {"type": "long"}\n',
    )
    result, _ = spec_from_text(tmp_path, text, name="spec.json")
    [event] = find(result.diagnostics.events, "DuplicateKey")
    assert (event.location.line, event.location.col) == (6, 5)


def test_json_nesting_limit(tmp_path: Path) -> None:
    text = '{"smithy": ' + "[" * 200 + "]" * 200 + "}"
    result, _ = spec_from_text(tmp_path, text, name="deep.json")
    [event] = find(result.diagnostics.events, "NestingDepth")
    assert event.location.line == 1 and event.location.col > 100


def test_yaml_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:
    text = (
        'smithy: "2.0"\n'
        "shapes:\n"
        "  a.b#Thing:\n"
        "    type: string\n"
        '    traits: {smithy.api#documentation: "never closed}  # <- QUOTE\n'
        "  a.b#Other: {type: string}\n"
    )
    where, message, body = _syntax(tmp_path, text, "spec.yaml")
    assert where == (line_of(body, "<- QUOTE"), col_of(body, "<- QUOTE", '"never'))
    assert "never closed" in message


def test_yaml_unclosed_single_quote(tmp_path: Path) -> None:
    where, message, _ = _syntax(tmp_path, "a: 1\nb: 'it is\nc: 2\n", "spec.yaml")
    assert where == (2, 4) and "quote is never closed" in message


def test_yaml_unclosed_bracket_is_reported_where_it_opens(tmp_path: Path) -> None:
    where, message, _ = _syntax(tmp_path, "a: [1, 2\nb: 3\n", "spec.yaml")
    assert where == (1, 4) and "flow sequence that starts here" in message


@needs_reference
def test_official_json_model_loads_fast() -> None:
    path = REFERENCE / "smithy" / "deadline-2023-10-12.json"
    start = time.perf_counter()
    doc = load_document(path, Diagnostics())
    elapsed = time.perf_counter() - start
    assert doc is not None and doc.data == json.loads(path.read_text())
    assert elapsed < 1.0, elapsed  # ~0.1 s here; libyaml takes ~0.4 s
