"""Located events for OpenAPI specs: openapi-spec-validator findings and the semantic rules."""

from __future__ import annotations

import json
from pathlib import Path

from generator.diagnostics import Severity
from generator.ir import Binding, Kind
from support import col_of, find, line_of, spec_from_text

BASE = """
openapi: 3.0.3
info: {title: Things Service, version: "1.0"}
paths:
  /things/{thingId}:
    get:
      operationId: Thing_Get
      parameters:
        - name: thingId
          in: path
          required: true
          schema: {type: string}
        - name: $filter
          in: query
          schema: {type: string}
      responses:
        "200":
          description: ok
          headers:
            ETag: {schema: {type: string}}
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
        default:
          description: error
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: string}
        state:
          type: string
          enum: [active, done]
          x-ms-enum: {name: ThingState, modelAsString: true}
        created: {type: string, format: date-time}
        tags: {type: array, items: {type: string}}
    Error:
      type: object
      properties:
        code: {type: string}
"""


def test_base_spec_builds_the_ir(tmp_path: Path) -> None:
    result, _ = spec_from_text(tmp_path, BASE)
    assert result.ok, [e.format() for e in result.diagnostics.events]
    svc = result.service
    assert svc is not None and svc.name == "ThingsService"
    [op] = svc.operations
    assert op.name == "Thing_Get" and op.http is not None and op.http.method == "GET"
    inp = svc.shape(op.input or "")
    assert inp is not None
    assert [(m.name, m.binding) for m in inp.members] == [
        ("thingId", Binding.LABEL),
        ("$filter", Binding.QUERY),
    ]
    out = svc.shape(op.output or "")
    assert out is not None
    assert {m.name: m.binding for m in out.members} == {
        "body": Binding.PAYLOAD,
        "ETag": Binding.HEADER,
    }
    error = svc.shape("#/components/schemas/Error")
    assert error is not None and error.error is not None
    assert op.errors == ("#/components/schemas/Error",)
    state = svc.shape("enum#ThingState")
    assert state is not None and state.kind is Kind.ENUM
    assert [v.value for v in state.enum_values] == ["active", "done"]


def test_schema_error_from_openapi_spec_validator_is_located(tmp_path: Path) -> None:
    text = BASE.replace(
        'info: {title: Things Service, version: "1.0"}', "info: {title: Things}  # <- INFO"
    )
    result, body = spec_from_text(tmp_path, text)
    events = find(result.diagnostics.events, "OpenApiSchema")
    assert events, [e.format() for e in result.diagnostics.events]
    assert events[0].location.line == line_of(body, "<- INFO")
    assert "version" in events[0].message
    assert events[0].severity is Severity.ERROR


def test_path_parameter_not_required(tmp_path: Path) -> None:
    text = BASE.replace(
        "        - name: thingId\n          in: path\n          required: true\n",
        "        - name: thingId  # <- P\n          in: path\n",
    )
    result, body = spec_from_text(tmp_path, text)
    located = {(e.id, e.location.line) for e in result.diagnostics.events}
    assert ("HttpLabelNotRequired", line_of(body, "<- P")) in located
    assert ("OpenApiSchema", line_of(body, "<- P")) in located


def test_dangling_ref(tmp_path: Path) -> None:
    text = BASE.replace(
        '              schema: {$ref: "#/components/schemas/Thing"}',
        '              schema: {$ref: "#/components/schemas/Thnig"}  # <- REF',
    )
    result, body = spec_from_text(tmp_path, text)
    events = find(result.diagnostics.events, "DanglingTarget")
    assert events and events[0].location.line == line_of(body, "<- REF")
    assert "Thnig" in events[0].message
    assert not find(result.diagnostics.events, "Internal")


def test_ref_cycle(tmp_path: Path) -> None:
    text = BASE + (
        "    Loop:\n"
        '      $ref: "#/components/schemas/Loop2"\n'
        "    Loop2:\n"
        '      $ref: "#/components/schemas/Loop"  # <- CYCLE\n'
    )
    result, body = spec_from_text(tmp_path, text)
    events = find(result.diagnostics.events, "RefCycle")
    assert events
    assert events[0].location.line in (line_of(body, "<- CYCLE"), line_of(body, "<- CYCLE") - 2)


def test_missing_operation_id_is_named_after_method_and_path(tmp_path: Path) -> None:
    # operationId is optional: the operation is named as openapi-python-client names it.
    text = BASE.replace("      operationId: Thing_Get\n", "")
    result, _ = spec_from_text(tmp_path, text)
    assert result.ok, [e.format() for e in result.diagnostics.events]
    assert result.service is not None
    assert [op.name for op in result.service.operations] == ["get_things_thing_id"]


def test_label_mismatch(tmp_path: Path) -> None:
    text = BASE.replace("  /things/{thingId}:", "  /things/{id}:  # <- URI")
    result, body = spec_from_text(tmp_path, text)
    events = find(result.diagnostics.events, "HttpLabelMismatch")
    assert {(e.location.line, e.location.col) for e in events} == {
        (line_of(body, "<- URI"), 3),  # {id} has no parameter
        (line_of(body, "- name: thingId"), 11),  # thingId is not in the URI
    }


