"""A loaded spec: plain Python data plus a side table of source positions.

Positions are keyed by the path from the root (a tuple of keys and indexes), so front-ends and
validators can ask for the location of any node without the data itself carrying marks. `.json`
files are parsed as strict JSON (generator.load.jsonpos) so JSON errors that YAML would forgive
are reported; everything else goes through YAML (libyaml when available).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.load.jsonpos import JsonSyntaxError, PositionedJson

Key = str | int
Path = tuple[Key, ...]

# Real specs nest < 40 levels and use aliases sparingly; the limits keep a hostile document (an
# alias that contains itself, a "billion laughs" of nested aliases, thousands of brackets) from
# exhausting the stack or the clock in this stage or the recursive ones after it.
MAX_DEPTH = 100
MAX_ALIAS_NODES = 100_000


class Unbuildable(Exception):
    """Raised inside the builder once a located event has been reported."""


@dataclass
class Document:
    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # Where the *key* of a mapping entry starts; reported for "unknown key" style events.
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    comments: str = ""
    # The text the document was parsed from ("" when made otherwise, as a bundle is): the
    # validator's child parses it again rather than be sent the parsed data (see produce.py).
    text: str = field(default="", repr=False, compare=False)

    def loc(self, path: Path = (), *, key: bool = False) -> Location:
        """The location of the node at `path`, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        p = tuple(path)
        while True:
            pos = table.get(p) or self.positions.get(p)
            if pos is not None:
                return Location(self.file, pos[0], pos[1])
            if not p:
                return Location(self.file)
            p = p[:-1]

    def get(self, path: Path) -> Any:
        node = self.data
        for k in path:
            node = node[k]
        return node


@dataclass
class LazyJsonDocument(Document):
    """A JSON document whose data the C decoder read from `text` (which the strict parser had
    already read without error, so the data is the same): its positions are parsed the first
    time one is asked for, which for a legal document may be never (the validator's child
    asks only to report a problem)."""

    located: bool = field(default=False, repr=False, compare=False)

    def loc(self, path: Path = (), *, key: bool = False) -> Location:
        if not self.located:
            parser = PositionedJson(self.text, MAX_DEPTH)
            parser.parse()
            self.positions, self.key_positions = parser.positions, parser.key_positions
            self.located = True
        return super().loc(path, key=key)


def detect_format(data: Any) -> str | None:
    """'smithy', 'openapi' (3.x) or 'swagger' (2.0); None when the document is neither."""
    if not isinstance(data, dict):
        return None
    if "smithy" in data:
        return "smithy"
    if "openapi" in data:
        return "openapi"
    if "swagger" in data:
        return "swagger"
    return None


def load_document(path: str | os.PathLike[str], diags: Diagnostics) -> Document | None:
    """Load a file; on failure report a located event and return None."""
    file = os.fspath(path)
    try:
        with open(file, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        diags.error(
            "LoadFile",
            Location(file),
            f"cannot read the spec: {exc.strerror or exc}",
            "check the path given on the command line or in [tool.apismith] services",
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diags.error(
            "Syntax",
            Location(file, line, 1),
            "the file is not valid UTF-8",
            "save the spec as UTF-8",
        )
        return None
    return parse_document(text, file, diags)


def parse_document(text: str, file: str, diags: Diagnostics) -> Document | None:
    """The document in `text`, read as `file` would be (JSON by its name, else YAML)."""
    if file.lower().endswith(".json"):
        doc = load_json_text(text, file, diags)
    else:
        doc = load_text(text, file, diags)
    if doc is not None:
        doc.text = text
    return doc


def load_json_text(text: str, file: str, diags: Diagnostics) -> Document | None:
    """Strict JSON with positions; a syntax error is reported where it is, with a fix."""
    parser = PositionedJson(text, MAX_DEPTH)
    try:
        data = parser.parse()
    except JsonSyntaxError as exc:
        line, col = parser.line_col(exc.pos)
        prefix = "JSON syntax error: " if exc.id == "Syntax" else ""
        diags.error(exc.id, Location(file, line, col), prefix + exc.message, exc.hint)
        return None
    except RecursionError:  # unreachable with MAX_DEPTH, kept as a guard for the stack
        diags.error("NestingDepth", Location(file, 1, 1), "the document nests too deep", "")
        return None
    for dup in parser.duplicates:
        line, col = parser.line_col(dup.pos)
        diags.error(
            "DuplicateKey",
            Location(file, line, col),
            f"duplicate key {dup.key!r}; the later value would silently win",
            "remove or rename one of the two entries",
        )
    if data is None:
        diags.error("EmptyDocument", Location(file, 1, 1), "the spec is null", "write a spec")
        return None
    return Document(
        file=file, data=data, positions=parser.positions, key_positions=parser.key_positions
    )


def load_text(text: str, file: str, diags: Diagnostics) -> Document | None:
    """YAML (libyaml when present), with positions: generator/load/yamlpos.py, imported only
    when a spec is YAML (a JSON spec's run does not import PyYAML)."""
    from generator.load.yamlpos import load_yaml_text

    return load_yaml_text(text, file, diags)
