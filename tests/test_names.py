"""Legal names always become Python names: ASCII, deterministic, told apart in declaration order."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.naming import enum_constant, member_base, snake_case, symbol_words
from generator.render.names import SymbolProvider
from support import find, spec_from_text


@pytest.mark.parametrize(
    ("name", "python"),
    [
        ("日本語", "u65e5_u672c_u8a9e"),
        ("Ω", "omega"),
        ("µ", "mu"),
        ("Москва", "moskva"),
        ("Größe", "grosse"),
        ("naïveCafé", "naive_cafe"),
        ("ｆｕｌｌ", "full"),
        ("task-id", "task_id"),
        ("readIOps", "read_iops"),  # autorest's rule for capital runs is unchanged
        ("$filter", "filter"),
    ],
)
def test_snake_case_of_any_name(name: str, python: str) -> None:
    assert snake_case(name) == python
    assert python.isascii() and python.isidentifier()


def test_names_without_letters_are_spelled() -> None:
    assert member_base("$") == "dollar_sign"
    assert member_base("") == "member"
    assert symbol_words(".") == "full_stop"
    assert enum_constant(".", ".") == "FULL_STOP"
    assert enum_constant("-1", "-1") == "MINUS_1"
    assert enum_constant("1", 1) == "1"  # V_1 once the symbol provider makes it a name
    assert enum_constant("Minus", "-1") == "MINUS"  # an explicit name wins


SPEC = """
openapi: 3.0.3
info: {title: Names, version: "1"}
paths:
  /a/{task-id}:
    get:
      operationId: getA
      parameters:
        - {name: task-id, in: path, required: true, schema: {type: string}}
        - {name: Ω, in: query, schema: {type: string}}
        - {name: ω, in: query, schema: {type: string}}
        - {name: 日本語, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/foo-bar"}
components:
  schemas:
    foo-bar:
      type: object
      properties:
        mixedCase: {type: string}
        mixed_case: {type: string}
        other: {$ref: "#/components/schemas/FooBar"}
        kind: {type: string, enum: [in-progress, in_progress, ".", "-1", "1"]}
    FooBar:
      type: object
      properties:
        class: {type: string}
"""


def _symbols(tmp_path: Path) -> tuple[SymbolProvider, list[str]]:
    result, _ = spec_from_text(tmp_path, SPEC)
    assert result.ok, [e.format() for e in result.diagnostics.events]
    assert result.service is not None
    notes = sorted(e.id for e in result.diagnostics.events)
    return SymbolProvider(result.service, "names"), notes


def test_colliding_legal_names_are_told_apart_in_declaration_order(tmp_path: Path) -> None:
    symbols, notes = _symbols(tmp_path)
    svc = symbols.service
    first = svc.shape("#/components/schemas/foo-bar")
    second = svc.shape("#/components/schemas/FooBar")
    assert first is not None and second is not None
    # Declared first, `foo-bar` keeps the name; `FooBar` (sorted first by id) gets the suffix.
    assert (symbols.class_name(first), symbols.class_name(second)) == ("FooBar", "FooBar2")
    assert symbols.member_names(first) == ["mixed_case", "mixed_case_2", "other", "kind"]
    assert symbols.member_names(second) == ["class_"]
    [op] = svc.operations
    inp = svc.shape(op.input or "")
    assert inp is not None
    assert symbols.member_names(inp) == ["task_id", "omega", "omega_2", "u65e5_u672c_u8a9e"]
    enum = next(s for s in svc.shapes if s.name == "FooBarKind")
    assert symbols.enum_member_names(enum) == [
        "IN_PROGRESS",
        "IN_PROGRESS_2",
        "FULL_STOP",
        "MINUS_1",
        "V_1",
    ]
    # Legal input: NOTEs at most.
    assert notes == ["DuplicateEnumName", "DuplicateMemberName", "DuplicateMemberName"]


def test_names_are_stable_across_runs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, _ = _symbols(tmp_path / "a")
    b, _ = _symbols(tmp_path / "b")
    for shape_a, shape_b in zip(a.service.shapes, b.service.shapes):
        assert shape_a.id == shape_b.id
        if shape_a.kind.value in ("structure", "enum"):
            assert a.class_name(shape_a) == b.class_name(shape_b)
        assert a.member_names(shape_a) == b.member_names(shape_b)


def test_smithy_non_identifiers_are_warned_not_refused(tmp_path: Path) -> None:
    text = """
    smithy: "2.0"
    shapes:
      a.b#S:
        type: service
        version: "1"
        operations: [{target: a.b#Op}]
        traits: {aws.protocols#restJson1: {}}
      a.b#Op:
        type: operation
        input: {target: a.b#In}
        traits: {smithy.api#http: {method: POST, uri: "/x", code: 200}}
      a.b#In:
        type: structure
        members:
          Ω: {target: smithy.api#String}
    """
    result, _ = spec_from_text(tmp_path, text)
    assert result.ok
    [event] = find(result.diagnostics.events, "InvalidMemberName")
    assert "'omega'" in event.message


def test_per_call_options_yield_to_spec_arguments(tmp_path: Path) -> None:
    symbols, _ = _symbols(tmp_path)
    assert symbols.call_option_names(set()) == {
        "timeout": "timeout",
        "retry_policy": "retry_policy",
        "headers": "headers",
        "deadline": "deadline",
    }
    # Spec arguments keep their names (the package contract); each option takes another one,
    # the same in every method of the package.
    taken = {"timeout", "headers", "request_headers", "deadline"}
    assert symbols.call_option_names(taken) == {
        "timeout": "request_timeout",
        "retry_policy": "retry_policy",
        "headers": "request_headers_",
        "deadline": "request_deadline",
    }
