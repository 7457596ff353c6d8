"""What the AWS protocols share: SigV4 clients built from a region, errors told apart by code."""

from __future__ import annotations

from generator.render.protocols.base import ProtocolGenerator


class AwsProtocol(ProtocolGenerator):
    client_template = "python/protocols/aws_client.j2"
    runtime_extra = frozenset(
        {
            "_aws_config.py",
            "_aws_errors.py",
            "_aws_http.py",
            "_aws_refresh.py",
            "_aws_retry.py",
            "_aws_sources.py",
            "_aws_sts.py",
            "_credentials.py",
            "_endpoints.py",
            "_aws_partitions.py",
            "_sigv4.py",
        }
    )
    retry_policy = "aws"
    float_strings = True
    validates_params = True
    control_keys = ("__type",)  # the shape id some services add to bodies
    stub_imports = ("AwsCredentials",)
    runtime_exports = (
        (
            "_credentials",
            (
                "AwsCredentials",
                "CredentialRetrievalError",
                "NoCredentialsError",
                "NoRegionError",
                "RefreshableCredentials",
            ),
        ),
        ("_endpoints", ("EndpointResolutionError",)),
        ("_params", ("ParamValidationError",)),
    )
