"""The intermediate representation: one immutable model for Smithy-like and OpenAPI specs.

Front-ends build it, validation reads it, templates render it. It holds spec names as written;
turning them into Python names is the render stage's job (generator.render.names). Every node
carries the Location it came from so later stages can still point at the spec.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import NOWHERE, Location


class Kind(enum.Enum):
    STRUCTURE = "structure"
    UNION = "union"
    LIST = "list"
    MAP = "map"
    ENUM = "enum"  # string enum
    INT_ENUM = "intEnum"
    STRING = "string"
    BOOLEAN = "boolean"
    BYTE = "byte"
    SHORT = "short"
    INTEGER = "integer"
    LONG = "long"
    FLOAT = "float"
    DOUBLE = "double"
    BIG_INTEGER = "bigInteger"
    BIG_DECIMAL = "bigDecimal"
    TIMESTAMP = "timestamp"
    DURATION = "duration"  # ISO 8601 duration (OpenAPI format: duration)
    BLOB = "blob"
    DOCUMENT = "document"  # free-form JSON
    # OpenAPI formats with a Python type of their own.
    DATE = "date"  # calendar date (format: date)
    TIME = "time"  # time of day (format: time)
    UUID = "uuid"  # format: uuid
    # An untagged union (OpenAPI oneOf/anyOf, type lists): a value of exactly one of the member
    # shapes, told apart by `discriminator` when the shape has one, else by the value itself.
    ONE_OF = "oneOf"

    @property
    def is_aggregate(self) -> bool:
        return self in (Kind.STRUCTURE, Kind.UNION, Kind.LIST, Kind.MAP, Kind.ONE_OF)


# Number kinds, as the render stage groups them (Python int / Python float).
INTEGER_KINDS = frozenset({Kind.BYTE, Kind.SHORT, Kind.INTEGER, Kind.LONG, Kind.BIG_INTEGER})
FLOAT_KINDS = frozenset({Kind.FLOAT, Kind.DOUBLE, Kind.BIG_DECIMAL})
NUMBER_KINDS = INTEGER_KINDS | FLOAT_KINDS


class Binding(enum.Enum):
    """Where a member travels on the wire."""

    BODY = "body"  # a field of the JSON document body
    PAYLOAD = "payload"  # the member *is* the body
    LABEL = "label"  # path segment
    QUERY = "query"
    HEADER = "header"
    PREFIX_HEADERS = "prefixHeaders"  # a map sent as headers `{prefix}{key}: value`
    QUERY_PARAMS = "queryParams"  # a map sent as query parameters (httpQueryParams)
    RESPONSE_CODE = "responseCode"
    COOKIE = "cookie"  # a cookie of the Cookie header (OpenAPI `in: cookie`)


class Protocol(enum.Enum):
    REST_JSON1 = "aws.protocols#restJson1"
    AWS_JSON_1_1 = "aws.protocols#awsJson1_1"
    AWS_JSON_1_0 = "aws.protocols#awsJson1_0"
    AWS_QUERY = "aws.protocols#awsQuery"
    EC2_QUERY = "aws.protocols#ec2Query"
    REST_JSON = "http+json"  # plain REST with JSON bodies (OpenAPI; Azure Batch)


class AuthKind(enum.Enum):
    SIGV4 = "sigv4"
    SHARED_KEY = "sharedKey"  # Azure storage-style HMAC
    BEARER = "bearer"  # OAuth2 / any get_token(*scopes) credential
    API_KEY = "apiKey"
    NONE = "none"
    BASIC = "basic"  # HTTP basic (user name and password)


@dataclass(frozen=True)
class EnumValue:
    name: str  # symbol name as given by the spec (Smithy member name / x-ms-enum name)
    value: str | int | float | bool  # wire value (OpenAPI enums may mix scalar types)
    docs: str = ""
    loc: Location = NOWHERE


@dataclass(frozen=True)
class Constraints:
    min_length: int | None = None
    max_length: int | None = None
    min: float | None = None
    max: float | None = None
    pattern: str | None = None
    unique_items: bool = False


@dataclass(frozen=True)
class Member:
    name: str  # member name as in the spec (Smithy member / OpenAPI property or parameter)
    target: str  # shape id
    required: bool = False
    binding: Binding = Binding.BODY
    wire_name: str = ""  # JSON key, header name, query name or label name
    has_default: bool = False
    default: Any = None
    docs: str = ""
    idempotency_token: bool = False
    timestamp_format: str | None = None  # date-time | epoch-seconds | http-date
    constraints: Constraints = field(default_factory=Constraints)
    sensitive: bool = False
    deprecated: bool = False
    nullable: bool = False
    read_only: bool = False
    group: str = ""  # x-ms-parameter-grouping: the options group this parameter belongs to
    client_request_id: bool = False  # x-ms-client-request-id
    # x-ms-client-name of a parameter: kept for docs; the method argument stays named after the
    # wire name (`maxresults`), as the published clients of these APIs name it.
    client_name: str = ""
    write_only: bool = False  # sent, never received (OpenAPI writeOnly)
    # How a parameter is written (OpenAPI `style`/`explode`): "" and None are the location's
    # defaults (simple for path and header, form for query and cookie; explode for form only).
    # "json" means the parameter's `content` is application/json: the value as JSON text.
    style: str = ""
    explode: bool | None = None
    allow_reserved: bool = False  # query: reserved characters are sent unescaped
    host_label: bool = False  # Smithy hostLabel: the value also fills {name} in the host prefix
    client_optional: bool = False  # Smithy clientOptional: optional to clients whatever else
    # The XML/query traits (awsQuery, ec2Query): the member's element/key name (@xmlName), a
    # list or map written without its wrapper (@xmlFlattened), and ec2Query's own key name.
    xml_name: str = ""
    xml_flattened: bool = False
    ec2_query_name: str = ""
    loc: Location = NOWHERE  # the member's key (Smithy member name, OpenAPI property/parameter)
    target_loc: Location = NOWHERE  # the reference to the target (Smithy `target`, a `$ref`)


@dataclass(frozen=True)
class ErrorInfo:
    fault: str  # "client" | "server"
    http_status: int | None = None
    retryable: bool = False
    throttling: bool = False


@dataclass(frozen=True)
class Shape:
    id: str  # absolute shape id (Smithy) or a synthesized one (OpenAPI: "#/components/schemas/X")
    name: str  # short name used for classes: "GetTaskResponse", "TaskAddParameter"
    kind: Kind
    members: tuple[Member, ...] = ()  # structure/union members; list: ("member",); map: key, value
    enum_values: tuple[EnumValue, ...] = ()
    docs: str = ""
    constraints: Constraints = field(default_factory=Constraints)
    timestamp_format: str | None = None
    error: ErrorInfo | None = None
    sensitive: bool = False
    deprecated: bool = False
    is_input: bool = False
    is_output: bool = False
    synthetic: bool = False  # made by a front-end (OpenAPI operation input/output)
    # ONE_OF, and a STRUCTURE that is a polymorphic base: the property whose value names the
    # variant, and (value, shape id) pairs. A ONE_OF without one is told apart by the value.
    discriminator: str = ""
    discriminator_map: tuple[tuple[str, str], ...] = ()
    # A scalar shape whose only value is enum_values[0] (OpenAPI `const`).
    const: bool = False
    # STRUCTURE: the shape of the values of keys it does not declare (additionalProperties),
    # which the model keeps; None: undeclared keys are ignored.
    additional: str | None = None
    # STRUCTURE: the structure it extends (OpenAPI allOf with one named object part).
    base: str | None = None
    sparse: bool = False  # lists/maps that keep nulls (Smithy @sparse)
    media_type: str = ""  # strings and blobs: the media type of the value (Smithy mediaType)
    # An error's code in awsQuery responses, when it is not its name (aws.protocols#awsQueryError).
    query_error_code: str = ""
    loc: Location = NOWHERE

    def member(self, name: str) -> Member | None:
        for m in self.members:
            if m.name == name:
                return m
        return None

    @property
    def list_member(self) -> Member:
        return self.members[0]

    @property
    def map_key(self) -> Member:
        return self.members[0]

    @property
    def map_value(self) -> Member:
        return self.members[1]


@dataclass(frozen=True)
class Http:
    method: str
    uri: str  # path template with {label} placeholders, may include a literal query
    code: int = 200  # the success status
    success_codes: tuple[int, ...] = (200,)
    loc: Location = NOWHERE


@dataclass(frozen=True)
class Response:
    """One declared response of an operation (OpenAPI): its status, body and headers."""

    status: str  # "200", "2XX" or "default"
    body: str | None = None  # shape id of the body; None: no body
    media_type: str = ""  # the media type the body is read as ("" for none)
    headers: tuple[Member, ...] = ()
    docs: str = ""
    loc: Location = NOWHERE

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")


@dataclass(frozen=True)
class RequestBody:
    """One media type an operation's request body may be sent as (OpenAPI requestBody)."""

    media_type: str  # "application/json", "multipart/form-data", ...
    target: str  # shape id of the body
    loc: Location = NOWHERE


