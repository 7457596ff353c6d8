"""Endpoint rule sets: the Smithy rules engine, as AWS SDKs (botocore) evaluate it.

An official AWS model carries its endpoint logic as a rule set (``smithy.rules#endpointRuleSet``):
parameters (``Region``, ``UseFIPS``, ``UseDualStack``, ``Endpoint``, service-specific ones such
as Kinesis ``StreamARN``), and rules tried in order. A rule has conditions (function calls, whose
results may be assigned to names) and is an endpoint (URL template, headers, properties such as
``authSchemes``), an error (a message template) or a tree of further rules. The standard library
(``booleanEquals``, ``stringEquals``, ``isSet``, ``not``, ``getAttr``, ``isValidHostLabel``,
``parseURL``, ``substring``, ``uriEncode``, ``split``, ``coalesce``, ``ite``) and the AWS
functions (``aws.partition``, ``aws.parseArn``, ``aws.isVirtualHostableS3Bucket``) are here; the
partitions are botocore's (``_aws_partitions``).

The rule set is compiled into closures once (:class:`EndpointRuleSet`); :meth:`resolve` maps
parameters to a :class:`ResolvedEndpoint` or raises :class:`EndpointResolutionError` with the
rule set's own message (``Invalid Configuration: FIPS and custom endpoint are not supported``).
"""

from __future__ import annotations

import enum
import ipaddress
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote, urlsplit

from ._aws_config import ConfigurationError, ensure_boolean, load_shared_config, profile_name
from ._aws_partitions import PARTITIONS

__all__ = [
    "ClientEndpoints",
    "EndpointResolutionError",
    "EndpointRuleSet",
    "ResolvedEndpoint",
    "aws_partition",
    "context_value",
    "partitions_with",
    "resolve_endpoint_variants",
]


class EndpointResolutionError(ConfigurationError, ValueError):
    """The endpoint rule set gave no endpoint for the client's settings and the call's
    arguments: its own error (FIPS with a custom endpoint, dual-stack where the partition has
    none, an invalid ARN), a missing required parameter, or an authentication scheme this client
    cannot sign with (SigV4a). Raised when the call is made, before anything is sent.
    """


@dataclass(frozen=True)
class ResolvedEndpoint:
    """What a rule set's endpoint rule gave: the URL (no trailing ``/``), headers to add to the
    request, the properties (``authSchemes``), and the SigV4 signing name and region they name
    (None: the service's defaults)."""

    url: str
    headers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    properties: Mapping[str, Any] = field(default_factory=dict)
    signing_name: str | None = None
    signing_region: str | None = None


_Scope = dict[str, Any]
_Expr = Callable[[_Scope], Any]

_TEMPLATE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_INDEX = re.compile(r"(\w*)\[(\d+)\]")
_HOST_LABEL = re.compile(r"(?!-)[a-zA-Z\d-]{1,63}(?<!-)")
_IPV4 = re.compile(r"\d+\.\d+\.\d+\.\d+")


# -- the standard library ----------------------------------------------------------------------


def get_attr(value: Any, path: str) -> Any:
    """``getAttr``: ``name``, ``a.b``, ``name[0]`` steps into records and lists; None when a
    step does not exist."""
    for part in path.split("."):
        match = _INDEX.fullmatch(part)
        if match is not None:
            name, index = match.group(1), int(match.group(2))
            if name:
                value = value.get(name) if isinstance(value, Mapping) else None
            if not isinstance(value, list | tuple) or index >= len(value):
                return None
            value = value[index]
        elif isinstance(value, Mapping):
            value = value.get(part)
        else:
            return None
        if value is None:
            return None
    return value


def _boolean_equals(a: Any, b: Any) -> bool:
    if not (isinstance(a, bool) and isinstance(b, bool)):
        raise EndpointResolutionError(f"booleanEquals needs two booleans, got {a!r} and {b!r}")
    return a is b


def _string_equals(a: Any, b: Any) -> bool:
    if not (isinstance(a, str) and isinstance(b, str)):
        raise EndpointResolutionError(f"stringEquals needs two strings, got {a!r} and {b!r}")
    return a == b


def _is_set(value: Any) -> bool:
    return value is not None


def _not(value: Any) -> bool:
    return not value


def is_valid_host_label(value: Any, allow_subdomains: Any) -> bool:
    """``isValidHostLabel``: an RFC 1123 label (or dot-separated labels when allowed)."""
    if not isinstance(value, str):
        return False
    if allow_subdomains is True:
        return all(_HOST_LABEL.fullmatch(label) for label in value.split("."))
    return _HOST_LABEL.fullmatch(value) is not None


