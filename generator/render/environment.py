"""The Jinja2 environment: template lookup (user overrides first) and escaping filters.

Spec text is untrusted: it reaches generated code only through `docstring`, `pystr` and
`comment`, and Markdown pages only through `md` and `mdcell`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import jinja2

from generator.naming import snake_case
from generator.render import precompiled
from generator.render.docs import first_sentence
from generator.render.locations import builtin_templates

BUILTIN_TEMPLATES = builtin_templates()


def visible_text(text: str) -> str:
    """Spec text as a reader of the generated files will see it: every printable character is
    kept (any script, emoji), newlines too; invisible format characters (bidi embeddings,
    overrides and isolates U+202A-U+202E and U+2066-U+2069, directional and zero-width marks,
    any Unicode `Cf`) are removed so no text can reorder what a reviewer sees ("Trojan Source",
    CVE-2021-42574); other control characters (tabs, ESC, BEL, line separators) become spaces.
    """
    if text.isprintable() or text.replace("\n", "").isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch == "\n" else "" if unicodedata.category(ch) == "Cf" else " "
        for ch in text
    )


# textwrap's whitespace, which its wrap() turns into spaces (after expanding tabs).
_TO_SPACES = str.maketrans("\t\n\x0b\x0c\r", "     ")
_SPACES = re.compile(r"( +)")


def wrap_words(text: str, width: int, subsequent_indent: str = "") -> list[str]:
    """`textwrap.wrap(text, width, subsequent_indent=..., break_long_words=False,
    break_on_hyphens=False)`, the same lines (tests/test_environment.py compares them), in a
    fraction of the time: a line that fits is returned at once, and the greedy fill runs over
    the words without TextWrapper's per-call object and general chunk handling. Docstrings
    wrap thousands of lines per package; textwrap was a twentieth of a one-operation edit."""
    text = text.expandtabs().translate(_TO_SPACES)
    if len(text) <= width:
        text = text.rstrip(" ")
        return [text] if text else []
    chunks = [c for c in _SPACES.split(text) if c]
    chunks.reverse()
    lines: list[str] = []
    while chunks:
        indent = subsequent_indent if lines else ""
        room = width - len(indent)
        if lines and chunks[-1][0] == " ":
            chunks.pop()  # a line after the first does not start with spaces
        line: list[str] = []
        used = 0
        while chunks and used + len(chunks[-1]) <= room:
            used += len(chunks[-1])
            line.append(chunks.pop())
        if chunks and not line and len(chunks[-1]) > room:
            line.append(chunks.pop())  # a word longer than the line stands alone
        if line and line[-1][0] == " ":
            line.pop()  # nor ends with them
        if line:
            lines.append(indent + "".join(line))
    return lines


# Pure, and the same text is wrapped several times per package (client.py, aio.py, the docs).
@lru_cache(maxsize=1 << 14)
def docstring(text: str, indent: int = 4, width: int = 90) -> str:
    """Body text for a triple-quoted docstring: wrapped, with quotes and backslashes escaped.

    The result never contains `\"\"\"` nor ends in a backslash or quote, so it cannot close the
    docstring early; non-ASCII text is kept (files are UTF-8).
    """
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').replace("\r", "")
    text = visible_text(text)
    pad = " " * indent
    lines: list[str] = []
    for para in text.split("\n\n"):
        for raw in para.split("\n"):
            lead = "  " if raw.startswith("- ") else ""
            lines.extend(wrap_words(raw, max(40, width - indent), lead) or [""])
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    body = ("\n" + pad).join(lines).replace("\n" + pad + "\n", "\n\n")
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    if body.endswith('"'):
        body += " "
    return body


def docitem(text: str, label: str, indent: int = 8, width: int = 90) -> str:
    """`label: text` for an Args/Attributes section, wrapped with a hanging indent."""
    body = docstring(f"{label}: {text}", indent + 4, width)
    return body


def pystr(value: object) -> str:
    """A Python string literal for any text."""
    return repr(str(value))


def comment(text: str) -> str:
    """One line of a `#` comment: visible characters only, whitespace collapsed."""
    return " ".join(visible_text(str(text)).split())


def md(text: str) -> str:
    """Markdown text from spec docs: HTML-significant characters neutralised, invisible and
    control characters as in `visible_text`."""
    return visible_text(str(text)).replace("<", "&lt;").replace(">", "&gt;")


def mdcell(text: str) -> str:
    """A single Markdown table cell: no newlines, no pipes."""
    return md(" ".join(str(text).split())).replace("|", "\\|")


def all_sorted(names: list[str]) -> list[str]:
    """`__all__` order as ruff's RUF022 wants it: CONSTANTS, Classes, then the rest."""

    # Case-sensitive within each group (unlike import lists, which ruff sorts ignoring case).
    def key(name: str) -> tuple[int, str]:
        # A single capital (`A`, a schema's name) is a class to ruff, not a constant.
        if len(name) > 1 and (name.isupper() or (name.upper() == name and "_" in name)):
            return (0, name)
        return (1 if name[:1].isupper() else 2, name)

    return sorted(names, key=key)


