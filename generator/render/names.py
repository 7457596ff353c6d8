"""The symbol provider: owns every Python name the generated code uses.

Templates never derive names themselves. Names are computed once per service so collisions
(two shapes whose names fold to the same class, a member called `from_dict`, an enum value
`None`) are resolved in one place, deterministically.
"""

from __future__ import annotations

import builtins
import keyword
import re
from dataclasses import dataclass

from generator.ir import Kind, Service, Shape
from generator.naming import (
    IDENTIFIER,
    enum_constant,
    member_base,
    pascal_case,
    safe_identifier,
    snake_case,
    transliterate,
)

# Names taken by the generated modules themselves (imports, helpers, runtime types).
_RESERVED_CLASSES = {
    "Any",
    "Mapping",
    "Iterator",
    "Enum",
    "ResponseMetadata",
    "Null",
    "NULL",
    "datetime",
    "timedelta",
    "field",
    "dataclass",
    "UnknownVariant",
    "Literal",
    "TypeAlias",
    "UUID",
    "File",
    "date",
    "time",
    # Runtime names every package __init__ exports.
    "AiohttpTransport",
    "AsyncioTransport",
    "AwsCredentials",
    "CredentialRetrievalError",
    "DeserializationError",
    "HttpRequest",
    "HttpResponse",
    "HttpxAsyncTransport",
    "HttpxTransport",
    "NoCredentialsError",
    "NoRegionError",
    "RefreshableCredentials",
    "ResponseDecodeError",
    "RetryPolicy",
    "SharedKeyCredential",
    "SocketTransport",
    "TransportError",
    "TransportTimeout",
    "Urllib3Transport",
    "ParamValidationError",
}
# A field named like a type the generated annotations use would shadow it inside the class
# body (`str: str | None` makes every later `str` annotation refer to the field).
_ANNOTATION_NAMES = {
    "str",
    "int",
    "float",
    "bool",
    "bytes",
    "list",
    "dict",
    "object",
    "type",
    "datetime",
    "timedelta",
    "date",
    "Any",
    "Mapping",
    "Sequence",
    "Iterator",
    "ClassVar",
    "Self",
    "Literal",
    "Null",
    "NULL",
}
_RESERVED_MEMBERS = {
    "to_dict",
    "from_dict",
    "to_wire",
    "to_json",
    "unknown_fields",
    "response_metadata",
    "self",
    "cls",
    # Ambiguous with 1 and I in many fonts; ruff refuses it (E741). DynamoDB's AttributeValue
    # has a member `L`.
    "l",
    # dataclasses.field, which a model's class body still calls after its fields (Scheduler's
    # PlacementStrategy has a member `field`).
    "field",
} | _ANNOTATION_NAMES
# More names the OpenAPI models' annotations and bodies use.
_RESERVED_MEMBERS |= {"additional_properties", "time", "UUID", "TypeAlias", "field", "dataclass"}
# Locals of the generated serializers and client methods: an operation's argument never takes
# one of these names.
_RESERVED_ARGUMENTS = {
    "json",  # the module the serializers encode bodies with (AutoRest's reserved-words.json)
    "url",
    "query",
    "headers",
    "cookies",
    "data",
    "parts",
    "endpoint",
    "request",
    "response",
    "result",
    "value",
    "fetch",
    "prepare",
}
# Shapes that get a name in the generated package: classes, and untagged unions (type aliases
# with their conversion functions).
_NAMED_KINDS = (Kind.STRUCTURE, Kind.UNION, Kind.ENUM, Kind.INT_ENUM, Kind.ONE_OF)
# Builtins (Exception, ValueError, ...) are not shadowed by model or error classes either.
_BUILTIN_NAMES = {n for n in dir(builtins) if not n.startswith("_")}
# Keyword options every client method takes besides the spec's arguments, in order. A spec
# argument keeps its name (the package contract names arguments after the spec); an option it
# would shadow gets the `request_` prefix, in every method of the package alike.
CALL_OPTIONS = ("timeout", "retry_policy", "headers", "deadline")
_RESERVED_ENUM = {"_missing_", "name", "value", "mro"}


@dataclass(frozen=True)
class ClientNames:
    package: str
    client: str
    async_client: str
    base_error: str
    title: str


