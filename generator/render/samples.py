"""Sample values built from the spec's shapes, for generated tests and doc examples.

Each sample carries the Python expression a user would write *and* the wire value the service
expects, computed here from the IR independently of the generated serializers, so the
generated tests are an oracle for the generated code rather than a copy of it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from generator.ir import (
    FLOAT_KINDS,
    INTEGER_KINDS,
    Binding,
    Constraints,
    Kind,
    Member,
    Service,
    Shape,
)
from generator.render.names import SymbolProvider
from generator.render.protocols import ProtocolGenerator
from generator.render.pytypes import TypeMapper

SAMPLE_TIME = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
SAMPLE_UUID = "12345678-1234-5678-1234-567812345678"
SAMPLE_TIME_EXPR = "datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)"
MAX_DEPTH = 4


@dataclass
class Sample:
    expr: str  # Python source that builds the value
    wire: Any  # the JSON value on the wire (or the text for headers/query/labels)


def _timestamp_wire(fmt: str, proto: ProtocolGenerator) -> Any:
    if fmt == "epoch-seconds":
        return int(SAMPLE_TIME.timestamp())
    if fmt == "http-date":
        return "Tue, 02 Jan 2024 03:04:05 GMT"
    return proto.sample_timestamp(fmt)


_NO_CONSTRAINTS = Constraints()
# Where a member's timestamp travels, for its format (the rest: "body").
_WHERE = {
    Binding.HEADER: "header",
    Binding.QUERY: "query",
    Binding.LABEL: "query",
    Binding.COOKIE: "query",
}


class SampleBuilder:
    def __init__(self, service: Service, symbols: SymbolProvider, types: TypeMapper) -> None:
        self.service = service
        self.symbols = symbols
        self.types = types
        # structure() samples by (shape, full, depth, writing): a package samples the same
        # models for many operations and members (see structure()).
        self._structures: dict[tuple[str, bool, int, bool], Sample] = {}

    def shape(self, shape_id: str) -> Shape:
        return self.types.shape(shape_id)

    def for_member(
        self, member: Member, *, full: bool = True, depth: int = 0, writing: bool = False
    ) -> Sample:
        where = _WHERE.get(member.binding, "body")
        fmt = self.types.ts_format(member, where)
        return self.value(
            member.target,
            member.name,
            fmt,
            full=full,
            depth=depth,
            writing=writing,
            member=member.constraints,
        )

    def value(
        self,
        shape_id: str,
        hint: str,
        ts: str,
        *,
        full: bool,
        depth: int,
        writing: bool = False,
        member: Constraints | None = None,
    ) -> Sample:
        """A sample value; `writing`: as a request carries it (read-only fields left out)."""
        shape = self.shape(shape_id)
        kind = self.types.kind(shape)
        proto = self.types.proto
        if shape.const and shape.enum_values:
            value = shape.enum_values[0].value
            return Sample(repr(value), value)
        if kind is Kind.DATE:
            return Sample("date(2024, 1, 2)", "2024-01-02")
        if kind is Kind.TIME:
            return Sample("time(3, 4, 5)", "03:04:05")
        if kind is Kind.UUID:
            return Sample(f"UUID({SAMPLE_UUID!r})", SAMPLE_UUID)
        if kind is Kind.ONE_OF:
            return self._one_of(shape, hint, ts, full=full, depth=depth, writing=writing)
        # A member's own constraints override its target's (Smithy): samples stay in bounds,
        # which the clients check (minimums, like botocore).
        bounds = _merged(shape.constraints, member)
        if kind is Kind.STRING:
            text = f"{hint}-1"
            if bounds.min_length is not None and len(text) < bounds.min_length:
                text += "x" * (int(bounds.min_length) - len(text))
            if bounds.max_length is not None and len(text) > bounds.max_length:
                text = text[: max(1, int(bounds.max_length))]
            return Sample(repr(text), text)
        if kind is Kind.BOOLEAN:
            return Sample("True", True)
        if kind in INTEGER_KINDS:
            low = bounds.min
            number = 3 if low is None or low <= 3 else int(low)
            high = bounds.max
            if high is not None and number > high:
                number = int(high)
            if kind is Kind.LONG and (high is None or high > 2**40):
                number = 2**40 + 7  # beyond 32 bits: int64 must survive
            return Sample(repr(number), number)
        if kind in FLOAT_KINDS:
            return Sample("2.5", 2.5)
        if kind is Kind.TIMESTAMP:
            return Sample(SAMPLE_TIME_EXPR, _timestamp_wire(ts, proto))
        if kind is Kind.DURATION:
            return Sample("timedelta(days=1, hours=2)", "P1DT2H")
        if kind is Kind.BLOB:
            return Sample("b'bytes'", base64.b64encode(b"bytes").decode())
        if kind is Kind.DOCUMENT:
            return Sample("{'key': 'value'}", {"key": "value"})
        if kind in (Kind.ENUM, Kind.INT_ENUM):
            cls = self.symbols.class_name(shape)
            values = [ev.value for ev in shape.enum_values]
            # Not "" (PeerTube's job states begin with it, "no filter"): as a path label the
            # client refuses it, and it says little as a sample anywhere else.
            index = next((i for i, v in enumerate(values) if v not in ("", ".", "..")), 0)
            name = self.symbols.enum_member_names(shape)[index]
            return Sample(f"{cls}.{name}", values[index])
        if kind is Kind.LIST:
            item = self.value(
                shape.list_member.target,
                hint,
                ts,
                full=full,
                depth=depth + 1,
                writing=writing,
                member=shape.list_member.constraints,
            )
            count = max(1, int(bounds.min_length or 1))
            return Sample("[" + ", ".join([item.expr] * count) + "]", [item.wire] * count)
        if kind is Kind.MAP:
            item = self.value(
                shape.map_value.target,
                hint,
                ts,
                full=full,
                depth=depth + 1,
                writing=writing,
                member=shape.map_value.constraints,
            )
            return Sample(f"{{'key': {item.expr}}}", {"key": item.wire})
        if kind is Kind.UNION:
            variants = self.symbols.variant_names(shape)
            # The first variant that does not lead back to the union (the rules guarantee one).
            index = next(
                (i for i, m in enumerate(shape.members) if not self._recursive(m.target, shape.id)),
                0,
            )
            variant = shape.members[index]
            inner = self.for_member(variant, full=full, depth=depth + 1)
            return Sample(f"{variants[index]}(value={inner.expr})", {variant.wire_name: inner.wire})
        return self.structure(shape, full=full, depth=depth, writing=writing)

    def structure(
        self,
        shape: Shape,
        *,
        full: bool,
        depth: int,
        writing: bool = False,
        fixed: dict[str, Any] | None = None,
    ) -> Sample:
        """A model sample; `fixed` sets wire values of some members (a discriminator).

        Without `fixed` the sample depends only on the shape, `full`, `writing` and the depth
        (which only decides, at MAX_DEPTH and below, that optional members are left out), so it
        is computed once per run; callers never change a sample's wire value in place."""
        if fixed is not None:
            return self._structure(shape, full=full, depth=depth, writing=writing, fixed=fixed)
        key = (shape.id, full, min(depth, MAX_DEPTH), writing)
        sample = self._structures.get(key)
        if sample is None:
            sample = self._structure(shape, full=full, depth=depth, writing=writing)
            self._structures[key] = sample
        return sample

    def _structure(
        self,
        shape: Shape,
        *,
        full: bool,
        depth: int,
        writing: bool = False,
        fixed: dict[str, Any] | None = None,
    ) -> Sample:
        cls = self.symbols.class_name(shape)
        names = self.symbols.member_names(shape)
        args: list[str] = []
        wire: dict[str, Any] = {}
        for member, name in zip(shape.members, names, strict=True):
            key = member.wire_name or member.name
            if member.binding is not Binding.BODY and shape.is_output:
                continue  # header-bound output members do not travel in the body
            required = member.required and not member.read_only and not member.write_only
            if fixed and key in fixed:
                args.append(f"{name}={self._fixed_expr(member, fixed[key])}")
                wire[key] = fixed[key]
                continue
            if not required and (not full or depth >= MAX_DEPTH):
                continue
            if self._recursive(member.target, shape.id) and not required:
                continue
            sample = self.for_member(member, full=full, depth=depth + 1, writing=writing)
            args.append(f"{name}={sample.expr}")
            if not (writing and member.read_only):
                wire[key] = sample.wire
        return Sample(f"{cls}({', '.join(args)})", wire)

    def _fixed_expr(self, member: Member, value: Any) -> str:
        target = self.shape(member.target)
        if target.kind in (Kind.ENUM, Kind.INT_ENUM):
            names = self.symbols.enum_member_names(target)
            for name, ev in zip(names, target.enum_values, strict=True):
                if ev.value == value:
                    return f"{self.symbols.class_name(target)}.{name}"
        return repr(value)

    def _one_of(
        self, shape: Shape, hint: str, ts: str, *, full: bool, depth: int, writing: bool
    ) -> Sample:
        """A value of the first variant that does not lead back to the union; for a
        discriminated union, a mapped variant carrying its discriminator value."""
        for value, target in shape.discriminator_map:
            variant = self.shape(target)
            if self.types.kind(variant) is Kind.STRUCTURE:
                fixed = {shape.discriminator: value}
                return self.structure(
                    variant, full=full, depth=depth + 1, writing=writing, fixed=fixed
                )
        members = [m for m in shape.members if not self._recursive(m.target, shape.id)]
        member = (members or list(shape.members))[0]
        return self.value(member.target, hint, ts, full=full, depth=depth + 1, writing=writing)

    def _recursive(self, target: str, owner: str) -> bool:
        # Asked for every member of every sample; the answer only depends on the two ids.
        memo: dict[tuple[str, str], bool] = self.__dict__.setdefault("_recursive_memo", {})
        key = (target, owner)
        if key not in memo:
            memo[key] = self._reaches(target, owner)
        return memo[key]

    def _reaches(self, target: str, owner: str) -> bool:
        seen: set[str] = set()
        todo = [target]
        while todo:
            sid = todo.pop()
            if sid == owner:
                return True
            if sid in seen:
                continue
            seen.add(sid)
            shape = self.service.shape(sid)
            if shape is not None:
                todo.extend(m.target for m in shape.members)
        return False


def label_escape(text: str) -> str:
    return quote(text, safe="-._~")


def _merged(shape: Constraints, member: Constraints | None) -> Constraints:
    if member is None or member == _NO_CONSTRAINTS:
        return shape  # most members constrain nothing of their own: no new object
    return Constraints(
        min_length=member.min_length if member.min_length is not None else shape.min_length,
        max_length=member.max_length if member.max_length is not None else shape.max_length,
        min=member.min if member.min is not None else shape.min,
        max=member.max if member.max is not None else shape.max,
        pattern=member.pattern or shape.pattern,
        unique_items=member.unique_items or shape.unique_items,
    )
