"""Bad input gets a located event (file:line:col, id, message, hint), never an exception.

Each test is one class of input that used to crash a stage (found by fuzzing the specs in
specs/ and small hand-made documents); the CLI test at the end runs the worst of them end to end.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.diagnostics import Event, Severity
from generator.pipeline import Loaded
from support import ROOT, find, line_of, spec_from_text

SMITHY = """
smithy: "2.0"
shapes:
  example.tasks#Tasks:
    type: service
    version: "2024-01-01"
    operations:
      - target: example.tasks#ListThings
    traits:
      aws.protocols#restJson1: {}
  example.tasks#ListThings:
    type: operation
    input: {target: example.tasks#ListThingsInput}
    output: {target: example.tasks#ListThingsOutput}
    errors:
      - target: example.tasks#NotFound
    traits:
      smithy.api#http: {method: GET, uri: "/things", code: 200}
      smithy.api#paginated: {inputToken: nextToken, outputToken: nextToken, items: things}
  example.tasks#ListThingsInput:
    type: structure
    members:
      nextToken: {target: smithy.api#String, traits: {smithy.api#httpQuery: nextToken}}
  example.tasks#ListThingsOutput:
    type: structure
    members:
      nextToken: {target: smithy.api#String}
      things: {target: example.tasks#ThingList}
  example.tasks#ThingList:
    type: list
    member: {target: example.tasks#Thing}
  example.tasks#Thing:
    type: structure
    members:
      when: {target: smithy.api#Timestamp}
  example.tasks#NotFound:
    type: structure
    members:
      message: {target: smithy.api#String}
    traits:
      smithy.api#error: client
"""

OPENAPI = """
openapi: 3.0.3
info: {title: Things, version: "1.0"}
security: [{bearer: []}]
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
  schemas:
    Error:
      type: object
      properties: {message: {type: string}}
    Thing:
      type: object
      required: [name]
      properties:
        name: {type: string}
        color: {type: string, enum: [red, blue]}
        when: {type: string, format: date-time}
    ThingList:
      type: object
      properties:
        value: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        nextLink: {type: string}
paths:
  /things:
    get:
      operationId: Things_List
      x-ms-pageable: {nextLinkName: nextLink}
      responses:
        "200":
          description: ok
          headers: {ETag: {schema: {type: string}}}
          content: {application/json: {schema: {$ref: "#/components/schemas/ThingList"}}}
        default:
          description: error
          content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
"""

SWAGGER = """
swagger: "2.0"
info: {title: Things, version: "1.0"}
parameters:
  ThingBody: {name: thing, in: body, required: true, schema: {$ref: "#/definitions/Thing"}}
definitions:
  Thing:
    type: object
    properties:
      name: {type: string}
paths:
  /things/{thingId}:
    put:
      operationId: Things_Put
      parameters:
        - {name: thingId, in: path, required: true, type: string}
        - $ref: "#/parameters/ThingBody"
      responses:
        "204": {description: ok}
"""


def _sub(base: str, old: str, new: str) -> str:
    base = textwrap.dedent(base).lstrip("\n")
    assert old in base, old
    return base.replace(old, new, 1)


def _load(tmp_path: Path, text: str) -> tuple[Loaded, str]:
    """Load a spec; any exception escaping the pipeline fails the test."""
    return spec_from_text(tmp_path, text)


def _one(result: Loaded, id: str) -> Event:
    events = find(result.diagnostics.events, id)
    assert events, [e.format() for e in result.diagnostics.events]
    event = events[0]
    assert event.severity is Severity.ERROR
    assert event.location.line > 0 and event.location.col > 0, event.format()
    assert event.message and event.hint
    return event


def _no_unlocated_errors(result: Loaded) -> None:
    for event in result.diagnostics.events:
        if event.severity is Severity.ERROR:
            assert event.location.line > 0, event.format()


def test_bases_are_clean(tmp_path: Path) -> None:
    for i, base in enumerate((SMITHY, OPENAPI, SWAGGER)):
        result, _ = spec_from_text(tmp_path, base, name=f"base{i}.yaml")
        assert result.ok, [e.format() for e in result.diagnostics.events]


# -- load: YAML that cannot become a finite tree ------------------------------------------------


def test_recursive_alias_is_located(tmp_path: Path) -> None:
    # RecursionError in the builder, reported without a line.
    result, body = _load(tmp_path, 'smithy: "2.0"\nshapes:\n  a: &x [1, *x]  # <- HERE\n')
    event = _one(result, "RecursiveAlias")
    assert event.location.line == line_of(body, "<- HERE")
    assert result.service is None


def test_recursive_alias_in_a_mapping_is_located(tmp_path: Path) -> None:
    result, body = _load(tmp_path, 'smithy: "2.0"\nshapes: &x {a: *x}  # <- HERE\n')
    assert _one(result, "RecursiveAlias").location.line == line_of(body, "<- HERE")


def test_alias_bomb_stops_quickly(tmp_path: Path) -> None:
    # "Billion laughs": each level multiplies by 9; 8 levels took minutes to expand.
    text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    previous = "a"
    for name in "bcdefgh":
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    result, _ = _load(tmp_path, text + 'smithy: "2.0"\nshapes: {}\n')
    _one(result, "AliasExpansion")
    assert result.service is None


def test_deep_nesting_is_located(tmp_path: Path) -> None:
    # 600 nested lists: RecursionError in the builder, reported without a line.
    text = 'openapi: 3.0.3\ninfo: {title: x, version: "1"}\npaths: {}\nx-deep: '
    result, body = _load(tmp_path, text + "[" * 600 + "]" * 600 + "  # <- HERE\n")
    assert _one(result, "NestingDepth").location.line == line_of(body, "<- HERE")


def test_control_character_is_located(tmp_path: Path) -> None:
    result, body = _load(tmp_path, 'smithy: "2.0"\nshapes: {a: "x\x00"}  # <- HERE\n')
    event = _one(result, "Syntax")
    assert event.location.line == line_of(body, "<- HERE")
    assert "#x0000" in event.message


def test_unbuildable_scalar_is_located(tmp_path: Path) -> None:
    result, body = _load(tmp_path, 'smithy: "2.0"\nshapes:\n  a: 2024-13-45  # <- HERE\n')
    assert _one(result, "Syntax").location.line == line_of(body, "<- HERE")


# -- Smithy: trait and node values of the wrong type --------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # TypeError: unhashable type (the shape type looked up in a set)
        ("    type: list\n", "    type: {list: 1}  # <- HERE\n"),
        ("    type: list\n", "    type: [list]  # <- HERE\n"),
        # TypeError: unhashable type (timestampFormat looked up in a set)
        (
            "      when: {target: smithy.api#Timestamp}",
            "      when:\n"
            "        target: smithy.api#Timestamp\n"
            "        traits: {smithy.api#timestampFormat: {a: 1}}  # <- HERE",
        ),
        # AttributeError: 'int' object has no attribute 'split' (pagination rule)
        ("inputToken: nextToken, outputToken", "inputToken: 3, outputToken"),
        ("items: things}", "items: [things]}"),
        # a boolean is not the retryable structure
        (
            "      smithy.api#error: client",
            "      smithy.api#error: client\n      smithy.api#retryable: true",
        ),
    ],
    ids=[
        "type-mapping",
        "type-list",
        "timestamp-format",
        "paginated-int",
        "paginated-list",
        "retry",
    ],
)
def test_smithy_wrong_types(tmp_path: Path, old: str, new: str) -> None:
    text = _sub(SMITHY, old, new)
    result, body = _load(tmp_path, text)
    event = _one(result, "WrongType")
    if "<- HERE" in body:
        assert event.location.line == line_of(body, "<- HERE")
    _no_unlocated_errors(result)
    assert not result.ok


def test_paginated_member_of_wrong_type_points_at_the_trait(tmp_path: Path) -> None:
    paginated = (
        "smithy.api#paginated:\n"
        "        inputToken: {a: 1}  # <- HERE\n"
        "        outputToken: nextToken\n"
        "        items: things"
    )
    text = _sub(
        SMITHY,
        "smithy.api#paginated: {inputToken: nextToken, outputToken: nextToken, items: things}",
        paginated,
    )
    result, body = _load(tmp_path, text)
    event = _one(result, "WrongType")
    assert event.location.line == line_of(body, "<- HERE")
    assert "inputToken" in event.message


def test_list_containing_itself(tmp_path: Path) -> None:
    # RecursionError while rendering the Python type of list[list[list[...]]].
    text = _sub(
        SMITHY,
        "    member: {target: example.tasks#Thing}",
        "    member: {target: example.tasks#ThingList}",
    )
    result, body = _load(tmp_path, text)
    event = _one(result, "RecursiveCollection")
    # A shape is located at its id (the key), where the user looks for it.
    where = (event.location.line, event.location.col)
    assert where == (line_of(body, "example.tasks#ThingList:"), 3)


# -- OpenAPI: wrong types where the front-end indexed, hashed or iterated -----------------------


@pytest.mark.parametrize(
    ("old", "new", "id"),
    [
        # TypeError: 'int' object is not iterable (security requirements)
        ("security: [{bearer: []}]", "security: 3  # <- HERE", "OpenApiSchema"),
        # AttributeError: 'list' object has no attribute 'values' (oauth2 flows)
        (
            "bearer: {type: http, scheme: bearer}",
            "bearer: {type: oauth2, flows: [1]}  # <- HERE",
            "OpenApiSchema",
        ),
        # AttributeError: 'list' object has no attribute 'items' (response headers)
        ("headers: {ETag: {schema: {type: string}}}", "headers: [1]  # <- HERE", "WrongType"),
        # TypeError: unhashable type: 'list' (format looked up in a table)
        ("format: date-time}", "format: [date-time]}  # <- HERE", "WrongType"),
        # TypeError: unhashable type: 'dict' (enum values keyed by value)
        ("enum: [red, blue]}", "enum: [red, {a: 1}]}  # <- HERE", "WrongType"),
        # TypeError: unhashable type: 'dict' (required entries looked up in properties)
        ("      required: [name]", "      required: [{name: 1}]  # <- HERE", "WrongType"),
        ("      required: [name]", "      allOf: {a: 1}  # <- HERE", "WrongType"),
    ],
    ids=["security", "flows", "headers", "format", "enum", "required", "allof-mapping"],
)
def test_openapi_wrong_types(tmp_path: Path, old: str, new: str, id: str) -> None:
    result, body = _load(tmp_path, _sub(OPENAPI, old, new))
    event = _one(result, id)
    assert event.location.line == line_of(body, "<- HERE"), event.format()
    _no_unlocated_errors(result)


def test_integer_enum_with_non_integer_values(tmp_path: Path) -> None:
    text = _sub(
        OPENAPI,
        "color: {type: string, enum: [red, blue]}",
        "color: {type: integer, enum: [1, a]}  # <- HERE",
    )
    result, body = _load(tmp_path, text)
    event = _one(result, "WrongType")
    assert event.location.line == line_of(body, "<- HERE")
    assert "integer" in event.message


def test_allof_cycle(tmp_path: Path) -> None:
    # RecursionError: a schema inheriting from itself through allOf.
    loop = (
        "    Loop:\n"
        "      allOf:\n"
        '        - $ref: "#/components/schemas/Loop"  # <- HERE\n'
        "        - properties: {a: {type: string}}\n"
        "    Thing:\n"
    )
    result, body = _load(tmp_path, _sub(OPENAPI, "    Thing:\n", loop))
    event = _one(result, "RefCycle")
    assert event.location.line == line_of(body, "<- HERE")
    assert not find(result.diagnostics.events, "DuplicateMemberName")


def test_service_name_starting_with_a_digit(tmp_path: Path) -> None:
    # The client class `123ThingsClient` was rendered and failed to parse; a title is free
    # text, so the client is named `Api123ThingsClient` instead.
    text = _sub(OPENAPI, "info: {title: Things,", "info: {title: 123 Things,")
    result, _ = _load(tmp_path, text)
    assert result.ok and result.service is not None
    assert result.service.name == "Api123Things"


@pytest.mark.parametrize(
    ("old", "new", "id"),
    [
        # (An error body that is not an object, and a success body that is a list, once
        # crashed the renderer; both are legal and generate now: tests/test_openapi_features.py.)
        # IndexError in the renderer: the pageable item member is not an array
        (
            '        value: {type: array, items: {$ref: "#/components/schemas/Thing"}}',
            "        value: {type: string}",
            "PaginatedMember",
        ),
    ],
    ids=["page-items"],
)
def test_openapi_shapes_the_client_cannot_take(tmp_path: Path, old: str, new: str, id: str) -> None:
    result, body = _load(tmp_path, _sub(OPENAPI, old, new.rstrip() + "  # <- HERE"))
    event = _one(result, id)
    # The error is reported on the response (code) or the property that holds the bad schema.
    assert line_of(body, "<- HERE") - 3 <= event.location.line <= line_of(body, "<- HERE")
    assert not result.ok


# -- Swagger 2.0: what the conversion to OpenAPI 3 could not take -------------------------------


@pytest.mark.parametrize(
    ("old", "new", "id"),
    [
        # AttributeError: 'list' object has no attribute 'items'
        (
            "definitions:\n  Thing:",
            "definitions: [1]  # <- HERE\nx-definitions:\n  Thing:",
            "WrongType",
        ),
        (
            "    properties:\n      name:",
            "    properties: [1]  # <- HERE\n    x-properties:\n      name:",
            "WrongType",
        ),
        ('        "204": {description: ok}', '        "204": [1]  # <- HERE', "WrongType"),
        # AttributeError: 'str' object has no attribute 'get'
        (
            "        - {name: thingId, in: path, required: true, type: string}",
            "        - thingId  # <- HERE",
            "WrongType",
        ),
        # KeyError: 'name' (a body parameter without a name)
        (
            'name: thing, in: body, required: true, schema: {$ref: "#/definitions/Thing"}}',
            'in: body, required: true, schema: {$ref: "#/definitions/Thing"}}  # <- HERE',
            "WrongType",
        ),
        # ExtractError: unresolvable parameter reference
        (
            '        - $ref: "#/parameters/ThingBody"',
            '        - $ref: "#/definitions/Thing"  # <- HERE',
            "DanglingTarget",
        ),
        # ExtractError: more than one body parameter
        (
            '        - $ref: "#/parameters/ThingBody"',
            '        - $ref: "#/parameters/ThingBody"\n'
            "        - {name: more, in: body, schema: {}}  # <- HERE",
            "ConflictingBindings",
        ),
        # ExtractError: collectionFormat with no OpenAPI 3 form
        (
            "        - {name: thingId, in: path, required: true, type: string}",
            "        - {name: thingId, in: path, required: true, type: array,\n"
            "           items: {type: string}, collectionFormat: ssv}  # <- HERE",
            "WrongType",
        ),
        # ExtractError: not a Swagger 2.0 document (an unquoted 2.0 is a float)
        ('swagger: "2.0"', "swagger: 2.0  # <- HERE", "UnsupportedVersion"),
        # AttributeError: 'int' object has no attribute 'startswith' (a non-string key)
        ("info: {title: Things", "1: x  # <- HERE\ninfo: {title: Things", "WrongType"),
    ],
    ids=[
        "definitions",
        "properties",
        "response",
        "parameter",
        "body-name",
        "parameter-ref",
        "two-bodies",
        "collection-format",
        "version",
        "key",
    ],
)
def test_swagger_the_conversion_cannot_take(tmp_path: Path, old: str, new: str, id: str) -> None:
    result, body = _load(tmp_path, _sub(SWAGGER, old, new))
    event = _one(result, id)
    assert event.location.line == line_of(body, "<- HERE"), event.format()
    _no_unlocated_errors(result)
    assert result.service is None


# -- end to end ---------------------------------------------------------------------------------

WORST = {
    "recursive-alias.yaml": 'smithy: "2.0"\nshapes:\n  a: &x [*x]\n',
    "shapes-null.yaml": 'smithy: "2.0"\nshapes: null\n',
    "http-string.yaml": _sub(
        SMITHY,
        '      smithy.api#http: {method: GET, uri: "/things", code: 200}',
        '      smithy.api#http: "GET /x"',
    ),
    "type-mapping.yaml": _sub(SMITHY, "    type: list\n", "    type: {list: 1}\n"),
    "paginated-list.yaml": _sub(SMITHY, "items: things}", "items: [things]}"),
    "enum-objects.yaml": _sub(OPENAPI, "enum: [red, blue]}", "enum: [{a: 1}, [1]]}"),
    "paths-null.yaml": _sub(
        OPENAPI, "  /things:\n    get:", "  /things: null\n  /other:\n    get:"
    ),
    "swagger-definitions.yaml": _sub(
        SWAGGER, "definitions:\n  Thing:", "definitions: [1]\nx-d:\n  Thing:"
    ),
    "swagger-responses.yaml": _sub(SWAGGER, '        "204": {description: ok}', "        204: [1]"),
}


def test_cli_reports_the_worst_mutants_without_a_traceback(tmp_path: Path) -> None:
    paths = []
    for name, text in WORST.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    for path in paths:
        proc = subprocess.run(
            [sys.executable, "-m", "generator", "validate", path],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        output = proc.stdout + proc.stderr
        assert proc.returncode == 1, (path, output)
        assert "Traceback" not in output and "internal error" not in output, output
        assert f"{path}:" in proc.stdout and ": ERROR [" in proc.stdout, output


def test_union_of_only_itself(tmp_path: Path) -> None:
    union = (
        "  example.tasks#Choice:  # <- HERE\n"
        "    type: union\n"
        "    members:\n"
        "      again: {target: example.tasks#Choice}\n"
        "  example.tasks#Thing:\n"
    )
    text = _sub(SMITHY, "  example.tasks#Thing:\n", union)
    text = text.replace(
        "      when: {target: smithy.api#Timestamp}",
        "      when: {target: smithy.api#Timestamp}\n      choice: {target: example.tasks#Choice}",
    )
    result, body = _load(tmp_path, text)
    event = _one(result, "RecursiveUnion")
    assert (event.location.line, event.location.col) == (line_of(body, "<- HERE"), 3)


def test_union_whose_first_member_is_itself_renders(tmp_path: Path) -> None:
    # RecursionError in the sample values of the generated tests (always the first variant).
    from generator.config import ServiceConfig
    from generator.render.environment import build_environment
    from generator.render.format import Formatter
    from generator.render.package import render_package

    union = (
        "  example.tasks#Choice:\n"
        "    type: union\n"
        "    members:\n"
        "      again: {target: example.tasks#Choice}\n"
        "      text: {target: smithy.api#String}\n"
        "  example.tasks#Thing:\n"
    )
    text = _sub(SMITHY, "  example.tasks#Thing:\n", union)
    text = text.replace(
        "      when: {target: smithy.api#Timestamp}",
        "      when: {target: smithy.api#Timestamp}\n"
        "      choice: {target: example.tasks#Choice, traits: {smithy.api#required: {}}}",
    )
    result, _ = _load(tmp_path, text)
    assert result.ok and result.service is not None
    config = ServiceConfig(tmp_path / "spec.yaml", "things", tmp_path / "out")
    files = render_package(result.service, config, build_environment(None), Formatter(None))
    assert "ChoiceText(value=" in files["tests/test_things_models.py"]
