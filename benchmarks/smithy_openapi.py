"""The peer's input for a Smithy model: an OpenAPI 3.0 document of the same restJson1 API.

No peer reads Smithy, so to compare apismith's cold generate of the full Deadline model with
openapi-python-client *on the same API*, the benchmark hands the peer the OpenAPI document that
Smithy's own converter (smithy-openapi) would make of it. smithy-openapi is a Java library built
with Gradle from Maven Central, which this machine cannot reach, so this is a small converter
following its documented mapping (smithy.io, "Smithy to OpenAPI"): one path per ``http`` trait,
``httpLabel``/``httpQuery``/``httpHeader`` members as parameters, the other input members as a
``{Operation}RequestContent`` JSON body (or the ``httpPayload`` member alone), the output
likewise as ``{Operation}ResponseContent`` under the operation's status code, each error under
its ``httpError`` code, shapes as component schemas (unions as ``oneOf`` of one-key objects,
enums as string enums, timestamps as ``date-time`` strings), documentation as descriptions.

It is a benchmark input, not part of apismith: it covers what restJson1 models use and raises
on anything else rather than guessing.

    python benchmarks/smithy_openapi.py model.json > openapi.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

_PRELUDE = "smithy.api#"
_SCALARS: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "byte": {"type": "integer", "format": "int32"},
    "short": {"type": "integer", "format": "int32"},
    "integer": {"type": "integer", "format": "int32"},
    "long": {"type": "integer", "format": "int64"},
    "bigInteger": {"type": "integer"},
    "float": {"type": "number", "format": "float"},
    "double": {"type": "number", "format": "double"},
    "bigDecimal": {"type": "number"},
    "blob": {"type": "string", "format": "byte"},
    "timestamp": {"type": "string", "format": "date-time"},
    "document": {},
}
_BOUND = ("smithy.api#httpLabel", "smithy.api#httpQuery", "smithy.api#httpHeader")


def _prelude_kind(shape_id: str) -> str:
    """``smithy.api#PrimitiveInteger`` -> integer, ``smithy.api#BigDecimal`` -> bigDecimal."""
    base = shape_id[len(_PRELUDE) :].removeprefix("Primitive")
    return base[0].lower() + base[1:]


