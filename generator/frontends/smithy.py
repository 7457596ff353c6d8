"""Smithy 2.0 JSON AST (written as YAML or JSON) -> IR.

Only translation lives here; rules that need the whole IR (labels vs URI, cycles, collisions)
are in generator.validate.rules. Problems that make a node untranslatable are reported here and
the node is skipped, so one bad shape never hides the events of the others.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.frontends.smithy_rules import RulesReader
from generator.ir import (
    Auth,
    AuthKind,
    Binding,
    Constraints,
    EndpointRules,
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

PRELUDE = "smithy.api#"

_SIMPLE_KINDS = {
    "string": Kind.STRING,
    "boolean": Kind.BOOLEAN,
    "byte": Kind.BYTE,
    "short": Kind.SHORT,
    "integer": Kind.INTEGER,
    "long": Kind.LONG,
    "float": Kind.FLOAT,
    "double": Kind.DOUBLE,
    "bigInteger": Kind.BIG_INTEGER,
    "bigDecimal": Kind.BIG_DECIMAL,
    "timestamp": Kind.TIMESTAMP,
    "blob": Kind.BLOB,
    "document": Kind.DOCUMENT,
}
_AGGREGATE_KINDS = {
    "structure": Kind.STRUCTURE,
    "union": Kind.UNION,
    "list": Kind.LIST,
    "set": Kind.LIST,  # Smithy 1.0 set == list with uniqueItems
    "map": Kind.MAP,
    "enum": Kind.ENUM,
    "intEnum": Kind.INT_ENUM,
}
_OTHER_TYPES = {"operation", "service", "resource", "apply"}

# Prelude shapes the models target without defining them.
_PRELUDE_SHAPES: dict[str, Kind] = {
    "String": Kind.STRING,
    "Blob": Kind.BLOB,
    "BigInteger": Kind.BIG_INTEGER,
    "BigDecimal": Kind.BIG_DECIMAL,
    "Timestamp": Kind.TIMESTAMP,
    "Document": Kind.DOCUMENT,
    "Boolean": Kind.BOOLEAN,
    "PrimitiveBoolean": Kind.BOOLEAN,
    "Byte": Kind.BYTE,
    "PrimitiveByte": Kind.BYTE,
    "Short": Kind.SHORT,
    "PrimitiveShort": Kind.SHORT,
    "Integer": Kind.INTEGER,
    "PrimitiveInteger": Kind.INTEGER,
    "Long": Kind.LONG,
    "PrimitiveLong": Kind.LONG,
    "Float": Kind.FLOAT,
    "PrimitiveFloat": Kind.FLOAT,
    "Double": Kind.DOUBLE,
    "PrimitiveDouble": Kind.DOUBLE,
}
UNIT = PRELUDE + "Unit"

_PROTOCOLS = {
    "aws.protocols#restJson1": Protocol.REST_JSON1,
    "aws.protocols#awsJson1_1": Protocol.AWS_JSON_1_1,
    "aws.protocols#awsJson1_0": Protocol.AWS_JSON_1_0,
    "aws.protocols#awsQuery": Protocol.AWS_QUERY,
    "aws.protocols#ec2Query": Protocol.EC2_QUERY,
}

# Protocols whose bodies are not JSON: jsonName means nothing to them (the AWS JSON RPCs do not
# support it either: smithy.io, "AWS JSON 1.0/1.1 protocol").
_IGNORES_JSON_NAME = (
    "aws.protocols#awsJson1_0",
    "aws.protocols#awsJson1_1",
    "aws.protocols#awsQuery",
    "aws.protocols#ec2Query",
)
_QUERY_ERROR = "aws.protocols#awsQueryError"
_EC2_QUERY_NAME = "aws.protocols#ec2QueryName"

# Traits that change the client; everything else is either known-inert (below) or noted.
_HANDLED_TRAITS = {
    PRELUDE + t
    for t in (
        "documentation required default http httpLabel httpQuery httpHeader httpPayload "
        "httpResponseCode httpPrefixHeaders idempotencyToken idempotent readonly error httpError "
        "retryable enumValue length range pattern timestampFormat jsonName sensitive paginated "
        "endpoint input output deprecated uniqueItems title httpQueryParams hostLabel mediaType "
        "requestCompression httpChecksumRequired sparse clientOptional enum auth streaming "
        "eventPayload eventHeader requiresLength xmlName xmlFlattened"
    ).split()
} | {"aws.api#service", "aws.auth#sigv4", _QUERY_ERROR, _EC2_QUERY_NAME, *_PROTOCOLS}

# Traits that have no effect on a generated client; ignored silently because they are common
# in official models and a note per use would bury real findings.
_INERT_TRAIT_PREFIXES = (
    "aws.iam#",
    "aws.api#arn",
    "aws.api#data",
    "aws.api#controlPlane",
    "aws.api#dataPlane",
    "aws.api#clientEndpointDiscovery",
    "aws.cloudformation#",
    "smithy.rules#",
    "smithy.waiters#",
    "smithy.test#",
    PRELUDE + "cors",
    PRELUDE + "examples",
    PRELUDE + "externalDocumentation",
    PRELUDE + "private",
    PRELUDE + "suppress",
    PRELUDE + "tags",
    PRELUDE + "resourceIdentifier",
    PRELUDE + "references",
    PRELUDE + "since",
    PRELUDE + "unstable",
    PRELUDE + "internal",
    PRELUDE + "recommended",
    PRELUDE + "addedDefault",
    PRELUDE + "box",
    PRELUDE + "xmlNamespace",
    PRELUDE + "xmlAttribute",
    PRELUDE + "optionalAuth",
    PRELUDE + "notProperty",
    PRELUDE + "property",
    PRELUDE + "nestedProperties",
    PRELUDE + "mixin",
    PRELUDE + "idRef",
    PRELUDE + "trait",
    PRELUDE + "protocolDefinition",
    PRELUDE + "authDefinition",
)

_TIMESTAMP_FORMATS = {"date-time", "epoch-seconds", "http-date"}
_LABEL = re.compile(r"\{([^}]*)\}")

# How mixins merge the properties of a shape (smithy.io, "Mixins on shapes with non-member
# properties": scalar properties of the shape are kept, lists and maps are merged).
_MIXIN_MEMBERS = ("members",)
_MIXIN_MEMBER_NODES = ("member", "key", "value")
_MIXIN_LISTS = ("errors", "operations", "resources", "collectionOperations")
_MIXIN_MAPS = ("rename", "identifiers", "properties")


def _relocate(origins: dict[Path, Path], path: Path, suffix: Path) -> Path:
    """Where `path + suffix` of a flattened shape is written: under the mixin it came from
    (the longest prefix of `suffix` in `origins`), else in the shape itself."""
    for k in range(len(suffix), 0, -1):
        hit = origins.get(suffix[:k])
        if hit is not None:
            return hit + suffix[k:]
    return path + suffix


def _redeclared(base: Any, member: Any) -> Any:
    """A member a shape (or a later mixin) redeclares: its traits over the inherited ones."""
    if isinstance(base, dict) and isinstance(member, dict):
        traits = {**(base.get("traits") or {}), **(member.get("traits") or {})}
        return {**base, **member, "traits": traits}
    return member


def _is_mixin(node: dict[str, Any]) -> bool:
    traits = node.get("traits")
    return isinstance(traits, dict) and PRELUDE + "mixin" in traits


def _local_traits(mixin: dict[str, Any]) -> set[str]:
    """The traits a mixin keeps to itself: `@mixin(localTraits: [...])`."""
    traits = mixin.get("traits")
    value = traits.get(PRELUDE + "mixin") if isinstance(traits, dict) else None
    local = value.get("localTraits") if isinstance(value, dict) else None
    return {t for t in local if isinstance(t, str)} if isinstance(local, list) else set()


class SmithyFrontend:
    def __init__(self, doc: Document, diags: Diagnostics) -> None:
        self.doc = doc
        self.diags = diags
        self.notes: list[Note] = []
        self._noted_traits: set[str] = set()
        raw = doc.data.get("shapes") if isinstance(doc.data, dict) else None
        self.raw: dict[str, Any] = raw if isinstance(raw, dict) else {}
        self._flattened: dict[str, tuple[Any, dict[Path, Path]]] = {}
        self._service_id = ""
        self._rules = RulesReader(doc, diags)
        self._endpoint_rules: EndpointRules | None = None
        # The AWS JSON RPC protocols do not support jsonName: members travel under their own
        # names (smithy.io, "AWS JSON 1.0/1.1 protocol"), so the trait is not applied there.
        self._honours_json_name = not any(
            isinstance(node, dict)
            and node.get("type") == "service"
            and isinstance(node.get("traits"), dict)
            and any(t in node["traits"] for t in _IGNORES_JSON_NAME)
            for node in (
                self._flat(k)[0]  # a service mixin may carry the protocol
                for k, v in self.raw.items()
                if isinstance(v, dict) and v.get("type") == "service"
            )
        )

    # -- helpers -----------------------------------------------------------------------------

    def loc(self, *path: Any) -> Location:
        return self.doc.loc(tuple(path))

    def _traits(self, node: dict[str, Any], path: Path) -> dict[str, Any]:
        traits = node.get("traits", {})
        if not isinstance(traits, dict):
            self.diags.error(
                "WrongType",
                self.doc.loc(path + ("traits",)),
                "'traits' must be a mapping of trait id to value",
                'write traits as `traits: {"smithy.api#required": {}}`',
            )
            return {}
        for trait_id in traits:
            if trait_id in _HANDLED_TRAITS or str(trait_id).startswith(_INERT_TRAIT_PREFIXES):
                continue
            if trait_id not in self._noted_traits:
                self._noted_traits.add(trait_id)
                where = self.doc.loc(path + ("traits", trait_id), key=True)
                self.notes.append(Note(f"unknown trait {trait_id!r} is ignored", where))
                self.diags.note(
                    "UnknownTrait",
                    where,
                    f"trait {trait_id!r} is not known to apismith and has no effect on the client",
                    "nothing to do unless you expected this trait to change the generated code",
                )
        return traits

    def _docs(self, traits: dict[str, Any], path: Path) -> str:
        doc = traits.get(PRELUDE + "documentation", "")
        if not isinstance(doc, str):
            self.diags.error(
                "WrongType",
                self.doc.loc(path + ("traits", PRELUDE + "documentation")),
                "the documentation trait must be a string",
                "quote the documentation text",
            )
            return ""
        return doc

    def _expect(self, value: Any, typ: type | tuple[type, ...], path: Path, what: str) -> bool:
        if isinstance(value, typ) and not (isinstance(value, bool) and typ in (int, float)):
            return True
        names = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
        self.diags.error(
            "WrongType",
            self.doc.loc(path),
            f"{what} must be {_article(names)}, got {_describe(value)}",
            f"write {what} as {_article(names)}",
        )
        return False

    # -- entry -------------------------------------------------------------------------------

    def build(self) -> Service | None:
        data = self.doc.data
        if not isinstance(data, dict) or not isinstance(data.get("shapes"), dict):
            self.diags.error(
                "WrongType",
                self.doc.loc(("shapes",) if isinstance(data, dict) and "shapes" in data else ()),
                "a Smithy JSON AST needs a 'shapes' mapping of shape id to shape",
                "add `shapes:` with entries like `example.ns#MyShape: {type: structure}`",
            )
            return None
        version = str(data.get("smithy", ""))
        if not version.startswith(("1.", "2.")):
            self.diags.error(
                "UnsupportedVersion",
                self.doc.loc(("smithy",)),
                f"unsupported Smithy IDL version {version!r}",
                'use `smithy: "2.0"`',
            )
        shapes: dict[str, Shape] = {}
        for name, kind in _PRELUDE_SHAPES.items():
            shapes[PRELUDE + name] = Shape(id=PRELUDE + name, name=name, kind=kind)
        services: list[str] = []
        operations: dict[str, dict[str, Any]] = {}
        for shape_id, node in self.raw.items():
            path: Path = ("shapes", shape_id)
            if not _valid_shape_id(shape_id):
                self.diags.error(
                    "InvalidShapeId",
                    self.doc.loc(path, key=True),
                    f"{shape_id!r} is not an absolute shape id",
                    "shape ids look like `namespace.name#ShapeName`",
                )
                continue
            if not self._expect(node, dict, path, f"shape {shape_id}"):
                continue
            typ = node.get("type")
            if typ is not None and not self._expect(
                typ, str, path + ("type",), f"the type of {shape_id}"
            ):
                continue
            if typ in _OTHER_TYPES:
                if typ == "service" and not _is_mixin(node):
                    services.append(shape_id)
                elif typ == "operation":
                    operations[shape_id] = node
                self._traits(node, path)
                continue
            shape = self._shape(shape_id, node, path)
            if shape is not None:
                shapes[shape_id] = shape
        if not services:
            self.diags.error(
                "MissingService",
                self.doc.loc(("shapes",), key=True),
                "the model has no service shape",
                "add a shape with `type: service` listing the operations",
            )
            return None
        if len(services) > 1:
            self.diags.error(
                "MultipleServices",
                self.doc.loc(("shapes", services[1]), key=True),
                f"the model has {len(services)} service shapes; apismith renders one per spec",
                "split the model into one spec per service",
            )
        return self._service(services[0], shapes, operations)

    # -- shapes ------------------------------------------------------------------------------

    def _shape(self, shape_id: str, node: dict[str, Any], path: Path) -> Shape | None:
        typ = node.get("type")
        origins: dict[Path, Path] = {}
        if node.get("mixins"):
            node, origins = self._flat(shape_id)
        traits = self._traits(node, path)
        name = shape_id.split("#", 1)[1]
        common: dict[str, Any] = dict(
            id=shape_id,
            name=name,
            docs=self._docs(traits, path),
            constraints=self._constraints(traits, path),
            sensitive=PRELUDE + "sensitive" in traits,
            deprecated=PRELUDE + "deprecated" in traits,
            loc=self.doc.loc(path, key=True),
        )
        if typ == "string" and PRELUDE + "enum" in traits:
            values = self._enum_trait(traits[PRELUDE + "enum"], path + ("traits", PRELUDE + "enum"))
            if values is not None:
                return Shape(kind=Kind.ENUM, enum_values=values, **common)
        if typ in _SIMPLE_KINDS:
            fmt = self._timestamp_format(traits, path)
            media = traits.get(PRELUDE + "mediaType")
            if media is not None and not self._expect(
                media, str, path + ("traits", PRELUDE + "mediaType"), "the mediaType trait"
            ):
                media = None
            return Shape(
                kind=_SIMPLE_KINDS[typ], timestamp_format=fmt, media_type=media or "", **common
            )
        if typ not in _AGGREGATE_KINDS:
            known = ", ".join(sorted({*_SIMPLE_KINDS, *_AGGREGATE_KINDS, *_OTHER_TYPES}))
            self.diags.error(
                "UnknownShapeType",
                self.doc.loc(path + ("type",)),
                f"shape {shape_id} has unknown type {typ!r}",
                f"use one of: {known}",
            )
            return None
        kind = _AGGREGATE_KINDS[typ]
        members: list[Member] = []
        enum_values: list[EnumValue] = []
        if kind in (Kind.LIST, Kind.MAP):
            keys = ("member",) if kind is Kind.LIST else ("key", "value")
            for key in keys:
                mnode = node.get(key)
                mpath = _relocate(origins, path, (key,))
                if mnode is None:
                    self.diags.error(
                        "MissingMember",
                        self.doc.loc(path, key=True),
                        f"{typ} shape {shape_id} needs a '{key}'",
                        f"add `{key}: {{target: smithy.api#String}}`",
                    )
                    return None
                member = self._member(key, mnode, mpath)
                if member is None:
                    return None
                members.append(member)
            if typ == "set":
                common["constraints"] = _with(common["constraints"], unique_items=True)
        else:
            raw_members = node.get("members", {})
            if not self._expect(raw_members, dict, path + ("members",), f"members of {shape_id}"):
                raw_members = {}
            for mname, mnode in raw_members.items():
                mpath = _relocate(origins, path, ("members", mname))
                if kind in (Kind.ENUM, Kind.INT_ENUM):
                    ev = self._enum_value(kind, str(mname), mnode, mpath)
                    if ev is not None:
                        enum_values.append(ev)
                    continue
                member = self._member(str(mname), mnode, mpath)
                if member is not None:
                    members.append(member)
        error = None
        if PRELUDE + "error" in traits:
            fault = traits[PRELUDE + "error"]
            if fault not in ("client", "server"):
                self.diags.error(
                    "WrongType",
                    self.doc.loc(path + ("traits", PRELUDE + "error")),
                    f"the error trait must be 'client' or 'server', got {_describe(fault)}",
                    'write `"smithy.api#error": client`',
                )
                fault = "client"
            status = traits.get(PRELUDE + "httpError")
            if status is not None and not self._expect(
                status, int, path + ("traits", PRELUDE + "httpError"), "httpError"
            ):
                status = None
            retry = traits.get(PRELUDE + "retryable")
            rpath = path + ("traits", PRELUDE + "retryable")
            if retry is not None and self._expect(retry, dict, rpath, "the retryable trait"):
                throttling = retry.get("throttling", False)
                if not self._expect(
                    throttling, bool, rpath + ("throttling",), "retryable throttling"
                ):
                    retry = {}
            error = ErrorInfo(
                fault=fault,
                http_status=status if status is not None else (400 if fault == "client" else 500),
                retryable=retry is not None,
                throttling=bool(isinstance(retry, dict) and retry.get("throttling")),
            )
        query_code = ""
        query_error = traits.get(_QUERY_ERROR)
        qpath = path + ("traits", _QUERY_ERROR)
        if query_error is not None and self._expect(query_error, dict, qpath, "awsQueryError"):
            code = query_error.get("code")
            if self._expect(code, str, qpath + ("code",), "the awsQueryError code"):
                query_code = code
            status = query_error.get("httpResponseCode")
            if (
                status is not None
                and error is not None
                and self._expect(
                    status, int, qpath + ("httpResponseCode",), "the awsQueryError httpResponseCode"
                )
            ):
                error = replace(error, http_status=status)
        return Shape(
            kind=kind,
            members=tuple(members),
            enum_values=tuple(enum_values),
            error=error,
            query_error_code=query_code,
            is_input=PRELUDE + "input" in traits,
            is_output=PRELUDE + "output" in traits,
            sparse=PRELUDE + "sparse" in traits,
            **common,
        )

    def _flat(
        self, shape_id: str, seen: frozenset[str] = frozenset()
    ) -> tuple[Any, dict[Path, Path]]:
        """The node of `shape_id` with its Smithy 2.0 mixins applied (the JSON AST does not
        repeat what a mixin gives), and where each inherited part is written: a map from a path
        inside the shape (`("members", "id")`, `("traits", "smithy.api#http")`,
        `("errors", 2)`) to the document path it came from (see `_relocate`). Cached: each bad
        mixin is reported once."""
        cached = self._flattened.get(shape_id)
        if cached is None:
            node = self.raw.get(shape_id)
            if isinstance(node, dict) and node.get("mixins"):
                cached = self._with_mixins(shape_id, node, ("shapes", shape_id), seen | {shape_id})
            else:
                cached = (node, {})
            self._flattened[shape_id] = cached
        return cached

    def _with_mixins(
        self, shape_id: str, node: dict[str, Any], path: Path, seen: frozenset[str]
    ) -> tuple[dict[str, Any], dict[Path, Path]]:
        """`node` flattened as smithy.io's "Mixins" says, for every shape type: members (and a
        list's `member`, a map's `key`/`value`) first from the mixins, in mixin order, then its
        own (a member it redeclares keeps the mixin's place and adds its traits); list
        properties (an operation's `errors`; a service's or resource's `operations`,
        `resources`, `errors`...) merged in that order without repeats; map properties
        (`rename`, `identifiers`, `properties`) merged with its own keys kept; other properties
        (`input`, `output`, `version`, `read`...) its own, else the last mixin's; traits its
        own over a later mixin's over an earlier one's, never `@mixin` itself nor the mixin's
        `localTraits`."""
        refs = node.get("mixins")
        if not isinstance(refs, list):
            self._expect(refs, list, path + ("mixins",), f"the mixins of {shape_id}")
            return node, {}
        flat: dict[str, Any] = {"type": node.get("type")}
        origins: dict[Path, Path] = {}
        traits: dict[str, Any] = {}
        for i, ref in enumerate(refs):
            target = ref.get("target") if isinstance(ref, dict) else None
            mixin = self.raw.get(target) if isinstance(target, str) else None
            if not isinstance(mixin, dict) or target in seen:
                cycle = target in seen
                self.diags.error(
                    "UnresolvedMixin",
                    self.doc.loc(path + ("mixins", i)),
                    f"{shape_id} mixes in "
                    + (target if isinstance(target, str) else _describe(target))
                    + ", "
                    + ("which mixes it in again" if cycle else "which is not a shape of the model"),
                    "list shapes marked `smithy.api#mixin` as `mixins: [{target: ns#Name}]`",
                )
                continue
            if mixin.get("type") != node.get("type"):
                self.diags.error(
                    "InvalidMixin",
                    self.doc.loc(path + ("mixins", i)),
                    f"{shape_id} is {_article(str(node.get('type')))} and mixes in {target}, "
                    f"which is {_article(str(mixin.get('type')))}",
                    "a shape can only mix in a mixin of its own type",
                )
                continue
            mpath: Path = ("shapes", str(target))
            inherited, inherited_origins = self._flat(str(target), seen)
            if not isinstance(inherited, dict):
                continue
            self._merge_mixin_part(flat, origins, inherited, inherited_origins, mpath)
            mtraits = inherited.get("traits")
            if not isinstance(mtraits, dict):
                continue
            local = {PRELUDE + "mixin"} | _local_traits(mixin)
            for trait_id, value in mtraits.items():
                if trait_id not in local:
                    traits.pop(trait_id, None)  # a later mixin's trait takes precedence
                    traits[trait_id] = value
                    origins[("traits", trait_id)] = _relocate(
                        inherited_origins, mpath, ("traits", trait_id)
                    )
        own = {k: v for k, v in node.items() if k not in ("mixins", "traits", "type")}
        self._merge_mixin_part(flat, origins, own, {}, path)
        own_traits = node.get("traits")
        if isinstance(own_traits, dict):
            for trait_id, value in own_traits.items():
                traits[trait_id] = value
                origins.pop(("traits", trait_id), None)
        elif own_traits is not None:
            flat["traits"] = own_traits  # reported as a WrongType where it is written
            return flat, origins
        flat["traits"] = traits
        return flat, origins

    @staticmethod
    def _merge_mixin_part(
        flat: dict[str, Any],
        origins: dict[Path, Path],
        part: dict[str, Any],
        part_origins: dict[Path, Path],
        part_path: Path,
    ) -> None:
        """Merge the properties of a flattened mixin (or of the shape itself, last) into
        `flat`. A property of the wrong kind is kept as written, for the checks to report."""
        for key, value in part.items():
            if key in ("type", "mixins", "traits"):
                continue
            if key in _MIXIN_MEMBERS and isinstance(value, dict):
                members = dict(flat.get(key) or {}) if isinstance(flat.get(key), dict) else {}
                for name, member in value.items():
                    members[name] = _redeclared(members.get(name), member)
                    origins[(key, name)] = _relocate(part_origins, part_path, (key, name))
                flat[key] = members
            elif key in _MIXIN_MEMBER_NODES and isinstance(value, dict):
                flat[key] = _redeclared(flat.get(key), value)
                origins[(key,)] = _relocate(part_origins, part_path, (key,))
            elif key in _MIXIN_LISTS and isinstance(value, list):
                merged = list(flat[key]) if isinstance(flat.get(key), list) else []
                for j, entry in enumerate(value):
                    if entry not in merged:
                        origins[(key, len(merged))] = _relocate(part_origins, part_path, (key, j))
                        merged.append(entry)
                flat[key] = merged
            elif key in _MIXIN_MAPS and isinstance(value, dict):
                mapping = dict(flat[key]) if isinstance(flat.get(key), dict) else {}
                for name, entry in value.items():
                    mapping[name] = entry
                    origins[(key, name)] = _relocate(part_origins, part_path, (key, name))
                flat[key] = mapping
            else:
                flat[key] = value
                origins[(key,)] = _relocate(part_origins, part_path, (key,))

    def _enum_trait(self, raw: Any, path: Path) -> tuple[EnumValue, ...] | None:
        """Smithy 1.0's `enum` trait on a string shape (still in official models): the same
        as an enum shape, named by `name` where given, else by the value."""
        if not self._expect(raw, list, path, "the enum trait"):
            return None
        values: list[EnumValue] = []
        for i, item in enumerate(raw):
            if not self._expect(item, dict, path + (i,), f"enum trait entry {i}"):
                continue
            value = item.get("value")
            if not self._expect(value, str, path + (i, "value"), f"the value of enum entry {i}"):
                continue
            name = item.get("name", value)
            docs = item.get("documentation", "")
            values.append(
                EnumValue(
                    name=name if isinstance(name, str) else value,
                    value=value,
                    docs=docs if isinstance(docs, str) else "",
                    loc=self.doc.loc(path + (i,)),
                )
            )
        return tuple(values)

    def _enum_value(self, kind: Kind, name: str, node: Any, path: Path) -> EnumValue | None:
        if not self._expect(node, dict, path, f"enum member {name}"):
            return None
        traits = self._traits(node, path)
        if kind is Kind.INT_ENUM and PRELUDE + "enumValue" not in traits:
            return None  # reported by generator.validate.smithy_traits (InvalidEnumValue)
        value: Any = traits.get(PRELUDE + "enumValue", name if kind is Kind.ENUM else None)
        want = str if kind is Kind.ENUM else int
        if not self._expect(
            value, want, path + ("traits", PRELUDE + "enumValue"), f"the value of {name}"
        ):
            return None
        return EnumValue(
            name=name, value=value, docs=self._docs(traits, path), loc=self.doc.loc(path, key=True)
        )

    def _member(self, name: str, node: Any, path: Path) -> Member | None:
        if not self._expect(node, dict, path, f"member {name}"):
            return None
        target = node.get("target")
        if not self._expect(target, str, path + ("target",), f"the target of member {name}"):
            return None
        traits = self._traits(node, path)
        binding, wire = Binding.BODY, name
        bindings = []
        for trait, kind in (
            ("httpLabel", Binding.LABEL),
            ("httpQuery", Binding.QUERY),
            ("httpHeader", Binding.HEADER),
            ("httpPayload", Binding.PAYLOAD),
            ("httpResponseCode", Binding.RESPONSE_CODE),
            ("httpPrefixHeaders", Binding.PREFIX_HEADERS),
            ("httpQueryParams", Binding.QUERY_PARAMS),
        ):
            if PRELUDE + trait in traits:
                bindings.append((trait, kind))
        # In the order they are written, so the event lands on the one that conflicts.
        order = {trait_id: i for i, trait_id in enumerate(traits)}
        bindings.sort(key=lambda b: order[PRELUDE + b[0]])
        if len(bindings) > 1:
            self.diags.error(
                "ConflictingBindings",
                self.doc.loc(path + ("traits", PRELUDE + bindings[1][0]), key=True),
                f"member {name} has several http bindings: " + ", ".join(t for t, _ in bindings),
                "keep exactly one of httpLabel, httpQuery, httpHeader, httpPayload",
            )
        if bindings:
            trait, binding = bindings[0]
            value = traits[PRELUDE + trait]
            if binding in (Binding.QUERY, Binding.HEADER, Binding.PREFIX_HEADERS):
                if self._expect(value, str, path + ("traits", PRELUDE + trait), trait):
                    wire = value
            elif binding is Binding.LABEL:
                wire = name
        if binding is Binding.BODY and PRELUDE + "jsonName" in traits and self._honours_json_name:
            json_name = traits[PRELUDE + "jsonName"]
            if self._expect(json_name, str, path + ("traits", PRELUDE + "jsonName"), "jsonName"):
                wire = json_name
        xml_name = traits.get(PRELUDE + "xmlName", "")
        if not self._expect(xml_name, str, path + ("traits", PRELUDE + "xmlName"), "xmlName"):
            xml_name = ""
        ec2_name = traits.get(_EC2_QUERY_NAME, "")
        if not self._expect(ec2_name, str, path + ("traits", _EC2_QUERY_NAME), "ec2QueryName"):
            ec2_name = ""
        default = traits.get(PRELUDE + "default")
        return Member(
            name=name,
            target=target,
            required=PRELUDE + "required" in traits,
            binding=binding,
            wire_name=wire,
            has_default=PRELUDE + "default" in traits,
            default=default,
            docs=self._docs(traits, path),
            idempotency_token=PRELUDE + "idempotencyToken" in traits,
            timestamp_format=self._timestamp_format(traits, path),
            constraints=self._constraints(traits, path),
            sensitive=PRELUDE + "sensitive" in traits,
            deprecated=PRELUDE + "deprecated" in traits,
            host_label=PRELUDE + "hostLabel" in traits,
            client_optional=PRELUDE + "clientOptional" in traits,
            xml_name=xml_name,
            xml_flattened=PRELUDE + "xmlFlattened" in traits,
            ec2_query_name=ec2_name,
            loc=self.doc.loc(path, key=True),
            target_loc=self.doc.loc(path + ("target",)),
        )

    def _timestamp_format(self, traits: dict[str, Any], path: Path) -> str | None:
        fmt = traits.get(PRELUDE + "timestampFormat")
        if fmt is None:
            return None
        if not isinstance(fmt, str) or fmt not in _TIMESTAMP_FORMATS:
            self.diags.error(
                "WrongType",
                self.doc.loc(path + ("traits", PRELUDE + "timestampFormat")),
                f"unknown timestampFormat {fmt!r}",
                "use date-time, epoch-seconds or http-date",
            )
            return None
        return str(fmt)

    def _constraints(self, traits: dict[str, Any], path: Path) -> Constraints:
        out: dict[str, Any] = {}
        for trait, keys in (("length", ("min", "max")), ("range", ("min", "max"))):
            value = traits.get(PRELUDE + trait)
            if value is None:
                continue
            tpath = path + ("traits", PRELUDE + trait)
            if not self._expect(value, dict, tpath, f"the {trait} trait"):
                continue
            for key in keys:
                if key in value and self._expect(
                    value[key], (int, float), tpath + (key,), f"{trait} {key}"
                ):
                    field_name = f"{key}_length" if trait == "length" else key
                    out[field_name] = value[key]
        pattern = traits.get(PRELUDE + "pattern")
        if pattern is not None:
            # ECMA-262; read by generator.validate.patterns (a WARNING when unreadable).
            ppath = path + ("traits", PRELUDE + "pattern")
            if self._expect(pattern, str, ppath, "the pattern trait"):
                out["pattern"] = pattern
        if PRELUDE + "uniqueItems" in traits:
            out["unique_items"] = True
        return Constraints(**out)

    # -- operations and service --------------------------------------------------------------

    def _service(
        self, service_id: str, shapes: dict[str, Shape], operations: dict[str, dict[str, Any]]
    ) -> Service:
        path: Path = ("shapes", service_id)
        self._service_id = service_id
        node, origins = self._flat(service_id)
        traits = self._traits(node, path)
        self._rules = RulesReader(self.doc, self.diags)
        self._endpoint_rules = self._rules.service(traits, path)
        op_ids = self._bound_operations(service_id)
        ops: list[Operation] = []
        for op_id, op_path in op_ids:
            if op_id not in operations:
                kind = "a shape of another type" if op_id in self.raw else "not defined"
                self.diags.error(
                    "DanglingTarget",
                    self.doc.loc(op_path),
                    f"operation {op_id} bound to the service is {kind}",
                    "define the operation shape or remove it from the service",
                )
                continue
            op = self._operation(op_id, traits)
            if op is not None:
                ops.append(op)
        # Errors bound to the service can come from every operation (Smithy service `errors`).
        common: list[str] = []
        raw_errors = node.get("errors", [])
        epath = _relocate(origins, path, ("errors",))
        if self._expect(raw_errors, list, epath, f"the errors of {service_id}"):
            for i, ref in enumerate(raw_errors):
                if isinstance(ref, dict) and isinstance(ref.get("target"), str):
                    common.append(ref["target"])
                else:
                    where = _relocate(origins, path, ("errors", i))
                    self._expect(ref, dict, where, f"error {i} of {service_id}")
        if common:
            ops = [
                replace(op, errors=op.errors + tuple(e for e in common if e not in op.errors))
                for op in ops
            ]
        protocol = None
        for trait_id, proto in _PROTOCOLS.items():
            if trait_id in traits:
                protocol = proto
                break
        if protocol is None:
            names = ", ".join(sorted(_PROTOCOLS))
            self.diags.error(
                "UnsupportedProtocol",
                self.doc.loc(path + ("traits",) if "traits" in node else path, key=True),
                f"service {service_id} has no supported protocol trait",
                f"add one of: {names}",
            )
            protocol = Protocol.REST_JSON1
        auth: list[Auth] = []
        sigv4 = traits.get("aws.auth#sigv4")
        if isinstance(sigv4, dict) and isinstance(sigv4.get("name"), str):
            auth.append(Auth(AuthKind.SIGV4, name=sigv4["name"]))
        elif sigv4 is not None:
            self.diags.error(
                "WrongType",
                self.doc.loc(path + ("traits", "aws.auth#sigv4")),
                "aws.auth#sigv4 needs a 'name' (the signing name)",
                'write `"aws.auth#sigv4": {name: myservice}`',
            )
        api = traits.get("aws.api#service", {})
        api = api if isinstance(api, dict) else {}
        name = service_id.split("#", 1)[1]
        sdk_id = str(api.get("sdkId", name))
        endpoint_prefix = str(
            api.get("endpointPrefix") or api.get("arnNamespace") or sdk_id.lower().replace(" ", "-")
        )
        return Service(
            name=name,
            version=str(node.get("version", "")),
            protocol=protocol,
            shapes=tuple(shapes[k] for k in sorted(shapes)),
            operations=tuple(ops),
            auth=tuple(auth),
            title=str(traits.get(PRELUDE + "title", "")),
            docs=self._docs(traits, path),
            sdk_id=sdk_id,
            endpoint_prefix=endpoint_prefix,
            endpoint_rules=self._endpoint_rules,
            target_prefix=name,
            source_format="smithy",
            notes=tuple(self.notes),
            loc=self.doc.loc(path, key=True),
        )

    def _bound_operations(self, service_id: str) -> list[tuple[str, Path]]:
        """Operations bound to the service directly or through (nested) resources."""
        found: list[tuple[str, Path]] = []
        seen: set[str] = set()
        stack: list[tuple[str, Path]] = [(service_id, ("shapes", service_id))]
        visited: set[str] = set()
        while stack:
            container_id, cpath = stack.pop(0)
            if container_id in visited:
                continue
            visited.add(container_id)
            node, origins = self._flat(container_id)
            if not isinstance(node, dict):
                self.diags.error(
                    "DanglingTarget",
                    self.doc.loc(cpath),
                    f"resource {container_id} is not defined",
                    "define the resource shape or remove the reference",
                )
                continue
            path: Path = ("shapes", container_id)
            for key in ("create", "put", "read", "update", "delete", "list"):
                ref = node.get(key)
                if isinstance(ref, dict) and isinstance(ref.get("target"), str):
                    where = _relocate(origins, path, (key, "target"))
                    self._add_op(found, seen, ref["target"], where)
            for key in ("operations", "collectionOperations", "resources"):
                refs = node.get(key, [])
                where = _relocate(origins, path, (key,))
                if not self._expect(refs, list, where, f"{key} of {container_id}"):
                    continue
                for i, ref in enumerate(refs):
                    rpath = _relocate(origins, path, (key, i))
                    if not (isinstance(ref, dict) and isinstance(ref.get("target"), str)):
                        self._expect(ref, dict, rpath, f"entry {i} of {key}")
                        continue
                    if key == "resources":
                        stack.append((ref["target"], rpath + ("target",)))
                    else:
                        self._add_op(found, seen, ref["target"], rpath + ("target",))
        return found

    @staticmethod
    def _add_op(found: list[tuple[str, Path]], seen: set[str], op_id: str, path: Path) -> None:
        if op_id not in seen:
            seen.add(op_id)
            found.append((op_id, path))

    def _operation(self, op_id: str, service_traits: dict[str, Any]) -> Operation | None:
        path: Path = ("shapes", op_id)
        node, origins = self._flat(op_id)
        traits = self._traits(node, path)

        def at(*suffix: Any) -> Path:  # where a part of the operation is written (or mixed in)
            return _relocate(origins, path, suffix)

        refs: dict[str, str | None] = {}
        for key in ("input", "output"):
            ref = node.get(key)
            if ref is None:
                refs[key] = None
            elif isinstance(ref, dict) and isinstance(ref.get("target"), str):
                refs[key] = None if ref["target"] == UNIT else ref["target"]
            else:
                self._expect(ref, dict, at(key), f"the {key} of {op_id}")
                refs[key] = None
        event_stream = self._event_streams(op_id, refs)
        errors: list[str] = []
        raw_errors = node.get("errors", [])
        if self._expect(raw_errors, list, at("errors"), f"the errors of {op_id}"):
            for i, ref in enumerate(raw_errors):
                if isinstance(ref, dict) and isinstance(ref.get("target"), str):
                    errors.append(ref["target"])
                else:
                    self._expect(ref, dict, at("errors", i), f"error {i} of {op_id}")
        http = None
        raw_http = traits.get(PRELUDE + "http")
        hpath = at("traits", PRELUDE + "http")
        if raw_http is not None and self._expect(raw_http, dict, hpath, "the http trait"):
            method, uri = raw_http.get("method"), raw_http.get("uri")
            code = raw_http.get("code", 200)
            ok = self._expect(method, str, hpath + ("method",), "http method")
            ok = self._expect(uri, str, hpath + ("uri",), "http uri") and ok
            ok = self._expect(code, int, hpath + ("code",), "http code") and ok
            if ok:
                http = Http(
                    method=method.upper(),
                    uri=uri,
                    code=code,
                    success_codes=(code,),
                    # Most http events are about the URI (labels, routes): point at it.
                    loc=self.doc.loc(hpath + ("uri",)),
                )
        endpoint = traits.get(PRELUDE + "endpoint", {})
        host_prefix = endpoint.get("hostPrefix", "") if isinstance(endpoint, dict) else ""
        compression = traits.get(PRELUDE + "requestCompression", {})
        encodings = compression.get("encodings", []) if isinstance(compression, dict) else []
        if not (isinstance(encodings, list) and all(isinstance(e, str) for e in encodings)):
            self._expect(
                encodings,
                list,
                at("traits", PRELUDE + "requestCompression", "encodings"),
                "requestCompression encodings (a list of strings)",
            )
            encodings = []
        unsigned = traits.get(PRELUDE + "auth", service_traits.get(PRELUDE + "auth")) == []
        return Operation(
            name=op_id.split("#", 1)[1],
            input=refs["input"],
            output=refs["output"],
            errors=tuple(errors),
            http=http,
            docs=self._docs(traits, path),
            idempotent=PRELUDE + "idempotent" in traits,
            readonly=PRELUDE + "readonly" in traits,
            host_prefix=str(host_prefix),
            pagination=self._pagination(traits, service_traits, path),
            deprecated=PRELUDE + "deprecated" in traits,
            request_compression=tuple(encodings),
            checksum_required=PRELUDE + "httpChecksumRequired" in traits,
            event_stream=event_stream,
            unsigned=unsigned,
            optional_auth=PRELUDE + "optionalAuth" in traits and not unsigned,
            endpoint=self._rules.operation(
                traits,
                path,
                self.raw.get(refs["input"] or ""),
                ("shapes", refs["input"] or ""),
                self._endpoint_rules,
            ),
            loc=self.doc.loc(path, key=True),
            ref_locs=tuple(
                (key, self.doc.loc(at(key, "target")))
                for key in ("input", "output")
                if isinstance(node.get(key), dict)
            )
            + tuple(
                (f"error:{ref}", self.doc.loc(at("errors", i, "target")))
                for i, ref in enumerate(errors)
            )
            + (("http.method", self.doc.loc(hpath + ("method",))),)
            + self._pagination_locs(traits, at("traits", PRELUDE + "paginated")),
        )

    def _event_streams(self, op_id: str, refs: dict[str, str | None]) -> str:
        """A WARNING (and a README note) per input or output member targeting a `@streaming`
        union: an event stream, which the generated clients do not frame or decode. Returns
        the role ("input"/"output") of the last such member, or ""."""
        found = ""
        for role in ("input", "output"):
            ref = refs[role]
            node, origins = self._flat(ref) if ref else (None, {})
            members = node.get("members") if isinstance(node, dict) else None
            if not isinstance(members, dict):
                continue
            for name, member in members.items():
                target = member.get("target") if isinstance(member, dict) else None
                tnode = self._flat(target)[0] if isinstance(target, str) else None
                if not (isinstance(tnode, dict) and tnode.get("type") == "union"):
                    continue
                ttraits = tnode.get("traits")
                if not (isinstance(ttraits, dict) and PRELUDE + "streaming" in ttraits):
                    continue
                where = self.doc.loc(
                    _relocate(origins, ("shapes", str(ref)), ("members", name)), key=True
                )
                effect = (
                    "the method sends the events as one JSON body, which the service refuses"
                    if role == "input"
                    else "the method raises ResponseDecodeError on the event-stream frames "
                    "a successful response carries (error responses are still parsed)"
                )
                message = (
                    f"{op_id.split('#', 1)[-1]}: the {role} member {name!r} is an event stream, "
                    f"which apismith does not support; {effect}"
                )
                self.notes.append(Note(message, where))
                self.diags.warning(
                    "EventStreamUnsupported",
                    where,
                    message,
                    "call this operation with botocore, or leave it out of the spec "
                    "(`apismith extract --operations`)",
                )
                found = role
        return found

    def _pagination_locs(
        self, traits: dict[str, Any], trait_path: Path
    ) -> tuple[tuple[str, Location], ...]:
        """Where each paginated member name is written: the operation's trait, or the service's
        when the value comes from there."""
        raw = traits.get(PRELUDE + "paginated")
        if not isinstance(raw, dict):
            return ()
        out = []
        for key in ("inputToken", "outputToken", "items", "pageSize"):
            where = (
                trait_path
                if key in raw
                else ("shapes", self._service_id, "traits", PRELUDE + "paginated")
            )
            out.append((f"paginated:{key}", self.doc.loc(where + (key,))))
        return tuple(out)

    def _pagination(
        self, traits: dict[str, Any], service_traits: dict[str, Any], path: Path
    ) -> Pagination | None:
        raw = traits.get(PRELUDE + "paginated")
        if raw is None:
            return None
        if not self._expect(raw, dict, path + ("traits", PRELUDE + "paginated"), "paginated"):
            return None
        # The service's paginated trait supplies defaults the operation may override.
        base = service_traits.get(PRELUDE + "paginated", {})
        merged = {**(base if isinstance(base, dict) else {}), **raw}
        names: dict[str, str | None] = {}
        for key in ("inputToken", "outputToken", "items", "pageSize"):
            value = merged.get(key)
            # Located on the operation's trait, or on the service's when the value comes from it.
            where = path if key in raw else ("shapes", self._service_id)
            tpath = where + ("traits", PRELUDE + "paginated", key)
            if value is not None and not self._expect(value, str, tpath, f"paginated {key}"):
                value = None
            names[key] = value
        return Pagination(
            input_token=names["inputToken"],
            output_token=names["outputToken"],
            items=names["items"],
            page_size=names["pageSize"],
        )


def uri_labels(uri: str) -> list[tuple[str, bool]]:
    """Label names in a URI pattern with their greedy flag: `{key+}` -> ("key", True)."""
    out = []
    for m in _LABEL.finditer(uri.split("?", 1)[0]):
        label = m.group(1)
        out.append((label.rstrip("+"), label.endswith("+")))
    return out


_SHAPE_ID = re.compile(
    r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*$"
)


def _valid_shape_id(shape_id: Any) -> bool:
    return isinstance(shape_id, str) and bool(_SHAPE_ID.match(shape_id))


def _with(c: Constraints, **changes: Any) -> Constraints:
    from dataclasses import replace

    return replace(c, **changes)


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {value}"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return f"{type(value).__name__} {value!r}"


def _article(names: str) -> str:
    pretty = {
        "dict": "mapping",
        "str": "string",
        "int": "integer",
        "list": "list",
        "float": "number",
    }
    parts = [pretty.get(n.strip(), n.strip()) for n in names.split(" or ")]
    text = " or ".join(parts)
    return ("an " if text[0] in "aeiou" else "a ") + text
