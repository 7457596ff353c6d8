"""Drop unused names from a generated module's imports, then sort the leading import block.

Templates import everything a module *may* need (a models module may or may not have a
timestamp); deciding per name in every template would scatter that logic. One pass over the
rendered module decides instead, so output stays ruff-clean (F401, I001).

Why a scanner and not `ast`: parsing every module with `ast` twice (once to prune, once to sort)
was 12 % of a cold run under black and about 2 s of the 4 s left once black was gone (a full
model's test modules are ~1 MB each). Whether an imported name is used needs only the module's
tokens: one regular expression skips comments, strings, attribute names (`x.name`), keyword
arguments (`f(name=...)`), names being defined (`def name`, `class name`) and import
statements, and what is left are the names the module reads or binds, as `ast.Name` sees them.
f-strings are the one place where code hides inside a string: their `{...}` fields are scanned
too. tests/test_imports.py checks the result against the `ast` version on every module of every
spec the tests generate.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

# A string literal's body, as an "unrolled loop": runs of ordinary characters are taken whole
# (possessively), so a long docstring costs one step per escape or quote, not per character.
STRING_BODY = (
    r'''(?:"""[^"\\]*+(?:(?:\\.|"(?!""))[^"\\]*+)*+"""'''
    r"""|'''[^'\\]*+(?:(?:\\.|'(?!''))[^'\\]*+)*+'''"""
    r'''|"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"'''
    r"""|'[^'\\\n]*+(?:\\.[^'\\\n]*+)*+')"""
)
_NAME = r"[^\W\d]\w*"

# One token per match; `lastgroup` names its kind. Order matters: import statements (top-level
# ones at column 0 are captured, nested ones skipped: their names are not uses) and
# definitions before names, names before strings (a string prefix looks like a name; the
# possessive `\w*+` and the lookahead hand `rb"..."` on to the string branch). The leading
# lookahead fails fast on the many positions where no token starts (spaces, operators), which
# halves the time of the scan.
_SCAN = re.compile(
    rf"""
    (?=[\w"'\#.(,])
    (?:
        (?P<imp>^(?:from[ \t]+\.*[\w.]*[ \t]+)?import\b(?:[^\n(\\]*\([^)]*\)[^\n]*|[^\n]*))
      | (?P<skip>
            \b(?:from[ \t]+\.*[\w.]*[ \t]+)?import\b(?:[^\n(\\]*\([^)]*\)[^\n]*|[^\n]*)
          | \b(?:def|class)\s+{_NAME}
        )
      | (?P<name>[^\W\d]\w*+)(?![\"'])
      | (?P<other>
            \#[^\n]*
          | (?:[rRbBuU]|[bB][rR]|[rR][bB])?{STRING_BODY}
          | \.\.\.
          | \.\s*{_NAME}
          | [(,]\s*{_NAME}\s*=(?!=)
          | \d\w*
        )
      | (?P<f>(?:[fF]|[fF][rR]|[rR][fF]){STRING_BODY})
    )
    """,
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)
_ALL = re.compile(r"^__all__[ \t]*=[ \t]*[\[(]([^\])]*)[\])]", re.MULTILINE)
_ALL_ITEM = re.compile(r"""["']([^"']*)["']""")
_IMPORT = re.compile(
    r"(?:from[ \t]+(?P<dots>\.*)(?P<module>[\w.]*)[ \t]+)?"
    r"import[ \t]+\(?(?P<names>.*?)\)?[ \t]*(?:#.*)?$",
    re.DOTALL,
)


@dataclass
class _Import:
    start: int  # offsets of the statement in the source (end excludes the newline)
    end: int
    level: int  # leading dots of a relative import
    module: str | None  # None for `import x`
    names: list[tuple[str, str | None]]  # (name, asname)
    comment: str  # an end-of-line comment, "" if none

    @property
    def is_from(self) -> bool:
        return self.module is not None

    def render(self, names: list[tuple[str, str | None]]) -> str:
        joined = ", ".join(n + (f" as {a}" if a else "") for n, a in names)
        if self.module is None:
            return f"import {joined}"
        return f"from {'.' * self.level}{self.module} import {joined}"


def _parse_import(text: str, start: int) -> _Import:
    m = _IMPORT.fullmatch(text.strip())
    if m is None:  # only templates write imports; a form this parser does not know is a bug
        raise ValueError(f"cannot read the import statement {text!r}")
    comment = ""
    if "\n" not in text.strip() and "#" in text:
        comment = text[text.index("#") :].rstrip()
    names: list[tuple[str, str | None]] = []
    for part in re.sub(r"#[^\n]*", "", m["names"]).replace("\\\n", " ").split(","):
        words = part.split()
        if not words:
            continue
        names.append((words[0], words[2] if len(words) == 3 and words[1] == "as" else None))
    is_from = m.group(0).startswith("from")
    return _Import(
        start=start,
        end=start + len(text.rstrip("\n")),
        level=len(m["dots"] or ""),
        module=(m["module"] or "") if is_from else None,
        names=names,
        comment=comment,
    )


def _scan(source: str, used: set[str], imports: list[_Import] | None) -> None:
    for m in _SCAN.finditer(source):
        group = m.lastgroup
        if group == "name":
            used.add(m.group())
        elif group == "f":
            _scan_fstring(m.group(), used)
        elif group == "imp" and imports is not None:
            imports.append(_parse_import(m.group(), m.start()))


def _scan_fstring(token: str, used: set[str]) -> None:
    body = token.lstrip("fFrR")
    quote = body[:3] if body[:3] in ('"""', "'''") else body[0]
    body = body[len(quote) : -len(quote)]
    i, n = 0, len(body)
    while i < n:
        c = body[i]
        if c == "{":
            if body.startswith("{{", i):
                i += 2
                continue
            depth, j = 1, i + 1
            while j < n and depth:
                if body[j] == "{":
                    depth += 1
                elif body[j] == "}":
                    depth -= 1
                j += 1
            # The field: expression, then maybe !conversion and :format spec. Scanning it all
            # may also see a spec's letters as names, which only keeps an import alive.
            _scan(body[i + 1 : j - 1], used, None)
            i = j
        else:
            i += 1


def _module_all(source: str) -> set[str]:
    names: set[str] = set()
    for m in _ALL.finditer(source):
        names.update(_ALL_ITEM.findall(m.group(1)))
    return names


def _top_level_imports(source: str) -> tuple[list[_Import], set[str]]:
    used: set[str] = set()
    imports: list[_Import] = []
    _scan(source, used, imports)
    used |= _module_all(source)
    return imports, used


def prune_imports(source: str) -> str:
    imports, used = _top_level_imports(source)
    edits: list[tuple[int, int, str]] = []
    for imp in imports:
        if imp.module == "__future__" and imp.level == 0:
            continue
        if any(name == "*" for name, _ in imp.names):
            continue
        keep = [(n, a) for n, a in imp.names if (a or n).split(".")[0] in used]
        if len(keep) == len(imp.names):
            continue
        # The statement goes with its line break; a shortened one is rewritten on one line.
        end = imp.end + 1 if source[imp.end : imp.end + 1] == "\n" else imp.end
        edits.append((imp.start, end, imp.render(keep) + "\n" if keep else ""))
    for start, end, text in reversed(edits):
        source = source[:start] + text + source[end:]
    return source


def _name_key(name: str) -> tuple[int, str, str]:
    # isort/ruff "order-by-type": CONSTANTS, then Classes, then everything else; within each,
    # case-insensitive (`SessionsStatistics` before `SessionSummary`).
    if name.isupper() and len(name) > 1:
        return (0, name.lower(), name)
    if name[:1].isupper():
        return (1, name.lower(), name)
    return (2, name.lower(), name)


def _section(imp: _Import, first_party: str) -> int:
    if imp.is_from:
        if imp.module == "__future__" and not imp.level:
            return 0
        if imp.level:
            return 4
        top = (imp.module or "").split(".")[0]
    else:
        top = imp.names[0][0].split(".")[0]
    if top == first_party:
        return 3
    return 1 if top in sys.stdlib_module_names else 2


# What may stand before the first import: blank lines, comments and docstrings.
_PREAMBLE = re.compile(
    r"(?:[ \t]*(?:\#[^\n]*)?\n"
    rf"|(?:[rRbBuU]|[bB][rR]|[rR][bB])?{STRING_BODY}[ \t]*(?:\#[^\n]*)?\n)*",
    re.DOTALL,
)
_BLOCK_ITEM = re.compile(
    r"(?:from[ \t]+\.*[\w.]*[ \t]+)?import\b(?:[^\n(\\]*\([^)]*\)[^\n]*|[^\n]*)\n?"
    r"|[ \t]*(?:#[^\n]*)?\n"
)


def sort_imports(source: str, first_party: str = "") -> str:
    """Rewrite the leading import block in the order ruff's isort rules (I001) expect."""
    pos = _PREAMBLE.match(source).end()  # type: ignore[union-attr]  # matches "" at worst
    block: list[_Import] = []
    while pos < len(source):
        m = _BLOCK_ITEM.match(source, pos)
        if m is None or not m.group():
            break
        if m.group().strip():
            text = m.group()
            if text.lstrip().startswith("#"):
                pos = m.end()
                continue
            block.append(_parse_import(text, m.start()))
        pos = m.end()
    if not block:
        return source
    sections: dict[int, list[tuple[tuple[int, str], str]]] = {}
    for imp in block:
        names = sorted(imp.names, key=lambda na: _name_key(na[0]))
        text = imp.render(names)
        if imp.is_from:
            module = "." * imp.level + (imp.module or "")
            # Relative imports: "from . import x" sorts before "from .a import y".
            key = (1, module.lower() if not imp.level else module.lstrip(".").lower())
        else:
            key = (0, imp.names[0][0].lower())
        # Keep an end-of-line comment (a noqa marker, say) of a one-line import.
        if imp.comment:
            text += "  " + imp.comment
        sections.setdefault(_section(imp, first_party), []).append((key, text))
    out: list[str] = []
    for section in sorted(sections):
        entries = sorted(sections[section], key=lambda e: f"{e[0][0]}\x00{e[0][1]}\x00{e[1]}")
        out.append("\n".join(text for _, text in entries) + "\n")
    first = block[0].start
    last = block[-1].end
    rest = source[last:]
    if rest.startswith("\n"):
        rest = rest[1:]
    # Comments between imports are not expected in generated modules; the block is replaced.
    return source[:first] + "\n".join(out) + rest
