"""Semantic rules on the IR, shared by both spec formats.

Each rule is a function `(service, diags) -> None`, registered in RULES; rule ids follow the
Smithy style (a short PascalCase name) so users can search for them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from generator.diagnostics import Diagnostics
from generator.ir import Binding, Kind, Operation, Protocol, Service, Shape
from generator.naming import IDENTIFIER, enum_constant, member_base, snake_case

_LABEL = re.compile(r"\{([^}]*)\}")
_HTTP_METHODS = {"GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"}
_SIMPLE_WIRE_KINDS = {
    Kind.STRING,
    Kind.ENUM,
    Kind.INT_ENUM,
    Kind.BOOLEAN,
    Kind.BYTE,
    Kind.SHORT,
    Kind.INTEGER,
    Kind.LONG,
    Kind.FLOAT,
    Kind.DOUBLE,
    Kind.BIG_INTEGER,
    Kind.BIG_DECIMAL,
    Kind.TIMESTAMP,
    Kind.DURATION,
    Kind.BLOB,
    Kind.DATE,
    Kind.TIME,
    Kind.UUID,
}


def _is_openapi(service: Service) -> bool:
    return service.source_format in ("openapi", "swagger")


def dangling_targets(service: Service, diags: Diagnostics) -> None:
    for shape in service.shapes:
        for member in shape.members:
            if service.shape(member.target) is None:
                diags.error(
                    "DanglingTarget",
                    member.target_loc if member.target_loc.line else member.loc,
                    f"member {shape.name}.{member.name} targets {member.target}, which is not "
                    "defined",
                    "define the target shape, or target a prelude shape such as "
                    "smithy.api#String",
                )
    for op in service.operations:
        for role, ref in (("input", op.input), ("output", op.output)):
            if ref is not None and service.shape(ref) is None:
                diags.error(
                    "DanglingTarget",
                    op.ref_loc(role),
                    f"operation {op.name} {role} targets {ref}, which is not defined",
                    f"define the {role} structure or fix the target",
                )
            elif ref is not None:
                target = service.shape(ref)
                if target is not None and target.kind is not Kind.STRUCTURE:
                    diags.error(
                        "WrongType",
                        op.ref_loc(role),
                        f"operation {op.name} {role} must be a structure, {ref} is a "
                        f"{target.kind.value}",
                        f"make the {role} a structure shape",
                    )
        for ref in op.errors:
            err = service.shape(ref)
            if err is None:
                diags.error(
                    "DanglingTarget",
                    op.ref_loc(f"error:{ref}"),
                    f"operation {op.name} lists error {ref}, which is not defined",
                    "define the error structure or remove it from the operation's errors",
                )
            elif err.kind is not Kind.STRUCTURE:
                diags.error(
                    "WrongType",
                    op.ref_loc(f"error:{ref}"),
                    f"error {err.name} of {op.name} is a {err.kind.value}; modeled errors are "
                    "structures (they become exception classes)",
                    "make the error an object/structure with members such as code and message",
                )
            elif err.error is None and service.source_format == "smithy":
                diags.error(
                    "ErrorTrait",
                    err.loc,
                    f"{err.name} is listed as an error of {op.name} but has no error trait",
                    'add `"smithy.api#error": client` (or server) to the shape',
                )


def http_bindings(service: Service, diags: Diagnostics) -> None:
    needs_http = service.protocol in (Protocol.REST_JSON1, Protocol.REST_JSON)
    for op in service.operations:
        inp = service.shape(op.input) if op.input else None
        if op.http is None:
            if needs_http:
                diags.error(
                    "MissingHttpTrait",
                    op.loc,
                    f"operation {op.name} has no http binding, which {service.protocol.value} "
                    "needs",
                    'add `"smithy.api#http": {method: GET, uri: "/things/{id}", code: 200}`',
                )
            continue
        http = op.http
        if http.method not in _HTTP_METHODS:
            diags.error(
                "HttpMethod",
                op.ref_loc("http.method"),  # the method value (Smithy) or the `get:` key
                f"{op.name} uses unknown HTTP method {http.method!r}",
                "use one of " + ", ".join(sorted(_HTTP_METHODS)),
            )
        path = http.uri.split("?", 1)[0]
        if not path.startswith("/"):
            diags.error(
                "HttpUri",
                http.loc,
                f"the URI of {op.name} must start with '/': {http.uri!r}",
                "write the URI as an absolute path, e.g. /jobs/{jobId}",
            )
        labels: dict[str, int] = defaultdict(int)
        for raw in _LABEL.findall(path):
            label = raw.rstrip("+")
            labels[label] += 1
            # Smithy labels are identifiers; OpenAPI path parameter names are any string
            # (`{task-id}`), matched to the parameter by its name.
            smithy = service.source_format == "smithy"
            if (smithy and not IDENTIFIER.match(label)) or not label.strip() or "{" in label:
                diags.error(
                    "HttpUri",
                    http.loc,
                    f"URI label {{{raw}}} of {op.name} is not a valid name",
                    (
                        "labels are letters, digits and underscores, e.g. {jobId}"
                        if smithy
                        else "name the label after its path parameter, e.g. {jobId} or {task-id}"
                    ),
                )
        for label, count in labels.items():
            if count > 1:
                diags.error(
                    "HttpUri",
                    http.loc,
                    f"URI label {{{label}}} appears {count} times in {op.name}",
                    "each label may appear once in a URI",
                )
        members = inp.members if inp else ()
        bound = {m.wire_name: m for m in members if m.binding is Binding.LABEL}
        for label in labels:
            if label not in bound:
                diags.error(
                    "HttpLabelMismatch",
                    http.loc,
                    f"URI label {{{label}}} of {op.name} has no input member bound to it",
                    f"add a required input member {label!r} with the httpLabel trait "
                    "(OpenAPI: a path parameter with that name)",
                )
        for wire, member in bound.items():
            if wire not in labels:
                diags.error(
                    "HttpLabelMismatch",
                    member.loc,
                    f"member {member.name} of {op.name} is bound to URI label {{{wire}}}, "
                    f"which the URI {http.uri!r} does not have",
                    f"add {{{wire}}} to the URI or remove the label binding",
                )
            if not member.required:
                diags.error(
                    "HttpLabelNotRequired",
                    member.loc,
                    f"label member {member.name} of {op.name} is not required",
                    "path labels must always be sent: mark the member required "
                    "(OpenAPI: `required: true`)",
                )
        _conflicting_bindings(service, op.name, inp, diags)
        out = service.shape(op.output) if op.output else None
        _conflicting_bindings(service, op.name, out, diags)


def _conflicting_bindings(
    service: Service, op_name: str, shape: Shape | None, diags: Diagnostics
) -> None:
    if shape is None:
        return
    seen: dict[tuple[Binding, str], str] = {}
    payloads = [m for m in shape.members if m.binding is Binding.PAYLOAD]
    body = [m for m in shape.members if m.binding is Binding.BODY]
    if len(payloads) > 1:
        diags.error(
            "ConflictingBindings",
            payloads[1].loc,
            f"{shape.name} of {op_name} binds more than one member to the payload",
            "keep one httpPayload member (OpenAPI: one requestBody)",
        )
    if payloads and body:
        diags.error(
            "ConflictingBindings",
            body[0].loc,
            f"{shape.name} of {op_name} has both an httpPayload member ({payloads[0].name}) and "
            f"body members ({body[0].name})",
            "move the body members into the payload structure, or drop the httpPayload trait",
        )
    for member in shape.members:
        if member.binding in (Binding.HEADER, Binding.QUERY, Binding.LABEL):
            key_name = (
                member.wire_name.lower() if member.binding is Binding.HEADER else member.wire_name
            )
            key = (member.binding, key_name)
            if key in seen:
                diags.error(
                    "ConflictingBindings",
                    member.loc,
                    f"members {seen[key]} and {member.name} of {shape.name} are both bound to "
                    f"{member.binding.value} {member.wire_name!r}",
                    "bind each header, query parameter and label to one member",
                )
            seen[key] = member.name
            target = service.shape(member.target)
            # OpenAPI writes objects, arrays and unions into parameters too (style/explode).
            if _is_openapi(service):
                continue
            if target is not None and target.kind not in _SIMPLE_WIRE_KINDS:
                ok_list = target.kind is Kind.LIST and member.binding is not Binding.LABEL
                if not ok_list:
                    diags.error(
                        "ConflictingBindings",
                        member.loc,
                        f"{member.binding.value} member {member.name} of {shape.name} targets a "
                        f"{target.kind.value}, which cannot be sent as a {member.binding.value}",
                        "bind only strings, numbers, booleans, timestamps or enums (lists for "
                        "headers and query) to headers, query parameters and labels",
                    )


def operation_names(service: Service, diags: Diagnostics) -> None:
    seen: dict[str, str] = {}
    for op in service.operations:
        method = snake_case(op.name)
        if method in seen:
            diags.error(
                "DuplicateOperationName",
                op.ref_loc("name"),  # the operationId (OpenAPI) or the shape id (Smithy)
                f"operations {seen[method]} and {op.name} would both become the client method "
                f"{method}()",
                "rename one operation (operationId or shape name)",
            )
        else:
            seen[method] = op.name
    routes: dict[tuple[str, str], str] = {}
    for op in service.operations:
        if op.http is None:
            continue
        route = (op.http.method, re.sub(r"\{[^}]*\}", "{}", op.http.uri))
        if route in routes:
            # Swagger 2.0 does not forbid paths that differ only in their parameters' names
            # (AutoRest's url.json has /null/{stringPath} and /null/{enumPath}), and each method
            # of a client builds its own URL: a WARNING there. OpenAPI 3 and Smithy forbid it.
            report = diags.warning if service.source_format == "swagger" else diags.error
            report(
                "ConflictingRoutes",
                op.http.loc,
                f"{op.name} and {routes[route]} share the route {op.http.method} {op.http.uri}",
                "give each operation its own method and URI",
            )
        routes.setdefault(route, op.name)


def member_names(service: Service, diags: Diagnostics) -> None:
    """Member names that are not Smithy identifiers are refused (the format says so); any other
    name is legal and becomes a Python name in the render stage: OpenAPI property names are any
    string (`日本語` -> `u65e5_u672c_u8a9e`, `$` -> `dollar_sign`), and names that collide once
    they are snake_case (`mixedCase`, `mixed_case`) are told apart by suffixes in declaration
    order. A NOTE says so, since the Python name is then not the obvious one."""
    for shape in service.shapes:
        if shape.kind not in (Kind.STRUCTURE, Kind.UNION) or not shape.members:
            continue
        seen: dict[str, str] = {}
        for member in shape.members:
            py = member_base(member.name)
            if service.source_format == "smithy" and not IDENTIFIER.match(member.name):
                # Other Smithy tools refuse it; apismith can still name it, so it is no ERROR.
                diags.warning(
                    "InvalidMemberName",
                    member.loc,
                    f"member name {member.name!r} of {shape.name} is not a Smithy identifier "
                    f"(other Smithy tools refuse it); its Python name is {py!r}",
                    "member names are ASCII letters, digits and underscores, starting with a "
                    "letter or underscore; put the wire name in jsonName (or httpHeader, "
                    "httpQuery)",
                )
            if py in seen:
                diags.note(
                    "DuplicateMemberName",
                    member.loc,
                    f"members {seen[py]!r} and {member.name!r} of {shape.name} would both become "
                    f"the Python name {py!r}; the later one gets a numeric suffix",
                    "nothing to do; to choose the name yourself, rename one (OpenAPI: "
                    "x-ms-client-name)",
                )
            else:
                seen[py] = member.name


def enum_names(service: Service, diags: Diagnostics) -> None:
    for shape in service.shapes:
        if shape.kind not in (Kind.ENUM, Kind.INT_ENUM):
            continue
        if not shape.enum_values:
            diags.error(
                "EmptyEnum",
                shape.loc,
                f"enum {shape.name} has no values",
                "add at least one value",
            )
        seen: dict[str, str] = {}
        values: set[tuple[type, object]] = set()
        for ev in shape.enum_values:
            # Any OpenAPI enum value is legal: the render stage names it (`.` -> FULL_STOP,
            # -1 -> MINUS_1) and tells colliding names apart with suffixes.
            const = enum_constant(ev.name, ev.value)
            if service.source_format == "smithy" and not IDENTIFIER.match(ev.name):
                diags.warning(
                    "InvalidEnumName",
                    ev.loc,
                    f"enum member name {ev.name!r} of {shape.name} is not a Smithy identifier "
                    "(other Smithy tools refuse it); apismith names it anyway",
                    "enum member names are letters, digits and underscores, starting with a "
                    'letter; put the wire value in `"smithy.api#enumValue"`',
                )
            if const in seen and seen[const] != str(ev.value):
                diags.note(
                    "DuplicateEnumName",
                    ev.loc,
                    f"enum values {seen[const]!r} and {ev.value!r} of {shape.name} would both "
                    f"become {const}; the later one gets a numeric suffix",
                    "nothing to do; to choose the names yourself, use x-ms-enum values[].name "
                    "(Smithy: member names)",
                )
            else:
                seen.setdefault(const, str(ev.value))
            if (type(ev.value), ev.value) in values:
                diags.error(
                    "DuplicateEnumValue",
                    ev.loc,
                    f"enum {shape.name} has the value {ev.value!r} twice",
                    "remove the duplicate value",
                )
            values.add((type(ev.value), ev.value))


def recursion(service: Service, diags: Diagnostics) -> None:
    """A structure that needs itself through required members can never be built."""
    required_edges: dict[str, list[str]] = {}
    for shape in service.shapes:
        if shape.kind is Kind.STRUCTURE:
            required_edges[shape.id] = [
                m.target
                for m in shape.members
                if m.required and not m.has_default and _is_structure(service, m.target)
            ]
    reported: set[frozenset[str]] = set()
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in required_edges.get(node, []):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    first = service.shape(cycle[0])
                    names = " -> ".join(
                        (service.shape(c).name if service.shape(c) else c) for c in cycle + [nxt]  # type: ignore[union-attr]
                    )
                    diags.error(
                        "RecursiveRequired",
                        first.loc if first else service.loc,
                        f"structures form a cycle of required members: {names}",
                        "make one member of the cycle optional, or go through a list or map",
                    )
            elif state.get(nxt) is None:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for shape_id in sorted(required_edges):
        if state.get(shape_id) is None:
            visit(shape_id, [])


def _is_structure(service: Service, shape_id: str) -> bool:
    shape = service.shape(shape_id)
    return shape is not None and shape.kind is Kind.STRUCTURE


def pagination(service: Service, diags: Diagnostics) -> None:
    for op in service.operations:
        pg = op.pagination
        if pg is not None and pg.next_link:
            _next_link_pages(service, op, diags)
            continue
        if pg is None:
            continue
        inp = service.shape(op.input) if op.input else None
        out = service.shape(op.output) if op.output else None
        for role, name, shape in (
            ("inputToken", pg.input_token, inp),
            ("pageSize", pg.page_size, inp),
            ("outputToken", pg.output_token, out),
            ("items", pg.items, out),
        ):
            if name and (shape is None or shape.member(name.split(".")[0]) is None):
                diags.error(
                    "PaginatedMember",
                    op.ref_loc(f"paginated:{role}"),  # the trait's value that names nothing
                    f"paginated {role} {name!r} of {op.name} is not a member of its "
                    f"{'input' if role in ('inputToken', 'pageSize') else 'output'}",
                    "name an existing member in the paginated trait",
                )


def _next_link_pages(service: Service, op: Operation, diags: Diagnostics) -> None:
    """x-ms-pageable: the page is the response body; its item member must be a list."""
    pg = op.pagination
    out = service.shape(op.output) if op.output else None
    if pg is None or out is None:
        return
    payload = next((m for m in out.members if m.binding is Binding.PAYLOAD), None)
    page = service.shape(payload.target) if payload else None
    if page is None or page.kind is not Kind.STRUCTURE:
        return  # no page to iterate: the operation is generated without paging
    name = pg.items or "value"
    items = page.member(name)
    target = service.shape(items.target) if items else None
    if items is not None and target is not None and target.kind is not Kind.LIST:
        diags.error(
            "PaginatedMember",
            items.loc,
            f"x-ms-pageable itemName {name!r} of {op.name} names {page.name}.{items.name}, which "
            f"is a {target.kind.value}, not an array",
            "point itemName at the array property holding the page's items",
        )


def payloads(service: Service, diags: Diagnostics) -> None:
    """A response body is returned as a model (or as raw data): not a bare list, map or scalar.

    OpenAPI clients return any body as its Python type (a list, a str), so this is Smithy's."""
    if _is_openapi(service):
        return
    for op in service.operations:
        out = service.shape(op.output) if op.output else None
        if out is None or not out.synthetic:
            continue
        for member in out.members:
            target = service.shape(member.target)
            if member.binding is not Binding.PAYLOAD or target is None:
                continue
            # A document or blob body (a file download) is handed back as it is.
            if target.kind not in (Kind.STRUCTURE, Kind.DOCUMENT, Kind.BLOB):
                diags.error(
                    "UnsupportedPayload",
                    member.loc,
                    f"the success response body of {op.name} is a {target.kind.value}; "
                    "apismith clients return a model object",
                    "describe the body as an object schema (wrap the value in a property)",
                )