class SymbolProvider:
    def __init__(
        self,
        service: Service,
        package: str,
        client_name: str | None = None,
        reserved: frozenset[str] = frozenset(),
        arguments: frozenset[str] = frozenset(),
    ) -> None:
        self.service = service
        self.package = package
        # Arguments the protocol adds to every serializer (Azure's api_version): a spec
        # parameter of that name (`api_version` in the query) takes another.
        self._arguments = arguments
        base = client_name or _client_base(service)
        if base.endswith("Client"):
            base = base[: -len("Client")]
        self.names = ClientNames(
            package=package,
            client=f"{base}Client",
            async_client=f"Async{base}Client",
            base_error=f"{base}Error",
            title=service.title or service.sdk_id or service.name,
        )
        self._class_names: dict[str, str] = {}
        taken = (
            set(_RESERVED_CLASSES)
            | _BUILTIN_NAMES
            | {
                self.names.client,
                self.names.async_client,
                self.names.base_error,
            }
            | reserved  # classes the protocol adds (Azure's errors by status)
        )
        data_targets = {m.target for s in service.shapes for m in s.members}
        # Every error shape of the service is an exception, listed by an operation or not: a
        # service answers with errors an operation does not list (as botocore knows them).
        error_ids = {e for op in service.operations for e in op.errors} | {
            s.id for s in service.shapes if s.error is not None and s.kind is Kind.STRUCTURE
        }
        # An error shape that is also plain data elsewhere (Azure's BatchError inside
        # TaskAddResult) needs two classes: the exception keeps the spec's name (the package
        # contract), the data model gets `Body` appended.
        # So does an error shape that data models extend (Azure's NotFoundErrorBase, the base
        # of AnimalNotFound): they extend its data model, not the exception.
        data_targets |= {s.base for s in service.shapes if s.base and s.id not in error_ids}
        self.data_errors = {e for e in error_ids if e in data_targets}
        # In declaration order (then by id, for shapes without a position), so the first shape
        # keeps its name and later ones get suffixes: stable across runs, and a shape added at
        # the end of a spec never renames the ones before it.
        for shape in sorted(service.shapes, key=_declaration_order):
            if shape.kind not in _NAMED_KINDS:
                continue
            name = _class_name(shape.name)
            if shape.id in error_ids and shape.id not in self.data_errors:
                name = _error_name(name)
            if shape.id in self.data_errors:
                taken.add(_error_name(name))  # the exception's
                name += "Body"
            candidate, n = name, 2
            while candidate in taken:
                candidate, n = f"{name}{n}", n + 1
            taken.add(candidate)
            self._class_names[shape.id] = candidate
        self._error_names: dict[str, str] = {}
        for shape_id in sorted(error_ids):
            error = service.shape(shape_id)
            if error is None or shape_id not in self._class_names:
                continue
            self._error_names[shape_id] = (
                _error_name(_class_name(error.name))
                if shape_id in self.data_errors
                else self._class_names[shape_id]
            )
        # Union variants are classes too: `TaskParameterValueInt`, `...Unknown`.
        self._variants: dict[str, list[str]] = {}
        for shape in sorted(service.shapes, key=_declaration_order):
            if shape.kind is not Kind.UNION:
                continue
            names = []
            base_name = self._class_names[shape.id]
            for suffix in [pascal_case(m.name) or "Member" for m in shape.members] + ["Unknown"]:
                candidate, n = base_name + suffix, 2
                while candidate in taken:
                    candidate, n = f"{base_name}{suffix}{n}", n + 1
                taken.add(candidate)
                names.append(candidate)
            self._variants[shape.id] = names

    def error_class_name(self, shape: Shape) -> str:
        """The exception class of an error shape: the spec's name."""
        return self._error_names[shape.id]

    def is_error(self, shape: Shape) -> bool:
        return shape.id in self._error_names

    def variant_names(self, shape: Shape) -> list[str]:
        """Class names of a union's variants, then of its unknown variant."""
        return self._variants[shape.id]

    def class_name(self, shape: Shape) -> str:
        return self._class_names[shape.id]

    def union_functions(self, shape: Shape) -> tuple[str, str, str]:
        """An untagged union's conversion functions: from JSON, to JSON, to plain data."""
        base = snake_case(self._class_names[shape.id]) or "union"
        return f"{base}_from_wire", f"{base}_to_wire", f"{base}_to_dict"

    def call_option_names(self, taken: set[str]) -> dict[str, str]:
        """Python names of the per-call options, none of them in `taken` (the names of every
        operation's arguments) nor equal to each other."""
        names: dict[str, str] = {}
        used = set(taken)
        for option in CALL_OPTIONS:
            candidate = option if option not in used else f"request_{option}"
            while candidate in used:
                candidate += "_"
            used.add(candidate)
            names[option] = candidate
        return names

    def method_name(self, op_name: str) -> str:
        return safe_identifier(snake_case(op_name), "op")

    def member_names(self, shape: Shape) -> list[str]:
        """Python attribute/argument names of a structure's members, collision-free."""
        # Asked for every model, field, sample and test of the shape: computed once per shape
        # (the shape is kept beside its names, so its id() cannot be reused meanwhile).
        memo: dict[int, tuple[Shape, list[str]]] = self.__dict__.setdefault("_member_memo", {})
        found = memo.get(id(shape))
        if found is None:
            found = memo[id(shape)] = (shape, self._member_names(shape))
        return list(found[1])

    def _member_names(self, shape: Shape) -> list[str]:
        out: list[str] = []
        taken: set[str] = set()
        reserved = _RESERVED_MEMBERS
        if shape.is_input and shape.synthetic:
            reserved = reserved | _RESERVED_ARGUMENTS | self._arguments
        for member in shape.members:
            # `日本語` -> `u65e5_u672c_u8a9e`, `$` -> `dollar_sign`; colliding names (`mixedCase`
            # and `mixed_case`) are told apart by suffixes in declaration order.
            base = member_base(member.name)
            name = safe_identifier(base, "m")
            if name in reserved:
                name += "_"
            candidate, n = name, 2
            while candidate in taken:
                candidate, n = f"{name}_{n}", n + 1
            taken.add(candidate)
            out.append(candidate)
        return out

    def enum_member_names(self, shape: Shape) -> list[str]:
        out: list[str] = []
        taken: set[str] = set()
        for ev in shape.enum_values:
            name = enum_constant(ev.name, ev.value)
            if name[0].isdigit():
                name = "V_" + name
            # `O`, `I` and `l` read as digits (ruff E741).
            ambiguous = name in ("O", "I", "L")
            if (
                keyword.iskeyword(name)
                or name in _RESERVED_ENUM
                or ambiguous
                or not IDENTIFIER.match(name)
            ):
                name = name + "_"
            candidate, n = name, 2
            while candidate in taken:
                candidate, n = f"{name}_{n}", n + 1
            taken.add(candidate)
            out.append(candidate)
        return out