def parse_url(value: Any) -> dict[str, Any] | None:
    """``parseURL``: scheme, authority, path, normalizedPath, isIp; None for anything but an
    http(s) URL without a query."""
    if not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - a malformed port raises here
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or parts.query or not parts.netloc:
        return None
    path = parts.path
    normalized = quote(path) if path else ""
    if not normalized.startswith("/"):
        normalized = "/" + normalized
    if not normalized.endswith("/"):
        normalized += "/"
    host = parts.hostname or ""
    try:
        ipaddress.ip_address(host)
        is_ip = True
    except ValueError:
        is_ip = False
    return {
        "scheme": parts.scheme,
        "authority": parts.netloc,
        "path": path,
        "normalizedPath": normalized,
        "isIp": is_ip,
    }


def _substring(value: Any, start: Any, stop: Any, reverse: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if start >= stop or len(value) < stop or not value.isascii():
        return None
    if reverse is True:
        return value[len(value) - stop : len(value) - start]
    return value[start:stop]


def _uri_encode(value: Any) -> str | None:
    if value is None:
        return None
    return quote(str(value).encode("utf-8"), safe="-._~")


def _split(value: Any, delimiter: Any, limit: Any) -> list[str] | None:
    if not isinstance(value, str) or not isinstance(delimiter, str) or not delimiter:
        return None
    if isinstance(limit, int) and limit > 0:
        return value.split(delimiter, limit - 1)
    return value.split(delimiter)


def _coalesce(*values: Any) -> Any:
    for value in values:
        if value is not None:
            return value
    return None


def _ite(condition: Any, then: Any, otherwise: Any) -> Any:
    return then if condition is True else otherwise


def aws_partition(
    region: Any, partitions: Sequence[Mapping[str, Any]] = PARTITIONS
) -> dict[str, Any] | None:
    """``aws.partition``: the partition whose regions list the region, else whose regionRegex
    matches it, else ``aws``; its outputs (``dnsSuffix``, ``supportsFIPS``...) and ``name``."""
    if not isinstance(region, str):
        return None
    chosen = None
    for partition in partitions:
        if region in partition["regions"]:
            chosen = partition
            break
    if chosen is None:
        for partition in partitions:
            if re.match(partition["regionRegex"], region):
                chosen = partition
                break
    if chosen is None:
        chosen = partitions[0]
    outputs = dict(chosen["outputs"])
    outputs.update(chosen["regions"].get(region) or {})
    outputs["name"] = chosen["id"]
    return outputs


def _aws_parse_arn(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, str) or not value.startswith("arn:"):
        return None
    parts = value.split(":", 5)
    if len(parts) < 6 or not (parts[1] and parts[2] and parts[5]):
        return None
    return {
        "partition": parts[1],
        "service": parts[2],
        "region": parts[3],
        "accountId": parts[4],
        "resourceId": parts[5].replace(":", "/").split("/"),
    }


def _aws_is_virtual_hostable_s3_bucket(value: Any, allow_subdomains: Any) -> bool:
    if not isinstance(value, str) or len(value) < 3 or value.lower() != value:
        return False
    if _IPV4.match(value):
        return False
    return is_valid_host_label(value, allow_subdomains)


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "booleanEquals": _boolean_equals,
    "stringEquals": _string_equals,
    "isSet": _is_set,
    "not": _not,
    "getAttr": get_attr,
    "isValidHostLabel": is_valid_host_label,
    "parseURL": parse_url,
    "substring": _substring,
    "uriEncode": _uri_encode,
    "split": _split,
    "coalesce": _coalesce,
    "ite": _ite,
    "aws.partition": aws_partition,
    "aws.parseArn": _aws_parse_arn,
    "aws.isVirtualHostableS3Bucket": _aws_is_virtual_hostable_s3_bucket,
}


# -- compiling a rule set ----------------------------------------------------------------------


def _constant(value: Any) -> _Expr:
    return lambda scope: value


def _reference(name: str) -> _Expr:
    return lambda scope: scope.get(name)