def collections(service: Service, diags: Diagnostics) -> None:
    """A list or map that contains itself without a structure in between has no Python type."""
    for shape in service.shapes:
        if shape.kind not in (Kind.LIST, Kind.MAP):
            continue
        seen = {shape.id}
        current: Shape | None = shape
        while current is not None and current.kind in (Kind.LIST, Kind.MAP) and current.members:
            nxt = service.shape(current.members[-1].target)
            if nxt is not None and nxt.id == shape.id:
                diags.error(
                    "RecursiveCollection",
                    shape.loc,
                    f"{shape.kind.value} {shape.name} contains itself through lists and maps only",
                    "go through a structure (an object with a property) for recursive data",
                )
                break
            if nxt is None or nxt.id in seen:
                break
            seen.add(nxt.id)
            current = nxt


def _reaches(service: Service, start: str, goal: str) -> bool:
    seen: set[str] = set()
    todo = [start]
    while todo:
        sid = todo.pop()
        if sid == goal:
            return True
        if sid in seen:
            continue
        seen.add(sid)
        shape = service.shape(sid)
        if shape is not None:
            todo.extend(m.target for m in shape.members)
    return False


def unions(service: Service, diags: Diagnostics) -> None:
    for shape in service.shapes:
        if shape.kind is Kind.UNION:
            if not shape.members:
                diags.error(
                    "EmptyUnion", shape.loc, f"union {shape.name} has no members", "add a member"
                )
            elif all(_reaches(service, m.target, shape.id) for m in shape.members):
                diags.error(
                    "RecursiveUnion",
                    shape.loc,
                    f"every member of union {shape.name} leads back to {shape.name}, so no value "
                    "of it is finite",
                    "add a member that does not contain the union (a string, a number, ...)",
                )
            for m in shape.members:
                if m.required:
                    diags.warning(
                        "UnionRequiredMember",
                        m.loc,
                        f"union member {shape.name}.{m.name} is marked required, which has no "
                        "meaning for a union",
                        "remove the required trait",
                    )


def protocol_operations(service: Service, diags: Diagnostics) -> None:
    if not service.operations:
        diags.warning(
            "NoOperations",
            service.loc,
            f"service {service.name} has no operations; the client would be empty",
            "bind operations to the service",
        )


Rule = Callable[[Service, Diagnostics], None]
RULES: tuple[Rule, ...] = (
    dangling_targets,
    http_bindings,
    operation_names,
    member_names,
    enum_names,
    recursion,
    pagination,
    payloads,
    collections,
    unions,
    protocol_operations,
)


def check_service(service: Service, diags: Diagnostics) -> None:
    for rule in RULES:
        rule(service, diags)
