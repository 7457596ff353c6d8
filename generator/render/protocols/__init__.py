"""Protocol modules: one per wire protocol, behind the interface in `base`."""

from __future__ import annotations

from generator.ir import Protocol, Service
from generator.render.protocols.awsjson import AwsJson
from generator.render.protocols.awsquery import AwsQuery
from generator.render.protocols.azure import AzureRest
from generator.render.protocols.base import ProtocolGenerator
from generator.render.protocols.rest import OpenApiRest
from generator.render.protocols.restjson1 import RestJson1

__all__ = ["ProtocolGenerator", "protocol_for", "protocol_templates"]

_PROTOCOLS: tuple[type[ProtocolGenerator], ...] = (
    RestJson1,
    AwsJson,
    AwsQuery,
    AzureRest,
    OpenApiRest,
)


def protocol_for(service: Service) -> ProtocolGenerator:
    """The protocol module that renders `service` (validation has checked it is supported)."""
    if service.protocol is Protocol.REST_JSON1:
        return RestJson1(service)
    if service.protocol is Protocol.AWS_JSON_1_1:
        return AwsJson(service, "1.1")
    if service.protocol is Protocol.AWS_JSON_1_0:
        return AwsJson(service, "1.0")
    if service.protocol is Protocol.AWS_QUERY:
        return AwsQuery(service)
    if service.protocol is Protocol.EC2_QUERY:
        return AwsQuery(service, ec2=True)
    if service.profile == "azure":
        return AzureRest(service)  # the Azure conventions, which the document turned on
    return OpenApiRest(service)


def protocol_templates() -> frozenset[str]:
    """The templates that only some protocols render with (a package needs those of its own
    protocol only: `ProtocolGenerator.templates`)."""
    return frozenset(t for cls in _PROTOCOLS for t in cls.templates())
