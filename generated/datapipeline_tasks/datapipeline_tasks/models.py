"""Data models of AWS Data Pipeline (API version 2012-10-29).

Every model has ``to_dict()`` (plain data keyed by wire names; datetimes, durations and bytes
as Python objects), ``to_wire()`` (the same, ready for JSON: ``json.dumps(m.to_wire())``),
``to_json()`` and ``from_dict()``, which accepts either. Optional fields are ``None`` when
absent; enums accept values this version does not know, unions keep unknown variants and
structures keep unknown fields (``unknown_fields``, sent back by ``to_wire()``), so data from
newer services survives a round trip.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ._runtime import _wire
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
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"__type"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "SetTaskStatusOutput",
        {},
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SetTaskStatusOutput:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("SetTaskStatusOutput", data)
        return cls(**SetTaskStatusOutput._fields.read(data, cls._known))


class TaskStatus(OpenStrEnum):
    """TaskStatus values.

    Values this client does not know are kept as they are, so
    ``TaskStatus("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    FINISHED = "FINISHED"
    FAILED = "FAILED"
    FALSE = "FALSE"
