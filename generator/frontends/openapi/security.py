"""Security schemes and requirements -> IR auth.

Every scheme becomes an `Auth`: apiKey (header, query or cookie), HTTP basic, HTTP bearer, and
oauth2/openIdConnect (bearer tokens from a provider). Requirements are kept as written:
alternatives of combinations, `[]` (no auth) and `{}` (anonymous allowed) included.
"""

from __future__ import annotations

from typing import Any

from generator.ir import Auth, AuthKind, SecurityRequirement
from generator.load import Path

from .context import Context, get

# Hosts of Microsoft Entra ID: an oauth2 scheme issued there is Azure's.
AZURE_LOGIN_HOSTS = ("login.microsoftonline.com", "login.windows.net", "login.microsoft.com")


def schemes(ctx: Context) -> tuple[Auth, ...]:
    """The document's security schemes, in the order its `security` prefers them."""
    found = get(ctx.spec, "components", "securitySchemes")
    if found is None:
        return ()
    if not isinstance(found, dict):
        ctx.wrong(("components", "securitySchemes"), "securitySchemes", "a mapping", found)
        return ()
    preferred: list[str] = []
    top = ctx.spec.get("security", []) or []
    for req in top if isinstance(top, list) else []:
        if isinstance(req, dict):
            preferred.extend(str(k) for k in req if k not in preferred)
    order = sorted(found, key=lambda n: (preferred.index(n) if n in preferred else 1 << 30, n))
    out: list[Auth] = []
    for name in order:
        path: Path = ("components", "securitySchemes", name)
        scheme, spath = ctx.resolve(found[name], path)
        if not isinstance(scheme, dict):
            if scheme is not None:
                ctx.wrong(path, f"security scheme {name}", "a mapping", scheme)
            continue
        auth = _scheme(ctx, str(name), scheme, spath)
        if auth is not None:
            out.append(auth)
    return tuple(out)


def _scheme(ctx: Context, name: str, scheme: dict[str, Any], path: Path) -> Auth | None:
    typ = scheme.get("type")
    docs = str(scheme.get("description", "") or "")
    loc = ctx.loc(path, key=True)
    if typ == "apiKey":
        where = scheme.get("in")
        key_name = scheme.get("name")
        if where not in ("header", "query", "cookie") or not isinstance(key_name, str):
            ctx.diags.error(
                "WrongType",
                ctx.loc(path),
                f"apiKey scheme {name} needs a string 'name' and 'in' of header, query or cookie",
                "fix the scheme's name/in",
            )
            return None
        if ctx.profile == "azure" and where == "header" and key_name.lower() == "authorization":
            # Azure services declare their HMAC (SharedKey) scheme as an apiKey on Authorization.
            return Auth(AuthKind.SHARED_KEY, name=name, header=key_name, docs=docs, loc=loc)
        return Auth(
            AuthKind.API_KEY, name=name, header=key_name, location=str(where), docs=docs, loc=loc
        )
    if typ == "http":
        http_scheme = str(scheme.get("scheme", "")).lower()
        if http_scheme == "basic":
            return Auth(AuthKind.BASIC, name=name, docs=docs, loc=loc)
        if http_scheme == "bearer":
            return Auth(AuthKind.BEARER, name=name, source="http", docs=docs, loc=loc)
        ctx.note(
            "UnsupportedAuth",
            path,
            f"HTTP {scheme.get('scheme')!r} authentication ({name}) is not built in; requests "
            "that need it are sent without it",
            "add the Authorization header with a custom transport",
        )
        return None
    if typ in ("oauth2", "openIdConnect"):
        scopes: list[str] = []
        flows = scheme.get("flows") or {}
        if not isinstance(flows, dict):
            ctx.wrong(path + ("flows",), "flows", "a mapping", flows)
            flows = {}
        for flow in flows.values():
            if isinstance(flow, dict) and isinstance(flow.get("scopes"), dict):
                scopes.extend(str(s) for s in flow["scopes"] if str(s) not in scopes)
        return Auth(
            AuthKind.BEARER,
            name=name,
            scopes=tuple(scopes),
            source=str(typ),
            docs=docs,
            loc=loc,
        )
    if typ == "mutualTLS":
        ctx.note(
            "UnsupportedAuth",
            path,
            f"mutual TLS ({name}) is set up in the transport, not by the client",
            "pass a transport configured with your client certificate",
        )
        return None
    ctx.diags.error(
        "WrongType",
        ctx.loc(path + ("type",)),
        f"security scheme {name} has unknown type {typ!r}",
        "use apiKey, http, oauth2, openIdConnect or mutualTLS",
    )
    return None


def requirements(ctx: Context, node: Any, path: Path) -> tuple[SecurityRequirement, ...]:
    """A `security` list: alternatives, each naming the schemes (and scopes) it combines."""
    if node is None:
        return ()
    if not isinstance(node, list):
        ctx.wrong(path, "security", "a list of requirements", node)
        return ()
    known = get(ctx.spec, "components", "securitySchemes") or {}
    out: list[SecurityRequirement] = []
    for i, req in enumerate(node):
        if not isinstance(req, dict):
            ctx.wrong(path + (i,), "a security requirement", "a mapping", req)
            continue
        combo: list[tuple[str, tuple[str, ...]]] = []
        for name, scopes in req.items():
            if not isinstance(known, dict) or name not in known:
                ctx.diags.error(
                    "DanglingTarget",
                    ctx.loc(path + (i, name), key=True),
                    f"security requirement names {name!r}, which is not a security scheme",
                    "define it under components/securitySchemes or fix the name",
                )
                continue
            listed = scopes if isinstance(scopes, list) else []
            combo.append((str(name), tuple(str(s) for s in listed)))
        out.append(tuple(combo))
    return tuple(out)


def is_azure_scheme(scheme: Any) -> bool:
    """An oauth2 scheme whose flows go through Microsoft Entra ID."""
    if not isinstance(scheme, dict) or scheme.get("type") != "oauth2":
        return False
    for value in _urls(scheme):
        if any(host in value for host in AZURE_LOGIN_HOSTS):
            return True
    return False


def _urls(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [u for v in node.values() for u in _urls(v)]
    if isinstance(node, list):
        return [u for v in node for u in _urls(v)]
    return []
