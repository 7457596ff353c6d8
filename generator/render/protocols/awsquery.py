"""aws.protocols#awsQuery and #ec2Query: form-encoded requests, XML responses.

Every call is a POST to / whose `application/x-www-form-urlencoded` body names the operation
(`Action`) and the service version (`Version`) and carries the input flattened into keys
(`A.B`, `List.member.1`, `Map.entry.1.key`); responses are XML (`<OpResponse><OpResult>`),
errors `<ErrorResponse><Error><Code>` (ec2Query: `<Response><Errors><Error>`). HTTP binding
traits mean nothing here.

The generated serializers build the input's JSON form as the AWS JSON protocols do (models'
`to_wire()`, timestamps as ISO 8601) and hand it, with a table of the model's aggregate shapes
(`query_shapes`), to the runtime (`_awsquery.py`), which flattens it into the form and reads
XML back into the same JSON form the models' `from_dict` takes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from generator.ir import Kind, Member, Operation, Service, Shape
from generator.render.protocols.aws import AwsProtocol
from generator.render.protocols.base import ErrorResponse, ExpectedRequest

CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8"
_AGGREGATES = (Kind.STRUCTURE, Kind.UNION, Kind.LIST, Kind.MAP)


class AwsQuery(AwsProtocol):
    wire_template = "python/protocols/awsquery.j2"
    runtime_module = "_awsquery"
    all_members_in_body = True
    # Timestamps travel as ISO 8601 (botocore's QuerySerializer; smithy.io "AWS query protocol").
    timestamp_defaults: ClassVar[Mapping[str, str]] = {
        "body": "date-time",
        "header": "http-date",
        "query": "date-time",
    }

    def __init__(self, service: Service, ec2: bool = False) -> None:
        super().__init__(service)
        self.ec2 = ec2
        self.id = "ec2Query" if ec2 else "awsQuery"
        self._cached: dict[str, tuple[Any, ...]] | None = None
        self._keys: dict[str, str] = {}
        names: dict[str, int] = {}
        for shape in service.shapes:
            names[shape.name] = names.get(shape.name, 0) + 1
        for shape in service.shapes:
            self._keys[shape.id] = shape.name if names[shape.name] == 1 else shape.id

    # -- the shape table the runtime reads ---------------------------------------------------

    def shape_key(self, shape_id: str | None) -> str:
        """The key of an aggregate shape in the table ("" for none or a scalar)."""
        if not shape_id:
            return ""
        shape = self.service.shape(shape_id)
        if shape is None or shape.kind not in _AGGREGATES:
            return ""
        return self._keys[shape_id]

    def input_key(self, op_name: str) -> str:
        return self.shape_key(self._operation(op_name).input)

    def output_key(self, op_name: str) -> str:
        return self.shape_key(self._operation(op_name).output)

    def _operation(self, name: str) -> Operation:
        return next(op for op in self.service.operations if op.name == name)

    def query_shapes(self) -> list[tuple[str, str]]:
        """(key, Python literal) of every aggregate shape the operations reach, sorted:
        structures `("S", ((json key, query key, XML name, target key, flattened), ...))`, lists
        `("L", item query name, item XML name, item target key)`, maps `("M", key name, value
        name, value target key)` (target key "" for a scalar)."""
        return sorted((k, repr(v)) for k, v in self._table.items())

    def error_shapes(self) -> list[tuple[str, str]]:
        """(shape key, error code) of the modeled errors with members."""
        out: set[tuple[str, str]] = set()
        for op in self.service.operations:
            for error in op.errors:
                shape = self.service.shape(error)
                if shape is not None and shape.members:
                    out.add((self.shape_key(error), self.error_code(shape)))
        return sorted(out)

    @property
    def _table(self) -> dict[str, tuple[Any, ...]]:
        if self._cached is None:
            table: dict[str, tuple[Any, ...]] = {}
            stack: list[str] = []
            for op in self.service.operations:
                stack += [s for s in (op.input, op.output, *op.errors) if s]
            while stack:
                shape_id = stack.pop()
                key = self.shape_key(shape_id)
                if not key or key in table:
                    continue
                shape = self.service.shape(shape_id)
                assert shape is not None
                table[key] = self._entry(shape)
                stack += [m.target for m in shape.members]
            self._cached = table
        return self._cached

    def _entry(self, shape: Shape) -> tuple[Any, ...]:
        if shape.kind is Kind.LIST:
            item = shape.list_member
            return ("L", item.xml_name, item.xml_name or "member", self.shape_key(item.target))
        if shape.kind is Kind.MAP:
            return (
                "M",
                shape.map_key.xml_name or "key",
                shape.map_value.xml_name or "value",
                self.shape_key(shape.map_value.target),
            )
        return (
            "S",
            tuple(
                (
                    m.wire_name or m.name,
                    self.query_name(m),
                    m.xml_name or m.name,
                    self.shape_key(m.target),
                    m.xml_flattened,
                )
                for m in shape.members
            ),
        )

    def query_name(self, member: Member) -> str:
        """The key of a member in the form (ec2Query: `@ec2QueryName`, else the capitalised
        `@xmlName` or member name)."""
        if self.ec2:
            name = member.ec2_query_name or member.xml_name or member.name
            return name if member.ec2_query_name else name[:1].upper() + name[1:]
        return member.xml_name or member.name

    # -- operations --------------------------------------------------------------------------

    def request_content_type(self, op: Operation) -> str:
        return CONTENT_TYPE

    def in_json_body(self, member: Member) -> bool:
        return True  # bindings mean nothing here: the form holds every member

    def input_body_kind(self, bound: str) -> str:
        return "members"

    def error_code(self, shape: Shape) -> str:
        return shape.query_error_code or shape.name

    # -- generated tests ---------------------------------------------------------------------

    body_encoding = "form"
    json_bodies = False
    body_format = "XML"

    def expected_request(
        self,
        op: Operation,
        labels: dict[str, str],
        query: dict[str, str],
        headers: dict[str, str],
        body: Any,
        has_body: bool,
    ) -> ExpectedRequest:
        # Bindings mean nothing here: a POST to / whose form holds every member.
        form = {"Action": op.name, "Version": self.service.version}
        self._flatten(form, "", body or {}, self.shape_key(op.input), False)
        headers = {**headers, "Content-Type": CONTENT_TYPE}
        return ExpectedRequest("POST", "/", {}, headers, form, True)

    def _flatten(self, out: dict[str, str], prefix: str, value: Any, key: str, flat: bool) -> None:
        """The form fields of a JSON value, written independently of the runtime's."""
        entry = self._table.get(key) if key else None
        if value is None:
            return
        if entry is None:
            out[prefix] = _text(value)
        elif entry[0] == "S":
            for wire, qname, _, target, member_flat in entry[1]:
                if wire in value:
                    name = f"{prefix}.{qname}" if prefix else qname
                    self._flatten(out, name, value[wire], target, member_flat)
        elif entry[0] == "L":
            if self.ec2:
                base = prefix
            elif not value:
                out[prefix] = ""
            elif flat and entry[1]:
                base = ".".join([*prefix.split(".")[:-1], entry[1]])
            else:
                base = prefix if flat else f"{prefix}.{entry[1] or 'member'}"
            for i, item in enumerate(value, 1):
                self._flatten(out, f"{base}.{i}", item, entry[3], False)
        else:
            base = prefix if flat or self.ec2 else f"{prefix}.entry"
            for i, (k, v) in enumerate(value.items(), 1):
                out[f"{base}.{i}.{entry[1]}"] = k
                self._flatten(out, f"{base}.{i}.{entry[2]}", v, entry[3], False)

    def empty_output_body(self) -> str:
        return self._response("", "")

    def response_text(self, op: Operation, body: dict[str, Any]) -> str:
        """The XML response of a call whose output's JSON form is `body`."""
        return self._response(op.name, self._xml(body, self.shape_key(op.output)))

    def _response(self, action: str, inner: str) -> str:
        name = action or "Operation"
        result = inner if self.ec2 else f"<{name}Result>{inner}</{name}Result>"
        return f"<{name}Response>{result}</{name}Response>"

    def _xml(self, value: Any, key: str) -> str:
        """XML text of a JSON value, as a service writes it."""
        entry = self._table.get(key) if key else None
        if entry is None:
            return _escape(_text(value))
        if entry[0] == "L":
            return "".join(f"<{entry[2]}>{self._xml(v, entry[3])}</{entry[2]}>" for v in value)
        if entry[0] == "M":
            return "".join(f"<entry>{self._pair(entry, k, v)}</entry>" for k, v in value.items())
        parts: list[str] = []
        for wire, _, xml, target, flat in entry[1]:
            item = value.get(wire)
            if item is None:
                continue
            inner = self._table.get(target) if target else None
            if flat and inner is not None and inner[0] == "L":
                parts += [f"<{xml}>{self._xml(v, inner[3])}</{xml}>" for v in item]
            elif flat and inner is not None and inner[0] == "M":
                parts += [f"<{xml}>{self._pair(inner, k, v)}</{xml}>" for k, v in item.items()]
            else:
                parts.append(f"<{xml}>{self._xml(item, target)}</{xml}>")
        return "".join(parts)

    def _pair(self, entry: tuple[Any, ...], key: str, value: Any) -> str:
        return (
            f"<{entry[1]}>{_escape(key)}</{entry[1]}>"
            f"<{entry[2]}>{self._xml(value, entry[3])}</{entry[2]}>"
        )

    def error_response(self, shape: Shape, body: dict[str, Any], status: int = 0) -> ErrorResponse:
        info = shape.error
        status = status or (info.http_status if info else None) or 400
        return ErrorResponse(status, {}, body, self.error_code(shape))

    def error_wire_body(self, shape: Shape, body: dict[str, Any], code: str | None) -> Any:
        fields = self._xml(body, self.shape_key(shape.id))
        error = f"<Type>Sender</Type><Code>{_escape(code or '')}</Code>{fields}"
        if self.ec2:
            errors = f"<Errors><Error>{error}</Error></Errors>"
            return f"<Response>{errors}<RequestID>r</RequestID></Response>"
        return f"<ErrorResponse><Error>{error}</Error><RequestId>r</RequestId></ErrorResponse>"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
