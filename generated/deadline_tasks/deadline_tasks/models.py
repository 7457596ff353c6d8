"""Data models of AWSDeadlineCloud (API version 2023-10-12).

Every model has ``to_dict()`` (plain data keyed by wire names; datetimes, durations and bytes
as Python objects), ``to_wire()`` (the same, ready for JSON: ``json.dumps(m.to_wire())``),
``to_json()`` and ``from_dict()``, which accepts either. Optional fields are ``None`` when
absent; enums accept values this version does not know, unions keep unknown variants and
structures keep unknown fields (``unknown_fields``, sent back by ``to_wire()``), so data from
newer services survives a round trip.
"""

from __future__ import annotations

import abc
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from ._runtime import _wire
from ._runtime._http import DeserializationError
from ._runtime._model import NULL, Null, OpenStrEnum, ResponseMetadata

__all__ = [
    "NULL",
    "ConflictExceptionReason",
    "GetTaskResponse",
    "Null",
    "ResponseMetadata",
    "ServiceQuotaExceededExceptionReason",
    "TaskParameterValue",
    "TaskParameterValueChunkInt",
    "TaskParameterValueFloat",
    "TaskParameterValueInt",
    "TaskParameterValuePath",
    "TaskParameterValueString",
    "TaskParameterValueUnknown",
    "TaskRunStatus",
    "TaskTargetRunStatus",
    "UpdateTaskResponse",
    "ValidationExceptionField",
    "ValidationExceptionReason",
]


