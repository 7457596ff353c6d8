"""Views of OpenAPI-style HTTP exchanges: what an operation sends by media type and reads by
status, computed from `Operation.request_bodies` and `Operation.responses`.

Results follow one rule: a single model body is returned as that model (its headers on
`response_metadata`); any other body (a list, a str, bytes, a union, nothing) is returned as its
Python type, unless the success responses declare headers, in which case the operation's
`<Op>Response` model carries `body` and the headers as typed fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator import media
from generator.ir import Binding, Kind, Member, Operation, Response, Server, Shape

if TYPE_CHECKING:
    from generator.render.views import FieldView, ViewBuilder

# Python types a runtime isinstance() check can tell request body variants apart by.
_RUNTIME_TYPE = {
    Kind.STRING: "str",
    Kind.BLOB: "bytes",
    Kind.LIST: "list",
    Kind.MAP: "dict",
    Kind.BOOLEAN: "bool",
    Kind.INTEGER: "int",
    Kind.LONG: "int",
    Kind.DOUBLE: "float",
    Kind.FLOAT: "float",
}


# JSON scalars a body may be: checked when read, so the result has the promised type.
_JSON_SCALAR = {
    Kind.STRING: "str",
    Kind.BOOLEAN: "bool",
    Kind.BYTE: "int",
    Kind.SHORT: "int",
    Kind.INTEGER: "int",
    Kind.LONG: "int",
    Kind.BIG_INTEGER: "int",
}


@dataclass
class ResponseView:
    status: str  # "200", "2XX", "default"
    condition: str  # over `response.status`; "" for default (anything else)
    success: bool
    parse: str  # expression over `response` giving the body ("" when there is none)
    model_body: bool = False  # the body is a model: it carries response_metadata
    error_class: str = ""  # errors: the exception raised ("" = the base class)


@dataclass
class MultipartField:
    wire: str
    attr: str  # the model attribute holding the value (`body.some_file`)
    expr: str  # the part's value, over `attr`
    part: str  # "file" | "files" | "text" | "texts" | "json" | "any"
    optional: bool


@dataclass
class BodyView:
    media_type: str
    encoding: str  # json | form | multipart | text | binary
    expr: str  # over the payload argument: the value to encode
    check: str = ""  # isinstance() type when several media types share the argument
    annotation: str = ""
    fields: list[MultipartField] = field(default_factory=list)
    free_form: bool = False  # multipart of a map or free-form object: a part per key at runtime


@dataclass
class Exchange:
    """How one operation talks HTTP, beyond its bindings."""

    responses: list[ResponseView]
    bodies: list[BodyView]
    content_type_param: str = ""  # the argument choosing among several media types
    security: str = ""  # Python literal of the security requirements ("" when none apply)
    wrapper_fields: list[FieldView] = field(default_factory=list)  # headers of <Op>Response
    wrapper_body: str = ""  # the <Op>Response attribute holding the body ("" for none)
    errors_default: str = ""  # what an undeclared error status raises ("" = the base class)
    server: str = ""  # the operation's own server URL ("" = the client's base URL)
    # Some operation of the service has its own server: addresses are chosen per call.
    has_operation_servers: bool = False


def absolute_url(server: Server) -> str:
    """A server's URL with its variables' defaults, "" when it is relative (the caller's base
    URL applies then)."""
    url = server.url
    for var in server.variables:
        url = url.replace("{" + var.name + "}", var.default)
    return url.rstrip("/") if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url) else ""


def status_condition(status: str) -> str:
    if status.isdigit():
        return f"response.status == {int(status)}"
    if len(status) == 3 and status[1:].upper() == "XX":
        low = int(status[0]) * 100
        return f"{low} <= response.status < {low + 100}"
    return ""


def status_order(r: Response) -> tuple[int, str]:
    """Exact codes first, then ranges, then default (OpenAPI's precedence)."""
    if r.status.isdigit():
        return (0, r.status)
    if r.status != "default":
        return (1, r.status)
    return (2, r.status)


class ExchangeBuilder:
    def __init__(self, views: ViewBuilder) -> None:
        self.views = views
        self.types = views.types
        self.symbols = views.symbols
        self.service = views.service
        self.has_operation_servers = any(self.server(op) for op in self.service.operations)

    def server(self, op: Operation) -> str:
        return absolute_url(op.servers[0]) if op.servers else ""

    def security(self, op: Operation) -> str:
        reqs = op.security if op.security is not None else self.service.security
        known = {a.name for a in self.service.auth}
        cleaned = tuple(tuple((n, tuple(s)) for n, s in req if n in known) for req in reqs)
        if not cleaned or any(not req for req in cleaned):
            # No requirement, or "anonymous is fine": credentials are used when configured.
            optional = tuple(req for req in cleaned if req)
            return repr(optional + ((),)) if optional else ""
        return repr(cleaned)

    # -- results -----------------------------------------------------------------------------

    def wrapper_body(self, out: Shape | None) -> str:
        if out is None:
            return ""
        names = self.symbols.member_names(out)
        for member, name in zip(out.members, names, strict=True):
            if member.binding is Binding.PAYLOAD:
                return name
        return ""

    def result(self, op: Operation, out: Shape | None) -> tuple[str, str, str, list[FieldView]]:
        """(output_kind, output_class, return annotation, wrapper header fields)."""
        success = [r for r in op.responses if r.is_success]
        bodies = [r.body for r in success if r.body is not None]
        headers = [h for r in success for h in r.headers]
        none = any(r.body is None for r in success)
        distinct = list(dict.fromkeys(bodies))
        if len(distinct) == 1 and not none:
            shape = self.types.shape(distinct[0])
            if self.types.kind(shape) is Kind.STRUCTURE:
                cls = self.symbols.class_name(shape)
                return "payload", cls, cls, []
        if headers and out is not None:
            cls = self.symbols.class_name(out)
            names = self.symbols.member_names(out)
            fields = [
                self.views.field(m, n)
                for m, n in zip(out.members, names, strict=True)
                if m.binding is Binding.HEADER
            ]
            return "wrapper", cls, cls, fields
        parts: list[str] = []
        for target in distinct:
            for part in _union_parts(self.types.read_annotation(target)):
                if part not in parts:
                    parts.append(part)
        if none or not parts:
            parts.append("None")
        if "Any" in parts:
            parts = ["Any"]
        annotation = " | ".join(parts)
        return "body", annotation, annotation, []

    def responses(self, op: Operation, output_kind: str) -> tuple[list[ResponseView], str]:
        views: list[ResponseView] = []
        default_error = ""
        successes = [r for r in op.responses if r.is_success]
        # A single declared success: any 2xx is read as it (unless the protocol is strict).
        lenient = len(successes) == 1 and not self.types.proto.strict_success_codes
        for r in sorted(op.responses, key=status_order):
            condition = status_condition("2XX" if (lenient and r.is_success) else r.status)
            if r.is_success:
                parse = self._parse(r) if r.body is not None else ""
                model = (
                    r.body is not None
                    and self.types.kind(self.types.shape(r.body)) is Kind.STRUCTURE
                    and output_kind == "payload"
                )
                views.append(ResponseView(r.status, condition, True, parse, model_body=model))
                continue
            error_class = ""
            if r.body is not None:
                shape = self.types.shape(r.body)
                if self.symbols.is_error(shape):
                    error_class = self.symbols.error_class_name(shape)
            if not condition:
                default_error = error_class
                continue
            views.append(ResponseView(r.status, condition, False, "", error_class=error_class))
        return views, default_error

    def _parse(self, r: Response) -> str:
        assert r.body is not None
        shape = self.types.shape(r.body)
        kind = self.types.kind(shape)
        enc = media.encoding(r.media_type, kind)
        if enc == media.AUTO:
            return "_wire.any_body(response)"
        if enc == media.BINARY:
            return "response.body"
        if enc == media.TEXT:
            if kind is Kind.STRING and not shape.const:
                return "response.text()"
            return self.types.from_json(r.body, "response.text()", self._body_ts(r.body))
        if kind is Kind.STRUCTURE:
            cls = self.symbols.class_name(shape)
            return f"{cls}.from_dict(_wire.json_mapping(response))"
        scalar = _JSON_SCALAR.get(kind)
        if scalar and not shape.const:
            return f"_wire.typed(response.json(), {scalar})"
        return self.types.from_json(r.body, "response.json()", self._body_ts(r.body))

    # -- request bodies ----------------------------------------------------------------------

    def bodies(self, op: Operation, payload: Member | None, arg: str) -> list[BodyView]:
        if payload is None or not op.request_bodies:
            return []
        out: list[BodyView] = []
        several = len(op.request_bodies) > 1
        for body in op.request_bodies:
            shape = self.types.shape(body.target)
            kind = self.types.kind(shape)
            enc = media.encoding(body.media_type, kind)
            if enc == media.AUTO:
                enc = media.BINARY
            view = BodyView(
                media_type=body.media_type,
                encoding=enc,
                expr=self._body_expr(body.target, arg, enc),
                annotation=self.types.annotation(body.target),
            )
            if several:
                view.check = self._check(shape)
            if enc == media.MULTIPART:
                view.fields = self._multipart_fields(shape, arg)
                # Without declared properties the parts are the value's keys, known only
                # when it is sent (`_bodies.free_parts` refuses a value that is no object).
                view.free_form = kind is not Kind.STRUCTURE
            out.append(view)
        return out

    def _body_ts(self, target: str) -> str:
        """The timestamp format of a body (or of its items) read whole: the schema's own
        (`format: date-time-rfc1123` is an HTTP date), else RFC 3339."""
        shape = self.types.shape(target)
        for _ in range(8):  # lists of lists...
            if shape.kind is Kind.LIST:
                shape = self.types.shape(shape.list_member.target)
            elif shape.kind is Kind.MAP:
                shape = self.types.shape(shape.map_value.target)
            else:
                break
        return shape.timestamp_format or "date-time"

    def _body_expr(self, target: str, arg: str, enc: str) -> str:
        shape = self.types.shape(target)
        kind = self.types.kind(shape)
        ts = self._body_ts(target)
        if enc == media.BINARY:
            if kind is Kind.BLOB:
                return arg
            if kind is Kind.STRING:
                return f'{arg}.encode("utf-8")'
            return f'_wire.json_text({self.types.to_json(target, arg, ts)}).encode("utf-8")'
        if enc == media.TEXT:
            if kind is Kind.STRING and not shape.const:
                return arg
            return f"_wire.plain_text({self.types.to_json(target, arg, ts)})"
        return self.types.to_json(target, arg, ts)

    def _check(self, shape: Shape) -> str:
        kind = self.types.kind(shape)
        if kind in (Kind.STRUCTURE, Kind.ENUM, Kind.INT_ENUM):
            return self.symbols.class_name(shape)
        return _RUNTIME_TYPE.get(kind, "")

    def _multipart_fields(self, shape: Shape, arg: str) -> list[MultipartField]:
        if self.types.kind(shape) is not Kind.STRUCTURE:
            return []
        out: list[MultipartField] = []
        names = self.symbols.member_names(shape)
        for member, name in zip(shape.members, names, strict=True):
            if member.read_only:
                continue
            target = self.types.shape(member.target)
            kind = self.types.kind(target)
            expr = f"{arg}.{name}"
            ts = member.timestamp_format or self._body_ts(member.target)
            if kind is Kind.BLOB:
                part = "file"
            elif (
                kind is Kind.LIST
                and self.types.kind(self.types.shape(target.list_member.target)) is Kind.BLOB
            ):
                part = "files"
            elif kind is Kind.DOCUMENT:
                part = "any"  # no schema: a file, JSON or text by the value (_bodies.any_part)
            elif kind in (Kind.STRUCTURE, Kind.MAP, Kind.ONE_OF, Kind.UNION):
                part, expr = "json", self.types.to_json(member.target, expr, ts)
            elif kind is Kind.LIST and self.types.kind(
                self.types.shape(target.list_member.target)
            ) in (Kind.STRUCTURE, Kind.MAP, Kind.ONE_OF, Kind.DOCUMENT, Kind.LIST, Kind.UNION):
                part, expr = "json", self.types.to_json(member.target, expr, ts)
            elif kind is Kind.LIST:
                part = "texts"
                item = self.types.to_json(target.list_member.target, "v0", ts)
                expr = f"[_wire.plain_text({item}) for v0 in {expr}]"
            else:
                part = "text"
                expr = f"_wire.plain_text({self.types.to_json(member.target, expr, ts)})"
            optional = not member.required or member.nullable
            wire = member.wire_name or member.name
            out.append(MultipartField(wire, f"{arg}.{name}", expr, part, optional))
        return out


def param_style(member: Member) -> tuple[str, bool]:
    """(style, explode) of a parameter, with OpenAPI's defaults for its place."""
    defaults = {
        Binding.LABEL: "simple",
        Binding.HEADER: "simple",
        Binding.QUERY: "form",
        Binding.COOKIE: "form",
    }
    style = member.style or defaults.get(member.binding, "simple")
    explode = member.explode if member.explode is not None else style == "form"
    return style, explode


def literal(value: Any) -> str:
    return repr(value)


def _union_parts(annotation: str) -> list[str]:
    """`A | list[B | None] | None` -> [`A`, `list[B | None]`, `None`]: the parts of a union
    annotation, not those of the types inside its brackets."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(annotation):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif depth == 0 and annotation.startswith(" | ", i):
            parts.append(annotation[start:i])
            start = i + 3
    parts.append(annotation[start:])
    return parts
