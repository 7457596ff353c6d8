"""Cross-file `$ref`s: nodes of other local files pulled into the document.

`$ref: Pet.yaml`, `$ref: '../common/Error.yaml'` and `$ref: 'parameters.yaml#/tagsParam'` name
nodes of other files (JSON or YAML, Swagger 2.0 or OpenAPI 3). Each referenced node is copied
into the document where its kind belongs (a schema under `components/schemas`, or `definitions`
in Swagger 2.0; parameters and responses likewise), named after its fragment or its file, and
the reference is rewritten to point there; refs inside the copied nodes are resolved relative to
their own file. Everything downstream then reads one document, and `BundledDocument.loc()` maps
every copied node back to the file and line it came from. Remote references (`https://...`) are
left alone: the document checks report them.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.load import Document, Path, load_document

from .context import pascal, ref_path, walk

_INLINED = "#inlined"  # _rewrite's answer when it replaced the referring node itself
_REMOTE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
# A discriminator mapping value that names a file rather than a schema (`./Admin.yaml`).
_FILE_LIKE = re.compile(r"^[^#]*(/|\.(ya?ml|json)(#|$))")
# Keys under which every node is a schema (a $ref there names a schema).
_SCHEMA_KEYS = frozenset(
    {
        "schema",
        "schemas",
        "definitions",
        "properties",
        "items",
        "allOf",
        "oneOf",
        "anyOf",
        "not",
        "additionalProperties",
        "prefixItems",
        "$defs",
    }
)
# Where each kind of component lives, by format.
_SECTIONS_OAS3 = {
    "schema": ("components", "schemas"),
    "parameter": ("components", "parameters"),
    "response": ("components", "responses"),
    "requestBody": ("components", "requestBodies"),
    "header": ("components", "headers"),
    "example": ("components", "examples"),
    "link": ("components", "links"),
    "callback": ("components", "callbacks"),
    "securityScheme": ("components", "securitySchemes"),
}
_SECTIONS_SWAGGER = {
    "schema": ("definitions",),
    "parameter": ("parameters",),
    "response": ("responses",),
}
# Mappings whose keys are names the document chooses (a property called `description` is not
# a description).
_NAMED_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "definitions",
        "$defs",
        "schemas",
        "parameters",
        "responses",
        "requestBodies",
        "headers",
        "examples",
        "links",
        "callbacks",
        "securitySchemes",
        "pathItems",
        "paths",
        "webhooks",
        "variables",
        "encoding",
        "content",
        "mapping",
        "scopes",
    }
)
_COMPONENT_KINDS = {
    "schemas": "schema",
    "parameters": "parameter",
    "responses": "response",
    "requestBodies": "requestBody",
    "headers": "header",
    "examples": "example",
    "links": "link",
    "callbacks": "callback",
    "securitySchemes": "securityScheme",
    "pathItems": "pathItem",
}


@dataclass
class BundledDocument(Document):
    """A document with other files' nodes copied in; `loc()` knows where each came from."""

    overlays: list[tuple[Path, Document, Path]] = field(default_factory=list)
    # Absolute paths of the other files the document's `$ref`s named (read or missing): a
    # cached result of this document is stale when any of them changes.
    sources: list[str] = field(default_factory=list)

    def loc(self, path: Path = (), *, key: bool = False) -> Location:
        p = tuple(path)
        for prefix, source, spath in sorted(self.overlays, key=lambda o: -len(o[0])):
            if p[: len(prefix)] == prefix:
                return source.loc(spath + p[len(prefix) :], key=key)
        return super().loc(p, key=key)


def opaque_extension(key: Any) -> bool:
    """An `x-` extension whose content is not OpenAPI (Bump.sh's `x-topics` pointing at Markdown
    files, a logo, tool settings): its `$ref`s are not followed. Azure's `x-ms-` extensions,
    which apismith reads (`x-ms-paths`, `x-ms-parameterized-host`), are walked, except the
    example files of `x-ms-examples`."""
    if not isinstance(key, str) or not key.startswith("x-"):
        return False
    return not key.startswith("x-ms-") or key.startswith("x-ms-examples")


def has_file_refs(node: Any) -> bool:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#") and not _REMOTE.match(ref):
            return True
        disc = node.get("discriminator")
        mapping = disc.get("mapping") if isinstance(disc, dict) else None
        if isinstance(mapping, dict) and any(
            isinstance(v, str) and _FILE_LIKE.search(v) and not _REMOTE.match(v)
            for v in mapping.values()
        ):
            return True
        return any(has_file_refs(v) for k, v in node.items() if not opaque_extension(k))
    if isinstance(node, list):
        return any(has_file_refs(v) for v in node)
    return False