class ConflictExceptionReason(OpenStrEnum):
    """ConflictExceptionReason values.

    Values this client does not know are kept as they are, so
    ``ConflictExceptionReason("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    CONFLICT_EXCEPTION = "CONFLICT_EXCEPTION"
    CONCURRENT_MODIFICATION = "CONCURRENT_MODIFICATION"
    RESOURCE_ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS"
    RESOURCE_IN_USE = "RESOURCE_IN_USE"
    STATUS_CONFLICT = "STATUS_CONFLICT"


@dataclass(kw_only=True, slots=True)
class GetTaskResponse:
    """GetTaskResponse

    Attributes:
        task_id: The task ID.
        created_at: The date and time the resource was created.
        created_by: The user or system that created this resource.
        run_status: The run status for the task.
        target_run_status: The run status with which to start the task.
        failure_retry_count: The number of times that the task failed and was retried.
        parameters: The parameters for the task.
        started_at: The date and time the resource started running.
        ended_at: The date and time the resource ended running.
        updated_at: The date and time the resource was updated.
        updated_by: The user or system that updated this resource.
        latest_session_action_id: The latest session action ID for the task.
    """

    task_id: str
    created_at: datetime
    created_by: str
    run_status: TaskRunStatus
    target_run_status: TaskTargetRunStatus | None = None
    failure_retry_count: int | None = None
    parameters: dict[str, TaskParameterValue] | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None
    latest_session_action_id: str | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "taskId",
            "createdAt",
            "createdBy",
            "runStatus",
            "targetRunStatus",
            "failureRetryCount",
            "parameters",
            "startedAt",
            "endedAt",
            "updatedAt",
            "updatedBy",
            "latestSessionActionId",
            "__type",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "GetTaskResponse",
        {
            "taskId": (
                "task_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "createdAt": (
                "created_at",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                _wire.REQUIRED,
            ),
            "createdBy": (
                "created_by",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "runStatus": (
                "run_status",
                lambda value: _wire.enum_member(TaskRunStatus, value),
                _wire.REQUIRED,
            ),
            "targetRunStatus": (
                "target_run_status",
                lambda value: _wire.enum_member(TaskTargetRunStatus, value),
                0,
            ),
            "failureRetryCount": (
                "failure_retry_count",
                lambda value: value if type(value) is int else _wire.as_int(value),
                0,
            ),
            "parameters": (
                "parameters",
                lambda value: {
                    k0: TaskParameterValue.from_dict(v0)
                    for k0, v0 in _wire.as_map(value).items()
                    if v0 is not None
                },
                0,
            ),
            "startedAt": ("started_at", lambda value: _wire.parse_timestamp(value, "date-time"), 0),
            "endedAt": ("ended_at", lambda value: _wire.parse_timestamp(value, "date-time"), 0),
            "updatedAt": ("updated_at", lambda value: _wire.parse_timestamp(value, "date-time"), 0),
            "updatedBy": (
                "updated_by",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "latestSessionActionId": (
                "latest_session_action_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
        ("parameters",),
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["taskId"] = self.task_id
        out["createdAt"] = _wire.aware(self.created_at)
        out["createdBy"] = self.created_by
        out["runStatus"] = TaskRunStatus(self.run_status).value
        if self.target_run_status is not None:
            out["targetRunStatus"] = TaskTargetRunStatus(self.target_run_status).value
        if self.failure_retry_count is not None:
            out["failureRetryCount"] = self.failure_retry_count
        if self.parameters is not None:
            out["parameters"] = {k0: v0.to_dict() for k0, v0 in self.parameters.items()}
        if self.started_at is not None:
            out["startedAt"] = _wire.aware(self.started_at)
        if self.ended_at is not None:
            out["endedAt"] = _wire.aware(self.ended_at)
        if self.updated_at is not None:
            out["updatedAt"] = _wire.aware(self.updated_at)
        if self.updated_by is not None:
            out["updatedBy"] = self.updated_by
        if self.latest_session_action_id is not None:
            out["latestSessionActionId"] = self.latest_session_action_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["taskId"] = self.task_id
        out["createdAt"] = _wire.format_timestamp(self.created_at, "date-time")
        out["createdBy"] = self.created_by
        out["runStatus"] = TaskRunStatus(self.run_status).value
        if self.target_run_status is not None:
            out["targetRunStatus"] = TaskTargetRunStatus(self.target_run_status).value
        if self.failure_retry_count is not None:
            out["failureRetryCount"] = self.failure_retry_count
        if self.parameters is not None:
            out["parameters"] = {k0: v0.to_wire() for k0, v0 in self.parameters.items()}
        if self.started_at is not None:
            out["startedAt"] = _wire.format_timestamp(self.started_at, "date-time")
        if self.ended_at is not None:
            out["endedAt"] = _wire.format_timestamp(self.ended_at, "date-time")
        if self.updated_at is not None:
            out["updatedAt"] = _wire.format_timestamp(self.updated_at, "date-time")
        if self.updated_by is not None:
            out["updatedBy"] = self.updated_by
        if self.latest_session_action_id is not None:
            out["latestSessionActionId"] = self.latest_session_action_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GetTaskResponse:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("GetTaskResponse", data)
        return cls(**GetTaskResponse._fields.read(data, cls._known))


class ServiceQuotaExceededExceptionReason(OpenStrEnum):
    """ServiceQuotaExceededExceptionReason values.

    Values this client does not know are kept as they are, so
    ``ServiceQuotaExceededExceptionReason("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    SERVICE_QUOTA_EXCEEDED_EXCEPTION = "SERVICE_QUOTA_EXCEEDED_EXCEPTION"
    KMS_KEY_LIMIT_EXCEEDED = "KMS_KEY_LIMIT_EXCEEDED"
    DEPENDENCY_LIMIT_EXCEEDED = "DEPENDENCY_LIMIT_EXCEEDED"


class TaskParameterValue(abc.ABC):
    """The data types for the task parameters.

    A tagged union: exactly one of the variants below. Variants this client does not know
    arrive as
    :class:`TaskParameterValueUnknown`,
    which keeps the tag and the raw value.
    """

    __slots__ = ()

    @abc.abstractmethod
    def to_dict(self) -> dict[str, Any]:
        """The union as ``{tag: value}`` (plain data, as models' ``to_dict``)."""

    @abc.abstractmethod
    def to_wire(self) -> dict[str, Any]:
        """The union's JSON form, ``{tag: value}``."""

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps``."""
        return json.dumps(self.to_wire(), **dumps_options)

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> TaskParameterValue:
        """Pick the variant from the single key of ``data`` (``__type``, which some AWS
        services add, is not a member); a value of the wrong shape raises
        ``DeserializationError`` naming the member."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskParameterValue", data)
        present = [(k, v) for k, v in data.items() if v is not None and k != "__type"]
        if len(present) != 1:
            reason = "needs exactly one member set, got " + (
                ", ".join(sorted(k for k, _ in present)) or "none"
            )
            raise DeserializationError(
                "TaskParameterValue" + " " + reason,
                model="TaskParameterValue",
                reason=reason,
            )
        tag, value = present[0]
        try:
            if tag == "int":
                return TaskParameterValueInt(
                    value=(value if type(value) is str else _wire.as_str(value))
                )
            if tag == "float":
                return TaskParameterValueFloat(
                    value=(value if type(value) is str else _wire.as_str(value))
                )
            if tag == "string":
                return TaskParameterValueString(
                    value=(value if type(value) is str else _wire.as_str(value))
                )
            if tag == "path":
                return TaskParameterValuePath(
                    value=(value if type(value) is str else _wire.as_str(value))
                )
            if tag == "chunkInt":
                return TaskParameterValueChunkInt(
                    value=(value if type(value) is str else _wire.as_str(value))
                )
        except _wire.CONVERSION_ERRORS as err:
            raise _wire.bad_field("TaskParameterValue", tag, err) from err
        return TaskParameterValueUnknown(tag=tag, raw=value)


