"""`apismith diff`: every rule, both formats, the threshold, and the seeds' real case."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.diagnostics import Event, Severity
from generator.diff import diff_services
from generator.pipeline import load_spec
from support import ROOT, SEEDS

DEADLINE = yaml.safe_load((ROOT / "specs" / "deadline.smithy.yaml").read_text())
AZURE = yaml.safe_load((ROOT / "specs" / "azure-batch-tasks.openapi.yaml").read_text())
NS = "com.amazonaws.deadline#"


def _write(tmp_path: Path, name: str, data: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path


def _diff(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> list[Event]:
    suffix = ".yaml"
    a, b = load_spec(_write(tmp_path, "old" + suffix, old)), load_spec(
        _write(tmp_path, "new" + suffix, new)
    )
    assert a.service is not None and b.service is not None
    assert not a.diagnostics.has_errors and not b.diagnostics.has_errors
    return diff_services(a.service, b.service)


def _ids(events: list[Event]) -> list[tuple[str, Severity]]:
    return sorted((e.id, e.severity) for e in events)


def test_identical_specs_have_no_changes(tmp_path: Path) -> None:
    assert _diff(tmp_path, DEADLINE, DEADLINE) == []


def test_removed_and_added_operation(tmp_path: Path) -> None:
    old = copy.deepcopy(DEADLINE)
    new = copy.deepcopy(DEADLINE)
    service = new["shapes"][NS + "Deadline"]
    service["operations"] = [o for o in service["operations"] if o["target"] != NS + "UpdateTask"]
    events = _diff(tmp_path, old, new)
    assert ("RemovedOperation", Severity.ERROR) in _ids(events)
    [removed] = [e for e in events if e.id == "RemovedOperation"]
    assert removed.location.file.endswith("old.yaml") and removed.location.line > 0
    events = _diff(tmp_path, new, old)
    assert ("AddedOperation", Severity.NOTE) in _ids(events)


def test_removed_member_and_added_optional_member(tmp_path: Path) -> None:
    new = copy.deepcopy(DEADLINE)
    members = new["shapes"][NS + "GetTaskResponse"]["members"]
    members.pop("updatedBy")
    members["newField"] = {"target": NS + "String"}
    events = _diff(tmp_path, DEADLINE, new)
    assert _ids(events) == [("AddedMember", Severity.NOTE), ("RemovedMember", Severity.ERROR)]
    [added] = [e for e in events if e.id == "AddedMember"]
    assert added.location.file.endswith("new.yaml")


def test_member_becoming_required_and_added_required_member(tmp_path: Path) -> None:
    new = copy.deepcopy(DEADLINE)
    members = new["shapes"][NS + "UpdateTaskRequest"]["members"]
    members["clientToken"].setdefault("traits", {})["smithy.api#required"] = {}
    members["extra"] = {"target": NS + "String", "traits": {"smithy.api#required": {}}}
    assert _ids(_diff(tmp_path, DEADLINE, new)) == [
        ("AddedRequiredMember", Severity.ERROR),
        ("MemberBecameRequired", Severity.ERROR),
    ]


def test_type_change(tmp_path: Path) -> None:
    new = copy.deepcopy(DEADLINE)
    new["shapes"][NS + "GetTaskResponse"]["members"]["failureRetryCount"]["target"] = NS + "String"
    events = _diff(tmp_path, DEADLINE, new)
    assert _ids(events) == [("ChangedType", Severity.ERROR)]
    assert "integer" in events[0].message and "string" in events[0].message


def test_changed_http_binding(tmp_path: Path) -> None:
    new = copy.deepcopy(DEADLINE)
    http = new["shapes"][NS + "GetTask"]["traits"]["smithy.api#http"]
    http["method"] = "POST"
    header = new["shapes"][NS + "UpdateTaskRequest"]["members"]["clientToken"]["traits"]
    header["smithy.api#httpHeader"] = "X-Amz-Idempotency"
    events = _diff(tmp_path, DEADLINE, new)
    assert _ids(events) == [("ChangedHttpBinding", Severity.ERROR)] * 2
    assert any("X-Amz-Idempotency" in e.message for e in events)


def test_enum_values(tmp_path: Path) -> None:
    new = copy.deepcopy(DEADLINE)
    values = new["shapes"][NS + "TaskRunStatus"]["members"]
    values.pop("SCHEDULED")
    values["PAUSED"] = {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "PAUSED"}}
    assert _ids(_diff(tmp_path, DEADLINE, new)) == [
        ("AddedEnumValue", Severity.DANGER),
        ("RemovedEnumValue", Severity.ERROR),
    ]


def test_added_error_is_a_warning(tmp_path: Path) -> None:
    new = copy.deepcopy(DEADLINE)
    new["shapes"][NS + "GetTask"]["errors"].append({"target": NS + "ConflictException"})
    assert _ids(_diff(tmp_path, DEADLINE, new)) == [("AddedError", Severity.WARNING)]


def test_openapi_changes(tmp_path: Path) -> None:
    new = copy.deepcopy(AZURE)
    state = new["components"]["schemas"]["TaskState"]
    state["enum"].append("paused")
    props = new["components"]["schemas"]["TaskAddParameter"]
    props["required"] = [*props["required"], "displayName"]
    events = _diff(tmp_path, AZURE, new)
    ids = _ids(events)
    assert ("AddedEnumValue", Severity.DANGER) in ids
    assert ("MemberBecameRequired", Severity.ERROR) in ids


def _union_members(seed: Path) -> list[str]:
    """The TaskParameterValue members a boto3 doc page lists ("Only one of ... will be set")."""
    text = " ".join(seed.read_text().split())
    match = re.search(r"Only one of the following top level keys will be set: ([^.]+)\.", text)
    assert match, seed
    return [m.strip(" `") for m in match.group(1).split(",")]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not available")
def test_seed_case_chunk_int_added(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _union_members(next(SEEDS.glob("002_*.txt")))
    after = _union_members(next(SEEDS.glob("001_*.txt")))
    assert sorted(before) == ["float", "int", "path", "string"]
    assert sorted(after) == ["chunkInt", "float", "int", "path", "string"]

    def spec_with(members: list[str]) -> dict[str, Any]:
        data = copy.deepcopy(DEADLINE)
        union = data["shapes"][NS + "TaskParameterValue"]["members"]
        data["shapes"][NS + "TaskParameterValue"]["members"] = {
            k: v for k, v in union.items() if k in members
        }
        return data

    old = _write(tmp_path, "seed-002.yaml", spec_with(before))
    new = _write(tmp_path, "seed-001.yaml", spec_with(after))
    assert main(["diff", str(old), str(new), "--format", "json"]) == 0  # not breaking
    events = json.loads(capsys.readouterr().out)
    assert [(e["id"], e["severity"]) for e in events] == [("AddedUnionMember", "DANGER")]
    assert "chunkInt" in events[0]["message"] and events[0]["file"] == str(new)
    assert events[0]["line"] > 0
    assert main(["diff", str(old), str(new), "--fail-on", "danger"]) == 1
    text = capsys.readouterr()
    assert "DANGER [AddedUnionMember] union TaskParameterValue gained the member chunkInt" in (
        text.out
    )
    assert main(["diff", str(new), str(old)]) == 1  # the reverse removes a member: breaking


def test_diff_refuses_invalid_specs(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('smithy: "2.0"\nshapes: {a.b#S: {type: service}}\n')
    assert main(["diff", str(bad), str(ROOT / "specs" / "deadline.smithy.yaml")]) == 1
