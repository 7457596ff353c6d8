"""The official full models load and validate cleanly, and agree with the extracted specs."""

from __future__ import annotations

from typing import Any

import pytest

from generator.diagnostics import Severity
from generator.ir import Service, Shape
from generator.pipeline import load_spec
from support import REFERENCE, ROOT, needs_reference

OFFICIAL = {
    "smithy/deadline-2023-10-12.json": ("Deadline", 113),
    "smithy/data-pipeline-2012-10-29.json": ("DataPipeline", 19),
    "azure-batch-BatchService-2024-07-01.20.0.json": ("BatchServiceClient", 76),
}


@needs_reference
@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_official_model_validates_without_errors(name: str) -> None:
    result = load_spec(REFERENCE / name)
    errors = [e.format() for e in result.diagnostics.events if e.severity >= Severity.WARNING]
    assert errors == []
    assert result.service is not None
    service_name, operations = OFFICIAL[name]
    assert result.service.name == service_name
    assert len(result.service.operations) == operations


@pytest.mark.parametrize(
    "spec", ["deadline.smithy.yaml", "datapipeline.smithy.yaml", "azure-batch-tasks.openapi.yaml"]
)
def test_committed_specs_validate_cleanly(spec: str) -> None:
    result = load_spec(ROOT / "specs" / spec)
    assert [e.format() for e in result.diagnostics.events] == []
    assert result.ok


def _closure(service: Service, op_name: str) -> dict[str, Shape]:
    """Every shape an operation reaches, with locations stripped (they differ by file)."""
    from dataclasses import replace

    op = service.operation(op_name)
    assert op is not None
    out: dict[str, Shape] = {}
    todo = [x for x in (op.input, op.output, *op.errors) if x]
    while todo:
        sid = todo.pop()
        if sid in out:
            continue
        shape = service.shape(sid)
        assert shape is not None, sid
        blank = shape.loc.__class__("")
        members = tuple(replace(m, loc=blank, target_loc=blank) for m in shape.members)
        values = tuple(replace(v, loc=shape.loc.__class__("")) for v in shape.enum_values)
        out[sid] = replace(shape, members=members, enum_values=values, loc=shape.loc.__class__(""))
        todo.extend(m.target for m in shape.members)
    return out


@needs_reference
@pytest.mark.parametrize(
    ("official", "spec", "operations"),
    [
        ("smithy/deadline-2023-10-12.json", "deadline.smithy.yaml", ["GetTask", "UpdateTask"]),
        ("smithy/data-pipeline-2012-10-29.json", "datapipeline.smithy.yaml", ["SetTaskStatus"]),
        (
            "azure-batch-BatchService-2024-07-01.20.0.json",
            "azure-batch-tasks.openapi.yaml",
            ["Task_Add", "Task_Get", "Task_List", "Task_Update", "Task_Delete"],
        ),
    ],
)
def test_ir_from_official_model_and_spec_agree(
    official: str, spec: str, operations: list[str]
) -> None:
    from dataclasses import replace

    full = load_spec(REFERENCE / official).service
    small = load_spec(ROOT / "specs" / spec).service
    assert full is not None and small is not None
    assert (
        full.name,
        full.version,
        full.protocol,
        _unlocated(full.auth),
        full.endpoint_prefix,
    ) == (
        small.name,
        small.version,
        small.protocol,
        _unlocated(small.auth),
        small.endpoint_prefix,
    )
    for name in operations:
        a, b = full.operation(name), small.operation(name)
        assert a is not None and b is not None
        blank = a.loc.__class__("")
        strip = dict(loc=blank, http=None, ref_locs=())
        assert _unlocated(replace(a, **strip)) == _unlocated(replace(b, **strip))  # type: ignore[arg-type]
        if a.http is None or b.http is None:
            assert a.http is b.http is None  # awsJson operations have no http binding
        else:
            assert replace(a.http, loc=blank) == replace(b.http, loc=blank)
        assert _closure(full, name) == _closure(small, name)


def _unlocated(value: Any) -> Any:
    """`value` with every Location blanked (the two files place the same nodes elsewhere)."""
    from dataclasses import fields, is_dataclass, replace

    from generator.diagnostics import Location

    if isinstance(value, Location):
        return Location("")
    if isinstance(value, tuple):
        return tuple(_unlocated(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _unlocated(getattr(value, f.name)) for f in fields(value)})
    return value
