"""What every part of the OpenAPI front-end shares: the document, its events and the shapes.

A Swagger 2.0 document is read through its OpenAPI 3 form (`swagger2.py`); locations are mapped
back to the Swagger source, and `refs.py` has already pulled other files' nodes in, so `loc()`
points into the file each node came from.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostics, Location
from generator.ir import Note, Shape
from generator.load import Document, Path

# Extensions that change the client, and those known to have no effect (not noted).
HANDLED_EXTENSIONS = frozenset(
    {
        "x-ms-pageable",
        "x-ms-enum",
        "x-ms-client-name",
        "x-ms-parameter-grouping",
        "x-ms-parameterized-host",
        "x-ms-paths",
        "x-ms-client-request-id",
        "x-ms-request-id",
        "x-ms-parameter-location",
        "x-ms-requestBody-name",
        "x-ms-skip-url-encoding",
        "x-ms-discriminator-value",
        "x-nullable",
        "x-ms-secret",
    }
)
INERT_EXTENSIONS = frozenset({"x-ms-examples", "x-ms-code-generation-settings", "x-ms-metadata"})

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")


def pascal(text: str) -> str:
    """`list-data-sets` -> `ListDataSets`; keeps inner capitals (`getUser` -> `GetUser`)."""
    parts = _NOT_ALNUM.split(text)
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


def get(node: Any, *path: Any) -> Any:
    for key in path:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        elif isinstance(node, list) and isinstance(key, str) and key.isdigit():
            if int(key) >= len(node):
                return None
            node = node[int(key)]
        else:
            return None
    return node


def unescape(part: str) -> str:
    """One token of a `$ref` fragment: a URI fragment is percent-encoded first (RFC 6901 6:
    `#/paths/~1users~1%7Bid%7D` is the path `/users/{id}`), then the pointer's `~` escapes."""
    return unquote(part).replace("~1", "/").replace("~0", "~")


def escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def pointer(path: Path) -> str:
    return "#/" + "/".join(escape(str(p)) for p in path)


def kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


# Where operations live: `paths`, and Azure's `x-ms-paths` (the same, for path keys that differ
# only in a query part, `/{blob}?comp=lease`, which `paths` may not hold twice).
_PATHS = ("paths", "x-ms-paths")


def swagger_path(path: Path) -> Path:
    """Map a path in the normalised OpenAPI 3 document back to the Swagger 2.0 source."""
    if path[:2] == ("components", "schemas"):
        return ("definitions",) + path[2:]
    if path[:2] == ("components", "parameters"):
        return ("parameters",) + path[2:]
    if path[:2] == ("components", "responses"):
        return ("responses",) + path[2:]
    if path[:2] == ("components", "securitySchemes"):
        return ("securityDefinitions",) + path[2:]
    if len(path) > 3 and path[0] in _PATHS and path[3] == "requestBody":
        return path[:3] + ("parameters",)
    if len(path) > 5 and path[0] in _PATHS and path[3] == "responses" and path[5] == "content":
        return path[:5] + ("schema",) + path[8:]
    return path


class Context:
    """The document being read, its events, and the shapes made so far."""

    def __init__(self, doc: Document, diags: Diagnostics, spec: dict[str, Any], swagger: bool):
        self.doc = doc
        self.diags = diags
        self.spec = spec
        self.swagger = swagger
        version = str(spec.get("openapi", "3.0"))
        self.v31 = version.startswith("3.1")
        self.notes: list[Note] = []
        self._noted: set[str] = set()
        self.shapes: dict[str, Shape] = {}
        self.profile = ""

    # -- locations and events ----------------------------------------------------------------

    def loc(self, path: Path, *, key: bool = False) -> Location:
        """Where `path` stands; `key=True` for the key naming it (a property, a schema, `get:`)."""
        if self.swagger:
            path = swagger_path(path)
        return self.doc.loc(path, key=key)

    def wrong(self, path: Path, what: str, want: str, got: Any) -> None:
        self.diags.error(
            "WrongType",
            self.loc(path),
            f"{what} must be {want}, got {kind_of(got)}",
            f"make it {want}",
        )

    def note(self, id: str, path: Path, message: str, hint: str, *, once: str = "") -> None:
        """A NOTE event (and a Note in the IR): something read but not acted on precisely."""
        if once:
            if once in self._noted:
                return
            self._noted.add(once)
        where = self.loc(path, key=True)
        self.notes.append(Note(message, where))
        self.diags.note(id, where, message, hint)

    def scan_extensions(self, node: dict[str, Any], path: Path) -> None:
        for key in node:
            if isinstance(key, str) and key.startswith("x-"):
                if key in HANDLED_EXTENSIONS or key in INERT_EXTENSIONS:
                    continue
                self.note(
                    "UnknownExtension",
                    path + (key,),
                    f"extension {key!r} is not known to apismith and has no effect on the client",
                    "nothing to do unless you expected it to change the generated code",
                    once=key,
                )

    # -- references --------------------------------------------------------------------------

    def resolve(self, node: Any, path: Path) -> tuple[Any, Path]:
        """Follow `$ref`s to local nodes; report dangling ones and cycles (None then)."""
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#"):
                # Other files were pulled in by refs.py; what is left is remote, and reported
                # by the document checks.
                return None, path
            if ref in seen:
                self.diags.error(
                    "RefCycle",
                    self.loc(path + ("$ref",)),
                    f"reference cycle through {ref}",
                    "a $ref chain must end at a schema; break the cycle",
                )
                return None, path
            seen.add(ref)
            target, target_path = walk(self.spec, ref_path(ref))
            if target is None:
                self.diags.error(
                    "DanglingTarget",
                    self.loc(path + ("$ref",)),
                    f"reference {ref} points to nothing",
                    "define the referenced component or fix the reference",
                )
                return None, path
            node, path = target, target_path
        return node, path


def walk(root: Any, parts: Path) -> tuple[Any, Path]:
    """The node at `parts` (list indexes may be given as digit strings) and its typed path."""
    node: Any = root
    path: list[str | int] = []
    for part in parts:
        if isinstance(node, list):
            index = int(part) if isinstance(part, str) and part.isdigit() else part
            if not isinstance(index, int) or not 0 <= index < len(node):
                return None, tuple(path)
            node, part = node[index], index
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None, tuple(path)
        path.append(part)
    return node, tuple(path)


def ref_path(ref: str) -> Path:
    """The path of a local reference (`#/components/schemas/A` -> ("components", ...))."""
    text = ref[1:].lstrip("/")
    if not text:
        return ()
    return tuple(unescape(part) for part in text.split("/"))