@dataclass(frozen=True, slots=True)
class TaskParameterValueInt(TaskParameterValue):
    """A signed integer represented as a string."""

    value: str
    tag: ClassVar[str] = "int"

    def to_dict(self) -> dict[str, Any]:
        return {self.tag: self.value}

    def to_wire(self) -> dict[str, Any]:
        return {self.tag: self.value}


@dataclass(frozen=True, slots=True)
class TaskParameterValueFloat(TaskParameterValue):
    """A double precision IEEE-754 floating point number represented as a string."""

    value: str
    tag: ClassVar[str] = "float"

    def to_dict(self) -> dict[str, Any]:
        return {self.tag: self.value}

    def to_wire(self) -> dict[str, Any]:
        return {self.tag: self.value}


@dataclass(frozen=True, slots=True)
class TaskParameterValueString(TaskParameterValue):
    """A UTF-8 string."""

    value: str
    tag: ClassVar[str] = "string"

    def to_dict(self) -> dict[str, Any]:
        return {self.tag: self.value}

    def to_wire(self) -> dict[str, Any]:
        return {self.tag: self.value}


@dataclass(frozen=True, slots=True)
class TaskParameterValuePath(TaskParameterValue):
    """A file system path represented as a string."""

    value: str
    tag: ClassVar[str] = "path"

    def to_dict(self) -> dict[str, Any]:
        return {self.tag: self.value}

    def to_wire(self) -> dict[str, Any]:
        return {self.tag: self.value}


@dataclass(frozen=True, slots=True)
class TaskParameterValueChunkInt(TaskParameterValue):
    """A range (for example 1-10) or selection of specific (for example 1,3,7,8,10) integers
    represented as a string."""

    value: str
    tag: ClassVar[str] = "chunkInt"

    def to_dict(self) -> dict[str, Any]:
        return {self.tag: self.value}

    def to_wire(self) -> dict[str, Any]:
        return {self.tag: self.value}


@dataclass(frozen=True, slots=True)
class TaskParameterValueUnknown(TaskParameterValue):
    """A variant this version of the client does not know; ``raw`` is its value as received."""

    tag: str
    raw: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {self.tag: self.raw}

    def to_wire(self) -> dict[str, Any]:
        return {self.tag: self.raw}


class TaskRunStatus(OpenStrEnum):
    """TaskRunStatus values.

    Values this client does not know are kept as they are, so
    ``TaskRunStatus("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    PENDING = "PENDING"
    READY = "READY"
    ASSIGNED = "ASSIGNED"
    STARTING = "STARTING"
    SCHEDULED = "SCHEDULED"
    INTERRUPTING = "INTERRUPTING"
    RUNNING = "RUNNING"
    SUSPENDED = "SUSPENDED"
    CANCELED = "CANCELED"
    FAILED = "FAILED"
    SUCCEEDED = "SUCCEEDED"
    NOT_COMPATIBLE = "NOT_COMPATIBLE"


class TaskTargetRunStatus(OpenStrEnum):
    """TaskTargetRunStatus values.

    Values this client does not know are kept as they are, so
    ``TaskTargetRunStatus("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    READY = "READY"
    FAILED = "FAILED"
    SUCCEEDED = "SUCCEEDED"
    CANCELED = "CANCELED"
    SUSPENDED = "SUSPENDED"
    PENDING = "PENDING"


@dataclass(kw_only=True, slots=True)
class UpdateTaskResponse:
    """UpdateTaskResponse"""

    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"__type"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "UpdateTaskResponse",
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
    def from_dict(cls, data: Mapping[str, Any]) -> UpdateTaskResponse:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("UpdateTaskResponse", data)
        return cls(**UpdateTaskResponse._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ValidationExceptionField:
    """The details of a validation exception.

    Attributes:
        name: The name of the validation exception.
        message: The error message for the validation exception.
    """

    name: str
    message: str
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"name", "message", "__type"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ValidationExceptionField",
        {
            "name": (
                "name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "message": (
                "message",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["name"] = self.name
        out["message"] = self.message
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["name"] = self.name
        out["message"] = self.message
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ValidationExceptionField:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ValidationExceptionField", data)
        return cls(**ValidationExceptionField._fields.read(data, cls._known))


class ValidationExceptionReason(OpenStrEnum):
    """ValidationExceptionReason values.

    Values this client does not know are kept as they are, so
    ``ValidationExceptionReason("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    UNKNOWN_OPERATION = "UNKNOWN_OPERATION"
    CANNOT_PARSE = "CANNOT_PARSE"
    FIELD_VALIDATION_FAILED = "FIELD_VALIDATION_FAILED"
    OTHER = "OTHER"
