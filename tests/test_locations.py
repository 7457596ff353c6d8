"""Every rule points at the line AND column of the thing it is about.

Each case edits a clean spec so that one rule fires, marks the line with `# <- X`, and names the
token the event must start at (the member's key, the trait's value, the `$ref`, ...). Block-style
YAML is used on purpose: an event located on a member's *value* would land one line below its key.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Severity
from support import col_of, find, line_of, spec_from_text

SMITHY = """
smithy: "2.0"
shapes:
  example.tasks#Tasks:
    type: service
    version: "2024-01-01"
    operations:
      - target: example.tasks#GetThing
    traits:
      aws.protocols#restJson1: {}
      aws.auth#sigv4: {name: tasks}
  example.tasks#GetThing:
    type: operation
    input: {target: example.tasks#GetThingInput}
    output: {target: example.tasks#GetThingOutput}
    traits:
      smithy.api#http:
        method: GET
        uri: "/things/{thingId}"
        code: 200
      smithy.api#readonly: {}
  example.tasks#GetThingInput:
    type: structure
    members:
      thingId:
        target: smithy.api#String
        traits:
          smithy.api#httpLabel: {}
          smithy.api#required: {}
      count:
        target: smithy.api#Integer
  example.tasks#GetThingOutput:
    type: structure
    members:
      name:
        target: smithy.api#String
      color:
        target: example.tasks#Color
  example.tasks#Color:
    type: enum
    members:
      RED:
        target: smithy.api#Unit
      BLUE:
        target: smithy.api#Unit
"""

OPENAPI = """
openapi: 3.0.3
info: {title: Things, version: "1.0"}
paths:
  /things/{thingId}:
    get:
      operationId: Thing_Get
      parameters:
        - name: thingId
          in: path
          required: true
          schema: {type: string}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id:
          type: string
        color:
          type: string
          enum: [red, blue]
"""

# (rule id, severity, old text, new text with a `# <- X` mark, token the event starts at)
SMITHY_CASES = [
    (
        "DanglingTarget",
        Severity.ERROR,
        "      name:\n        target: smithy.api#String\n",
        "      name:\n        target: example.tasks#Nope  # <- X\n",
        "example.tasks#Nope",
    ),
    (
        "HttpMethod",
        Severity.ERROR,
        "        method: GET\n",
        "        method: FETCH  # <- X\n",
        "FETCH",
    ),
    (
        "HttpUri",
        Severity.ERROR,
        '        uri: "/things/{thingId}"\n',
        '        uri: "/things/{thing-id}"  # <- X\n',
        '"/things',
    ),
    (
        "HttpLabelMismatch",
        Severity.ERROR,
        '        uri: "/things/{thingId}"\n',
        '        uri: "/things/{thingId}/{other}"  # <- X\n',
        '"/things',
    ),
    (
        "HttpLabelNotRequired",
        Severity.ERROR,
        "      thingId:\n        target: smithy.api#String\n        traits:\n"
        "          smithy.api#httpLabel: {}\n          smithy.api#required: {}\n",
        "      thingId:  # <- X\n        target: smithy.api#String\n        traits:\n"
        "          smithy.api#httpLabel: {}\n",
        "thingId",
    ),
    (
        "ConflictingBindings",
        Severity.ERROR,
        "      count:\n        target: smithy.api#Integer\n",
        "      count:\n        target: smithy.api#Integer\n        traits:\n"
        "          smithy.api#httpHeader: X-Count\n"
        "          smithy.api#httpQuery: count  # <- X\n",
        "smithy.api#httpQuery",
    ),
    (
        "ConflictingBindings",
        Severity.ERROR,
        "      count:\n        target: smithy.api#Integer\n",
        "      count:  # <- X\n        target: example.tasks#GetThingOutput\n        traits:\n"
        "          smithy.api#httpHeader: X-Count\n",
        "count",
    ),
    (
        "RecursiveRequired",
        Severity.ERROR,
        "      color:\n        target: example.tasks#Color\n",
        "      color:\n        target: example.tasks#Color\n"
        "      self:\n        target: example.tasks#GetThingOutput\n"
        "        traits: {smithy.api#required: {}}\n",
        None,  # the shape id key: checked below
    ),
    (
        "InvalidMemberName",
        Severity.WARNING,
        "      count:\n",
        "      größe:  # <- X\n",
        "größe",
    ),
    (
        "InvalidEnumName",
        Severity.WARNING,
        "      BLUE:\n",
        '      "1BLUE":  # <- X\n',
        '"1BLUE"',
    ),
    (
        "DuplicateMemberName",
        Severity.NOTE,
        "      color:\n        target: example.tasks#Color\n",
        "      color:\n        target: example.tasks#Color\n"
        "      Color:  # <- X\n        target: smithy.api#String\n",
        "Color:",
    ),
    (
        "DuplicateEnumValue",
        Severity.ERROR,
        "      BLUE:\n        target: smithy.api#Unit\n",
        "      BLUE:  # <- X\n        target: smithy.api#Unit\n        traits:\n"
        "          smithy.api#enumValue: RED\n",
        "BLUE",
    ),
    (
        "InvalidDefault",
        Severity.ERROR,
        "      count:\n        target: smithy.api#Integer\n",
        "      count:\n        target: smithy.api#Integer\n        traits:\n"
        "          smithy.api#default: five  # <- X\n",
        "five",
    ),
    (
        "InvalidDefault",
        Severity.ERROR,
        "      color:\n        target: example.tasks#Color\n",
        "      color:\n        target: example.tasks#Color\n        traits:\n"
        "          smithy.api#default: GREEN  # <- X\n",
        "GREEN",
    ),
    (
        "InvalidEnumValue",
        Severity.ERROR,
        "      BLUE:\n        target: smithy.api#Unit\n",
        "      BLUE:\n        target: smithy.api#Unit\n        traits:\n"
        '          smithy.api#enumValue: ""  # <- X\n',
        '""',
    ),
    (
        "InvalidLength",
        Severity.ERROR,
        "      name:\n        target: smithy.api#String\n",
        "      name:\n        target: smithy.api#String\n        traits:\n"
        "          smithy.api#length:\n            min: 5  # <- X\n            max: 2\n",
        "5",
    ),
    (
        "InvalidLength",
        Severity.ERROR,
        "      name:\n        target: smithy.api#String\n",
        "      name:\n        target: smithy.api#String\n        traits:\n"
        "          smithy.api#length: {min: -1}  # <- X\n",
        "-1",
    ),
    (
        "InvalidRange",
        Severity.ERROR,
        "      count:\n        target: smithy.api#Integer\n",
        "      count:\n        target: smithy.api#Integer\n        traits:\n"
        "          smithy.api#range: {min: 10, max: 1}  # <- X\n",
        "10",
    ),
    (
        "InvalidRange",
        Severity.ERROR,
        "      name:\n        target: smithy.api#String\n",
        "      name:\n        target: smithy.api#String\n        traits:\n"
        "          smithy.api#range: {min: 1}  # <- X\n",
        "smithy.api#range",
    ),
    (
        "InvalidPattern",
        Severity.WARNING,
        "      name:\n        target: smithy.api#String\n",
        "      name:\n        target: smithy.api#String\n        traits:\n"
        '          smithy.api#pattern: "([a-z"  # <- X\n',
        '"([a-z"',
    ),
    (
        "UnknownTrait",
        Severity.NOTE,
        "      smithy.api#readonly: {}\n",
        "      smithy.api#readonly: {}\n      acme#fancy: {}  # <- X\n",
        "acme#fancy",
    ),
    (
        "WrongType",
        Severity.ERROR,
        "        code: 200\n",
        "        code: ok  # <- X\n",
        "ok",
    ),
    (
        "UnknownShapeType",
        Severity.ERROR,
        "  example.tasks#Color:\n    type: enum\n",
        "  example.tasks#Color:\n    type: enumeration  # <- X\n",
        "enumeration",
    ),
    (
        "InvalidShapeId",
        Severity.ERROR,
        "  example.tasks#Color:\n",
        "  Color:  # <- X\n",
        "Color",
    ),
    (
        "PaginatedMember",
        Severity.ERROR,
        "      smithy.api#readonly: {}\n",
        "      smithy.api#readonly: {}\n"
        "      smithy.api#paginated:\n        items: things  # <- X\n",
        "things",
    ),
    (
        "ErrorTrait",
        Severity.ERROR,
        "    output: {target: example.tasks#GetThingOutput}\n",
        "    output: {target: example.tasks#GetThingOutput}\n"
        "    errors: [{target: example.tasks#Oops}]\n"
        "    # <- X\n",
        None,
    ),
    (
        "MissingMember",
        Severity.ERROR,
        "  example.tasks#Color:\n",
        "  example.tasks#Things:  # <- X\n    type: list\n  example.tasks#Color:\n",
        "example.tasks#Things",
    ),
]


@pytest.mark.parametrize(
    ("rule", "severity", "old", "new", "token"),
    SMITHY_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(SMITHY_CASES)],
)
def test_smithy_event_location(
    tmp_path: Path, rule: str, severity: Severity, old: str, new: str, token: str | None
) -> None:
    base = SMITHY
    if rule == "ErrorTrait":
        base += "  example.tasks#Oops:  # <- OOPS\n    type: structure\n    members: {}\n"
    assert old in base, old
    result, body = spec_from_text(tmp_path, base.replace(old, new, 1))
    events = find(result.diagnostics.events, rule)
    assert events, [e.format() for e in result.diagnostics.events]
    event = events[0]
    assert event.severity is severity, event.format()
    assert event.hint
    if rule == "RecursiveRequired":
        where = (line_of(body, "example.tasks#GetThingOutput:"), 3)
    elif rule == "ErrorTrait":
        where = (line_of(body, "<- OOPS"), 3)
    else:
        assert token is not None
        where = (line_of(body, "<- X"), col_of(body, "<- X", token))
    assert (event.location.line, event.location.col) == where, event.format()


OPENAPI_CASES = [
    (
        "DanglingTarget",
        Severity.ERROR,
        '              schema: {$ref: "#/components/schemas/Thing"}\n',
        '              schema: {$ref: "#/components/schemas/Thnig"}  # <- X\n',
        '"#/components/schemas/Thnig"',
    ),
    (
        "UnknownRequired",
        Severity.WARNING,
        "      required: [id]\n",
        "      required: [id, idd]  # <- X\n",
        "idd",
    ),
    (
        "DuplicateMemberName",
        Severity.NOTE,
        "        id:\n          type: string\n",
        "        id:\n          type: string\n        Id:  # <- X\n          type: string\n",
        "Id:",
    ),
    (
        "DuplicateEnumName",
        Severity.NOTE,
        "          enum: [red, blue]\n",
        "          enum: [in-progress, in_progress]  # <- X\n",
        "in_progress]",
    ),
    (
        "HttpLabelMismatch",
        Severity.ERROR,
        "  /things/{thingId}:\n",
        "  /things/{thing}:  # <- X\n",
        "/things",
    ),
    (
        "HttpLabelNotRequired",
        Severity.ERROR,
        "          required: true\n",
        "          required: false  # <- X\n",
        None,
    ),
    (
        "UnknownExtension",
        Severity.NOTE,
        "      operationId: Thing_Get\n",
        "      operationId: Thing_Get\n      x-acme: 1  # <- X\n",
        "x-acme",
    ),
    # An unknown key, a default of another type: the document still says what a client needs
    # (peers generate from it too), so these are WARNINGs, on the key and on the value.
    (
        "OpenApiSchema",
        Severity.WARNING,
        "      operationId: Thing_Get\n",
        "      operationId: Thing_Get\n      title: nope  # <- X\n",
        "title",
    ),
    (
        "OpenApiSchema",
        Severity.WARNING,
        "        id:\n          type: string\n",
        "        id:\n          type: string\n          default: 1  # <- X\n",
        "1",
    ),
    (
        "OpenApiSchema",
        Severity.ERROR,
        "      operationId: Thing_Get\n",
        "      operationId: 7  # <- X\n",
        "7",
    ),
    (
        "InvalidPattern",
        Severity.WARNING,
        "        id:\n          type: string\n",
        '        id:\n          type: string\n          pattern: "([a-z"  # <- X\n',
        '"([a-z"',
    ),
]


@pytest.mark.parametrize(
    ("rule", "severity", "old", "new", "token"),
    OPENAPI_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(OPENAPI_CASES)],
)
def test_openapi_event_location(
    tmp_path: Path, rule: str, severity: Severity, old: str, new: str, token: str | None
) -> None:
    assert old in OPENAPI, old
    result, body = spec_from_text(tmp_path, OPENAPI.replace(old, new, 1))
    events = find(result.diagnostics.events, rule)
    assert events, [e.format() for e in result.diagnostics.events]
    event = events[0]
    assert event.severity is severity, event.format()
    if rule == "HttpLabelNotRequired":
        where = (line_of(body, "- name: thingId"), 11)  # the parameter
    else:
        assert token is not None
        where = (line_of(body, "<- X"), col_of(body, "<- X", token))
    assert (event.location.line, event.location.col) == where, event.format()


def test_json_spec_events_point_at_keys_too(tmp_path: Path) -> None:
    text = (
        "{\n"
        '  "smithy": "2.0",\n'
        '  "shapes": {\n'
        '    "a.b#S": {"type": "service", "version": "1", "operations": [],\n'
        '      "traits": {"aws.protocols#restJson1": {}}},\n'
        '    "a.b#In": {\n'
        '      "type": "structure",\n'
        '      "members": {\n'
        '        "count": {\n'
        '          "target": "smithy.api#Integer",\n'
        '          "traits": {"smithy.api#default": "five"}\n'
        "        }\n"
        "      }\n"
        "    }\n"
        "  }\n"
        "}\n"
    )
    result, _ = spec_from_text(tmp_path, text, name="spec.json")
    [event] = find(result.diagnostics.events, "InvalidDefault")
    assert (event.location.line, event.location.col) == (11, 44)  # "five"
