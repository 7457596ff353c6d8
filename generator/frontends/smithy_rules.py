"""Smithy endpoint rules (`smithy.rules#...` traits) into the IR, checked where they stand.

The service's `endpointRuleSet` (parameters and rules), `clientContextParams` and
`endpointTests`; an operation's `staticContextParams` and `operationContextParams` and its input
members' `contextParam`. The rule set travels to the generated package as JSON and is evaluated
there (`_runtime/_endpoints.py`); what is checked here is what would make it fail there: the
shape of every rule, functions the runtime does not have, references to names no parameter or
earlier `assign` defines, parameter types and defaults, and bindings to parameters that do not
exist. Each problem is an `EndpointRules` ERROR at its node.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from generator.diagnostics import Diagnostics
from generator.ir import (
    EndpointBindings,
    EndpointParameter,
    EndpointRules,
    EndpointTestCase,
)
from generator.load import Document, Path

RULE_SET = "smithy.rules#endpointRuleSet"
TESTS = "smithy.rules#endpointTests"
CLIENT_CONTEXT = "smithy.rules#clientContextParams"
STATIC_CONTEXT = "smithy.rules#staticContextParams"
OPERATION_CONTEXT = "smithy.rules#operationContextParams"
CONTEXT_PARAM = "smithy.rules#contextParam"

# What `_runtime/_endpoints.py` implements (the standard library and the AWS functions).
FUNCTIONS = frozenset(
    {
        "booleanEquals",
        "stringEquals",
        "isSet",
        "not",
        "getAttr",
        "isValidHostLabel",
        "parseURL",
        "substring",
        "uriEncode",
        "split",
        "coalesce",
        "ite",
        "aws.partition",
        "aws.parseArn",
        "aws.isVirtualHostableS3Bucket",
    }
)
TYPES = ("String", "Boolean", "StringArray")
_TEMPLATE_REF = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
# The JMESPath subset of operationContextParams the client evaluates.
_PATH = re.compile(r"(keys\()?[A-Za-z_]\w*(\[\*\])?(\.[A-Za-z_]\w*(\[\*\])?)*(?(1)\))")

_HINT = "see smithy.io, 'Rules engine specification' (endpoint rule sets)"


class RulesReader:
    """Reads the rules traits of one model; events go to `diags`."""

    def __init__(self, doc: Document, diags: Diagnostics) -> None:
        self.doc = doc
        self.diags = diags

    def _error(self, path: Path, message: str, hint: str = _HINT) -> None:
        self.diags.error("EndpointRules", self.doc.loc(path), message, hint)

    # -- the service -------------------------------------------------------------------------

    def service(self, traits: dict[str, Any], path: Path) -> EndpointRules | None:
        raw = traits.get(RULE_SET)
        if raw is None:
            return None
        rpath = path + ("traits", RULE_SET)
        if not isinstance(raw, dict):
            self._error(rpath, "the endpoint rule set must be a mapping")
            return None
        before = len(self.diags.events)
        parameters = self._parameters(raw.get("parameters"), rpath + ("parameters",))
        rules = raw.get("rules")
        if not isinstance(rules, list) or not rules:
            self._error(
                rpath + (("rules",) if "rules" in raw else ()),
                "the endpoint rule set needs a non-empty list of 'rules'",
            )
        else:
            # Every declared name (a malformed one is reported once, not at each use).
            declared = raw.get("parameters")
            scope = set(declared) if isinstance(declared, dict) else set()
            for i, rule in enumerate(rules):
                self._rule(rule, rpath + ("rules", i), scope)
        client_context = self._client_context(traits.get(CLIENT_CONTEXT), path, parameters)
        tests = self._tests(traits.get(TESTS), path + ("traits", TESTS))
        if any(e.id == "EndpointRules" for e in self.diags.events[before:]):
            return None
        return EndpointRules(
            rule_set=json.dumps(raw, separators=(",", ":"), ensure_ascii=True),
            parameters=parameters,
            client_context=client_context,
            tests=tests,
            has_headers=_adds_headers(rules),
            loc=self.doc.loc(rpath, key=True),
        )

    def _parameters(self, raw: Any, path: Path) -> tuple[EndpointParameter, ...]:
        if not isinstance(raw, dict):
            self._error(path, "the endpoint rule set needs a 'parameters' mapping")
            return ()
        out: list[EndpointParameter] = []
        for name, spec in raw.items():
            ppath = path + (name,)
            if not isinstance(spec, dict):
                self._error(ppath, f"endpoint parameter {name} must be a mapping")
                continue
            kind = spec.get("type")
            canonical = next(
                (t for t in TYPES if isinstance(kind, str) and t.lower() == kind.lower()), None
            )
            if canonical is None:
                self._error(
                    ppath + ("type",),
                    f"endpoint parameter {name} has type {kind!r}",
                    "write one of: String, Boolean, StringArray",
                )
                continue
            default = spec.get("default")
            if default is not None and not _fits(default, canonical):
                self._error(
                    ppath + ("default",),
                    f"the default of endpoint parameter {name} is not a {canonical}: {default!r}",
                    f"write a {canonical} default or remove it",
                )
                continue
            built_in = spec.get("builtIn", "")
            if not isinstance(built_in, str):
                self._error(ppath + ("builtIn",), f"builtIn of {name} must be a string")
                continue
            docs = spec.get("documentation", "")
            out.append(
                EndpointParameter(
                    name=str(name),
                    type=canonical,
                    built_in=built_in,
                    required=spec.get("required") is True,
                    default=tuple(default) if isinstance(default, list) else default,
                    docs=docs if isinstance(docs, str) else "",
                    loc=self.doc.loc(ppath, key=True),
                )
            )
        return tuple(out)

    def _rule(self, rule: Any, path: Path, scope: set[str]) -> None:
        if not isinstance(rule, dict):
            self._error(path, "an endpoint rule must be a mapping")
            return
        kind = rule.get("type")
        scope = set(scope)
        conditions = rule.get("conditions", [])
        if not isinstance(conditions, list):
            self._error(path + ("conditions",), "the conditions of a rule must be a list")
            conditions = []
        for i, condition in enumerate(conditions):
            cpath = path + ("conditions", i)
            if not (isinstance(condition, dict) and "fn" in condition):
                self._error(cpath, "a condition must be a function call ({fn, argv})")
                continue
            self._expression(condition, cpath, scope)
            assign = condition.get("assign")
            if assign is not None:
                if not isinstance(assign, str) or assign in scope:
                    self._error(
                        cpath + ("assign",),
                        (
                            f"assign {assign!r} must be a new name (it is already defined)"
                            if isinstance(assign, str)
                            else "assign must be a string"
                        ),
                    )
                else:
                    scope.add(assign)
        if kind == "endpoint":
            endpoint = rule.get("endpoint")
            if not (isinstance(endpoint, dict) and "url" in endpoint):
                where = path + (("endpoint",) if "endpoint" in rule else ())
                self._error(where, "an endpoint rule needs an 'endpoint' with a 'url'")
                return
            self._expression(endpoint["url"], path + ("endpoint", "url"), scope)
            self._expression(
                endpoint.get("properties", {}), path + ("endpoint", "properties"), scope
            )
            headers = endpoint.get("headers", {})
            if not isinstance(headers, dict) or not all(
                isinstance(v, list) for v in headers.values()
            ):
                self._error(
                    path + ("endpoint", "headers"), "endpoint headers must map names to lists"
                )
            else:
                self._expression(headers, path + ("endpoint", "headers"), scope)
        elif kind == "error":
            if "error" not in rule:
                self._error(path, "an error rule needs an 'error' message")
                return
            self._expression(rule["error"], path + ("error",), scope)
        elif kind == "tree":
            rules = rule.get("rules")
            if not isinstance(rules, list):
                self._error(path, "a tree rule needs a list of 'rules'")
                return
            for i, sub in enumerate(rules):
                self._rule(sub, path + ("rules", i), scope)
        else:
            self._error(
                path + (("type",) if "type" in rule else ()),
                f"an endpoint rule has type {kind!r}",
                "write one of: endpoint, error, tree",
            )

    def _expression(self, node: Any, path: Path, scope: set[str]) -> None:
        if isinstance(node, str):
            for match in _TEMPLATE_REF.finditer(node):
                name = (match.group(1) or "").partition("#")[0]
                if match.group(0) not in ("{{", "}}") and name not in scope:
                    self._error(
                        path,
                        f"the template {node!r} refers to {name!r}, which no parameter or "
                        "earlier assign defines",
                        "define the name or write a literal brace as {{ or }}",
                    )
            return
        if isinstance(node, list):
            for i, item in enumerate(node):
                self._expression(item, path + (i,), scope)
            return
        if not isinstance(node, dict):
            return
        if "ref" in node:
            if node["ref"] not in scope:
                self._error(
                    path + ("ref",),
                    f"reference to {node['ref']!r}, which no parameter or earlier assign defines",
                    "define the name as a parameter or assign it in an earlier condition",
                )
            return
        if "fn" in node:
            fn = node["fn"]
            if fn not in FUNCTIONS:
                self._error(
                    path + ("fn",),
                    f"the endpoint rules call {fn!r}, which generated clients do not implement",
                    "supported: " + ", ".join(sorted(FUNCTIONS)),
                )
            argv = node.get("argv")
            if not isinstance(argv, list):
                self._error(path, f"the call of {fn!r} needs an 'argv' list")
                return
            for i, arg in enumerate(argv):
                self._expression(arg, path + ("argv", i), scope)
            return
        for key, value in node.items():
            self._expression(value, path + (key,), scope)

    def _client_context(
        self, raw: Any, path: Path, parameters: tuple[EndpointParameter, ...]
    ) -> tuple[tuple[str, str], ...]:
        if raw is None:
            return ()
        cpath = path + ("traits", CLIENT_CONTEXT)
        if not isinstance(raw, dict):
            self._error(cpath, "clientContextParams must be a mapping")
            return ()
        known = {p.name: p.type for p in parameters}
        out = []
        for name, spec in raw.items():
            kind = spec.get("type") if isinstance(spec, dict) else None
            if name not in known:
                self._error(
                    cpath + (name,),
                    f"client context parameter {name} is not a parameter of the rule set",
                    "add it to the rule set's parameters or remove it",
                )
            elif not isinstance(kind, str) or kind.lower() != known[name].lower():
                self._error(
                    cpath + (name,), f"client context parameter {name} must have type {known[name]}"
                )
            else:
                out.append((str(name), known[name]))
        return tuple(out)

    def _tests(self, raw: Any, path: Path) -> tuple[EndpointTestCase, ...]:
        if raw is None:
            return ()
        cases = raw.get("testCases") if isinstance(raw, dict) else None
        if not isinstance(cases, list):
            self._error(path, "endpointTests needs a 'testCases' list")
            return ()
        out = []
        for i, case in enumerate(cases):
            tpath = path + ("testCases", i)
            expect = case.get("expect") if isinstance(case, dict) else None
            params = case.get("params", {}) if isinstance(case, dict) else None
            if not isinstance(params, dict) or not (
                isinstance(expect, dict)
                and (
                    isinstance(expect.get("error"), str) or isinstance(expect.get("endpoint"), dict)
                )
            ):
                self._error(
                    tpath,
                    "an endpoint test case needs 'params' and an 'expect' with an 'endpoint' "
                    "or an 'error'",
                )
                continue
            docs = case.get("documentation", "")
            out.append(
                EndpointTestCase(
                    docs=docs if isinstance(docs, str) else "",
                    params=json.dumps(params, sort_keys=True),
                    expect=json.dumps(expect, sort_keys=True),
                    loc=self.doc.loc(tpath),
                )
            )
        return tuple(out)

    # -- operations --------------------------------------------------------------------------

    def operation(
        self,
        traits: dict[str, Any],
        path: Path,
        input_node: Any,
        input_path: Path,
        rules: EndpointRules | None,
    ) -> EndpointBindings:
        known = {p.name: p.type for p in rules.parameters} if rules is not None else None

        def check(name: str, where: Path) -> bool:
            if known is None:
                return False  # no rule set: nothing to bind to (the traits have no effect)
            if name not in known:
                self._error(
                    where,
                    f"endpoint parameter {name} is not a parameter of the service's rule set",
                    "add it to the rule set's parameters or remove the binding",
                )
                return False
            return True

        static: list[tuple[str, str]] = []
        raw = traits.get(STATIC_CONTEXT)
        spath = path + ("traits", STATIC_CONTEXT)
        if raw is not None:
            for name, spec in (raw.items() if isinstance(raw, dict) else ()):
                value = spec.get("value") if isinstance(spec, dict) else None
                if not check(name, spath + (name,)) or known is None:
                    continue
                if not _fits(value, known[name]):
                    self._error(
                        spath + (name,),
                        f"static context parameter {name} needs a {known[name]} 'value', "
                        f"got {value!r}",
                    )
                    continue
                static.append((str(name), json.dumps(value)))
        paths: list[tuple[str, str]] = []
        raw = traits.get(OPERATION_CONTEXT)
        opath = path + ("traits", OPERATION_CONTEXT)
        if raw is not None:
            for name, spec in (raw.items() if isinstance(raw, dict) else ()):
                expr = spec.get("path") if isinstance(spec, dict) else None
                if not check(name, opath + (name,)):
                    continue
                if not isinstance(expr, str) or not _PATH.fullmatch(expr):
                    self._error(
                        opath + (name,),
                        f"operation context parameter {name} has path {expr!r}, which generated "
                        "clients do not evaluate",
                        "supported paths: `Member`, `A.B`, `List[*].Member`, `keys(Map)`",
                    )
                    continue
                paths.append((str(name), expr))
        members: list[tuple[str, str]] = []
        raw_members = input_node.get("members") if isinstance(input_node, dict) else None
        for member, mnode in (raw_members.items() if isinstance(raw_members, dict) else ()):
            mtraits = mnode.get("traits") if isinstance(mnode, dict) else None
            spec = mtraits.get(CONTEXT_PARAM) if isinstance(mtraits, dict) else None
            if spec is None:
                continue
            where = input_path + ("members", member, "traits", CONTEXT_PARAM)
            name = spec.get("name") if isinstance(spec, dict) else None
            if not isinstance(name, str):
                self._error(where, "contextParam needs a 'name' (the endpoint parameter)")
                continue
            if check(name, where):
                members.append((name, str(member)))
        return EndpointBindings(static=tuple(static), members=tuple(members), paths=tuple(paths))


def _adds_headers(node: Any) -> bool:
    """Whether some endpoint rule under `node` adds request headers."""
    if isinstance(node, list):
        return any(_adds_headers(n) for n in node)
    if not isinstance(node, dict):
        return False
    endpoint = node.get("endpoint")
    if isinstance(endpoint, dict) and endpoint.get("headers"):
        return True
    return _adds_headers(node.get("rules"))


def _fits(value: Any, kind: str) -> bool:
    checks: dict[str, Callable[[Any], bool]] = {
        "String": lambda v: isinstance(v, str),
        "Boolean": lambda v: isinstance(v, bool),
        "StringArray": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    }
    return checks[kind](value)
