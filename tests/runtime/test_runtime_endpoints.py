"""The endpoint rules engine (``_runtime._endpoints``) against every official model's own tests.

Each model in ../shared/reference/smithy and ../shared/corpus/aws carries its rule set
(``smithy.rules#endpointRuleSet``) and test cases (``smithy.rules#endpointTests``): parameters
in, the expected URL, headers and properties (``authSchemes``) or the expected error out. Every
case of every model runs here; the counts per model are asserted so a model losing its cases
cannot pass silently.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from _runtime._endpoints import (
    EndpointResolutionError,
    EndpointRuleSet,
    ResolvedEndpoint,
    aws_partition,
    get_attr,
    parse_url,
    partitions_with,
)
from botocore.endpoint_provider import EndpointProvider
from botocore.exceptions import EndpointResolutionError as BotocoreEndpointError
from botocore.loaders import create_loader

from support import REFERENCE, shared_dir

MODELS = sorted(
    [*(REFERENCE / "smithy").glob("*.json"), *(shared_dir() / "corpus" / "aws").glob("*.json")]
)

# How many endpointTests cases each model has (all of them run).
EXPECTED_CASES = {
    "aws-kinesis-2013-12-02.json": 162,
    "aws-scheduler-2021-06-30.json": 25,
    "aws-sqs-2012-11-05.json": 52,
    "data-pipeline-2012-10-29.json": 25,
    "deadline-2023-10-12.json": 21,
}


@cache
def _service_traits(path: Path) -> dict[str, Any]:
    model = json.loads(path.read_text(encoding="utf-8"))
    (service,) = [s for s in model["shapes"].values() if s.get("type") == "service"]
    traits: dict[str, Any] = service["traits"]
    return traits


@cache
def _rule_set(path: Path) -> EndpointRuleSet:
    return EndpointRuleSet(_service_traits(path)["smithy.rules#endpointRuleSet"])


def _cases() -> list[Any]:
    out = []
    for path in MODELS:
        cases = _service_traits(path)["smithy.rules#endpointTests"]["testCases"]
        for i, case in enumerate(cases):
            out.append(pytest.param(path, case, id=f"{path.stem}-{i}"))
    return out


def test_every_model_has_its_cases() -> None:
    """291 cases: Kinesis 162, SQS 52, Scheduler 25, Data Pipeline 25, Deadline 21."""
    found = {
        p.name: len(_service_traits(p)["smithy.rules#endpointTests"]["testCases"]) for p in MODELS
    }
    assert found == EXPECTED_CASES


# Cases written against older partition data: the aws-iso and aws-iso-b partitions had no
# dual-stack when these models were published (botocore's partitions.json now says they do, and
# botocore resolves these cases as this evaluator does: checked below).
DRIFTED = {
    "aws-kinesis-2013-12-02.json": {41, 43, 45, 47, 62, 89, 118, 144},
    "aws-scheduler-2021-06-30.json": {12, 14, 16, 18},
    "aws-sqs-2012-11-05.json": {40, 42, 44, 46},
}
MODEL_ERA = partitions_with(
    {"aws-iso": {"supportsDualStack": False}, "aws-iso-b": {"supportsDualStack": False}}
)


def _outcome(rules: EndpointRuleSet, params: dict[str, Any]) -> ResolvedEndpoint | str:
    try:
        return rules.resolve(params)
    except EndpointResolutionError as error:
        return f"error: {error}"


def _check(outcome: ResolvedEndpoint | str, expect: dict[str, Any]) -> None:
    if "error" in expect:
        assert outcome == f"error: {expect['error']}"
        return
    assert isinstance(outcome, ResolvedEndpoint), outcome
    want = expect["endpoint"]
    assert outcome.url == want["url"]
    assert {k: list(v) for k, v in outcome.headers.items()} == want.get("headers", {})
    assert dict(outcome.properties) == want.get("properties", {})


@cache
def _botocore(path: Path) -> EndpointProvider:
    rule_set = _service_traits(path)["smithy.rules#endpointRuleSet"]
    return EndpointProvider(rule_set, create_loader().load_data("partitions"))


@pytest.mark.parametrize(("path", "case"), _cases())
def test_endpoint_case(path: Path, case: dict[str, Any]) -> None:
    params = dict(case.get("params", {}))
    index = _service_traits(path)["smithy.rules#endpointTests"]["testCases"].index(case)
    case_id = f"{path.name}#{index}"
    if index not in DRIFTED.get(path.name, set()):
        _check(_outcome(_rule_set(path), params), case["expect"])
        return
    # The model's expectation holds on the partitions of its day...
    era = EndpointRuleSet(
        _service_traits(path)["smithy.rules#endpointRuleSet"], partitions=MODEL_ERA
    )
    _check(_outcome(era, params), case["expect"])
    # ... and on today's, this evaluator answers as botocore does.
    ours = _outcome(_rule_set(path), params)
    assert isinstance(ours, ResolvedEndpoint), case_id
    try:
        theirs = _botocore(path).resolve_endpoint(**params)
    except BotocoreEndpointError as error:  # pragma: no cover - would be a difference
        pytest.fail(f"botocore: {error}")
    assert (ours.url, dict(ours.properties)) == (theirs.url, theirs.properties)


def test_partitions() -> None:
    assert aws_partition("cn-north-1")["dnsSuffix"] == "amazonaws.com.cn"  # type: ignore[index]
    assert aws_partition("us-gov-west-1")["name"] == "aws-us-gov"  # type: ignore[index]
    assert aws_partition("us-iso-east-1")["dnsSuffix"] == "c2s.ic.gov"  # type: ignore[index]
    assert aws_partition("aws-global")["name"] == "aws"  # type: ignore[index]
    # Unknown names fall back to the regex, then to aws.
    assert aws_partition("cn-nowhere-9")["name"] == "aws-cn"  # type: ignore[index]
    assert aws_partition("mars-1")["name"] == "aws"  # type: ignore[index]


def test_library_functions() -> None:
    record = {"a": {"b": ["x", "y"]}, "resourceId": ["stream", "s"]}
    assert get_attr(record, "a.b[1]") == "y"
    assert get_attr(record, "resourceId[0]") == "stream"
    assert get_attr(record, "resourceId[5]") is None
    assert get_attr(record, "missing.b") is None
    url = parse_url("https://example.com:8443/a/b")
    assert url == {
        "scheme": "https",
        "authority": "example.com:8443",
        "path": "/a/b",
        "normalizedPath": "/a/b/",
        "isIp": False,
    }
    assert parse_url("http://127.0.0.1:8000")["isIp"] is True  # type: ignore[index]
    assert parse_url("http://[::1]:8000/")["isIp"] is True  # type: ignore[index]
    assert parse_url("https://example.com/?q=1") is None
    assert parse_url("ftp://example.com") is None


def _tiny(rules: list[Any], **parameters: Any) -> EndpointRuleSet:
    return EndpointRuleSet({"version": "1.0", "parameters": parameters, "rules": rules})


def test_templates_assign_and_newer_functions() -> None:
    rules = _tiny(
        [
            {
                "type": "endpoint",
                "conditions": [
                    {"fn": "split", "argv": [{"ref": "Name"}, "--", 0], "assign": "parts"},
                    {"fn": "getAttr", "argv": [{"ref": "parts"}, "[1]"], "assign": "second"},
                    {
                        "fn": "coalesce",
                        "argv": [{"ref": "Missing"}, "{second}-x"],
                        "assign": "joined",
                    },
                    {
                        "fn": "ite",
                        "argv": [{"ref": "Flag"}, "yes", "no"],
                        "assign": "choice",
                    },
                    {"fn": "uriEncode", "argv": ["a b/c"], "assign": "encoded"},
                    {"fn": "substring", "argv": [{"ref": "Name"}, 0, 3, True], "assign": "tail"},
                ],
                "endpoint": {
                    "url": "https://{joined}.{choice}.{{literal}}/{encoded}/{tail}",
                    "headers": {"x-h": ["{second}"]},
                },
            }
        ],
        Name={"type": "String", "required": True},
        Missing={"type": "String"},
        Flag={"type": "Boolean", "default": True, "required": True},
    )
    endpoint = rules.resolve({"Name": "one--two--six"})
    assert endpoint.url == "https://two-x.yes.{literal}/a%20b%2Fc/six"
    assert endpoint.headers == {"x-h": ("two",)}


def test_errors() -> None:
    rules = _tiny(
        [
            {
                "type": "error",
                "conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}],
                "error": "no custom endpoints for {Region}",
            }
        ],
        Region={"type": "String", "required": True},
        Endpoint={"type": "String"},
    )
    with pytest.raises(EndpointResolutionError, match="no custom endpoints for eu-west-1"):
        rules.resolve({"Region": "eu-west-1", "Endpoint": "https://x"})
    with pytest.raises(EndpointResolutionError, match="Region is required"):
        rules.resolve({})
    with pytest.raises(EndpointResolutionError, match="must be a String"):
        rules.resolve({"Region": True})
    with pytest.raises(EndpointResolutionError, match="no endpoint rule matched"):
        rules.resolve({"Region": "eu-west-1"})
    # Both a configuration error and a ValueError.
    assert issubclass(EndpointResolutionError, ValueError)


def test_signing_from_auth_schemes() -> None:
    def with_schemes(*schemes: Any) -> EndpointRuleSet:
        return _tiny(
            [
                {
                    "type": "endpoint",
                    "conditions": [],
                    "endpoint": {"url": "https://x", "properties": {"authSchemes": list(schemes)}},
                }
            ]
        )

    endpoint = with_schemes(
        {"name": "sigv4a", "signingRegionSet": ["*"]},
        {"name": "sigv4", "signingName": "organizations", "signingRegion": "us-east-1"},
    ).resolve({})
    assert (endpoint.signing_name, endpoint.signing_region) == ("organizations", "us-east-1")
    with pytest.raises(EndpointResolutionError, match=r"\(sigv4a\); only SigV4"):
        with_schemes({"name": "sigv4a", "signingRegionSet": ["*"]}).resolve({})


def test_partitions_module_is_botocores() -> None:
    """``_aws_partitions`` is what ``python -m generator.aws_partitions`` makes of the installed
    botocore's partitions.json (rerun it after a botocore upgrade)."""
    from generator.aws_partitions import OUTPUT, default_source, render

    data = json.loads(default_source().read_text(encoding="utf-8"))
    assert OUTPUT.read_text(encoding="utf-8") == render(data, "botocore/data/partitions.json")


