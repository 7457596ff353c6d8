"""OpenAPI schemas -> IR shapes.

Named schemas (components/schemas) become shapes named after them; inline schemas become shapes
named after where they stand (`ListPetsResult`, `PetTagsItem`). Every legal schema gets a type:
objects are structures (allOf parts merged, a single named part kept as the base class), maps
and free-form objects dicts, oneOf/anyOf and type lists untagged unions (told apart by their
discriminator, else by value), `const` a literal, enums open enums of their scalar type, and
null (3.0 `nullable`, 3.1 `type: [..., "null"]`, a null variant) a nullable member. What has no
precise Python type (`not`, tuples, a schema that can only be null) is JSON typed `Any`, with
a NOTE.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from typing import Any

from generator.ir import Binding, Constraints, EnumValue, Kind, Member, Shape
from generator.load import Path

from .context import Context, get, pascal, pointer, unescape

PRIMITIVE = "openapi#"  # shared ids of primitive schemas without a name of their own
REF_PREFIX = "#/components/schemas/"

_SIMPLE: dict[tuple[str, str | None], Kind] = {
    ("string", None): Kind.STRING,
    ("string", "date-time"): Kind.TIMESTAMP,
    ("string", "date-time-rfc1123"): Kind.TIMESTAMP,
    ("string", "date"): Kind.DATE,
    ("string", "time"): Kind.TIME,
    ("string", "duration"): Kind.DURATION,
    ("string", "uuid"): Kind.UUID,
    ("string", "byte"): Kind.BLOB,
    ("string", "binary"): Kind.BLOB,
    ("integer", None): Kind.INTEGER,
    ("integer", "int32"): Kind.INTEGER,
    ("integer", "int64"): Kind.LONG,
    ("number", None): Kind.DOUBLE,
    ("number", "double"): Kind.DOUBLE,
    ("number", "float"): Kind.FLOAT,
    ("number", "decimal"): Kind.BIG_DECIMAL,
    ("boolean", None): Kind.BOOLEAN,
}
_TS_FORMAT = {"date-time": "date-time", "date-time-rfc1123": "http-date"}
_PRIMITIVE_TYPES = ("string", "integer", "number", "boolean")
# Keywords that give a schema a structure of its own (anything else only describes a value).
_STRUCTURAL = (
    "properties",
    "additionalProperties",
    "patternProperties",
    "items",
    "prefixItems",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "enum",
    "const",
    "discriminator",
)
# Values an enum can hold; lists and mappings are not enum values.
_SCALARS = (str, int, float, bool)


@dataclass
class Facets:
    """What a schema says about the member that holds the value, besides its type."""

    nullable: bool = False
    has_default: bool = False
    default: Any = None
    docs: str = ""
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    constraints: Constraints = field(default_factory=Constraints)
    sensitive: bool = False
    client_name: str = ""


class Schemas:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.shapes = ctx.shapes
        self._building: set[str] = set()
        self._inheriting: set[Path] = set()
        self._aliases: dict[str, str] = {}
        self._aliasing: set[str] = set()
        # Shapes (and aliases) whose every use admits null: a member targeting one is nullable.
        self._nullable: set[str] = set()
        # Inline enums by where they are written: a property an allOf merges into several
        # schemas is one enum class, named after its first owner, not one class per owner.
        self._enum_at: dict[str, str] = {}

    # -- entry points ------------------------------------------------------------------------

    def named(self, name: str) -> str:
        """The shape id of components/schemas/<name> (built on first use)."""
        sid = REF_PREFIX + name
        if sid in self._aliases:
            return self._aliases[sid]
        if sid in self.shapes or sid in self._building:
            return sid
        path: Path = ("components", "schemas", name)
        node = get(self.ctx.spec, *path)
        core, nullable = _split_null(node) if isinstance(node, dict) else (node, False)
        if isinstance(core, dict) and _is_alias(core):
            # `A: {$ref: B}` (or allOf with one part): A is another name for B.
            if sid in self._aliasing:
                self.ctx.diags.error(
                    "RefCycle",
                    self.ctx.loc(path),
                    f"schema {name} is an alias of itself",
                    "a chain of $refs must end at a schema; break the cycle",
                )
                return ""
            self._aliasing.add(sid)
            target, facets = self.ref(core, path, pascal(name))
            self._aliasing.discard(sid)
            if nullable or facets.nullable:
                self._nullable.add(sid)
            self._aliases[sid] = target
            return target
        self._building.add(sid)
        shape = self._build(sid, pascal(name) or "Schema", node, path)
        self._building.discard(sid)
        if shape is not None:
            self.shapes[sid] = shape
        return sid

    def is_nullable(self, shape_id: str) -> bool:
        return shape_id in self._nullable

    def ref(self, node: Any, path: Path, hint: str) -> tuple[str, Facets]:
        """The target shape of a schema in member position, and the member's facets."""
        if isinstance(node, bool):  # 3.1: `true` allows any value
            return self.any_id(), Facets()
        if not isinstance(node, dict):
            self.ctx.wrong(path, "a schema", "a mapping", node)
            return "", Facets()
        facets = _facets(node)
        core, nullable = _split_null(node)
        facets.nullable |= nullable
        target = self._target(core, path, hint, facets)
        if target in self._nullable:
            facets.nullable = True
        return target, facets

    def member(
        self, name: str, node: Any, path: Path, *, required: bool, hint: str
    ) -> Member | None:
        """A property or list/map value as an IR member (binding BODY)."""
        target, f = self.ref(node, path, hint)
        if not target:
            return None
        return self.member_for(name, target, f, path, required=required)

    def member_for(
        self, name: str, target: str, f: Facets, path: Path, *, required: bool
    ) -> Member:
        shape = self.shapes.get(target)
        return Member(
            name=f.client_name or name,
            target=target,
            required=required,
            binding=Binding.BODY,
            wire_name=name,
            has_default=f.has_default,
            default=f.default,
            docs=f.docs,
            timestamp_format=shape.timestamp_format if shape else None,
            constraints=f.constraints,
            sensitive=f.sensitive,
            deprecated=f.deprecated,
            nullable=f.nullable,
            read_only=f.read_only,
            write_only=f.write_only,
            loc=self.ctx.loc(path, key=True),
        )

    def any_id(self) -> str:
        sid = PRIMITIVE + "any"
        self.shapes.setdefault(
            sid, Shape(id=sid, name="Document", kind=Kind.DOCUMENT, synthetic=True)
        )
        return sid

    def string_id(self) -> str:
        return self._primitive("string", None)

    # -- schemas in member position ----------------------------------------------------------

    def _target(self, core: Any, path: Path, hint: str, facets: Facets) -> str:
        if isinstance(core, bool):
            return self.any_id()
        if not isinstance(core, dict):
            self.ctx.wrong(path, "a schema", "a mapping", core)
            return ""
        if "$ref" in core:
            ref = core["$ref"]
            if not isinstance(ref, str):
                self.ctx.wrong(path + ("$ref",), "$ref", "a string", ref)
                return ""
            rest = ref[len(REF_PREFIX) :]
            if ref.startswith(REF_PREFIX) and "/" not in rest:
                name = unescape(rest)
                if get(self.ctx.spec, "components", "schemas", name) is None:
                    self.ctx.diags.error(
                        "DanglingTarget",
                        self.ctx.loc(path + ("$ref",)),
                        f"reference {ref} points to nothing",
                        "define the schema under components/schemas or fix the reference",
                    )
                    return ""
                sid = REF_PREFIX + name
                target = self.named(name)
                if sid in self._nullable:
                    facets.nullable = True
                return target
            # Any other local node ($defs, a property of a component): one shape per place.
            node, tpath = self.ctx.resolve(core, path)
            if node is None:
                return ""
            inner = _facets(node) if isinstance(node, dict) else Facets()
            inner_core, nullable = _split_null(node) if isinstance(node, dict) else (node, False)
            facets.nullable |= nullable or inner.nullable
            last = str(tpath[-1]) if tpath else hint
            return self._target(inner_core, tpath, pascal(last) or hint, facets)
        return self._inline(core, path, hint)

    def _inline(self, node: dict[str, Any], path: Path, hint: str) -> str:
        self.ctx.scan_extensions(node, path)
        if "const" in node:
            return self._const(node["const"], path)
        types = _types(node)
        if "enum" in node and not (len(types) > 1):
            return self._inline_enum(node, path, hint)
        if (
            len(types) == 1
            and types[0] in _PRIMITIVE_TYPES
            and not any(k in node for k in _STRUCTURAL)
        ):
            fmt = _format(self.ctx, node, path)
            return self._primitive(types[0], fmt)
        if not types and not any(k in node for k in _STRUCTURAL) and "type" not in node:
            return self.any_id()
        if types == [] and node.get("type") is not None and not _structural(node):
            # `type: "null"` (or [null]) alone: a value that can only be null.
            self.ctx.note(
                "UntypedSchema",
                path,
                "a schema that only admits null is typed Any",
                "nothing to do; the value is passed through as JSON",
            )
            return self.any_id()
        sid = pointer(path)
        if sid not in self.shapes and sid not in self._building:
            self._building.add(sid)
            shape = self._build(sid, hint or "Schema", node, path)
            self._building.discard(sid)
            if shape is not None:
                self.shapes[sid] = shape
        return sid

    def _primitive(self, typ: str, fmt: str | None) -> str:
        kind = _SIMPLE.get((typ, fmt)) or _SIMPLE[(typ, None)]
        known = fmt if (typ, fmt) in _SIMPLE else None
        sid = PRIMITIVE + (f"{typ}:{known}" if known else typ)
        if sid not in self.shapes:
            self.shapes[sid] = Shape(
                id=sid,
                name=pascal(f"{typ} {known or ''}"),
                kind=kind,
                timestamp_format=_TS_FORMAT.get(known or ""),
                synthetic=True,
            )
        return sid

    def _const(self, value: Any, path: Path) -> str:
        kind = _scalar_kind(value)
        if kind is None:
            # An object or list constant: its value is known, its type is any JSON.
            return self.any_id()
        sid = PRIMITIVE + "const:" + json.dumps(value, sort_keys=True)
        if sid not in self.shapes:
            self.shapes[sid] = Shape(
                id=sid,
                name="Const",
                kind=kind,
                const=True,
                enum_values=(EnumValue(name=str(value), value=value),),
                synthetic=True,
                loc=self.ctx.loc(path),
            )
        return sid

    def _inline_enum(self, node: dict[str, Any], path: Path, hint: str) -> str:
        where = pointer(path)
        known = self._enum_at.get(where)
        if known is not None:
            return known
        sid = self._new_inline_enum(node, path, hint)
        if sid:
            self._enum_at[where] = sid
        return sid

    def _new_inline_enum(self, node: dict[str, Any], path: Path, hint: str) -> str:
        ext = node.get("x-ms-enum")
        name = hint or "Enum"
        if isinstance(ext, dict) and isinstance(ext.get("name"), str):
            name = pascal(ext["name"]) or name
        sid = "enum#" + name
        shape = self._enum_shape(sid, name, node, path)
        if shape is None:
            return ""
        if shape.kind is not Kind.ENUM and shape.kind is not Kind.INT_ENUM:
            sid = pointer(path)
            self.shapes.setdefault(sid, dataclasses.replace(shape, id=sid))
            return sid
        # Enums with the same name and values are one enum (Azure's x-ms-enum sharing); a
        # different enum with a taken name gets its own shape (its class a numeric suffix).
        n = 1
        while (old := self.shapes.get(sid)) is not None and not _same_enum(old, shape):
            n += 1
            sid = f"enum#{name}~{n}"
        if old is None:
            if n > 1:
                first = self.shapes["enum#" + name]
                self.ctx.diags.note(
                    "EnumNameConflict",
                    self.ctx.loc(path),
                    f"two different enums are both named {name!r} (the other is at "
                    f"{first.loc.line}:{first.loc.col}); their classes get numeric suffixes in "
                    "declaration order",
                    "nothing to do; to choose the names, give them different x-ms-enum names",
                )
            self.shapes[sid] = dataclasses.replace(shape, id=sid)
        return sid

    # -- shapes ------------------------------------------------------------------------------

    def _build(self, sid: str, name: str, node: Any, path: Path) -> Shape | None:
        target, tpath = self.ctx.resolve(node, path)
        if target is None:
            return None
        if isinstance(target, bool):
            return Shape(id=sid, name=name, kind=Kind.DOCUMENT, loc=self.ctx.loc(path))
        if not isinstance(target, dict):
            self.ctx.wrong(tpath, f"schema {name}", "a mapping", target)
            return None
        node, path = target, tpath
        self.ctx.scan_extensions(node, path)
        core, nullable = _split_null(node)
        if nullable:
            self._nullable.add(sid)
        common: dict[str, Any] = dict(
            id=sid,
            name=name,
            docs=_docs(node),
            loc=self.ctx.loc(path, key=True),
            deprecated=bool(node.get("deprecated")),
        )
        if "$ref" in core:  # a named nullable alias: `oneOf: [{$ref: X}, {type: null}]`
            inner, _ = self.ref(core, path, name)
            shape = self.shapes.get(inner)
            if shape is None:
                return Shape(kind=Kind.DOCUMENT, **common)
            return dataclasses.replace(shape, **common)
        if "const" in core:
            kind = _scalar_kind(core["const"])
            if kind is None:
                return Shape(kind=Kind.DOCUMENT, **common)
            value = core["const"]
            return Shape(
                kind=kind, const=True, enum_values=(EnumValue(str(value), value),), **common
            )
        types = _types(core)
        scalar = self._scalar_all_of(core, path) if not types else None
        if scalar is not None:
            how, value = scalar
            if how == "conflict":
                self.ctx.note(
                    "UntypedSchema",
                    path + ("allOf",),
                    f"the allOf parts of {name} have types no value can have at once "
                    f"({', '.join(value)}); it is typed Any",
                    "nothing to do; the value is passed through as JSON",
                )
                return Shape(kind=Kind.DOCUMENT, **common)
            core, types = value, _types(value)
        if "enum" in core and len(types) <= 1:
            return self._enum_shape(sid, name, core, path)
        union_key = "oneOf" if "oneOf" in core else "anyOf" if "anyOf" in core else ""
        if union_key and not core.get("properties") and "allOf" not in core:
            return self._union(core, path, union_key, common)
        if len(types) > 1:
            return self._type_union(core, path, types, common)
        typ = types[0] if types else _inferred_type(core)
        if typ == "array":
            return self._list(core, path, name, common)
        if typ == "object":
            return self._object(core, path, name, common)
        if typ in _PRIMITIVE_TYPES:
            fmt = _format(self.ctx, core, path)
            kind = _SIMPLE.get((typ, fmt)) or _SIMPLE[(typ, None)]
            return Shape(
                kind=kind,
                timestamp_format=_TS_FORMAT.get(fmt or ""),
                constraints=_constraints(core),
                **common,
            )
        if typ is not None and typ != "null":
            self.ctx.diags.error(
                "WrongType",
                self.ctx.loc(path + ("type",)),
                f"schema {name} has unknown type {typ!r}",
                "use one of: object, array, string, integer, number, boolean, null",
            )
            # Still a shape (Any), so the members using it are not also reported as dangling.
            return Shape(kind=Kind.DOCUMENT, **common)
        if "not" in core or typ == "null":
            self.ctx.note(
                "UntypedSchema",
                path,
                f"schema {name} has no Python type apismith can express ('not', or only null); "
                "it is typed Any",
                "nothing to do; the value is passed through as JSON",
            )
        return Shape(kind=Kind.DOCUMENT, **common)

    def _scalar_all_of(self, core: dict[str, Any], path: Path) -> tuple[str, Any] | None:
        """An `allOf` of schemas that are not objects (`[{type: string}, {maxLength: 5}]`):
        ("merged", the one schema they make) or ("conflict", the types that cannot meet).
        None when a part is an object or an array, or the schema is not such an allOf."""
        parts = core.get("allOf")
        if not isinstance(parts, list) or not parts or _structural_object(core):
            return None
        typed: list[tuple[Any, Path, dict[str, Any]]] = []
        merged: dict[str, Any] = {}
        for i, part in enumerate(parts):
            ppath = path + ("allOf", i)
            target, _ = self.ctx.resolve(part, ppath)
            if not isinstance(target, dict) or _structural_object(target):
                return None
            types = _types(target)
            if any(t in ("object", "array") for t in types) or "oneOf" in target:
                return None
            if "anyOf" in target or "items" in target or "prefixItems" in target:
                return None
            if types or "enum" in target or "const" in target:
                typed.append((part, ppath, target))
            merged.update({k: v for k, v in target.items() if k not in ("$ref", "$defs")})
        if not typed:
            return None
        kinds = {t for _, _, target in typed for t in _types(target)}
        if kinds == {"integer", "number"}:
            kinds = {"integer"}  # an integer is a number
        if len(kinds) > 1:
            return "conflict", sorted(kinds)
        outer = {k: v for k, v in core.items() if k != "allOf"}
        merged.update(outer)
        if kinds:
            merged["type"] = next(iter(kinds))
        return "merged", merged

    def _list(self, node: dict[str, Any], path: Path, name: str, common: dict[str, Any]) -> Shape:
        items = node.get("items")
        if "prefixItems" in node:
            # A tuple: no list[...] type says "a str, then a float"; its items are Any.
            self.ctx.note(
                "UntypedSchema",
                path + ("prefixItems",),
                f"the tuple items (prefixItems) of {name} are typed Any",
                "nothing to do; the values are passed through as JSON",
            )
            items = True
        elif isinstance(items, list):
            # JSON Schema draft 4's tuple form (`items: [a, b]`), which the Swagger 2.0 schema
            # allows: the same Any as prefixItems.
            self.ctx.note(
                "UntypedSchema",
                path + ("items",),
                f"the tuple items (a list of schemas under 'items') of {name} are typed Any",
                "nothing to do; the values are passed through as JSON",
            )
            items = True
        if items is None or items is True or items == {}:
            member = Member(name="member", target=self.any_id())
        else:
            made = self.member(
                "member", items, path + ("items",), required=False, hint=name + "Item"
            )
            member = made if made is not None else Member(name="member", target=self.any_id())
        return Shape(kind=Kind.LIST, members=(member,), constraints=_constraints(node), **common)

    def _object(
        self, node: dict[str, Any], path: Path, name: str, common: dict[str, Any]
    ) -> Shape | None:
        addl = node.get("additionalProperties")
        if "properties" not in node and "allOf" not in node:
            if addl is False:
                return Shape(kind=Kind.STRUCTURE, **common)  # an object that must be empty
            key = Member(name="key", target=self.string_id())
            value: Member | None = None
            if isinstance(addl, dict) and addl:
                value = self.member(
                    "value",
                    addl,
                    path + ("additionalProperties",),
                    required=False,
                    hint=name + "Value",
                )
            if value is None:
                value = Member(name="value", target=self.any_id())
            return Shape(kind=Kind.MAP, members=(key, value), **common)
        members = self._object_members(node, path, name, top=True)
        if members is None:
            return None
        additional: str | None = None
        if isinstance(addl, dict) and addl:
            additional, _ = self.ref(addl, path + ("additionalProperties",), name + "Value")
            additional = additional or None
        elif addl is True:
            additional = self.any_id()
        disc = node.get("discriminator")
        prop = ""
        mapping: tuple[tuple[str, str], ...] = ()
        if isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
            prop = disc["propertyName"]
            mapping = self._mapping(disc, path + ("discriminator",))
        return Shape(
            kind=Kind.STRUCTURE,
            members=tuple(members),
            additional=additional,
            base=self._base(node, path),
            discriminator=prop,
            discriminator_map=mapping,
            **common,
        )

    def _base(self, node: dict[str, Any], path: Path) -> str | None:
        """The named object schema this one extends: its only $ref'd allOf part."""
        parts = node.get("allOf")
        if not isinstance(parts, list):
            return None
        refs = [p["$ref"] for p in parts if isinstance(p, dict) and isinstance(p.get("$ref"), str)]
        named = [r for r in refs if r.startswith(REF_PREFIX) and "/" not in r[len(REF_PREFIX) :]]
        if len(named) != 1 or len(refs) != 1:
            return None
        name = unescape(named[0][len(REF_PREFIX) :])
        target = get(self.ctx.spec, "components", "schemas", name)
        if not _is_object(target):
            return None
        sid = self.named(name)
        return sid if sid and sid != pointer(path) else None

    def _object_members(
        self, node: dict[str, Any], path: Path, name: str, *, top: bool
    ) -> list[Member] | None:
        self._inheriting.add(path)
        try:
            return self._collect_members(node, path, name, top=top)
        finally:
            self._inheriting.discard(path)

    def _collect_members(
        self, node: dict[str, Any], path: Path, name: str, *, top: bool
    ) -> list[Member] | None:
        """Properties of an object schema, allOf parts merged first (as autorest flattens them).

        allOf parts may redeclare a property (the later declaration wins, once), and a part's
        `required` may name a property another part declares: required-ness is decided on the
        merged schema, so only `top` (the schema being built, not one of its parts) reports an
        UnknownRequired.
        """
        ctx = self.ctx
        members: list[Member] = []
        required_names: set[str] = set()
        parts = node.get("allOf", []) or []
        if not isinstance(parts, list):
            ctx.wrong(path + ("allOf",), f"allOf of {name}", "a list of schemas", parts)
            parts = []
        for i, part in enumerate(parts):
            ppath = path + ("allOf", i)
            resolved, rpath = ctx.resolve(part, ppath)
            if not isinstance(resolved, dict):
                if resolved is not None and not isinstance(resolved, bool):
                    ctx.wrong(ppath, "an allOf entry", "a mapping", resolved)
                continue
            if rpath in self._inheriting:
                ctx.diags.error(
                    "RefCycle",
                    ctx.loc(ppath),
                    f"{name} inherits from itself through allOf",
                    "a schema cannot be its own parent; remove the allOf entry that leads back",
                )
                continue
            core, _ = _split_null(resolved)
            if isinstance(core, dict) and "$ref" in core:
                core, rpath = ctx.resolve(core, rpath)
                if not isinstance(core, dict):
                    continue
            inherited = self._object_members(core, rpath, name, top=False)
            for member in inherited or []:
                members = _merge_member(members, member)
            required_names.update(r for r, _ in self._required_entries(core, rpath))
        props = node.get("properties", {}) or {}
        if not isinstance(props, dict):
            ctx.wrong(path + ("properties",), f"properties of {name}", "a mapping", props)
            return None
        required = node.get("required", []) or []
        if not isinstance(required, list):
            ctx.wrong(path + ("required",), f"required of {name}", "a list", required)
            required = []
        for i, req in enumerate(required):
            if not isinstance(req, str):
                ctx.wrong(path + ("required", i), f"entry {i} of required", "a string", req)
        # (name, path) of the `required` entries this schema answers for: its own and those of
        # its inline allOf parts (a $ref'd part is a schema of its own and reports its own).
        wanted = [(r, path + ("required", i)) for i, r in enumerate(required) if isinstance(r, str)]
        wanted += self._parts_required(parts, path)
        required_names.update(r for r, _ in wanted)
        for pname, pschema in props.items():
            ppath = path + ("properties", pname)
            prop_member = self.member(
                str(pname),
                pschema,
                ppath,
                required=pname in required,
                hint=name + pascal(str(pname)),
            )
            if prop_member is not None:
                members = _merge_member(members, prop_member)
        names = {m.wire_name for m in members}
        members = [
            (
                dataclasses.replace(m, required=True)
                if m.wire_name in required_names and not m.required
                else m
            )
            for m in members
        ]
        if top:
            for req, rpath in wanted:
                if req not in names:
                    # Legal JSON Schema (the key must be present, with any value), but the
                    # client has no typed field for it: most likely a typo.
                    ctx.diags.warning(
                        "UnknownRequired",
                        ctx.loc(rpath),
                        f"{req!r} is listed as required but {name} has no such property",
                        "remove it from 'required' or add the property",
                    )
        return members

    def _parts_required(self, parts: list[Any], path: Path) -> list[tuple[str, Path]]:
        """`required` entries of inline allOf parts (a $ref'd part reports its own)."""
        out: list[tuple[str, Path]] = []
        for i, part in enumerate(parts):
            if isinstance(part, dict) and "$ref" not in part:
                out += self._required_entries(part, path + ("allOf", i))
        return out

    def _required_entries(self, node: dict[str, Any], path: Path) -> list[tuple[str, Path]]:
        required = node.get("required", []) or []
        out = [
            (r, path + ("required", i))
            for i, r in enumerate(required if isinstance(required, list) else [])
            if isinstance(r, str)
        ]
        parts = node.get("allOf", []) or []
        if isinstance(parts, list) and path not in self._inheriting:
            out += self._parts_required(parts, path)
        return out

    # -- unions ------------------------------------------------------------------------------

    def _union(
        self, node: dict[str, Any], path: Path, key: str, common: dict[str, Any]
    ) -> Shape | None:
        parts = node.get(key)
        if not isinstance(parts, list):
            self.ctx.wrong(path + (key,), key, "a list of schemas", parts)
            return None
        if "oneOf" in node and "anyOf" in node:
            self.ctx.note(
                "UntypedSchema",
                path + ("anyOf",),
                f"{common['name']} has both oneOf and anyOf; the client reads it as its oneOf",
                "nothing to do",
            )
        variants: list[Member] = []
        seen: set[str] = set()
        names: set[str] = set()
        for i, part in enumerate(parts):
            if _is_null(part):
                continue
            vname = _variant_name(part, i)
            while vname in names:
                vname += str(i)
            target, facets = self.ref(part, path + (key, i), common["name"] + vname)
            if not target or target in seen:
                continue
            seen.add(target)
            names.add(vname)
            variants.append(
                Member(
                    name=vname,
                    target=target,
                    wire_name=vname,
                    nullable=facets.nullable,
                    loc=self.ctx.loc(path + (key, i)),
                )
            )
        if not variants:
            return Shape(kind=Kind.DOCUMENT, **common)
        disc = node.get("discriminator")
        prop = ""
        mapping: tuple[tuple[str, str], ...] = ()
        if isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
            prop = disc["propertyName"]
            explicit = self._mapping(disc, path + ("discriminator",))
            targets = {t for _, t in explicit}
            implicit = []
            for part in parts:
                ref = part.get("$ref") if isinstance(part, dict) else None
                if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                    name = unescape(ref[len(REF_PREFIX) :])
                    target = self.named(name)
                    if target and target not in targets:
                        implicit.append((name, target))
            mapping = explicit + tuple(implicit)
        if len(variants) == 1 and not prop:
            only = self.shapes.get(variants[0].target)
            if only is not None:
                return dataclasses.replace(only, **common)
        return Shape(
            kind=Kind.ONE_OF,
            members=tuple(variants),
            discriminator=prop,
            discriminator_map=mapping,
            **common,
        )

    def _type_union(
        self, node: dict[str, Any], path: Path, types: list[str], common: dict[str, Any]
    ) -> Shape:
        """`type: [number, string]`: one variant per type, the other keywords shared."""
        variants = []
        for typ in types:
            target, _ = self.ref({**node, "type": typ}, path, common["name"] + pascal(typ))
            if target:
                variants.append(
                    Member(name=pascal(typ), target=target, wire_name=typ, loc=self.ctx.loc(path))
                )
        return Shape(kind=Kind.ONE_OF, members=tuple(variants), **common)

    def _mapping(self, disc: dict[str, Any], path: Path) -> tuple[tuple[str, str], ...]:
        mapping = disc.get("mapping") or {}
        if not isinstance(mapping, dict):
            self.ctx.wrong(path + ("mapping",), "discriminator mapping", "a mapping", mapping)
            return ()
        out: list[tuple[str, str]] = []
        for value, ref in mapping.items():
            if not isinstance(ref, str):
                self.ctx.wrong(path + ("mapping", value), "a mapping entry", "a string", ref)
                continue
            name = ref[len(REF_PREFIX) :] if ref.startswith(REF_PREFIX) else ref
            if "/" in name or get(self.ctx.spec, "components", "schemas", unescape(name)) is None:
                self.ctx.diags.error(
                    "DanglingTarget",
                    self.ctx.loc(path + ("mapping", value)),
                    f"discriminator mapping {value!r} points to {ref!r}, which is not a schema",
                    "map each value to a schema name or #/components/schemas/<name>",
                )
                continue
            out.append((str(value), self.named(unescape(name))))
        return tuple(out)

    # -- enums -------------------------------------------------------------------------------

    def _enum_shape(
        self, shape_id: str, name: str, node: dict[str, Any], path: Path
    ) -> Shape | None:
        ctx = self.ctx
        values = node.get("enum")
        if not isinstance(values, list):
            ctx.wrong(path + ("enum",), "enum", "a list", values)
            return None
        ext = node.get("x-ms-enum") if isinstance(node.get("x-ms-enum"), dict) else {}
        assert isinstance(ext, dict)
        ext_values = ext.get("values", [])
        if not isinstance(ext_values, list):
            ctx.wrong(path + ("x-ms-enum", "values"), "x-ms-enum values", "a list", ext_values)
            ext_values = []
        described = {
            v.get("value"): v
            for v in ext_values
            if isinstance(v, dict) and isinstance(v.get("value"), _SCALARS)
        }
        types = _types(node)
        common: dict[str, Any] = dict(
            id=shape_id, name=name, docs=_docs(node), loc=ctx.loc(path, key=True)
        )
        present = [v for v in values if v is not None]
        for i, value in enumerate(values):
            if value is not None and not isinstance(value, _SCALARS):
                wanted = "object" if isinstance(value, dict) else "array"
                if types and wanted not in types:
                    # `type: string, enum: [red, {a: 1}]`: a value its own type excludes.
                    ctx.wrong(path + ("enum", i), f"value {i} of enum {name}", "a scalar", value)
                    return None
                # JSON Schema allows any value (Docker's ExposedPorts: `type: object, enum:
                # [{}]`); there is no Python enum of objects, so the values go unchecked.
                ctx.note(
                    "UntypedSchema",
                    path + ("enum", i),
                    f"enum {name} has a value that is not a scalar; it is typed Any",
                    "nothing to do; the service checks the value",
                )
                return Shape(kind=Kind.DOCUMENT, **common)
        if not present:
            ctx.note(
                "UntypedSchema",
                path + ("enum",),
                f"enum {name} only admits null; it is typed Any",
                "nothing to do",
            )
            return Shape(kind=Kind.DOCUMENT, **common)
        if all(isinstance(v, bool) for v in present) and "string" not in types:
            return Shape(kind=Kind.BOOLEAN, **common)
        if "integer" in types:
            kind = Kind.INT_ENUM
            for i, value in enumerate(values):
                if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                    ctx.wrong(
                        path + ("enum", i), f"value {i} of integer enum {name}", "an integer", value
                    )
                    return None
        elif "string" in types or all(isinstance(v, str) for v in present):
            kind = Kind.ENUM
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in present):
            kind = Kind.INT_ENUM
        else:
            kind = Kind.ENUM  # numbers or mixed scalars: an enum of their own values
        stringify = "string" in types
        out: list[EnumValue] = []
        seen: set[tuple[type, Any]] = set()
        for i, value in enumerate(values):
            if value is None:
                continue  # `null` in an enum means nullable, not a value
            meta = described.get(value, {})
            wire = str(value) if stringify else value
            if (type(wire), wire) in seen:
                # JSON Schema: the values SHOULD be unique, so a repeat is legal (APIs.guru's
                # Stripe lists one API version 97 times): it is the same member.
                ctx.note(
                    "DuplicateEnumValue",
                    path + ("enum", i),
                    f"enum {name} lists the value {wire!r} more than once; it is one member",
                    "nothing to do; remove the repeats to silence this note",
                    once=f"enum-repeat:{name}",
                )
                continue
            seen.add((type(wire), wire))
            ename = str(meta["name"]) if isinstance(meta.get("name"), str) else str(wire)
            out.append(
                EnumValue(
                    name=ename,
                    value=wire,
                    docs=str(meta.get("description", "")),
                    loc=ctx.loc(path + ("enum", i)),
                )
            )
        return Shape(kind=kind, enum_values=tuple(out), **common)

    # -- after every schema is read -----------------------------------------------------------

    def finish(self) -> None:
        """Whole-model fix-ups: polymorphic bases learn their subclasses, and collections that
        contain themselves (no Python type is a dict of itself) become models."""
        for sid, shape in list(self.shapes.items()):
            if shape.base is None:
                continue
            base = self.shapes.get(shape.base)
            if base is None or not base.discriminator:
                continue
            if any(target == sid for _, target in base.discriminator_map):
                continue
            value = shape.name
            node = get(self.ctx.spec, "components", "schemas", sid[len(REF_PREFIX) :])
            if isinstance(node, dict) and isinstance(node.get("x-ms-discriminator-value"), str):
                value = node["x-ms-discriminator-value"]
            elif sid.startswith(REF_PREFIX):
                value = unescape(sid[len(REF_PREFIX) :])
            self.shapes[base.id] = dataclasses.replace(
                base, discriminator_map=base.discriminator_map + ((value, sid),)
            )
        self._break_collection_cycles()

    def _break_collection_cycles(self) -> None:
        for sid in sorted(self.shapes):
            shape = self.shapes[sid]
            if shape.kind not in (Kind.LIST, Kind.MAP):
                continue
            chain = [sid]
            current = shape
            while current.kind in (Kind.LIST, Kind.MAP) and current.members:
                nxt = current.members[-1].target
                if nxt == sid:
                    break
                nshape = self.shapes.get(nxt)
                if nshape is None or nxt in chain:
                    chain = []
                    break
                chain.append(nxt)
                current = nshape
            else:
                continue
            if not chain or current.members[-1].target != sid:
                continue
            for cid in chain:
                cyc = self.shapes[cid]
                if cyc.kind is Kind.MAP:
                    # A dict of itself: a model that keeps every key as an extra property.
                    self.shapes[cid] = dataclasses.replace(
                        cyc, kind=Kind.STRUCTURE, members=(), additional=cyc.members[1].target
                    )
                elif cyc.kind is Kind.LIST:
                    self.ctx.note(
                        "UntypedSchema",
                        (),
                        f"{cyc.name} is a list of itself; its items are typed Any",
                        "nothing to do",
                    )
                    self.shapes[cid] = dataclasses.replace(
                        cyc, members=(Member(name="member", target=self.any_id()),)
                    )


