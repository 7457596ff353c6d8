"""Query-protocol models for the differential tests: botocore's own models of STS and SNS
(awsQuery) and of EC2 (ec2Query, reduced to a few operations).

The official Smithy models of these services (aws/api-models-aws) are not in the project's
reference material; botocore ships the same services' models (converted from those Smithy
models by AWS), which `protocol_tests.botocore_model` maps back to a Smithy JSON AST (the
mapping is mechanical: locationName -> xmlName, flattened -> xmlFlattened, an error code that
is not the shape's name -> aws.protocols#awsQueryError, ...). Nothing touches the network.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import botocore.loaders
from aws_services.packages import Model
from protocol_tests.botocore_model import convert, protocol_of

SERVICES = {
    # botocore name: (package, client class, Smithy service name, sdkId, signing name)
    "sts": ("sts_query", "STSClient", "AWSSecurityTokenServiceV20110615", "STS", "sts"),
    "sns": ("sns_query", "SNSClient", "AmazonSimpleNotificationService", "SNS", "sns"),
    "ec2": ("ec2_query", "EC2Client", "AmazonEC2", "EC2", "ec2"),
}
# EC2 has hundreds of operations: these (and the shapes they reach) are enough here.
OPERATIONS = {"ec2": ("CreateTags", "DeleteTags", "DescribeTags")}


def botocore_model(service: str) -> dict[str, Any]:
    loaded: dict[str, Any] = botocore.loaders.create_loader().load_service_model(
        service, "service-2"
    )
    return loaded


def smithy_model(service: str) -> dict[str, Any]:
    """botocore's model of `service` as a Smithy JSON AST (every operation)."""
    data = botocore_model(service)
    _, _, name, sdk_id, signing = SERVICES[service]
    operations = [
        op
        for op in data["operations"].values()
        if op["name"] in OPERATIONS.get(service, [op["name"]])
    ]
    model = convert(
        data["metadata"], _reachable(data["shapes"], operations), operations, service_name=name
    )
    namespace = protocol_of(data["metadata"])[1]
    traits = model["shapes"][f"{namespace}#{name}"]["traits"]
    traits["aws.api#service"] = {"sdkId": sdk_id, "endpointPrefix": signing}
    traits["aws.auth#sigv4"] = {"name": signing}
    return model


def write_model(service: str, folder: Path) -> Model:
    package, client, *_ = SERVICES[service]
    model = smithy_model(service)
    path = folder / f"{service}.json"
    path.write_text(json.dumps(model, indent=1), encoding="utf-8")
    operations = sum(1 for s in model["shapes"].values() if s.get("type") == "operation")
    return Model(path, package, client, operations)


def _reachable(shapes: dict[str, Any], operations: list[dict[str, Any]]) -> dict[str, Any]:
    """The shapes the operations reach (their inputs, outputs and errors, transitively)."""
    stack = [
        ref["shape"]
        for op in operations
        for ref in (op.get("input"), op.get("output"), *op.get("errors", []))
        if ref
    ]
    seen: dict[str, Any] = {}
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        shape = seen[name] = shapes[name]
        refs = [*shape.get("members", {}).values()]
        refs += [shape[k] for k in ("member", "key", "value") if k in shape]
        stack += [ref["shape"] for ref in refs]
    return seen
