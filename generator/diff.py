"""`apismith diff OLD NEW`: what a spec change does to clients, as located events.

Both versions go through the normal pipeline; the comparison is on the IR, so Smithy and
OpenAPI specs are compared the same way (and a spec can even change format). Severity follows
what breaks a client that was generated from OLD and is still in use:

- ERROR (breaking): removed operation, member or enum value; a member that becomes required;
  a changed type; a changed http binding.
- DANGER: an added enum value or union member (breaks exhaustive handling).
- WARNING: an operation that can raise an error it could not before.
- NOTE: additions that old clients simply ignore.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics, Event, Location, Severity
from generator.ir import Binding, Kind, Member, Operation, Service, Shape


def _sig(service: Service, shape_id: str, depth: int = 0) -> str:
    """A type signature that changes exactly when the wire type changes."""
    shape = service.shape(shape_id)
    if shape is None:
        return f"?{shape_id}"
    kind = shape.kind
    if kind is Kind.LIST and depth < 8:
        return f"list<{_sig(service, shape.list_member.target, depth + 1)}>"
    if kind is Kind.MAP and depth < 8:
        return f"map<{_sig(service, shape.map_value.target, depth + 1)}>"
    if kind in (Kind.STRUCTURE, Kind.UNION, Kind.ENUM, Kind.INT_ENUM):
        return f"{kind.value} {shape.name}"
    if kind is Kind.TIMESTAMP and shape.timestamp_format:
        return f"timestamp({shape.timestamp_format})"
    return str(kind.value)


def _member_sig(service: Service, member: Member) -> str:
    ts = f"@{member.timestamp_format}" if member.timestamp_format else ""
    return _sig(service, member.target) + ts


class _Differ:
    def __init__(self, old: Service, new: Service) -> None:
        self.old, self.new = old, new
        self.diags = Diagnostics()
        self.seen_shapes: set[str] = set()

    def event(self, id: str, severity: Severity, loc: Location, message: str, hint: str) -> None:
        self.diags.add(id, severity, loc, message, hint)

    def run(self) -> list[Event]:
        old_ops = {op.name: op for op in self.old.operations}
        new_ops = {op.name: op for op in self.new.operations}
        for name, op in old_ops.items():
            if name not in new_ops:
                self.event(
                    "RemovedOperation",
                    Severity.ERROR,
                    op.loc,
                    f"operation {name} was removed",
                    "clients calling it will fail; deprecate it first, remove it in a major "
                    "version",
                )
        for name, op in new_ops.items():
            if name not in old_ops:
                self.event(
                    "AddedOperation", Severity.NOTE, op.loc, f"operation {name} was added", ""
                )
            else:
                self.operation(old_ops[name], op)
        return self.diags.sorted()

    def operation(self, old: Operation, new: Operation) -> None:
        if (
            old.http
            and new.http
            and (old.http.method, old.http.uri) != (new.http.method, new.http.uri)
        ):
            self.event(
                "ChangedHttpBinding",
                Severity.ERROR,
                new.http.loc,
                f"{new.name} moved from {old.http.method} {old.http.uri} to "
                f"{new.http.method} {new.http.uri}",
                "old clients send requests to the old route",
            )
        if bool(old.http) != bool(new.http):
            self.event(
                "ChangedHttpBinding",
                Severity.ERROR,
                new.loc,
                f"{new.name} changed whether it has an http binding",
                "old clients build a different request",
            )
        self.structure(old.input, new.input, new.name, "input")
        self.structure(old.output, new.output, new.name, "output")
        old_errors = {s.name for s in (self.old.shape(e) for e in old.errors) if s is not None}
        for ref in new.errors:
            shape = self.new.shape(ref)
            if shape is not None and shape.name not in old_errors:
                self.event(
                    "AddedError",
                    Severity.WARNING,
                    new.loc,
                    f"{new.name} can now raise {shape.name}",
                    "callers that handle each modeled error should handle this one too",
                )

    def structure(self, old_id: str | None, new_id: str | None, op: str, role: str) -> None:
        if old_id is None or new_id is None:
            if (old_id is None) != (new_id is None):
                self.event(
                    "ChangedType",
                    Severity.ERROR,
                    self.new.loc,
                    f"the {role} of {op} was {'added' if old_id is None else 'removed'}",
                    "old clients send or expect a different shape",
                )
            return
        old_shape, new_shape = self.old.shape(old_id), self.new.shape(new_id)
        if old_shape is None or new_shape is None:
            return
        self.shape(old_shape, new_shape, role, op)

    def shape(self, old: Shape, new: Shape, role: str, context: str) -> None:
        key = f"{role}:{new.id}"
        if key in self.seen_shapes:
            return
        self.seen_shapes.add(key)
        if old.kind is not new.kind:
            self.event(
                "ChangedType",
                Severity.ERROR,
                new.loc,
                f"{new.name} changed from {old.kind.value} to {new.kind.value}",
                "old clients (de)serialize it as the old type",
            )
            return
        if new.kind in (Kind.ENUM, Kind.INT_ENUM):
            self.enum(old, new)
            return
        if new.kind in (Kind.LIST, Kind.MAP):
            for a, b in zip(old.members, new.members, strict=False):
                self.nested(a, b, role, context)
            return
        if new.kind not in (Kind.STRUCTURE, Kind.UNION):
            return
        old_members = {m.name: m for m in old.members}
        new_members = {m.name: m for m in new.members}
        where = f"{new.name}" if not new.synthetic else f"the {role} of {context}"
        for name, member in old_members.items():
            if name not in new_members:
                self.event(
                    "RemovedMember",
                    Severity.ERROR,
                    member.loc,
                    f"member {name} was removed from {where}",
                    "old clients still send or read it",
                )
        for name, member in new_members.items():
            before = old_members.get(name)
            if before is None:
                self.added_member(new, member, where, role)
                continue
            self.changed_member(before, member, where, role)
            self.nested(before, member, role, context)

    def added_member(self, shape: Shape, member: Member, where: str, role: str) -> None:
        if shape.kind is Kind.UNION:
            self.event(
                "AddedUnionMember",
                Severity.DANGER,
                member.loc,
                f"union {shape.name} gained the member {member.name}",
                "clients that handle every variant must handle this one (old clients see it as "
                "an unknown variant)",
            )
        elif member.required and role == "input":
            self.event(
                "AddedRequiredMember",
                Severity.ERROR,
                member.loc,
                f"required member {member.name} was added to {where}",
                "old clients do not send it; add it as optional (with a default) instead",
            )
        else:
            self.event(
                "AddedMember",
                Severity.NOTE,
                member.loc,
                f"member {member.name} was added to {where}",
                "",
            )

    def changed_member(self, old: Member, new: Member, where: str, role: str) -> None:
        if new.required and not old.required and role == "input":
            self.event(
                "MemberBecameRequired",
                Severity.ERROR,
                new.loc,
                f"member {new.name} of {where} became required",
                "old clients may not send it",
            )
        if (old.binding, old.wire_name) != (new.binding, new.wire_name):
            self.event(
                "ChangedHttpBinding",
                Severity.ERROR,
                new.loc,
                f"member {new.name} of {where} moved from {_binding(old)} to {_binding(new)}",
                "old clients send or read it in the old place",
            )
        old_sig, new_sig = _member_sig(self.old, old), _member_sig(self.new, new)
        if old_sig != new_sig:
            self.event(
                "ChangedType",
                Severity.ERROR,
                new.loc,
                f"member {new.name} of {where} changed type from {old_sig} to {new_sig}",
                "old clients (de)serialize the old type",
            )

    def nested(self, old: Member, new: Member, role: str, context: str) -> None:
        a, b = self.old.shape(old.target), self.new.shape(new.target)
        if a is not None and b is not None and a.name == b.name:
            self.shape(a, b, role, context)

    def enum(self, old: Shape, new: Shape) -> None:
        old_values = {v.value: v for v in old.enum_values}
        new_values = {v.value: v for v in new.enum_values}
        for value, ev in old_values.items():
            if value not in new_values:
                self.event(
                    "RemovedEnumValue",
                    Severity.ERROR,
                    ev.loc,
                    f"enum {new.name} lost the value {value!r}",
                    "old clients may still send it, and code that matches on it breaks",
                )
        for value, ev in new_values.items():
            if value not in old_values:
                self.event(
                    "AddedEnumValue",
                    Severity.DANGER,
                    ev.loc,
                    f"enum {new.name} gained the value {value!r}",
                    "exhaustive matches on this enum need a new case (old clients keep it as an "
                    "unknown value)",
                )


def _binding(member: Member) -> str:
    if member.binding is Binding.BODY:
        return f"body field {member.wire_name!r}"
    return f"{member.binding.value} {member.wire_name!r}"


def diff_services(old: Service, new: Service) -> list[Event]:
    return _Differ(old, new).run()
