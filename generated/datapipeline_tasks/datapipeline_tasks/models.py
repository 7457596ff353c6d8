"""Data models of AWS Data Pipeline (API version 2012-10-29).

Every model has ``to_dict()`` (plain data keyed by wire names; datetimes, durations and bytes
as Python objects), ``to_wire()`` (the same, ready for JSON) and ``from_dict()``, which accepts
either. Optional fields are ``None`` when absent; enums accept values this version does
not know, and unions keep unknown variants, so data from newer services survives a round trip.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._runtime._model import NULL, Null, OpenStrEnum, ResponseMetadata

__all__ = [
    "NULL",
    "Null",
    "ResponseMetadata",
    "SetTaskStatusOutput",
    "TaskStatus",
]


@dataclass(kw_only=True, slots=True)
class SetTaskStatusOutput:
    """Contains the output of SetTaskStatus."""

    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values."""
        out: dict[str, Any] = {}
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers)."""
        out: dict[str, Any] = {}
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SetTaskStatusOutput:
        """Build from plain data keyed by wire names; unknown keys are ignored."""
        return cls()


class TaskStatus(OpenStrEnum):
    """TaskStatus values.

    Values this client does not know are kept as they are, so
    ``TaskStatus("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    FINISHED = "FINISHED"
    FAILED = "FAILED"
    FALSE = "FALSE"
