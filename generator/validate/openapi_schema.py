"""openapi-spec-validator, with its findings mapped back to file:line:col.

The validator raises (rather than reports) on references that point nowhere, so local `$ref`s
are checked here first; with dangling references only the JSON-schema pass runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError, best_match

from generator.diagnostics import Diagnostics
from generator.frontends.openapi.context import unescape
from generator.frontends.openapi.refs import opaque_extension
from generator.load import Document, Path
from generator.validate.openapi_pieces import PieceVerdicts, schema_errors
from generator.validate.patterns import pattern_problem
from generator.validate.subscriptable import speed_up_subscriptable_steps
from generator.validate.visited import speed_up_visit_registries

_REMOTE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def _refs(node: Any, path: Path) -> Iterator[tuple[str, Path]]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref, path + ("$ref",)
        for key, value in node.items():
            if opaque_extension(key):
                continue  # an extension's content (example files, a tool's) is not the API
            yield from _refs(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _refs(value, path + (i,))


def _pointer_exists(data: Any, ref: str) -> bool:
    node = data
    for part in ref[2:].split("/") if ref != "#" else []:
        part = unescape(part)
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return True


def check_refs(doc: Document, diags: Diagnostics) -> int:
    bad = 0
    for ref, path in _refs(doc.data, ()):
        if not ref.startswith("#"):
            if not _REMOTE.match(ref):
                # A local file: resolved before (generator.frontends.openapi.refs), which also
                # reported one that cannot be read.
                bad += 1
                continue
            # On another machine: not fetched.
            diags.error(
                "UnsupportedRef",
                doc.loc(path),
                f"remote reference {ref!r} is not fetched: apismith reads only local files",
                "download the referenced document next to this one and refer to it by a "
                "relative path",
            )
            bad += 1
        elif not _pointer_exists(doc.data, ref):
            diags.error(
                "DanglingTarget",
                doc.loc(path),
                f"reference {ref} points to nothing",
                "define the referenced component, or correct the reference's spelling",
            )
            bad += 1
    return bad


def check_openapi_document(
    doc: Document, diags: Diagnostics, pieces: PieceVerdicts | None = None
) -> None:
    """`pieces`: verdicts on parts of documents seen before, so that after an edit only the
    changed parts go through the schema pass (generator/validate/openapi_pieces.py)."""
    from openapi_spec_validator import (
        OpenAPIV2SpecValidator,
        OpenAPIV30SpecValidator,
        OpenAPIV31SpecValidator,
    )
    from openapi_spec_validator.validation.decorators import wraps_errors

    speed_up_subscriptable_steps()
    speed_up_visit_registries()
    data = doc.data
    version = str(data.get("openapi", data.get("swagger", "")))
    cls: Any
    if "swagger" in data:
        cls, label = OpenAPIV2SpecValidator, "Swagger 2.0"
    elif version.startswith("3.1"):
        cls, label = OpenAPIV31SpecValidator, "OpenAPI 3.1"
    elif version.startswith("3.0"):
        cls, label = OpenAPIV30SpecValidator, "OpenAPI 3.0"
    else:
        diags.error(
            "UnsupportedVersion",
            doc.loc(("openapi",) if "openapi" in data else ()),
            f"unsupported OpenAPI version {version!r}",
            "use openapi: 3.0.3 or 3.1.0 (or swagger: '2.0')",
        )
        return
    dangling = check_refs(doc, diags)
    data = _with_string_keys(doc, diags)
    validator = cls(data)
    # validator.iter_errors() is the schema pass, then the keyword pass, each error in the
    # validator's own class; with dangling references only the schema pass can run.
    schema_pass = schema_errors(validator.schema_validator, data, label[-3:], pieces)
    errors: Iterator[ValidationError] = schema_pass
    if not dangling:

        @wraps_errors
        def both_passes() -> Iterator[ValidationError]:
            yield from schema_pass
            yield from validator.root_validator(validator.schema_path)

        errors = both_passes()
    seen: set[tuple[Path, str]] = set()
    nodes: dict[int, Path] | None = None
    try:
        for err in errors:
            if err.validator == "format" and err.validator_value == "regex":
                # The validator compiles patterns with Python's `re`; they are ECMA-262, which
                # check_openapi_patterns reads with an engine that speaks that dialect.
                continue
            if label == "Swagger 2.0" and _file_response_schema(err):
                continue
            path = tuple(err.absolute_path)
            if path and not _holds(data, path, err.instance):
                # A schema of the document checked against the JSON Schema dialect on its own
                # (3.1): the path is inside that schema. Find the schema in the document.
                nodes = nodes if nodes is not None else _node_paths(data)
                path = _locate_schema_error(err, nodes, data) or path
            if not path and err.instance is not data:
                # The validator checks some values (a schema's `default`) on their own, so the
                # error's path is relative to that value: find the schema it came from.
                nodes = nodes if nodes is not None else _node_paths(data)
                path = _locate_value_error(err, nodes)
                if "default" in path or "example" in path:
                    kind = "default" if "default" in path else "example"
                    err.message = f"the {kind} value does not match its schema: {err.message}"
            key = False
            unexpected = _unexpected_key(err)
            if unexpected is not None:
                # "'title' was unexpected": point at that key, not at the mapping holding it.
                path, key = path + (unexpected,), True
            detail = best_match(err.context) if err.context else None
            message = _short(err.message)
            if detail is not None:
                message += f" ({_short(detail.message)} at {_pointer(tuple(detail.absolute_path))})"
            if (path, message) in seen:
                continue
            seen.add((path, message))
            hint = f"fix this node so it matches the {label} specification for {_pointer(path)}"
            if unexpected is not None:
                hint = (
                    f"remove {unexpected!r}, or name it x-{unexpected} to keep it as an extension"
                )
            # A key the specification does not define, or a default/example that does not match
            # its schema: the document still says everything a client needs (openapi-python-
            # client and openapi-generator read such documents too), so these are warnings.
            report = diags.warning if _lenient(err, detail, data) else diags.error
            report("OpenApiSchema", doc.loc(path, key=key), f"{label} schema: {message}", hint)
    except Exception as exc:  # the validator is third-party code: never let it crash us
        diags.error(
            "OpenApiSchema",
            doc.loc(()),
            f"{label} validator stopped: {type(exc).__name__}: {_short(str(exc))}",
            "fix the events above first; then validate again",
        )


def _file_response_schema(err: ValidationError) -> bool:
    """openapi-spec-validator checks each Swagger 2.0 response schema against JSON Schema
    draft 4 alone, which has no `type: file`; Swagger 2.0 allows it at the root of a response
    schema (a download, as Jupyter Server's `GET /api/spec.yaml`). Its own schema pass, run on
    the whole document, still rejects a `file` anywhere else."""
    return tuple(err.absolute_path) == ("type",) and err.instance == "file"


def _with_string_keys(doc: Document, diags: Diagnostics) -> Any:
    """The document with every mapping key a string. YAML reads an unquoted `200:` as a number;
    OpenAPI asks for the status codes quoted, and many real documents forget. The meaning is
    plain, so it is a WARNING and the validator (which expects strings) gets the keys quoted."""
    found: list[Path] = []

    def walk(node: Any, path: Path) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str):
                    found.append((*path, key))
                walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, (*path, i))

    def quoted(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                str(k).lower() if isinstance(k, bool) else str(k): quoted(v)
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [quoted(v) for v in node]
        return node

    walk(doc.data, ())
    if not found:
        return doc.data
    # OpenAPI 3 says status codes MUST be quoted; Swagger 2.0 does not, and its YAML documents
    # (Jupyter Server's has 70) often leave them bare: there that is a NOTE, not a WARNING each.
    swagger = isinstance(doc.data, dict) and "swagger" in doc.data
    for path in found:
        key = path[-1]
        status = type(key) is int and len(path) >= 2 and path[-2] == "responses"
        report = diags.note if swagger and status else diags.warning
        report(
            "UnquotedKey",
            doc.loc(path, key=True),
            f"the key {key!r} is a YAML {'boolean' if isinstance(key, bool) else 'number'}, "
            "not a string (read as the string)",
            f'quote it: "{str(key).lower() if isinstance(key, bool) else key}"',
        )
    return quoted(doc.data)


_UNEXPECTED = ("additionalProperties", "unevaluatedProperties")


def _lenient(err: ValidationError, detail: ValidationError | None, data: Any) -> bool:
    """Findings that never change what a client does: an unknown key, or a default or example
    value checked against its own schema (the validator reports those at the root)."""
    if err.validator in _UNEXPECTED or (detail is not None and detail.validator in _UNEXPECTED):
        return True
    if not tuple(err.absolute_path) and err.instance is not data:
        return True
    # "not valid under any of the given schemas": lenient when every alternative failed only
    # for an unknown key (the other alternative being a $ref object, which it is not).
    leaves = list(_leaves(err))
    real = [e for e in leaves if not (e.validator == "required" and "'$ref'" in e.message)]
    return bool(err.context) and bool(real) and all(e.validator in _UNEXPECTED for e in real)


def _leaves(err: ValidationError) -> Iterator[ValidationError]:
    if not err.context:
        yield err
    for sub in err.context:
        yield from _leaves(sub)


def check_openapi_patterns(doc: Document, diags: Diagnostics) -> None:
    """Every schema `pattern` is an ECMA-262 regex; one no engine can read is a WARNING."""
    todo: list[tuple[Any, Path]] = [(doc.data, ())]
    while todo:
        node, path = todo.pop()
        if isinstance(node, dict):
            pattern = node.get("pattern")
            # `properties: {pattern: {...}}` names a property; only a string is a regex.
            if isinstance(pattern, str) and path[-1:] != ("properties",):
                problem = pattern_problem(pattern)
                if problem is not None:
                    diags.warning(
                        "InvalidPattern",
                        doc.loc(path + ("pattern",)),
                        f"pattern {pattern!r} is not a valid ECMA-262 regular expression: "
                        f"{problem}",
                        "fix the regular expression; generated clients do not enforce patterns, "
                        "so the client is generated anyway",
                    )
            todo.extend((v, path + (k,)) for k, v in node.items() if not _is_example(k))
        elif isinstance(node, list):
            todo.extend((v, path + (i,)) for i, v in enumerate(node))


def _is_example(key: Any) -> bool:
    return isinstance(key, str) and (key in ("example", "examples") or key.startswith("x-"))


def _unexpected_key(err: ValidationError) -> str | None:
    if err.validator not in ("additionalProperties", "unevaluatedProperties"):
        return None
    if not isinstance(err.instance, dict):
        return None
    for name in re.findall(r"'((?:[^'\\]|\\.)*)'", err.message):
        if name in err.instance:
            return str(name)
    return None


def _node_paths(data: Any) -> dict[int, Path]:
    """Path of every mapping and list in the document, by identity."""
    out: dict[int, Path] = {}
    todo: list[tuple[Any, Path]] = [(data, ())]
    while todo:
        node, path = todo.pop()
        if isinstance(node, dict):
            out[id(node)] = path
            todo.extend((v, path + (k,)) for k, v in node.items())
        elif isinstance(node, list):
            out[id(node)] = path
            todo.extend((v, path + (i,)) for i, v in enumerate(node))
    return out


def _holds(data: Any, path: Path, instance: Any) -> bool:
    """Whether the document has `instance` at `path` (the same node, or an equal scalar)."""
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    return node is instance or (not isinstance(node, dict | list) and node == instance)


def _locate_schema_error(err: ValidationError, nodes: dict[int, Path], data: Any) -> Path:
    """Where in the document an error found inside one of its schemas is: the offending
    mapping or list itself, else the one schema from which the error's path leads to it."""
    if isinstance(err.instance, dict | list):
        return nodes.get(id(err.instance), ())
    rel = tuple(err.absolute_path)
    found = [path + rel for path in nodes.values() if _holds(data, path + rel, err.instance)]
    return found[0] if len(found) == 1 else ()


def _locate_value_error(err: ValidationError, nodes: dict[int, Path]) -> Path:
    schema = err.schema if isinstance(err.schema, dict) else None
    where = nodes.get(id(schema)) if schema is not None else None
    if where is None or schema is None:
        return ()
    for key in ("default", "example"):
        value = schema.get(key)
        if key in schema and (value is err.instance or value == err.instance):
            return where + (key,) + tuple(err.relative_path)
    return where


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pointer(path: Path) -> str:
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)
