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
