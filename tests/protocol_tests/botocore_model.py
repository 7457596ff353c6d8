"""botocore's model form (as in its copy of Smithy's protocol tests) -> a Smithy 2.0 JSON AST.

The mapping is mechanical (see ../shared/corpus/README.md): `metadata.protocol`/`jsonVersion`
become the protocol trait, `location`/`locationName` the HTTP binding traits or `jsonName`,
`exception`/`error`/`fault` the error traits, `payload` httpPayload, `hostPrefix` the endpoint
trait, and so on. Nothing here knows about apismith: the output is a model any Smithy tool reads.
"""

from __future__ import annotations

import re
from typing import Any

P = "smithy.api#"

_PROTOCOLS = {
    ("rest-json", ""): ("aws.protocols#restJson1", "aws.protocoltests.restjson", "RestJson"),
    ("json", "1.1"): ("aws.protocols#awsJson1_1", "aws.protocoltests.json", ""),
    ("json", "1.0"): ("aws.protocols#awsJson1_0", "aws.protocoltests.json10", ""),
    ("query", ""): ("aws.protocols#awsQuery", "aws.protocoltests.query", "QueryProtocol"),
    ("ec2", ""): ("aws.protocols#ec2Query", "aws.protocoltests.ec2", "AwsEc2"),
}
_TIMESTAMP_FORMATS = {
    "iso8601": "date-time",
    "rfc822": "http-date",
    "unixTimestamp": "epoch-seconds",
}
_SIMPLE = {
    "string",
    "integer",
    "long",
    "float",
    "double",
    "boolean",
    "blob",
    "timestamp",
    "byte",
    "short",
    "bigInteger",
    "bigDecimal",
}
# botocore's `character` (a one-character string in its older tests) is a Smithy string.
_TYPES = {"character": "string"}


def protocol_of(metadata: dict[str, Any]) -> tuple[str, str, str]:
    """(protocol trait, namespace, service name) of a botocore model's metadata."""
    key = (
        metadata["protocol"],
        metadata.get("jsonVersion", "") if metadata["protocol"] == "json" else "",
    )
    trait, namespace, name = _PROTOCOLS[key]
    # awsJson names the operation as `{service shape name}.{operation}` in X-Amz-Target.
    return trait, namespace, name or metadata["targetPrefix"]