def tuple_repr(values: list[object]) -> str:
    """A Python tuple literal of the values (`(404,)`)."""
    return repr(tuple(values))


def pyrepr(value: object) -> str:
    """A Python literal for JSON-like data (dicts, lists, strings, numbers, None)."""
    return repr(value)


def jsonpy(text: str) -> str:
    """JSON text as the equivalent Python literal (wrappable by black); "" stays a string."""
    if not text:
        return '""'
    import json

    return repr(json.loads(text))


def param(name: str, annotation: str, default: str | None = None, indent: int = 8) -> str:
    """`name: annotation = default` for a parameter list, the union parenthesized when the line
    is too long: black then splits inside the parentheses and ruff format keeps them, so both
    formatters leave the output alone (unparenthesized, they split it differently)."""
    tail = "" if default is None else f" = {default}"
    if indent + len(name) + len(annotation) + len(tail) + 3 > 100 and _top_level_union(annotation):
        annotation = f"({annotation})"
    return f"{name}: {annotation}{tail}"


def _top_level_union(annotation: str) -> bool:
    depth = 0
    for i, ch in enumerate(annotation):
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "|" and depth == 0 and i:
            return True
    return False


def _no_invisible(value: object) -> object:
    # Every expression of every template passes here: most values are printable but for their
    # newlines and tabs, and checking that in C first skips the per-character loop below.
    if not isinstance(value, str) or value.isprintable():
        return value
    if value.replace("\n", "").replace("\t", "").isprintable():
        return value
    return "".join(
        ch if ch.isprintable() or ch in "\n\t" else "" if unicodedata.category(ch) == "Cf" else " "
        for ch in value
    )


class _TemplateCode(jinja2.FileSystemBytecodeCache):
    """Compiled templates: from the folder of earlier runs, else from the code shipped with
    apismith (precompiled.py), else compiled by Jinja2. Without a folder only the shipped code
    is read. A folder that cannot be read or written is not an error: it is an optimisation."""

    def __init__(self, directory: str | None) -> None:
        if directory is not None:
            super().__init__(directory)
        else:
            self.directory = None  # type: ignore[assignment]
            self.pattern = ""

    def get_bucket(
        self,
        environment: jinja2.Environment,
        name: str,
        filename: str | None,
        source: str,
    ) -> jinja2.bccache.Bucket:
        bucket = super().get_bucket(environment, name, filename, source)
        if bucket.code is None:
            code = precompiled.lookup(environment, name, bucket.checksum, filename)
            if code is not None:
                bucket.code = code
                self.set_bucket(bucket)  # marshalled code loads faster still, next run
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if self.directory is None:
            return
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if self.directory is None:
            return
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def build_environment(
    overrides: Path | None, bytecode_cache: Path | None = None
) -> jinja2.Environment:
    """`bytecode_cache`: a folder keeping compiled templates (Jinja2 checks each against its
    source), which saves compiling the templates on every run."""
    search = [str(overrides)] if overrides else []
    search.append(str(BUILTIN_TEMPLATES))
    cache = _TemplateCode(None)
    if bytecode_cache is not None:
        try:
            bytecode_cache.mkdir(parents=True, exist_ok=True)
            cache = _TemplateCode(str(bytecode_cache))
        except OSError:
            pass  # an optimisation only
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        bytecode_cache=cache,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Python and Markdown; escaping is explicit, by filter
        # A net under the filters: no expression, filtered or not, can put an invisible
        # format character (a bidi override) or a terminal control into a generated file.
        finalize=_no_invisible,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        docstring=docstring,
        docitem=docitem,
        pystr=pystr,
        comment=comment,
        md=md,
        mdcell=mdcell,
        all_sorted=all_sorted,
        pyrepr=pyrepr,
        tuple_repr=tuple_repr,
        jsonpy=jsonpy,
        snake=snake_case,
        first_sentence=first_sentence,
        param=param,
        unparen=unparen,
    )
    return env


# What pytypes writes for a checked scalar: ``(value if type(value) is str else ...(value))``.
_CHECKED_SCALAR = re.compile(r"\((\w+) if type\(\1\) is \w+ else [\w.]+\(\1\)\)")


def unparen(expr: str) -> str:
    """A checked scalar's conversion without its parentheses, which ruff drops and black keeps
    in a lambda's body: written without, both formatters give the same bytes. Anything else
    is returned as it is."""
    return expr[1:-1] if _CHECKED_SCALAR.fullmatch(expr) else expr