# -- helpers over raw schema nodes -------------------------------------------------------------


def _types(node: dict[str, Any]) -> list[str]:
    """The declared non-null types, in order (3.1 type lists; [] when none is declared)."""
    typ = node.get("type")
    if isinstance(typ, str):
        return [] if typ == "null" else [typ]
    if isinstance(typ, list):
        return [str(t) for t in typ if t != "null" and isinstance(t, str)]
    return []


def _structural(node: dict[str, Any]) -> bool:
    return any(k in node for k in _STRUCTURAL)


_DESCRIPTIVE = frozenset(
    {
        "description",
        "title",
        "default",
        "example",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "nullable",
        "externalDocs",
        "$comment",
    }
)


def _descriptive(node: dict[str, Any]) -> bool:
    """Says something about a value without constraining its type (a description, a default)."""
    return all(k in _DESCRIPTIVE or str(k).startswith("x-") for k in node)


def _structural_object(node: dict[str, Any]) -> bool:
    """Declares an object's members (properties, extra properties, polymorphism)."""
    return any(k in node for k in ("properties", "additionalProperties", "discriminator"))


def _inferred_type(node: dict[str, Any]) -> str | None:
    if any(k in node for k in ("properties", "additionalProperties", "allOf", "discriminator")):
        return "object"
    if "items" in node or "prefixItems" in node:
        return "array"
    return None


