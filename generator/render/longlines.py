"""The lines of a formatted module that black cannot wrap, made to fit (or marked).

A docstring line (a long service or operation name in a sentence) is wrapped at its spaces,
which changes nothing a reader or tool sees; a code line (a long enum value or method name, a
string padded to its minimum length) gets `# noqa: E501`. Only lines ruff flags are touched (an
unused noqa is a finding too): ruff measures a line without its pragma comment, and lets a
single long word be, and a URL that starts within the limit.

Why a scanner and not `tokenize`: whether a line is inside a string or a docstring needs only
where the strings, comments and brackets are, and the pure-Python tokenizer took 70 ms on the
full Azure Batch client, the largest part of what a one-operation edit re-does. One regular
expression finds the strings and comments (the string grammar of the import pass), and the
brackets between them are counted with `str.count`. tests/test_format.py checks the result
against the `tokenize` version on every module of every package the tests generate.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

from generator.render.format import LINE_LENGTH
from generator.render.imports import STRING_BODY

_PRAGMA = re.compile(r"\s+#\s*(type|noqa|pyright)\b.*$")
# A comment or a string literal, whichever starts first. A string's prefix (`r`, `b`, `f`...)
# is left out: it changes neither the lines the string spans (a backslash escapes a quote in a
# raw string too, for the tokenizer) nor whether it is a docstring (a prefixed one is not).
_LEXEME = re.compile(rf"""(?=[\#"'])(?:(?P<comment>\#[^\n]*)|{STRING_BODY})""", re.DOTALL)


def fit_long_lines(text: str) -> str:
    """`text` with every line ruff would flag as too long wrapped (docstrings) or marked."""
    lines = text.split("\n")
    # Few lines are long: only a module with a candidate line is scanned.
    # A line of wide characters (CJK: two columns each) is long from half the limit.
    candidates = [
        i
        for i, line in enumerate(lines)
        if (len(line) > LINE_LENGTH or (len(line) > LINE_LENGTH // 2 and not line.isascii()))
        and _flagged_as_long(line)
    ]
    if not candidates:
        return text
    inside, docstrings = string_lines(text)
    wrapped: dict[int, list[str]] = {}
    for i in candidates:
        if i + 1 in docstrings:
            wrapped[i] = _wrap_docstring_line(lines[i], docstrings[i + 1])
        elif i + 1 not in inside:
            lines[i] += "  # noqa: E501"
    for i in sorted(wrapped, reverse=True):
        lines[i : i + 1] = wrapped[i]
    return "\n".join(lines)


def string_lines(text: str) -> tuple[set[int], dict[int, int]]:
    """Lines (1-based) that end inside a multi-line string (a comment there would change the
    string), and the lines of every docstring with the column its quotes open at. A docstring
    is a triple-quoted string without a prefix that starts a statement, as `tokenize` sees it:
    the first token of its line, outside brackets, after a line that does not continue with a
    backslash."""
    inside: set[int] = set()
    docstrings: dict[int, int] = {}
    depth = 0  # brackets open between the lexemes
    line, counted = 1, 0  # the line number of offset `counted`
    previous_end = 0
    for m in _LEXEME.finditer(text):
        start, end = m.start(), m.end()
        code = text[previous_end:start]
        depth += code.count("(") + code.count("[") + code.count("{")
        depth -= code.count(")") + code.count("]") + code.count("}")
        previous_end = end
        if m.lastgroup == "comment":
            continue
        line += text.count("\n", counted, start)
        counted = start
        last = line + text.count("\n", start, end)
        if last > line:
            inside.update(range(line, last))
        line_start = text.rfind("\n", 0, start) + 1
        if (
            text.startswith(('"""', "'''"), start)
            and depth <= 0
            and (start == line_start or text[line_start:start].isspace())
            and not text.endswith("\\\n", 0, line_start)
        ):
            column = start - line_start
            for n in range(line, last + 1):
                docstrings[n] = column
    return inside, docstrings


def _wrap_docstring_line(line: str, base: int) -> list[str]:
    """A long docstring line as several, broken at spaces only; an item of an Args-style list
    (indented past the docstring's own margin) continues with a hanging indent."""
    indent = len(line) - len(line.lstrip(" "))
    more = "    " if indent > base else ""
    if not line.isascii():
        return _wrap_wide(line, indent, more)
    out = textwrap.wrap(
        line.strip(" "),
        width=LINE_LENGTH,
        initial_indent=" " * indent,
        subsequent_indent=" " * indent + more,
        break_long_words=False,
        break_on_hyphens=False,
        replace_whitespace=False,
    )
    return out or [line]


def _wrap_wide(line: str, indent: int, more: str) -> list[str]:
    """`_wrap_docstring_line` for text with wide characters (CJK: two columns each, as ruff
    measures them), at its spaces."""
    out: list[str] = []
    current = ""
    for word in line.strip(" ").split(" "):
        pad = " " * indent + (more if out else "")
        candidate = f"{current} {word}" if current else pad + word
        if current and _width(candidate) > LINE_LENGTH:
            out.append(current)
            candidate = " " * indent + more + word
        current = candidate
    out.append(current)
    return out


def _width(text: str) -> int:
    """Columns the text takes, as ruff counts them for E501: East Asian wide and fullwidth
    characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _flagged_as_long(line: str) -> bool:
    measured = _PRAGMA.sub("", line)
    chunks = measured.split()
    if _width(measured) <= LINE_LENGTH or len(chunks) < 2 or "# noqa" in line:
        return False
    last = chunks[-1]
    return not ("://" in last and _width(measured) - _width(last) <= LINE_LENGTH)