class Converter:
    def __init__(self, model: dict[str, Any]) -> None:
        self.shapes: dict[str, Any] = model["shapes"]
        self.schemas: dict[str, Any] = {}

    def name(self, shape_id: str) -> str:
        return shape_id.split("#", 1)[1]

    def kind(self, shape_id: str) -> str:
        if shape_id.startswith(_PRELUDE):
            return _prelude_kind(shape_id)
        return str(self.shapes[shape_id]["type"])

    def schema(self, shape_id: str) -> dict[str, Any]:
        """A reference to the shape's component schema, or the scalar's inline schema."""
        if shape_id.startswith(_PRELUDE):
            return dict(_SCALARS[_prelude_kind(shape_id)])
        shape = self.shapes[shape_id]
        kind = shape["type"]
        traits = shape.get("traits", {})
        if kind in _SCALARS and not ({"smithy.api#enum"} & traits.keys()):
            inline = dict(_SCALARS[kind])
            if traits.get("smithy.api#timestampFormat") == "epoch-seconds":
                inline = {"type": "number"}
            return inline
        name = self.name(shape_id)
        if name not in self.schemas:
            self.schemas[name] = {}  # reserved first: recursive shapes refer to themselves
            self.schemas[name] = self.component(shape)
        return {"$ref": f"#/components/schemas/{name}"}

    def component(self, shape: dict[str, Any]) -> dict[str, Any]:
        kind = shape["type"]
        traits = shape.get("traits", {})
        out: dict[str, Any]
        if kind in ("structure", "union"):
            props = {
                self.wire(name, member): self.member(member)
                for name, member in shape.get("members", {}).items()
            }
            if kind == "union":
                out = {
                    "oneOf": [
                        {"type": "object", "properties": {key: value}, "required": [key]}
                        for key, value in props.items()
                    ]
                }
            else:
                out = {"type": "object", "properties": props}
                required = [
                    self.wire(name, member)
                    for name, member in shape.get("members", {}).items()
                    if "smithy.api#required" in member.get("traits", {})
                ]
                if required:
                    out["required"] = required
        elif kind == "list" or kind == "set":
            out = {"type": "array", "items": self.member(shape["member"])}
        elif kind == "map":
            out = {"type": "object", "additionalProperties": self.member(shape["value"])}
        elif kind == "enum":
            values = [
                member.get("traits", {}).get("smithy.api#enumValue", name)
                for name, member in shape["members"].items()
            ]
            out = {"type": "string", "enum": values}
        elif kind == "intEnum":
            values = [m["traits"]["smithy.api#enumValue"] for m in shape["members"].values()]
            out = {"type": "integer", "enum": values}
        elif kind == "string":
            out = {"type": "string", "enum": [v["value"] for v in traits["smithy.api#enum"]]}
        else:
            raise ValueError(f"no OpenAPI mapping for a {kind} shape")
        doc = traits.get("smithy.api#documentation")
        if doc:
            out["description"] = doc
        return out

    def wire(self, name: str, member: dict[str, Any]) -> str:
        return str(member.get("traits", {}).get("smithy.api#jsonName", name))

    def member(self, member: dict[str, Any]) -> dict[str, Any]:
        schema = self.schema(member["target"])
        doc = member.get("traits", {}).get("smithy.api#documentation")
        if doc and "$ref" not in schema:
            schema["description"] = doc
        return schema

    def body(self, members: dict[str, Any], title: str) -> dict[str, Any] | None:
        """The JSON body of an input or output: its payload member, or its unbound members."""
        for member in members.values():
            if "smithy.api#httpPayload" in member.get("traits", {}):
                kind = self.kind(member["target"])
                media = {"blob": "application/octet-stream", "string": "text/plain"}
                return {media.get(kind, "application/json"): {"schema": self.member(member)}}
        unbound = {
            name: member
            for name, member in members.items()
            if not (set(_BOUND) | {"smithy.api#httpResponseCode"}) & member.get("traits", {}).keys()
        }
        if not unbound:
            return None
        self.schemas[title] = self.component({"type": "structure", "members": unbound})
        return {"application/json": {"schema": {"$ref": f"#/components/schemas/{title}"}}}

    def operation(self, shape_id: str) -> tuple[str, str, dict[str, Any]]:
        op = self.shapes[shape_id]
        http = op["traits"]["smithy.api#http"]
        name = self.name(shape_id)
        inputs = self.shapes[op["input"]["target"]]["members"] if "input" in op else {}
        outputs = self.shapes[op["output"]["target"]]["members"] if "output" in op else {}
        params = []
        for member_name, member in inputs.items():
            traits = member.get("traits", {})
            if "smithy.api#httpLabel" in traits:
                where, wire = "path", member_name
            elif "smithy.api#httpQuery" in traits:
                where, wire = "query", traits["smithy.api#httpQuery"]
            elif "smithy.api#httpHeader" in traits:
                where, wire = "header", traits["smithy.api#httpHeader"]
            else:
                continue
            param = {"name": wire, "in": where, "schema": self.member(member)}
            if where == "path" or "smithy.api#required" in traits:
                param["required"] = True
            params.append(param)
        result: dict[str, Any] = {"operationId": name, "responses": {}}
        if op["traits"].get("smithy.api#documentation"):
            result["description"] = op["traits"]["smithy.api#documentation"]
        if params:
            result["parameters"] = params
        request = self.body(inputs, f"{name}RequestContent")
        if request:
            result["requestBody"] = {"required": True, "content": request}
        ok: dict[str, Any] = {"description": f"{name} {http.get('code', 200)} response"}
        response = self.body(outputs, f"{name}ResponseContent")
        if response:
            ok["content"] = response
        result["responses"][str(http.get("code", 200))] = ok
        for error in op.get("errors", []) + self.service_errors:
            shape = self.shapes[error["target"]]
            status = shape["traits"].get("smithy.api#httpError")
            if status is None:
                status = 400 if shape["traits"]["smithy.api#error"] == "client" else 500
            result["responses"].setdefault(
                str(status),
                {
                    "description": self.name(error["target"]),
                    "content": {"application/json": {"schema": self.schema(error["target"])}},
                },
            )
        path = http["uri"].split("?", 1)[0].replace("+}", "}")
        return path, http["method"].lower(), result

    def convert(self) -> dict[str, Any]:
        service_id, service = next(
            (sid, s) for sid, s in self.shapes.items() if s["type"] == "service"
        )
        self.service_errors: list[dict[str, str]] = service.get("errors", [])
        paths: dict[str, dict[str, Any]] = {}
        for shape_id in sorted(self.operations(service)):
            path, method, op = self.operation(shape_id)
            paths.setdefault(path, {})[method] = op
        title = service.get("traits", {}).get("smithy.api#title", self.name(service_id))
        return {
            "openapi": "3.0.2",
            "info": {"title": title, "version": service.get("version", "1.0")},
            "paths": paths,
            "components": {
                "schemas": dict(sorted(self.schemas.items())),
                "securitySchemes": {
                    "aws.auth.sigv4": {"type": "apiKey", "name": "Authorization", "in": "header"}
                },
            },
            "security": [{"aws.auth.sigv4": []}],
        }

    def operations(self, service: dict[str, Any]) -> set[str]:
        """Every operation of the service, its resources' (and their children's) included."""
        found: set[str] = set()
        todo = [service]
        while todo:
            shape = todo.pop()
            found.update(ref["target"] for ref in shape.get("operations", []))
            for key in ("create", "put", "read", "update", "delete", "list"):
                if key in shape:
                    found.add(shape[key]["target"])
            todo.extend(self.shapes[ref["target"]] for ref in shape.get("resources", []))
        return found


def convert(model_path: Path) -> dict[str, Any]:
    return Converter(json.loads(model_path.read_text(encoding="utf-8"))).convert()


if __name__ == "__main__":
    json.dump(convert(Path(sys.argv[1])), sys.stdout, indent=1)