# Security requirements: alternatives, each a combination of (scheme name, scopes) that must all
# be applied; an empty combination means "no authentication" is acceptable.
SecurityRequirement = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Pagination:
    input_token: str | None = None
    output_token: str | None = None  # member name, or the wire name of the next link
    items: str | None = None
    page_size: str | None = None
    next_link: bool = False  # Azure style: follow the URL given in the output as-is


@dataclass(frozen=True)
class EndpointParameter:
    """A parameter of an endpoint rule set (Smithy `smithy.rules#endpointRuleSet`)."""

    name: str  # "Region", "UseFIPS", "StreamARN"
    type: str  # "String" | "Boolean" | "StringArray"
    built_in: str = ""  # "AWS::Region", "SDK::Endpoint", ... ("" for none)
    required: bool = False
    default: str | bool | tuple[str, ...] | None = None
    docs: str = ""
    loc: Location = NOWHERE


@dataclass(frozen=True)
class EndpointTestCase:
    """One case of `smithy.rules#endpointTests`: parameters in, an endpoint or an error out."""

    docs: str
    params: str  # JSON object: parameter name -> value
    expect: str  # JSON: {"endpoint": {"url", "headers", "properties"}} or {"error": message}
    loc: Location = NOWHERE


@dataclass(frozen=True)
class EndpointRules:
    """A service's endpoint rule set, checked by the front-end, and its test cases."""

    rule_set: str  # the trait's value as compact JSON, in the model's order
    parameters: tuple[EndpointParameter, ...]
    # smithy.rules#clientContextParams: (name, type) a client may set for every call.
    client_context: tuple[tuple[str, str], ...] = ()
    tests: tuple[EndpointTestCase, ...] = ()
    has_headers: bool = False  # some endpoint rule adds request headers
    loc: Location = NOWHERE


