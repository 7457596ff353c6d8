"""What the generated tests of a package assert, computed from the IR and the samples."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

from generator import media
from generator.ir import Binding, Kind, Member, Operation, Response, Service, Shape
from generator.naming import error_field_name, snake_case
from generator.render import httptests
from generator.render.httpviews import param_style
from generator.render.names import SymbolProvider
from generator.render.pytypes import TypeMapper
from generator.render.samples import Sample, SampleBuilder, label_escape
from generator.render.views import OperationView


@dataclass
class RequestCase:
    name: str  # "full" | "required"
    args: list[tuple[str, str]]  # (python name, expression)
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any  # parsed JSON, or None for no body
    has_body: bool
    encoding: str = "json"  # how the body is compared: json | form | multipart | text | binary


@dataclass
class ErrorCase:
    class_name: str
    status: int
    headers: dict[str, str]
    body: str  # JSON text
    code: str | None  # None: the client reports no code
    message: str
    fields: list[tuple[str, str]]  # (attribute, expected expression)


@dataclass
class OperationTests:
    method: str
    name: str
    cases: list[RequestCase]
    required_args: list[tuple[str, str]]
    response_status: int
    response_headers: dict[str, str]
    response_body: str  # JSON text ("" for none), or the raw text when response_body_raw
    result_checks: list[tuple[str, str]]  # (attribute path, expected expression)
    returns_none: bool
    paginated: bool
    page_items: str
    next_link_wire: str
    page_items_wire: str = "value"
    errors: list[ErrorCase] = field(default_factory=list)
    escaped_label: tuple[str, str, str] | None = None  # (arg, raw value, escaped)
    unmodeled_class: str = ""  # what an error response the model does not name raises
    raw_result: str = ""  # a body returned as is (downloads): the expected value
    response_literal: str = ""  # the canned body as a Python literal for `response()`
    result_body: str = ""  # <Op>Response results: the expected `result.<attr> == <expr>`
    result_model: bool = True  # the result carries response_metadata
    response_body_raw: bool = False  # the body is text or bytes, not JSON (a raw payload)
    refused_body: str = ""  # the media type of a body the client refuses (not an object)


@dataclass
class ModelTests:
    class_name: str
    full_expr: str
    kind: str
    unknown_value: str = ""  # enums
    union_unknown: str = ""  # unions: class name of the unknown variant
    # Structures with subclasses picked by a discriminator: the sample's discriminator value
    # may name a subclass, which from_dict then builds.
    polymorphic: bool = False
    # The name in the tests' function names: unique, where two classes differ only in case
    # (Zoom's AccountSettingsTsp and AccountSettingsTSP are both account_settings_tsp).
    test_name: str = ""


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _status_code(status: str, op: Operation) -> int:
    """A status a stub can answer for a declared response: its code, or one its range
    covers that no other response of the operation declares (default: 418)."""
    declared = {r.status for r in op.responses}
    if status.isdigit():
        return int(status)
    if status == "default":
        candidates = [418, 599, 499]
    elif status.endswith("XX"):
        first = int(status[0]) * 100
        candidates = [first + n for n in (0, 1, 2, 99, 98)]
    else:
        return 200
    for code in candidates:
        if str(code) not in declared and f"{str(code)[0]}XX" not in declared - {status}:
            return code
    return candidates[0]


# What the generated tests make uuid4() return while they call a client, so the idempotency
# tokens a client fills in are known (the Smithy protocol tests use the same one).
FIXED_UUID = "00000000-0000-4000-8000-000000000000"
RAW_PAYLOADS = (Kind.BLOB, Kind.STRING, Kind.ENUM)


class TestViewBuilder:
    def __init__(self, service: Service, symbols: SymbolProvider, types: TypeMapper) -> None:
        self.service = service
        self.symbols = symbols
        self.types = types
        self.samples = SampleBuilder(service, symbols, types)

    def operation(
        self,
        op: Operation,
        view_method: str,
        paginated: bool,
        page_items: str,
        view: OperationView | None = None,
    ) -> OperationTests:
        svc = self.service
        self._view = view if view is not None and view.exchange is not None else None
        inp = svc.shape(op.input) if op.input else None
        cases = [self._request(op, inp, full=True), self._request(op, inp, full=False)]
        required_args = cases[1].args
        out = svc.shape(op.output) if op.output else None
        self._raw_result = ""
        self._body_raw = False
        if self._view is not None:
            return self._rest_operation(op, view_method, cases, out)
        status, headers, body, checks = self._response(op, out)
        if not self.types.proto.json_bodies:
            self._body_raw = True  # XML (awsQuery): the text as the service sends it
        tests = OperationTests(
            method=view_method,
            name=op.name,
            cases=cases,
            required_args=required_args,
            response_status=status,
            response_headers=headers,
            response_body=body,
            result_checks=checks,
            returns_none=out is None,
            raw_result=self._raw_result,
            response_body_raw=self._body_raw,
            paginated=paginated,
            page_items=page_items,
            next_link_wire=(op.pagination.output_token or "") if op.pagination else "",
            errors=[self._error(svc.shape(e)) for e in op.errors if svc.shape(e) is not None],  # type: ignore[arg-type]
        )
        tests.unmodeled_class = self.types.proto.unmodeled_error_class(
            [e.class_name for e in tests.errors]
        )
        self._escaped_label(inp, tests)
        return tests

    def _escaped_label(self, inp: Shape | None, tests: OperationTests) -> None:
        """A string path label with characters that must be escaped (the first one)."""
        if inp is None:
            return
        labels = [
            m
            for m in inp.members
            if m.binding is Binding.LABEL
            and self.types.kind(self.types.shape(m.target)) is Kind.STRING
            and not self.types.shape(m.target).const
            and m.style in ("", "simple")
            and not m.allow_reserved  # sent as given (x-ms-skip-url-encoding)
        ]
        if labels:
            name = self.symbols.member_names(inp)[inp.members.index(labels[0])]
            raw = "a b/ü+%~"
            label_shape = self.types.shape(labels[0].target)
            low = labels[0].constraints.min_length or label_shape.constraints.min_length
            raw += "x" * max(0, int(low or 0) - len(raw))  # the client checks minimums
            tests.escaped_label = (name, raw, label_escape(raw))

    # -- OpenAPI exchanges -------------------------------------------------------------------

    def _rest_operation(
        self, op: Operation, method: str, cases: list[RequestCase], out: Shape | None
    ) -> OperationTests:
        view = self._view
        assert view is not None and view.exchange is not None
        ex = view.exchange
        success = next((r for r in op.responses if r.is_success), None)
        status = _status_code(success.status if success else "200", op)
        headers: dict[str, str] = {}
        literal = '""'
        body_text = ""
        checks: list[tuple[str, str]] = []
        expected = "None"
        if success is not None and success.body is not None:
            sample = self.samples.value(success.body, "body", "date-time", full=True, depth=0)
            literal, body_text = self._response_literal(success, sample)
            shape = self.types.shape(success.body)
            if media.encoding(success.media_type, self.types.kind(shape)) == media.AUTO:
                headers["Content-Type"] = "application/json"  # what the client then decodes
            expected = self._expected_result(success, sample)
            target = self.types.shape(success.body)
            if view.output_kind == "payload" and target.kind is Kind.STRUCTURE:
                tnames = self.symbols.member_names(target)
                sent = sample.wire if isinstance(sample.wire, dict) else {}
                for member, name in zip(target.members, tnames, strict=True):
                    # Only what the body carries: the sample leaves out write-only members
                    # and optional ones that recurse (Mastodon's Account.moved: an Account).
                    if member.write_only or (member.wire_name or member.name) not in sent:
                        continue
                    checks.append((name, self.samples.for_member(member, full=True, depth=1).expr))
        if success is not None and view.output_kind == "model":
            names = (
                dict(zip([m.wire_name for m in out.members], self.symbols.member_names(out)))
                if out is not None
                else {}
            )
            for member in success.headers:
                sample_h = self.samples.for_member(member, full=True, depth=1)
                headers[member.wire_name] = _text(sample_h.wire)
                checks.append((names.get(member.wire_name, member.name), sample_h.expr))
        tests = OperationTests(
            method=method,
            name=op.name,
            cases=cases,
            required_args=cases[1].args,
            response_status=status,
            response_headers=headers,
            response_body=body_text,
            result_checks=checks,
            returns_none=view.output_kind == "body" and expected == "None",
            paginated=view.paginated,
            page_items=view.page_items,
            next_link_wire=(op.pagination.output_token or "") if op.pagination else "",
            response_literal=literal,
            result_model=view.output_kind in ("payload", "model"),
        )
        if view.output_kind == "body" and expected != "None":
            tests.raw_result = expected
        if view.output_kind == "model" and ex.wrapper_body and success and success.body:
            tests.result_body = f"{ex.wrapper_body} == {expected}"
        for error in op.errors:
            error_shape = self.service.shape(error)
            if error_shape is None:
                continue
            declared = next(r for r in op.responses if r.body == error and not r.is_success)
            tests.errors.append(self._error(error_shape, _status_code(declared.status, op)))
        tests.unmodeled_class = self._unmodeled(op)
        self._escaped_label(self.service.shape(op.input) if op.input else None, tests)
        return tests

    def _unmodeled(self, op: Operation) -> str:
        """What a 502 with an HTML body raises: the exception of the body declared for it
        (5XX, default), else the base class."""
        for status in ("502", "5XX", "default"):
            for r in op.responses:
                if r.status == status and not r.is_success:
                    if r.body is None:
                        return ""
                    shape = self.types.shape(r.body)
                    return (
                        self.symbols.error_class_name(shape) if self.symbols.is_error(shape) else ""
                    )
        return ""

    def _response_literal(self, response: Response, sample: Sample) -> tuple[str, str]:
        """The canned body (a Python literal for the stubs' `response()`) and its JSON text."""
        assert response.body is not None
        shape = self.types.shape(response.body)
        enc = media.encoding(response.media_type, self.types.kind(shape))
        if enc == media.BINARY:
            return repr(_text(sample.wire).encode("utf-8")), ""
        if enc == media.TEXT:
            return repr(_text(sample.wire)), ""
        if enc == media.AUTO:
            return repr(json.dumps(sample.wire)), ""
        text = json.dumps(sample.wire, sort_keys=True)
        if isinstance(sample.wire, (dict, list)):
            return repr(sample.wire), text
        return repr(text), text

    def _expected_result(self, response: Response, sample: Sample) -> str:
        assert response.body is not None
        shape = self.types.shape(response.body)
        kind = self.types.kind(shape)
        enc = media.encoding(response.media_type, kind)
        if enc == media.BINARY:
            return repr(_text(sample.wire).encode("utf-8"))
        if enc == media.AUTO:
            return repr(sample.wire)
        if enc == media.TEXT and kind is Kind.STRING:
            return repr(_text(sample.wire))
        return sample.expr

    def _styled(
        self,
        member: Member,
        sample: Sample,
        labels: dict[str, str],
        query: dict[str, str],
        headers: dict[str, str],
        cookies: list[str],
    ) -> None:
        """Where a bound value lands, in its parameter style."""
        wire = member.wire_name or member.name
        style, explode = param_style(member)
        value = sample.wire
        if style == "json":
            value = json.dumps(sample.wire)
            style = "form" if member.binding in (Binding.QUERY, Binding.COOKIE) else "simple"
        if member.binding is Binding.LABEL:
            labels[wire] = httptests.path_segment(
                wire, value, style, explode, member.allow_reserved
            )
        elif member.binding is Binding.QUERY:
            query.update(httptests.query_pairs(wire, value, style, explode, member.allow_reserved))
        elif member.binding is Binding.HEADER:
            headers[wire] = httptests.header_text(value, explode)
        elif member.binding is Binding.COOKIE:
            cookies.extend(httptests.cookie_pairs(wire, value, explode))

    def _request(self, op: Operation, inp: Shape | None, *, full: bool) -> RequestCase:
        args: list[tuple[str, str]] = []
        query: dict[str, str] = {}
        headers: dict[str, str] = {}
        body: dict[str, Any] = {}
        payload: Any = None
        labels: dict[str, str] = {}
        has_members_body = False
        cookies: list[str] = []
        rest = self._view is not None
        proto = self.types.proto
        if inp is not None:
            names = self.symbols.member_names(inp)
            for member, name in zip(inp.members, names, strict=True):
                b = member.binding
                wire = member.wire_name or member.name
                if b is Binding.BODY:
                    has_members_body = True
                target_shape = self.types.shape(member.target)
                constant = target_shape.const and member.required
                optional = not member.required or member.idempotency_token
                if optional and not full:
                    if member.idempotency_token:
                        # The client fills it in (uuid4, fixed while the tests run).
                        self._place(member, FIXED_UUID, query, headers, body)
                        continue
                    default = self._sent_default(member)
                    if default is not None:
                        target = query if member.binding is Binding.QUERY else headers
                        target[member.wire_name] = default
                    if b is Binding.PAYLOAD:
                        payload = proto.unset_payload(target_shape)
                    continue
                sample = self.samples.for_member(member, full=full, writing=True)
                if not constant:
                    args.append((name, sample.expr))
                if rest and b in (Binding.LABEL, Binding.QUERY, Binding.HEADER, Binding.COOKIE):
                    self._styled(member, sample, labels, query, headers, cookies)
                    continue
                if b is Binding.LABEL:
                    labels[wire] = label_escape(_text(sample.wire))
                elif b is Binding.PAYLOAD:
                    # OpenAPI bodies are encoded by media type below (_request_body).
                    payload = sample.wire if rest else self._payload(member, sample.wire, headers)
                else:
                    self._place(member, sample.wire, query, headers, body)
        if cookies:
            headers["Cookie"] = "; ".join(cookies)
        if proto.all_members_in_body:
            body = self._all_members_body(inp, args, full) if inp is not None else {}
            has_members_body = True
        has_body = payload is not None or has_members_body
        encoding = proto.body_encoding
        if rest and payload is not None and op.request_bodies:
            encoding, payload = self._request_body(op, payload)
        expected = proto.expected_request(
            op,
            labels,
            query,
            headers,
            payload if payload is not None else (body if has_members_body else None),
            has_body,
        )
        return RequestCase(
            name="full" if full else "required",
            args=args,
            method=expected.method,
            path=expected.path,
            query=expected.query,
            headers=expected.headers,
            body=expected.body,
            has_body=expected.has_body,
            encoding=encoding,
        )

    def _request_body(self, op: Operation, wire: Any) -> tuple[str, Any]:
        """How the default media type carries the body sample: (encoding, expected body)."""
        body = op.request_bodies[0]
        shape = self.types.shape(body.target)
        enc = media.encoding(body.media_type, self.types.kind(shape))
        if enc == media.FORM:
            return enc, httptests.form_fields(wire)
        if enc == media.MULTIPART:
            return enc, self._multipart_expected(shape, wire)
        if enc in (media.TEXT, media.BINARY, media.AUTO):
            if self.types.kind(shape) is Kind.BLOB:
                return media.BINARY, repr(base64.b64decode(_text(wire)))  # the raw bytes
            scalar = not isinstance(wire, (dict, list))
            if self.types.kind(shape) is Kind.STRING or (enc == media.TEXT and scalar):
                return media.TEXT, _text(wire)
            # An object under a binary or text type (Docker's network connect: octet-stream)
            # travels as compact JSON text: compared as JSON, not as one spelling of it.
            return "json", wire
        return "json", wire

    def _multipart_expected(self, shape: Shape, wire: Any) -> dict[str, str]:
        """Field name -> the text each part carries (files: the raw bytes as text)."""
        out: dict[str, str] = {}
        if not isinstance(wire, dict):
            return out
        if self.types.kind(shape) is not Kind.STRUCTURE:
            # A map or free-form object: a part per key, objects as JSON (_bodies.free_parts).
            for key, value in wire.items():
                first = value[0] if isinstance(value, list) and value else value
                text = json.dumps(first) if isinstance(first, (dict, list)) else _text(first)
                out[str(key)] = text[:40]
            return out
        for member in shape.members:
            key = member.wire_name or member.name
            if key not in wire or member.read_only:
                continue
            value = wire[key]
            target = self.types.shape(member.target)
            kind = self.types.kind(target)
            if kind is Kind.BLOB:
                text = "bytes"  # the sample file's content
            elif kind in (Kind.STRUCTURE, Kind.MAP, Kind.ONE_OF, Kind.DOCUMENT) or (
                isinstance(value, list) and value and isinstance(value[0], (dict, list))
            ):
                text = json.dumps(value, ensure_ascii=False)
            elif isinstance(value, list):
                text = _text(value[0]) if value else ""
            else:
                text = _text(value)
            # The part must hold this text; a prefix says as much and keeps lines short.
            out[key] = text[:40]
        return out

    def _place(
        self,
        member: Member,
        wire: Any,
        query: dict[str, str],
        headers: dict[str, str],
        body: dict[str, Any],
    ) -> None:
        """Put a sample's wire value where the member's binding sends it."""
        b = member.binding
        name = member.wire_name or member.name
        first = wire[0] if isinstance(wire, list) and wire else wire
        if b is Binding.QUERY:
            query[name] = _text(first)
        elif b is Binding.QUERY_PARAMS:
            for key, value in wire.items():
                query.setdefault(key, _text(value[0] if isinstance(value, list) else value))
        elif b is Binding.HEADER:
            headers[name] = self._header_text(member, wire)
        elif b is Binding.PREFIX_HEADERS:
            for key, value in wire.items():
                headers[member.wire_name + key] = _text(value)
        elif b is Binding.BODY:
            body[name] = wire

    def _header_text(self, member: Member, wire: Any) -> str:
        """A sample's header text: list items joined, strings with a media type base64."""
        if isinstance(wire, list):
            return ", ".join(_text(item) for item in wire)
        target = self.types.shape(member.target)
        if target.kind is Kind.STRING and target.media_type:
            return base64.b64encode(str(wire).encode("utf-8")).decode("ascii")
        return _text(wire)

    def _payload(self, member: Member, wire: Any, headers: dict[str, str]) -> Any:
        """The expected body of a payload member: bytes for blobs and text, else JSON data."""
        target = self.types.shape(member.target)
        if target.kind not in RAW_PAYLOADS:
            return wire
        default = "application/octet-stream" if target.kind is Kind.BLOB else "text/plain"
        if not any(k.lower() == "content-type" for k in headers):
            headers["Content-Type"] = target.media_type or default
        if target.kind is Kind.BLOB:
            return base64.b64decode(wire)
        return str(wire).encode("utf-8")

    def _sent_default(self, member: Member) -> str | None:
        """The text of a value the client sends when the argument is omitted."""
        value = self.types.proto.sent_default(member, self.types.shape(member.target))
        return None if value is None else _text(value)

    def _all_members_body(self, inp: Shape | None, args: list[tuple[str, str]], full: bool) -> Any:
        body: dict[str, Any] = {}
        if inp is None:
            return body
        for member in inp.members:
            if (not member.required or member.idempotency_token) and not full:
                if member.idempotency_token:
                    body[member.wire_name or member.name] = FIXED_UUID
                continue
            body[member.wire_name or member.name] = self.samples.for_member(member, full=full).wire
        return body

    def _response(
        self, op: Operation, out: Shape | None
    ) -> tuple[int, dict[str, str], str, list[tuple[str, str]]]:
        status = op.http.code if op.http else 200
        if out is None or not out.members:
            return status, {}, self.types.proto.empty_output_body(), []
        headers: dict[str, str] = {}
        checks: list[tuple[str, str]] = []
        body_text = ""
        raw_result = ""
        names = self.symbols.member_names(out)
        payload = [m for m in out.members if m.binding is Binding.PAYLOAD]
        if payload and not out.synthetic:
            # A Smithy output: the body is one member of the result (a structure, a blob...).
            member = payload[0]
            name = names[out.members.index(member)]
            target = self.types.shape(member.target)
            sample = self.samples.for_member(member, full=True, depth=1)
            if target.kind in RAW_PAYLOADS:
                self._body_raw = True
                raw = base64.b64decode(sample.wire) if target.kind is Kind.BLOB else None
                body_text = raw.decode("utf-8") if raw is not None else str(sample.wire)
            else:
                body_text = json.dumps(sample.wire, sort_keys=True)
            checks.append((name, sample.expr))
        elif payload:
            target = self.types.shape(payload[0].target)
            sample = self.samples.value(target.id, payload[0].name, "date-time", full=True, depth=0)
            body_text = json.dumps(sample.wire, sort_keys=True)
            if target.kind is Kind.BLOB:
                raw_result = repr(body_text.encode("utf-8"))  # a download: the bytes as sent
            elif target.kind is not Kind.STRUCTURE:
                raw_result = repr(json.loads(body_text)) if target.kind is Kind.DOCUMENT else ""
            if target.kind is Kind.STRUCTURE:
                tnames = self.symbols.member_names(target)
                sent = sample.wire if isinstance(sample.wire, dict) else {}
                for member, name in zip(target.members, tnames, strict=True):
                    # Only what the body carries: the sample leaves out optional members
                    # that recurse (Mastodon's Account.moved is an Account).
                    if (member.wire_name or member.name) in sent:
                        sample_m = self.samples.for_member(member, full=True, depth=1)
                        checks.append((name, sample_m.expr))
        else:
            body_wire: dict[str, Any] = {}
            for member, name in zip(out.members, names, strict=True):
                sample = self.samples.for_member(member, full=True, depth=1)
                if member.binding is Binding.HEADER:
                    headers[member.wire_name] = self._header_text(member, sample.wire)
                    checks.append((name, sample.expr))
                elif member.binding is Binding.BODY:
                    body_wire[member.wire_name] = sample.wire
                    checks.append((name, sample.expr))
            body_text = self.types.proto.response_text(op, body_wire)
        if payload:
            for member, name in zip(out.members, names, strict=True):
                if member.binding is Binding.HEADER:
                    sample = self.samples.for_member(member, full=True, depth=1)
                    headers[member.wire_name] = self._header_text(member, sample.wire)
                    if not out.synthetic:
                        checks.append((name, sample.expr))
        self._raw_result = raw_result
        return status, headers, body_text, checks

    def _error(self, shape: Shape, status: int = 0) -> ErrorCase:
        cls = self.symbols.error_class_name(shape)
        sample = self.samples.structure(shape, full=True, depth=1)
        canned = self.types.proto.error_response(shape, dict(sample.wire), status)
        status, headers, body, code = (
            canned.status,
            canned.headers,
            canned.body,
            canned.code,
        )
        message = self.types.proto.error_message(body, status)
        names = self.symbols.member_names(shape)
        fields: list[tuple[str, str]] = []
        for member, name in zip(shape.members, names, strict=True):
            is_string = self.types.shape(member.target).kind is Kind.STRING
            attribute = error_field_name(member.wire_name, name, is_string)
            if attribute is None:
                continue
            name = attribute
            if member.binding is Binding.HEADER:
                sample_m = self.samples.for_member(member, full=True, depth=2)
                headers[member.wire_name] = _text(sample_m.wire)
                body.pop(member.wire_name, None)
                fields.append((name, sample_m.expr))
                continue
            if (member.wire_name or member.name) in body:
                fields.append((name, self.samples.for_member(member, full=True, depth=2).expr))
        return ErrorCase(
            class_name=cls,
            status=status,
            headers=headers,
            body=json.dumps(self.types.proto.error_wire_body(shape, body, code), sort_keys=True),
            code=code,
            message=str(message),
            fields=fields,
        )

    def models(self, shapes: list[Shape]) -> list[ModelTests]:
        out: list[ModelTests] = []
        for shape in shapes:
            cls = self.symbols.class_name(shape)
            if shape.kind in (Kind.ENUM, Kind.INT_ENUM):
                unknown = "'SOMETHING_NEW'" if shape.kind is Kind.ENUM else "987654"
                out.append(ModelTests(cls, "", "enum", unknown_value=unknown))
            elif shape.kind is Kind.UNION:
                sample = self.samples.value(shape.id, shape.name, "date-time", full=True, depth=0)
                out.append(
                    ModelTests(
                        cls,
                        sample.expr,
                        "union",
                        union_unknown=self.symbols.variant_names(shape)[-1],
                    )
                )
            elif shape.kind is Kind.STRUCTURE:
                sample = self.samples.structure(shape, full=True, depth=0)
                polymorphic = bool(shape.discriminator and shape.discriminator_map)
                out.append(ModelTests(cls, sample.expr, "structure", polymorphic=polymorphic))
        taken: set[str] = set()
        for test in out:
            base = snake_case(test.class_name)
            name, n = base, 2
            while name in taken:
                name, n = f"{base}_{n}", n + 1
            taken.add(name)
            test.test_name = name
        return out
