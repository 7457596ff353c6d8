"""OpenAPI operations -> IR operations: parameters, request bodies, responses, names.

Each operation gets a synthetic input structure (its parameters and request body, each with an
http binding) and a synthetic output structure (the success body as payload plus the success
responses' headers), so the render stage treats OpenAPI and Smithy operations alike; every
declared response and request media type is kept besides (`Operation.responses`,
`Operation.request_bodies`) for clients that read the body by status and send it by type.
"""

from __future__ import annotations

import re
from typing import Any

from generator import media
from generator.diagnostics import Location
from generator.ir import (
    Binding,
    ErrorInfo,
    Http,
    Kind,
    Member,
    Operation,
    Pagination,
    RequestBody,
    Response,
    SecurityRequirement,
    Shape,
)
from generator.load import Path
from generator.naming import snake_case

from .context import Context, pascal, ref_path, unescape, walk
from .schemas import Schemas, _constraints
from .security import requirements

_BINDINGS = {
    "path": Binding.LABEL,
    "query": Binding.QUERY,
    "header": Binding.HEADER,
    "cookie": Binding.COOKIE,
}
_STATUS = re.compile(r"^([1-5])(\d\d|XX)$", re.IGNORECASE)


def operation_name(method: str, uri: str) -> str:
    """The name of an operation without operationId: method and path, as openapi-python-client
    names it (`GET /pets/{id}` -> `get_pets_id`)."""
    clean = uri.replace("{", "").replace("}", "").replace("/", "_").strip("_")
    return snake_case(f"{method}_{clean}") or method


