"""YAML specs: plain data plus positions (generator/load/document.py), through libyaml when
present. Imported only when a spec is YAML."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from generator.diagnostics import Diagnostics, Location
from generator.load.document import MAX_ALIAS_NODES, MAX_DEPTH, Document, Path, Unbuildable

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_YAML11_NUMBERS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class _Loader(_BaseLoader):  # type: ignore[misc]
    """YAML 1.2's core schema for plain scalars, as OpenAPI asks (PyYAML speaks YAML 1.1): only
    true/false are booleans, so `enum: [on, off]` or `[yes, no]` are the strings they are
    written as, and `1:30` is not the number 90 nor `0755` the number 493."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _YAML11_NUMBERS]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)


class _Constructor(yaml.constructor.SafeConstructor):
    """Integers as YAML 1.2 reads them: decimal unless written 0o (octal) or 0x (hex)."""

    def construct_yaml_int(self, node: Any) -> int:
        value = str(self.construct_scalar(node))
        sign = -1 if value.startswith("-") else 1
        digits = value.lstrip("+-")
        if digits.startswith("0o"):
            return sign * int(digits[2:], 8)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        return sign * int(digits)


_Constructor.yaml_constructors = {
    **yaml.constructor.SafeConstructor.yaml_constructors,
    "tag:yaml.org,2002:int": _Constructor.construct_yaml_int,
}


# Errors where the scanner only notices the problem at the end of the file (or far below) but
# the user's mistake is where the construct opened: report the opening, mention the other.
_REPORT_AT_OPENING = (
    "while scanning a quoted scalar",
    "while scanning a double-quoted scalar",
    "while scanning a single-quoted scalar",
    "while parsing a flow sequence",
    "while parsing a flow mapping",
    "while scanning a block scalar",
)


def _yaml_error_location(exc: yaml.MarkedYAMLError, file: str) -> tuple[Location, str, str]:
    """Where to report a YAML error, what to say, and how to fix it."""
    problem = exc.problem or exc.context or "invalid YAML"
    hint = "fix the syntax at this position (indentation, quotes, brackets, colons)"
    mark, other = exc.problem_mark, exc.context_mark
    context = exc.context or ""
    opened = context.startswith(_REPORT_AT_OPENING) and other is not None
    if opened and mark is not None and other is not None:
        if "end of stream" in problem or mark.line != other.line:
            mark, other = other, mark
            construct = context.split(" ", 2)[-1].removeprefix("a ")
            at = f"{other.line + 1}:{other.column + 1}"
            if "quoted" in construct:
                problem = f"this quote is never closed ({problem} at {at})"
                hint = "close the quoted string on this line, or escape the quote inside it"
            elif "end of stream" in problem:
                problem = f"this {construct} is never closed ({problem} at {at})"
                hint = "close the bracket that opens here"
            else:
                problem = f"{problem} at {at}, inside the {construct} that starts here"
                hint = "close the bracket that opens here, or add the missing comma"
    mark = mark or other
    loc = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
    return loc, problem, hint


def load_yaml_text(text: str, file: str, diags: Diagnostics) -> Document | None:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        loc, problem, hint = _yaml_error_location(exc, file)
        diags.error("Syntax", loc, f"YAML syntax error: {problem}", hint)
        return None
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow (NUL, other control characters): located by offset.
        pos = min(max(exc.position, 0), len(text))
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        char: Any = exc.character
        code = char if isinstance(char, int) else ord(char[:1] or "\0")
        diags.error(
            "Syntax",
            Location(file, line, col),
            f"YAML syntax error: character #x{code:04x} is not allowed in YAML",
            "remove the character, or write it as an escape inside a double-quoted string",
        )
        return None
    except yaml.YAMLError as exc:
        diags.error("Syntax", Location(file, 1, 1), f"YAML syntax error: {exc}", "fix the syntax")
        return None
    finally:
        loader.dispose()
    doc = Document(file=file, data=None)
    if node is None:
        diags.error("EmptyDocument", Location(file, 1, 1), "the spec is empty", "write a spec")
        return None
    builder = _Builder(doc, diags, node)
    try:
        doc.data = builder.build(node, ())
    except Unbuildable:
        return None
    except (yaml.constructor.ConstructorError, ValueError, RecursionError) as exc:
        # A scalar that cannot be built (a date like 2024-13-45, bad !!binary) carries no mark
        # of its own: the node being built when it failed has one.
        mark = getattr(exc, "problem_mark", None) or builder.current.start_mark
        loc = Location(file, mark.line + 1, mark.column + 1)
        problem = getattr(exc, "problem", None) or str(exc)
        diags.error("Syntax", loc, f"cannot build the document: {problem}", "fix the value")
        return None
    return doc


