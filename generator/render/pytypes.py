"""Python types and wire-conversion expressions for IR members.

Each function returns a Python *expression* as a string built only from names the symbol
provider made and `repr()` of spec values, so nothing from the spec can inject code.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Binding, Kind, Member, Service, Shape
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
}


@dataclass
class TypeMapper:
    service: Service
    symbols: SymbolProvider
    proto: ProtocolGenerator

    def shape(self, shape_id: str) -> Shape:
        shape = self.service.shape(shape_id)
        assert shape is not None, shape_id  # validation guarantees targets exist
        return shape

    # -- annotations -------------------------------------------------------------------------

    def annotation(self, shape_id: str) -> str:
        shape = self.shape(shape_id)
        if shape.kind in _SCALARS:
            return _SCALARS[shape.kind]
        if shape.kind is Kind.LIST:
            item = self.annotation(shape.list_member.target)
            return f"list[{item} | None]" if shape.sparse else f"list[{item}]"
        if shape.kind is Kind.MAP:
            value = self.annotation(shape.map_value.target)
            return f"dict[str, {value} | None]" if shape.sparse else f"dict[str, {value}]"
        return self.symbols.class_name(shape)

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
        kind = shape.kind
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
            inner = self.to_json(shape.list_member.target, v, ts, depth + 1)
            if inner != v and shape.sparse:
                inner = f"None if {v} is None else {inner}"
            return expr if inner == v else f"[{inner} for {v} in {expr}]"
        if kind is Kind.MAP:
            k, v = f"k{depth}", f"v{depth}"
            inner = self.to_json(shape.map_value.target, v, ts, depth + 1)
            if inner != v and shape.sparse:
                inner = f"None if {v} is None else {inner}"
            return expr if inner == v else f"{{{k}: {inner} for {k}, {v} in {expr}.items()}}"
        return expr

    def to_plain(self, shape_id: str, expr: str, depth: int = 0) -> str:
        """The DESIGN contract's `to_dict()` form: wire names and plain containers, but
        datetimes stay aware `datetime`, durations `timedelta`, blobs `bytes`; enums give
        their string values."""
        shape = self.shape(shape_id)
        kind = shape.kind
        if kind is Kind.TIMESTAMP:
            return f"_wire.aware({expr})"
        if kind in (Kind.ENUM, Kind.INT_ENUM):
            return f"{self.symbols.class_name(shape)}({expr}).value"
        if kind in (Kind.STRUCTURE, Kind.UNION):
            return f"{expr}.to_dict()"
        if kind is Kind.LIST:
            v = f"v{depth}"
            inner = self.to_plain(shape.list_member.target, v, depth + 1)
            if inner != v and shape.sparse:
                inner = f"None if {v} is None else {inner}"
            return f"list({expr})" if inner == v else f"[{inner} for {v} in {expr}]"
        if kind is Kind.MAP:
            k, v = f"k{depth}", f"v{depth}"
            inner = self.to_plain(shape.map_value.target, v, depth + 1)
            if inner != v and shape.sparse:
                inner = f"None if {v} is None else {inner}"
            return (
                f"dict({expr})"
                if inner == v
                else f"{{{k}: {inner} for {k}, {v} in {expr}.items()}}"
            )
        return expr

    def from_json(self, shape_id: str, expr: str, ts: str, depth: int = 0) -> str:
        shape = self.shape(shape_id)
        kind = shape.kind
        if kind is Kind.TIMESTAMP:
            return f"_wire.parse_timestamp({expr}, {ts!r})"
        if kind is Kind.DURATION:
            return f"_wire.parse_duration({expr})"
        if kind is Kind.BLOB:
            return f"_wire.b64decode({expr})"
        # Scalars are checked, not trusted: a typed model never holds a value of another type,
        # and a wrong one is reported (DeserializationError) with the field it came in.
        if kind in (Kind.FLOAT, Kind.DOUBLE, Kind.BIG_DECIMAL):
            return _checked(expr, "float", "_wire.as_float")
        if kind is Kind.STRING:
            return _checked(expr, "str", "_wire.as_str")
        if kind is Kind.BOOLEAN:
            return _checked(expr, "bool", "_wire.as_bool")
        if kind in (Kind.BYTE, Kind.SHORT, Kind.INTEGER, Kind.LONG, Kind.BIG_INTEGER):
            return _checked(expr, "int", "_wire.as_int")
        if kind in (Kind.ENUM, Kind.INT_ENUM, Kind.STRUCTURE, Kind.UNION):
            cls = self.symbols.class_name(shape)
            return (
                f"{cls}({expr})"
                if kind in (Kind.ENUM, Kind.INT_ENUM)
                else f"{cls}.from_dict({expr})"
            )
        if kind is Kind.LIST:
            v = f"v{depth}"
            inner = self.from_json(shape.list_member.target, v, ts, depth + 1)
            items = f"_wire.as_list({expr})"
            if self._drops_nulls and not shape.sparse:
                return f"[{inner} for {v} in {items} if {v} is not None]"
            # Kept nulls stay None (msrest); only values are converted.
            keep = f"(None if {v} is None else {inner})"
            return f"list({items})" if inner == v else f"[{keep} for {v} in {items}]"
        if kind is Kind.MAP:
            k, v = f"k{depth}", f"v{depth}"
            inner = self.from_json(shape.map_value.target, v, ts, depth + 1)
            entries = f"_wire.as_map({expr}).items()"
            if self._drops_nulls and not shape.sparse:
                return f"{{{k}: {inner} for {k}, {v} in {entries} if {v} is not None}}"
            keep = f"(None if {v} is None else {inner})"
            if inner == v:
                return f"dict({entries})"
            return f"{{{k}: {keep} for {k}, {v} in {entries}}}"
        return expr

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
            items = f"[{item} for v0 in {expr}]"
            if header and item_shape.kind in (Kind.STRING, Kind.ENUM):
                # Items with commas or quotes are quoted; HTTP dates never are (Smithy).
                return f"_wire.quote_header_values({items})"
            return items
        return self._scalar_text(member.target, expr, ts, header)

    def _scalar_text(self, shape_id: str, expr: str, ts: str, header: bool = False) -> str:
        shape = self.shape(shape_id)
        kind = shape.kind
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
        kind = shape.kind
        if kind is Kind.TIMESTAMP:
            return f"_wire.parse_timestamp({expr}, {ts!r})"
        if kind is Kind.BOOLEAN:
            return f'({expr}.lower() == "true")'
        if kind in (Kind.BYTE, Kind.SHORT, Kind.INTEGER, Kind.LONG, Kind.BIG_INTEGER):
            return f"int({expr})"
        if kind in (Kind.FLOAT, Kind.DOUBLE, Kind.BIG_DECIMAL):
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