class Operations:
    def __init__(self, ctx: Context, schemas: Schemas) -> None:
        self.ctx = ctx
        self.schemas = schemas
        self._names: dict[str, str] = {}  # snake name -> operation name

    def unique_name(self, op_id: Any, method: str, uri: str, path: Path) -> str:
        """The operation's name: its operationId, or one made from method and path; names that
        would collide as Python methods get a numeric suffix (with a NOTE)."""
        name = op_id if isinstance(op_id, str) and op_id.strip() else operation_name(method, uri)
        base, n = name, 2
        while snake_case(name) in self._names:
            name = f"{base}_{n}"
            n += 1
        if name != base:
            self.ctx.note(
                "OperationRenamed",
                path + (("operationId",) if isinstance(op_id, str) else ()),
                f"{method.upper()} {uri} is named {name!r}: {base!r} would collide with "
                f"operation {self._names[snake_case(base)]!r} as a Python method",
                "give the operation a distinct operationId to choose its name",
            )
        self._names[snake_case(name)] = name
        return name

    # -- the operation -----------------------------------------------------------------------

    def build(
        self, uri: str, method: str, node: dict[str, Any], path: Path, shared: Any
    ) -> Operation:
        ctx = self.ctx
        ctx.scan_extensions(node, path)
        op_name = self.unique_name(node.get("operationId"), method, uri, path)
        base = pascal(op_name) or "Operation"
        members = self._parameters(node, path, shared, base)
        request_bodies, body_member = self._request_body(node, path, base)
        if body_member is not None:
            members.append(body_member)
        input_id = f"op#{op_name}/input"
        ctx.shapes[input_id] = Shape(
            id=input_id,
            name=base + "Request",
            kind=Kind.STRUCTURE,
            members=tuple(_distinct_names(members)),
            is_input=True,
            synthetic=True,
            loc=ctx.loc(path, key=True),
        )
        responses, errors, error_locs = self._responses(op_name, base, node, path)
        output_id, success_codes = self._output(op_name, base, responses, path)
        pagination = None
        pageable = node.get("x-ms-pageable")
        if isinstance(pageable, dict):
            nl = pageable.get("nextLinkName")
            pagination = Pagination(
                output_token=nl if isinstance(nl, str) else None,
                items=str(pageable.get("itemName", "value")),
                next_link=True,
            )
        security: tuple[SecurityRequirement, ...] | None = None
        if "security" in node:
            security = requirements(ctx, node["security"], path + ("security",))
        for key in ("callbacks",):
            if node.get(key):
                ctx.note(
                    "Callbacks",
                    path + (key,),
                    f"the callbacks of {op_name} are requests the service makes; the client "
                    "does not serve them",
                    "nothing to do; implement the callback endpoint in your server",
                )
        content_type = request_bodies[0].media_type if request_bodies else ""
        return Operation(
            name=op_name,
            input=input_id,
            output=output_id,
            errors=tuple(errors),
            http=Http(
                method=method.upper(),
                uri=uri,
                code=success_codes[0] if success_codes else 200,
                success_codes=tuple(success_codes) or (200,),
                loc=ctx.loc(path[:2], key=True),
            ),
            docs=str(node.get("description", "") or ""),
            summary=str(node.get("summary", "") or ""),
            idempotent=method in ("get", "put", "delete", "head", "options"),
            readonly=method in ("get", "head"),
            pagination=pagination,
            request_content_type=content_type,
            deprecated=node.get("deprecated") is True,
            loc=ctx.loc(path, key=True),
            ref_locs=error_locs + (("name", ctx.loc(path + ("operationId",))),),
            responses=tuple(responses),
            request_bodies=tuple(request_bodies),
            security=security,
        )

    # -- parameters --------------------------------------------------------------------------

    def _parameters(self, node: dict[str, Any], path: Path, shared: Any, base: str) -> list[Member]:
        ctx = self.ctx
        params: list[tuple[Any, Path]] = []
        n_shared = 0
        if isinstance(shared, list):
            params += [(p, path[:-1] + ("parameters", i)) for i, p in enumerate(shared)]
            n_shared = len(shared)
        elif shared is not None:
            ctx.wrong(path[:-1] + ("parameters",), "parameters", "a list", shared)
        own = node.get("parameters", [])
        if not isinstance(own, list):
            ctx.wrong(path + ("parameters",), "parameters", "a list", own)
            own = []
        params += [(p, path + ("parameters", i)) for i, p in enumerate(own)]
        members: list[Member] = []
        seen: dict[tuple[str, str], int] = {}
        for index, (raw, ppath) in enumerate(params):
            param, rpath = ctx.resolve(raw, ppath)
            if not isinstance(param, dict):
                if param is not None:
                    ctx.wrong(ppath, "a parameter", "a mapping", param)
                continue
            member = self._parameter(param, rpath, ppath, base)
            if member is None:
                continue
            key = (
                member.binding.value,
                member.wire_name.lower() if member.binding is Binding.HEADER else member.wire_name,
            )
            if key in seen and seen[key] < n_shared <= index:
                # Operation-level parameters override path-level ones of the same name and place;
                # duplicates within one list stay, for the ConflictingBindings rule to report.
                members[seen[key]] = member
                continue
            seen.setdefault(key, len(members))
            members.append(member)
        return members

    def _parameter(
        self, param: dict[str, Any], path: Path, use_path: Path, op: str
    ) -> Member | None:
        ctx = self.ctx
        ctx.scan_extensions(param, path)
        name, where = param.get("name"), param.get("in")
        if not isinstance(name, str) or where not in _BINDINGS:
            ctx.diags.error(
                "WrongType",
                ctx.loc(path),
                "a parameter needs a string 'name' and 'in' of path, query, header or cookie",
                "fix the parameter's name/in",
            )
            return None
        if ctx.profile == "azure" and name == "api-version" and where == "query":
            return None  # the client owns the API version (constructor argument)
        # Other parameters AutoRest keeps on the client (x-ms-parameter-location: client) are
        # arguments of each method here: dropped, a required one would be missing from the
        # request (a path label left unfilled).
        if where == "header" and name.lower() in ("accept", "content-type", "authorization"):
            ctx.note(
                "IgnoredParameter",
                path,
                f"header parameter {name!r} is set by the client itself and is left out",
                "nothing to do; OpenAPI says such parameters are ignored",
            )
            return None
        schema = param.get("schema")
        style = param.get("style", "")
        if schema is None and "content" in param:
            content = param["content"]
            if isinstance(content, dict) and content:
                mtype = next(iter(content))
                entry = content[mtype]
                schema = entry.get("schema") if isinstance(entry, dict) else None
                style = "json" if media.is_json(str(mtype)) else ""
                path = path + ("content", mtype)
        if schema is None:
            ctx.diags.error(
                "MissingSchema",
                ctx.loc(path),
                f"parameter {name!r} has no schema",
                "add `schema: {type: string}`",
            )
            return None
        target, facets = self.schemas.ref(schema, path + ("schema",), op + pascal(name))
        if not target:
            return None
        client_name = param.get("x-ms-client-name")
        grouping = param.get("x-ms-parameter-grouping")
        group = ""
        if isinstance(grouping, dict):
            group = str(grouping.get("name") or op + str(grouping.get("postfix", "Options")))
        shape = ctx.shapes.get(target)
        explode = param.get("explode")
        return Member(
            name=name,
            client_name=client_name if isinstance(client_name, str) else "",
            target=target,
            required=param.get("required") is True,
            binding=_BINDINGS[where],
            wire_name=name,
            has_default=facets.has_default,
            default=facets.default,
            docs=str(param.get("description", "") or "") or facets.docs,
            timestamp_format=shape.timestamp_format if shape else None,
            constraints=facets.constraints,
            deprecated=param.get("deprecated") is True,
            nullable=facets.nullable,
            group=group,
            client_request_id=param.get("x-ms-client-request-id") is True,
            style=style if isinstance(style, str) else "",
            explode=explode if isinstance(explode, bool) else None,
            # Azure's x-ms-skip-url-encoding: the value is sent as given (a next link's path).
            allow_reserved=param.get("allowReserved") is True
            or param.get("x-ms-skip-url-encoding") is True,
            loc=ctx.loc(use_path),
        )

    # -- request body ------------------------------------------------------------------------

    def _request_body(
        self, node: dict[str, Any], path: Path, base: str
    ) -> tuple[list[RequestBody], Member | None]:
        ctx = self.ctx
        body = node.get("requestBody")
        if body is None:
            return [], None
        bpath = path + ("requestBody",)
        resolved, rbpath = ctx.resolve(body, bpath)
        if not isinstance(resolved, dict):
            if resolved is not None:
                ctx.wrong(bpath, "requestBody", "a mapping", resolved)
            return [], None
        content = resolved.get("content", {}) or {}
        if not isinstance(content, dict):
            ctx.wrong(rbpath + ("content",), "content", "a mapping of media types", content)
            return [], None
        bodies: list[RequestBody] = []
        first_facets = None
        order = sorted(content, key=lambda m: media.preference(str(m)))
        for i, mtype in enumerate(order):
            entry = content[mtype]
            mpath = rbpath + ("content", mtype)
            schema = entry.get("schema") if isinstance(entry, dict) else None
            if schema is not None and media.is_xml(str(mtype)):
                _xml_note(ctx, mpath)
                schema = None
            if schema is None or _binary_string(ctx, schema, str(mtype), mpath + ("schema",)):
                target = self.schemas.any_id() if media.is_json(str(mtype)) else _blob(ctx)
                facets = None
            else:
                hint = base + "Body" + ("" if i == 0 else pascal(_media_word(str(mtype))))
                target, facets = self.schemas.ref(schema, mpath + ("schema",), hint)
            if not target:
                continue
            if any(b.target == target and b.media_type == mtype for b in bodies):
                continue
            bodies.append(RequestBody(str(mtype), target, ctx.loc(mpath, key=True)))
            _check_fields(ctx, target, str(mtype), mpath, base)
            if first_facets is None:
                first_facets = facets
            if isinstance(entry, dict) and entry.get("encoding"):
                ctx.note(
                    "BodyEncoding",
                    mpath + ("encoding",),
                    f"the encoding of the {mtype} body of {base} is not applied: fields are "
                    "sent in their default form",
                    "nothing to do unless the service needs the declared encoding",
                    once=f"encoding:{base}",
                )
        if not bodies:
            return [], None
        bname = node.get("x-ms-requestBody-name") or resolved.get("x-ms-requestBody-name")
        name = bname if isinstance(bname, str) and bname else "body"
        docs = str(resolved.get("description", "") or "") or (
            first_facets.docs if first_facets else ""
        )
        member = Member(
            name=name,
            target=bodies[0].target,
            required=resolved.get("required") is True,
            binding=Binding.PAYLOAD,
            wire_name=name,
            docs=docs,
            nullable=bool(first_facets and first_facets.nullable),
            loc=ctx.loc(bpath, key=True),
        )
        return bodies, member

    # -- responses ---------------------------------------------------------------------------

    def _responses(
        self, op_name: str, base: str, node: dict[str, Any], path: Path
    ) -> tuple[list[Response], list[str], tuple[tuple[str, Location], ...]]:
        ctx = self.ctx
        responses = node.get("responses")
        rpath = path + ("responses",)
        if responses is None and ctx.v31:
            # 3.1 makes responses optional: whatever comes back is handed over as it arrives.
            ctx.note(
                "NoResponses",
                path,
                f"{op_name} declares no responses; its result is the body as received (typed Any)",
                "declare the success response to get a typed result",
            )
            return [Response("2XX", self.schemas.any_id(), "", loc=ctx.loc(path))], [], ()
        if not isinstance(responses, dict) or not responses:
            ctx.diags.error(
                "MissingResponses",
                ctx.loc(rpath if responses is not None else path, key=True),
                f"operation {op_name} has no responses",
                "add at least one 2xx response",
            )
            return [], [], ()
        out: list[Response] = []
        has_success = any(str(c).startswith("2") for c in responses)
        errors: list[str] = []
        error_locs: list[tuple[str, Location]] = []
        for code, resp in responses.items():
            status = str(code)
            cpath = rpath + (code,)
            if not (_STATUS.match(status) or status == "default"):
                if not status.startswith("x-"):
                    ctx.diags.error(
                        "WrongType",
                        ctx.loc(cpath, key=True),
                        f"response key {status!r} of {op_name} is not a status code",
                        "use a status code (200), a range (2XX) or default",
                    )
                continue
            status = status.upper() if "X" in status.upper() else status
            resolved, respath = ctx.resolve(resp, cpath)
            if not isinstance(resolved, dict):
                if resolved is not None:
                    ctx.wrong(cpath, f"response {status}", "a mapping", resolved)
                continue
            success = status.startswith("2") or (status == "default" and not has_success)
            if status == "default" and success:
                status = "2XX"  # only a default response: it is the success response
            hint = base + ("Result" if success else "Error")
            if out and success:
                hint += status
            elif not success and status != "default":
                hint += status
            shared = _shared_response(resp)
            if shared and not success:
                # Spotify's `401: {$ref: "#/components/responses/Unauthorized"}` in every
                # operation: its error is UnauthorizedError, not the first operation's name.
                hint = shared if shared.endswith("Error") else shared + "Error"
            body, mtype = self._body(resolved, respath, hint)
            headers = self._headers(resolved, respath, base)
            if resolved.get("links"):
                ctx.note(
                    "Links",
                    respath + ("links",),
                    f"the links of {op_name}'s {status} response are documentation only",
                    "nothing to do; call the linked operation yourself",
                    once="links",
                )
            out.append(
                Response(
                    status=status,
                    body=body,
                    media_type=mtype,
                    headers=tuple(headers),
                    docs=str(resolved.get("description", "") or ""),
                    loc=ctx.loc(cpath, key=True),
                )
            )
            if not success and body is not None:
                shape = ctx.shapes.get(body)
                if shape is not None and shape.kind is Kind.STRUCTURE:
                    http_status = int(status) if status.isdigit() else None
                    if shape.error is None:
                        fault = "server" if status.startswith("5") else "client"
                        ctx.shapes[body] = _replace(
                            shape, error=ErrorInfo(fault=fault, http_status=http_status)
                        )
                    if body not in errors:
                        errors.append(body)
                        error_locs.append((f"error:{body}", ctx.loc(cpath, key=True)))
        return out, errors, tuple(error_locs)

    def _body(self, resp: dict[str, Any], path: Path, hint: str) -> tuple[str | None, str]:
        ctx = self.ctx
        content = resp.get("content")
        if content is None:
            return None, ""
        if not isinstance(content, dict):
            ctx.wrong(path + ("content",), "content", "a mapping of media types", content)
            return None, ""
        if not content:
            return None, ""
        mtype = min(content, key=lambda m: media.preference(str(m)))
        entry = content[mtype]
        schema = entry.get("schema") if isinstance(entry, dict) else None
        if schema is not None and media.is_xml(str(mtype)):
            _xml_note(ctx, path + ("content", mtype))
            schema = None
        if media.is_stream(str(mtype)):
            # Server-sent events and JSON lines: the client has no streaming reader yet.
            ctx.note(
                "StreamingResponse",
                path + ("content", mtype),
                f"the {mtype} response is read whole: the call returns its bytes when the "
                "server ends the stream, not event by event",
                "for a long-lived stream, call the endpoint with an HTTP client that streams",
            )
            schema = None
        spath = path + ("content", mtype, "schema")
        if schema is None or _binary_string(ctx, schema, str(mtype), spath):
            if media.is_json(str(mtype)):
                return self.schemas.any_id(), str(mtype)
            if schema is None and media.is_text(str(mtype)):
                # Mercure's publish answers the update's id as text/plain, no schema: a str.
                return self.schemas.string_id(), str(mtype)
            return _blob(ctx), str(mtype)
        target, _ = self.schemas.ref(schema, spath, hint)
        return (target or None), str(mtype)

    def _headers(self, resp: dict[str, Any], path: Path, base: str) -> list[Member]:
        ctx = self.ctx
        headers = resp.get("headers", {}) or {}
        if not isinstance(headers, dict):
            ctx.wrong(path + ("headers",), "response headers", "a mapping", headers)
            return []
        out: list[Member] = []
        for hname, hnode in headers.items():
            if str(hname).lower() == "content-type":
                continue  # OpenAPI: a Content-Type response header is ignored
            hres, hpath = ctx.resolve(hnode, path + ("headers", hname))
            if not isinstance(hres, dict):
                if hres is not None:
                    ctx.wrong(path + ("headers", hname), f"header {hname}", "a mapping", hres)
                continue
            hschema = hres.get("schema", {"type": "string"})
            target, facets = self.schemas.ref(
                hschema, hpath + ("schema",), base + pascal(str(hname))
            )
            if not target:
                continue
            shape = ctx.shapes.get(target)
            out.append(
                Member(
                    name=str(hname),
                    target=target,
                    binding=Binding.HEADER,
                    wire_name=str(hname),
                    docs=str(hres.get("description", "") or "") or facets.docs,
                    timestamp_format=shape.timestamp_format if shape else None,
                    constraints=_constraints(hschema),
                    loc=ctx.loc(hpath, key=True),
                )
            )
        return out

    def _output(
        self, op_name: str, base: str, responses: list[Response], path: Path
    ) -> tuple[str, list[int]]:
        """The synthetic output: the success body as payload, the success headers."""
        ctx = self.ctx
        success = [r for r in responses if r.is_success]
        codes = sorted(int(r.status) for r in success if r.status.isdigit())
        bodies: list[str] = []
        for r in success:
            if r.body is not None and r.body not in bodies:
                bodies.append(r.body)
        members: list[Member] = []
        if bodies:
            target = bodies[0]
            if len(bodies) > 1:
                target = f"op#{op_name}/result"
                ctx.shapes[target] = Shape(
                    id=target,
                    name=base + "Result",
                    kind=Kind.ONE_OF,
                    members=tuple(
                        Member(name=_shape_name(ctx, b, i), target=b, wire_name=str(i))
                        for i, b in enumerate(bodies)
                    ),
                    synthetic=True,
                    loc=ctx.loc(path + ("responses",), key=True),
                )
            members.append(
                Member(
                    name="body",
                    target=target,
                    # A success response without a body makes the body optional.
                    required=all(r.body is not None for r in success),
                    binding=Binding.PAYLOAD,
                    wire_name="body",
                    docs=next((r.docs for r in success if r.body is not None), ""),
                    loc=next(r.loc for r in success if r.body is not None),
                )
            )
        seen: set[str] = set()
        for r in success:
            for h in r.headers:
                if h.wire_name.lower() not in seen:
                    seen.add(h.wire_name.lower())
                    members.append(h)
        output_id = f"op#{op_name}/output"
        ctx.shapes[output_id] = Shape(
            id=output_id,
            name=base + "Response",
            kind=Kind.STRUCTURE,
            members=tuple(_distinct_names(members)),
            is_output=True,
            synthetic=True,
            loc=ctx.loc(path + ("responses",), key=True),
        )
        return output_id, codes