def _is_null(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    typ = node.get("type")
    if typ == "null" or typ == ["null"]:
        return True
    return node.get("enum") == [None] or ("const" in node and node["const"] is None)


def _is_alias(node: dict[str, Any]) -> bool:
    """Only a $ref (3.1 may add descriptive siblings): another name for the referenced schema."""
    if "$ref" in node:
        return not any(k in node for k in _STRUCTURAL) and "type" not in node
    return False


def _is_object(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    core, _ = _split_null(node)
    if not isinstance(core, dict):
        return False
    types = _types(core)
    if types and types != ["object"]:
        return False
    return "properties" in core or "allOf" in core


def _split_null(node: dict[str, Any]) -> tuple[Any, bool]:
    """The schema without its null alternative, and whether null is allowed.

    Reads 3.0 `nullable`, Azure's `x-nullable`, 3.1 `type: [T, "null"]`, a `{type: null}`
    variant of oneOf/anyOf and a null in an enum; unwraps an allOf/oneOf/anyOf that is left
    with a single part (`allOf: [{$ref: X}]` with a description or default, `oneOf: [X, X]`).
    """
    nullable = node.get("nullable") is True or node.get("x-nullable") is True
    typ = node.get("type")
    if isinstance(typ, list) and "null" in typ:
        nullable = True
        rest = [t for t in typ if t != "null"]
        node = {**node, "type": rest[0]} if len(rest) == 1 else {**node, "type": rest}
        if not rest:
            node = {**node, "type": "null"}
    enum = node.get("enum")
    if isinstance(enum, list) and None in enum and any(v is not None for v in enum):
        nullable = True
    for key in ("oneOf", "anyOf"):
        parts = node.get(key)
        if not isinstance(parts, list):
            continue
        rest_parts = [p for p in parts if not _is_null(p)]
        if len(rest_parts) < len(parts):
            nullable = True
        outer = {k: v for k, v in node.items() if k != key}
        distinct = []
        for p in rest_parts:
            if p not in distinct:
                distinct.append(p)
        if len(distinct) == 1 and not _structural(outer) and isinstance(distinct[0], dict):
            # One schema left: the outer keys only describe it.
            core, inner_null = _split_null(_merged(outer, distinct[0]))
            return core, nullable or inner_null
        if len(distinct) < len(parts):
            node = {**outer, key: distinct} if distinct else outer
    parts = node.get("allOf")
    if isinstance(parts, list) and len(parts) > 1:
        # `allOf: [{$ref: X}, {description: ...}]`: the other parts only describe X.
        refs = [p for p in parts if isinstance(p, dict) and "$ref" in p]
        others = [p for p in parts if not any(p is r for r in refs)]
        if len(refs) == 1 and all(isinstance(p, dict) and _descriptive(p) for p in others):
            said: dict[str, Any] = {}
            for p in others:
                said.update(p)
            node = {**said, **{k: v for k, v in node.items() if k != "allOf"}, "allOf": refs}
            parts = refs
    if isinstance(parts, list) and len(parts) == 1 and isinstance(parts[0], dict):
        outer = {k: v for k, v in node.items() if k != "allOf"}
        if not _structural(outer) and outer.get("type") in (None, "object"):
            core, inner_null = _split_null(_merged(outer, parts[0]))
            return core, nullable or inner_null
    return node, nullable


def _merged(outer: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """`part` with the outer schema's descriptive keys (the outer ones win: they are closer)."""
    if "$ref" in part:
        keep = {k: v for k, v in outer.items() if k not in ("type", "nullable")}
        return {**keep, "$ref": part["$ref"]}
    merged = dict(part)
    for key, value in outer.items():
        if key != "type" or "type" not in part:
            merged[key] = value
    return merged


def _format(ctx: Context, node: dict[str, Any], path: Path) -> str | None:
    fmt = node.get("format")
    if fmt is None or isinstance(fmt, str):
        return fmt
    ctx.wrong(path + ("format",), "format", "a string", fmt)
    return None


def _scalar_kind(value: Any) -> Kind | None:
    if isinstance(value, bool):
        return Kind.BOOLEAN
    if isinstance(value, int):
        return Kind.LONG
    if isinstance(value, float):
        return Kind.DOUBLE
    if isinstance(value, str):
        return Kind.STRING
    return None


def _variant_name(part: Any, index: int) -> str:
    if not isinstance(part, dict):
        return f"Variant{index}"
    ref = part.get("$ref")
    if isinstance(ref, str):
        return pascal(unescape(ref.rsplit("/", 1)[-1])) or f"Variant{index}"
    title = part.get("title")
    if isinstance(title, str) and pascal(title) and len(title.split()) <= 3:
        return pascal(title)
    types = _types(part)
    if types:
        fmt = part.get("format")
        return pascal(f"{types[0]} {fmt}" if isinstance(fmt, str) else types[0])
    if "properties" in part or "allOf" in part:
        return "Object"
    if "items" in part:
        return "Array"
    return f"Variant{index}"


def _facets(node: dict[str, Any]) -> Facets:
    default = node.get("default")
    finite = not isinstance(default, float) or math.isfinite(default)
    client_name = node.get("x-ms-client-name")
    return Facets(
        nullable=node.get("nullable") is True or node.get("x-nullable") is True,
        has_default="default" in node and finite,
        default=default if finite else None,
        docs=_docs(node),
        read_only=node.get("readOnly") is True,
        write_only=node.get("writeOnly") is True,
        deprecated=node.get("deprecated") is True,
        constraints=_constraints(node),
        sensitive=node.get("x-ms-secret") is True or node.get("format") == "password",
        client_name=client_name if isinstance(client_name, str) else "",
    )


def _docs(node: Any) -> str:
    # Azure specs put a one-line summary in `title` and the detail in `description`.
    if not isinstance(node, dict):
        return ""
    title, description = str(node.get("title") or ""), str(node.get("description") or "")
    if title and description and title != description:
        return f"{title}\n\n{description}"
    return description or title


def _constraints(node: Any) -> Constraints:
    if not isinstance(node, dict):
        return Constraints()
    out: dict[str, Any] = {}
    for src, dst in (
        ("minLength", "min_length"),
        ("maxLength", "max_length"),
        ("minItems", "min_length"),
        ("maxItems", "max_length"),
        ("minimum", "min"),
        ("maximum", "max"),
    ):
        value = node.get(src)
        # YAML can say .inf or .nan; an infinite bound is no bound (and nan none either).
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            out[dst] = value
    if isinstance(node.get("pattern"), str):
        out["pattern"] = node["pattern"]
    if node.get("uniqueItems") is True:
        out["unique_items"] = True
    return Constraints(**out)


def _merge_member(members: list[Member], member: Member) -> list[Member]:
    """Add a property; a redeclared one (same wire name) replaces the earlier declaration."""
    return [m for m in members if m.wire_name != member.wire_name] + [member]


def _same_enum(a: Shape, b: Shape) -> bool:
    """Same kind and the same values (names and wire values), wherever each was written."""
    key = [(v.name, v.value) for v in a.enum_values], a.kind
    return key == ([(v.name, v.value) for v in b.enum_values], b.kind)