def enum_member_name(value: str, taken: set[str]) -> str:
    """A Smithy identifier for an enum value (`1` -> `V1`, `foo-bar` -> `foo_bar`)."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", value) or "EMPTY"
    if not re.match(r"[A-Za-z_]", name):
        name = "V" + name
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}_{n}", n + 1
    taken.add(candidate)
    return candidate


def convert(
    metadata: dict[str, Any],
    shapes: dict[str, Any],
    operations: list[dict[str, Any]],
    *,
    service_name: str = "",
) -> dict[str, Any]:
    """A Smithy JSON AST holding one service with `operations` (botocore `given` entries)."""
    trait, ns, name = protocol_of(metadata)
    name = service_name or name
    rest = metadata["protocol"] == "rest-json"
    xml = metadata["protocol"] in ("query", "ec2")
    out: dict[str, Any] = {}

    def sid(shape_name: str) -> str:
        return f"{ns}#{shape_name}"

    # botocore puts `jsonvalue` on the member; Smithy's mediaType lives on the string shape.
    media_targets: set[str] = set()
    for shape in shapes.values():
        for member in shape.get("members", {}).values():
            if member.get("jsonvalue"):
                media_targets.add(member["shape"])

    for shape_name, shape in shapes.items():
        out[sid(shape_name)] = _shape(shape, sid, rest, shapes if xml else None, shape_name)
        if shape_name in media_targets:
            out[sid(shape_name + "JsonValue")] = {
                "type": "string",
                "traits": {P + "mediaType": "application/json"},
            }

    op_refs = []
    for given in operations:
        op_name = given["name"]
        node: dict[str, Any] = {"type": "operation", "traits": {}}
        traits = node["traits"]
        if "input" in given:
            node["input"] = {"target": sid(given["input"]["shape"])}
        if "output" in given:
            node["output"] = {"target": sid(given["output"]["shape"])}
        if given.get("errors"):
            node["errors"] = [{"target": sid(e["shape"])} for e in given["errors"]]
        http = given.get("http", {})
        if rest:
            traits[P + "http"] = {
                "method": http.get("method", "POST"),
                "uri": http.get("requestUri", "/"),
                "code": http.get("responseCode", 200),
            }
        if given.get("idempotent"):
            traits[P + "idempotent"] = {}
        if "endpoint" in given:
            traits[P + "endpoint"] = {"hostPrefix": given["endpoint"]["hostPrefix"]}
        if given.get("httpChecksumRequired"):
            traits[P + "httpChecksumRequired"] = {}
        if "requestcompression" in given:
            traits[P + "requestCompression"] = {
                "encodings": list(given["requestcompression"]["encodings"])
            }
        out[sid(op_name)] = node
        op_refs.append({"target": sid(op_name)})

    out[sid(name)] = {
        "type": "service",
        "version": metadata.get("apiVersion", ""),
        "operations": op_refs,
        "traits": {
            trait: {},
            "aws.api#service": {"sdkId": name, "endpointPrefix": name.lower()},
            "aws.auth#sigv4": {"name": name.lower()},
        },
    }
    return {"smithy": "2.0", "shapes": out}


def _shape(
    shape: dict[str, Any],
    sid: Any,
    rest: bool,
    xml_shapes: dict[str, Any] | None = None,
    name: str = "",
) -> dict[str, Any]:
    """`xml_shapes` (query, ec2): every shape of the model, for the XML names and flattening."""
    typ = _TYPES.get(shape["type"], shape["type"])
    traits: dict[str, Any] = {}
    node: dict[str, Any] = {}
    if "timestampFormat" in shape:
        traits[P + "timestampFormat"] = _TIMESTAMP_FORMATS[shape["timestampFormat"]]
    if typ == "string" and "enum" in shape:
        taken: set[str] = set()
        node = {
            "type": "enum",
            "members": {
                enum_member_name(v, taken): {"target": P + "Unit", "traits": {P + "enumValue": v}}
                for v in shape["enum"]
            },
        }
    elif typ == "structure" and shape.get("document"):
        node = {"type": "document"}
    elif typ == "structure":
        node = {"type": "union" if shape.get("union") else "structure", "members": {}}
        required = set(shape.get("required", []))
        for mname, member in shape.get("members", {}).items():
            node["members"][mname] = _member(
                mname,
                member,
                sid,
                rest,
                mname in required,
                shape.get("payload") == mname,
                xml_shapes,
            )
        if shape.get("exception"):
            traits[P + "error"] = "server" if shape.get("fault") else "client"
            status = shape.get("error", {}).get("httpStatusCode")
            if status is not None:
                traits[P + "httpError"] = status
            code = shape.get("error", {}).get("code")
            if xml_shapes is not None and code and code != name:
                # The query protocols name errors by code: a code that is not the shape's name.
                traits["aws.protocols#awsQueryError"] = {
                    "code": code,
                    "httpResponseCode": status if status is not None else 400,
                }
    elif typ == "list":
        node = {"type": "list", "member": _xml_named(shape["member"], sid, xml_shapes)}
    elif typ == "map":
        node = {
            "type": "map",
            "key": _xml_named(shape["key"], sid, xml_shapes),
            "value": _xml_named(shape["value"], sid, xml_shapes),
        }
    elif typ in _SIMPLE:
        node = {"type": typ}
    else:
        raise ValueError(f"unknown botocore shape type {typ!r}")
    if traits:
        node["traits"] = traits
    return node


def _xml_named(ref: dict[str, Any], sid: Any, xml_shapes: dict[str, Any] | None) -> dict[str, Any]:
    """A list's member or a map's key/value; its locationName is an xmlName (query, ec2)."""
    node: dict[str, Any] = {"target": sid(ref["shape"])}
    if xml_shapes is not None and "locationName" in ref:
        node["traits"] = {P + "xmlName": ref["locationName"]}
    return node


def _member(
    name: str,
    member: dict[str, Any],
    sid: Any,
    rest: bool,
    required: bool,
    payload: bool,
    xml_shapes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    target = member["shape"] + ("JsonValue" if member.get("jsonvalue") else "")
    traits: dict[str, Any] = {}
    location = member.get("location") if rest else None
    where = member.get("locationName")
    if location == "uri":
        traits[P + "httpLabel"] = {}
    elif location == "querystring":
        if where is None:
            traits[P + "httpQueryParams"] = {}
        else:
            traits[P + "httpQuery"] = where
    elif location == "header":
        traits[P + "httpHeader"] = where
    elif location == "headers":
        traits[P + "httpPrefixHeaders"] = where or ""
    elif location == "statusCode":
        traits[P + "httpResponseCode"] = {}
    elif where is not None and where != name:
        traits[P + ("xmlName" if xml_shapes is not None else "jsonName")] = where
    if xml_shapes is not None and (
        member.get("flattened") or xml_shapes.get(member["shape"], {}).get("flattened")
    ):
        # botocore marks a flattened list or map on the shape; Smithy on the members.
        traits[P + "xmlFlattened"] = {}
    if xml_shapes is not None and "queryName" in member:
        traits["aws.protocols#ec2QueryName"] = member["queryName"]
    if payload:
        traits[P + "httpPayload"] = {}
    if required:
        traits[P + "required"] = {}
    if member.get("hostLabel"):
        traits[P + "hostLabel"] = {}
    if member.get("idempotencyToken"):
        traits[P + "idempotencyToken"] = {}
    if "timestampFormat" in member:
        traits[P + "timestampFormat"] = _TIMESTAMP_FORMATS[member["timestampFormat"]]
    node: dict[str, Any] = {"target": sid(target)}
    if traits:
        node["traits"] = traits
    return node