def _distinct_names(members: list[Member]) -> list[Member]:
    """Parameters of one name in several places (`id` in the path and in the query) are told
    apart by their place, as openapi-python-client names them (`id_path`, `id_query`)."""
    places: dict[str, set[Binding]] = {}
    for m in members:
        places.setdefault(snake_case(m.name), set()).add(m.binding)
    out = []
    for m in members:
        # Only names shared across places; names alike in one place get the render stage's
        # numeric suffixes.
        if len(places[snake_case(m.name)]) > 1 and m.binding is not Binding.PAYLOAD:
            where = {Binding.LABEL: "path"}.get(m.binding, m.binding.value)
            m = _replace(m, name=f"{m.name}_{where}")
        out.append(m)
    return out


def _xml_note(ctx: Context, path: Path) -> None:
    ctx.note(
        "XmlBody",
        path,
        "XML bodies are bytes: the client sends the XML you give and returns the XML it gets "
        "(a JSON alternative of the same operation stays typed)",
        "serialize and parse the XML yourself, or choose the JSON media type",
        once="xml",
    )


def _binary_string(ctx: Context, schema: Any, media_type: str, path: Path) -> bool:
    """A plain string schema under a binary media type (`application/octet-stream`, `image/png`
    ...): the body is the file's bytes, as with `format: binary`, not text."""
    if not media.is_binary(media_type):
        return False
    resolved = schema
    for _ in range(32):  # quietly: a dangling or cyclic $ref is reported where it is read
        ref = resolved.get("$ref") if isinstance(resolved, dict) else None
        if not isinstance(ref, str):
            break
        if not ref.startswith("#"):
            return False
        resolved, _ = walk(ctx.spec, ref_path(ref))
    if not isinstance(resolved, dict) or "$ref" in resolved:
        return False
    kind = resolved.get("type")
    if kind != "string" and kind != ["string"]:
        return False
    if "enum" in resolved or "const" in resolved or "contentEncoding" in resolved:
        return False
    return resolved.get("format") in (None, "binary")


