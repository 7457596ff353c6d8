"""View objects: everything a template needs, precomputed from the IR.

Templates do no naming, no type mapping and no protocol decisions; they lay out these values.
Spec text is carried as plain strings and escaped by the environment's filters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.ir import (
    FLOAT_KINDS,
    INTEGER_KINDS,
    Binding,
    Kind,
    Member,
    Operation,
    Service,
    Shape,
)
from generator.naming import error_field_name
from generator.render.docs import doc_text
from generator.render.httpviews import Exchange, ExchangeBuilder, param_style
from generator.render.names import SymbolProvider
from generator.render.paramchecks import ParamChecks
from generator.render.protocols import ProtocolGenerator, protocol_for
from generator.render.pytypes import TypeMapper
from generator.render.tokenpages import TokenPages, token_pages

# A Python name inside an annotation or expression.
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class FieldView:
    name: str  # Python attribute
    wire: str  # JSON key / header / query / label name
    annotation: str  # the full annotation, e.g. "str | None"
    base_type: str  # without the optional part
    required: bool
    nullable: bool
    to_json: str  # expression over `self.<name>`: the JSON wire form
    from_json: str  # expression over `value`
    docs: str
    binding: str = "body"
    to_text: str = ""  # header/query/label expression over `value`
    from_text: str = ""
    idempotency_token: bool = False
    sensitive: bool = False
    kind: str = ""
    default_repr: str = ""  # documented default (not sent unless given)
    group: str = ""
    target_class: str = ""  # class name when the target is a model or enum
    variant_class: str = ""  # union members: the variant's class name
    to_plain: str = ""  # expression over `self.<name>`: the to_dict() form
    default_expr: str = ""  # the dataclass default of a required field (a const, a default)
    read_only: bool = False  # received, never sent: left out of to_wire()


@dataclass
class ModelView:
    class_name: str
    kind: str  # structure | union | enum | error
    docs: str
    fields: list[FieldView] = field(default_factory=list)
    enum_members: list[tuple[str, str, str]] = field(default_factory=list)  # NAME, repr, docs
    int_enum: bool = False
    is_result: bool = False  # returned by an operation: carries response_metadata
    error_code: str = ""
    http_status: int | None = None
    retryable: bool = False
    throttling: bool = False
    fault: str = ""
    shape_id: str = ""
    wire_name: str = ""
    unknown_class: str = ""
    error_fields: list[FieldView] = field(default_factory=list)
    # Structures: the class it extends (fields declared there are not redeclared), the extra
    # properties it keeps, and the subclasses a discriminator picks (value literal, class).
    base_class: str = ""
    own_fields: list[FieldView] = field(default_factory=list)
    additional: FieldView | None = None
    discriminator: str = ""
    subclasses: list[tuple[str, str]] = field(default_factory=list)
    enum_base: str = ""  # enums: OpenStrEnum | OpenIntEnum | OpenEnum
    base_is_result: bool = False  # the base class declares response_metadata already
    union: UnionView | None = None  # untagged unions (kind "oneof")
    recursive: bool = False  # oneof: its alias refers to itself (or a later alias): a string
    total: bool = False  # oneof: some variant takes any value (no fallback needed)


@dataclass
class VariantView:
    """One variant of an untagged union: how raw JSON is recognised and converted, and how a
    Python value of it is told apart and written."""

    check: str  # condition over the raw JSON `value`
    parse: str  # expression over `value`
    attempt: bool  # the parse may fail on data of another variant: try the next one then
    instance: str  # isinstance() type of a Python value of it ("" = anything left)
    to_wire: str  # expression over `value`
    to_plain: str
    model: bool = False  # a generated model class (it keeps the keys it does not know)


@dataclass
class UnionView:
    alias: str  # the type alias's name
    annotation: str  # what it stands for
    from_fn: str
    to_fn: str
    plain_fn: str
    discriminator: str = ""
    mapping: list[tuple[str, str]] = field(default_factory=list)  # (value literal, parse expr)
    variants: list[VariantView] = field(default_factory=list)  # in the spec's order
    writers: list[VariantView] = field(default_factory=list)  # most specific type first
    unknown: bool = False


@dataclass
class ParamView:
    name: str
    annotation: str
    required: bool
    binding: str
    wire: str
    to_text: str  # expression over the argument name
    to_json: str
    docs: str
    idempotency_token: bool = False
    client_request_id: bool = False
    default_repr: str = ""
    is_json_body_member: bool = False
    default: str = "None"  # the Python default of an optional argument (an expression)
    range_check: str = ""  # Azure: a condition over the argument, true when out of bounds
    range_text: str = ""  # "from 1 to 1000"
    style: str = ""  # OpenAPI parameter style (form, simple, label, matrix, deepObject, ...)
    explode: bool = False
    allow_reserved: bool = False
    param_value: str = ""  # over the argument: str, list[str] or dict[str, str] for _styles
    sent_always: bool = False  # a constant the call always sends (no argument is needed)


@dataclass
class OperationView:
    name: str  # spec name (GetTask / Task_Add)
    method: str  # Python method name
    docs: str
    summary: str
    http_method: str
    uri: str
    path_parts: list[tuple[str, str]]  # ("lit", "/jobs/") or ("label", "<expr>")
    styled_path: list[tuple[str, str]]  # ("lit", ...) or ("expr", "_styles.path(...)")
    query_literal: list[tuple[str, str | None]]  # a constant query part ("?hello": None value)
    params: list[ParamView]
    body_kind: str  # "none" | "members" | "payload"
    payload_param: str  # Python name of the payload argument
    content_type: str
    output_class: str  # "" for no output
    output_kind: str  # "none" | "model" | "payload" | "headers"
    output_fields: list[FieldView]  # header/status bound members of the output
    output_body_fields: list[FieldView]
    payload_class: str
    errors: list[str]  # error class names
    success_codes: list[int]
    host_prefix: str
    idempotent: bool
    readonly: bool
    paginated: bool
    page_items: str
    next_link: str
    item_class: str
    idempotency_param: str = ""
    target: str = ""  # awsJson X-Amz-Target
    return_annotation: str = "None"
    input_class: str = ""
    success_tuple: str = "(200,)"
    raw_expr: str = ""  # output_kind "raw": the expression that returns the body
    next_link_attr: str = ""
    client_request_id_param: str = ""  # Azure: generated when omitted (x-ms-client-request-id)
    # OpenAPI exchanges: bodies by media type, responses by status, security (else None).
    exchange: Exchange | None = None
    output_model: bool = True  # the return type is a generated model (docs link to it)
    # What the input payload is: structure | union | blob | string | enum | document | list.
    payload_kind: str = ""
    payload_media_type: str = ""  # its Content-Type unless a header member sets one
    payload_unset_body: str = ""  # a bytes literal: what an unset structure payload sends
    # A Smithy output whose payload member is the body: that member and what it is.
    output_payload: FieldView | None = None
    output_payload_kind: str = ""
    output_payload_expr: str = ""  # the member's value from `_payload` (the text or JSON)
    host_prefix_expr: str = "''"  # the host prefix, with {label}s filled from the arguments
    # Smithy rules: `((parameter, value), ...)` over the arguments ("" when the operation sets
    # no endpoint parameter: the client-level endpoint applies).
    endpoint_bindings: str = ""
    request_compression: tuple[str, ...] = ()
    checksum_required: bool = False
    unsigned: bool = False  # Smithy @auth([]): sent unsigned (botocore's authtype none)
    optional_auth: bool = False  # Smithy @optionalAuth: signed if credentials are found
    event_stream: str = ""  # "input" / "output": an unsupported event stream travels there
    token_pages: TokenPages | None = None  # Smithy token pagination: paginate_<method>
    # Statements checking the arguments before anything is sent (botocore's validation).
    param_checks: list[str] = field(default_factory=list)


# What the stages of ViewBuilder.operation() hand on to the view.


@dataclass
class _Arguments:
    params: list[ParamView] = field(default_factory=list)
    label_expr: dict[str, str] = field(default_factory=dict)  # URI label -> text expression
    host_labels: dict[str, str] = field(default_factory=dict)  # host label -> argument
    body_kind: str = "none"
    payload_param: str = ""
    payload_kind: str = ""
    payload_media: str = ""
    payload_unset_body: str = ""
    idempotency_param: str = ""
    param_checks: list[str] = field(default_factory=list)


@dataclass
class _RequestLine:
    http_method: str
    uri: str
    success_codes: list[int]
    success_tuple: str
    path_parts: list[tuple[str, str]] = field(default_factory=list)
    styled_path: list[tuple[str, str]] = field(default_factory=list)
    query_literal: list[tuple[str, str | None]] = field(default_factory=list)


@dataclass
class _Result:
    output_class: str = ""
    output_kind: str = "none"
    payload_class: str = ""
    raw_expr: str = ""
    fields: list[FieldView] = field(default_factory=list)
    body_fields: list[FieldView] = field(default_factory=list)
    payload: FieldView | None = None
    payload_kind: str = ""
    payload_expr: str = ""
    exchange: Exchange | None = None
    output_model: bool = True


@dataclass
class _Paging:
    return_annotation: str
    paginated: bool = False
    page_items: str = ""
    next_link_attr: str = ""
    item_class: str = ""


@dataclass
class CallOptionView:
    """A keyword option of every client method (per-call timeout, retries, headers...)."""

    key: str  # what the client's _send calls it: timeout | retry_policy | headers | deadline
    name: str  # the method's argument name (see SymbolProvider.call_option_names)
    annotation: str
    default: str
    docs: str


_CALL_OPTION_TYPES = {
    "timeout": (
        "float | Unset | None",
        "UNSET",
        "Seconds one attempt may take, connecting and reading the whole response included "
        "(None: no limit); default: the client's timeout.",
    ),
    "retry_policy": (
        "RetryPolicy | None",
        "None",
        "Retries of this call (``RetryPolicy.no_retries()`` for none); default: the client's.",
    ),
    "headers": (
        "Mapping[str, str] | None",
        "None",
        "Extra request headers, sent (and signed) on every attempt and page of the call; "
        "they replace headers of the same name.",
    ),
    "deadline": (
        "float | None",
        "None",
        "Seconds the whole call may take, retries and the waits between them included "
        "(for paged operations: each page); default: none.",
    ),
}


@dataclass
class StatusErrorView:
    """An error class raised by HTTP status (Azure's ResourceNotFoundError...)."""

    class_name: str
    statuses: list[int]
    docs: str
    parent: str  # the class it subclasses


@dataclass
class PackageView:
    package: str
    client: str
    async_client: str
    base_error: str
    title: str
    service_name: str
    version: str
    docs: str
    models: list[ModelView]
    errors: list[ModelView]
    operations: list[OperationView]
    auth: list[str]
    signing_name: str = ""
    endpoint_prefix: str = ""
    endpoints: Any = None  # an EndpointView (render/endpoints.py): the endpoint rule set
    host_template: str = ""
    api_version: str = ""
    credential_scopes: list[str] = field(default_factory=list)
    endpoint_docs: str = ""  # what the endpoint argument is (Azure's parameterized host)
    generator_version: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    error_imports: list[str] = field(default_factory=list)
    operation_imports: list[str] = field(default_factory=list)
    client_imports: list[str] = field(default_factory=list)
    needs_uuid: bool = False
    has_paging: bool = False
    package_version: str = "0.1.0"
    model_names: list[str] = field(default_factory=list)
    error_names: list[str] = field(default_factory=list)
    distribution: str = ""
    spec_name: str = ""
    # The protocol module: templates import its macros (`proto.wire_template`, ...).
    proto: ProtocolGenerator | None = None
    compresses: bool = False  # an operation may gzip its request body (requestCompression)
    # An operation is (or may be) sent unsigned: credentials are resolved lazily.
    has_unsigned: bool = False
    check_functions: list[list[str]] = field(default_factory=list)  # `_check_<Class>` functions
    rewrites_bodies: bool = False  # ... or another operation needs a Content-MD5
    # Keyword options of every method, in order (names never shadow a spec argument).
    call_options: list[CallOptionView] = field(default_factory=list)
    status_errors: list[StatusErrorView] = field(default_factory=list)


def _accept_plain_enum(annotation: str, target: Shape) -> str:
    """Enum arguments also take the plain wire value (`"READY"`), as boto3 users write them."""
    if target.kind is Kind.ENUM:
        base, sep, rest = annotation.partition(" | ")
        return f"{base} | str" + (sep + rest if sep else "")
    if target.kind is Kind.INT_ENUM:
        base, sep, rest = annotation.partition(" | ")
        return f"{base} | int" + (sep + rest if sep else "")
    return annotation


def _py_literal(value: Any) -> str:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return repr(value)
    return ""


_MODEL_KINDS = (Kind.STRUCTURE, Kind.UNION, Kind.ENUM, Kind.INT_ENUM, Kind.ONE_OF)


def _bases_first(shapes: list[Shape]) -> list[Shape]:
    by_id = {s.id: s for s in shapes}
    out: list[Shape] = []
    placed: set[str] = set()

    def place(shape: Shape, depth: int = 0) -> None:
        if shape.id in placed:
            return
        if shape.base and shape.base in by_id and depth < 50:
            place(by_id[shape.base], depth + 1)
        placed.add(shape.id)
        out.append(shape)

    for shape in shapes:
        place(shape)
    return out


class ViewBuilder:
    def __init__(self, service: Service, package: str, options: dict[str, Any]) -> None:
        self.service = service
        self.options = options
        self.proto = protocol_for(service)
        self.symbols = SymbolProvider(
            service,
            package,
            options.get("client_name"),
            reserved=frozenset(name for name, _, _ in self.proto.status_errors),
            arguments=frozenset(arg.name for arg in self.proto.context_args()),
        )
        self.types = TypeMapper(service, self.symbols, self.proto)
        self.exchanges = ExchangeBuilder(self)
        self.checks = ParamChecks(service, self.symbols) if self.proto.validates_params else None
        # Shapes returned by an operation: their header, status and payload members are filled
        # after the body is parsed, so they are never required when read from the body.
        self._outputs = {op.output for op in service.operations if op.output}
        # field() by (member, name): a member is viewed as a model's field, an operation's
        # argument and a result's field; a third of the calls on a large API were repeats.
        self._fields: dict[tuple[int, str], tuple[Member, FieldView]] = {}

    # -- shapes ------------------------------------------------------------------------------

    def _reachable(self) -> tuple[list[Shape], set[str], set[str]]:
        """Model shapes reachable from the operations; which ones are results and errors."""
        svc = self.service
        seen: set[str] = set()
        order: list[str] = []
        results: set[str] = set()
        errors: set[str] = set()
        top_inputs: set[str] = set()

        def walk(shape_id: str | None) -> None:
            if shape_id is None or shape_id in seen:
                return
            shape = svc.shape(shape_id)
            if shape is None:
                return
            seen.add(shape_id)
            order.append(shape_id)
            for m in shape.members:
                walk(m.target)

        for candidate in svc.shapes:
            # Errors no operation lists are still raised as their own class.
            if candidate.error is not None and candidate.kind is Kind.STRUCTURE:
                errors.add(candidate.id)
                walk(candidate.id)
        for op in svc.operations:
            if op.input:
                top_inputs.add(op.input)
            walk(op.input)
            walk(op.output)
            for e in op.errors:
                errors.add(e)
                walk(e)
            for body in op.request_bodies:
                walk(body.target)
            for response in op.responses:
                walk(response.body)
            out = svc.shape(op.output) if op.output else None
            if out is not None and op.responses:
                kind = self.exchanges.result(op, out)[0]
                if kind == "wrapper":
                    results.add(out.id)
                elif kind == "payload":
                    body_id = next(r.body for r in op.responses if r.is_success and r.body)
                    results.add(self.types.shape(body_id).id)
            elif out is not None:
                payload = [m for m in out.members if m.binding is Binding.PAYLOAD]
                # An OpenAPI response returns its body model; a Smithy output is the result
                # whatever member its body is.
                results.add(payload[0].target if payload and out.synthetic else out.id)
        for named in svc.shapes:
            # Named OpenAPI schemas are models even when no operation uses them (a document
            # of webhooks, components shared by other documents).
            if named.id.startswith("#/components/schemas/"):
                walk(named.id)
            if named.base:
                walk(named.base)
        shapes = []
        reached = [s for s in (svc.shape(sid) for sid in seen) if s is not None]
        data_targets = {m.target for s in reached for m in s.members}
        for sid in sorted(seen):
            found = svc.shape(sid)
            assert found is not None
            shape = found
            if shape.kind not in _MODEL_KINDS:
                continue
            if (
                sid in top_inputs
                and not any(sid == op.output for op in svc.operations)
                and sid not in data_targets
            ):
                # Operation inputs become keyword arguments, not models (unless they are data
                # too: a recursive input that contains itself).
                continue
            if shape.synthetic and shape.is_output and sid not in self._returned_outputs():
                continue  # an OpenAPI output whose body is returned instead
            shapes.append(shape)
        # A class is defined after the class it extends.
        return _bases_first(shapes), results, errors

    def _returned_outputs(self) -> set[str]:
        """Synthetic output structures returned as models (Smithy outputs, headers-only
        results and OpenAPI <Op>Response wrappers)."""
        found = self.__dict__.get("_returned")
        if found is None:
            found = set()
            for op in self.service.operations:
                out = self.service.shape(op.output) if op.output else None
                if out is None or not out.members:
                    continue
                if op.responses:
                    if self.exchanges.result(op, out)[0] == "wrapper":
                        found.add(out.id)
                elif not any(m.binding is Binding.PAYLOAD for m in out.members):
                    found.add(out.id)
            self.__dict__["_returned"] = found
        return found

    def field(self, member: Member, py_name: str) -> FieldView:
        """The view of `member` as the Python attribute `py_name`: a copy of its own, since
        callers adjust what they get (a union's variant, a renamed member)."""
        key = (id(member), py_name)
        known = self._fields.get(key)
        if known is None:
            known = self._fields[key] = (member, self._field(member, py_name))
        clone = object.__new__(FieldView)  # copy.copy, without its generic machinery
        clone.__dict__.update(known[1].__dict__)
        return clone

    def _field(self, member: Member, py_name: str) -> FieldView:
        t = self.types
        target = t.shape(member.target)
        base = t.annotation(member.target)
        # A value only received (readOnly) or only sent (writeOnly) is absent the other way.
        required = member.required and not member.read_only and not member.write_only
        annotation = base
        if member.nullable and base != "Any":
            annotation += " | Null"
        if not required and base != "Any":
            annotation += " | None"
        ts = t.ts_format(member, "body")
        text_ok = member.binding in (Binding.HEADER, Binding.QUERY, Binding.LABEL)
        cls = ""
        if target.kind in (Kind.STRUCTURE, Kind.UNION, Kind.ENUM, Kind.INT_ENUM):
            cls = self.symbols.class_name(target)
        return FieldView(
            default_expr=self.default_expr(member) if required else "",
            read_only=member.read_only,
            name=py_name,
            wire=_wire_name(member),
            annotation=annotation,
            base_type=base,
            required=required,
            nullable=member.nullable,
            to_json=t.to_json(member.target, f"self.{py_name}", ts),
            to_plain=t.to_plain(member.target, f"self.{py_name}"),
            from_json=t.from_json(member.target, "value", ts),
            docs=doc_text(member.docs),
            binding=member.binding.value,
            to_text=t.to_text(member, "value") if text_ok else "",
            from_text=t.from_text(member, "value") if text_ok else "",
            idempotency_token=member.idempotency_token,
            sensitive=member.sensitive or target.sensitive,
            kind=target.kind.value,
            default_repr=_py_literal(member.default) if member.has_default else "",
            group=member.group,
            target_class=cls,
        )

    def default_expr(self, member: Member) -> str:
        """The Python default of a required value: its constant, or the spec's default when
        it is a literal of the value's type (None: the caller must give it)."""
        target = self.types.shape(member.target)
        if target.const and target.enum_values:
            return repr(target.enum_values[0].value)
        if not member.has_default:
            return ""
        return self._literal(target, member.default)

    def _literal(self, target: Shape, value: Any) -> str:
        kind = self.types.kind(target)
        if target.const:
            return (
                repr(value) if target.enum_values and value == target.enum_values[0].value else ""
            )
        if kind in (Kind.ENUM, Kind.INT_ENUM):
            names = self.symbols.enum_member_names(target)
            for name, ev in zip(names, target.enum_values, strict=True):
                if ev.value == value and type(ev.value) is type(value):
                    return f"{self.symbols.class_name(target)}.{name}"
            return ""
        if kind is Kind.STRING:
            return repr(value) if isinstance(value, str) else ""
        if kind is Kind.BOOLEAN:
            return repr(value) if isinstance(value, bool) else ""
        if kind in INTEGER_KINDS:
            return repr(value) if isinstance(value, int) and not isinstance(value, bool) else ""
        if kind in FLOAT_KINDS:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            return repr(float(value)) if ok else ""
        if kind is Kind.DATE and isinstance(value, str):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                return ""
            return f"date({day.year}, {day.month}, {day.day})"
        if kind is Kind.ONE_OF:
            for variant in target.members:
                found = self._literal(self.types.shape(variant.target), value)
                if found:
                    return found
        return ""

    def model(self, shape: Shape, results: set[str], errors: set[str]) -> ModelView:
        cls = self.symbols.class_name(shape)
        docs = doc_text(shape.docs)
        if shape.kind in (Kind.ENUM, Kind.INT_ENUM):
            names = self.symbols.enum_member_names(shape)
            values = [ev.value for ev in shape.enum_values]
            if shape.kind is Kind.INT_ENUM:
                enum_base = "OpenIntEnum"
            elif all(isinstance(v, str) for v in values):
                enum_base = "OpenStrEnum"
            else:
                enum_base = "OpenEnum"
            return ModelView(
                class_name=cls,
                kind="enum",
                docs=docs,
                enum_members=[
                    (n, repr(ev.value), doc_text(ev.docs))
                    for n, ev in zip(names, shape.enum_values)
                ],
                int_enum=shape.kind is Kind.INT_ENUM,
                shape_id=shape.id,
                enum_base=enum_base,
            )
        if shape.kind is Kind.ONE_OF:
            union = self.union(shape)
            return ModelView(
                class_name=cls,
                kind="oneof",
                docs=docs,
                shape_id=shape.id,
                union=union,
                total=any(v.check == "True" and not v.attempt for v in union.variants),
            )
        names = self.symbols.member_names(shape)
        fields = [self.field(m, n) for m, n in zip(shape.members, names)]
        is_output = shape.is_output or shape.id in self._outputs
        for f, m in zip(fields, shape.members):
            if is_output and m.binding is Binding.PAYLOAD and f.base_type != "Any":
                # A collection read whole may hold the nulls the protocol keeps (msrest): typed
                # as a body returned without headers is (`list[Product | None]`).
                read = self.types.read_annotation(m.target)
                f.annotation = read + f.annotation[len(f.base_type) :]
                f.base_type = read
        for f in fields:
            if is_output and f.binding != "body" and f.required:
                # Filled from headers after the body is parsed: never required in from_dict.
                f.required = False
                f.annotation += " | None"
        unknown = ""
        if shape.kind is Kind.UNION:
            variants = self.symbols.variant_names(shape)
            for f, variant in zip(fields, variants):
                f.variant_class = variant
                f.to_json = f.to_json.replace(f"self.{f.name}", "self.value")
                f.to_plain = f.to_plain.replace(f"self.{f.name}", "self.value")
            unknown = variants[-1]
        view = ModelView(
            class_name=cls,
            kind="union" if shape.kind is Kind.UNION else "structure",
            docs=docs,
            fields=fields,
            is_result=shape.id in results,
            shape_id=shape.id,
            wire_name=shape.name,
            unknown_class=unknown,
            own_fields=list(fields),
        )
        if shape.kind is Kind.STRUCTURE:
            self._structure_extras(shape, view)
        if shape.id in errors:
            view.kind = "error"
            view.class_name = self.symbols.error_class_name(shape)
            info = shape.error
            view.error_code = self.proto.error_code(shape)
            view.http_status = info.http_status if info else None
            view.retryable = bool(info and info.retryable)
            view.throttling = bool(info and info.throttling)
            view.fault = info.fault if info else "client"
            # `message` and `code` are the base class's; a modeled message that is not a string
            # (Azure's {lang, value}) keeps its data under another name.
            for f in fields:
                name = error_field_name(f.wire, f.name, f.kind == "string")
                if name is None:
                    continue
                f.name = name
                view.error_fields.append(f)
        return view

    def _structure_extras(self, shape: Shape, view: ModelView) -> None:
        """Inheritance, extra properties and polymorphism of an OpenAPI object."""
        t = self.types
        if shape.additional:
            value = Member(name="additional_properties", target=shape.additional)
            extra = self.field(value, "additional_properties")
            v = "v0"
            extra.to_json = t.to_json(shape.additional, v, "date-time", depth=1)
            extra.to_plain = t.to_plain(shape.additional, v, depth=1)
            extra.from_json = t.from_json(shape.additional, v, "date-time", depth=1)
            view.additional = extra
        base = self.service.shape(shape.base) if shape.base else None
        if base is not None and self._extends(shape, base):
            view.base_class = self.symbols.class_name(base)
            view.base_is_result = base.id in self._results
            inherited = {m.wire_name for m in base.members}
            view.own_fields = [f for f in view.fields if f.wire not in inherited]
        if shape.discriminator:
            view.discriminator = shape.discriminator
            for tag, target_id in shape.discriminator_map:
                sub = self.service.shape(target_id)
                if sub is not None and sub.base == shape.id and self._extends(sub, shape):
                    view.subclasses.append((repr(tag), self.symbols.class_name(sub)))

    def _extends(self, shape: Shape, base: Shape) -> bool:
        """A subclass can be rendered: every base field is the child's same field (a field
        redeclared with another type or requiredness would be an incompatible override)."""
        if base.kind is not Kind.STRUCTURE or base.id == shape.id or base.additional:
            return False
        if shape.additional:
            return False
        child = dict(zip([m.wire_name for m in shape.members], self.symbols.member_names(shape)))
        mine = {m.wire_name: m for m in shape.members}
        for member, name in zip(base.members, self.symbols.member_names(base), strict=True):
            other = mine.get(member.wire_name)
            if other is None or child.get(member.wire_name) != name:
                return False
            same = (other.target, other.required, other.nullable, other.read_only)
            if same != (member.target, member.required, member.nullable, member.read_only):
                return False
        return True

    def union(self, shape: Shape) -> UnionView:
        t = self.types
        from_fn, to_fn, plain_fn = self.symbols.union_functions(shape)
        unknown = t.union_unknown(shape)
        view = UnionView(
            alias=self.symbols.class_name(shape),
            annotation=t.union_annotation(shape),
            from_fn=from_fn,
            to_fn=to_fn,
            plain_fn=plain_fn,
            discriminator=shape.discriminator,
            unknown=unknown,
        )
        for value, target in shape.discriminator_map:
            view.mapping.append((repr(value), t.from_json(target, "value", "date-time")))
        view.variants = [self._variant(m.target) for m in shape.members]
        # Writing tells variants apart by Python type: datetime is a date, so the more specific
        # check goes first, and variants without a type of their own come last.
        view.writers = sorted(view.variants, key=lambda v: (v.instance == "date", not v.instance))
        return view

    def _variant(self, target: str) -> VariantView:
        t = self.types
        shape = t.shape(target)
        kind = t.kind(shape)
        parse = t.from_json(target, "value", "date-time")
        to_wire = t.to_json(target, "value", "date-time")
        to_plain = t.to_plain(target, "value")
        check, attempt, instance = "True", False, ""
        if shape.const and shape.enum_values:
            check = f"value == {shape.enum_values[0].value!r}"
        elif kind in (Kind.STRUCTURE, Kind.UNION):
            check, attempt, instance = (
                "isinstance(value, Mapping)",
                True,
                self.symbols.class_name(shape),
            )
        elif kind is Kind.MAP:
            check, attempt, instance = "isinstance(value, Mapping)", True, "dict"
        elif kind is Kind.LIST:
            check, attempt, instance = "isinstance(value, list)", True, "list"
        elif kind in (Kind.ENUM, Kind.INT_ENUM):
            cls = self.symbols.class_name(shape)
            values = [ev.value for ev in shape.enum_values]
            check, instance = f"value in {tuple(values)!r}", cls
        elif kind is Kind.STRING:
            check = "isinstance(value, str)"
        elif kind is Kind.TIMESTAMP:
            check, attempt, instance = "_wire.is_datetime(value)", True, "datetime"
        elif kind is Kind.DATE:
            check, attempt, instance = "_wire.is_date(value)", True, "date"
        elif kind is Kind.TIME:
            check, attempt, instance = "_wire.is_time(value)", True, "time"
        elif kind is Kind.UUID:
            check, attempt, instance = "_wire.is_uuid(value)", True, "UUID"
        elif kind is Kind.DURATION:
            check, attempt, instance = "isinstance(value, (str, timedelta))", True, "timedelta"
        elif kind is Kind.BLOB:
            check, attempt, instance = "isinstance(value, (str, bytes))", True, "bytes"
        elif kind is Kind.BOOLEAN:
            check = "isinstance(value, bool)"
        elif kind in INTEGER_KINDS:
            check = "isinstance(value, int) and not isinstance(value, bool)"
        elif kind in FLOAT_KINDS:
            check = "isinstance(value, (int, float)) and not isinstance(value, bool)"
        elif kind is Kind.ONE_OF:
            # A variant that is itself a union (`oneOf: [A, {oneOf: [B, C]}]`): written by its
            # own function when the value is one of its Python types.
            attempt = True
            parts = [p for p in t.union_annotation(shape).split(" | ") if p != "None"]
            if parts and all(p.isidentifier() and p != "Any" for p in parts):
                instance = "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
        model = kind is Kind.STRUCTURE and not (shape.const and shape.enum_values)
        return VariantView(check, parse, attempt, instance, to_wire, to_plain, model)

    # -- operations --------------------------------------------------------------------------

    def operation(self, op: Operation) -> OperationView:
        """An operation's view, built in stages: the arguments, the request line, the result,
        the OpenAPI exchange (when the protocol describes one), and the paging."""
        svc = self.service
        inp = svc.shape(op.input) if op.input else None
        out = svc.shape(op.output) if op.output else None
        args = self._arguments(inp)
        line = self._request_line(op, args)
        result = self._result(out)
        if self.proto.describes_exchange(op):
            self._exchange_stage(op, inp, out, args, result)
        paging = self._paging(op, out, result)
        method = self.symbols.method_name(op.name)
        return OperationView(
            name=op.name,
            method=method,
            docs=doc_text(op.docs),
            summary=doc_text(op.summary),
            http_method=line.http_method,
            uri=line.uri,
            path_parts=line.path_parts,
            styled_path=line.styled_path,
            query_literal=line.query_literal,
            params=args.params,
            body_kind=args.body_kind,
            payload_param=args.payload_param,
            content_type=self.proto.request_content_type(op),
            output_class=result.output_class,
            output_kind=result.output_kind,
            output_fields=result.fields,
            output_body_fields=result.body_fields,
            payload_class=result.payload_class,
            errors=[self.symbols.error_class_name(self.types.shape(e)) for e in op.errors],
            success_codes=line.success_codes,
            host_prefix=op.host_prefix,
            idempotent=op.idempotent or op.readonly or bool(args.idempotency_param),
            readonly=op.readonly,
            paginated=paging.paginated,
            page_items=paging.page_items,
            next_link=(op.pagination.output_token or "") if op.pagination else "",
            item_class=paging.item_class,
            idempotency_param=args.idempotency_param,
            target=self.proto.target_header(op),
            return_annotation=paging.return_annotation,
            success_tuple=line.success_tuple,
            raw_expr=result.raw_expr,
            next_link_attr=paging.next_link_attr,
            client_request_id_param=next((p.name for p in args.params if p.client_request_id), ""),
            exchange=result.exchange,
            output_model=result.output_model,
            payload_kind=args.payload_kind,
            payload_media_type=args.payload_media,
            payload_unset_body=args.payload_unset_body,
            output_payload=result.payload,
            output_payload_kind=result.payload_kind,
            output_payload_expr=result.payload_expr,
            host_prefix_expr=_host_prefix_expr(op.host_prefix, args.host_labels),
            request_compression=op.request_compression,
            param_checks=args.param_checks,
            checksum_required=op.checksum_required,
            unsigned=op.unsigned,
            optional_auth=op.optional_auth,
            event_stream=op.event_stream,
            token_pages=token_pages(
                svc,
                op,
                method,
                {self.symbols.method_name(o.name) for o in svc.operations},
                self.symbols.member_names,
                self.types.annotation,
            ),
        )

    # The stages of operation(), in order.

    def _arguments(self, inp: Shape | None) -> _Arguments:
        """The method's arguments (required first), where the input travels, and the checks
        made before sending."""
        args = _Arguments()
        if inp is not None:
            names = self.symbols.member_names(inp)
            for member, name in zip(inp.members, names):
                args.params.append(self._param(member, name, args))
            if self.checks is not None:
                args.param_checks = self.checks.argument_lines(inp, names)
        args.body_kind = self.proto.input_body_kind(args.body_kind)
        # Required arguments first, then optional ones (all keyword-only, so order is cosmetic).
        args.params.sort(key=lambda p: not p.required)
        return args

    def _param(self, member: Member, name: str, args: _Arguments) -> ParamView:
        """One argument; records in `args` what its binding makes of the request."""
        t = self.types
        fv = self.field(member, name)
        b = member.binding
        target = t.shape(member.target)
        to_text = (
            t.to_text(member, name) if b in (Binding.HEADER, Binding.QUERY, Binding.LABEL) else ""
        )
        if b is Binding.LABEL:
            args.label_expr[member.wire_name] = to_text
        if member.host_label:
            args.host_labels[member.name] = name
        if b is Binding.PAYLOAD:
            args.body_kind, args.payload_param = "payload", name
            args.payload_kind, args.payload_media = self._payload_kind(target)
            args.payload_unset_body = self.proto.unset_payload_body(target)
        elif b is Binding.BODY and args.body_kind == "none":
            args.body_kind = "members"
        if member.idempotency_token:
            args.idempotency_param = name
        required = member.required and not member.idempotency_token
        # Required, and the spec gives its value: the argument defaults to it.
        default = fv.default_expr if required and fv.default_expr else "None"
        check, text = "", ""
        if self.proto.checks_range(member, target):
            check, text = _range_check(member, name)
        style, explode = param_style(member)
        annotation = _accept_plain_enum(fv.annotation, target)
        # An argument is sent or left out: the explicit-null marker is for bodies.
        annotation = annotation.replace(" | Null", "")
        return ParamView(
            style=style,
            explode=explode,
            allow_reserved=member.allow_reserved,
            param_value=self._param_value(member, name, style),
            sent_always=required and target.const and b is not Binding.PAYLOAD,
            name=name,
            annotation=annotation,
            required=required,
            binding=b.value,
            wire=_wire_name(member),
            to_text=to_text,
            to_json=t.to_json(member.target, name, t.ts_format(member, "body")),
            docs=fv.docs,
            idempotency_token=member.idempotency_token,
            client_request_id=self.proto.client_request_id(member),
            default_repr=fv.default_repr,
            is_json_body_member=self.proto.in_json_body(member),
            default=default,
            range_check=check,
            range_text=text,
        )

    def _request_line(self, op: Operation, args: _Arguments) -> _RequestLine:
        """The method, the path with its labels (plain and in OpenAPI styles), the constant
        query part of the URI, and the success codes."""
        http = op.http
        # An OpenAPI path key may carry a fragment to tell operations on one path apart (Box's
        # `/files/{file_id}#add_shared_link`): a fragment is never sent, and the query must
        # not follow it, so the request line is the URI without it.
        uri = (http.uri if http else "/").partition("#")[0]
        path_s, _, query_s = uri.partition("?")
        line = _RequestLine(
            http_method=http.method if http else "POST",
            uri=uri,
            success_codes=list(http.success_codes) if http else [200],
            success_tuple=repr(tuple(http.success_codes)) if http else "(200,)",
        )
        styled_expr = {
            p.wire: f"_styles.path({p.wire!r}, {p.param_value}, style={p.style!r}, "
            f"explode={p.explode}" + (", allow_reserved=True)" if p.allow_reserved else ")")
            for p in args.params
            if p.binding == "label"
        }
        pos = 0
        for m in re.finditer(r"\{([^}]+)\}", path_s):
            if m.start() > pos:
                line.path_parts.append(("lit", path_s[pos : m.start()]))
                line.styled_path.append(("lit", path_s[pos : m.start()]))
            label = m.group(1)
            greedy = label.endswith("+")
            expr = args.label_expr.get(label.rstrip("+"), "''")
            line.path_parts.append(("greedy" if greedy else "label", expr))
            line.styled_path.append(("expr", styled_expr.get(label.rstrip("+"), "''")))
            pos = m.end()
        if pos < len(path_s):
            line.path_parts.append(("lit", path_s[pos:]))
            line.styled_path.append(("lit", path_s[pos:]))
        for piece in query_s.split("&") if query_s else []:
            k, eq, v = piece.partition("=")
            line.query_literal.append((k, v if eq else None))
        return line

    def _result(self, out: Shape | None) -> _Result:
        """What the method returns, from the output shape's bindings (the OpenAPI exchange
        may replace it)."""
        t = self.types
        result = _Result()
        if out is None or not out.members:
            if out is not None and not out.synthetic:
                result.output_kind, result.output_class = "model", self.symbols.class_name(out)
            return result
        onames = self.symbols.member_names(out)
        fvs = [self.field(m, n) for m, n in zip(out.members, onames)]
        payload = [f for f in fvs if f.binding == "payload"]
        result.fields = [f for f in fvs if f.binding in ("header", "responseCode", "prefixHeaders")]
        result.body_fields = [f for f in fvs if f.binding == "body"]
        if out.synthetic and payload and not payload[0].target_class:
            # A body that is not a model (a file download, free-form JSON): returned as is,
            # bytes for blobs, else the parsed JSON converted to the payload's type.
            member = next(m for m in out.members if m.binding is Binding.PAYLOAD)
            result.output_kind = "raw"
            result.output_class = t.annotation(member.target)
            result.raw_expr = (
                "response.body"
                if t.shape(member.target).kind is Kind.BLOB
                else t.from_json(member.target, "response.json()", "date-time")
            )
        elif out.synthetic and payload:
            result.output_kind, result.payload_class = "payload", payload[0].target_class
            result.output_class = result.payload_class
        else:
            result.output_kind = "model"
            result.output_class = self.symbols.class_name(out)
            if payload:
                # The body is that one member (a structure, a blob, text...), not the model.
                result.payload = payload[0]
                member = next(m for m in out.members if m.binding is Binding.PAYLOAD)
                result.payload_kind, _ = self._payload_kind(t.shape(member.target))
                result.payload_expr = t.from_json(
                    member.target, "_payload", t.ts_format(member, "body")
                )
        return result

    def _exchange_stage(
        self,
        op: Operation,
        inp: Shape | None,
        out: Shape | None,
        args: _Arguments,
        result: _Result,
    ) -> None:
        """The OpenAPI exchange: bodies by media type, responses by status; it decides the
        result and may add a content_type argument."""
        exchange, kind, output_class = self._exchange(op, inp, out, args.params)
        result.exchange, result.output_kind, result.output_class = exchange, kind, output_class
        result.output_model = kind != "body"
        if kind == "payload":
            result.payload_class = output_class

    def _paging(self, op: Operation, out: Shape | None, result: _Result) -> _Paging:
        """Paging by next link, and the return annotation (an ItemPaged when paginated)."""
        pg = op.pagination
        paging = _Paging(return_annotation=result.output_class or "None")
        if not (pg and pg.next_link and result.output_kind == "payload") or out is None:
            return paging
        t = self.types
        page_shape = t.shape(next(m.target for m in out.members if m.binding is Binding.PAYLOAD))
        items_member = page_shape.member(pg.items or "value")
        link_member = page_shape.member(pg.output_token or "")
        if items_member is None or link_member is None:
            return paging
        names = self.symbols.member_names(page_shape)
        paging.paginated = True
        paging.page_items = names[page_shape.members.index(items_member)]
        paging.next_link_attr = names[page_shape.members.index(link_member)]
        paging.item_class = t.annotation(t.shape(items_member.target).list_member.target)
        paging.return_annotation = f"ItemPaged[{paging.item_class}]"
        return paging

    def _param_value(self, member: Member, name: str, style: str) -> str:
        """The argument as the `_styles` writers take it: text, a list or a dict of text."""
        t = self.types
        target = t.shape(member.target)
        kind = t.kind(target)
        ts = t.ts_format(member, "query")
        if member.binding not in (Binding.LABEL, Binding.QUERY, Binding.HEADER, Binding.COOKIE):
            return ""
        if style == "json":
            return f"_wire.json_text({t.to_json(member.target, name, ts)})"
        if kind in (Kind.STRUCTURE, Kind.UNION, Kind.MAP, Kind.ONE_OF, Kind.DOCUMENT):
            return f"_styles.texts({t.to_json(member.target, name, ts)})"
        if kind is Kind.LIST:
            item = t.shape(target.list_member.target)
            if t.kind(item) in (Kind.STRUCTURE, Kind.MAP, Kind.ONE_OF, Kind.LIST, Kind.DOCUMENT):
                return f"_styles.texts({t.to_json(member.target, name, ts)})"
        return t.to_text(member, name)

    def _exchange(
        self, op: Operation, inp: Shape | None, out: Shape | None, params: list[ParamView]
    ) -> tuple[Exchange, str, str]:
        """The OpenAPI exchange of an operation: (exchange, output kind, output class)."""
        ex = self.exchanges
        kind, output_class, _, wrapper_fields = ex.result(op, out)
        responses, default_error = ex.responses(op, kind)
        payload = None
        payload_name = ""
        if inp is not None:
            names = self.symbols.member_names(inp)
            for member, name in zip(inp.members, names, strict=True):
                if member.binding is Binding.PAYLOAD:
                    payload, payload_name = member, name
        bodies = ex.bodies(op, payload, payload_name)
        exchange = Exchange(
            responses=responses,
            bodies=bodies,
            security=ex.security(op),
            server=ex.server(op),
            has_operation_servers=ex.has_operation_servers,
            wrapper_fields=wrapper_fields,
            wrapper_body=ex.wrapper_body(out) if kind == "wrapper" else "",
            errors_default=default_error,
        )
        if len(bodies) > 1 and payload is not None:
            arg = next(p for p in params if p.name == payload_name)
            parts: list[str] = []
            for body in bodies:
                for part in body.annotation.split(" | "):
                    if part not in parts:
                        parts.append(part)
            arg.annotation = " | ".join(parts) + ("" if arg.required else " | None")
            taken = {p.name for p in params}
            choice, n = "content_type", 2
            while choice in taken:
                choice, n = f"content_type_{n}", n + 1
            exchange.content_type_param = choice
            literal = ", ".join(repr(b.media_type) for b in bodies)
            params.append(
                ParamView(
                    name=choice,
                    annotation=f"Literal[{literal}]",
                    required=False,
                    binding="control",
                    wire="Content-Type",
                    to_text="",
                    to_json="",
                    docs="The media type the body is sent as.",
                    default=repr(bodies[0].media_type),
                )
            )
        return exchange, {"payload": "payload", "wrapper": "model"}.get(kind, "body"), output_class

    def _payload_kind(self, target: Shape) -> tuple[str, str]:
        """What a payload member is, and the Content-Type it travels with by default."""
        kind = {
            Kind.STRUCTURE: "structure",
            Kind.UNION: "union",
            Kind.BLOB: "blob",
            Kind.STRING: "string",
            Kind.ENUM: "enum",
            Kind.DOCUMENT: "document",
        }.get(target.kind, "list")
        media = {
            "blob": "application/octet-stream",
            "string": "text/plain",
            "enum": "text/plain",
        }.get(kind, "application/json")
        return kind, target.media_type or media

    def _status_errors(self, views: list[ModelView]) -> list[StatusErrorView]:
        # Under the operations' error when every error response is that one error (Azure's
        # `default` response), else under the base class.
        errors = [v.class_name for v in views if v.kind == "error"]
        parent = errors[0] if errors and not self.proto.errors_by_code else ""
        parent = parent or self.symbols.names.base_error
        return [
            StatusErrorView(name, list(statuses), docs, parent)
            for name, statuses, docs in self.proto.status_errors
        ]

    def package(self, generator_version: str) -> PackageView:
        svc = self.service
        shapes, results, errors = self._reachable()
        self._results = results
        views = [self.model(s, results, errors) for s in shapes]
        # An enum a field defaults to is defined before the models (the default is evaluated
        # when the class is).
        defaults = " ".join(f.default_expr for v in views for f in v.fields)
        early = {v.class_name for v in views if v.kind == "enum" and f"{v.class_name}." in defaults}
        views = [v for v in views if v.class_name in early] + [
            v for v in views if v.class_name not in early
        ]
        views = _order_unions(views)
        # Error shapes that are also data get a model too (the exception keeps the data).
        # Each before the first class that extends it (AutoRest's httpInfrastructure.json: an
        # error schema A that a data schema B extends through allOf).
        for twin in [
            self.model(s, results, set()) for s in shapes if s.id in self.symbols.data_errors
        ]:
            at = next(
                (i for i, v in enumerate(views) if v.base_class == twin.class_name), len(views)
            )
            views.insert(at, twin)
        names = self.symbols.names
        auth = [a.kind.value for a in svc.auth]
        # Names the other modules may import from models: classes, union aliases and their
        # conversion functions, and the runtime markers models.py re-exports.
        importable = {v.class_name for v in views if v.kind != "error"} | {"Null", "UnknownVariant"}
        for v in views:
            if v.union is not None:
                importable |= {v.union.from_fn, v.union.to_fn, v.union.plain_fn}
        signing = next((a.name for a in svc.auth if a.kind.value == "sigv4"), "")
        # Token scopes: the generator's setting, else the document's oauth2 scopes that are
        # resource URLs (Azure documents name scopes like user_impersonation, which are not).
        scopes = list(self.options.get("credential_scopes", [])) or [
            s for a in svc.auth for s in a.scopes if "://" in s
        ]
        endpoint_docs = next((v.docs for s in svc.servers[:1] for v in s.variables if v.docs), "")
        # Union variants are importable names too (the argument checks test for them).
        model_names = importable | {
            f.variant_class for v in views if v.kind == "union" for f in v.fields
        }
        ops = [self.operation(op) for op in svc.operations]

        def used(texts: list[str]) -> list[str]:
            found: set[str] = set()
            for text in texts:
                found.update(_IDENTIFIER.findall(text))
            return sorted(found & model_names)

        option_names = self.symbols.call_option_names({p.name for o in ops for p in o.params})
        call_options = [
            CallOptionView(key, option_names[key], *_CALL_OPTION_TYPES[key]) for key in option_names
        ]
        op_texts = [p.annotation for o in ops for p in o.params]
        op_texts += [
            p.param_value + " " + p.to_json + " " + p.default for o in ops for p in o.params
        ]
        op_texts += [o.output_class for o in ops] + [
            f.from_text for o in ops for f in o.output_fields
        ]
        for o in ops:
            ex = o.exchange
            if ex is not None:
                op_texts += [r.parse for r in ex.responses] + [
                    f.from_text for f in ex.wrapper_fields
                ]
                op_texts += [b.expr + " " + b.check for b in ex.bodies]
                op_texts += [f.expr for b in ex.bodies for f in b.fields]
        op_texts += [o.output_payload_expr for o in ops]
        check_functions = list(self.checks.functions.values()) if self.checks else []
        op_texts += [line for fn in check_functions for line in fn]
        return PackageView(
            error_imports=used(
                [
                    f.base_type + " " + f.from_json + " " + f.from_text
                    for v in views
                    for f in v.error_fields
                ]
            ),
            operation_imports=used(op_texts),
            client_imports=used(
                [p.annotation for o in ops for p in o.params]
                + [o.return_annotation for o in ops]
                + [o.item_class for o in ops]
            ),
            needs_uuid=any(o.idempotency_param or o.client_request_id_param for o in ops),
            call_options=call_options,
            status_errors=self._status_errors(views),
            has_paging=any(o.paginated for o in ops),
            compresses=any(o.request_compression for o in ops),
            has_unsigned=any(o.unsigned or o.optional_auth for o in ops),
            check_functions=sorted(check_functions),
            rewrites_bodies=any(o.request_compression or o.checksum_required for o in ops),
            proto=self.proto,
            package=names.package,
            client=names.client,
            async_client=names.async_client,
            base_error=names.base_error,
            title=names.title,
            service_name=svc.name,
            version=svc.version,
            docs=doc_text(svc.docs),
            models=[v for v in views if v.kind != "error"],
            errors=[v for v in views if v.kind == "error"],
            operations=ops,
            auth=auth,
            signing_name=signing,
            endpoint_prefix=svc.endpoint_prefix,
            host_template=svc.host_template,
            api_version=svc.version,
            credential_scopes=scopes,
            endpoint_docs=endpoint_docs,
            generator_version=generator_version,
            options=self.options,
        )


def _order_unions(views: list[ModelView]) -> list[ModelView]:
    """Type aliases after the aliases they name; one that (through others) names itself is
    written as a string, which Python evaluates lazily."""
    unions = [v for v in views if v.kind == "oneof"]
    names = {v.class_name for v in unions}
    deps = {
        v.class_name: set(
            re.findall(r"[A-Za-z_][A-Za-z0-9_]*", v.union.annotation if v.union else "")
        )
        & names
        for v in unions
    }
    ordered: list[ModelView] = []
    done: set[str] = set()
    pending = list(unions)
    while pending:
        ready = [v for v in pending if deps[v.class_name] <= done]
        if not ready:
            # A cycle: the rest are written as strings (evaluated lazily, by type checkers).
            ready = list(pending)
            for v in ready:
                v.recursive = True
        for v in ready:
            ordered.append(v)
            done.add(v.class_name)
            pending.remove(v)
    return [v for v in views if v.kind != "oneof"] + ordered


def _wire_name(member: Member) -> str:
    # A prefix of prefix headers may be empty (every header); other bindings fall back to the
    # member name.
    if member.binding is Binding.PREFIX_HEADERS:
        return member.wire_name
    return member.wire_name or member.name


def _host_prefix_expr(prefix: str, labels: dict[str, str]) -> str:
    """A Python expression for an endpoint host prefix: `foo.{label}.` -> the label argument,
    checked to be a host name part (`_wire.host_label`)."""
    parts: list[str] = []
    pos = 0
    for m in re.finditer(r"\{([^}]+)\}", prefix):
        if m.start() > pos:
            parts.append(repr(prefix[pos : m.start()]))
        name = labels.get(m.group(1))
        parts.append(f"_wire.host_label({m.group(1)!r}, {name})" if name else repr(m.group(0)))
        pos = m.end()
    if pos < len(prefix):
        parts.append(repr(prefix[pos:]))
    return " + ".join(parts) or "''"


def _range_check(member: Member, name: str) -> tuple[str, str]:
    """A condition over the argument that is true when it is out of bounds, and the bounds."""
    lo = _py_literal(member.constraints.min)
    hi = _py_literal(member.constraints.max)
    if member.constraints.min is not None and member.constraints.max is not None:
        return f"not {lo} <= {name} <= {hi}", f"from {lo} to {hi}"
    if member.constraints.min is not None:
        return f"{name} < {lo}", f"at least {lo}"
    if member.constraints.max is not None:
        return f"{name} > {hi}", f"at most {hi}"
    return "", ""