def bundle(doc: Document, diags: Diagnostics) -> Document:
    """The document with every local-file `$ref` resolved into it (itself when it has none)."""
    if not isinstance(doc.data, dict) or not has_file_refs(doc.data):
        return doc
    return _Bundler(doc, diags).run()


class _Bundler:
    def __init__(self, root: Document, diags: Diagnostics) -> None:
        self.root = root
        self.diags = diags
        self.swagger = "swagger" in root.data
        self.root_file = os.path.abspath(root.file)
        self.out = BundledDocument(
            file=root.file,
            data=copy.deepcopy(root.data),
            positions=root.positions,
            key_positions=root.key_positions,
            comments=root.comments,
        )
        self.docs: dict[str, Document | None] = {self.root_file: root}
        self.texts: set[str] = set()  # files read as the text of a description
        self.placed: dict[tuple[str, str, str], str] = {}

    def run(self) -> BundledDocument:
        self._walk(self.out.data, (), self.root_file)
        self.out.sources = sorted({*self.docs, *self.texts} - {self.root_file})
        return self.out

    # -- walking -----------------------------------------------------------------------------

    def _walk(self, node: Any, path: Path, base: str) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                new = self._rewrite(ref, path, base)
                if new is _INLINED:
                    return  # replaced by the referenced node, walked in its own file
                if new is not None:
                    node["$ref"] = new
            documented = not path or path[-1] not in _NAMED_MAPS
            for key, value in list(node.items()):
                if key in ("$ref", "example", "examples") or opaque_extension(key):
                    continue
                if documented and key in ("description", "summary") and isinstance(value, dict):
                    ref = value.get("$ref")
                    if isinstance(ref, str) and len(value) == 1 and not _REMOTE.match(ref):
                        node[key] = self._text(ref, path + (key,), base)
                        continue
                if documented and key == "discriminator" and isinstance(value, dict):
                    self._mapping(value, path + (key,), base)
                self._walk(value, path + (key,), base)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                self._walk(value, path + (i,), base)

    def _text(self, ref: str, path: Path, base: str) -> str:
        """A description written as `$ref: ./intro.md` (Redocly's multi-file layout; not
        OpenAPI, where a description is a string): the file's text, with a WARNING, as
        Redocly's bundler reads it. Documentation only, so a missing file is a WARNING too."""
        target, _, fragment = ref.partition("#")
        file = os.path.normpath(os.path.join(os.path.dirname(base), target))
        where = self.out.loc(path + ("$ref",))
        what = f"a {path[-1]} given as $ref {ref!r}"
        hint = f"write the {path[-1]} inline, or bundle the document (redocly bundle) first"
        text = None
        if target and not fragment:
            self.texts.add(file)
            try:
                with open(file, encoding="utf-8") as f:
                    text = f.read()
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
                self.diags.warning(
                    "OpenApiSchema",
                    where,
                    f"{what} is not OpenAPI, and {os.path.relpath(file)} cannot be read "
                    f"({reason}): the {path[-1]} is left empty",
                    hint,
                )
                return ""
        if text is None:
            self.diags.warning(
                "OpenApiSchema",
                where,
                f"{what} is not OpenAPI (a {path[-1]} is a string): the {path[-1]} is left empty",
                hint,
            )
            return ""
        self.diags.warning(
            "OpenApiSchema",
            where,
            f"{what} is not OpenAPI (a {path[-1]} is a string): read as the text of "
            f"{os.path.relpath(file)}, as Redocly's bundler does",
            hint,
        )
        return text

    def _mapping(self, disc: dict[str, Any], path: Path, base: str) -> None:
        """A discriminator `mapping` whose values are references to other files
        (`admin: './Admin.yaml'`): each value is a schema name or a URI reference, a name
        winning when both could be meant (OpenAPI 3.1.1, Discriminator Object); a file's
        schema is pulled in like any `$ref`'s and the value rewritten to point at it."""
        mapping = disc.get("mapping")
        if not isinstance(mapping, dict):
            return
        named = walk(self.out.data, ("definitions",) if self.swagger else ("components", "schemas"))
        names = set(named[0]) if isinstance(named[0], dict) else set()
        for value, ref in list(mapping.items()):
            if not isinstance(ref, str) or ref.startswith("#") or ref in names:
                continue
            target = ref.partition("#")[0]
            if _REMOTE.match(ref) or not os.path.isfile(
                os.path.join(os.path.dirname(base), target)
            ):
                continue
            new = self._rewrite(ref, path + ("mapping", value), base, kind="schema")
            if new is not None and new is not _INLINED:
                mapping[value] = new

    def _rewrite(self, ref: str, path: Path, base: str, *, kind: str | None = None) -> str | None:
        """The local reference replacing `ref` (found at `path`, in file `base`), or None."""
        if _REMOTE.match(ref):
            return None
        target, _, fragment = ref.partition("#")
        if not target and base == self.root_file:
            return None  # an ordinary local reference
        file = os.path.normpath(os.path.join(os.path.dirname(base), target)) if target else base
        if file == self.root_file:
            return "#" + fragment
        kind = kind or _kind(path, self.swagger)
        key = (file, fragment, kind)
        if key in self.placed:
            return self.placed[key]
        source = self._load(file, ref, path)
        if source is None:
            return None
        node, spath = walk(source.data, ref_path("#" + fragment))
        if node is None:
            self.diags.error(
                "DanglingTarget",
                self.out.loc(path + ("$ref",)),
                f"reference {ref!r} points to nothing in {os.path.relpath(file)}",
                "fix the fragment after '#' (a JSON pointer such as #/Pet)",
            )
            return None
        sections = _SECTIONS_SWAGGER if self.swagger else _SECTIONS_OAS3
        section = sections.get(kind)
        copied = copy.deepcopy(node)
        if section is None:
            # No component section for this kind (a path item, a Swagger header): inline it.
            holder = walk(self.out.data, path)[0]
            if isinstance(holder, dict):
                holder.pop("$ref", None)
                if isinstance(copied, dict):
                    holder.update(copied)
            self.out.overlays.append((path, source, spath))
            self._walk(holder, path, file)
            return _INLINED
        name = self._name(section, fragment, file)
        where = section + (name,)
        local = "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in where)
        self.placed[key] = local
        container: Any = self.out.data
        for part in section:
            container = container.setdefault(part, {})
        container[name] = copied
        self.out.overlays.append((where, source, spath))
        self._walk(copied, where, file)
        return local

    def _load(self, file: str, ref: str, path: Path) -> Document | None:
        if file not in self.docs:
            if not os.path.isfile(file):
                self.docs[file] = None
                self.diags.error(
                    "DanglingTarget",
                    self.out.loc(path + ("$ref",)),
                    f"reference {ref!r} names the file {os.path.relpath(file)}, which does not "
                    "exist",
                    "fix the path (it is relative to the file that holds the reference)",
                )
            else:
                self.docs[file] = load_document(os.path.relpath(file), self.diags)
        return self.docs[file]

    def _name(self, section: Path, fragment: str, file: str) -> str:
        parts = [p for p in fragment.split("/") if p]
        stem = parts[-1] if parts else os.path.splitext(os.path.basename(file))[0]
        name = stem if self.swagger or re.match(r"^[A-Za-z0-9._-]+$", stem) else pascal(stem)
        existing = walk(self.out.data, section)[0]
        taken = set(existing) if isinstance(existing, dict) else set()
        candidate, n = name, 2
        while candidate in taken:
            candidate, n = f"{name}{n}", n + 1
        return candidate


def _kind(path: Path, swagger: bool) -> str:
    """What a `$ref` at `path` stands for: a schema, a parameter, a response, ..."""
    if any(isinstance(p, str) and p in _SCHEMA_KEYS for p in path):
        return "schema"
    if not swagger and len(path) == 3 and path[0] == "components":
        return _COMPONENT_KINDS.get(str(path[1]), "schema")
    if swagger and len(path) == 2:
        return {"parameters": "parameter", "responses": "response"}.get(str(path[0]), "schema")
    if len(path) == 2 and path[0] == "paths":
        return "pathItem"
    last = path[-1] if path else ""
    parent = path[-2] if len(path) > 1 else ""
    if parent == "parameters" and isinstance(last, int):
        return "parameter"
    if parent == "responses":
        return "response"
    if last == "requestBody":
        return "requestBody"
    if parent == "headers":
        return "header"
    if parent == "links":
        return "link"
    if parent == "callbacks":
        return "callback"
    return "schema"