class _Builder:
    """Turns a composed YAML node graph into plain data, recording positions by path."""

    def __init__(self, doc: Document, diags: Diagnostics, root: yaml.Node) -> None:
        self.doc = doc
        self.diags = diags
        self.constructor = _Constructor()
        # Collection nodes being built (to spot an alias inside its own anchor), every node built
        # so far (a node built twice is an alias expansion), and how many expansions were made.
        self._active: set[int] = set()
        self._built: set[int] = set()
        self._expanded = 0
        self.current: yaml.Node = root

    def _fail(self, id: str, path: Path, message: str, hint: str) -> Unbuildable:
        # The key (or list entry) that holds the offending node: its own position is not
        # recorded yet when the check fails.
        self.diags.error(id, self.doc.loc(path, key=True), message, hint)
        return Unbuildable()

    def build(self, node: yaml.Node, path: Path) -> Any:
        # Recursion depth is bounded by MAX_DEPTH (real specs nest < 40 levels).
        if id(node) in self._active:
            anchor = f"{node.start_mark.line + 1}:{node.start_mark.column + 1}"
            raise self._fail(
                "RecursiveAlias",
                path,
                f"an alias here refers to the anchored node at {anchor} that contains it, so the "
                "document would be infinitely deep",
                "replace the alias with a copy of the data, or point it at a node outside itself",
            )
        if len(path) > MAX_DEPTH:
            raise self._fail(
                "NestingDepth",
                path,
                f"the document nests more than {MAX_DEPTH} levels deep here",
                "flatten the structure: name nested schemas and refer to them with $ref",
            )
        if id(node) in self._built:
            self._expanded += 1
            if self._expanded > MAX_ALIAS_NODES:
                raise self._fail(
                    "AliasExpansion",
                    path,
                    f"aliases expand to more than {MAX_ALIAS_NODES} nodes (nested aliases that "
                    "multiply, a 'billion laughs')",
                    "write the repeated data out once, or reduce the nesting of aliases",
                )
        self._built.add(id(node))
        self.doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            self._active.add(id(node))
            try:
                return self._collection(node, path)
            finally:
                self._active.discard(id(node))
        self.current = node
        value = self.constructor.construct_object(node, deep=True)
        if hasattr(value, "isoformat") and node.tag.endswith(":timestamp"):
            # YAML would turn an unquoted date into a datetime; specs mean the string.
            return node.value
        return value

    def _collection(self, node: yaml.Node, path: Path) -> Any:
        if isinstance(node, yaml.MappingNode):
            # `<<: *anchor` merge keys: flatten_mapping puts the merged pairs first, so the
            # mapping's own keys come later and win, as YAML defines; only two of its own keys
            # with the same name are a duplicate.
            own = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
            self.constructor.flatten_mapping(node)
            out: dict[Any, Any] = {}
            seen_own: set[Any] = set()
            for key_node, value_node in node.value:
                self.current = key_node
                key = self.constructor.construct_object(key_node, deep=True)
                if not isinstance(key, (str, int, bool, float)) or isinstance(key, bool):
                    key = str(key)
                child = path + (key,)
                if id(key_node) in own and key in seen_own:
                    self.diags.error(
                        "DuplicateKey",
                        Location(
                            self.doc.file,
                            key_node.start_mark.line + 1,
                            key_node.start_mark.column + 1,
                        ),
                        f"duplicate key {key!r}; the later value would silently win",
                        "remove or rename one of the two entries",
                    )
                if id(key_node) in own:
                    seen_own.add(key)
                self.doc.key_positions[child] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                out[key] = self.build(value_node, child)
            return out
        return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
