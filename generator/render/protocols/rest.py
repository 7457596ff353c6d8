"""The generic OpenAPI protocol: HTTP bindings with JSON bodies, as any OpenAPI document says.

What the document declares is what goes on the wire: parameters in their place and style,
bodies in the media type chosen (JSON by default), credentials of its security schemes per
operation, responses read by status (errors raise the exception of the body declared for that
status). Nothing is sent that the caller did not give: a parameter's `default` is what the
server assumes when it is absent.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, ClassVar

from generator import media
from generator.ir import Auth, AuthKind, Operation, Shape
from generator.naming import safe_identifier, snake_case
from generator.render.httpviews import absolute_url
from generator.render.protocols.base import ErrorResponse, ExpectedRequest, ProtocolGenerator

# Credentials the generated tests' stub clients are built with, one per scheme kind.
TEST_API_KEY = "test-api-key"
TEST_TOKEN = "test-token"
TEST_USER, TEST_PASSWORD = "test-user", "test-password"

# http.client.responses, without importing http.client (and email, ssl, socket: 30 ms).
_REASONS = {status.value: status.phrase for status in HTTPStatus}


# The client's own constructor parameters: a scheme's argument never takes one of these names.
_CLIENT_PARAMS = frozenset(
    {
        "base_url",
        "enforce_https",
        "retry_policy",
        "self",
        "timeout",
        "transport",
        "user_agent_extra",
    }
)


@dataclass
class CredentialParam:
    """A constructor argument holding the credential of one security scheme."""

    name: str  # the Python argument
    scheme: str  # the scheme's name in the document
    kind: str  # apiKey | basic | bearer
    annotation: str
    build: str  # expression turning the argument into an _auth credential
    docs: str
    test_value: str  # what the generated tests pass


@dataclass
class ServerView:
    base_url: str  # the default base URL ("" when the caller must give one)
    template: str  # the first server's URL as written
    variables: list[tuple[str, str, list[str], str]] = field(default_factory=list)
    relative: bool = False  # the document's server URL is relative: the caller gives the host


class OpenApiRest(ProtocolGenerator):
    id = "rest"
    wire_template = "python/protocols/rest_wire.j2"
    client_template = "python/protocols/rest_client.j2"
    runtime_module = "_rest"
    runtime_extra = frozenset({"_styles.py", "_bodies.py", "_auth.py", "_bearer.py"})
    timestamp_defaults: ClassVar[Mapping[str, str]] = {
        "body": "date-time",
        "header": "http-date",
        "query": "date-time",
    }
    retry_policy = "standard"
    runtime_exports: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("_auth", ("MissingCredentialsError",)),
        ("_bodies", ("File",)),
    )
    errors_by_code = False
    errors_by_status = True

    # -- client conventions ------------------------------------------------------------------

    def credential_params(self) -> list[CredentialParam]:
        out: list[CredentialParam] = []
        taken = set(_CLIENT_PARAMS)
        for auth in self.service.auth:
            param = self._credential(auth)
            if param is None:
                continue
            name, n = param.name, 2
            while name in taken:
                name = f"{param.name}_credential" if n == 2 else f"{param.name}_{n}"
                n += 1
            param.name = name
            param.build = param.build.replace("{arg}", name)
            taken.add(name)
            out.append(param)
        return out

    def _credential(self, auth: Auth) -> CredentialParam | None:
        name = safe_identifier(snake_case(auth.name) or "credential", "credential")
        docs = auth.docs
        if auth.kind is AuthKind.API_KEY:
            where = {"header": "header", "query": "query parameter", "cookie": "cookie"}
            return CredentialParam(
                name,
                auth.name,
                "apiKey",
                "str | None",
                f"_auth.ApiKey({{arg}}, name={auth.header!r}, location={auth.location!r})",
                docs or f"API key ({auth.name}), sent as the {where[auth.location]} {auth.header}.",
                repr(TEST_API_KEY),
            )
        if auth.kind is AuthKind.BASIC:
            return CredentialParam(
                name,
                auth.name,
                "basic",
                "tuple[str, str] | None",
                "_auth.Basic(*{arg})",
                docs or f"HTTP basic credentials ({auth.name}): (user name, password).",
                repr((TEST_USER, TEST_PASSWORD)),
            )
        if auth.kind is AuthKind.BEARER:
            scopes = tuple(s for s in auth.scopes if "://" in s) if auth.source != "http" else ()
            build = (
                "_auth.Bearer({arg}"
                + (f", default_scopes={scopes!r}" if scopes else "")
                + ", enforce_https=enforce_https)"
            )
            what = {
                "oauth2": "OAuth 2.0",
                "openIdConnect": "OpenID Connect",
            }.get(auth.source, "bearer")
            return CredentialParam(
                name,
                auth.name,
                "bearer",
                "_auth.TokenSource | None",
                build,
                docs
                or f"{what} token ({auth.name}): a token, a callable returning one, or an object "
                "with get_token(*scopes).",
                repr(TEST_TOKEN),
            )
        return None

    def operation_servers(self) -> bool:
        """Some operation has a server of its own (OpenAPI path or operation `servers`)."""
        return any(op.servers and absolute_url(op.servers[0]) for op in self.service.operations)

    def server(self) -> ServerView:
        servers = self.service.servers
        if not servers:
            return ServerView("", "")
        first = servers[0]
        url = first.url
        for var in first.variables:
            url = url.replace("{" + var.name + "}", var.default)
        relative = not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url)
        view = ServerView("" if relative else url.rstrip("/"), first.url, relative=relative)
        view.variables = [(v.name, v.default, list(v.choices), v.docs) for v in first.variables]
        return view

    # -- operations --------------------------------------------------------------------------

    def describes_exchange(self, op: Operation) -> bool:
        return bool(op.responses or op.request_bodies)

    # -- generated tests ---------------------------------------------------------------------

    def expected_request(
        self,
        op: Operation,
        labels: dict[str, str],
        query: dict[str, str],
        headers: dict[str, str],
        body: Any,
        has_body: bool,
    ) -> ExpectedRequest:
        query, headers = dict(query), dict(headers)
        for auth, _ in self.applied_auth(op):
            if auth.kind is AuthKind.API_KEY:
                if auth.location == "header":
                    headers[auth.header] = TEST_API_KEY
                elif auth.location == "query":
                    query[auth.header] = TEST_API_KEY
                else:
                    cookie = headers.get("Cookie")
                    pair = f"{auth.header}={TEST_API_KEY}"
                    headers["Cookie"] = f"{cookie}; {pair}" if cookie else pair
            elif auth.kind is AuthKind.BASIC:
                raw = f"{TEST_USER}:{TEST_PASSWORD}".encode()
                headers["Authorization"] = "Basic " + base64.b64encode(raw).decode()
            elif auth.kind is AuthKind.BEARER:
                headers["Authorization"] = f"Bearer {TEST_TOKEN}"
        expected = super().expected_request(op, labels, query, headers, body, has_body)
        if op.request_bodies and media.essence(op.request_bodies[0].media_type).startswith(
            "multipart/"
        ):
            # The boundary is chosen per request; the tests check the rest of the header.
            expected.headers.pop("Content-Type", None)
        return expected

    def applied_auth(self, op: Operation) -> list[tuple[Any, tuple[str, ...]]]:
        """The schemes a client holding every credential applies to `op` (its first
        alternative), with their scopes."""
        reqs = op.security if op.security is not None else self.service.security
        by_name = {a.name: a for a in self.service.auth}
        usable = [[(by_name[n], tuple(s)) for n, s in req if n in by_name] for req in reqs]
        non_empty = [combo for combo in usable if combo]
        return non_empty[0] if non_empty else []

    def error_message(self, body: dict[str, Any], status: int) -> str:
        # _runtime/_rest.py: the first text among these keys, else the reason phrase.
        for key in ("message", "detail", "title", "error_description", "error"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
        return _REASONS.get(status, "")

    def error_response(self, shape: Shape, body: dict[str, Any], status: int = 0) -> ErrorResponse:
        info = shape.error
        status = status or (info.http_status if info else None) or 400
        code = ""
        for key in ("code", "error"):
            value = body.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
                code = str(value)
                break
        return ErrorResponse(status, {}, body, code or str(status))