def test_duplicate_operation_names(tmp_path: Path) -> None:
    text = BASE.replace(
        "components:\n",
        "  /others:\n"
        "    get:\n"
        "      operationId: thing_get  # <- OP\n"
        "      responses: {'200': {description: ok}}\n"
        "components:\n",
    )
    result, body = spec_from_text(tmp_path, text)
    # Legal (operationIds differ), but both would be the method thing_get(): the second one is
    # renamed, with a NOTE where it is declared.
    assert result.ok, [e.format() for e in result.diagnostics.events]
    [event] = find(result.diagnostics.events, "OperationRenamed")
    assert event.location.line == line_of(body, "<- OP")
    assert result.service is not None
    assert [op.name for op in result.service.operations] == ["Thing_Get", "thing_get_2"]


def test_enum_names_that_collide(tmp_path: Path) -> None:
    text = BASE.replace("enum: [active, done]", "enum: [in-progress, in_progress]  # <- ENUM")
    result, body = spec_from_text(tmp_path, text)
    # Legal: the names are told apart (IN_PROGRESS, IN_PROGRESS_2) and a NOTE says so, on the
    # second value of the list.
    assert result.ok
    [event] = find(result.diagnostics.events, "DuplicateEnumName")
    assert event.severity is Severity.NOTE
    assert (event.location.line, event.location.col) == (
        line_of(body, "<- ENUM"),
        col_of(body, "<- ENUM", "in_progress]"),
    )
    assert "numeric suffix" in event.message and "x-ms-enum" in event.hint


def test_conflicting_header_bindings(tmp_path: Path) -> None:
    text = BASE.replace(
        "        - name: $filter\n",
        "        - {name: X-Trace, in: header, schema: {type: string}}\n"
        "        - {name: x-trace, in: header, schema: {type: string}}  # <- H\n"
        "        - name: $filter\n",
    )
    result, body = spec_from_text(tmp_path, text)
    events = find(result.diagnostics.events, "ConflictingBindings")
    assert events and events[0].location.line == line_of(body, "<- H")


def test_unknown_extension_is_a_note(tmp_path: Path) -> None:
    text = BASE.replace(
        "      operationId: Thing_Get\n",
        "      operationId: Thing_Get\n      x-acme-rate-limit: 10  # <- X\n",
    )
    result, body = spec_from_text(tmp_path, text)
    assert result.ok
    [event] = find(result.diagnostics.events, "UnknownExtension")
    assert event.severity is Severity.NOTE and event.location.line == line_of(body, "<- X")


def test_json_spec_is_located_too(tmp_path: Path) -> None:
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "A_Get",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/X"}}
                            },
                        }
                    },
                }
            }
        },
    }
    text = json.dumps(doc, indent=2)
    result, body = spec_from_text(tmp_path, text, name="spec.json")
    [event] = find(result.diagnostics.events, "DanglingTarget")
    assert event.location.line == line_of(body, '"$ref"')


def test_swagger2_is_normalised_and_located(tmp_path: Path) -> None:
    text = """
    swagger: "2.0"
    info: {title: Mini, version: "1"}
    paths:
      /items/{itemId}:
        get:
          operationId: Item_Get
          produces: [application/json]
          parameters:
            - {name: itemId, in: path, required: true, type: string}
          responses:
            "200":
              description: ok
              schema: {$ref: "#/definitions/Item"}
    definitions:
      Item:
        type: object
        properties:
          id: {type: string}
          size: {$ref: "#/definitions/Missing"}  # <- MISSING
    """
    result, body = spec_from_text(tmp_path, text)
    events = find(result.diagnostics.events, "DanglingTarget")
    assert events and events[0].location.line == line_of(body, "<- MISSING")
    assert result.service is not None and result.service.source_format == "swagger"


ALLOF = """
openapi: 3.0.3
info: {title: Things, version: "1.0"}
paths:
  /things/{task-id}:
    get:
      operationId: Thing_Get
      parameters:
        - {name: task-id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Derived"}
components:
  schemas:
    Base:
      type: object
      properties:
        bar: {type: string}
        baz: {type: integer, description: base}
    Derived:
      allOf:
        - $ref: "#/components/schemas/Base"
        - type: object
          required: [bar]
        - type: object
          properties:
            baz: {type: string, description: redeclared}
"""


def test_allof_parts_share_required_and_redeclare_properties(tmp_path: Path) -> None:
    result, _ = spec_from_text(tmp_path, ALLOF)
    # No UnknownRequired (bar is Base's), no DuplicateMemberName (baz is redeclared, once),
    # no HttpUri ({task-id} is a legal OpenAPI label).
    assert not result.diagnostics.events, [e.format() for e in result.diagnostics.events]
    svc = result.service
    assert svc is not None
    derived = svc.shape("#/components/schemas/Derived")
    assert derived is not None
    members = {m.name: m for m in derived.members}
    assert list(members) == ["bar", "baz"]
    assert members["bar"].required and not members["baz"].required
    assert members["baz"].docs == "redeclared"  # the later declaration wins
    [op] = svc.operations
    assert op.http is not None and op.http.uri == "/things/{task-id}"


def test_required_naming_nothing_in_any_part_is_a_warning(tmp_path: Path) -> None:
    text = ALLOF.replace("          required: [bar]\n", "          required: [bar, qux]  # <- Q\n")
    result, body = spec_from_text(tmp_path, text)
    assert result.ok
    [event] = find(result.diagnostics.events, "UnknownRequired")
    assert event.severity is Severity.WARNING and "qux" in event.message
    assert (event.location.line, event.location.col) == (
        line_of(body, "<- Q"),
        col_of(body, "<- Q", "qux"),
    )
