"""openapi-spec-validator's JSON-schema pass, a piece of the document at a time.

The schema pass (the document against the OpenAPI meta-schema, jsonschema in pure Python) is
most of the validator's time: 0.6 s of CPU on the full Azure Batch document. After an edit to
one operation, all but one path item are the bytes they were, so their verdicts are kept, by
their bytes, in the user cache (`PieceVerdicts`) and only the changed pieces are validated.

Why the events stay those of the whole document: the meta-schemas of Swagger 2.0 and OpenAPI
3.0 check `paths` and `definitions` (`components.schemas`) with keywords that look at a
mapping's keys (`type`, `required`, `additionalProperties`, ...) and hand each value to one
sub-schema (`properties`, `patternProperties`, `additionalProperties`). So the document is free
of schema errors exactly when every path item and schema is free of them under its own
sub-schema and the rest of the document is free of them with each piece replaced by `{}` (which
each sub-schema accepts: checked). Only that verdict, "no errors", is taken from the pieces and
cached; a document with any schema error is validated whole, so its errors come out as they
always did (same errors, same order). `tests/test_validate_pieces.py` proves the equality over
the corpus and the reference documents, whole and edited, valid and broken.

Anything this cannot reason about is validated whole: OpenAPI 3.1 (its meta-schema evaluates
`unevaluatedProperties` across `$ref`s), a meta-schema whose container shape is not the one
above, a validator backend other than jsonschema, a piece that makes jsonschema raise.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # this module is imported before the validator is (see produce.py)
    from jsonschema.exceptions import ValidationError

# Keywords of a container schema whose verdict depends on its keys only, or that hand each
# value to one sub-schema; anything else (oneOf over the container, $ref siblings in 2019+
# drafts, unevaluatedProperties) is not split.
_CONTAINER_KEYWORDS = frozenset(
    {
        "type",
        "properties",
        "patternProperties",
        "additionalProperties",
        "required",
        "minProperties",
        "maxProperties",
        "title",
        "description",
        "$schema",
        "id",
        "definitions",
    }
)
# The containers whose entries are pieces, by document kind.
_CONTAINERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "2.0": (("paths",), ("definitions",)),
    "3.0": (("paths",), ("components", "schemas")),
}
_LAYOUT = "apismith-pieces-1"
MAX_PIECES = 50_000  # verdicts kept (a large API has a few thousand pieces)


class PieceVerdicts:
    """The keys of pieces known to be free of schema errors, kept in one file of the user
    cache (`validated/pieces.json`); `None` folder: nothing is kept."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "pieces.json" if folder is not None else None
        self._known: dict[str, None] | None = None  # insertion-ordered: oldest first
        self._added = False
        self.hits = 0
        self.misses = 0

    def _load(self) -> dict[str, None]:
        if self._known is None:
            self._known = {}
            if self.path is not None:
                try:
                    data = json.loads(self.path.read_text(encoding="utf-8"))
                    if isinstance(data, dict) and data.get("layout") == _LAYOUT:
                        self._known = dict.fromkeys(str(k) for k in data.get("clean", []))
                except (OSError, ValueError):
                    pass  # missing or damaged: validate again
        return self._known

    def __contains__(self, key: str) -> bool:
        found = key in self._load()
        if found:
            self.hits += 1
        else:
            self.misses += 1
        return found

    def add(self, key: str) -> None:
        known = self._load()
        if key not in known:
            known[key] = None
            self._added = True

    def save(self) -> None:
        if self.path is None or not self._added or self._known is None:
            return
        keys = list(self._known)[-MAX_PIECES:]
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"layout": _LAYOUT, "clean": keys}), encoding="utf-8")
            os.replace(tmp, self.path)  # a concurrent run's additions may be lost: a miss later
        except OSError:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
        self._added = False


def schema_errors(
    schema_validator: Any, data: Any, kind: str, verdicts: PieceVerdicts | None
) -> Iterator[ValidationError]:
    """What `schema_validator.iter_errors(data)` yields, taking "no errors" from the pieces
    when they all say so (see the module's docstring)."""
    try:
        validator = _memoizing(schema_validator, kind)
    except Exception:  # as for the pieces below: the plain validator, as always
        validator = schema_validator
    try:
        clean = verdicts is not None and _pieces_clean(validator, data, kind, verdicts)
    except Exception:  # a bug here must not change the events: validate whole
        clean = False
    if not clean:
        yield from validator.iter_errors(data)


