"""The endpoint rule set of AWSDeadlineCloud: the model's smithy.rules#endpointRuleSet, as
JSON.

Evaluated by ``_runtime._endpoints`` (the Smithy rules engine, as botocore evaluates it).
"""

from __future__ import annotations

import json
from functools import cache

from ._runtime._endpoints import EndpointRuleSet

RULE_SET = (
    '{"version":"1.0","parameters":{"Region":{"builtIn":"AWS::Region","required":false,"documen'
    'tation":"The AWS region used to dispatch the request.","type":"string"},"UseDualStack":{"b'
    'uiltIn":"AWS::UseDualStack","required":true,"default":false,"documentation":"When true, us'
    "e the dual-stack endpoint. If the configured endpoint does not support dual-stack, dispatc"
    'hing the request MAY return an error.","type":"boolean"},"UseFIPS":{"builtIn":"AWS::UseFIP'
    'S","required":true,"default":false,"documentation":"When true, send this request to the FI'
    "PS-compliant regional endpoint. If the configured endpoint does not have a FIPS compliant "
    'endpoint, dispatching the request will return an error.","type":"boolean"},"Endpoint":{"bu'
    'iltIn":"SDK::Endpoint","required":false,"documentation":"Override the endpoint used to sen'
    'd this request","type":"string"}},"rules":[{"conditions":[{"fn":"isSet","argv":[{"ref":"En'
    'dpoint"}]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}'
    '],"error":"Invalid Configuration: FIPS and custom endpoint are not supported","type":"erro'
    'r"},{"conditions":[],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseDual'
    'Stack"},true]}],"error":"Invalid Configuration: Dualstack and custom endpoint are not supp'
    'orted","type":"error"},{"conditions":[],"endpoint":{"url":{"ref":"Endpoint"},"properties":'
    '{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"rule'
    's":[{"conditions":[{"fn":"isSet","argv":[{"ref":"Region"}]}],"rules":[{"conditions":[{"fn"'
    ':"aws.partition","argv":[{"ref":"Region"}],"assign":"PartitionResult"}],"rules":[{"conditi'
    'ons":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]},{"fn":"booleanEquals","argv":'
    '[{"ref":"UseDualStack"},true]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[true'
    ',{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsFIPS"]}]},{"fn":"booleanEquals'
    '","argv":[true,{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsDualStack"]}]}],'
    '"rules":[{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://deadline-fi'
    'ps.{Region}.{PartitionResult#dualStackDnsSuffix}","properties":{},"headers":{}},"type":"en'
    'dpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"FIPS and DualStack are '
    'enabled, but this partition does not support one or both","type":"error"}],"type":"tree"},'
    '{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}],"rules":[{"conditio'
    'ns":[{"fn":"booleanEquals","argv":[{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supp'
    'ortsFIPS"]},true]}],"rules":[{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":'
    '"https://deadline-fips.{Region}.{PartitionResult#dnsSuffix}","properties":{},"headers":{}}'
    ',"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"FIPS is enab'
    'led but this partition does not support FIPS","type":"error"}],"type":"tree"},{"conditions'
    '":[{"fn":"booleanEquals","argv":[{"ref":"UseDualStack"},true]}],"rules":[{"conditions":[{"'
    'fn":"booleanEquals","argv":[true,{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"suppor'
    'tsDualStack"]}]}],"rules":[{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"h'
    'ttps://deadline.{Region}.{PartitionResult#dualStackDnsSuffix}","properties":{},"headers":{'
    '}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"DualStack '
    'is enabled but this partition does not support DualStack","type":"error"}],"type":"tree"},'
    '{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://deadline.{Region}.{P'
    'artitionResult#dnsSuffix}","properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"'
    '}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"Invalid Configuration: Missing'
    ' Region","type":"error"}],"type":"tree"}]}'
)


@cache
def rules() -> EndpointRuleSet:
    """The rule set, compiled on first use (once per process)."""
    return EndpointRuleSet(json.loads(RULE_SET))
