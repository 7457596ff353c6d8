"""The extract stage: committed specs are exactly what `extract` makes from the official models."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV30SpecValidator

from generator.extract import (
    DROPPED_SERVICE_TRAITS,
    ExtractError,
    convert_swagger2,
    dump_yaml,
    extract,
    snake_case,
    spec_header,
)

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"


def _reference_dir() -> Path:
    # APISMITH_SHARED names the shared directory (as in tests/support.py); a path that is already
    # the reference directory is accepted too.
    env = os.environ.get("APISMITH_SHARED")
    shared = Path(env) if env else ROOT / ".." / "shared"
    return shared / "reference" if (shared / "reference").is_dir() else shared


REFERENCE = _reference_dir()
needs_reference = pytest.mark.skipif(
    not (REFERENCE / "smithy").is_dir(),
    reason=f"reference models not found at {REFERENCE} (set APISMITH_SHARED)",
)

DEADLINE = ("smithy/deadline-2023-10-12.json", ["GetTask", "UpdateTask"], "deadline.smithy.yaml")
DATAPIPELINE = (
    "smithy/data-pipeline-2012-10-29.json",
    ["SetTaskStatus"],
    "datapipeline.smithy.yaml",
)
AZURE_TASK_OPERATIONS = [
    "Task_Add",
    "Task_AddCollection",
    "Task_Delete",
    "Task_Get",
    "Task_List",
    "Task_ListSubtasks",
    "Task_Reactivate",
    "Task_Terminate",
    "Task_Update",
]
AZURE = (
    "azure-batch-BatchService-2024-07-01.20.0.json",
    AZURE_TASK_OPERATIONS,
    "azure-batch-tasks.openapi.yaml",
)
DL = "com.amazonaws.deadline#"


def _reference(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REFERENCE / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def deadline() -> dict[str, Any]:
    return extract(_reference(DEADLINE[0]), DEADLINE[1])


@pytest.fixture(scope="module")
def azure() -> dict[str, Any]:
    return extract(_reference(AZURE[0]), AZURE[1])


# --- the committed specs ---------------------------------------------------------------------


@needs_reference
@pytest.mark.parametrize("source, operations, spec", [DEADLINE, DATAPIPELINE, AZURE])
def test_committed_spec_is_the_extract_of_the_reference(
    source: str, operations: list[str], spec: str
) -> None:
    text = (SPECS / spec).read_text(encoding="utf-8")
    assert yaml.safe_load(text) == extract(_reference(source), operations)


@pytest.mark.parametrize("source, operations, spec", [DEADLINE, DATAPIPELINE, AZURE])
def test_committed_spec_header_says_how_to_reproduce_it(
    source: str, operations: list[str], spec: str
) -> None:
    text = (SPECS / spec).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    command = (
        f"#   apismith extract ../shared/reference/{source}"
        f" --operations {','.join(operations)} -o specs/{spec}"
    )
    assert command in header
    assert "# Hand edits: none." in header
    assert Path(source).name in " ".join(header)


@needs_reference
def test_committed_spec_bytes_match_a_fresh_dump() -> None:
    # The lead's CLI calls extract + spec_header + dump_yaml; the committed text is exactly that.
    for source, operations, spec in (DEADLINE, DATAPIPELINE, AZURE):
        data = _reference(source)
        header = spec_header(f"../shared/reference/{source}", operations, f"specs/{spec}", data)
        text = dump_yaml(extract(data, operations), header)
        assert text == (SPECS / spec).read_text(encoding="utf-8"), spec


# --- Azure Batch (Swagger 2.0 -> OpenAPI 3.0.3) ----------------------------------------------


@needs_reference
def test_azure_closure_holds_the_49_reachable_definitions(azure: dict[str, Any]) -> None:
    assert len(azure["components"]["schemas"]) == 49
    assert list(azure["components"]["schemas"]) == sorted(azure["components"]["schemas"])
    assert sorted(azure["components"]["parameters"]) == ["ApiVersionParameter", "batchUrl"]
    assert sorted(azure["components"]["securitySchemes"]) == ["api_key", "azure_auth"]


@needs_reference
def test_azure_keeps_exactly_the_task_operations_in_path_order(azure: dict[str, Any]) -> None:
    ids = [op["operationId"] for item in azure["paths"].values() for op in item.values()]
    assert sorted(ids) == AZURE_TASK_OPERATIONS
    source_paths = list(_reference(AZURE[0])["paths"])
    assert list(azure["paths"]) == [p for p in source_paths if p in azure["paths"]]


def _refs(node: Any) -> list[str]:
    if isinstance(node, list):
        return [ref for value in node for ref in _refs(value)]
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for key, value in node.items() if key != "$ref" for ref in _refs(value)]
    return []


def _resolve(doc: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), f"non-local reference {ref}"
    node: Any = doc
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@needs_reference
def test_azure_every_ref_resolves_inside_the_document(azure: dict[str, Any]) -> None:
    refs = _refs(azure)
    assert refs
    for ref in refs:
        assert isinstance(_resolve(azure, ref), dict), ref


@needs_reference
def test_azure_spec_is_valid_openapi_3_0(azure: dict[str, Any]) -> None:
    validate(azure)  # raises on the first error
    errors = list(OpenAPIV30SpecValidator(azure).iter_errors())
    assert errors == []


@needs_reference
def test_azure_conversion_details(azure: dict[str, Any]) -> None:
    add = azure["paths"]["/jobs/{jobId}/tasks"]["post"]
    assert "x-ms-examples" not in add
    assert add["x-ms-request-id"] == "request-id"
    body = add["requestBody"]
    assert body["required"] is True
    assert body["x-ms-requestBody-name"] == "task"
    assert body["content"] == {
        "application/json; odata=minimalmetadata": {
            "schema": {"$ref": "#/components/schemas/TaskAddParameter"}
        }
    }
    assert all(p.get("in") != "body" for p in add["parameters"])
    listing = azure["paths"]["/jobs/{jobId}/tasks"]["get"]
    assert listing["x-ms-pageable"] == {"nextLinkName": "odata.nextLink"}
    host = azure["x-ms-parameterized-host"]
    assert host["parameters"] == [{"$ref": "#/components/parameters/batchUrl"}]
    batch_url = azure["components"]["parameters"]["batchUrl"]
    assert batch_url["x-ms-skip-url-encoding"] is True
    assert batch_url["schema"] == {"type": "string"}
    assert "servers" not in azure  # no host: x-ms-parameterized-host says where requests go


# --- Deadline / Data Pipeline (Smithy) -------------------------------------------------------


@needs_reference
def test_deadline_closure(deadline: dict[str, Any]) -> None:
    shapes = deadline["shapes"]
    assert f"{DL}TaskParameterValue" in shapes
    errors = [e["target"] for e in shapes[f"{DL}UpdateTask"]["errors"]]
    expected = [
        "AccessDeniedException",
        "InternalServerErrorException",
        "ResourceNotFoundException",
        "ThrottlingException",
        "ConflictException",
        "ValidationException",
    ]
    assert sorted(errors) == sorted(DL + name for name in expected)
    assert all(DL + name in shapes for name in expected)
    service = shapes[f"{DL}Deadline"]
    assert service["operations"] == [{"target": f"{DL}GetTask"}, {"target": f"{DL}UpdateTask"}]
    assert "resources" not in service
    assert not DROPPED_SERVICE_TRAITS & set(service["traits"])
    assert service["traits"]["aws.auth#sigv4"] == {"name": "deadline"}
    assert not any(shape_id.startswith("smithy.api#") for shape_id in shapes)


@needs_reference
def test_deadline_shape_order_and_faithful_copies(deadline: dict[str, Any]) -> None:
    ids = list(deadline["shapes"])
    assert ids[:3] == [f"{DL}Deadline", f"{DL}GetTask", f"{DL}UpdateTask"]
    assert ids[3:] == sorted(ids[3:])
    source = _reference(DEADLINE[0])["shapes"]
    for shape_id in ids[1:]:
        assert deadline["shapes"][shape_id] == source[shape_id], shape_id


@needs_reference
def test_datapipeline_keeps_metadata_and_its_five_errors() -> None:
    model = _reference(DATAPIPELINE[0])
    result = extract(model, DATAPIPELINE[1])
    assert result["metadata"] == model["metadata"]
    op = result["shapes"]["com.amazonaws.datapipeline#SetTaskStatus"]
    assert len(op["errors"]) == 5
    assert all(e["target"] in result["shapes"] for e in op["errors"])


@needs_reference
@pytest.mark.parametrize(
    "names",
    [
        ["GetTask", "UpdateTask"],
        [f"{DL}GetTask", f"{DL}UpdateTask"],
        ["get_task", "update_task"],
        ["gettask", "UPDATETASK"],
        ["UpdateTask", "get_task", "GetTask"],  # any order, duplicates ignored
    ],
)
def test_smithy_operation_names(names: list[str], deadline: dict[str, Any]) -> None:
    result = extract(_reference(DEADLINE[0]), names)
    assert set(result["shapes"]) == set(deadline["shapes"])


@needs_reference
@pytest.mark.parametrize(
    "name",
    ["Task_AddCollection", "task_add_collection", "TASK_ADDCOLLECTION", "task_addcollection"],
)
def test_openapi_operation_names(name: str) -> None:
    result = extract(_reference(AZURE[0]), [name])
    assert list(result["paths"]) == ["/jobs/{jobId}/addtaskcollection"]


@needs_reference
def test_unknown_operation_suggests_close_matches() -> None:
    with pytest.raises(ExtractError, match=r"unknown operation 'GetTsk'.*did you mean: .*GetTask"):
        extract(_reference(DEADLINE[0]), ["GetTsk"])
    with pytest.raises(ExtractError, match=r"did you mean: .*Task_Add"):
        extract(_reference(AZURE[0]), ["task_ad"])


def test_unknown_operation_without_close_match_lists_the_available_ones() -> None:
    with pytest.raises(ExtractError, match=r"available operations: GetThing$"):
        extract(_tiny_smithy(), ["Zzzzzz"])


def test_no_operations_is_an_error() -> None:
    with pytest.raises(ExtractError, match="no operations selected"):
        extract(_tiny_smithy(), [])


def test_snake_case() -> None:
    assert snake_case("Task_Add") == "task_add"
    assert snake_case("Task_AddCollection") == "task_add_collection"
    assert snake_case("GetTask") == "get_task"
    assert snake_case("Get2Task") == "get2_task"
    assert snake_case("get_task") == "get_task"


# --- Smithy closure on a hand-made model -----------------------------------------------------


def _tiny_smithy() -> dict[str, Any]:
    return {
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": {
                "type": "service",
                "version": "2024-01-01",
                "resources": [{"target": "ex#Thing"}],
                "errors": [{"target": "ex#ServiceError"}],
                "traits": {
                    "aws.protocols#restJson1": {},
                    "smithy.rules#endpointBdd": {"huge": True},
                    "smithy.api#cors": {},
                },
            },
            "ex#Thing": {"type": "resource", "read": {"target": "ex#GetThing"}},
            "ex#GetThing": {
                "type": "operation",
                "input": {"target": "ex#GetThingInput"},
                "output": {"target": "smithy.api#Unit"},
                "traits": {"smithy.api#readonly": {}},
            },
            "ex#Unused": {"type": "string"},
            "ex#GetThingInput": {
                "type": "structure",
                "mixins": [{"target": "ex#Common"}],
                "members": {
                    "tags": {"target": "ex#TagMap"},
                    "ids": {"target": "ex#Ids"},
                    "name": {"target": "smithy.api#String"},
                },
            },
            "ex#Common": {"type": "structure", "members": {}, "traits": {"smithy.api#mixin": {}}},
            "ex#TagMap": {
                "type": "map",
                "key": {"target": "ex#Key"},
                "value": {"target": "ex#Ids"},
            },
            "ex#Key": {"type": "string", "traits": {"smithy.api#length": {"min": 1}}},
            "ex#Ids": {"type": "list", "member": {"target": "ex#Id"}},
            "ex#Id": {"type": "string"},
            "ex#ServiceError": {
                "type": "structure",
                "members": {},
                "traits": {"smithy.api#error": "client"},
            },
        },
    }


def test_smithy_closure_follows_every_reference_kind() -> None:
    model = _tiny_smithy()
    before = copy.deepcopy(model)
    result = extract(model, ["get_thing"])
    assert model == before  # the input is not modified
    assert list(result["shapes"]) == [
        "ex#Svc",
        "ex#GetThing",
        "ex#Common",
        "ex#GetThingInput",
        "ex#Id",
        "ex#Ids",
        "ex#Key",
        "ex#ServiceError",
        "ex#TagMap",
    ]
    assert result["shapes"]["ex#Svc"] == {
        "type": "service",
        "version": "2024-01-01",
        "operations": [{"target": "ex#GetThing"}],
        "errors": [{"target": "ex#ServiceError"}],
        "traits": {"aws.protocols#restJson1": {}},
    }
    assert "metadata" not in result


def test_smithy_reference_to_a_missing_shape_is_an_error() -> None:
    model = _tiny_smithy()
    del model["shapes"]["ex#Id"]
    with pytest.raises(ExtractError, match=r"ex#Id \(referenced by ex#Ids\) is not in the model"):
        extract(model, ["GetThing"])


# --- Swagger 2.0 conversion on a hand-made document ------------------------------------------


def _tiny_swagger() -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Tiny", "version": "1.0"},
        "host": "api.example.com",
        "basePath": "/v1",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "security": [{"oauth": ["read"]}],
        "securityDefinitions": {
            "oauth": {
                "type": "oauth2",
                "flow": "implicit",
                "authorizationUrl": "https://login.example.com/authorize",
                "scopes": {"read": "Read things"},
            },
            "key": {"type": "apiKey", "name": "Authorization", "in": "header"},
        },
        "paths": {
            "/things/{id}": {
                "put": {
                    "operationId": "Thing_Put",
                    "x-ms-examples": {"ex": {"$ref": "./examples/put.json"}},
                    "consumes": ["application/json", "text/json"],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "type": "string"},
                        {"$ref": "#/parameters/ThingBody"},
                        {
                            "name": "ids",
                            "in": "query",
                            "type": "array",
                            "items": {"type": "integer", "format": "int32"},
                            "collectionFormat": "csv",
                        },
                        {
                            "name": "ocp-date",
                            "in": "header",
                            "type": "string",
                            "format": "date-time-rfc1123",
                            "x-ms-parameter-grouping": {"postfix": "Options"},
                        },
                        {"$ref": "#/parameters/ApiVersion"},
                    ],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "schema": {"$ref": "#/definitions/Thing"},
                            "headers": {
                                "ETag": {"description": "The ETag.", "type": "string"},
                                "Last-Modified": {"type": "string", "format": "date-time-rfc1123"},
                            },
                        },
                        "default": {"description": "Error", "schema": {"type": "file"}},
                    },
                }
            }
        },
        "parameters": {
            "ApiVersion": {
                "name": "api-version",
                "in": "query",
                "required": True,
                "type": "string",
            },
            "ThingBody": {
                "name": "thing",
                "in": "body",
                "required": True,
                "description": "The thing.",
                "schema": {"$ref": "#/definitions/Thing"},
            },
        },
        "definitions": {
            "Thing": {
                "type": "object",
                "discriminator": "kind",
                "required": ["kind"],
                "properties": {
                    "kind": {"type": "string"},
                    # property names that look like keywords are data, not schema keywords
                    "discriminator": {"type": "string", "x-nullable": True},
                    "parts": {"type": "array", "items": {"$ref": "#/definitions/Part"}},
                },
            },
            "Part": {"type": "object", "properties": {"blob": {"type": "file"}}},
        },
    }


def test_swagger2_conversion_shares_no_container_with_its_input() -> None:
    """The converter copies nothing up front: its result must still be all new dicts and
    lists (later stages may change it), and the input must come out as it went in."""
    path = REFERENCE / "azure-batch-BatchService-2024-07-01.20.0.json"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    source = json.loads(path.read_text(encoding="utf-8"))
    before = json.dumps(source)
    containers: set[int] = set()

    def walk(node: Any, into: set[int]) -> None:
        if isinstance(node, (dict, list)):
            into.add(id(node))
            for child in node.values() if isinstance(node, dict) else node:
                walk(child, into)

    walk(source, containers)
    converted: set[int] = set()
    walk(convert_swagger2(source), converted)
    assert json.dumps(source) == before
    assert len(converted) > 1000 and not converted & containers


def test_swagger2_conversion() -> None:
    source = _tiny_swagger()
    before = copy.deepcopy(source)
    doc = convert_swagger2(source)
    assert source == before
    assert doc["openapi"] == "3.0.3"
    assert doc["servers"] == [{"url": "https://api.example.com/v1"}]
    op = doc["paths"]["/things/{id}"]["put"]
    assert "x-ms-examples" not in op and "consumes" not in op
    assert op["requestBody"] == {
        "description": "The thing.",
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}},
            "text/json": {"schema": {"$ref": "#/components/schemas/Thing"}},
        },
        "required": True,
        "x-ms-requestBody-name": "thing",
    }
    assert op["parameters"] == [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
        {
            "name": "ids",
            "in": "query",
            "style": "form",
            "explode": False,
            "schema": {"type": "array", "items": {"type": "integer", "format": "int32"}},
        },
        {
            "name": "ocp-date",
            "in": "header",
            "schema": {"type": "string", "format": "date-time-rfc1123"},
            "x-ms-parameter-grouping": {"postfix": "Options"},
        },
        {"$ref": "#/components/parameters/ApiVersion"},
    ]
    ok = op["responses"]["200"]
    assert ok["content"] == {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}
    assert ok["headers"] == {
        "ETag": {"description": "The ETag.", "schema": {"type": "string"}},
        "Last-Modified": {"schema": {"type": "string", "format": "date-time-rfc1123"}},
    }
    error = op["responses"]["default"]["content"]["application/json"]["schema"]
    assert error == {"type": "string", "format": "binary"}

    components = doc["components"]
    assert list(components["parameters"]) == ["ApiVersion"]  # body parameters are inlined
    thing = components["schemas"]["Thing"]
    assert thing["discriminator"] == {"propertyName": "kind"}
    assert thing["properties"]["discriminator"] == {"type": "string", "x-nullable": True}
    assert thing["properties"]["parts"]["items"] == {"$ref": "#/components/schemas/Part"}
    assert components["schemas"]["Part"]["properties"]["blob"] == {
        "type": "string",
        "format": "binary",
    }
    assert components["securitySchemes"] == {
        "oauth": {
            "type": "oauth2",
            "flows": {
                "implicit": {
                    "authorizationUrl": "https://login.example.com/authorize",
                    "scopes": {"read": "Read things"},
                }
            },
        },
        "key": {"type": "apiKey", "name": "Authorization", "in": "header"},
    }
    validate(doc)


def test_openapi_closure_drops_unused_components_and_schemes() -> None:
    doc = extract(_tiny_swagger(), ["thing_put"])
    assert sorted(doc["components"]["schemas"]) == ["Part", "Thing"]
    assert list(doc["components"]["securitySchemes"]) == ["oauth"]  # "key" is never required
    validate(doc)


def test_openapi_closure_keeps_subtypes_of_a_reached_polymorphic_base() -> None:
    schemas = {
        "Base": {"type": "object", "discriminator": {"propertyName": "kind"}},
        "Sub": {
            "allOf": [{"$ref": "#/components/schemas/Base"}, {"$ref": "#/components/schemas/Extra"}]
        },
        "Extra": {"type": "object"},
        "Unrelated": {"type": "object"},
    }
    ok = {
        "description": "OK",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Base"}}},
    }
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {"get": {"operationId": "A", "responses": {"200": ok}}},
            "/b": {"get": {"operationId": "B", "responses": {"200": {"description": "OK"}}}},
        },
        "components": {"schemas": schemas},
    }
    result = extract(doc, ["a"])
    assert list(result["paths"]) == ["/a"]
    assert list(result["components"]["schemas"]) == ["Base", "Extra", "Sub"]


def test_openapi_unresolvable_reference_is_an_error() -> None:
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "A",
                    "responses": {"200": {"$ref": "#/components/responses/Gone"}},
                }
            }
        },
    }
    with pytest.raises(ExtractError, match="unresolvable reference #/components/responses/Gone"):
        extract(doc, ["A"])


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ExtractError, match="unknown document format"):
        extract({"asyncapi": "2.0"}, ["x"])
    with pytest.raises(ExtractError, match=r"only 2\.0"):
        extract({"swagger": "1.2"}, ["x"])


# --- YAML output -----------------------------------------------------------------------------

TRICKY = {
    "version": "2.0",
    "also": "1.0",
    "truthy": "true",
    "yes": "yes",
    "no": "No",
    "on": "on",
    "null": "null",
    "tilde": "~",
    "empty": "",
    "date": "2023-10-12",
    "int": "0123",
    "hex": "0x1F",
    "float": "1e3",
    "colon": "a: b",
    "hash": "# not a comment",
    "dash": "- item",
    "star": "*alias",
    "amp": "&anchor",
    "unicode": "Grüße, 東京, emoji 🚀",
    "doc": 'line one "quoted"\n  indented \\ backslash\n\ttab, trailing space \nlast',
    "long": "word " * 60,
    "200": {"description": "numeric-looking key"},
    "real": [1, 2.5, True, None, {"nested": "yes"}],
}


def test_dump_yaml_round_trips_tricky_strings() -> None:
    text = dump_yaml(TRICKY, "Header line one\n\nline three")
    assert text.startswith("# Header line one\n#\n# line three\n")
    assert yaml.safe_load(text) == TRICKY
    assert "Grüße" in text and "\\u" not in text  # unicode is written as is
    assert "&" not in text.replace("&anchor", "")  # no anchors or aliases


def test_dump_yaml_keeps_key_order_and_writes_no_aliases() -> None:
    shared = {"type": "string"}
    data = {"z": shared, "a": shared}
    text = dump_yaml(data, "h")
    assert text == "# h\nz:\n  type: string\na:\n  type: string\n"


def test_dump_yaml_is_deterministic() -> None:
    assert dump_yaml(copy.deepcopy(TRICKY), "h") == dump_yaml(copy.deepcopy(TRICKY), "h")
    tiny = extract(_tiny_swagger(), ["Thing_Put"])
    again = extract(_tiny_swagger(), ["Thing_Put"])
    assert dump_yaml(tiny, "h").encode() == dump_yaml(again, "h").encode()


def test_smithy_service_mixins_are_flattened_into_the_extracted_service() -> None:
    # A service mixin (its protocol, auth, operations and errors) was a second service:
    # "expected exactly one service shape". The extracted service is written flat, so the
    # mixin's other operations do not come along.
    model = _tiny_smithy()
    shapes = model["shapes"]
    base = {
        "type": "service",
        "version": "2020-01-01",
        "operations": [{"target": "ex#Ping"}],
        "errors": [{"target": "ex#Throttled"}],
        "traits": {
            "smithy.api#mixin": {"localTraits": ["smithy.api#title"]},
            "smithy.api#title": "Base only",
            "aws.auth#sigv4": {"name": "svc"},
        },
    }
    shapes["ex#Base"] = base
    shapes["ex#Svc"]["mixins"] = [{"target": "ex#Base"}]
    shapes["ex#Ping"] = {"type": "operation"}
    shapes["ex#Throttled"] = {
        "type": "structure",
        "members": {},
        "traits": {"smithy.api#error": "client"},
    }
    result = extract(model, ["get_thing"])
    service = result["shapes"]["ex#Svc"]
    assert "mixins" not in service and "ex#Base" not in result["shapes"]
    assert service["operations"] == [{"target": "ex#GetThing"}]
    assert service["errors"] == [{"target": "ex#Throttled"}, {"target": "ex#ServiceError"}]
    assert service["traits"]["aws.auth#sigv4"] == {"name": "svc"}
    assert (
        "smithy.api#title" not in service["traits"] and "smithy.api#mixin" not in service["traits"]
    )
    assert "ex#Ping" not in result["shapes"] and "ex#Throttled" in result["shapes"]