def _client_base(service: Service) -> str:
    """An AWS service's clients are named after its sdkId, as boto3 names them (`SQS`,
    `DataPipeline`, `CloudWatchLogs`), not after the service shape (`AmazonSQS`,
    `Kinesis_20131202`); other services after their name."""
    if service.source_format == "smithy" and service.sdk_id:
        words = re.split(r"[^A-Za-z0-9]+", transliterate(service.sdk_id))
        base = "".join(w[:1].upper() + w[1:] for w in words if w)
        if base and IDENTIFIER.match(base) and not base[0].isdigit():
            return base
    return service.name


def _error_name(name: str) -> str:
    """The exception keeps the spec's name unless that would shadow a builtin or a name the
    package itself defines (`Exception` -> `ExceptionError`)."""
    return name + "Error" if name in _BUILTIN_NAMES or name in _RESERVED_CLASSES else name


def _declaration_order(shape: Shape) -> tuple[str, int, int, str]:
    loc = shape.loc
    return (loc.file, loc.line, loc.col, shape.id)


def _class_name(name: str) -> str:
    # Keep spec casing where it is already PascalCase (ValidationException, CloudTask);
    # only repair names that are not valid identifiers or start lowercase.
    if IDENTIFIER.match(name) and name[0].isupper() and "_" not in name:
        cls = name
    else:
        cls = pascal_case(name) or "Shape"
    if cls[0].isdigit():
        cls = "Model" + cls
    if keyword.iskeyword(cls):
        cls += "_"
    return cls
