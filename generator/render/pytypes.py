"""Python types and wire-conversion expressions for IR members.

Each function returns a Python *expression* as a string built only from names the symbol
provider made and `repr()` of spec values, so nothing from the spec can inject code.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import FLOAT_KINDS, INTEGER_KINDS, Binding, Kind, Member, Service, Shape
from generator.render.names import SymbolProvider
from generator.render.protocols import ProtocolGenerator

_SCALARS = {
    Kind.STRING: "str",
    Kind.BOOLEAN: "bool",
    Kind.BYTE: "int",
    Kind.SHORT: "int",
    Kind.INTEGER: "int",
    Kind.LONG: "int",
    Kind.BIG_INTEGER: "int",
    Kind.FLOAT: "float",
    Kind.DOUBLE: "float",
    Kind.BIG_DECIMAL: "float",
    Kind.TIMESTAMP: "datetime",
    Kind.DURATION: "timedelta",
    Kind.BLOB: "bytes",
    Kind.DOCUMENT: "Any",
    Kind.DATE: "date",
    Kind.TIME: "time",
    Kind.UUID: "UUID",
}
# Scalar kinds a value of which is written as is in JSON.
_JSON_NATIVE = (
    Kind.STRING,
    Kind.BOOLEAN,
    Kind.BYTE,
    Kind.SHORT,
    Kind.INTEGER,
    Kind.LONG,
    Kind.BIG_INTEGER,
    Kind.FLOAT,
    Kind.DOUBLE,
    Kind.BIG_DECIMAL,
    Kind.DOCUMENT,
)


@dataclass
class TypeMapper:
    service: Service
    symbols: SymbolProvider
    proto: ProtocolGenerator

    def __post_init__(self) -> None:
        self._shapes = self.service.shapes_by_id

    def shape(self, shape_id: str) -> Shape:
        shape = self._shapes.get(shape_id)
        assert shape is not None, shape_id  # validation guarantees targets exist
        return shape

    # -- annotations -------------------------------------------------------------------------

    def annotation(self, shape_id: str) -> str:
        shape = self.shape(shape_id)
        kind = self.kind(shape)
        if shape.const and shape.enum_values:
            return f"Literal[{shape.enum_values[0].value!r}]"
        if kind in _SCALARS:
            return _SCALARS[kind]
        if kind is Kind.LIST:
            return f"list[{self.member_annotation(shape.list_member, shape.sparse)}]"
        if kind is Kind.MAP:
            return f"dict[str, {self.member_annotation(shape.map_value, shape.sparse)}]"
        if kind is Kind.ONE_OF and not self.named_union(shape):
            return self.union_annotation(shape)
        return self.symbols.class_name(shape)

    def read_annotation(self, shape_id: str) -> str:
        """The type of a response body read whole: as `annotation`, but the items of its
        collections may be None where the protocol keeps the nulls a service sends (msrest)."""
        shape = self.shape(shape_id)
        kind = self.kind(shape)
        if kind not in (Kind.LIST, Kind.MAP) or self._drops_nulls or shape.const:
            return self.annotation(shape_id)
        item = shape.list_member if kind is Kind.LIST else shape.map_value
        inner = self.read_annotation(item.target)
        if inner != "Any" and not inner.endswith("| None"):
            inner += " | None"
        return f"list[{inner}]" if kind is Kind.LIST else f"dict[str, {inner}]"

    def member_annotation(self, member: Member, sparse: bool = False) -> str:
        """A collection's item type: `int | None` when its items may be null (an OpenAPI
        nullable item, a Smithy @sparse collection)."""
        inner = self.annotation(member.target)
        return f"{inner} | None" if (member.nullable or sparse) and inner != "Any" else inner

    def kind(self, shape: Shape) -> Kind:
        """The shape's kind as rendered: a protocol may read a format as a plain string."""
        if shape.kind is Kind.UUID and self.proto.uuid_as_str:
            return Kind.STRING
        return shape.kind

    # -- untagged unions ---------------------------------------------------------------------

    def named_union(self, shape: Shape) -> bool:
        """A union named in the spec gets a type alias; an inline one is spelled out."""
        return not shape.synthetic and shape.id.startswith("#/components/schemas/")

    def union_unknown(self, shape: Shape) -> bool:
        """Whether the union keeps values that match no variant (UnknownVariant): when its
        variants are told apart by a discriminator or are models."""
        if shape.discriminator:
            return True
        return any(
            self.kind(self.shape(m.target)) in (Kind.STRUCTURE, Kind.UNION) for m in shape.members
        )

    def union_annotation(self, shape: Shape) -> str:
        parts: list[str] = []
        for member in shape.members:
            for part in self.annotation(member.target).split(" | "):
                if part not in parts:
                    parts.append(part)
            if member.nullable and "None" not in parts:
                parts.append("None")
        if self.union_unknown(shape) and "UnknownVariant" not in parts:
            parts.append("UnknownVariant")  # a variant that is itself a union may have it
        if "Any" in parts:
            return "Any"
        if "None" in parts:  # last, as ruff (RUF036) wants it, whichever variant was nullable
            parts = [p for p in parts if p != "None"] + ["None"]
        return " | ".join(parts)

    # -- timestamp formats -------------------------------------------------------------------

    def ts_format(self, member: Member, where: str) -> str:
        target = self.shape(member.target)
        fmt = member.timestamp_format or target.timestamp_format
        return fmt or self.proto.timestamp_defaults[where]

    def _written(self, ts: str) -> str:
        """The format a timestamp is written in (the protocol's habits; parsing takes any)."""
        return self.proto.written_timestamp(ts)

    # -- JSON body values --------------------------------------------------------------------

    def to_json(self, shape_id: str, expr: str, ts: str, depth: int = 0) -> str:
        shape = self.shape(shape_id)
        kind = self.kind(shape)
        if shape.const:
            return expr
        if kind is Kind.DATE:
            return f"{expr}.isoformat()"
        if kind is Kind.TIME:
            return f"_wire.format_time({expr})"
        if kind is Kind.UUID:
            return f"str({expr})"
        if kind is Kind.ONE_OF:
            return f"{self.symbols.union_functions(shape)[1]}({expr})"
        if kind is Kind.TIMESTAMP:
            return f"_wire.format_timestamp({expr}, {self._written(ts)!r})"
        if kind is Kind.DURATION:
            return f"_wire.format_duration({expr})"
        if kind is Kind.BLOB:
            return f"_wire.b64encode({expr})"
        if kind in (Kind.ENUM, Kind.INT_ENUM):
            # `Cls(x)` accepts a member or its plain value (boto3-style strings) alike.
            return f"{self.symbols.class_name(shape)}({expr}).value"
        if kind in (Kind.STRUCTURE, Kind.UNION):
            return f"{expr}.to_wire()"
        if kind in (Kind.FLOAT, Kind.DOUBLE) and self.proto.float_strings:
            return f"_wire.float_json({expr})"
        if kind is Kind.LIST:
            v = f"v{depth}"
            inner = self._maybe_null(
                shape.list_member,
                self.to_json(shape.list_member.target, v, ts, depth + 1),
                v,
                self._keeps_nulls(shape),
            )
            return expr if inner == v else f"[{inner} for {v} in {expr}]"
        if kind is Kind.MAP:
            k, v = f"k{depth}", f"v{depth}"
            inner = self._maybe_null(
                shape.map_value,
                self.to_json(shape.map_value.target, v, ts, depth + 1),
                v,
                self._keeps_nulls(shape),
            )
            return expr if inner == v else f"{{{k}: {inner} for {k}, {v} in {expr}.items()}}"
        return expr

    @staticmethod
    def _maybe_null(member: Member, inner: str, var: str, sparse: bool = False) -> str:
        """A conversion of a collection item that may be null: None stays None."""
        if not (member.nullable or sparse) or inner == var:
            return inner
        return f"None if {var} is None else {inner}"

    def to_plain(self, shape_id: str, expr: str, depth: int = 0) -> str:
        """The DESIGN contract's `to_dict()` form: wire names and plain containers, but
        datetimes stay aware `datetime`, durations `timedelta`, blobs `bytes`; enums give
        their string values."""
        shape = self.shape(shape_id)
        kind = self.kind(shape)
        if kind is Kind.ONE_OF:
            return f"{self.symbols.union_functions(shape)[2]}({expr})"
        if kind is Kind.TIMESTAMP:
            return f"_wire.aware({expr})"
        if kind in (Kind.ENUM, Kind.INT_ENUM):
            return f"{self.symbols.class_name(shape)}({expr}).value"
        if kind in (Kind.STRUCTURE, Kind.UNION):
            return f"{expr}.to_dict()"
        if kind is Kind.LIST:
            v = f"v{depth}"
            inner = self._maybe_null(
                shape.list_member,
                self.to_plain(shape.list_member.target, v, depth + 1),
                v,
                self._keeps_nulls(shape),
            )
            return f"list({expr})" if inner == v else f"[{inner} for {v} in {expr}]"
        if kind is Kind.MAP:
            k, v = f"k{depth}", f"v{depth}"
            inner = self._maybe_null(
                shape.map_value,
                self.to_plain(shape.map_value.target, v, depth + 1),
                v,
                self._keeps_nulls(shape),
            )
            return (
                f"dict({expr})"
                if inner == v
                else f"{{{k}: {inner} for {k}, {v} in {expr}.items()}}"
            )
        return expr

    def from_json(self, shape_id: str, expr: str, ts: str, depth: int = 0) -> str:
        shape = self.shape(shape_id)
        kind = self.kind(shape)
        if shape.const and shape.enum_values:
            return f"_wire.const({expr}, {shape.enum_values[0].value!r})"
        if kind is Kind.DATE:
            return f"_wire.parse_date({expr})"
        if kind is Kind.TIME:
            return f"_wire.parse_time({expr})"
        if kind is Kind.UUID:
            return f"_wire.parse_uuid({expr})"
        if kind is Kind.ONE_OF:
            return f"{self.symbols.union_functions(shape)[0]}({expr})"
        if kind is Kind.TIMESTAMP:
            return f"_wire.parse_timestamp({expr}, {ts!r})"
        if kind is Kind.DURATION:
            return f"_wire.parse_duration({expr})"
        if kind is Kind.BLOB:
            return f"_wire.b64decode({expr})"
        # Scalars are checked, not trusted: a typed model never holds a value of another type,
        # and a wrong one is reported (DeserializationError) with the field it came in.
        if kind in FLOAT_KINDS:
            return _checked(expr, "float", "_wire.as_float")
        if kind is Kind.STRING:
            return _checked(expr, "str", "_wire.as_str")
        if kind is Kind.BOOLEAN:
            return _checked(expr, "bool", "_wire.as_bool")
        if kind in INTEGER_KINDS:
            return _checked(expr, "int", "_wire.as_int")
        if kind in (Kind.ENUM, Kind.INT_ENUM, Kind.STRUCTURE, Kind.UNION):
            cls = self.symbols.class_name(shape)
            # Enums through _wire.enum_member: a plain member lookup for known values.
            return (
                f"_wire.enum_member({cls}, {expr})"
                if kind in (Kind.ENUM, Kind.INT_ENUM)
                else f"{cls}.from_dict({expr})"
            )
        if kind is Kind.LIST:
            v = f"v{depth}"
            inner = self.from_json(shape.list_member.target, v, ts, depth + 1)
            items = f"_wire.as_list({expr})"
            if shape.list_member.nullable:
                inner = self._maybe_null(shape.list_member, inner, v)
                return f"list({items})" if inner == v else f"[{inner} for {v} in {items}]"
            if self._drops_nulls and not shape.sparse:
                return f"[{inner} for {v} in {items} if {v} is not None]"
            # Kept nulls stay None (msrest); only values are converted.
            keep = f"(None if {v} is None else {inner})"
            return f"list({items})" if inner == v else f"[{keep} for {v} in {items}]"
        if kind is Kind.MAP:
            k, v = f"k{depth}", f"v{depth}"
            inner = self.from_json(shape.map_value.target, v, ts, depth + 1)
            entries = f"_wire.as_map({expr}).items()"
            if shape.map_value.nullable:
                inner = self._maybe_null(shape.map_value, inner, v)
                if inner == v:
                    return f"dict({entries})"
                return f"{{{k}: {inner} for {k}, {v} in {entries}}}"
            if self._drops_nulls and not shape.sparse:
                return f"{{{k}: {inner} for {k}, {v} in {entries} if {v} is not None}}"
            keep = f"(None if {v} is None else {inner})"
            if inner == v:
                return f"dict({entries})"
            return f"{{{k}: {keep} for {k}, {v} in {entries}}}"
        return expr

    def _keeps_nulls(self, shape: Shape) -> bool:
        """Whether the items of a collection read from the wire may be None though not
        nullable: a Smithy @sparse collection, or any where the protocol keeps nulls (msrest):
        writing such a value back (to_wire, to_dict) keeps them as JSON null."""
        return shape.sparse or not self._drops_nulls

    @property
    def _drops_nulls(self) -> bool:
        # Smithy collections are dense unless @sparse: clients drop the nulls a service sends
        # in them (protocol test RestJsonDeserializesDenseSetMapAndSkipsNull) instead of
        # failing on them; msrest (Azure) keeps them. The protocol says which.
        return self.proto.drops_nulls

    # -- headers, query strings and labels (strings on the wire) ---------------------------

    def to_text(self, member: Member, expr: str) -> str:
        """A value sent as a header, query parameter or label: always a str (or list of str)."""
        where = "header" if member.binding is Binding.HEADER else "query"
        header = member.binding is Binding.HEADER
        shape = self.shape(member.target)
        ts = self.ts_format(member, where)
        if shape.kind is Kind.LIST:
            item_shape = self.shape(shape.list_member.target)
            item = self._scalar_text(item_shape.id, "v0", ts, header)
            if shape.list_member.nullable:
                item = f'"" if v0 is None else {item}'  # a null item is an empty value
            items = f"[{item} for v0 in {expr}]"
            if header and item_shape.kind in (Kind.STRING, Kind.ENUM):
                # Items with commas or quotes are quoted; HTTP dates never are (Smithy).
                return f"_wire.quote_header_values({items})"
            return items
        return self._scalar_text(member.target, expr, ts, header)

    def _scalar_text(self, shape_id: str, expr: str, ts: str, header: bool = False) -> str:
        shape = self.shape(shape_id)
        kind = self.kind(shape)
        if shape.const:
            return f"_wire.plain_text({expr})"
        if kind is Kind.DATE:
            return f"{expr}.isoformat()"
        if kind is Kind.TIME:
            return f"_wire.format_time({expr})"
        if kind is Kind.UUID:
            return f"str({expr})"
        if kind in (Kind.STRUCTURE, Kind.UNION, Kind.MAP, Kind.LIST, Kind.ONE_OF):
            return f"_wire.json_text({self.to_json(shape_id, expr, ts)})"
        if kind is Kind.TIMESTAMP:
            return f"_wire.format_timestamp_text({expr}, {self._written(ts)!r})"
        if kind is Kind.BOOLEAN:
            return f'("true" if {expr} else "false")'
        if kind is Kind.DURATION:
            return f"_wire.format_duration({expr})"
        if kind is Kind.BLOB:
            return f"_wire.b64encode({expr})"
        if kind in (Kind.ENUM, Kind.INT_ENUM):
            return f"str({self.symbols.class_name(shape)}({expr}).value)"
        if kind is Kind.STRING:
            # A header string with a media type (JSON, say) travels base64-encoded (Smithy).
            return f"_wire.b64encode_text({expr})" if header and shape.media_type else expr
        if kind is Kind.DOCUMENT:
            return f"_wire.json_text({expr})"
        if kind in (Kind.FLOAT, Kind.DOUBLE) and self.proto.float_strings:
            return f"_wire.float_text({expr})"
        return f"_wire.number_text({expr})"

    def from_text(self, member: Member, expr: str) -> str:
        shape = self.shape(member.target)
        ts = self.ts_format(member, "header")
        if shape.kind is Kind.LIST:
            item_shape = self.shape(shape.list_member.target)
            split = (
                "_wire.split_http_dates"
                if item_shape.kind is Kind.TIMESTAMP and ts == "http-date"
                else "_wire.split_header"
            )
            item = self._scalar_from_text(item_shape.id, "v0", ts)
            return f"{split}({expr})" if item == "v0" else f"[{item} for v0 in {split}({expr})]"
        if shape.kind is Kind.STRING and shape.media_type:
            return f"_wire.b64decode_text({expr})"
        return self._scalar_from_text(member.target, expr, ts)

    def _scalar_from_text(self, shape_id: str, expr: str, ts: str) -> str:
        shape = self.shape(shape_id)
        kind = self.kind(shape)
        if kind is Kind.DATE:
            return f"_wire.parse_date({expr})"
        if kind is Kind.TIME:
            return f"_wire.parse_time({expr})"
        if kind is Kind.UUID:
            return f"_wire.parse_uuid({expr})"
        if kind is Kind.TIMESTAMP:
            return f"_wire.parse_timestamp({expr}, {ts!r})"
        if kind is Kind.BOOLEAN:
            return f'({expr}.lower() == "true")'
        if kind in INTEGER_KINDS:
            return f"int({expr})"
        if kind in FLOAT_KINDS:
            return f"float({expr})"
        if kind is Kind.DURATION:
            return f"_wire.parse_duration({expr})"
        if kind is Kind.BLOB:
            return f"_wire.b64decode({expr})"
        if kind in (Kind.ENUM, Kind.INT_ENUM):
            cls = self.symbols.class_name(shape)
            return f"{cls}({expr})" if kind is Kind.ENUM else f"{cls}(int({expr}))"
        return expr


def _checked(expr: str, pytype: str, convert: str) -> str:
    """`expr` as `pytype`: a value already of that exact type is taken as is (no call, the
    common case when parsing), anything else goes through `convert`, which takes other
    spellings (5.0 for 5) or raises. Only names are tested inline: an expression such as
    `response.json()` must not run twice."""
    if expr.isidentifier():
        return f"({expr} if type({expr}) is {pytype} else {convert}({expr}))"
    return f"{convert}({expr})"