def _memoizing(schema_validator: Any, kind: str) -> Any:
    """The same validator, remembering which (`$ref`, value) pairs had no errors in this run.

    A document repeats itself: the full Azure Batch document has 696 parameters (141
    different) and 154 responses (40 different), each checked against the same meta-schema
    definition. The verdict of a `$ref` depends only on the value and the definition it names
    (the draft-04 meta-schemas of Swagger 2.0 and OpenAPI 3.0 have one base URI), so a
    repeated value with no errors is not checked again: the schema pass takes half the time.
    Errors are never reused: a value with errors is checked, and reported, every time.
    """
    if kind not in _CONTAINERS or not hasattr(schema_validator, "VALIDATORS"):
        return schema_validator
    from jsonschema.validators import extend, validator_for

    base = schema_validator.__class__  # not type(): openapi-spec-validator hands out a proxy
    plain_ref = base.VALIDATORS.get("$ref")
    if plain_ref is None or validator_for(schema_validator.schema, default=base) is not base:
        return schema_validator
    clean: set[tuple[str, str]] = set()
    # Where each `$ref` leads, by the base URI it is read against: referencing walks the
    # pointer and builds resources on every lookup (7,000 on the full Azure Batch document, a
    # third of the schema pass); in a draft-04 meta-schema the target is all that a lookup
    # depends on (no dynamic scope), and the registry only ever gains the same documents.
    lookups: dict[tuple[Any, str], Any] = {}

    def follow(validator: Any, target: str, instance: Any, schema: Any) -> Iterator[Any]:
        resolver = getattr(validator, "_resolver", None)
        base = getattr(resolver, "_base_uri", None)
        if getattr(validator, "_ref_resolver", None) is not None or base is None:
            return plain_ref(validator, target, instance, schema)  # type: ignore[no-any-return]
        resolved = lookups.get((base, target))
        if resolved is None:
            try:
                resolved = resolver.lookup(target)  # type: ignore[union-attr]
            except Exception:  # unresolvable: the plain keyword raises as it always did
                return plain_ref(validator, target, instance, schema)  # type: ignore[no-any-return]
            lookups[(base, target)] = resolved
        return validator.descend(  # type: ignore[no-any-return]
            instance, resolved.contents, resolver=resolved.resolver
        )

    def ref(validator: Any, target: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if not isinstance(instance, dict) or not isinstance(target, str):
            yield from follow(validator, target, instance, schema)
            return
        key = (target, repr(instance))
        if key in clean:
            return
        errors = []
        try:
            for error in follow(validator, target, instance, schema):
                errors.append(error)
        except BaseException:
            yield from errors  # what the plain keyword had yielded before it raised
            raise
        if not errors:
            clean.add(key)
        yield from errors

    memo: Any = extend(base, validators={"$ref": ref})  # type: ignore[no-untyped-call]
    return memo(schema_validator.schema, format_checker=schema_validator.format_checker)


def _pieces_clean(validator: Any, data: Any, kind: str, verdicts: PieceVerdicts) -> bool:
    containers = _CONTAINERS.get(kind)
    if containers is None or not isinstance(data, dict) or not hasattr(validator, "evolve"):
        return False
    salt = _salt(kind)
    rest = dict(data)
    checks: list[tuple[str, Any, Any]] = []  # (cache key, instance, schema)
    for where in containers:
        mapping = _get(data, where)
        if mapping is None:
            continue  # absent: checked (or reported) as part of the rest
        if not isinstance(mapping, dict):
            return False
        container = _container_schema(validator, where)
        if container is None:
            return False
        replaced: dict[Any, Any] = {}
        for key, value in mapping.items():
            schema = _entry_schema(container, key) if isinstance(key, str) else None
            if schema is None or not _accepts_placeholder(validator, schema):
                replaced[key] = value  # left in the rest, validated with it
                continue
            replaced[key] = {}
            label = f"{salt}\0{'/'.join(where)}\0{json.dumps(schema, sort_keys=True)}\0"
            checks.append((_key(label, value), value, schema))
        _put(rest, where, replaced)
    checks.append((_key(f"{salt}\0rest\0", rest), rest, None))
    clean = True
    for key, instance, schema in checks:
        if key in verdicts:
            continue
        try:
            piece_validator = validator if schema is None else validator.evolve(schema=schema)
            ok = next(iter(piece_validator.iter_errors(instance)), None) is None
        except Exception:
            return False  # the whole run reports (or raises) exactly as it always did
        if not ok:
            clean = False
            continue  # keep going: the clean pieces' verdicts are worth keeping
        verdicts.add(key)
    return clean


def _get(data: dict[str, Any], where: tuple[str, ...]) -> Any:
    node: Any = data
    for part in where:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _put(rest: dict[str, Any], where: tuple[str, ...], value: dict[Any, Any]) -> None:
    node = rest
    for part in where[:-1]:
        node[part] = dict(node[part])  # copies along the way: the document is not touched
        node = node[part]
    node[where[-1]] = value


def _resolve(validator: Any, schema: Any) -> Any:
    """A meta-schema node with local `$ref`s followed (draft 4: siblings of $ref are ignored)."""
    root = validator.schema
    for _ in range(32):
        if not isinstance(schema, dict) or "$ref" not in schema:
            return schema
        ref = schema["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return None
        node: Any = root
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        schema = node
    return None


def _container_schema(validator: Any, where: tuple[str, ...]) -> dict[str, Any] | None:
    """The meta-schema node that checks the mapping at `where`, if it only looks at keys and
    hands each value to one sub-schema, from the root down."""
    schema = _resolve(validator, validator.schema)
    for part in where:
        if not isinstance(schema, dict) or not set(schema) <= _CONTAINER_KEYWORDS:
            return None
        schema = _entry_schema(schema, part)
        schema = _resolve(validator, schema) if schema is not None else None
    if not isinstance(schema, dict) or not set(schema) <= _CONTAINER_KEYWORDS:
        return None
    return schema


def _entry_schema(container: dict[str, Any], key: str) -> Any:
    """The one sub-schema the container applies to the value at `key`; None if none or more
    than one (then the value stays with the rest of the document)."""
    found = []
    properties = container.get("properties", {})
    if isinstance(properties, dict) and key in properties:
        found.append(properties[key])
    patterns = container.get("patternProperties", {})
    if isinstance(patterns, dict):
        found += [schema for pattern, schema in patterns.items() if re.search(pattern, key)]
    if not found:
        extra = container.get("additionalProperties", True)
        if isinstance(extra, dict):
            found.append(extra)
    return found[0] if len(found) == 1 and isinstance(found[0], dict) else None


_PLACEHOLDER_OK: dict[str, bool] = {}


def _accepts_placeholder(validator: Any, schema: Any) -> bool:
    label = json.dumps(schema, sort_keys=True)
    ok = _PLACEHOLDER_OK.get(label)
    if ok is None:
        try:
            ok = validator.evolve(schema=schema).is_valid({})
        except Exception:
            ok = False
        _PLACEHOLDER_OK[label] = ok
    return bool(ok)


_SALTS: dict[str, str] = {}


def _salt(kind: str) -> str:
    """What decides a piece's verdict besides its bytes: the meta-schema and the validators."""
    if kind not in _SALTS:
        from importlib.metadata import PackageNotFoundError, version

        versions = []
        for dist in ("openapi-spec-validator", "jsonschema"):
            try:
                versions.append(version(dist))
            except PackageNotFoundError:
                versions.append("unknown")
        _SALTS[kind] = f"{_LAYOUT}\0{kind}\0" + "\0".join(versions)
    return _SALTS[kind]


def _key(label: str, value: Any) -> str:
    # repr, not JSON: it tells 200 from "200" (YAML keys) and 1 from 1.0 and True, which
    # jsonschema treats differently; it is deterministic for the data a loader makes.
    return hashlib.sha256(label.encode() + repr(value).encode("utf-8", "surrogatepass")).hexdigest()