def _shared_response(node: Any) -> str:
    """The name of a response component `node` refers to ("" when it is inline)."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    for prefix in ("#/components/responses/", "#/responses/"):
        if isinstance(ref, str) and ref.startswith(prefix) and "/" not in ref[len(prefix) :]:
            return pascal(unescape(ref[len(prefix) :]))
    return ""


def _check_fields(ctx: Context, target: str, media_type: str, path: Path, op: str) -> None:
    shape = ctx.shapes.get(target)
    kind = shape.kind if shape is not None else None
    base = media.essence(media_type)
    if (
        kind is not None
        and media.encoding(media_type, kind) == media.JSON
        and not media.is_json(media_type)
        and "*" not in base
    ):
        # Mastodon's `application/form-data` (no such type; multipart/form-data was meant).
        ctx.note(
            "BodyAsJson",
            path,
            f"the {media_type} body of {op} is sent as JSON: apismith knows no other encoding "
            "of a structured value for that media type",
            "if the service expects a form, declare application/x-www-form-urlencoded or "
            "multipart/form-data",
        )
    if kind is not None and media.unencodable(media_type, kind):
        ctx.diags.warning(
            "UnencodableBody",
            ctx.loc(path + ("schema",)),
            f"the {media_type} body of {op} is a {kind.value}, not an object: OpenAPI defines "
            "no encoding of it as fields, so the client refuses to send it (TypeError)",
            "make the schema an object whose properties are the fields",
        )


def _blob(ctx: Context) -> str:
    schemas_id = "openapi#string:binary"
    ctx.shapes.setdefault(
        schemas_id,
        Shape(id=schemas_id, name="StringBinary", kind=Kind.BLOB, synthetic=True),
    )
    return schemas_id


def _media_word(media_type: str) -> str:
    kind = media.encoding(media_type, Kind.STRUCTURE)
    return {"form": "Form", "multipart": "Multipart", "json": "Json"}.get(kind, "Raw")


def _shape_name(ctx: Context, shape_id: str, index: int) -> str:
    shape = ctx.shapes.get(shape_id)
    return shape.name if shape is not None else f"Variant{index}"


def _replace(obj: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(obj, **changes)