def _template(text: str) -> _Expr:
    """``"https://{Region}.{PartitionResult#dnsSuffix}"``: ``{{``/``}}`` are braces."""
    pieces: list[str | tuple[str, str]] = []
    position = 0
    for match in _TEMPLATE.finditer(text):
        literal = text[position : match.start()]
        if literal:
            pieces.append(literal)
        token = match.group(0)
        if token in ("{{", "}}"):
            pieces.append(token[0])
        else:
            name, _, path = match.group(1).partition("#")
            pieces.append((name, path))
        position = match.end()
    if position < len(text):
        pieces.append(text[position:])
    if all(isinstance(piece, str) for piece in pieces):
        return _constant("".join(p for p in pieces if isinstance(p, str)))
    frozen = tuple(pieces)

    def render(scope: _Scope) -> str:
        out: list[str] = []
        for piece in frozen:
            if isinstance(piece, str):
                out.append(piece)
                continue
            value = scope.get(piece[0])
            if piece[1]:
                value = get_attr(value, piece[1])
            out.append(str(value))
        return "".join(out)

    return render


def partitions_with(
    overrides: Mapping[str, Mapping[str, Any]],
) -> tuple[dict[str, Any], ...]:
    """:data:`PARTITIONS` with some outputs replaced (partition id -> outputs): a model's own
    endpoint tests were written against the partitions of their day (``aws-iso`` had no
    dual-stack), and run against those."""
    return tuple(
        {**p, "outputs": {**p["outputs"], **overrides.get(p["id"], {})}} for p in PARTITIONS
    )


_Functions = Mapping[str, Callable[..., Any]]


def _call(name: str, args: tuple[_Expr, ...], functions: _Functions) -> _Expr:
    function = functions.get(name)
    if function is None:
        raise EndpointResolutionError(f"the endpoint rule set calls unknown function {name!r}")
    return lambda scope: function(*(arg(scope) for arg in args))


def compile_expression(node: Any, functions: _Functions = FUNCTIONS) -> _Expr:
    """A literal, template string, ``{"ref": name}``, ``{"fn": name, "argv": [...]}``, or a
    list or record of those (endpoint properties)."""
    if isinstance(node, str):
        return _template(node) if "{" in node or "}" in node else _constant(node)
    if isinstance(node, dict):
        if "ref" in node:
            return _reference(str(node["ref"]))
        if "fn" in node:
            argv = tuple(compile_expression(a, functions) for a in node["argv"])
            return _call(str(node["fn"]), argv, functions)
        items = tuple((str(k), compile_expression(v, functions)) for k, v in node.items())
        return lambda scope: {k: v(scope) for k, v in items}
    if isinstance(node, list):
        elements = tuple(compile_expression(e, functions) for e in node)
        return lambda scope: [e(scope) for e in elements]
    return _constant(node)


_Rule = Callable[[_Scope], ResolvedEndpoint | None]


def _conditions(nodes: Sequence[Any], functions: _Functions) -> Callable[[_Scope], bool]:
    compiled = tuple(
        (
            compile_expression({"fn": c["fn"], "argv": c.get("argv", [])}, functions),
            c.get("assign"),
        )
        for c in nodes
    )

    def check(scope: _Scope) -> bool:
        for expression, assign in compiled:
            result = expression(scope)
            if result is None or result is False:
                return False
            if assign is not None:
                scope[assign] = result
        return True

    return check


def _endpoint(
    node: Mapping[str, Any], functions: _Functions
) -> Callable[[_Scope], ResolvedEndpoint]:
    url = compile_expression(node["url"], functions)
    properties = compile_expression(node.get("properties") or {}, functions)
    headers = tuple(
        (str(name), tuple(compile_expression(v, functions) for v in values))
        for name, values in (node.get("headers") or {}).items()
    )

    def build(scope: _Scope) -> ResolvedEndpoint:
        props: dict[str, Any] = properties(scope)
        name, region = _signing(props)
        return ResolvedEndpoint(
            url=str(url(scope)),
            headers={h: tuple(str(v(scope)) for v in values) for h, values in headers},
            properties=props,
            signing_name=name,
            signing_region=region,
        )

    return build


