"""Round trips of every model of datapipeline_tasks: from_dict(to_dict(x)) == x, unknowns
kept."""

from __future__ import annotations

from datapipeline_tasks import SetTaskStatusOutput, TaskStatus


def test_set_task_status_output_round_trip() -> None:
    value = SetTaskStatusOutput()
    assert SetTaskStatusOutput.from_dict(value.to_dict()) == value


def test_task_status_keeps_unknown_values() -> None:
    value = TaskStatus("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in TaskStatus)
