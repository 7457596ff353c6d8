"""`servers` -> IR servers: the base URLs a client may talk to, with their variables."""

from __future__ import annotations

import re
from typing import Any

from generator.ir import Server, ServerVariable
from generator.load import Path

from .context import Context

_VARIABLE = re.compile(r"\{([^{}]+)\}")


def servers(ctx: Context, node: Any = None, at: Path = ()) -> tuple[Server, ...]:
    """The `servers` list at `at` (the document's when not given)."""
    if not at:
        node = ctx.spec.get("servers")
    if node is None:
        return ()
    if not isinstance(node, list):
        ctx.wrong((*at, "servers"), "servers", "a list", node)
        return ()
    out: list[Server] = []
    for i, entry in enumerate(node):
        path: Path = (*at, "servers", i)
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            ctx.wrong(path, "a server", "a mapping with a string url", entry)
            continue
        server = _server(ctx, entry, path)
        if server is not None:
            out.append(server)
    return tuple(out)


def _server(ctx: Context, entry: dict[str, Any], path: Path) -> Server | None:
    url = entry["url"]
    raw = entry.get("variables") or {}
    if not isinstance(raw, dict):
        ctx.wrong(path + ("variables",), "server variables", "a mapping", raw)
        raw = {}
    variables: list[ServerVariable] = []
    for name in _VARIABLE.findall(url):
        spec = raw.get(name)
        vpath = path + ("variables", name)
        if not isinstance(spec, dict) or "default" not in spec:
            ctx.diags.error(
                "ServerVariable",
                ctx.loc(vpath if isinstance(spec, dict) else path + ("url",)),
                f"server URL {url!r} uses {{{name}}}, which has no variable with a default",
                f"declare `variables: {{{name}: {{default: ...}}}}` on the server",
            )
            return None
        choices = spec.get("enum") or []
        variables.append(
            ServerVariable(
                name=name,
                default=str(spec["default"]),
                choices=tuple(str(c) for c in choices) if isinstance(choices, list) else (),
                docs=str(spec.get("description", "") or ""),
            )
        )
    return Server(
        url=url,
        variables=tuple(variables),
        docs=str(entry.get("description", "") or ""),
        loc=ctx.loc(path),
    )
