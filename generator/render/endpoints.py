"""What templates need of a service's endpoint rule set (`Service.endpoint_rules`).

The rule set itself goes into `<package>/_endpoint_rules.py` as JSON text (string literals of
at most a line each); operations whose arguments are endpoint parameters get the expression of
their (parameter, value) pairs; the model's `endpointTests` become the cases of the package's
`tests/test_<package>_endpoints.py`.

A model's test cases were written against the AWS partitions of the day it was published, and
partitions gain features (aws-iso got dual-stack after several models' cases said it had
none). Each case is therefore evaluated here with apismith's own rules engine (the built-in
runtime's `_endpoints`): a case that only holds with the features its region's partition had
then (`supportsDualStack` / `supportsFIPS` false) is rendered with those partition outputs, so
the generated test checks what the model says under the data the model assumed.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator.ir import EndpointRules, Operation, Service, Shape

# Literal chunks of the rule set: each `'...'` fits a line indented by 4 within 100 columns.
_CHUNK = 90
_BUILTIN_PARAMS = {
    "AWS::Region": "region",
    "AWS::UseFIPS": "use_fips_endpoint",
    "AWS::UseDualStack": "use_dualstack_endpoint",
    "SDK::Endpoint": "endpoint_url",
}


@dataclass
class EndpointCase:
    params: str  # a Python literal
    expect: str  # a Python literal
    partitions: str  # a Python literal: partition id -> outputs replaced ("None": as they are)
    case_id: str
    docs: str
    # The client is built from the built-ins alone: its arguments, and the URL it must resolve.
    client_args: list[tuple[str, str]] = field(default_factory=list)
    client_url: str = ""
    skip: str = ""  # why the case is skipped (apismith's engine disagrees with it)


@dataclass
class EndpointView:
    rule_set_chunks: list[str]
    client_context: list[tuple[str, str]]  # (parameter, Python annotation)
    has_headers: bool
    has_operation_params: bool
    cases: list[EndpointCase]
    parameters: list[tuple[str, str, str]]  # (name, type, built-in) for the README


def operation_bindings(op: Operation, inp: Shape | None, names: list[str]) -> str:
    """The `((parameter, value), ...)` expression of an operation's endpoint parameters over
    the method's arguments ("" when it sets none)."""
    b = op.endpoint
    if not b:
        return ""
    arg = {m.name: n for m, n in zip(inp.members, names, strict=True)} if inp else {}
    pairs: list[str] = []
    for name, value in b.static:
        pairs.append(f"({name!r}, {json.loads(value)!r})")
    for name, member in b.members:
        if member in arg:
            pairs.append(f"({name!r}, context_value({arg[member]}))")
    for name, path in b.paths:
        keys = path.startswith("keys(")
        inner = path[5:-1] if keys else path
        steps = [s for s in re.split(r"\.|(\[\*\])", inner) if s]
        first, rest = steps[0], steps[1:] + (["keys()"] if keys else [])
        if first in arg:
            pairs.append(f"({name!r}, context_value({arg[first]}, {tuple(rest)!r}))")
    if not pairs:
        return ""
    return "(" + ", ".join(pairs) + ",)"


def build_endpoint_view(service: Service) -> EndpointView | None:
    rules = service.endpoint_rules
    if rules is None:
        return None
    text = rules.rule_set
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        while len(repr(text[start:end])) > _CHUNK + 2 and end > start + 1:
            end -= 1
        chunks.append(repr(text[start:end]))
        start = end
    annotations = {"String": "str", "Boolean": "bool", "StringArray": "list[str]"}
    return EndpointView(
        rule_set_chunks=chunks,
        client_context=[(n, annotations[t]) for n, t in rules.client_context],
        has_headers=rules.has_headers,
        has_operation_params=any(op.endpoint for op in service.operations),
        cases=_cases(rules),
        parameters=[(p.name, p.type, p.built_in) for p in rules.parameters],
    )


def _cases(rules: EndpointRules) -> list[EndpointCase]:
    engine: Any = importlib.import_module("apismith_templates.python._runtime._endpoints")
    rule_set = json.loads(rules.rule_set)
    current = engine.EndpointRuleSet(rule_set)
    built_in = {p.name: p.built_in for p in rules.parameters}
    out: list[EndpointCase] = []
    for i, case in enumerate(rules.tests):
        params = json.loads(case.params)
        expect = json.loads(case.expect)
        overrides: dict[str, dict[str, bool]] | None = None
        skip = ""
        if not _matches(engine, current, params, expect):
            overrides = _era(engine, rule_set, params, expect)
            if overrides is None:
                skip = "apismith's rules engine disagrees with this case of the model"
        slug = re.sub(r"[^a-z0-9]+", "-", case.docs.lower()).strip("-")[:60].strip("-")
        view = EndpointCase(
            params=repr(params),
            expect=repr(expect),
            partitions=repr(overrides),
            case_id=f"{i}-{slug}" if slug else str(i),
            docs=case.docs,
            skip=skip,
        )
        # Cases set only by the client's settings also check a client built with them.
        url = expect.get("endpoint", {}).get("url")
        if (
            overrides is None
            and not skip
            and isinstance(url, str)
            and isinstance(params.get("Region"), str)
            and all(built_in.get(name) in _BUILTIN_PARAMS for name in params)
            and not expect["endpoint"].get("headers")
        ):
            args = {"use_fips_endpoint": "False", "use_dualstack_endpoint": "False"}
            args.update(
                (_BUILTIN_PARAMS[built_in[name]], repr(value)) for name, value in params.items()
            )
            view.client_args = sorted(args.items(), key=lambda a: a[0] != "region")
            view.client_url = repr(url.rstrip("/"))
        out.append(view)
    return out


def _outcome(engine: Any, rules: Any, params: dict[str, Any]) -> Any:
    try:
        endpoint = rules.resolve(params)
    except engine.EndpointResolutionError as error:
        return {"error": str(error)}
    result: dict[str, Any] = {"url": endpoint.url}
    if endpoint.headers:
        result["headers"] = {k: list(v) for k, v in endpoint.headers.items()}
    if endpoint.properties:
        result["properties"] = dict(endpoint.properties)
    return {"endpoint": result}


def _matches(engine: Any, rules: Any, params: dict[str, Any], expect: dict[str, Any]) -> bool:
    want = expect if "error" in expect else {"endpoint": {"url": "", **expect["endpoint"]}}
    if "endpoint" in want:
        want = {"endpoint": {k: v for k, v in want["endpoint"].items() if v}}
    return bool(_outcome(engine, rules, params) == want)


def _era(
    engine: Any, rule_set: Any, params: dict[str, Any], expect: dict[str, Any]
) -> dict[str, dict[str, bool]] | None:
    partition = engine.aws_partition(params.get("Region"))
    if partition is None:
        return None
    for features in (
        {"supportsDualStack": False},
        {"supportsFIPS": False},
        {"supportsDualStack": False, "supportsFIPS": False},
    ):
        overrides = {partition["name"]: features}
        era = engine.EndpointRuleSet(rule_set, partitions=engine.partitions_with(overrides))
        if _matches(engine, era, params, expect):
            return overrides
    return None
