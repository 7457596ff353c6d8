"""The interface every protocol module implements.

A protocol module owns everything that differs between wire protocols and the client
conventions that come with them: how members travel, timestamp defaults, how errors are told
apart, how clients are built and authenticated, and what the generated tests expect on the wire.
Views, test views and templates ask the protocol object; they never branch on which one it is.
A new protocol (restXml, awsQuery, rpcv2Cbor) is a new module here, a template of macros under
`templates/python/protocols/`, and a runtime module under `templates/python/_runtime/`.

The defaults below are plain HTTP bindings with JSON bodies (what restJson1 and OpenAPI share).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from generator.ir import Binding, Kind, Member, Operation, Service, Shape


@dataclass(frozen=True)
class ContextArg:
    """A value every serializer takes from the client, besides the endpoint (api-version)."""

    name: str
    annotation: str
    client_expr: str  # where the client keeps it, e.g. "self.api_version"


@dataclass
class ExpectedRequest:
    """What the wire must carry for a call, computed from the bindings (for generated tests)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    has_body: bool


@dataclass
class ErrorResponse:
    """A canned error response for a modeled error, and the code the client must report."""

    status: int
    headers: dict[str, str]
    body: dict[str, Any]
    code: str | None  # None: the body names no code, and the protocol reports none