@dataclass(frozen=True)
class EndpointBindings:
    """Where an operation's endpoint parameters come from, beyond the client's."""

    static: tuple[tuple[str, str], ...] = ()  # staticContextParams: (parameter, JSON value)
    members: tuple[tuple[str, str], ...] = ()  # contextParam: (parameter, input member name)
    # operationContextParams: (parameter, JMESPath subset over the input: `A.B`, `A[*].B`,
    # `keys(A)`).
    paths: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.static or self.members or self.paths)


@dataclass(frozen=True)
class Operation:
    name: str  # spec name: "GetTask", "Task_Add"
    input: str | None  # shape id
    output: str | None  # shape id
    errors: tuple[str, ...] = ()  # shape ids of modeled errors
    http: Http | None = None
    docs: str = ""
    summary: str = ""
    idempotent: bool = False
    readonly: bool = False
    host_prefix: str = ""
    pagination: Pagination | None = None
    request_content_type: str = ""
    deprecated: bool = False
    # Smithy requestCompression: encodings the client may compress the request body with.
    request_compression: tuple[str, ...] = ()
    checksum_required: bool = False  # Smithy httpChecksumRequired: send Content-MD5
    # Smithy `@auth([])` (on the operation, else the service): sent unsigned and callable
    # without credentials, as botocore sends its `authtype: none` operations (SSO, STS, Cognito).
    unsigned: bool = False
    # Smithy `@optionalAuth`: the operation MAY be invoked without authentication. Signed when
    # credentials are found, else sent unsigned (the Smithy SDKs' no-auth option placed last).
    optional_auth: bool = False
    # "input" / "output": that side carries an event stream (a `@streaming` union), which the
    # generated clients do not support (validation warns; the docs say so).
    event_stream: str = ""
    loc: Location = NOWHERE
    # Where the input/output/error references stand, for precise events.
    ref_locs: tuple[tuple[str, Location], ...] = ()
    # OpenAPI: every declared response (success and error, `default` included), the media types
    # the request body may be sent as (the first is the default), and the operation's own
    # security requirements (None: the service's apply).
    responses: tuple[Response, ...] = ()
    request_bodies: tuple[RequestBody, ...] = ()
    security: tuple[SecurityRequirement, ...] | None = None
    # OpenAPI servers of this operation or its path item (they replace the service's).
    servers: tuple[Server, ...] = ()
    # Smithy rules: the endpoint parameters this operation sets (Kinesis StreamARN).
    endpoint: EndpointBindings = field(default_factory=EndpointBindings)

    def ref_loc(self, role: str) -> Location:
        for key, loc in self.ref_locs:
            if key == role:
                return loc
        return self.loc


