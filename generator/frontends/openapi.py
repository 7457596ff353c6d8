"""OpenAPI 3.0/3.1 (and Swagger 2.0, normalised first) -> IR.

Each operation gets a synthetic input structure (its parameters and request body, each with an
http binding) and a synthetic output structure (the success body as payload plus the response
headers), so the render stage treats OpenAPI and Smithy operations the same way. Named schemas
become shapes; inline schemas become shapes named after where they stand; inline `x-ms-enum`s
become shared enum shapes named by the extension.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.ir import (
    Auth,
    AuthKind,
    Binding,
    Constraints,
    EnumValue,
    ErrorInfo,
    Http,
    Kind,
    Member,
    Note,
    Operation,
    Pagination,
    Protocol,
    Service,
    Shape,
)
from generator.load import Document, Path

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Extensions that change the client, and those known to have no effect (not noted).
HANDLED_EXTENSIONS = {
    "x-ms-pageable",
    "x-ms-enum",
    "x-ms-client-name",
    "x-ms-parameter-grouping",
    "x-ms-parameterized-host",
    "x-ms-client-request-id",
    "x-ms-request-id",
    "x-ms-parameter-location",
    "x-ms-requestBody-name",
    "x-ms-skip-url-encoding",
    "x-nullable",
    "x-ms-secret",
}
INERT_EXTENSIONS = {"x-ms-examples", "x-ms-code-generation-settings", "x-ms-metadata"}

# Shared ids for primitive schemas without constraints of their own.
PRIMITIVE = "openapi#"

_SIMPLE = {
    ("string", None): Kind.STRING,
    ("string", "uuid"): Kind.STRING,
    ("string", "uri"): Kind.STRING,
    ("string", "url"): Kind.STRING,
    ("string", "password"): Kind.STRING,
    ("string", "email"): Kind.STRING,
    ("string", "date"): Kind.STRING,
    ("string", "date-time"): Kind.TIMESTAMP,
    ("string", "date-time-rfc1123"): Kind.TIMESTAMP,
    ("string", "duration"): Kind.DURATION,
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
_REF_PREFIX = "#/components/schemas/"
# Values an enum can hold (and a dict can be keyed by); lists and mappings are not enum values.
_SCALARS = (str, int, float, bool)


def pascal(text: str) -> str:
    parts = re.split(r"[^0-9A-Za-z]+", text)
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


class OpenApiFrontend:
    def __init__(self, doc: Document, diags: Diagnostics) -> None:
        self.doc = doc
        self.diags = diags
        self.notes: list[Note] = []
        self._noted: set[str] = set()
        self.shapes: dict[str, Shape] = {}
        self._building: set[str] = set()
        # Schemas whose allOf parents are being collected (to stop at an allOf cycle).
        self._inheriting: set[Path] = set()
        self.source_format = "openapi"
        self.spec: dict[str, Any] = doc.data
        self._swagger = False
        self._convertible = True
        if isinstance(doc.data, dict) and "swagger" in doc.data:
            from generator.extract import ExtractError
            from generator.extract.swagger2 import convert_swagger2
            from generator.frontends.swagger import check_swagger

            self.source_format = "swagger"
            self._swagger = True
            self.spec = {}
            # The conversion trusts its input's shape: convert only what the checks accept.
            self._convertible = check_swagger(doc, diags)
            if self._convertible:
                try:
                    self.spec = convert_swagger2(doc.data)
                except ExtractError as exc:  # a case check_swagger does not know yet
                    self._convertible = False
                    diags.error(
                        "SwaggerConversion",
                        doc.loc(()),
                        f"cannot convert the Swagger 2.0 document to OpenAPI 3: {exc}",
                        "fix the construct named above, or convert the document to OpenAPI 3",
                    )

    # -- locations ---------------------------------------------------------------------------

    def loc(self, path: Path, *, key: bool = False) -> Location:
        """Where `path` stands; `key=True` for the key naming it (a property, a schema, `get:`)."""
        if self._swagger:
            path = _swagger_path(path)
        return self.doc.loc(path, key=key)

    def _scan_extensions(self, node: dict[str, Any], path: Path) -> None:
        for key in node:
            if isinstance(key, str) and key.startswith("x-"):
                if key in HANDLED_EXTENSIONS or key in INERT_EXTENSIONS or key in self._noted:
                    continue
                self._noted.add(key)
                where = self.loc(path + (key,), key=True)
                self.notes.append(Note(f"unknown extension {key!r} is ignored", where))
                self.diags.note(
                    "UnknownExtension",
                    where,
                    f"extension {key!r} is not known to apismith and has no effect on the client",
                    "nothing to do unless you expected it to change the generated code",
                )

    # -- entry -------------------------------------------------------------------------------

    def build(self) -> Service | None:
        if not self._convertible:
            return None  # the Swagger checks reported why
        spec = self.spec
        info = spec.get("info") if isinstance(spec.get("info"), dict) else {}
        assert isinstance(info, dict)
        version = str(spec.get("openapi", spec.get("swagger", "")))
        if not re.match(r"^(3\.[01](\.\d+)?|2\.0)$", version):
            self.diags.error(
                "UnsupportedVersion",
                self.loc(("openapi",)),
                f"unsupported OpenAPI version {version!r}",
                "use openapi: 3.0.3 or 3.1.0 (or swagger: '2.0')",
            )
        schemas = _get(spec, "components", "schemas")
        if isinstance(schemas, dict):
            for name in schemas:
                self._named_schema(str(name))
        ops: list[Operation] = []
        paths = spec.get("paths", {})
        if not isinstance(paths, dict):
            self.diags.error(
                "WrongType", self.loc(("paths",)), "'paths' must be a mapping", "fix 'paths'"
            )
            paths = {}
        for uri, item in paths.items():
            ipath: Path = ("paths", uri)
            if not isinstance(item, dict):
                self._wrong(ipath, f"path item {uri}", "a mapping", item)
                continue
            self._scan_extensions(item, ipath)
            shared = item.get("parameters", [])
            for method in HTTP_METHODS:
                node = item.get(method)
                if node is None:
                    continue
                opath = ipath + (method,)
                if not isinstance(node, dict):
                    self._wrong(opath, f"operation {method.upper()} {uri}", "a mapping", node)
                    continue
                op = self._operation(str(uri), method, node, opath, shared)
                if op is not None:
                    ops.append(op)
        host = spec.get("x-ms-parameterized-host")
        host_template = ""
        if isinstance(host, dict) and isinstance(host.get("hostTemplate"), str):
            host_template = host["hostTemplate"]
        elif isinstance(spec.get("servers"), list) and spec["servers"]:
            first = spec["servers"][0]
            if isinstance(first, dict):
                host_template = str(first.get("url", ""))
        self._scan_extensions(spec, ())
        name = pascal(str(info.get("title", "Service"))) or "Service"
        if name[0].isdigit():
            self.diags.error(
                "InvalidServiceName",
                self.loc(("info", "title")),
                f"the client is named after info.title, and {name!r} starts with a digit, which a "
                "Python class name cannot",
                "start the title with a letter, e.g. 'Api 123'",
            )
        return Service(
            name=name,
            version=str(info.get("version", "")),
            protocol=Protocol.REST_JSON,
            shapes=tuple(self.shapes[k] for k in sorted(self.shapes)),
            operations=tuple(ops),
            auth=self._auth(),
            title=str(info.get("title", "")),
            docs=str(info.get("description", "")),
            sdk_id=str(info.get("title", "")),
            host_template=host_template,
            source_format=self.source_format,
            notes=tuple(self.notes),
            loc=self.loc(()),
        )

    def _auth(self) -> tuple[Auth, ...]:
        schemes = _get(self.spec, "components", "securitySchemes")
        out: list[Auth] = []
        if not isinstance(schemes, dict):
            return ()
        # Preference order is the document's `security` list; unlisted schemes follow by name.
        preferred: list[str] = []
        security = self.spec.get("security", []) or []
        for req in security if isinstance(security, list) else []:
            if isinstance(req, dict):
                preferred.extend(str(k) for k in req if k not in preferred)
        order = sorted(
            schemes, key=lambda n: (preferred.index(n) if n in preferred else 1 << 30, n)
        )
        for name in order:
            scheme = schemes[name]
            if not isinstance(scheme, dict):
                continue
            typ = scheme.get("type")
            if typ == "oauth2" or (typ == "http" and scheme.get("scheme") == "bearer"):
                scopes: list[str] = []
                flows = scheme.get("flows") or {}
                for flow in flows.values() if isinstance(flows, dict) else []:
                    if isinstance(flow, dict) and isinstance(flow.get("scopes"), dict):
                        scopes.extend(str(s) for s in flow["scopes"])
                out.append(Auth(AuthKind.BEARER, name=str(name), scopes=tuple(sorted(set(scopes)))))
            elif typ == "apiKey":
                header = str(scheme.get("name", ""))
                # Azure services declare their HMAC scheme as an apiKey on Authorization.
                kind = (
                    AuthKind.SHARED_KEY if header.lower() == "authorization" else AuthKind.API_KEY
                )
                out.append(Auth(kind, name=str(name), header=header))
        return tuple(out)

    # -- schemas -----------------------------------------------------------------------------

    def _wrong(self, path: Path, what: str, want: str, got: Any) -> None:
        kind = (
            "a mapping"
            if isinstance(got, dict)
            else "a list" if isinstance(got, list) else repr(got)
        )
        self.diags.error(
            "WrongType", self.loc(path), f"{what} must be {want}, got {kind}", f"make it {want}"
        )

    def _format(self, node: dict[str, Any], path: Path) -> str | None:
        fmt = node.get("format")
        if fmt is None or isinstance(fmt, str):
            return fmt
        self._wrong(path + ("format",), "format", "a string", fmt)
        return None

    def _resolve(self, node: Any, path: Path) -> tuple[Any, Path]:
        """Follow `$ref`s to local components; report dangling ones and cycles."""
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/"):
                self.diags.error(
                    "UnsupportedRef",
                    self.loc(path + ("$ref",)),
                    f"only local references are supported, got {ref!r}",
                    "inline the external document or copy the schema under components",
                )
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
            target_path = tuple(_unescape(p) for p in ref[2:].split("/"))
            target = _get(self.spec, *target_path)
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

    def _named_schema(self, name: str) -> str:
        shape_id = _REF_PREFIX + name
        if shape_id not in self.shapes and shape_id not in self._building:
            path: Path = ("components", "schemas", name)
            node = _get(self.spec, *path)
            self._building.add(shape_id)
            shape = self._schema_shape(shape_id, pascal(name), node, path)
            self._building.discard(shape_id)
            if shape is not None:
                self.shapes[shape_id] = shape
        return shape_id

    def _schema_ref(self, node: Any, path: Path, name_hint: str) -> tuple[str, dict[str, Any]]:
        """Target shape id for a schema in member position, plus the member-level schema
        (constraints, docs, nullability stay on the member)."""
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref.startswith(_REF_PREFIX) and "/" not in ref[len(_REF_PREFIX) :]:
                name = _unescape(ref[len(_REF_PREFIX) :])
                if _get(self.spec, "components", "schemas", name) is None:
                    self.diags.error(
                        "DanglingTarget",
                        self.loc(path + ("$ref",)),
                        f"reference {ref} points to nothing",
                        "define the schema under components/schemas or fix the reference",
                    )
                    return "", {}
                return self._named_schema(name), node
            target, tpath = self._resolve(node, path)
            if target is None:
                return "", {}
            node, path = target, tpath
        if not isinstance(node, dict):
            self._wrong(path, "a schema", "a mapping", node)
            return "", {}
        self._scan_extensions(node, path)
        enum_ext = node.get("x-ms-enum")
        if "enum" in node:
            ename = name_hint
            if isinstance(enum_ext, dict) and isinstance(enum_ext.get("name"), str):
                ename = pascal(enum_ext["name"])
            shape_id = "enum#" + ename
            shape = self._enum_shape(shape_id, ename, node, path)
            if shape is not None:
                # Enums with the same name and values are one enum (Azure's x-ms-enum sharing);
                # a different enum with a taken name is legal: it gets its own shape, and the
                # render stage tells the class names apart (Color, Color2) in declaration order.
                n = 1
                while (old := self.shapes.get(shape_id)) is not None and not _same_enum(old, shape):
                    n += 1
                    shape_id = f"enum#{ename}~{n}"
                if old is None:
                    if n > 1:
                        first = self.shapes["enum#" + ename]
                        self.diags.note(
                            "EnumNameConflict",
                            self.loc(path),
                            f"two different enums are both named {ename!r} (the other is at "
                            f"{first.loc.line}:{first.loc.col}); their classes get numeric "
                            "suffixes in declaration order",
                            "nothing to do; to choose the names, give them different x-ms-enum "
                            "names",
                        )
                    self.shapes[shape_id] = _replace(shape, id=shape_id)
            return shape_id, node
        typ = _schema_type(node)
        fmt = self._format(node, path)
        if typ in ("string", "integer", "number", "boolean"):
            kind = _SIMPLE.get((typ, fmt)) or _SIMPLE.get((typ, None))
            assert kind is not None
            shape_id = PRIMITIVE + (f"{typ}:{fmt}" if fmt else typ)
            if shape_id not in self.shapes:
                self.shapes[shape_id] = Shape(
                    id=shape_id,
                    name=pascal(f"{typ} {fmt or ''}"),
                    kind=kind,
                    timestamp_format=_TS_FORMAT.get(fmt or ""),
                    synthetic=True,
                )
            return shape_id, node
        if typ is None and not any(k in node for k in ("properties", "items", "allOf")):
            shape_id = PRIMITIVE + "any"
            self.shapes.setdefault(
                shape_id, Shape(id=shape_id, name="Document", kind=Kind.DOCUMENT, synthetic=True)
            )
            return shape_id, node
        shape_id = "#/" + "/".join(_escape(str(p)) for p in path)
        if shape_id not in self.shapes:
            shape = self._schema_shape(shape_id, name_hint, node, path)
            if shape is not None:
                self.shapes[shape_id] = shape
        return shape_id, node

    def _enum_shape(
        self, shape_id: str, name: str, node: dict[str, Any], path: Path
    ) -> Shape | None:
        values = node.get("enum")
        if not isinstance(values, list):
            self._wrong(path + ("enum",), "enum", "a list", values)
            return None
        ext = node.get("x-ms-enum") if isinstance(node.get("x-ms-enum"), dict) else {}
        assert isinstance(ext, dict)
        ext_values = ext.get("values", [])
        if not isinstance(ext_values, list):
            self._wrong(path + ("x-ms-enum", "values"), "x-ms-enum values", "a list", ext_values)
            ext_values = []
        described = {
            v.get("value"): v
            for v in ext_values
            if isinstance(v, dict) and isinstance(v.get("value"), _SCALARS)
        }
        kind = Kind.INT_ENUM if _schema_type(node) == "integer" else Kind.ENUM
        out: list[EnumValue] = []
        for i, value in enumerate(values):
            if value is None:
                continue  # `null` in an enum means nullable, not a value
            vpath = path + ("enum", i)
            if kind is Kind.INT_ENUM and (not isinstance(value, int) or isinstance(value, bool)):
                self._wrong(vpath, f"value {i} of integer enum {name}", "an integer", value)
                continue
            if not isinstance(value, _SCALARS):
                self._wrong(vpath, f"value {i} of enum {name}", "a string or a number", value)
                continue
            meta = described.get(value, {})
            ename = str(meta["name"]) if isinstance(meta.get("name"), str) else str(value)
            out.append(
                EnumValue(
                    name=ename,
                    value=value if isinstance(value, int) and kind is Kind.INT_ENUM else str(value),
                    docs=str(meta.get("description", "")),
                    loc=self.loc(vpath),
                )
            )
        return Shape(
            id=shape_id,
            name=name,
            kind=kind,
            enum_values=tuple(out),
            docs=_docs(node),
            loc=self.loc(path, key=True),
        )

    def _schema_shape(self, shape_id: str, name: str, node: Any, path: Path) -> Shape | None:
        target, tpath = self._resolve(node, path)
        if target is None:
            return None
        if not isinstance(target, dict):
            self._wrong(tpath, f"schema {name}", "a mapping", target)
            return None
        node, path = target, tpath
        self._scan_extensions(node, path)
        if "enum" in node:
            return self._enum_shape(shape_id, name, node, path)
        typ = _schema_type(node)
        common: dict[str, Any] = dict(
            id=shape_id,
            name=name,
            docs=_docs(node),
            loc=self.loc(path, key=True),
            deprecated=bool(node.get("deprecated")),
        )
        if typ == "array":
            items = node.get("items")
            if items is None:
                self.diags.error(
                    "MissingMember",
                    self.loc(path, key=True),
                    f"array schema {name} has no 'items'",
                    "add `items:` with the element schema",
                )
                return None
            target_id, msch = self._schema_ref(items, path + ("items",), name + "Item")
            if not target_id:
                return None
            member = self._member_from_schema("member", target_id, msch, path + ("items",), False)
            return Shape(
                kind=Kind.LIST, members=(member,), constraints=_constraints(node), **common
            )
        addl = node.get("additionalProperties")
        if (
            (typ == "object" or typ is None)
            and isinstance(addl, dict)
            and not node.get("properties")
        ):
            value_id, msch = self._schema_ref(
                addl, path + ("additionalProperties",), name + "Value"
            )
            if not value_id:
                return None
            key = Member(name="key", target=self._string_id())
            value = self._member_from_schema(
                "value", value_id, msch, path + ("additionalProperties",), False
            )
            return Shape(kind=Kind.MAP, members=(key, value), **common)
        if typ in ("string", "integer", "number", "boolean"):
            fmt = self._format(node, path)
            kind = _SIMPLE.get((typ, fmt)) or _SIMPLE[(typ, None)]
            return Shape(
                kind=kind,
                timestamp_format=_TS_FORMAT.get(fmt or ""),
                constraints=_constraints(node),
                **common,
            )
        if typ not in ("object", None):
            self.diags.error(
                "WrongType",
                self.loc(path + ("type",)),
                f"schema {name} has unknown type {typ!r}",
                "use one of: object, array, string, integer, number, boolean",
            )
            return None
        members = self._object_members(node, path, name)
        if members is None:
            return None
        if not members and "properties" not in node and "allOf" not in node:
            return Shape(kind=Kind.DOCUMENT, **common)
        return Shape(kind=Kind.STRUCTURE, members=tuple(members), **common)

    def _object_members(
        self, node: dict[str, Any], path: Path, name: str, *, top: bool = True
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
        members: list[Member] = []
        # Names required by any part: they apply to the merged schema.
        required_names: set[str] = set()
        parts = node.get("allOf", []) or []
        if not isinstance(parts, list):
            self._wrong(path + ("allOf",), f"allOf of {name}", "a list of schemas", parts)
            parts = []
        for i, part in enumerate(parts):
            ppath = path + ("allOf", i)
            resolved, rpath = self._resolve(part, ppath)
            if not isinstance(resolved, dict):
                if resolved is not None:
                    self._wrong(ppath, "an allOf entry", "a mapping", resolved)
                continue
            if rpath in self._inheriting:
                self.diags.error(
                    "RefCycle",
                    self.loc(ppath),
                    f"{name} inherits from itself through allOf",
                    "a schema cannot be its own parent; remove the allOf entry that leads back",
                )
                continue
            inherited = self._object_members(resolved, rpath, name, top=False)
            for member in inherited or []:
                members = _merge_member(members, member)
            required_names.update(r for r, _ in self._required_entries(resolved, rpath))
        props = node.get("properties", {}) or {}
        if not isinstance(props, dict):
            self._wrong(path + ("properties",), f"properties of {name}", "a mapping", props)
            return None
        required = node.get("required", []) or []
        if not isinstance(required, list):
            self._wrong(path + ("required",), f"required of {name}", "a list", required)
            required = []
        for i, req in enumerate(required):
            if not isinstance(req, str):
                self._wrong(path + ("required", i), f"entry {i} of required", "a string", req)
        # (name, path) of the `required` entries this schema answers for: its own and those of
        # its inline allOf parts (a $ref'd part is a schema of its own and reports its own).
        wanted = [(r, path + ("required", i)) for i, r in enumerate(required) if isinstance(r, str)]
        wanted += self._parts_required(parts, path)
        required_names.update(r for r, _ in wanted)
        for pname, pschema in props.items():
            ppath = path + ("properties", pname)
            hint = name + pascal(str(pname))
            target_id, msch = self._schema_ref(pschema, ppath, hint)
            if not target_id:
                continue
            member = self._member_from_schema(str(pname), target_id, msch, ppath, pname in required)
            members = _merge_member(members, member)
        names = {m.wire_name for m in members}
        members = [
            dataclasses.replace(m, required=True) if m.wire_name in required_names else m
            for m in members
        ]
        if top:
            for req, rpath in wanted:
                if req not in names:
                    # Legal JSON Schema (the key must be present, with any value), but the
                    # client has no typed field for it: most likely a typo.
                    self.diags.warning(
                        "UnknownRequired",
                        self.loc(rpath),
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

    def _member_from_schema(
        self, name: str, target: str, schema: dict[str, Any], path: Path, required: bool
    ) -> Member:
        client_name = schema.get("x-ms-client-name")
        shape = self.shapes.get(target)
        ts = shape.timestamp_format if shape else None
        return Member(
            name=client_name if isinstance(client_name, str) else name,
            target=target,
            required=required,
            binding=Binding.BODY,
            wire_name=name,
            has_default="default" in schema,
            default=schema.get("default"),
            docs=_docs(schema),
            timestamp_format=ts,
            constraints=_constraints(schema),
            sensitive=bool(schema.get("x-ms-secret")) or schema.get("format") == "password",
            deprecated=bool(schema.get("deprecated")),
            nullable=bool(schema.get("nullable") or schema.get("x-nullable")),
            read_only=bool(schema.get("readOnly")),
            loc=self.loc(path, key=True),
        )

    def _string_id(self) -> str:
        sid = PRIMITIVE + "string"
        self.shapes.setdefault(sid, Shape(id=sid, name="String", kind=Kind.STRING, synthetic=True))
        return sid

    # -- operations --------------------------------------------------------------------------

    def _operation(
        self, uri: str, method: str, node: dict[str, Any], path: Path, shared: Any
    ) -> Operation | None:
        self._scan_extensions(node, path)
        op_name = node.get("operationId")
        if not isinstance(op_name, str) or not op_name:
            self.diags.error(
                "MissingOperationId",
                self.loc(path, key=True),
                f"{method.upper()} {uri} has no operationId",
                "add `operationId:`; apismith names the client method after it",
            )
            return None
        base = pascal(op_name)
        members: list[Member] = []
        params: list[tuple[Any, Path]] = []
        if isinstance(shared, list):
            params += [(p, path[:-1] + ("parameters", i)) for i, p in enumerate(shared)]
        own = node.get("parameters", [])
        if not isinstance(own, list):
            self._wrong(path + ("parameters",), "parameters", "a list", own)
            own = []
        params += [(p, path + ("parameters", i)) for i, p in enumerate(own)]
        seen: dict[tuple[str, str], int] = {}
        n_shared = len(shared) if isinstance(shared, list) else 0
        for index, (raw, ppath) in enumerate(params):
            param, rpath = self._resolve(raw, ppath)
            if not isinstance(param, dict):
                if param is not None:
                    self._wrong(ppath, "a parameter", "a mapping", param)
                continue
            member = self._parameter(param, rpath, ppath, base)
            if member is None:
                continue
            key = (
                member.binding.value,
                member.wire_name.lower() if member.binding is Binding.HEADER else member.wire_name,
            )
            if key in seen and seen[key] < n_shared <= index:
                # Operation-level parameters override path-level ones of the same name and place;
                # duplicates within one list stay, for the ConflictingBindings rule to report.
                members[seen[key]] = member
                continue
            seen.setdefault(key, len(members))
            members.append(member)
        content_type = ""
        body = node.get("requestBody")
        if body is not None:
            bpath = path + ("requestBody",)
            resolved, rbpath = self._resolve(body, bpath)
            if isinstance(resolved, dict):
                content = resolved.get("content", {}) or {}
                ctype, media = _pick_json(content)
                content_type = ctype
                schema = media.get("schema") if isinstance(media, dict) else None
                bname = (
                    node.get("x-ms-requestBody-name")
                    or resolved.get("x-ms-requestBody-name")
                    or "body"
                )
                if schema is not None:
                    spath = rbpath + ("content", ctype, "schema")
                    target, msch = self._schema_ref(schema, spath, base + "Body")
                    if target:
                        members.append(
                            Member(
                                name=str(bname),
                                target=target,
                                required=bool(resolved.get("required")),
                                binding=Binding.PAYLOAD,
                                wire_name=str(bname),
                                docs=str(resolved.get("description", "")) or _docs(msch),
                                loc=self.loc(bpath, key=True),
                            )
                        )
        input_id = f"op#{op_name}/input"
        self.shapes[input_id] = Shape(
            id=input_id,
            name=base + "Request",
            kind=Kind.STRUCTURE,
            members=tuple(members),
            is_input=True,
            synthetic=True,
            loc=self.loc(path, key=True),
        )
        output_id, success, errors = self._responses(op_name, base, node, path)
        error_locs = tuple(
            (f"error:{ref}", self._error_locs.get(ref, self.loc(path, key=True))) for ref in errors
        )
        pagination = None
        pageable = node.get("x-ms-pageable")
        if isinstance(pageable, dict):
            nl = pageable.get("nextLinkName")
            pagination = Pagination(
                output_token=nl if isinstance(nl, str) else None,
                items=str(pageable.get("itemName", "value")),
                next_link=True,
            )
        summary = str(node.get("summary", ""))
        return Operation(
            name=op_name,
            input=input_id,
            output=output_id,
            errors=tuple(errors),
            http=Http(
                method=method.upper(),
                uri=uri,
                code=success[0] if success else 200,
                success_codes=tuple(success) or (200,),
                loc=self.doc.loc(_swagger_path(path[:2]) if self._swagger else path[:2], key=True),
            ),
            docs=str(node.get("description", "")),
            summary=summary,
            idempotent=method in ("get", "put", "delete", "head", "options"),
            readonly=method in ("get", "head"),
            pagination=pagination,
            request_content_type=content_type,
            deprecated=bool(node.get("deprecated")),
            loc=self.loc(path, key=True),
            ref_locs=error_locs + (("name", self.loc(path + ("operationId",))),),
        )

    def _parameter(
        self, param: dict[str, Any], path: Path, use_path: Path, op: str
    ) -> Member | None:
        self._scan_extensions(param, path)
        name, where = param.get("name"), param.get("in")
        if not isinstance(name, str) or where not in ("path", "query", "header", "cookie"):
            self.diags.error(
                "WrongType",
                self.loc(path),
                "a parameter needs a string 'name' and 'in' of path, query, header or cookie",
                "fix the parameter's name/in",
            )
            return None
        if param.get("x-ms-parameter-location") == "client":
            return None  # a client-level setting (endpoint, api-version), not a method argument
        if name == "api-version" and where == "query":
            return None  # the client owns the API version (constructor argument)
        if where == "cookie":
            self.diags.warning(
                "UnsupportedBinding",
                self.loc(path),
                f"cookie parameter {name!r} is not supported and is left out of the client",
                "send it as a header instead",
            )
            return None
        schema = param.get("schema")
        if schema is None and "content" in param:
            _, media = _pick_json(param["content"])
            schema = media.get("schema") if isinstance(media, dict) else None
        if schema is None:
            self.diags.error(
                "MissingSchema",
                self.loc(path),
                f"parameter {name!r} has no schema",
                "add `schema: {type: string}`",
            )
            return None
        target, msch = self._schema_ref(schema, path + ("schema",), op + pascal(name))
        if not target:
            return None
        binding = {"path": Binding.LABEL, "query": Binding.QUERY, "header": Binding.HEADER}[where]
        client_name = param.get("x-ms-client-name")
        grouping = param.get("x-ms-parameter-grouping")
        group = ""
        if isinstance(grouping, dict):
            group = str(grouping.get("name") or op + str(grouping.get("postfix", "Options")))
        shape = self.shapes.get(target)
        return Member(
            name=name,
            client_name=client_name if isinstance(client_name, str) else "",
            target=target,
            required=bool(param.get("required")),
            binding=binding,
            wire_name=name,
            # A YAML .nan/.inf default has no Python literal: treated as no default.
            has_default="default" in msch and _finite(msch.get("default")),
            default=msch.get("default") if _finite(msch.get("default")) else None,
            docs=str(param.get("description", "")) or _docs(msch),
            timestamp_format=shape.timestamp_format if shape else None,
            constraints=_constraints(msch),
            deprecated=bool(param.get("deprecated")),
            group=group,
            client_request_id=bool(param.get("x-ms-client-request-id")),
            loc=self.loc(use_path),
        )

    def _responses(
        self, op_name: str, base: str, node: dict[str, Any], path: Path
    ) -> tuple[str | None, list[int], list[str]]:
        responses = node.get("responses")
        rpath = path + ("responses",)
        if not isinstance(responses, dict) or not responses:
            self.diags.error(
                "MissingResponses",
                self.loc(rpath if responses is not None else path, key=True),
                f"operation {op_name} has no responses",
                "add at least one 2xx response",
            )
            return None, [], []
        success: list[int] = []
        members: list[Member] = []
        errors: list[str] = []
        self._error_locs: dict[str, Location] = {}
        for code, resp in responses.items():
            cpath = rpath + (code,)
            resolved, respath = self._resolve(resp, cpath)
            if not isinstance(resolved, dict):
                continue
            code_s = str(code)
            content = resolved.get("content", {}) or {}
            _, media = _pick_json(content) if isinstance(content, dict) else ("", {})
            schema = media.get("schema") if isinstance(media, dict) else None
            if code_s.startswith("2") and code_s.isdigit():
                success.append(int(code_s))
                if schema is not None and not any(m.binding is Binding.PAYLOAD for m in members):
                    ctype = _pick_json(content)[0]
                    target, _ = self._schema_ref(
                        schema, respath + ("content", ctype, "schema"), base + "Result"
                    )
                    if target:
                        members.append(
                            Member(
                                name="body",
                                target=target,
                                binding=Binding.PAYLOAD,
                                wire_name="body",
                                docs=str(resolved.get("description", "")),
                                loc=self.loc(cpath, key=True),
                            )
                        )
                headers = resolved.get("headers", {}) or {}
                if not isinstance(headers, dict):
                    self._wrong(respath + ("headers",), "response headers", "a mapping", headers)
                    headers = {}
                for hname, hnode in headers.items():
                    hres, hpath = self._resolve(hnode, respath + ("headers", hname))
                    if not isinstance(hres, dict):
                        continue
                    hschema = hres.get("schema", {"type": "string"})
                    target, _ = self._schema_ref(
                        hschema, hpath + ("schema",), base + pascal(str(hname))
                    )
                    if target and not any(
                        m.wire_name.lower() == str(hname).lower() for m in members
                    ):
                        shape = self.shapes.get(target)
                        members.append(
                            Member(
                                name=str(hname),
                                target=target,
                                binding=Binding.HEADER,
                                wire_name=str(hname),
                                docs=str(hres.get("description", "")),
                                timestamp_format=shape.timestamp_format if shape else None,
                                loc=self.loc(hpath, key=True),
                            )
                        )
            elif schema is not None:
                ctype = _pick_json(content)[0]
                target, _ = self._schema_ref(
                    schema, respath + ("content", ctype, "schema"), base + "Error"
                )
                if target and target in self.shapes:
                    status = int(code_s) if code_s.isdigit() else None
                    shape = self.shapes[target]
                    if shape.error is None:
                        fault = "server" if status and status >= 500 else "client"
                        self.shapes[target] = _replace(
                            shape, error=ErrorInfo(fault=fault, http_status=status)
                        )
                    if target not in errors:
                        errors.append(target)
                        self._error_locs[target] = self.loc(cpath, key=True)
        output_id = f"op#{op_name}/output"
        self.shapes[output_id] = Shape(
            id=output_id,
            name=base + "Response",
            kind=Kind.STRUCTURE,
            members=tuple(members),
            is_output=True,
            synthetic=True,
            loc=self.loc(rpath, key=True),
        )
        return output_id, sorted(success), errors


def _replace(shape: Shape, **changes: Any) -> Shape:
    from dataclasses import replace

    return replace(shape, **changes)


def _finite(value: Any) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def _merge_member(members: list[Member], member: Member) -> list[Member]:
    """Add a property; a redeclared one (same wire name) replaces the earlier declaration."""
    return [m for m in members if m.wire_name != member.wire_name] + [member]


def _same_enum(a: Shape, b: Shape) -> bool:
    """Same kind and the same values (names and wire values), wherever each was written."""
    key = [(v.name, v.value) for v in a.enum_values], a.kind
    return key == ([(v.name, v.value) for v in b.enum_values], b.kind)


def _pick_json(content: Any) -> tuple[str, Any]:
    """The JSON media type of a content map (the first one mentioning json, else the first)."""
    if not isinstance(content, dict) or not content:
        return "", {}
    for ctype, media in content.items():
        if "json" in str(ctype):
            return str(ctype), media
    ctype = next(iter(content))
    return str(ctype), content[ctype]


def _schema_type(node: dict[str, Any]) -> str | None:
    typ = node.get("type")
    if isinstance(typ, list):  # OpenAPI 3.1: type: [string, "null"]
        non_null = [t for t in typ if t != "null"]
        return str(non_null[0]) if non_null else None
    return typ if isinstance(typ, str) else None


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


def _get(node: Any, *path: Any) -> Any:
    for key in path:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _swagger_path(path: Path) -> Path:
    """Map a path in the normalised OpenAPI 3 document back to the Swagger 2.0 source."""
    if path[:2] == ("components", "schemas"):
        return ("definitions",) + path[2:]
    if path[:2] == ("components", "parameters"):
        return ("parameters",) + path[2:]
    if path[:2] == ("components", "securitySchemes"):
        return ("securityDefinitions",) + path[2:]
    if len(path) > 3 and path[0] == "paths" and path[3] == "requestBody":
        return path[:3] + ("parameters",)
    if len(path) > 5 and path[0] == "paths" and path[3] == "responses" and path[5] == "content":
        return path[:5] + ("schema",) + path[8:]
    return path
