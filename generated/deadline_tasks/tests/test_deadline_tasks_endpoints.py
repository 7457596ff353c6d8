"""The endpoint rule set of DeadlineClient against the model's own cases
(smithy.rules#endpointTests).

Each case: endpoint parameters in, the URL, headers and properties (``authSchemes``) or the
error message out. A case written against the AWS partitions of its day (before a partition
gained dual-stack, say) runs with those partition features (``partitions``). Cases set by the
client's settings alone also check a client created with them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from deadline_tasks import DeadlineClient
from deadline_tasks._endpoint_rules import RULE_SET, rules
from deadline_tasks._runtime._credentials import AwsCredentials
from deadline_tasks._runtime._endpoints import (
    EndpointResolutionError,
    EndpointRuleSet,
    partitions_with,
)

CASES: list[Any] = [
    pytest.param(
        {"Region": "us-east-1", "UseDualStack": True, "UseFIPS": True},
        {"endpoint": {"url": "https://deadline-fips.us-east-1.api.aws"}},
        None,
        id="0-for-region-us-east-1-with-fips-enabled-and-dualstack-enabled",
    ),
    pytest.param(
        {"Region": "us-east-1", "UseDualStack": False, "UseFIPS": True},
        {"endpoint": {"url": "https://deadline-fips.us-east-1.amazonaws.com"}},
        None,
        id="1-for-region-us-east-1-with-fips-enabled-and-dualstack-disable",
    ),
    pytest.param(
        {"Region": "us-east-1", "UseDualStack": True, "UseFIPS": False},
        {"endpoint": {"url": "https://deadline.us-east-1.api.aws"}},
        None,
        id="2-for-region-us-east-1-with-fips-disabled-and-dualstack-enable",
    ),
    pytest.param(
        {"Region": "us-east-1", "UseDualStack": False, "UseFIPS": False},
        {"endpoint": {"url": "https://deadline.us-east-1.amazonaws.com"}},
        None,
        id="3-for-region-us-east-1-with-fips-disabled-and-dualstack-disabl",
    ),
    pytest.param(
        {"Region": "cn-north-1", "UseDualStack": True, "UseFIPS": True},
        {"endpoint": {"url": "https://deadline-fips.cn-north-1.api.amazonwebservices.com.cn"}},
        None,
        id="4-for-region-cn-north-1-with-fips-enabled-and-dualstack-enable",
    ),
    pytest.param(
        {"Region": "cn-north-1", "UseDualStack": False, "UseFIPS": True},
        {"endpoint": {"url": "https://deadline-fips.cn-north-1.amazonaws.com.cn"}},
        None,
        id="5-for-region-cn-north-1-with-fips-enabled-and-dualstack-disabl",
    ),
    pytest.param(
        {"Region": "cn-north-1", "UseDualStack": True, "UseFIPS": False},
        {"endpoint": {"url": "https://deadline.cn-north-1.api.amazonwebservices.com.cn"}},
        None,
        id="6-for-region-cn-north-1-with-fips-disabled-and-dualstack-enabl",
    ),
    pytest.param(
        {"Region": "cn-north-1", "UseDualStack": False, "UseFIPS": False},
        {"endpoint": {"url": "https://deadline.cn-north-1.amazonaws.com.cn"}},
        None,
        id="7-for-region-cn-north-1-with-fips-disabled-and-dualstack-disab",
    ),
    pytest.param(
        {"Region": "us-gov-east-1", "UseDualStack": True, "UseFIPS": True},
        {"endpoint": {"url": "https://deadline-fips.us-gov-east-1.api.aws"}},
        None,
        id="8-for-region-us-gov-east-1-with-fips-enabled-and-dualstack-ena",
    ),
    pytest.param(
        {"Region": "us-gov-east-1", "UseDualStack": False, "UseFIPS": True},
        {"endpoint": {"url": "https://deadline-fips.us-gov-east-1.amazonaws.com"}},
        None,
        id="9-for-region-us-gov-east-1-with-fips-enabled-and-dualstack-dis",
    ),
    pytest.param(
        {"Region": "us-gov-east-1", "UseDualStack": True, "UseFIPS": False},
        {"endpoint": {"url": "https://deadline.us-gov-east-1.api.aws"}},
        None,
        id="10-for-region-us-gov-east-1-with-fips-disabled-and-dualstack-en",
    ),
    pytest.param(
        {"Region": "us-gov-east-1", "UseDualStack": False, "UseFIPS": False},
        {"endpoint": {"url": "https://deadline.us-gov-east-1.amazonaws.com"}},
        None,
        id="11-for-region-us-gov-east-1-with-fips-disabled-and-dualstack-di",
    ),
    pytest.param(
        {"Region": "us-iso-east-1", "UseDualStack": False, "UseFIPS": True},
        {"endpoint": {"url": "https://deadline-fips.us-iso-east-1.c2s.ic.gov"}},
        None,
        id="12-for-region-us-iso-east-1-with-fips-enabled-and-dualstack-dis",
    ),
    pytest.param(
        {"Region": "us-iso-east-1", "UseDualStack": False, "UseFIPS": False},
        {"endpoint": {"url": "https://deadline.us-iso-east-1.c2s.ic.gov"}},
        None,
        id="13-for-region-us-iso-east-1-with-fips-disabled-and-dualstack-di",
    ),
    pytest.param(
        {"Region": "us-isob-east-1", "UseDualStack": False, "UseFIPS": True},
        {"endpoint": {"url": "https://deadline-fips.us-isob-east-1.sc2s.sgov.gov"}},
        None,
        id="14-for-region-us-isob-east-1-with-fips-enabled-and-dualstack-di",
    ),
    pytest.param(
        {"Region": "us-isob-east-1", "UseDualStack": False, "UseFIPS": False},
        {"endpoint": {"url": "https://deadline.us-isob-east-1.sc2s.sgov.gov"}},
        None,
        id="15-for-region-us-isob-east-1-with-fips-disabled-and-dualstack-d",
    ),
    pytest.param(
        {
            "Endpoint": "https://example.com",
            "Region": "us-east-1",
            "UseDualStack": False,
            "UseFIPS": False,
        },
        {"endpoint": {"url": "https://example.com"}},
        None,
        id="16-for-custom-endpoint-with-region-set-and-fips-disabled-and-du",
    ),
    pytest.param(
        {"Endpoint": "https://example.com", "UseDualStack": False, "UseFIPS": False},
        {"endpoint": {"url": "https://example.com"}},
        None,
        id="17-for-custom-endpoint-with-region-not-set-and-fips-disabled-an",
    ),
    pytest.param(
        {
            "Endpoint": "https://example.com",
            "Region": "us-east-1",
            "UseDualStack": False,
            "UseFIPS": True,
        },
        {"error": "Invalid Configuration: FIPS and custom endpoint are not supported"},
        None,
        id="18-for-custom-endpoint-with-fips-enabled-and-dualstack-disabled",
    ),
    pytest.param(
        {
            "Endpoint": "https://example.com",
            "Region": "us-east-1",
            "UseDualStack": True,
            "UseFIPS": False,
        },
        {"error": "Invalid Configuration: Dualstack and custom endpoint are not supported"},
        None,
        id="19-for-custom-endpoint-with-fips-disabled-and-dualstack-enabled",
    ),
    pytest.param(
        {},
        {"error": "Invalid Configuration: Missing Region"},
        None,
        id="20-missing-region",
    ),
]


CLIENT_CASES: list[Any] = [
    pytest.param(
        {
            "region": "us-east-1",
            "use_fips_endpoint": True,
            "use_dualstack_endpoint": True,
        },
        "https://deadline-fips.us-east-1.api.aws",
        id="0-for-region-us-east-1-with-fips-enabled-and-dualstack-enabled",
    ),
    pytest.param(
        {
            "region": "us-east-1",
            "use_fips_endpoint": True,
            "use_dualstack_endpoint": False,
        },
        "https://deadline-fips.us-east-1.amazonaws.com",
        id="1-for-region-us-east-1-with-fips-enabled-and-dualstack-disable",
    ),
    pytest.param(
        {
            "region": "us-east-1",
            "use_fips_endpoint": False,
            "use_dualstack_endpoint": True,
        },
        "https://deadline.us-east-1.api.aws",
        id="2-for-region-us-east-1-with-fips-disabled-and-dualstack-enable",
    ),
    pytest.param(
        {
            "region": "us-east-1",
            "use_fips_endpoint": False,
            "use_dualstack_endpoint": False,
        },
        "https://deadline.us-east-1.amazonaws.com",
        id="3-for-region-us-east-1-with-fips-disabled-and-dualstack-disabl",
    ),
    pytest.param(
        {
            "region": "cn-north-1",
            "use_fips_endpoint": True,
            "use_dualstack_endpoint": True,
        },
        "https://deadline-fips.cn-north-1.api.amazonwebservices.com.cn",
        id="4-for-region-cn-north-1-with-fips-enabled-and-dualstack-enable",
    ),
    pytest.param(
        {
            "region": "cn-north-1",
            "use_fips_endpoint": True,
            "use_dualstack_endpoint": False,
        },
        "https://deadline-fips.cn-north-1.amazonaws.com.cn",
        id="5-for-region-cn-north-1-with-fips-enabled-and-dualstack-disabl",
    ),
    pytest.param(
        {
            "region": "cn-north-1",
            "use_fips_endpoint": False,
            "use_dualstack_endpoint": True,
        },
        "https://deadline.cn-north-1.api.amazonwebservices.com.cn",
        id="6-for-region-cn-north-1-with-fips-disabled-and-dualstack-enabl",
    ),
    pytest.param(
        {
            "region": "cn-north-1",
            "use_fips_endpoint": False,
            "use_dualstack_endpoint": False,
        },
        "https://deadline.cn-north-1.amazonaws.com.cn",
        id="7-for-region-cn-north-1-with-fips-disabled-and-dualstack-disab",
    ),
    pytest.param(
        {
            "region": "us-gov-east-1",
            "use_fips_endpoint": True,
            "use_dualstack_endpoint": True,
        },
        "https://deadline-fips.us-gov-east-1.api.aws",
        id="8-for-region-us-gov-east-1-with-fips-enabled-and-dualstack-ena",
    ),
    pytest.param(
        {
            "region": "us-gov-east-1",
            "use_fips_endpoint": True,
            "use_dualstack_endpoint": False,
        },
        "https://deadline-fips.us-gov-east-1.amazonaws.com",
        id="9-for-region-us-gov-east-1-with-fips-enabled-and-dualstack-dis",
    ),
    pytest.param(
        {
            "region": "us-gov-east-1",
            "use_fips_endpoint": False,
            "use_dualstack_endpoint": True,
        },
        "https://deadline.us-gov-east-1.api.aws",
        id="10-for-region-us-gov-east-1-with-fips-disabled-and-dualstack-en",
    ),
    pytest.param(
        {
            "region": "us-gov-east-1",
            "use_fips_endpoint": False,
            "use_dualstack_endpoint": False,
        },
        "https://deadline.us-gov-east-1.amazonaws.com",
        id="11-for-region-us-gov-east-1-with-fips-disabled-and-dualstack-di",
    ),
    pytest.param(
        {
            "region": "us-iso-east-1",
            "use_fips_endpoint": True,
            "use_dualstack_endpoint": False,
        },
        "https://deadline-fips.us-iso-east-1.c2s.ic.gov",
        id="12-for-region-us-iso-east-1-with-fips-enabled-and-dualstack-dis",
    ),
    pytest.param(
        {
            "region": "us-iso-east-1",
            "use_fips_endpoint": False,
            "use_dualstack_endpoint": False,
        },
        "https://deadline.us-iso-east-1.c2s.ic.gov",
        id="13-for-region-us-iso-east-1-with-fips-disabled-and-dualstack-di",
    ),
    pytest.param(
        {
            "region": "us-isob-east-1",
            "use_fips_endpoint": True,
            "use_dualstack_endpoint": False,
        },
        "https://deadline-fips.us-isob-east-1.sc2s.sgov.gov",
        id="14-for-region-us-isob-east-1-with-fips-enabled-and-dualstack-di",
    ),
    pytest.param(
        {
            "region": "us-isob-east-1",
            "use_fips_endpoint": False,
            "use_dualstack_endpoint": False,
        },
        "https://deadline.us-isob-east-1.sc2s.sgov.gov",
        id="15-for-region-us-isob-east-1-with-fips-disabled-and-dualstack-d",
    ),
    pytest.param(
        {
            "region": "us-east-1",
            "use_fips_endpoint": False,
            "use_dualstack_endpoint": False,
            "endpoint_url": "https://example.com",
        },
        "https://example.com",
        id="16-for-custom-endpoint-with-region-set-and-fips-disabled-and-du",
    ),
]


@pytest.mark.parametrize(("params", "expect", "partitions"), CASES)
def test_endpoint_rule_set(
    params: dict[str, Any], expect: dict[str, Any], partitions: dict[str, Any] | None
) -> None:
    if partitions is None:
        rule_set = rules()
    else:
        rule_set = EndpointRuleSet(json.loads(RULE_SET), partitions=partitions_with(partitions))
    if "error" in expect:
        with pytest.raises(EndpointResolutionError) as raised:
            rule_set.resolve(params)
        assert str(raised.value) == expect["error"]
        return
    endpoint = rule_set.resolve(params)
    assert endpoint.url == expect["endpoint"]["url"]
    headers = {name: list(values) for name, values in endpoint.headers.items()}
    assert headers == expect["endpoint"].get("headers", {})
    assert dict(endpoint.properties) == expect["endpoint"].get("properties", {})


@pytest.mark.parametrize(("arguments", "url"), CLIENT_CASES)
def test_client_endpoint(arguments: dict[str, Any], url: str) -> None:
    credentials = AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    with DeadlineClient(credentials=credentials, **arguments) as client:
        assert client.endpoint == url
