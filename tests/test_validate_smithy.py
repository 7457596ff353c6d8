"""One located event per rule for Smithy-like specs (file:line:col, id, severity, hint)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Severity
from support import col_of, find, line_of, spec_from_text

BASE = """
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
      smithy.api#http: {method: GET, uri: "/things/{thingId}", code: 200}
      smithy.api#readonly: {}
  example.tasks#GetThingInput:
    type: structure
    members:
      thingId:
        target: smithy.api#String
        traits: {smithy.api#httpLabel: {}, smithy.api#required: {}}
  example.tasks#GetThingOutput:
    type: structure
    members:
      name: {target: smithy.api#String}
"""


def test_base_spec_is_clean(tmp_path: Path) -> None:
    result, _ = spec_from_text(tmp_path, BASE)
    assert result.ok, [e.format() for e in result.diagnostics.events]
    assert result.service is not None
    assert [op.name for op in result.service.operations] == ["GetThing"]


def test_syntax_error_is_located(tmp_path: Path) -> None:
    text = BASE.replace(
        "    type: operation\n", "    type: operation\n   bad: [unclosed  # <- HERE\n"
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "Syntax")
    assert event.severity is Severity.ERROR
    assert event.location.file.endswith("spec.yaml")
    assert abs(event.location.line - line_of(body, "<- HERE")) <= 1
    assert event.location.col > 0 and event.hint
    assert result.service is None


def test_duplicate_key(tmp_path: Path) -> None:
    text = BASE.replace(
        "      name: {target: smithy.api#String}",
        "      name: {target: smithy.api#String}\n"
        "      name: {target: smithy.api#Integer}  # <- DUP",
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "DuplicateKey")
    assert (event.location.line, event.location.col) == (line_of(body, "<- DUP"), 7)


def test_unknown_format(tmp_path: Path) -> None:
    result, _ = spec_from_text(tmp_path, "name: not-a-spec\n")
    [event] = find(result.diagnostics.events, "UnknownFormat")
    assert event.location.line == 1 and "smithy" in event.hint


def test_dangling_target(tmp_path: Path) -> None:
    text = BASE.replace(
        "      name: {target: smithy.api#String}",
        "      name: {target: example.tasks#Missing}  # <- DANGLING",
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "DanglingTarget")
    assert event.severity is Severity.ERROR
    assert event.location.line == line_of(body, "<- DANGLING")
    assert event.location.col == col_of(body, "<- DANGLING", "example.tasks#Missing")
    assert "example.tasks#Missing" in event.message


def test_wrong_type_trait_value(tmp_path: Path) -> None:
    text = BASE.replace(
        'smithy.api#http: {method: GET, uri: "/things/{thingId}", code: 200}',
        'smithy.api#http: {method: GET, uri: "/things/{thingId}", code: "ok"}  # <- CODE',
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "WrongType")
    assert event.location.line == line_of(body, "<- CODE")
    assert event.location.col == col_of(body, "<- CODE", '"ok"')
    assert "integer" in event.message


def test_unknown_shape_type(tmp_path: Path) -> None:
    text = BASE.replace(
        "  example.tasks#GetThingOutput:\n    type: structure",
        "  example.tasks#GetThingOutput:\n    type: strucutre  # <- TYPE",
    )
    result, body = spec_from_text(tmp_path, text)
    events = find(result.diagnostics.events, "UnknownShapeType")
    assert events and events[0].location.line == line_of(body, "<- TYPE")
    assert "structure" in events[0].hint


def test_required_cycle(tmp_path: Path) -> None:
    text = BASE + (
        "  example.tasks#Node:  # <- NODE\n"
        "    type: structure\n"
        "    members:\n"
        "      next: {target: example.tasks#Other, traits: {smithy.api#required: {}}}\n"
        "  example.tasks#Other:\n"
        "    type: structure\n"
        "    members:\n"
        "      back: {target: example.tasks#Node, traits: {smithy.api#required: {}}}\n"
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "RecursiveRequired")
    assert (event.location.line, event.location.col) == (line_of(body, "<- NODE"), 3)  # the id
    assert "Node -> Other -> Node" in event.message


def test_optional_recursion_is_fine(tmp_path: Path) -> None:
    text = BASE + (
        "  example.tasks#Node:\n"
        "    type: structure\n"
        "    members:\n"
        "      next: {target: example.tasks#Node}\n"
    )
    result, _ = spec_from_text(tmp_path, text)
    assert not find(result.diagnostics.events, "RecursiveRequired")


def test_label_missing_from_uri(tmp_path: Path) -> None:
    text = BASE.replace('uri: "/things/{thingId}"', 'uri: "/things"').replace(
        "      thingId:\n", "      thingId:  # <- LABEL\n"
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "HttpLabelMismatch")
    assert (event.location.line, event.location.col) == (line_of(body, "<- LABEL"), 7)
    assert "{thingId}" in event.message


def test_uri_label_without_member(tmp_path: Path) -> None:
    text = BASE.replace(
        'smithy.api#http: {method: GET, uri: "/things/{thingId}", code: 200}',
        'smithy.api#http: {method: GET, uri: "/things/{thingId}/{other}", code: 200}  # <- URI',
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "HttpLabelMismatch")
    assert event.location.line == line_of(body, "<- URI")
    assert "{other}" in event.message


def test_label_not_required(tmp_path: Path) -> None:
    text = BASE.replace(
        "traits: {smithy.api#httpLabel: {}, smithy.api#required: {}}",
        "traits: {smithy.api#httpLabel: {}}",
    )
    result, _ = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "HttpLabelNotRequired")
    assert event.severity is Severity.ERROR and "required" in event.hint


def test_duplicate_operation_name(tmp_path: Path) -> None:
    text = BASE.replace(
        "      - target: example.tasks#GetThing\n",
        "      - target: example.tasks#GetThing\n      - target: example.tasks#Get_Thing\n",
    ) + (
        "  example.tasks#Get_Thing:  # <- OP2\n"
        "    type: operation\n"
        "    traits:\n"
        '      smithy.api#http: {method: GET, uri: "/other", code: 200}\n'
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "DuplicateOperationName")
    assert (event.location.line, event.location.col) == (line_of(body, "<- OP2"), 3)
    assert "get_thing()" in event.message


def test_unsupported_protocol(tmp_path: Path) -> None:
    text = BASE.replace("aws.protocols#restJson1: {}", "aws.protocols#restXml: {}")
    result, _ = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "UnsupportedProtocol")
    assert "restJson1" in event.hint


def test_conflicting_bindings(tmp_path: Path) -> None:
    text = BASE.replace(
        "        traits: {smithy.api#httpLabel: {}, smithy.api#required: {}}\n",
        "        traits: {smithy.api#httpLabel: {}, smithy.api#required: {}}\n"
        "      a:\n"
        "        target: smithy.api#String\n"
        "        traits: {smithy.api#httpHeader: X-Thing}\n"
        "      b:  # <- B\n"
        "        target: smithy.api#String\n"
        "        traits: {smithy.api#httpHeader: x-thing}\n",
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "ConflictingBindings")
    assert (event.location.line, event.location.col) == (line_of(body, "<- B"), 7)
    assert "x-thing" in event.message.lower()


def test_several_bindings_on_one_member(tmp_path: Path) -> None:
    text = BASE.replace(
        "traits: {smithy.api#httpLabel: {}, smithy.api#required: {}}",
        "traits: {smithy.api#httpLabel: {}, smithy.api#httpQuery: id, smithy.api#required: {}}",
    )
    result, _ = spec_from_text(tmp_path, text)
    assert find(result.diagnostics.events, "ConflictingBindings")


def test_invalid_enum_name(tmp_path: Path) -> None:
    text = BASE + (
        "  example.tasks#Color:\n"
        "    type: enum\n"
        "    members:\n"
        "      RED: {target: smithy.api#Unit}\n"
        '      "1BAD": {target: smithy.api#Unit, traits: {smithy.api#enumValue: one}}  # <- ENUM\n'
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "InvalidEnumName")
    assert event.location.line == line_of(body, "<- ENUM")
    assert "1BAD" in event.message


def test_invalid_pattern(tmp_path: Path) -> None:
    text = BASE.replace(
        "      name: {target: smithy.api#String}",
        '      name: {target: smithy.api#String, traits: {smithy.api#pattern: "([a-z"}}  # <- RE',
    )
    result, body = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "InvalidPattern")
    assert event.location.line == line_of(body, "<- RE")


def test_missing_http_trait(tmp_path: Path) -> None:
    text = BASE.replace(
        '      smithy.api#http: {method: GET, uri: "/things/{thingId}", code: 200}\n', ""
    )
    result, _ = spec_from_text(tmp_path, text)
    assert find(result.diagnostics.events, "MissingHttpTrait")


def test_error_without_error_trait(tmp_path: Path) -> None:
    text = BASE.replace(
        "    output: {target: example.tasks#GetThingOutput}\n",
        "    output: {target: example.tasks#GetThingOutput}\n"
        "    errors: [{target: example.tasks#GetThingOutput}]\n",
    )
    result, _ = spec_from_text(tmp_path, text)
    [event] = find(result.diagnostics.events, "ErrorTrait")
    assert "smithy.api#error" in event.hint


def test_unknown_trait_is_a_note_not_a_crash(tmp_path: Path) -> None:
    text = BASE.replace(
        "      smithy.api#readonly: {}\n",
        "      smithy.api#readonly: {}\n      example.custom#fancy: {level: 3}  # <- TRAIT\n",
    )
    result, body = spec_from_text(tmp_path, text)
    assert result.ok
    [event] = find(result.diagnostics.events, "UnknownTrait")
    assert event.severity is Severity.NOTE
    assert event.location.line == line_of(body, "<- TRAIT")
    assert result.service is not None and result.service.notes


def test_missing_service(tmp_path: Path) -> None:
    text = 'smithy: "2.0"\nshapes:\n  example.tasks#Thing: {type: string}\n'
    result, _ = spec_from_text(tmp_path, text)
    assert find(result.diagnostics.events, "MissingService")
    assert result.service is None


def test_shapes_not_a_mapping(tmp_path: Path) -> None:
    result, _ = spec_from_text(tmp_path, 'smithy: "2.0"\nshapes: [1, 2]\n')
    [event] = find(result.diagnostics.events, "WrongType")
    assert event.location.line == 2


@pytest.mark.parametrize(
    ("protocol", "wire"),
    [
        ("restJson1", "renamed"),
        ("awsJson1_0", "plain"),
        ("awsJson1_1", "plain"),
        ("awsQuery", "plain"),
        ("ec2Query", "plain"),
    ],
)
def test_json_name_applies_only_where_the_protocol_supports_it(
    tmp_path: Path, protocol: str, wire: str
) -> None:
    """smithy.io: the AWS JSON RPC protocols ignore jsonName; restJson1 honours it."""
    loaded, _ = spec_from_text(
        tmp_path,
        f"""
        smithy: "2.0"
        shapes:
          ex#Svc:
            type: service
            version: "1"
            operations: [{{target: ex#Op}}]
            traits:
              aws.protocols#{protocol}: {{}}
          ex#Op:
            type: operation
            input: {{target: ex#OpInput}}
            traits:
              smithy.api#http: {{method: POST, uri: /op}}
          ex#OpInput:
            type: structure
            members:
              plain:
                target: smithy.api#String
                traits:
                  smithy.api#jsonName: renamed
        """,
    )
    assert loaded.service is not None, loaded.diagnostics.events
    shape = loaded.service.shape("ex#OpInput")
    assert shape is not None and shape.members[0].wire_name == wire


QUERY = """
smithy: "2.0"
shapes:
  ex#Svc:
    type: service
    version: "2020-01-01"
    operations: [{target: ex#Op}]
    traits:
      aws.protocols#awsQuery: {}
  ex#Op:
    type: operation
    input: {target: ex#OpInput}
    errors: [{target: ex#Bad}]
  ex#OpInput:
    type: structure
    members:
      items:
        target: ex#Items
        traits: {smithy.api#xmlName: Item, smithy.api#xmlFlattened: {}}
  ex#Items:
    type: list
    member: {target: smithy.api#String}
  ex#Bad:
    type: structure
    members: {}
    traits:
      smithy.api#error: client
      aws.protocols#awsQueryError: {code: BadThing, httpResponseCode: 409}
"""


def test_query_traits_reach_the_ir(tmp_path: Path) -> None:
    loaded, _ = spec_from_text(tmp_path, QUERY)
    assert loaded.service is not None and loaded.ok, loaded.diagnostics.events
    member = loaded.service.shape("ex#OpInput").members[0]  # type: ignore[union-attr]
    assert (member.xml_name, member.xml_flattened) == ("Item", True)
    bad = loaded.service.shape("ex#Bad")
    assert bad is not None and bad.query_error_code == "BadThing"
    assert bad.error is not None and bad.error.http_status == 409


@pytest.mark.parametrize(
    ("old", "new", "what"),
    [
        ("smithy.api#xmlName: Item", "smithy.api#xmlName: 5", "xmlName"),
        ("{code: BadThing, httpResponseCode: 409}", "{code: [1]}", "awsQueryError code"),
        ("{code: BadThing, httpResponseCode: 409}", "BadThing", "awsQueryError"),
    ],
)
def test_bad_query_traits_are_located_errors(tmp_path: Path, old: str, new: str, what: str) -> None:
    result, body = spec_from_text(tmp_path, QUERY.replace(old, new))
    [event] = find(result.diagnostics.events, "WrongType")
    assert what in event.message
    assert event.location.line == line_of(body, new)