def test_fips_and_dualstack_settings_as_botocore_reads_them(tmp_path: Path) -> None:
    from _runtime._endpoints import resolve_endpoint_variants

    config = tmp_path / "config"
    config.write_text(
        "[default]\nuse_fips_endpoint = TRUE\n[profile dev]\nuse_dualstack_endpoint = true\n"
    )
    env = {"AWS_CONFIG_FILE": str(config), "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none")}
    assert resolve_endpoint_variants(None, None, env) == (True, False)
    assert resolve_endpoint_variants(None, None, {**env, "AWS_PROFILE": "dev"}) == (False, True)
    assert resolve_endpoint_variants(None, None, {**env, "AWS_USE_FIPS_ENDPOINT": "false"}) == (
        False,
        False,
    )
    assert resolve_endpoint_variants(None, None, {**env, "AWS_USE_DUALSTACK_ENDPOINT": "yes"}) == (
        True,
        False,  # only "true" is true
    )
    assert resolve_endpoint_variants(False, True, env) == (False, True)


def test_client_endpoints_cache_operation_routes() -> None:
    from _runtime._endpoints import ClientEndpoints, context_value

    kinesis = _rule_set(MODELS[[p.name for p in MODELS].index("aws-kinesis-2013-12-02.json")])
    endpoints = ClientEndpoints(
        kinesis,
        region="us-east-1",
        use_fips=False,
        use_dualstack=False,
        endpoint_url=None,
        signing_name="kinesis",
    )
    assert endpoints.default.url == "https://kinesis.us-east-1.amazonaws.com"
    assert (endpoints.default.signing_name, endpoints.default.signing_region) == (
        "kinesis",
        "us-east-1",
    )
    arn = "arn:aws:kinesis:us-east-1:123456789012:stream/s"
    bindings = (("OperationType", "data"), ("StreamARN", context_value(arn)))
    first = endpoints.for_operation(bindings)
    assert first.url == "https://123456789012.data-kinesis.us-east-1.amazonaws.com"
    assert endpoints.for_operation(bindings) is first  # cached
    # An argument left out (None) is unset: the client's endpoint.
    unset = endpoints.for_operation((("OperationType", "data"), ("StreamARN", None)))
    assert unset.url == endpoints.default.url
    with pytest.raises(EndpointResolutionError, match="Invalid ARN"):
        endpoints.for_operation((("StreamARN", "not-an-arn"),))
    with pytest.raises(TypeError, match="unknown endpoint parameter 'Nope'"):
        ClientEndpoints(
            kinesis,
            region="us-east-1",
            use_fips=False,
            use_dualstack=False,
            endpoint_url=None,
            signing_name="kinesis",
            params={"Nope": True},
        )


def test_context_values_over_wire_names() -> None:
    from enum import Enum

    from _runtime._endpoints import context_value

    class Kind(Enum):
        A = "a-value"

    class Item:
        def __init__(self, name: str) -> None:
            self.name = name

        def to_dict(self) -> dict[str, Any]:
            return {"Name": self.name}

    assert context_value(Kind.A) == "a-value"
    assert context_value(["x", "y"]) == ("x", "y")
    assert context_value([Item("a"), Item("b")], ("[*]", "Name")) == ("a", "b")
    assert context_value({"k1": 1, "k2": 2}, ("keys()",)) == ("k1", "k2")
    assert context_value(None, ("Name",)) is None
