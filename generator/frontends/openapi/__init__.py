"""OpenAPI 3.0/3.1 (and Swagger 2.0, normalised first) -> IR.

The parts: `schemas` (schemas -> shapes), `operations` (parameters, bodies, responses),
`security` (schemes and requirements), `servers`, `swagger2` (the Swagger 2.0 -> OpenAPI 3
normaliser, with `swagger_checks` guarding its input) and `refs` (other files' nodes pulled in
before anything else reads the document). Azure's conventions (api-version, x-ms-* extensions,
SharedKey) are a profile the document turns on itself; the front-end records it in the IR.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostics
from generator.ir import Operation, Protocol, Server, ServerVariable, Service
from generator.load import Document, Path
from generator.naming import title_words

from .context import HANDLED_EXTENSIONS, HTTP_METHODS, Context, get, pascal
from .operations import Operations
from .schemas import Schemas
from .security import is_azure_scheme, requirements, schemes
from .servers import servers

__all__ = ["HANDLED_EXTENSIONS", "OpenApiFrontend", "azure_profile"]


class OpenApiFrontend:
    def __init__(self, doc: Document, diags: Diagnostics) -> None:
        self.doc = doc
        self.diags = diags
        self.source_format = "openapi"
        spec: Any = doc.data
        self._convertible = True
        if isinstance(doc.data, dict) and "swagger" in doc.data:
            from .swagger2 import SwaggerConversionError, convert_swagger2
            from .swagger_checks import check_swagger

            self.source_format = "swagger"
            spec = {}
            # The conversion trusts its input's shape: convert only what the checks accept.
            self._convertible = check_swagger(doc, diags)
            if self._convertible:
                try:
                    spec = convert_swagger2(doc.data)
                except SwaggerConversionError as exc:  # a case check_swagger does not know yet
                    self._convertible = False
                    diags.error(
                        "SwaggerConversion",
                        doc.loc(()),
                        f"cannot convert the Swagger 2.0 document to OpenAPI 3: {exc}",
                        "fix the construct named above, or convert the document to OpenAPI 3",
                    )
        self.ctx = Context(doc, diags, spec if isinstance(spec, dict) else {}, self._swagger)
        self.ctx.profile = azure_profile(doc.data)

    @property
    def _swagger(self) -> bool:
        return self.source_format == "swagger"

    def build(self) -> Service | None:
        if not self._convertible:
            return None  # the Swagger checks reported why
        ctx = self.ctx
        spec = ctx.spec
        info = spec.get("info") if isinstance(spec.get("info"), dict) else {}
        assert isinstance(info, dict)
        version = str(spec.get("openapi", spec.get("swagger", "")))
        if not re.match(r"^(3\.[01](\.\d+)?|2\.0)$", version):
            self.diags.error(
                "UnsupportedVersion",
                ctx.loc(("openapi",)),
                f"unsupported OpenAPI version {version!r}",
                "use openapi: 3.0.3 or 3.1.0 (or swagger: '2.0')",
            )
        schemas = Schemas(ctx)
        named = get(spec, "components", "schemas")
        if named is not None and not isinstance(named, dict):
            ctx.wrong(("components", "schemas"), "components/schemas", "a mapping", named)
        elif isinstance(named, dict):
            for name in named:
                schemas.named(str(name))
        operations = Operations(ctx, schemas)
        ops = self._operations(operations)
        schemas.finish()
        self._notes(spec)
        ctx.scan_extensions(spec, ())
        title = str(info.get("title", "") or "")
        name = pascal(title_words(title)) or "Service"
        if name[0].isdigit():
            name = "Api" + name
        host_template = ""
        host = spec.get("x-ms-parameterized-host")
        found_servers = servers(ctx)
        if isinstance(host, dict) and isinstance(host.get("hostTemplate"), str):
            host_template = host["hostTemplate"]
            found_servers = (self._parameterized_host(host),)
        if not host_template and found_servers:
            host_template = found_servers[0].url
        return Service(
            name=name,
            version=str(info.get("version", "")),
            protocol=Protocol.REST_JSON,
            shapes=tuple(ctx.shapes[k] for k in sorted(ctx.shapes)),
            operations=tuple(ops),
            auth=schemes(ctx),
            title=title,
            docs=str(info.get("description", "") or ""),
            sdk_id=title_words(title),
            host_template=host_template,
            source_format=self.source_format,
            notes=tuple(ctx.notes),
            loc=ctx.loc(()),
            security=requirements(ctx, spec.get("security"), ("security",)),
            servers=found_servers,
            profile=ctx.profile,
        )

    def _operations(self, operations: Operations) -> list[Operation]:
        ctx = self.ctx
        paths = ctx.spec.get("paths", {})
        if paths is None:
            paths = {}
        if not isinstance(paths, dict):
            self.diags.error(
                "WrongType", ctx.loc(("paths",)), "'paths' must be a mapping", "fix 'paths'"
            )
            return []
        ops: list[Operation] = []
        items: list[tuple[Any, Any, Path]] = [(u, i, ("paths", u)) for u, i in paths.items()]
        # Azure's x-ms-paths: more path items, whose keys may differ from those of `paths` only
        # in a query part (`/{blob}?comp=lease`), which is sent as written.
        ms_paths = ctx.spec.get("x-ms-paths")
        if isinstance(ms_paths, dict):
            items += [(u, i, ("x-ms-paths", u)) for u, i in ms_paths.items()]
        elif ms_paths is not None:
            ctx.wrong(("x-ms-paths",), "'x-ms-paths'", "a mapping of path to path item", ms_paths)
        for uri, item, ipath in items:
            if isinstance(uri, str) and uri.startswith("x-"):
                continue
            resolved, rpath = ctx.resolve(item, ipath)
            if not isinstance(resolved, dict):
                if resolved is not None:
                    ctx.wrong(ipath, f"path item {uri}", "a mapping", resolved)
                continue
            ctx.scan_extensions(resolved, rpath)
            shared = resolved.get("parameters")
            item_servers = servers(ctx, resolved.get("servers"), rpath)
            for method in HTTP_METHODS:
                node = resolved.get(method)
                if node is None:
                    continue
                opath = rpath + (method,)
                if not isinstance(node, dict):
                    ctx.wrong(opath, f"operation {method.upper()} {uri}", "a mapping", node)
                    continue
                op = operations.build(str(uri), method, node, opath, shared)
                own = servers(ctx, node.get("servers"), opath) if "servers" in node else ()
                if own or item_servers:
                    op = replace(op, servers=own or item_servers)
                ops.append(op)
        return ops

    def _parameterized_host(self, host: dict[str, Any]) -> Server:
        """Azure's x-ms-parameterized-host: the endpoint the caller gives, as a server whose
        variables are its parameters (documented, without defaults)."""
        variables = []
        params = host.get("parameters") if isinstance(host.get("parameters"), list) else []
        for i, raw in enumerate(params or []):
            param, _ = self.ctx.resolve(raw, ("x-ms-parameterized-host", "parameters", i))
            if isinstance(param, dict) and isinstance(param.get("name"), str):
                docs = str(param.get("description", "") or "")
                variables.append(ServerVariable(name=param["name"], default="", docs=docs))
        return Server(
            url=str(host["hostTemplate"]),
            variables=tuple(variables),
            loc=self.ctx.loc(("x-ms-parameterized-host",)),
        )

    def _notes(self, spec: dict[str, Any]) -> None:
        webhooks = spec.get("webhooks")
        if isinstance(webhooks, dict) and webhooks:
            self.ctx.note(
                "Webhooks",
                ("webhooks",),
                f"the document's {len(webhooks)} webhook(s) are requests the service makes; the "
                "client does not serve them (their schemas are generated as models)",
                "nothing to do; implement the webhook endpoints in your server",
            )


def azure_profile(data: Any) -> str:
    """ "azure" when the document speaks Azure's dialect: any x-ms-* extension, or security
    through Microsoft Entra ID; "" otherwise."""
    if not isinstance(data, dict):
        return ""
    if _has_ms_extension(data, 0):
        return "azure"
    for key in ("securityDefinitions",):
        found = data.get(key)
        if isinstance(found, dict) and any(is_azure_scheme(s) for s in found.values()):
            return "azure"
    found = get(data, "components", "securitySchemes")
    if isinstance(found, dict) and any(is_azure_scheme(s) for s in found.values()):
        return "azure"
    return ""


def _has_ms_extension(node: Any, depth: int) -> bool:
    if depth > 60:
        return False
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and key.startswith("x-ms-"):
                return True
            if _has_ms_extension(value, depth + 1):
                return True
    elif isinstance(node, list):
        return any(_has_ms_extension(v, depth + 1) for v in node)
    return False
