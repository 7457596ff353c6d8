"""Endpoints and signing scopes: generated clients against botocore's EndpointRulesetResolver.

For Deadline (the committed ``deadline_tasks``), SQS and Kinesis (generated from the official
models), every combination of a region from each partition (``cn-north-1``, ``us-gov-west-1``,
``us-iso-east-1``...) with FIPS and dual-stack: one call through each client, both answered by
stubs (never the network), must go to the same URL and carry the same SigV4 credential scope
(region and signing name), or both clients must refuse to resolve an endpoint. botocore is given
the very rule set the generated client was made from (its bundled models may be newer), with
its own partitions and its own resolution of the region, FIPS and dual-stack settings.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.exceptions
import pytest
from aws_services.packages import MODELS, import_package, render
from botocore.endpoint_provider import EndpointProvider

from differential.aws_support import (
    ACCESS_KEY,
    SECRET_KEY,
    BotocoreStub,
    Canned,
    StubTransport,
    _shared_loader,
    import_generated,
    isolate_aws,
)
from support import REFERENCE

REGIONS = [
    "us-east-1",
    "eu-west-1",
    "ap-southeast-2",
    "ca-central-1",
    "cn-north-1",
    "us-gov-west-1",
    "us-iso-east-1",
    "us-isob-east-1",
]
VARIANTS = [(False, False), (True, False), (False, True), (True, True)]
SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request")
STREAM_ARN = "arn:{partition}:kinesis:{region}:123456789012:stream/orders"
PARTITIONS = {"cn": "aws-cn", "us-gov": "aws-us-gov", "us-iso": "aws-iso", "us-isob": "aws-iso-b"}


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_aws(monkeypatch, tmp_path)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    root = tmp_path_factory.mktemp("endpoint-packages")
    out = {"deadline": import_generated("deadline_tasks")}
    for model in MODELS:
        if model.package in ("sqs_full", "kinesis_full"):
            path = render(model, root, formatted=False)
            out[model.package.removesuffix("_full")] = import_package(path, model.package)
    return out


@cache
def _rule_set(model: str) -> dict[str, Any]:
    path = {
        "deadline": REFERENCE / "smithy" / "deadline-2023-10-12.json",
        **{m.package.removesuffix("_full"): m.path for m in MODELS},
    }[model]
    shapes = json.loads(path.read_text(encoding="utf-8"))["shapes"]
    (service,) = [s for s in shapes.values() if s.get("type") == "service"]
    rule_set: dict[str, Any] = service["traits"]["smithy.rules#endpointRuleSet"]
    return rule_set


def _partition(region: str) -> str:
    prefix = region.rsplit("-", 2)[0]
    return PARTITIONS.get(prefix, "aws")


# service, botocore name, (our method, our arguments), (botocore operation, its arguments)
CALLS: list[tuple[str, str, tuple[str, dict[str, Any]], tuple[str, dict[str, Any]]]] = [
    (
        "deadline",
        "deadline",
        (
            "get_task",
            {
                "farm_id": "farm-1",
                "queue_id": "q-1",
                "job_id": "j-1",
                "step_id": "s-1",
                "task_id": "t-1",
            },
        ),
        (
            "get_task",
            {
                "farmId": "farm-1",
                "queueId": "q-1",
                "jobId": "j-1",
                "stepId": "s-1",
                "taskId": "t-1",
            },
        ),
    ),
    ("sqs", "sqs", ("list_queues", {}), ("list_queues", {})),
    ("kinesis", "kinesis", ("list_streams", {}), ("list_streams", {})),
    (
        "kinesis-arn",
        "kinesis",
        ("describe_stream_summary", {"stream_arn": STREAM_ARN}),
        ("describe_stream_summary", {"StreamARN": STREAM_ARN}),
    ),
]


def _ours(
    package: ModuleType, region: str, fips: bool, dualstack: bool, method: str, args: dict[str, Any]
) -> tuple[str, tuple[str, ...]] | str:
    client_class = next(
        getattr(package, name)
        for name in package.__all__
        if name.endswith("Client") and not name.startswith("Async")
    )
    transport = StubTransport(package, Canned.json(200, {}))
    client = client_class(
        region,
        credentials=package.AwsCredentials(ACCESS_KEY, SECRET_KEY),
        transport=transport,
        use_fips_endpoint=fips,
        use_dualstack_endpoint=dualstack,
        retry_policy=package.RetryPolicy.no_retries(),
    )
    try:
        getattr(client, method)(**args)
    except package.EndpointResolutionError as error:
        return f"error: {error}"
    except package.DeserializationError:
        pass  # the canned {} is not every output: the request was sent, which is what counts
    sent = transport.sent[0]
    return sent.url, _scope(sent.header("authorization"))


def _theirs(
    service: str,
    model: str,
    region: str,
    fips: bool,
    dualstack: bool,
    op: str,
    args: dict[str, Any],
) -> tuple[str, tuple[str, ...]] | str:
    stub = BotocoreStub(
        service, region=region, use_fips_endpoint=fips, use_dualstack_endpoint=dualstack
    )
    # The rule set the generated client was made from, with botocore's partitions.
    resolver = stub.client._ruleset_resolver
    resolver._provider = EndpointProvider(
        _rule_set(model), _shared_loader().load_data("partitions")
    )
    stub.script(Canned.json(200, {}))
    try:
        stub.call(op, **args)
    except botocore.exceptions.BotoCoreError as error:
        if not stub.sent:
            return f"error: {error}"
    except botocore.exceptions.ClientError:
        pass
    sent = stub.sent[0]
    return sent.url, _scope(sent.header("authorization"))


def _scope(authorization: str | None) -> tuple[str, ...]:
    match = SCOPE.search(authorization or "")
    assert match is not None, authorization
    return match.groups()


@pytest.mark.parametrize(
    ("fips", "dualstack"), VARIANTS, ids=["plain", "fips", "dualstack", "fips-dualstack"]
)
@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("call", CALLS, ids=[c[0] for c in CALLS])
def test_same_endpoint_and_scope_as_botocore(
    packages: dict[str, ModuleType], call: Any, region: str, fips: bool, dualstack: bool
) -> None:
    name, service, (method, args), (op, their_args) = call
    model = name.split("-")[0]
    if "stream_arn" in args:
        arn = STREAM_ARN.format(partition=_partition(region), region=region)
        args, their_args = {"stream_arn": arn}, {"StreamARN": arn}
    ours = _ours(packages[model], region, fips, dualstack, method, args)
    theirs = _theirs(service, model, region, fips, dualstack, op, their_args)
    if isinstance(theirs, str):
        # botocore words some errors its own way; both must refuse.
        assert isinstance(ours, str), (ours, theirs)
    else:
        assert ours == theirs


def test_the_matrix_is_not_trivial(packages: dict[str, ModuleType]) -> None:
    """The combinations above reach distinct hosts: FIPS, dual-stack, partitions, accounts."""
    kinesis = packages["kinesis"]
    arn = STREAM_ARN.format(partition="aws", region="us-east-1")
    routed = _ours(kinesis, "us-east-1", True, True, "describe_stream_summary", {"stream_arn": arn})
    assert not isinstance(routed, str), routed
    url, scope = routed
    assert url.startswith("https://123456789012.control-kinesis-fips.us-east-1.api.aws/")
    assert scope == ("us-east-1", "kinesis")
    china = _ours(packages["sqs"], "cn-north-1", False, False, "list_queues", {})
    assert not isinstance(china, str), china
    assert china[0].startswith("https://sqs.cn-north-1.amazonaws.com.cn/")