class ProtocolGenerator:
    """Render-time knowledge of one protocol. Subclasses override what differs."""

    id: str = ""  # as the README names it: "restJson1", "awsJson1_1", ...
    # Jinja2 templates of macros (see templates/python/protocols/README.md for the interface):
    wire_template: str = "python/protocols/http_bindings.j2"  # serializers and error parsing
    client_template: str = ""  # constructor, auth, examples
    # The runtime module (templates/python/_runtime/<name>.py) with error_code()/parse_error().
    runtime_module: str = ""
    # Further runtime modules the protocol's clients need (signers, credential chains).
    runtime_extra: frozenset[str] = frozenset()
    # Timestamp formats by where the value travels (Smithy timestampFormat defaults).
    timestamp_defaults: ClassVar[Mapping[str, str]] = {
        "body": "epoch-seconds",
        "header": "http-date",
        "query": "date-time",
    }
    # Dense collections drop the nulls a service sends in them (Smithy), or keep them (msrest).
    drops_nulls: bool = True
    # NaN and the infinities travel as the strings "NaN", "Infinity", "-Infinity" (the Smithy
    # protocols) rather than as Python prints them.
    float_strings: bool = False
    # Every input member travels in the JSON body, whatever its binding (the AWS JSON RPCs).
    all_members_in_body: bool = False
    retry_policy: str = "aws"  # the RetryPolicy factory the clients default to
    # Body keys that are protocol bookkeeping, not data: models neither keep them among their
    # unknown fields nor send them back.
    control_keys: tuple[str, ...] = ()
    # Error classes by HTTP status that the platform's users catch: (class name, statuses, doc).
    # They subclass the operations' error, so catching it still catches them all.
    status_errors: tuple[tuple[str, tuple[int, ...], str], ...] = ()
    # Runtime names the package exports: (runtime module, names).
    runtime_exports: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Names the generated tests' stubs import from the package (credential classes).
    stub_imports: tuple[str, ...] = ()
    # Names the docs' examples import besides the client (credential classes).
    doc_imports: tuple[str, ...] = ()
    # Modeled errors are told apart by code; False: every error response is the (single)
    # modeled error of the operation, whatever its code (Azure's `default` response).
    errors_by_code: bool = True
    # Only the operation's declared success codes are success (else any 2xx is).
    strict_success_codes: bool = False
    # Query parameters every request carries: (wire name, expression over serializer args).
    fixed_query: tuple[tuple[str, str], ...] = ()
    # More arguments of the runtime's parse_error in raise_for (", odata_v4=True").
    parse_error_args: str = ""
    # Requests without a body other than GET/HEAD say `Content-Length: 0` (as requests does).
    frames_empty_bodies: bool = False
    # The body sent for a structure payload the caller leaves unset ("" sends none).
    unset_structure_payload: str = ""
    # Arguments are checked before sending as botocore checks them (required members, minimum
    # lengths and values, nested too), raising ParamValidationError (render/paramchecks.py).
    validates_params: bool = False
    # How query names are escaped: "quote_query" (all) or "quote_query_name" (keeps `$`).
    query_name_quoter: str = "quote_query"
    # Error responses are told apart by their status (OpenAPI), each raising the exception of
    # the body its operation declares for it.
    errors_by_status: bool = False
    # Read format: uuid values as plain str (as msrest does) instead of uuid.UUID.
    uuid_as_str: bool = False
    # An error response whose body names no code has `.code` None, as azure-core reports it
    # (else the HTTP status as text, as botocore reports it).
    missing_code_is_none: bool = False

    @classmethod
    def templates(cls) -> tuple[str, ...]:
        """The protocol's own templates: a package is rendered with those of its protocol only
        (the template child in generator/render/produce.py compiles no others)."""
        return tuple(t for t in (cls.wire_template, cls.client_template) if t)

    def __init__(self, service: Service) -> None:
        self.service = service

    # -- types -------------------------------------------------------------------------------

    def written_timestamp(self, fmt: str) -> str:
        """The format a timestamp is written in, given the format the model names."""
        return fmt

    def sample_timestamp(self, fmt: str) -> str:
        """The wire text of the sample time (2024-01-02T03:04:05Z) as this protocol writes it."""
        if self.written_timestamp(fmt) == "date-time-ms":
            return "2024-01-02T03:04:05.000Z"
        return "2024-01-02T03:04:05Z"

    # -- operations --------------------------------------------------------------------------

    def context_args(self) -> list[ContextArg]:
        return []

    def sent_default(self, member: Member, target: Shape) -> Any:
        """A value sent when the caller leaves the argument out (None: nothing is sent)."""
        return None

    def checks_range(self, member: Member, target: Shape) -> bool:
        """Whether the client refuses out-of-range values of this argument before sending."""
        return False

    def client_request_id(self, member: Member) -> bool:
        """Whether this argument is a request id the client generates once per call."""
        return False

    def target_header(self, op: Operation) -> str:
        return ""

    def request_content_type(self, op: Operation) -> str:
        return op.request_content_type or "application/json"

    def in_json_body(self, member: Member) -> bool:
        """Whether an input member is a key of the JSON body (else its binding places it)."""
        return member.binding is Binding.BODY

    def input_body_kind(self, bound: str) -> str:
        """What the request body is ("none", "members", "payload"), given what the input's
        bindings make of it."""
        return bound

    def unset_payload(self, target: Shape) -> Any:
        """The JSON an input payload of this shape sends when the caller leaves it unset
        (None: no body)."""
        if target.kind is Kind.STRUCTURE and self.unset_structure_payload:
            return json.loads(self.unset_structure_payload)
        return None

    def unset_payload_body(self, target: Shape) -> str:
        """The same as a bytes literal for the serializer ("": no body)."""
        if target.kind is Kind.STRUCTURE and self.unset_structure_payload:
            return repr(self.unset_structure_payload.encode("utf-8"))
        return ""

    def describes_exchange(self, op: Operation) -> bool:
        """Whether the operation's bodies and responses are described per media type and
        status (an OpenAPI exchange) rather than by the output's bindings."""
        return False

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
        """The request of a call whose bound values are given (labels already escaped)."""
        http = op.http
        assert http is not None  # validation: HTTP-binding protocols need the http trait
        path, _, constant = http.uri.partition("#")[0].partition("?")  # no fragment is sent
        for label, value in labels.items():
            path = path.replace("{" + label + "+}", value).replace("{" + label + "}", value)
        # A constant query part of the URI (`?find=LayerVersion`, `?list-type`) is always sent.
        for piece in constant.split("&") if constant else []:
            key, _, value = piece.partition("=")
            query.setdefault(key, value)
        if has_body and not any(k.lower() == "content-type" for k in headers):
            headers["Content-Type"] = self.request_content_type(op)
        return ExpectedRequest(http.method, path, query, headers, body, has_body)

    # How the generated tests compare request bodies ("json", "form"), and whether response
    # bodies are JSON (else `response_text` and `error_wire_body` write them).
    body_encoding: str = "json"
    json_bodies: bool = True
    body_format: str = "JSON"  # what response bodies are, as the docs name it

    def response_text(self, op: Operation, body: dict[str, Any]) -> str:
        """The response body of a call whose output's JSON form is `body`."""
        return json.dumps(body, sort_keys=True)

    def error_wire_body(self, shape: Shape, body: dict[str, Any], code: str | None) -> Any:
        """The body of a canned error response (JSON data, or text sent as is)."""
        return body

    def empty_output_body(self) -> str:
        """The body a stub returns for an operation without output members."""
        return "{}"

    def error_response(self, shape: Shape, body: dict[str, Any], status: int = 0) -> ErrorResponse:
        """The canned response of a modeled error (`status`: the one the operation declares
        for it, else the error's own)."""
        info = shape.error
        status = status or (info.http_status if info else None) or 400
        return ErrorResponse(status, {}, body, shape.name)

    def error_code(self, shape: Shape) -> str:
        """The code an error response names this modeled error by."""
        return shape.name

    def error_message(self, body: dict[str, Any], status: int) -> str:
        """The message the client reports for an error response with this body."""
        message = body.get("message", body.get("Message", ""))
        if isinstance(message, dict):
            message = message.get("value", "")
        return str(message)

    def unmodeled_error_class(self, errors: list[str]) -> str:
        """What an error response the model does not name raises ("" = the base class)."""
        return ""


def binding_location(member: Member) -> str:
    """Where a member's value travels, as the timestamp defaults name it."""
    if member.binding is Binding.HEADER:
        return "header"
    if member.binding in (Binding.QUERY, Binding.LABEL):
        return "query"
    return "body"


SCALAR_TEXT_KINDS = {
    Kind.STRING: str,
    Kind.BOOLEAN: bool,
    Kind.BYTE: int,
    Kind.SHORT: int,
    Kind.INTEGER: int,
    Kind.LONG: int,
}