@dataclass(frozen=True)
class Auth:
    kind: AuthKind
    name: str = ""  # SigV4 signing name, or the security scheme name
    scopes: tuple[str, ...] = ()
    header: str = ""  # apiKey: the header, query parameter or cookie name
    location: str = ""  # apiKey: "header" | "query" | "cookie"
    source: str = ""  # bearer: "http" | "oauth2" | "openIdConnect"
    docs: str = ""
    loc: Location = NOWHERE


@dataclass(frozen=True)
class ServerVariable:
    name: str
    default: str
    choices: tuple[str, ...] = ()  # the variable's enum
    docs: str = ""


@dataclass(frozen=True)
class Server:
    """A base URL of the service (OpenAPI `servers`), possibly with {variables}."""

    url: str
    variables: tuple[ServerVariable, ...] = ()
    docs: str = ""
    loc: Location = NOWHERE


@dataclass(frozen=True)
class Note:
    """Something the front-end saw but does not act on (an unknown trait or extension)."""

    message: str
    loc: Location = NOWHERE


@dataclass(frozen=True)
class Service:
    name: str  # "Deadline", "DataPipeline", "BatchServiceClient"
    version: str
    protocol: Protocol
    shapes: tuple[Shape, ...]  # sorted by id
    operations: tuple[Operation, ...]  # in spec order
    auth: tuple[Auth, ...] = ()
    title: str = ""
    docs: str = ""
    sdk_id: str = ""
    endpoint_prefix: str = ""  # AWS: "deadline"; host = {prefix}.{region}.amazonaws.com
    host_template: str = ""  # OpenAPI: "{batchUrl}" (x-ms-parameterized-host) or a server URL
    target_prefix: str = ""  # awsJson: X-Amz-Target = {target_prefix}.{operation}
    source_format: str = ""  # smithy | openapi | swagger
    notes: tuple[Note, ...] = ()
    loc: Location = NOWHERE
    # OpenAPI: the service-wide security requirements, base URLs, and the conventions profile
    # the document turns on ("azure": x-ms-* extensions or Entra ID security; "" none).
    security: tuple[SecurityRequirement, ...] = ()
    servers: tuple[Server, ...] = ()
    profile: str = ""
    # AWS: the endpoint rule set (None: `https://{endpoint_prefix}.{region}.{dns suffix}`).
    endpoint_rules: EndpointRules | None = None

    def shape(self, shape_id: str) -> Shape | None:
        return self._index().get(shape_id)

    @property
    def shapes_by_id(self) -> dict[str, Shape]:
        """Every shape by its id (a dict read directly is the fastest lookup, for the
        render's tens of thousands)."""
        return self._index()

    def _index(self) -> dict[str, Shape]:
        # Cached on the instance despite frozen=True: the index is derived data.
        idx: dict[str, Shape] | None = self.__dict__.get("_shape_index")
        if idx is None:
            idx = {s.id: s for s in self.shapes}
            object.__setattr__(self, "_shape_index", idx)
        return idx

    def operation(self, name: str) -> Operation | None:
        for op in self.operations:
            if op.name == name:
                return op
        return None
