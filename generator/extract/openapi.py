"""Select operations from an OpenAPI 3 document and keep only the components they reach.

Operations are matched by operationId (exactly, case-insensitively, or by snake_case). The result
keeps the selected operations with their path items' shared parameters, every component reachable
from them or from the document's top level (for example ``x-ms-parameterized-host``) through
``$ref`` chains, and the security schemes named by security requirements.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from typing import Any

from ._common import JSON, Candidate, ExtractError, match_operations

_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Component sections in the order the OpenAPI specification lists them; output follows it.
_COMPONENT_SECTIONS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
)

_COMPONENTS_PREFIX = "#/components/"


def select_openapi(doc: JSON, operations: Sequence[str]) -> JSON:
    """Return a new document with only the selected operations and the components they use."""
    if not str(doc.get("openapi", "")).startswith("3."):
        raise ExtractError(f"not an OpenAPI 3 document (openapi: {doc.get('openapi')!r})")
    selected = set(match_operations(operations, _candidates(doc)))
    paths = _selected_paths(doc.get("paths", {}), selected)
    used_tags = {tag for op in _operations(paths) for tag in op.get("tags", [])}

    out: JSON = {}
    for key, value in doc.items():
        if key == "paths":
            out["paths"] = paths
        elif key == "tags":
            # Tag declarations only for the tags the kept operations use.
            tags = [copy.deepcopy(t) for t in value if t.get("name") in used_tags]
            if tags:
                out["tags"] = tags
        elif key != "components":  # rebuilt below, once the closure is known
            out[key] = copy.deepcopy(value)
    components = _closure(doc.get("components", {}), out)
    if components:
        out["components"] = components
    return out


def _operations(paths: JSON) -> Iterator[JSON]:
    for item in paths.values():
        for method in _HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield item[method]


def _candidates(doc: JSON) -> list[Candidate]:
    candidates: list[Candidate] = []
    for op in _operations(doc.get("paths", {})):
        op_id = op.get("operationId")
        if isinstance(op_id, str):
            candidates.append(Candidate(op_id, op_id, (op_id,)))
    return candidates


def _selected_paths(paths: JSON, selected: set[str]) -> JSON:
    out: JSON = {}
    for path, item in paths.items():
        kept: JSON = {}
        has_operation = False
        for key, value in item.items():
            if key in _HTTP_METHODS:
                if value.get("operationId") in selected:
                    kept[key] = copy.deepcopy(value)
                    has_operation = True
            else:
                kept[key] = copy.deepcopy(value)  # summary, servers, shared parameters, x-*
        if has_operation:
            out[path] = kept
    return out


def _closure(components: JSON, roots: JSON) -> JSON:
    """The components reachable from ``roots``, each section sorted by name."""
    reached: set[tuple[str, str]] = set()
    stack = _security_names(roots)
    stack.extend(_refs(roots))
    while stack:
        section, name = stack.pop()
        if (section, name) in reached:
            continue
        target = components.get(section, {}).get(name)
        if target is None:
            raise ExtractError(f"unresolvable reference #/components/{section}/{name}")
        reached.add((section, name))
        stack.extend(_refs(target))
        if not stack:
            stack.extend(_subtypes(components, reached))

    out: JSON = {}
    for section in _COMPONENT_SECTIONS + tuple(sorted(set(components) - set(_COMPONENT_SECTIONS))):
        names = sorted(name for sec, name in reached if sec == section)
        if names:
            out[section] = {name: copy.deepcopy(components[section][name]) for name in names}
    return out


def _refs(node: Any) -> Iterator[tuple[str, str]]:
    """(section, name) of every local component `$ref` (and discriminator mapping) in a node."""
    if isinstance(node, list):
        for value in node:
            yield from _refs(value)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                target = _component(value)
                if target is not None:
                    yield target
            elif key == "mapping" and isinstance(value, dict):
                # discriminator.mapping values are schema references (or bare schema names).
                for ref in value.values():
                    if isinstance(ref, str):
                        yield _component(ref) or ("schemas", ref)
            else:
                yield from _refs(value)


def _component(ref: str) -> tuple[str, str] | None:
    if not ref.startswith(_COMPONENTS_PREFIX):
        return None  # external file or another document part: nothing to keep
    parts = ref[len(_COMPONENTS_PREFIX) :].split("/")
    if len(parts) < 2:
        raise ExtractError(f"malformed reference {ref!r}")
    # JSON pointer escapes: "~1" is "/", "~0" is "~".
    return parts[0], parts[1].replace("~1", "/").replace("~0", "~")


def _security_names(doc: JSON) -> list[tuple[str, str]]:
    """Security schemes named by the document's and the operations' security requirements."""
    requirements: list[Any] = list(doc.get("security", []))
    for op in _operations(doc.get("paths", {})):
        requirements.extend(op.get("security", []))
    names = {name for requirement in requirements for name in requirement}
    return [("securitySchemes", name) for name in sorted(names)]


def _subtypes(components: JSON, reached: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Schemas that extend a reached polymorphic base through allOf.

    A base with a discriminator can be answered with any of its subtypes, yet nothing references
    the subtypes from the base, so a pure `$ref` closure would lose them.
    """
    schemas: JSON = components.get("schemas", {})
    bases = {
        name
        for section, name in reached
        if section == "schemas" and isinstance(schemas[name].get("discriminator"), dict)
    }
    found: list[tuple[str, str]] = []
    for name in sorted(schemas):
        if ("schemas", name) in reached:
            continue
        parents = {_component(p["$ref"]) for p in schemas[name].get("allOf", []) if "$ref" in p}
        if any(parent == ("schemas", base) for base in bases for parent in parents):
            found.append(("schemas", name))
    return found