def _signing(properties: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The signing name and region of the first auth scheme this client signs with (SigV4);
    an endpoint that names only others (SigV4a) cannot be used."""
    schemes = properties.get("authSchemes")
    if not schemes:
        return None, None
    for scheme in schemes:
        if isinstance(scheme, Mapping) and scheme.get("name") == "sigv4":
            return scheme.get("signingName"), scheme.get("signingRegion")
    names = ", ".join(str(s.get("name")) for s in schemes if isinstance(s, Mapping))
    raise EndpointResolutionError(
        f"the endpoint requires authentication schemes this client does not support ({names}); "
        "only SigV4 is supported"
    )


def _rule(node: Mapping[str, Any], functions: _Functions) -> _Rule:
    check = _conditions(node.get("conditions") or (), functions)
    kind = node.get("type")
    if kind == "endpoint":
        build = _endpoint(node["endpoint"], functions)

        def endpoint_rule(scope: _Scope) -> ResolvedEndpoint | None:
            return build(scope) if check(scope) else None

        return endpoint_rule
    if kind == "error":
        message = compile_expression(node["error"], functions)

        def error_rule(scope: _Scope) -> ResolvedEndpoint | None:
            if check(scope):
                raise EndpointResolutionError(str(message(scope)))
            return None

        return error_rule
    if kind == "tree":
        rules = tuple(_rule(r, functions) for r in node["rules"])

        def tree_rule(scope: _Scope) -> ResolvedEndpoint | None:
            if check(scope):
                for rule in rules:
                    result = rule(dict(scope))
                    if result is not None:
                        return result
            return None

        return tree_rule
    raise EndpointResolutionError(f"unknown endpoint rule type {kind!r}")


_TYPES: dict[str, type] = {"string": str, "boolean": bool, "stringarray": list}


class EndpointRuleSet:
    """A compiled ``smithy.rules#endpointRuleSet``: :meth:`resolve` is the rules engine."""

    def __init__(
        self,
        rule_set: Mapping[str, Any],
        *,
        partitions: Sequence[Mapping[str, Any]] | None = None,
    ) -> None:
        functions: _Functions = FUNCTIONS
        if partitions is not None:
            table = tuple(partitions)
            functions = {**FUNCTIONS, "aws.partition": lambda r: aws_partition(r, table)}
        self.parameters: dict[str, Mapping[str, Any]] = dict(rule_set.get("parameters") or {})
        self._rules = tuple(_rule(r, functions) for r in rule_set.get("rules") or ())
        self._memo: dict[tuple[tuple[str, Any], ...], ResolvedEndpoint | str] = {}

    def resolve_memo(self, params: Mapping[str, Any]) -> ResolvedEndpoint:
        """:meth:`resolve`, remembered by the parameters (hashable values only) for the
        process: every client of a service with the same settings shares one evaluation."""
        try:
            key = tuple(sorted(params.items()))
            found = self._memo.get(key)
        except TypeError:
            return self.resolve(params)
        if found is None:
            try:
                found = self.resolve(params)
            except EndpointResolutionError as error:
                found = str(error)
            if len(self._memo) >= 256:
                self._memo.clear()
            self._memo[key] = found
        if isinstance(found, str):
            raise EndpointResolutionError(found)
        return found

    def resolve(self, params: Mapping[str, Any]) -> ResolvedEndpoint:
        """The endpoint for ``params`` (parameter name → value; None or absent: unset).

        :raises EndpointResolutionError: the rule set's error, a required parameter without a
            value, a value of the wrong type, or no rule matched.
        """
        scope: _Scope = {}
        for name, spec in self.parameters.items():
            value = params.get(name)
            if value is None:
                value = spec.get("default")
                if value is None and spec.get("required"):
                    raise EndpointResolutionError(
                        f"the endpoint parameter {name} is required and has no value"
                    )
            elif isinstance(value, tuple):
                value = list(value)
            expected = _TYPES.get(str(spec.get("type", "")).lower())
            if value is not None and expected is not None and not isinstance(value, expected):
                raise EndpointResolutionError(
                    f"the endpoint parameter {name} must be a {spec.get('type')}, got {value!r}"
                )
            scope[name] = value
        for rule in self._rules:
            result = rule(dict(scope))
            if result is not None:
                return result
        shown = ", ".join(f"{k}={v!r}" for k, v in scope.items() if v is not None)
        raise EndpointResolutionError(f"no endpoint rule matched the parameters {shown}")


# -- a client's endpoints ----------------------------------------------------------------------


def resolve_endpoint_variants(
    use_fips: bool | None,
    use_dualstack: bool | None,
    env: Mapping[str, str] | None = None,
    *,
    profile: str | None = None,
) -> tuple[bool, bool]:
    """Whether to use FIPS and dual-stack endpoints, as botocore decides: the argument, else
    ``AWS_USE_FIPS_ENDPOINT`` / ``AWS_USE_DUALSTACK_ENDPOINT``, else the profile's
    ``use_fips_endpoint`` / ``use_dualstack_endpoint``, else False (only ``true``, any case,
    is true). The config file is read at most once, and not at all when both are given."""
    environ = os.environ if env is None else env
    settings = (
        (use_fips, "AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint"),
        (use_dualstack, "AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint"),
    )
    profile_values: Mapping[str, str] | None = None
    out: list[bool] = []
    for explicit, variable, key in settings:
        if explicit is not None:
            out.append(explicit)
            continue
        value = environ.get(variable)
        if value is None:
            if profile_values is None:
                profiles = load_shared_config(environ).profiles
                profile_values = profiles.get(profile_name(environ, profile), {})
            value = profile_values.get(key)
        out.append(ensure_boolean(value))
    return out[0], out[1]


def context_value(value: Any, path: Sequence[str] = ()) -> Any:
    """An endpoint parameter's value from an operation argument: an enum as its value, a list
    as a tuple (hashable: resolutions are cached by their parameters), and, for
    ``operationContextParams`` paths, the steps after the argument (``[*]`` projects a list,
    ``keys()`` is a map's keys), over the wire names of ``to_dict()``."""
    if path:
        value = _walk(_plain(value), path)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return tuple(context_value(v) for v in value)
    return value


def _plain(value: Any) -> Any:
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _walk(value: Any, path: Sequence[str]) -> Any:
    for i, step in enumerate(path):
        if value is None:
            return None
        if step == "[*]":
            if not isinstance(value, list):
                return None
            rest = path[i + 1 :]
            items = [_walk(v, rest) for v in value]
            return [v for v in items if v is not None]
        if step == "keys()":
            return list(value) if isinstance(value, Mapping) else None
        value = value.get(step) if isinstance(value, Mapping) else None
    return value


# The built-ins a client sets: its settings (the rest keep their rule set defaults).
_GLOBAL_ENDPOINT_BUILT_INS = (
    "AWS::UseGlobalEndpoint",
    "AWS::STS::UseGlobalEndpoint",
    "AWS::S3::UseGlobalEndpoint",
)


class ClientEndpoints:
    """A client's endpoint: the rule set evaluated once with the client's parameters (its
    built-ins: region, FIPS, dual-stack, ``endpoint_url``; and the ``endpoint_params`` it was
    given), and per operation only for operations whose arguments are parameters (cached by
    those values). An error of the client-level resolution is kept and raised by each call.
    """

    def __init__(
        self,
        rules: EndpointRuleSet,
        *,
        region: str | None,
        use_fips: bool,
        use_dualstack: bool,
        endpoint_url: str | None,
        signing_name: str,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self._rules = rules
        self._region = region
        self._signing_name = signing_name
        built_ins: dict[str, Any] = {
            "AWS::Region": region,
            "AWS::UseFIPS": use_fips,
            "AWS::UseDualStack": use_dualstack,
            "SDK::Endpoint": endpoint_url,
            **{name: False for name in _GLOBAL_ENDPOINT_BUILT_INS},
        }
        values: dict[str, Any] = {}
        for name, spec in rules.parameters.items():
            built_in = spec.get("builtIn")
            if built_in in built_ins:
                values[name] = built_ins[built_in]
        for name, value in (params or {}).items():
            if name not in rules.parameters:
                known = ", ".join(sorted(rules.parameters))
                raise TypeError(f"unknown endpoint parameter {name!r}; the rule set has: {known}")
            values[name] = value
        self.params: dict[str, Any] = values
        self._cache: dict[tuple[tuple[str, Any], ...], ResolvedEndpoint] = {}
        self.error: EndpointResolutionError | None = None
        self.default = ResolvedEndpoint("")
        try:
            self.default = self._finish(rules.resolve_memo(values))
        except EndpointResolutionError as error:
            self.error = error

    def _finish(self, endpoint: ResolvedEndpoint) -> ResolvedEndpoint:
        return replace(
            endpoint,
            url=endpoint.url.rstrip("/"),
            signing_name=endpoint.signing_name or self._signing_name,
            signing_region=endpoint.signing_region or self._region,
        )

    def check(self) -> None:
        """Raise the client-level resolution's error, if it had one."""
        if self.error is not None:
            raise EndpointResolutionError(str(self.error))

    def for_operation(self, bindings: tuple[tuple[str, Any], ...]) -> ResolvedEndpoint:
        """The endpoint of a call whose arguments set ``bindings`` (parameter, value) pairs;
        None values are left unset."""
        try:
            cached = self._cache.get(bindings)
        except TypeError:  # an unhashable argument: resolved every time
            return self._resolve(bindings)
        if cached is None:
            cached = self._resolve(bindings)
            if len(self._cache) >= 512:
                self._cache.clear()
            self._cache[bindings] = cached
        return cached

    def _resolve(self, bindings: tuple[tuple[str, Any], ...]) -> ResolvedEndpoint:
        values = dict(self.params)
        values.update((name, value) for name, value in bindings if value is not None)
        return self._finish(self._rules.resolve_memo(values))
