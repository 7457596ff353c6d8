"""Synthetic Smithy models of any size, for measuring how generation scales.

Every operation is a restJson1 CRUD-like call with a path label, a query parameter, a header,
a body of several member kinds (string, integer, timestamp, list, map, enum, nested structure),
a modeled error and its own request/response structures; every tenth operation is paginated.
Each operation brings its own shapes, so the model grows linearly with the count.

    .venv/bin/python benchmarks/synthetic.py 100 > /tmp/synthetic-100.json
"""

from __future__ import annotations

import json
import sys
from typing import Any

NS = "com.example.synthetic"


def _ref(name: str) -> dict[str, str]:
    return {"target": f"{NS}#{name}"}


def build_model(operations: int) -> dict[str, Any]:
    shapes: dict[str, Any] = {
        f"{NS}#Synthetic": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [_ref(f"Operation{i:04d}") for i in range(operations)],
            "traits": {
                "aws.api#service": {"sdkId": "synthetic"},
                "aws.auth#sigv4": {"name": "synthetic"},
                "aws.protocols#restJson1": {},
                "smithy.api#documentation": f"A synthetic service with {operations} operations.",
                "smithy.api#title": "Synthetic",
            },
        },
        f"{NS}#String": {"type": "string"},
        f"{NS}#Integer": {"type": "integer"},
        f"{NS}#Timestamp": {"type": "timestamp"},
        f"{NS}#StringList": {"type": "list", "member": _ref("String")},
        f"{NS}#StringMap": {"type": "map", "key": _ref("String"), "value": _ref("String")},
        f"{NS}#NotFound": {
            "type": "structure",
            "members": {"message": {"target": f"{NS}#String"}},
            "traits": {"smithy.api#error": "client", "smithy.api#httpError": 404},
        },
    }
    for i in range(operations):
        name = f"Operation{i:04d}"
        paginated = i % 10 == 9
        shapes[f"{NS}#{name}Status"] = {
            "type": "enum",
            "members": {
                value: {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": value}}
                for value in ("ACTIVE", "PAUSED", "DELETED")
            },
        }
        shapes[f"{NS}#{name}Detail"] = {
            "type": "structure",
            "members": {
                "label": {"target": f"{NS}#String"},
                "count": {"target": f"{NS}#Integer"},
                "tags": {"target": f"{NS}#StringMap"},
            },
            "traits": {"smithy.api#documentation": f"Details of {name}."},
        }
        shapes[f"{NS}#{name}DetailList"] = {"type": "list", "member": _ref(f"{name}Detail")}
        shapes[f"{NS}#{name}Request"] = {
            "type": "structure",
            "members": {
                "itemId": {
                    "target": f"{NS}#String",
                    "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {}},
                },
                "filter": {
                    "target": f"{NS}#String",
                    "traits": {"smithy.api#httpQuery": "filter"},
                },
                "token": {
                    "target": f"{NS}#String",
                    "traits": {"smithy.api#httpQuery": "nextToken"},
                },
                "requestTag": {
                    "target": f"{NS}#String",
                    "traits": {"smithy.api#httpHeader": "X-Request-Tag"},
                },
                "name": {"target": f"{NS}#String", "traits": {"smithy.api#required": {}}},
                "size": {"target": f"{NS}#Integer"},
                "startAt": {"target": f"{NS}#Timestamp"},
                "labels": {"target": f"{NS}#StringList"},
                "status": {"target": f"{NS}#{name}Status"},
                "detail": {"target": f"{NS}#{name}Detail"},
            },
            "traits": {"smithy.api#input": {}},
        }
        shapes[f"{NS}#{name}Response"] = {
            "type": "structure",
            "members": {
                "itemId": {"target": f"{NS}#String", "traits": {"smithy.api#required": {}}},
                "createdAt": {"target": f"{NS}#Timestamp"},
                "status": {"target": f"{NS}#{name}Status"},
                "details": {"target": f"{NS}#{name}DetailList"},
                "nextToken": {"target": f"{NS}#String"},
            },
            "traits": {"smithy.api#output": {}},
        }
        traits: dict[str, Any] = {
            "smithy.api#documentation": f"Operation number {i}.",
            "smithy.api#http": {
                "method": "POST",
                "uri": f"/v1/resource{i:04d}/{{itemId}}",
                "code": 200,
            },
        }
        if paginated:
            traits["smithy.api#paginated"] = {
                "inputToken": "token",
                "outputToken": "nextToken",
                "items": "details",
            }
        shapes[f"{NS}#{name}"] = {
            "type": "operation",
            "input": _ref(f"{name}Request"),
            "output": _ref(f"{name}Response"),
            "errors": [_ref("NotFound")],
            "traits": traits,
        }
    return {"smithy": "2.0", "shapes": shapes}


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    json.dump(build_model(count), sys.stdout, indent=1)
    sys.stdout.write("\n")
