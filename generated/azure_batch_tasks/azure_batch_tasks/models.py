"""Data models of BatchServiceClient (API version 2024-07-01.20.0).

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
from datetime import datetime, timedelta
from typing import Any, ClassVar

from ._runtime import _wire
from ._runtime._model import NULL, Null, OpenStrEnum, ResponseMetadata

__all__ = [
    "NULL",
    "AccessScope",
    "AffinityInformation",
    "ApplicationPackageReference",
    "AuthenticationTokenSettings",
    "AutoUserScope",
    "AutoUserSpecification",
    "BatchErrorBody",
    "BatchErrorDetail",
    "CloudTask",
    "CloudTaskListResult",
    "CloudTaskListSubtasksResult",
    "ComputeNodeIdentityReference",
    "ComputeNodeInformation",
    "ContainerHostBatchBindMountEntry",
    "ContainerHostDataPath",
    "ContainerRegistry",
    "ContainerWorkingDirectory",
    "DependencyAction",
    "ElevationLevel",
    "EnvironmentSetting",
    "ErrorCategory",
    "ErrorMessage",
    "ExitCodeMapping",
    "ExitCodeRangeMapping",
    "ExitConditions",
    "ExitOptions",
    "HttpHeader",
    "JobAction",
    "MultiInstanceSettings",
    "NameValuePair",
    "Null",
    "OutputFile",
    "OutputFileBlobContainerDestination",
    "OutputFileDestination",
    "OutputFileUploadCondition",
    "OutputFileUploadOptions",
    "ResourceFile",
    "ResponseMetadata",
    "SubtaskInformation",
    "SubtaskState",
    "TaskAddCollectionParameter",
    "TaskAddCollectionResult",
    "TaskAddParameter",
    "TaskAddResponse",
    "TaskAddResult",
    "TaskAddStatus",
    "TaskConstraints",
    "TaskContainerExecutionInformation",
    "TaskContainerSettings",
    "TaskDeleteResponse",
    "TaskDependencies",
    "TaskExecutionInformation",
    "TaskExecutionResult",
    "TaskFailureInformation",
    "TaskIdRange",
    "TaskReactivateResponse",
    "TaskState",
    "TaskStatistics",
    "TaskTerminateResponse",
    "TaskUpdateParameter",
    "TaskUpdateResponse",
    "UserIdentity",
]


@dataclass(kw_only=True, slots=True)
class AffinityInformation:
    """A locality hint that can be used by the Batch service to select a Compute Node on
    which to start a Task.

    Attributes:
        affinity_id: An opaque string representing the location of a Compute Node or a
            Task that has run previously.

            You can pass the affinityId of a Node to indicate that this Task needs to run
            on that Compute Node. Note that this is just a soft affinity. If the target
            Compute Node is busy or unavailable at the time the Task is scheduled, then
            the Task will be scheduled elsewhere.
    """

    affinity_id: str
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"affinityId", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "AffinityInformation",
        {
            "affinityId": (
                "affinity_id",
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
        out["affinityId"] = self.affinity_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["affinityId"] = self.affinity_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AffinityInformation:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("AffinityInformation", data)
        return cls(**AffinityInformation._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ApplicationPackageReference:
    """A reference to an Package to be deployed to Compute Nodes.

    Attributes:
        application_id: The ID of the application to deploy.

            When creating a pool, the package's application ID must be fully qualified
            (/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Batch/batchAccounts/{accountName}/applications/{applicationName}).
        version: The version of the application to deploy. If omitted, the default
            version is deployed.

            If this is omitted on a Pool, and no default version is specified for this
            application, the request fails with the error code
            InvalidApplicationPackageReferences and HTTP status code 409. If this is
            omitted on a Task, and no default version is specified for this application,
            the Task fails with a pre-processing error.
    """

    application_id: str
    version: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"applicationId", "version", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ApplicationPackageReference",
        {
            "applicationId": (
                "application_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "version": (
                "version",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["applicationId"] = self.application_id
        if self.version is not None:
            out["version"] = self.version
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["applicationId"] = self.application_id
        if self.version is not None:
            out["version"] = self.version
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ApplicationPackageReference:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ApplicationPackageReference", data)
        return cls(**ApplicationPackageReference._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class AuthenticationTokenSettings:
    """The settings for an authentication token that the Task can use to perform Batch
    service operations.

    Attributes:
        access: The Batch resources to which the token grants access.

            The authentication token grants access to a limited set of Batch service
            operations. Currently the only supported value for the access property is
            'job', which grants access to all operations related to the Job which contains
            the Task.
    """

    access: list[AccessScope] | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"access", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "AuthenticationTokenSettings",
        {
            "access": (
                "access",
                lambda value: [
                    (None if v0 is None else _wire.enum_member(AccessScope, v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.access is not None:
            out["access"] = [None if v0 is None else AccessScope(v0).value for v0 in self.access]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.access is not None:
            out["access"] = [None if v0 is None else AccessScope(v0).value for v0 in self.access]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AuthenticationTokenSettings:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("AuthenticationTokenSettings", data)
        return cls(**AuthenticationTokenSettings._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class AutoUserSpecification:
    """Specifies the parameters for the auto user that runs a Task on the Batch service.

    Attributes:
        scope: The scope for the auto user

            The default value is pool. If the pool is running Windows a value of Task
            should be specified if stricter isolation between tasks is required. For
            example, if the task mutates the registry in a way which could impact other
            tasks, or if certificates have been specified on the pool which should not be
            accessible by normal tasks but should be accessible by StartTasks.
        elevation_level: The elevation level of the auto user.

            The default value is nonAdmin.
    """

    scope: AutoUserScope | None = None
    elevation_level: ElevationLevel | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"scope", "elevationLevel", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "AutoUserSpecification",
        {
            "scope": ("scope", lambda value: _wire.enum_member(AutoUserScope, value), 0),
            "elevationLevel": (
                "elevation_level",
                lambda value: _wire.enum_member(ElevationLevel, value),
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.scope is not None:
            out["scope"] = AutoUserScope(self.scope).value
        if self.elevation_level is not None:
            out["elevationLevel"] = ElevationLevel(self.elevation_level).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.scope is not None:
            out["scope"] = AutoUserScope(self.scope).value
        if self.elevation_level is not None:
            out["elevationLevel"] = ElevationLevel(self.elevation_level).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AutoUserSpecification:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("AutoUserSpecification", data)
        return cls(**AutoUserSpecification._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class BatchErrorDetail:
    """An item of additional information included in an Azure Batch error response.

    Attributes:
        key: An identifier specifying the meaning of the Value property.
        value: The additional information included with the error response.
    """

    key: str | None = None
    value: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"key", "value", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "BatchErrorDetail",
        {
            "key": (
                "key",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "value": (
                "value",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.key is not None:
            out["key"] = self.key
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.key is not None:
            out["key"] = self.key
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BatchErrorDetail:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("BatchErrorDetail", data)
        return cls(**BatchErrorDetail._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class CloudTask:
    """An Azure Batch Task.

    Batch will retry Tasks when a recovery operation is triggered on a Node. Examples of
    recovery operations include (but are not limited to) when an unhealthy Node is
    rebooted or a Compute Node disappeared due to host failure. Retries due to recovery
    operations are independent of and are not counted against the maxTaskRetryCount. Even
    if the maxTaskRetryCount is 0, an internal retry due to a recovery operation may
    occur. Because of this, all Tasks should be idempotent. This means Tasks need to
    tolerate being interrupted and restarted without causing any corruption or duplicate
    data. The best practice for long running Tasks is to use some form of checkpointing.

    Attributes:
        id: A string that uniquely identifies the Task within the Job.

            The ID can contain any combination of alphanumeric characters including
            hyphens and underscores, and cannot contain more than 64 characters.
        display_name: A display name for the Task.

            The display name need not be unique and can contain any Unicode characters up
            to a maximum length of 1024.
        url: The URL of the Task.
        e_tag: The ETag of the Task.

            This is an opaque string. You can use it to detect whether the Task has
            changed between requests. In particular, you can be pass the ETag when
            updating a Task to specify that your changes should take effect only if nobody
            else has modified the Task in the meantime.
        last_modified: The last modified time of the Task.
        creation_time: The creation time of the Task.
        exit_conditions: How the Batch service should respond when the Task completes.
        state: The current state of the Task.
        state_transition_time: The time at which the Task entered its current state.
        previous_state: The previous state of the Task.

            This property is not set if the Task is in its initial Active state.
        previous_state_transition_time: The time at which the Task entered its
            previous state.

            This property is not set if the Task is in its initial Active state.
        command_line: The command line of the Task.

            For multi-instance Tasks, the command line is executed as the primary Task,
            after the primary Task and all subtasks have finished executing the
            coordination command line. The command line does not run under a shell, and
            therefore cannot take advantage of shell features such as environment variable
            expansion. If you want to take advantage of such features, you should invoke
            the shell in the command line, for example using "cmd /c MyCommand" in Windows
            or "/bin/sh -c MyCommand" in Linux. If the command line refers to file paths,
            it should use a relative path (relative to the Task working directory), or use
            the Batch provided environment variable
            (https://learn.microsoft.com/azure/batch/batch-compute-node-environment-variables).
        container_settings: The settings for the container under which the Task runs.

            If the Pool that will run this Task has containerConfiguration set, this must
            be set as well. If the Pool that will run this Task doesn't have
            containerConfiguration set, this must not be set. When this is specified, all
            directories recursively below the AZ_BATCH_NODE_ROOT_DIR (the root of Azure
            Batch directories on the node) are mapped into the container, all Task
            environment variables are mapped into the container, and the Task command line
            is executed in the container. Files produced in the container outside of
            AZ_BATCH_NODE_ROOT_DIR might not be reflected to the host disk, meaning that
            Batch file APIs will not be able to access those files.
        resource_files: A list of files that the Batch service will download to the
            Compute Node before running the command line.

            For multi-instance Tasks, the resource files will only be downloaded to the
            Compute Node on which the primary Task is executed. There is a maximum size
            for the list of resource files. When the max size is exceeded, the request
            will fail and the response error code will be RequestEntityTooLarge. If this
            occurs, the collection of ResourceFiles must be reduced in size. This can be
            achieved using .zip files, Application Packages, or Docker Containers.
        output_files: A list of files that the Batch service will upload from the
            Compute Node after running the command line.

            For multi-instance Tasks, the files will only be uploaded from the Compute
            Node on which the primary Task is executed.
        environment_settings: A list of environment variable settings for the Task.
        affinity_info: A locality hint that can be used by the Batch service to select
            a Compute Node on which to start the new Task.
        constraints: The execution constraints that apply to this Task.
        required_slots: The number of scheduling slots that the Task requires to run.

            The default is 1. A Task can only be scheduled to run on a compute node if the
            node has enough free scheduling slots available. For multi-instance Tasks,
            this must be 1.
        user_identity: The user identity under which the Task runs.

            If omitted, the Task runs as a non-administrative user unique to the Task.
        execution_info: Information about the execution of the Task.
        node_info: Information about the Compute Node on which the Task ran.
        multi_instance_settings: An object that indicates that the Task is a
            multi-instance Task, and contains information about how to run the
            multi-instance Task.
        stats: Resource usage statistics for the Task.
        depends_on: The Tasks that this Task depends on.

            This Task will not be scheduled until all Tasks that it depends on have
            completed successfully. If any of those Tasks fail and exhaust their retry
            counts, this Task will never be scheduled.
        application_package_references: A list of Packages that the Batch service will
            deploy to the Compute Node before running the command line.

            Application packages are downloaded and deployed to a shared directory, not
            the Task working directory. Therefore, if a referenced package is already on
            the Node, and is up to date, then it is not re-downloaded; the existing copy
            on the Compute Node is used. If a referenced Package cannot be installed, for
            example because the package has been deleted or because download failed, the
            Task fails.
        authentication_token_settings: The settings for an authentication token that
            the Task can use to perform Batch service operations.

            If this property is set, the Batch service provides the Task with an
            authentication token which can be used to authenticate Batch service
            operations without requiring an Account access key. The token is provided via
            the AZ_BATCH_AUTHENTICATION_TOKEN environment variable. The operations that
            the Task can carry out using the token depend on the settings. For example, a
            Task can request Job permissions in order to add other Tasks to the Job, or
            check the status of the Job or of other Tasks under the Job.
    """

    id: str | None = None
    display_name: str | None = None
    url: str | None = None
    e_tag: str | None = None
    last_modified: datetime | None = None
    creation_time: datetime | None = None
    exit_conditions: ExitConditions | None = None
    state: TaskState | None = None
    state_transition_time: datetime | None = None
    previous_state: TaskState | None = None
    previous_state_transition_time: datetime | None = None
    command_line: str | None = None
    container_settings: TaskContainerSettings | None = None
    resource_files: list[ResourceFile] | None = None
    output_files: list[OutputFile] | None = None
    environment_settings: list[EnvironmentSetting] | None = None
    affinity_info: AffinityInformation | None = None
    constraints: TaskConstraints | None = None
    required_slots: int | None = None
    user_identity: UserIdentity | None = None
    execution_info: TaskExecutionInformation | None = None
    node_info: ComputeNodeInformation | None = None
    multi_instance_settings: MultiInstanceSettings | None = None
    stats: TaskStatistics | None = None
    depends_on: TaskDependencies | None = None
    application_package_references: list[ApplicationPackageReference] | None = None
    authentication_token_settings: AuthenticationTokenSettings | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "displayName",
            "url",
            "eTag",
            "lastModified",
            "creationTime",
            "exitConditions",
            "state",
            "stateTransitionTime",
            "previousState",
            "previousStateTransitionTime",
            "commandLine",
            "containerSettings",
            "resourceFiles",
            "outputFiles",
            "environmentSettings",
            "affinityInfo",
            "constraints",
            "requiredSlots",
            "userIdentity",
            "executionInfo",
            "nodeInfo",
            "multiInstanceSettings",
            "stats",
            "dependsOn",
            "applicationPackageReferences",
            "authenticationTokenSettings",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "CloudTask",
        {
            "id": (
                "id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "displayName": (
                "display_name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "url": (
                "url",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "eTag": (
                "e_tag",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "lastModified": (
                "last_modified",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                0,
            ),
            "creationTime": (
                "creation_time",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                0,
            ),
            "exitConditions": ("exit_conditions", lambda value: ExitConditions.from_dict(value), 0),
            "state": ("state", lambda value: _wire.enum_member(TaskState, value), 0),
            "stateTransitionTime": (
                "state_transition_time",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                0,
            ),
            "previousState": (
                "previous_state",
                lambda value: _wire.enum_member(TaskState, value),
                0,
            ),
            "previousStateTransitionTime": (
                "previous_state_transition_time",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                0,
            ),
            "commandLine": (
                "command_line",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "containerSettings": (
                "container_settings",
                lambda value: TaskContainerSettings.from_dict(value),
                0,
            ),
            "resourceFiles": (
                "resource_files",
                lambda value: [
                    (None if v0 is None else ResourceFile.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "outputFiles": (
                "output_files",
                lambda value: [
                    (None if v0 is None else OutputFile.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "environmentSettings": (
                "environment_settings",
                lambda value: [
                    (None if v0 is None else EnvironmentSetting.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "affinityInfo": (
                "affinity_info",
                lambda value: AffinityInformation.from_dict(value),
                0,
            ),
            "constraints": ("constraints", lambda value: TaskConstraints.from_dict(value), 0),
            "requiredSlots": (
                "required_slots",
                lambda value: value if type(value) is int else _wire.as_int(value),
                0,
            ),
            "userIdentity": ("user_identity", lambda value: UserIdentity.from_dict(value), 0),
            "executionInfo": (
                "execution_info",
                lambda value: TaskExecutionInformation.from_dict(value),
                0,
            ),
            "nodeInfo": ("node_info", lambda value: ComputeNodeInformation.from_dict(value), 0),
            "multiInstanceSettings": (
                "multi_instance_settings",
                lambda value: MultiInstanceSettings.from_dict(value),
                0,
            ),
            "stats": ("stats", lambda value: TaskStatistics.from_dict(value), 0),
            "dependsOn": ("depends_on", lambda value: TaskDependencies.from_dict(value), 0),
            "applicationPackageReferences": (
                "application_package_references",
                lambda value: [
                    (None if v0 is None else ApplicationPackageReference.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "authenticationTokenSettings": (
                "authentication_token_settings",
                lambda value: AuthenticationTokenSettings.from_dict(value),
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.display_name is not None:
            out["displayName"] = self.display_name
        if self.url is not None:
            out["url"] = self.url
        if self.e_tag is not None:
            out["eTag"] = self.e_tag
        if self.last_modified is not None:
            out["lastModified"] = _wire.aware(self.last_modified)
        if self.creation_time is not None:
            out["creationTime"] = _wire.aware(self.creation_time)
        if self.exit_conditions is not None:
            out["exitConditions"] = self.exit_conditions.to_dict()
        if self.state is not None:
            out["state"] = TaskState(self.state).value
        if self.state_transition_time is not None:
            out["stateTransitionTime"] = _wire.aware(self.state_transition_time)
        if self.previous_state is not None:
            out["previousState"] = TaskState(self.previous_state).value
        if self.previous_state_transition_time is not None:
            out["previousStateTransitionTime"] = _wire.aware(self.previous_state_transition_time)
        if self.command_line is not None:
            out["commandLine"] = self.command_line
        if self.container_settings is not None:
            out["containerSettings"] = self.container_settings.to_dict()
        if self.resource_files is not None:
            out["resourceFiles"] = [
                None if v0 is None else v0.to_dict() for v0 in self.resource_files
            ]
        if self.output_files is not None:
            out["outputFiles"] = [None if v0 is None else v0.to_dict() for v0 in self.output_files]
        if self.environment_settings is not None:
            out["environmentSettings"] = [
                None if v0 is None else v0.to_dict() for v0 in self.environment_settings
            ]
        if self.affinity_info is not None:
            out["affinityInfo"] = self.affinity_info.to_dict()
        if self.constraints is not None:
            out["constraints"] = self.constraints.to_dict()
        if self.required_slots is not None:
            out["requiredSlots"] = self.required_slots
        if self.user_identity is not None:
            out["userIdentity"] = self.user_identity.to_dict()
        if self.execution_info is not None:
            out["executionInfo"] = self.execution_info.to_dict()
        if self.node_info is not None:
            out["nodeInfo"] = self.node_info.to_dict()
        if self.multi_instance_settings is not None:
            out["multiInstanceSettings"] = self.multi_instance_settings.to_dict()
        if self.stats is not None:
            out["stats"] = self.stats.to_dict()
        if self.depends_on is not None:
            out["dependsOn"] = self.depends_on.to_dict()
        if self.application_package_references is not None:
            out["applicationPackageReferences"] = [
                None if v0 is None else v0.to_dict() for v0 in self.application_package_references
            ]
        if self.authentication_token_settings is not None:
            out["authenticationTokenSettings"] = self.authentication_token_settings.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.display_name is not None:
            out["displayName"] = self.display_name
        if self.url is not None:
            out["url"] = self.url
        if self.e_tag is not None:
            out["eTag"] = self.e_tag
        if self.last_modified is not None:
            out["lastModified"] = _wire.format_timestamp(self.last_modified, "date-time-ms")
        if self.creation_time is not None:
            out["creationTime"] = _wire.format_timestamp(self.creation_time, "date-time-ms")
        if self.exit_conditions is not None:
            out["exitConditions"] = self.exit_conditions.to_wire()
        if self.state is not None:
            out["state"] = TaskState(self.state).value
        if self.state_transition_time is not None:
            out["stateTransitionTime"] = _wire.format_timestamp(
                self.state_transition_time, "date-time-ms"
            )
        if self.previous_state is not None:
            out["previousState"] = TaskState(self.previous_state).value
        if self.previous_state_transition_time is not None:
            out["previousStateTransitionTime"] = _wire.format_timestamp(
                self.previous_state_transition_time, "date-time-ms"
            )
        if self.command_line is not None:
            out["commandLine"] = self.command_line
        if self.container_settings is not None:
            out["containerSettings"] = self.container_settings.to_wire()
        if self.resource_files is not None:
            out["resourceFiles"] = [
                None if v0 is None else v0.to_wire() for v0 in self.resource_files
            ]
        if self.output_files is not None:
            out["outputFiles"] = [None if v0 is None else v0.to_wire() for v0 in self.output_files]
        if self.environment_settings is not None:
            out["environmentSettings"] = [
                None if v0 is None else v0.to_wire() for v0 in self.environment_settings
            ]
        if self.affinity_info is not None:
            out["affinityInfo"] = self.affinity_info.to_wire()
        if self.constraints is not None:
            out["constraints"] = self.constraints.to_wire()
        if self.required_slots is not None:
            out["requiredSlots"] = self.required_slots
        if self.user_identity is not None:
            out["userIdentity"] = self.user_identity.to_wire()
        if self.execution_info is not None:
            out["executionInfo"] = self.execution_info.to_wire()
        if self.node_info is not None:
            out["nodeInfo"] = self.node_info.to_wire()
        if self.multi_instance_settings is not None:
            out["multiInstanceSettings"] = self.multi_instance_settings.to_wire()
        if self.stats is not None:
            out["stats"] = self.stats.to_wire()
        if self.depends_on is not None:
            out["dependsOn"] = self.depends_on.to_wire()
        if self.application_package_references is not None:
            out["applicationPackageReferences"] = [
                None if v0 is None else v0.to_wire() for v0 in self.application_package_references
            ]
        if self.authentication_token_settings is not None:
            out["authenticationTokenSettings"] = self.authentication_token_settings.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CloudTask:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("CloudTask", data)
        return cls(**CloudTask._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class CloudTaskListResult:
    """The result of listing the Tasks in a Job.

    Attributes:
        value: The list of Tasks.
        odata_next_link: The URL to get the next set of results.
    """

    value: list[CloudTask] | None = None
    odata_next_link: str | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"value", "odata.nextLink", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "CloudTaskListResult",
        {
            "value": (
                "value",
                lambda value: [
                    (None if v0 is None else CloudTask.from_dict(v0)) for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "odata.nextLink": (
                "odata_next_link",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.value is not None:
            out["value"] = [None if v0 is None else v0.to_dict() for v0 in self.value]
        if self.odata_next_link is not None:
            out["odata.nextLink"] = self.odata_next_link
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.value is not None:
            out["value"] = [None if v0 is None else v0.to_wire() for v0 in self.value]
        if self.odata_next_link is not None:
            out["odata.nextLink"] = self.odata_next_link
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CloudTaskListResult:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("CloudTaskListResult", data)
        return cls(**CloudTaskListResult._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class CloudTaskListSubtasksResult:
    """The result of listing the subtasks of a Task.

    Attributes:
        value: The list of subtasks.
    """

    value: list[SubtaskInformation] | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"value", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "CloudTaskListSubtasksResult",
        {
            "value": (
                "value",
                lambda value: [
                    (None if v0 is None else SubtaskInformation.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.value is not None:
            out["value"] = [None if v0 is None else v0.to_dict() for v0 in self.value]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.value is not None:
            out["value"] = [None if v0 is None else v0.to_wire() for v0 in self.value]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CloudTaskListSubtasksResult:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("CloudTaskListSubtasksResult", data)
        return cls(**CloudTaskListSubtasksResult._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ComputeNodeIdentityReference:
    """The reference to a user assigned identity associated with the Batch pool which a
    compute node will use.

    Attributes:
        resource_id: The ARM resource id of the user assigned identity.
    """

    resource_id: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"resourceId", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ComputeNodeIdentityReference",
        {
            "resourceId": (
                "resource_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.resource_id is not None:
            out["resourceId"] = self.resource_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.resource_id is not None:
            out["resourceId"] = self.resource_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ComputeNodeIdentityReference:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ComputeNodeIdentityReference", data)
        return cls(**ComputeNodeIdentityReference._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ComputeNodeInformation:
    """Information about the Compute Node on which a Task ran.

    Attributes:
        affinity_id: An identifier for the Node on which the Task ran, which can be
            passed when adding a Task to request that the Task be scheduled on this
            Compute Node.
        node_url: The URL of the Compute Node on which the Task ran.
        pool_id: The ID of the Pool on which the Task ran.
        node_id: The ID of the Compute Node on which the Task ran.
        task_root_directory: The root directory of the Task on the Compute Node.
        task_root_directory_url: The URL to the root directory of the Task on the
            Compute Node.
    """

    affinity_id: str | None = None
    node_url: str | None = None
    pool_id: str | None = None
    node_id: str | None = None
    task_root_directory: str | None = None
    task_root_directory_url: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "affinityId",
            "nodeUrl",
            "poolId",
            "nodeId",
            "taskRootDirectory",
            "taskRootDirectoryUrl",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ComputeNodeInformation",
        {
            "affinityId": (
                "affinity_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "nodeUrl": (
                "node_url",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "poolId": (
                "pool_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "nodeId": (
                "node_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "taskRootDirectory": (
                "task_root_directory",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "taskRootDirectoryUrl": (
                "task_root_directory_url",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.affinity_id is not None:
            out["affinityId"] = self.affinity_id
        if self.node_url is not None:
            out["nodeUrl"] = self.node_url
        if self.pool_id is not None:
            out["poolId"] = self.pool_id
        if self.node_id is not None:
            out["nodeId"] = self.node_id
        if self.task_root_directory is not None:
            out["taskRootDirectory"] = self.task_root_directory
        if self.task_root_directory_url is not None:
            out["taskRootDirectoryUrl"] = self.task_root_directory_url
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.affinity_id is not None:
            out["affinityId"] = self.affinity_id
        if self.node_url is not None:
            out["nodeUrl"] = self.node_url
        if self.pool_id is not None:
            out["poolId"] = self.pool_id
        if self.node_id is not None:
            out["nodeId"] = self.node_id
        if self.task_root_directory is not None:
            out["taskRootDirectory"] = self.task_root_directory
        if self.task_root_directory_url is not None:
            out["taskRootDirectoryUrl"] = self.task_root_directory_url
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ComputeNodeInformation:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ComputeNodeInformation", data)
        return cls(**ComputeNodeInformation._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ContainerHostBatchBindMountEntry:
    """The entry of path and mount mode you want to mount into task container.

    Attributes:
        source: The path which be mounted to container customer can select.
        is_read_only: Mount this source path as read-only mode or not. Default value
            is false (read/write mode).

            For Linux, if you mount this path as a read/write mode, this does not mean
            that all users in container have the read/write access for the path, it
            depends on the access in host VM. If this path is mounted read-only, all users
            within the container will not be able to modify the path.
    """

    source: ContainerHostDataPath | None = None
    is_read_only: bool | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"source", "isReadOnly", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ContainerHostBatchBindMountEntry",
        {
            "source": ("source", lambda value: _wire.enum_member(ContainerHostDataPath, value), 0),
            "isReadOnly": (
                "is_read_only",
                lambda value: value if type(value) is bool else _wire.as_bool(value),
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.source is not None:
            out["source"] = ContainerHostDataPath(self.source).value
        if self.is_read_only is not None:
            out["isReadOnly"] = self.is_read_only
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.source is not None:
            out["source"] = ContainerHostDataPath(self.source).value
        if self.is_read_only is not None:
            out["isReadOnly"] = self.is_read_only
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContainerHostBatchBindMountEntry:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ContainerHostBatchBindMountEntry", data)
        return cls(**ContainerHostBatchBindMountEntry._fields.read(data, cls._known))


class ContainerHostDataPath(OpenStrEnum):
    """The paths which will be mounted to container task's container.

    Values this client does not know are kept as they are, so
    ``ContainerHostDataPath("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    SHARED = "Shared"
    """The path for multi-instances task to shared their files."""
    STARTUP = "Startup"
    """The path for start task."""
    VFS_MOUNTS = "VfsMounts"
    """The path contains all virtual file systems are mounted on this node."""
    TASK = "Task"
    """The task path."""
    JOB_PREP = "JobPrep"
    """The job-prep task path."""
    APPLICATIONS = "Applications"
    """The applications path."""


@dataclass(kw_only=True, slots=True)
class ContainerRegistry:
    """A private container registry.

    Attributes:
        user_name: The user name to log into the registry server.
        password: The password to log into the registry server.
        registry_server: The registry URL.

            If omitted, the default is "docker.io".
        identity_reference: The reference to the user assigned identity to use to
            access an Azure Container Registry instead of username and password.
    """

    user_name: str | None = None
    password: str | None = None
    registry_server: str | None = None
    identity_reference: ComputeNodeIdentityReference | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"username", "password", "registryServer", "identityReference", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ContainerRegistry",
        {
            "username": (
                "user_name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "password": (
                "password",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "registryServer": (
                "registry_server",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "identityReference": (
                "identity_reference",
                lambda value: ComputeNodeIdentityReference.from_dict(value),
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.user_name is not None:
            out["username"] = self.user_name
        if self.password is not None:
            out["password"] = self.password
        if self.registry_server is not None:
            out["registryServer"] = self.registry_server
        if self.identity_reference is not None:
            out["identityReference"] = self.identity_reference.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.user_name is not None:
            out["username"] = self.user_name
        if self.password is not None:
            out["password"] = self.password
        if self.registry_server is not None:
            out["registryServer"] = self.registry_server
        if self.identity_reference is not None:
            out["identityReference"] = self.identity_reference.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContainerRegistry:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ContainerRegistry", data)
        return cls(**ContainerRegistry._fields.read(data, cls._known))


class ElevationLevel(OpenStrEnum):
    """The elevation level of the user.

    Values this client does not know are kept as they are, so
    ``ElevationLevel("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    NON_ADMIN = "nonadmin"
    """The user is a standard user without elevated access."""
    ADMIN = "admin"
    """The user is a user with elevated access and operates with full Administrator
    permissions."""


@dataclass(kw_only=True, slots=True)
class EnvironmentSetting:
    """An environment variable to be set on a Task process.

    Attributes:
        name: The name of the environment variable.
        value: The value of the environment variable.
    """

    name: str
    value: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"name", "value", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "EnvironmentSetting",
        {
            "name": (
                "name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "value": (
                "value",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["name"] = self.name
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["name"] = self.name
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EnvironmentSetting:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("EnvironmentSetting", data)
        return cls(**EnvironmentSetting._fields.read(data, cls._known))


class ErrorCategory(OpenStrEnum):
    """The category of the error.

    Values this client does not know are kept as they are, so
    ``ErrorCategory("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    USER_ERROR = "usererror"
    """The error is due to a user issue, such as misconfiguration."""
    SERVER_ERROR = "servererror"
    """The error is due to an internal server issue."""


@dataclass(kw_only=True, slots=True)
class ErrorMessage:
    """An error message received in an Azure Batch error response.

    Attributes:
        lang: The language code of the error message
        value: The text of the message.
    """

    lang: str | None = None
    value: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"lang", "value", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ErrorMessage",
        {
            "lang": (
                "lang",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "value": (
                "value",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.lang is not None:
            out["lang"] = self.lang
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.lang is not None:
            out["lang"] = self.lang
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ErrorMessage:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ErrorMessage", data)
        return cls(**ErrorMessage._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ExitCodeMapping:
    """How the Batch service should respond if a Task exits with a particular exit code.

    Attributes:
        code: A process exit code.
        exit_options: How the Batch service should respond if the Task exits with this
            exit code.
    """

    code: int
    exit_options: ExitOptions
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"code", "exitOptions", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ExitCodeMapping",
        {
            "code": (
                "code",
                lambda value: value if type(value) is int else _wire.as_int(value),
                _wire.REQUIRED,
            ),
            "exitOptions": (
                "exit_options",
                lambda value: ExitOptions.from_dict(value),
                _wire.REQUIRED,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["code"] = self.code
        out["exitOptions"] = self.exit_options.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["code"] = self.code
        out["exitOptions"] = self.exit_options.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExitCodeMapping:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ExitCodeMapping", data)
        return cls(**ExitCodeMapping._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ExitCodeRangeMapping:
    """A range of exit codes and how the Batch service should respond to exit codes within
    that range.

    Attributes:
        start: The first exit code in the range.
        end: The last exit code in the range.
        exit_options: How the Batch service should respond if the Task exits with an
            exit code in the range start to end (inclusive).
    """

    start: int
    end: int
    exit_options: ExitOptions
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"start", "end", "exitOptions", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ExitCodeRangeMapping",
        {
            "start": (
                "start",
                lambda value: value if type(value) is int else _wire.as_int(value),
                _wire.REQUIRED,
            ),
            "end": (
                "end",
                lambda value: value if type(value) is int else _wire.as_int(value),
                _wire.REQUIRED,
            ),
            "exitOptions": (
                "exit_options",
                lambda value: ExitOptions.from_dict(value),
                _wire.REQUIRED,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["start"] = self.start
        out["end"] = self.end
        out["exitOptions"] = self.exit_options.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["start"] = self.start
        out["end"] = self.end
        out["exitOptions"] = self.exit_options.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExitCodeRangeMapping:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ExitCodeRangeMapping", data)
        return cls(**ExitCodeRangeMapping._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ExitConditions:
    """Specifies how the Batch service should respond when the Task completes.

    Attributes:
        exit_codes: A list of individual Task exit codes and how the Batch service
            should respond to them.
        exit_code_ranges: A list of Task exit code ranges and how the Batch service
            should respond to them.
        pre_processing_error: How the Batch service should respond if the Task fails
            to start due to an error.
        file_upload_error: How the Batch service should respond if a file upload error
            occurs.

            If the Task exited with an exit code that was specified via exitCodes or
            exitCodeRanges, and then encountered a file upload error, then the action
            specified by the exit code takes precedence.
        default: How the Batch service should respond if the Task fails with an exit
            condition not covered by any of the other properties.

            This value is used if the Task exits with any nonzero exit code not listed in
            the exitCodes or exitCodeRanges collection, with a pre-processing error if the
            preProcessingError property is not present, or with a file upload error if the
            fileUploadError property is not present. If you want non-default behavior on
            exit code 0, you must list it explicitly using the exitCodes or exitCodeRanges
            collection.
    """

    exit_codes: list[ExitCodeMapping] | None = None
    exit_code_ranges: list[ExitCodeRangeMapping] | None = None
    pre_processing_error: ExitOptions | None = None
    file_upload_error: ExitOptions | None = None
    default: ExitOptions | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "exitCodes",
            "exitCodeRanges",
            "preProcessingError",
            "fileUploadError",
            "default",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ExitConditions",
        {
            "exitCodes": (
                "exit_codes",
                lambda value: [
                    (None if v0 is None else ExitCodeMapping.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "exitCodeRanges": (
                "exit_code_ranges",
                lambda value: [
                    (None if v0 is None else ExitCodeRangeMapping.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "preProcessingError": (
                "pre_processing_error",
                lambda value: ExitOptions.from_dict(value),
                0,
            ),
            "fileUploadError": ("file_upload_error", lambda value: ExitOptions.from_dict(value), 0),
            "default": ("default", lambda value: ExitOptions.from_dict(value), 0),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.exit_codes is not None:
            out["exitCodes"] = [None if v0 is None else v0.to_dict() for v0 in self.exit_codes]
        if self.exit_code_ranges is not None:
            out["exitCodeRanges"] = [
                None if v0 is None else v0.to_dict() for v0 in self.exit_code_ranges
            ]
        if self.pre_processing_error is not None:
            out["preProcessingError"] = self.pre_processing_error.to_dict()
        if self.file_upload_error is not None:
            out["fileUploadError"] = self.file_upload_error.to_dict()
        if self.default is not None:
            out["default"] = self.default.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.exit_codes is not None:
            out["exitCodes"] = [None if v0 is None else v0.to_wire() for v0 in self.exit_codes]
        if self.exit_code_ranges is not None:
            out["exitCodeRanges"] = [
                None if v0 is None else v0.to_wire() for v0 in self.exit_code_ranges
            ]
        if self.pre_processing_error is not None:
            out["preProcessingError"] = self.pre_processing_error.to_wire()
        if self.file_upload_error is not None:
            out["fileUploadError"] = self.file_upload_error.to_wire()
        if self.default is not None:
            out["default"] = self.default.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExitConditions:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ExitConditions", data)
        return cls(**ExitConditions._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ExitOptions:
    """Specifies how the Batch service responds to a particular exit condition.

    Attributes:
        job_action: An action to take on the Job containing the Task, if the Task
            completes with the given exit condition and the Job's onTaskFailed property is
            'performExitOptionsJobAction'.

            The default is none for exit code 0 and terminate for all other exit
            conditions. If the Job's onTaskFailed property is noaction, then specifying
            this property returns an error and the add Task request fails with an invalid
            property value error; if you are calling the REST API directly, the HTTP
            status code is 400 (Bad Request).
        dependency_action: An action that the Batch service performs on Tasks that
            depend on this Task.

            Possible values are 'satisfy' (allowing dependent tasks to progress) and
            'block' (dependent tasks continue to wait). Batch does not yet support
            cancellation of dependent tasks.
    """

    job_action: JobAction | None = None
    dependency_action: DependencyAction | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"jobAction", "dependencyAction", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ExitOptions",
        {
            "jobAction": ("job_action", lambda value: _wire.enum_member(JobAction, value), 0),
            "dependencyAction": (
                "dependency_action",
                lambda value: _wire.enum_member(DependencyAction, value),
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.job_action is not None:
            out["jobAction"] = JobAction(self.job_action).value
        if self.dependency_action is not None:
            out["dependencyAction"] = DependencyAction(self.dependency_action).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.job_action is not None:
            out["jobAction"] = JobAction(self.job_action).value
        if self.dependency_action is not None:
            out["dependencyAction"] = DependencyAction(self.dependency_action).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExitOptions:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ExitOptions", data)
        return cls(**ExitOptions._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class HttpHeader:
    """An HTTP header name-value pair

    Attributes:
        name: The case-insensitive name of the header to be used while uploading
            output files
        value: The value of the header to be used while uploading output files
    """

    name: str
    value: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"name", "value", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "HttpHeader",
        {
            "name": (
                "name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "value": (
                "value",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["name"] = self.name
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["name"] = self.name
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HttpHeader:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("HttpHeader", data)
        return cls(**HttpHeader._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class MultiInstanceSettings:
    """Settings which specify how to run a multi-instance Task.

    Multi-instance Tasks are commonly used to support MPI Tasks. In the MPI case, if any
    of the subtasks fail (for example due to exiting with a non-zero exit code) the entire
    multi-instance Task fails. The multi-instance Task is then terminated and retried, up
    to its retry limit.

    Attributes:
        number_of_instances: The number of Compute Nodes required by the Task.

            If omitted, the default is 1.
        coordination_command_line: The command line to run on all the Compute Nodes to
            enable them to coordinate when the primary runs the main Task command.

            A typical coordination command line launches a background service and verifies
            that the service is ready to process inter-node messages.
        common_resource_files: A list of files that the Batch service will download
            before running the coordination command line.

            The difference between common resource files and Task resource files is that
            common resource files are downloaded for all subtasks including the primary,
            whereas Task resource files are downloaded only for the primary. Also note
            that these resource files are not downloaded to the Task working directory,
            but instead are downloaded to the Task root directory (one directory above the
            working directory). There is a maximum size for the list of resource files.
            When the max size is exceeded, the request will fail and the response error
            code will be RequestEntityTooLarge. If this occurs, the collection of
            ResourceFiles must be reduced in size. This can be achieved using .zip files,
            Application Packages, or Docker Containers.
    """

    number_of_instances: int | None = None
    coordination_command_line: str
    common_resource_files: list[ResourceFile] | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"numberOfInstances", "coordinationCommandLine", "commonResourceFiles", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "MultiInstanceSettings",
        {
            "numberOfInstances": (
                "number_of_instances",
                lambda value: value if type(value) is int else _wire.as_int(value),
                0,
            ),
            "coordinationCommandLine": (
                "coordination_command_line",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "commonResourceFiles": (
                "common_resource_files",
                lambda value: [
                    (None if v0 is None else ResourceFile.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.number_of_instances is not None:
            out["numberOfInstances"] = self.number_of_instances
        out["coordinationCommandLine"] = self.coordination_command_line
        if self.common_resource_files is not None:
            out["commonResourceFiles"] = [
                None if v0 is None else v0.to_dict() for v0 in self.common_resource_files
            ]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.number_of_instances is not None:
            out["numberOfInstances"] = self.number_of_instances
        out["coordinationCommandLine"] = self.coordination_command_line
        if self.common_resource_files is not None:
            out["commonResourceFiles"] = [
                None if v0 is None else v0.to_wire() for v0 in self.common_resource_files
            ]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MultiInstanceSettings:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("MultiInstanceSettings", data)
        return cls(**MultiInstanceSettings._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class NameValuePair:
    """Represents a name-value pair.

    Attributes:
        name: The name in the name-value pair.
        value: The value in the name-value pair.
    """

    name: str | None = None
    value: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"name", "value", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "NameValuePair",
        {
            "name": (
                "name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "value": (
                "value",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.name is not None:
            out["name"] = self.name
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.name is not None:
            out["name"] = self.name
        if self.value is not None:
            out["value"] = self.value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NameValuePair:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("NameValuePair", data)
        return cls(**NameValuePair._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class OutputFile:
    """A specification for uploading files from an Azure Batch Compute Node to another
    location after the Batch service has finished executing the Task process.

    On every file uploads, Batch service writes two log files to the compute node,
    'fileuploadout.txt' and 'fileuploaderr.txt'. These log files are used to learn more
    about a specific failure.

    Attributes:
        file_pattern: A pattern indicating which file(s) to upload.

            Both relative and absolute paths are supported. Relative paths are relative to
            the Task working directory. The following wildcards are supported: * matches 0
            or more characters (for example pattern abc* would match abc or abcdef), **
            matches any directory, ? matches any single character, [abc] matches one
            character in the brackets, and [a-c] matches one character in the range.
            Brackets can include a negation to match any character not specified (for
            example [!abc] matches any character but a, b, or c). If a file name starts
            with "." it is ignored by default but may be matched by specifying it
            explicitly (for example *.gif will not match .a.gif, but .*.gif will). A
            simple example: **\\*.txt matches any file that does not start in '.' and ends
            with .txt in the Task working directory or any subdirectory. If the filename
            contains a wildcard character it can be escaped using brackets (for example
            abc[*] would match a file named abc*). Note that both \\ and / are treated as
            directory separators on Windows, but only / is on Linux. Environment variables
            (%var% on Windows or $var on Linux) are expanded prior to the pattern being
            applied.
        destination: The destination for the output file(s).
        upload_options: Additional options for the upload operation, including under
            what conditions to perform the upload.
    """

    file_pattern: str
    destination: OutputFileDestination
    upload_options: OutputFileUploadOptions
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"filePattern", "destination", "uploadOptions", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "OutputFile",
        {
            "filePattern": (
                "file_pattern",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "destination": (
                "destination",
                lambda value: OutputFileDestination.from_dict(value),
                _wire.REQUIRED,
            ),
            "uploadOptions": (
                "upload_options",
                lambda value: OutputFileUploadOptions.from_dict(value),
                _wire.REQUIRED,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["filePattern"] = self.file_pattern
        out["destination"] = self.destination.to_dict()
        out["uploadOptions"] = self.upload_options.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["filePattern"] = self.file_pattern
        out["destination"] = self.destination.to_wire()
        out["uploadOptions"] = self.upload_options.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OutputFile:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("OutputFile", data)
        return cls(**OutputFile._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class OutputFileBlobContainerDestination:
    """Specifies a file upload destination within an Azure blob storage container.

    Attributes:
        path: The destination blob or virtual directory within the Azure Storage
            container.

            If filePattern refers to a specific file (i.e. contains no wildcards), then
            path is the name of the blob to which to upload that file. If filePattern
            contains one or more wildcards (and therefore may match multiple files), then
            path is the name of the blob virtual directory (which is prepended to each
            blob name) to which to upload the file(s). If omitted, file(s) are uploaded to
            the root of the container with a blob name matching their file name.
        container_url: The URL of the container within Azure Blob Storage to which to
            upload the file(s).

            If not using a managed identity, the URL must include a Shared Access
            Signature (SAS) granting write permissions to the container.
        identity_reference: The reference to the user assigned identity to use to
            access Azure Blob Storage specified by containerUrl

            The identity must have write access to the Azure Blob Storage container
        upload_headers: A list of name-value pairs for headers to be used in uploading
            output files

            These headers will be specified when uploading files to Azure Storage.
            Official document on allowed headers when uploading blobs:
            https://learn.microsoft.com/rest/api/storageservices/put-blob#request-headers-all-blob-types
    """

    path: str | None = None
    container_url: str
    identity_reference: ComputeNodeIdentityReference | None = None
    upload_headers: list[HttpHeader] | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"path", "containerUrl", "identityReference", "uploadHeaders", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "OutputFileBlobContainerDestination",
        {
            "path": (
                "path",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "containerUrl": (
                "container_url",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "identityReference": (
                "identity_reference",
                lambda value: ComputeNodeIdentityReference.from_dict(value),
                0,
            ),
            "uploadHeaders": (
                "upload_headers",
                lambda value: [
                    (None if v0 is None else HttpHeader.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.path is not None:
            out["path"] = self.path
        out["containerUrl"] = self.container_url
        if self.identity_reference is not None:
            out["identityReference"] = self.identity_reference.to_dict()
        if self.upload_headers is not None:
            out["uploadHeaders"] = [
                None if v0 is None else v0.to_dict() for v0 in self.upload_headers
            ]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.path is not None:
            out["path"] = self.path
        out["containerUrl"] = self.container_url
        if self.identity_reference is not None:
            out["identityReference"] = self.identity_reference.to_wire()
        if self.upload_headers is not None:
            out["uploadHeaders"] = [
                None if v0 is None else v0.to_wire() for v0 in self.upload_headers
            ]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OutputFileBlobContainerDestination:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("OutputFileBlobContainerDestination", data)
        return cls(**OutputFileBlobContainerDestination._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class OutputFileDestination:
    """The destination to which a file should be uploaded.

    Attributes:
        container: A location in Azure blob storage to which files are uploaded.
    """

    container: OutputFileBlobContainerDestination | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"container", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "OutputFileDestination",
        {
            "container": (
                "container",
                lambda value: OutputFileBlobContainerDestination.from_dict(value),
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.container is not None:
            out["container"] = self.container.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.container is not None:
            out["container"] = self.container.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OutputFileDestination:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("OutputFileDestination", data)
        return cls(**OutputFileDestination._fields.read(data, cls._known))


class OutputFileUploadCondition(OpenStrEnum):
    """The conditions under which a Task output file or set of files should be uploaded.

    Values this client does not know are kept as they are, so
    ``OutputFileUploadCondition("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    TASK_SUCCESS = "tasksuccess"
    """Upload the file(s) only after the Task process exits with an exit code of 0."""
    TASK_FAILURE = "taskfailure"
    """Upload the file(s) only after the Task process exits with a nonzero exit code."""
    TASK_COMPLETION = "taskcompletion"
    """Upload the file(s) after the Task process exits, no matter what the exit code was."""


@dataclass(kw_only=True, slots=True)
class OutputFileUploadOptions:
    """Details about an output file upload operation, including under what conditions to
    perform the upload.

    Attributes:
        upload_condition: The conditions under which the Task output file or set of
            files should be uploaded.

            The default is taskcompletion.
    """

    upload_condition: OutputFileUploadCondition
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"uploadCondition", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "OutputFileUploadOptions",
        {
            "uploadCondition": (
                "upload_condition",
                lambda value: _wire.enum_member(OutputFileUploadCondition, value),
                _wire.REQUIRED,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["uploadCondition"] = OutputFileUploadCondition(self.upload_condition).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["uploadCondition"] = OutputFileUploadCondition(self.upload_condition).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OutputFileUploadOptions:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("OutputFileUploadOptions", data)
        return cls(**OutputFileUploadOptions._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class ResourceFile:
    """A single file or multiple files to be downloaded to a Compute Node.

    Attributes:
        auto_storage_container_name: The storage container name in the auto storage
            Account.

            The autoStorageContainerName, storageContainerUrl and httpUrl properties are
            mutually exclusive and one of them must be specified.
        storage_container_url: The URL of the blob container within Azure Blob
            Storage.

            The autoStorageContainerName, storageContainerUrl and httpUrl properties are
            mutually exclusive and one of them must be specified. This URL must be
            readable and listable from compute nodes. There are three ways to get such a
            URL for a container in Azure storage: include a Shared Access Signature (SAS)
            granting read and list permissions on the container, use a managed identity
            with read and list permissions, or set the ACL for the container to allow
            public access.
        http_url: The URL of the file to download.

            The autoStorageContainerName, storageContainerUrl and httpUrl properties are
            mutually exclusive and one of them must be specified. If the URL points to
            Azure Blob Storage, it must be readable from compute nodes. There are three
            ways to get such a URL for a blob in Azure storage: include a Shared Access
            Signature (SAS) granting read permissions on the blob, use a managed identity
            with read permission, or set the ACL for the blob or its container to allow
            public access.
        blob_prefix: The blob prefix to use when downloading blobs from an Azure
            Storage container. Only the blobs whose names begin with the specified prefix
            will be downloaded.

            The property is valid only when autoStorageContainerName or
            storageContainerUrl is used. This prefix can be a partial filename or a
            subdirectory. If a prefix is not specified, all the files in the container
            will be downloaded.
        file_path: The location on the Compute Node to which to download the file(s),
            relative to the Task's working directory.

            If the httpUrl property is specified, the filePath is required and describes
            the path which the file will be downloaded to, including the filename.
            Otherwise, if the autoStorageContainerName or storageContainerUrl property is
            specified, filePath is optional and is the directory to download the files to.
            In the case where filePath is used as a directory, any directory structure
            already associated with the input data will be retained in full and appended
            to the specified filePath directory. The specified relative path cannot break
            out of the Task's working directory (for example by using '..').
        file_mode: The file permission mode attribute in octal format.

            This property applies only to files being downloaded to Linux Compute Nodes.
            It will be ignored if it is specified for a resourceFile which will be
            downloaded to a Windows Compute Node. If this property is not specified for a
            Linux Compute Node, then a default value of 0770 is applied to the file.
        identity_reference: The reference to the user assigned identity to use to
            access Azure Blob Storage specified by storageContainerUrl or httpUrl
    """

    auto_storage_container_name: str | None = None
    storage_container_url: str | None = None
    http_url: str | None = None
    blob_prefix: str | None = None
    file_path: str | None = None
    file_mode: str | None = None
    identity_reference: ComputeNodeIdentityReference | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "autoStorageContainerName",
            "storageContainerUrl",
            "httpUrl",
            "blobPrefix",
            "filePath",
            "fileMode",
            "identityReference",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "ResourceFile",
        {
            "autoStorageContainerName": (
                "auto_storage_container_name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "storageContainerUrl": (
                "storage_container_url",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "httpUrl": (
                "http_url",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "blobPrefix": (
                "blob_prefix",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "filePath": (
                "file_path",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "fileMode": (
                "file_mode",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "identityReference": (
                "identity_reference",
                lambda value: ComputeNodeIdentityReference.from_dict(value),
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.auto_storage_container_name is not None:
            out["autoStorageContainerName"] = self.auto_storage_container_name
        if self.storage_container_url is not None:
            out["storageContainerUrl"] = self.storage_container_url
        if self.http_url is not None:
            out["httpUrl"] = self.http_url
        if self.blob_prefix is not None:
            out["blobPrefix"] = self.blob_prefix
        if self.file_path is not None:
            out["filePath"] = self.file_path
        if self.file_mode is not None:
            out["fileMode"] = self.file_mode
        if self.identity_reference is not None:
            out["identityReference"] = self.identity_reference.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.auto_storage_container_name is not None:
            out["autoStorageContainerName"] = self.auto_storage_container_name
        if self.storage_container_url is not None:
            out["storageContainerUrl"] = self.storage_container_url
        if self.http_url is not None:
            out["httpUrl"] = self.http_url
        if self.blob_prefix is not None:
            out["blobPrefix"] = self.blob_prefix
        if self.file_path is not None:
            out["filePath"] = self.file_path
        if self.file_mode is not None:
            out["fileMode"] = self.file_mode
        if self.identity_reference is not None:
            out["identityReference"] = self.identity_reference.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ResourceFile:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("ResourceFile", data)
        return cls(**ResourceFile._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class SubtaskInformation:
    """Information about an Azure Batch subtask.

    Attributes:
        id: The ID of the subtask.
        node_info: Information about the Compute Node on which the subtask ran.
        start_time: The time at which the subtask started running. If the subtask has
            been restarted or retried, this is the most recent time at which the subtask
            started running.
        end_time: The time at which the subtask completed.

            This property is set only if the subtask is in the Completed state.
        exit_code: The exit code of the program specified on the subtask command line.

            This property is set only if the subtask is in the completed state. In
            general, the exit code for a process reflects the specific convention
            implemented by the application developer for that process. If you use the exit
            code value to make decisions in your code, be sure that you know the exit code
            convention used by the application process. However, if the Batch service
            terminates the subtask (due to timeout, or user termination via the API) you
            may see an operating system-defined exit code.
        container_info: Information about the container under which the Task is
            executing.

            This property is set only if the Task runs in a container context.
        failure_info: Information describing the Task failure, if any.

            This property is set only if the Task is in the completed state and
            encountered a failure.
        state: The current state of the subtask.
        state_transition_time: The time at which the subtask entered its current
            state.
        previous_state: The previous state of the subtask.

            This property is not set if the subtask is in its initial running state.
        previous_state_transition_time: The time at which the subtask entered its
            previous state.

            This property is not set if the subtask is in its initial running state.
        result: The result of the Task execution.

            If the value is 'failed', then the details of the failure can be found in the
            failureInfo property.
    """

    id: int | None = None
    node_info: ComputeNodeInformation | None = None
    start_time: datetime | None = None
    end_time: datetime | None = None
    exit_code: int | None = None
    container_info: TaskContainerExecutionInformation | None = None
    failure_info: TaskFailureInformation | None = None
    state: SubtaskState | None = None
    state_transition_time: datetime | None = None
    previous_state: SubtaskState | None = None
    previous_state_transition_time: datetime | None = None
    result: TaskExecutionResult | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "nodeInfo",
            "startTime",
            "endTime",
            "exitCode",
            "containerInfo",
            "failureInfo",
            "state",
            "stateTransitionTime",
            "previousState",
            "previousStateTransitionTime",
            "result",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "SubtaskInformation",
        {
            "id": ("id", lambda value: value if type(value) is int else _wire.as_int(value), 0),
            "nodeInfo": ("node_info", lambda value: ComputeNodeInformation.from_dict(value), 0),
            "startTime": ("start_time", lambda value: _wire.parse_timestamp(value, "date-time"), 0),
            "endTime": ("end_time", lambda value: _wire.parse_timestamp(value, "date-time"), 0),
            "exitCode": (
                "exit_code",
                lambda value: value if type(value) is int else _wire.as_int(value),
                0,
            ),
            "containerInfo": (
                "container_info",
                lambda value: TaskContainerExecutionInformation.from_dict(value),
                0,
            ),
            "failureInfo": (
                "failure_info",
                lambda value: TaskFailureInformation.from_dict(value),
                0,
            ),
            "state": ("state", lambda value: _wire.enum_member(SubtaskState, value), 0),
            "stateTransitionTime": (
                "state_transition_time",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                0,
            ),
            "previousState": (
                "previous_state",
                lambda value: _wire.enum_member(SubtaskState, value),
                0,
            ),
            "previousStateTransitionTime": (
                "previous_state_transition_time",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                0,
            ),
            "result": ("result", lambda value: _wire.enum_member(TaskExecutionResult, value), 0),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.node_info is not None:
            out["nodeInfo"] = self.node_info.to_dict()
        if self.start_time is not None:
            out["startTime"] = _wire.aware(self.start_time)
        if self.end_time is not None:
            out["endTime"] = _wire.aware(self.end_time)
        if self.exit_code is not None:
            out["exitCode"] = self.exit_code
        if self.container_info is not None:
            out["containerInfo"] = self.container_info.to_dict()
        if self.failure_info is not None:
            out["failureInfo"] = self.failure_info.to_dict()
        if self.state is not None:
            out["state"] = SubtaskState(self.state).value
        if self.state_transition_time is not None:
            out["stateTransitionTime"] = _wire.aware(self.state_transition_time)
        if self.previous_state is not None:
            out["previousState"] = SubtaskState(self.previous_state).value
        if self.previous_state_transition_time is not None:
            out["previousStateTransitionTime"] = _wire.aware(self.previous_state_transition_time)
        if self.result is not None:
            out["result"] = TaskExecutionResult(self.result).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.node_info is not None:
            out["nodeInfo"] = self.node_info.to_wire()
        if self.start_time is not None:
            out["startTime"] = _wire.format_timestamp(self.start_time, "date-time-ms")
        if self.end_time is not None:
            out["endTime"] = _wire.format_timestamp(self.end_time, "date-time-ms")
        if self.exit_code is not None:
            out["exitCode"] = self.exit_code
        if self.container_info is not None:
            out["containerInfo"] = self.container_info.to_wire()
        if self.failure_info is not None:
            out["failureInfo"] = self.failure_info.to_wire()
        if self.state is not None:
            out["state"] = SubtaskState(self.state).value
        if self.state_transition_time is not None:
            out["stateTransitionTime"] = _wire.format_timestamp(
                self.state_transition_time, "date-time-ms"
            )
        if self.previous_state is not None:
            out["previousState"] = SubtaskState(self.previous_state).value
        if self.previous_state_transition_time is not None:
            out["previousStateTransitionTime"] = _wire.format_timestamp(
                self.previous_state_transition_time, "date-time-ms"
            )
        if self.result is not None:
            out["result"] = TaskExecutionResult(self.result).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SubtaskInformation:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("SubtaskInformation", data)
        return cls(**SubtaskInformation._fields.read(data, cls._known))


class SubtaskState(OpenStrEnum):
    """The state of the subtask.

    Values this client does not know are kept as they are, so
    ``SubtaskState("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    PREPARING = "preparing"
    """The Task has been assigned to a Compute Node, but is waiting for a required Job
    Preparation Task to complete on the Compute Node. If the Job Preparation Task
    succeeds, the Task will move to running. If the Job Preparation Task fails, the Task
    will return to active and will be eligible to be assigned to a different Compute Node."""
    RUNNING = "running"
    """The Task is running on a Compute Node. This includes task-level preparation such as
    downloading resource files or deploying Packages specified on the Task - it does not
    necessarily mean that the Task command line has started executing."""
    COMPLETED = "completed"
    """The Task is no longer eligible to run, usually because the Task has finished
    successfully, or the Task has finished unsuccessfully and has exhausted its retry
    limit. A Task is also marked as completed if an error occurred launching the Task, or
    when the Task has been terminated."""


@dataclass(kw_only=True, slots=True)
class TaskAddCollectionParameter:
    """A collection of Azure Batch Tasks to add.

    Attributes:
        value: The collection of Tasks to add. The maximum count of Tasks is 100.

            The total serialized size of this collection must be less than 1MB. If it is
            greater than 1MB (for example if each Task has 100's of resource files or
            environment variables), the request will fail with code 'RequestBodyTooLarge'
            and should be retried again with fewer Tasks.
    """

    value: list[TaskAddParameter]
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"value", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskAddCollectionParameter",
        {
            "value": (
                "value",
                lambda value: [
                    (None if v0 is None else TaskAddParameter.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                _wire.REQUIRED,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["value"] = [None if v0 is None else v0.to_dict() for v0 in self.value]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["value"] = [None if v0 is None else v0.to_wire() for v0 in self.value]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskAddCollectionParameter:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskAddCollectionParameter", data)
        return cls(**TaskAddCollectionParameter._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskAddCollectionResult:
    """The result of adding a collection of Tasks to a Job.

    Attributes:
        value: The results of the add Task collection operation.
    """

    value: list[TaskAddResult] | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"value", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskAddCollectionResult",
        {
            "value": (
                "value",
                lambda value: [
                    (None if v0 is None else TaskAddResult.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.value is not None:
            out["value"] = [None if v0 is None else v0.to_dict() for v0 in self.value]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.value is not None:
            out["value"] = [None if v0 is None else v0.to_wire() for v0 in self.value]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskAddCollectionResult:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskAddCollectionResult", data)
        return cls(**TaskAddCollectionResult._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskAddParameter:
    """An Azure Batch Task to add.

    Batch will retry Tasks when a recovery operation is triggered on a Node. Examples of
    recovery operations include (but are not limited to) when an unhealthy Node is
    rebooted or a Compute Node disappeared due to host failure. Retries due to recovery
    operations are independent of and are not counted against the maxTaskRetryCount. Even
    if the maxTaskRetryCount is 0, an internal retry due to a recovery operation may
    occur. Because of this, all Tasks should be idempotent. This means Tasks need to
    tolerate being interrupted and restarted without causing any corruption or duplicate
    data. The best practice for long running Tasks is to use some form of checkpointing.

    Attributes:
        id: A string that uniquely identifies the Task within the Job.

            The ID can contain any combination of alphanumeric characters including
            hyphens and underscores, and cannot contain more than 64 characters. The ID is
            case-preserving and case-insensitive (that is, you may not have two IDs within
            a Job that differ only by case).
        display_name: A display name for the Task.

            The display name need not be unique and can contain any Unicode characters up
            to a maximum length of 1024.
        command_line: The command line of the Task.

            For multi-instance Tasks, the command line is executed as the primary Task,
            after the primary Task and all subtasks have finished executing the
            coordination command line. The command line does not run under a shell, and
            therefore cannot take advantage of shell features such as environment variable
            expansion. If you want to take advantage of such features, you should invoke
            the shell in the command line, for example using "cmd /c MyCommand" in Windows
            or "/bin/sh -c MyCommand" in Linux. If the command line refers to file paths,
            it should use a relative path (relative to the Task working directory), or use
            the Batch provided environment variable
            (https://learn.microsoft.com/azure/batch/batch-compute-node-environment-variables).
        container_settings: The settings for the container under which the Task runs.

            If the Pool that will run this Task has containerConfiguration set, this must
            be set as well. If the Pool that will run this Task doesn't have
            containerConfiguration set, this must not be set. When this is specified, all
            directories recursively below the AZ_BATCH_NODE_ROOT_DIR (the root of Azure
            Batch directories on the node) are mapped into the container, all Task
            environment variables are mapped into the container, and the Task command line
            is executed in the container. Files produced in the container outside of
            AZ_BATCH_NODE_ROOT_DIR might not be reflected to the host disk, meaning that
            Batch file APIs will not be able to access those files.
        exit_conditions: How the Batch service should respond when the Task completes.
        resource_files: A list of files that the Batch service will download to the
            Compute Node before running the command line.

            For multi-instance Tasks, the resource files will only be downloaded to the
            Compute Node on which the primary Task is executed. There is a maximum size
            for the list of resource files. When the max size is exceeded, the request
            will fail and the response error code will be RequestEntityTooLarge. If this
            occurs, the collection of ResourceFiles must be reduced in size. This can be
            achieved using .zip files, Application Packages, or Docker Containers.
        output_files: A list of files that the Batch service will upload from the
            Compute Node after running the command line.

            For multi-instance Tasks, the files will only be uploaded from the Compute
            Node on which the primary Task is executed.
        environment_settings: A list of environment variable settings for the Task.
        affinity_info: A locality hint that can be used by the Batch service to select
            a Compute Node on which to start the new Task.
        constraints: The execution constraints that apply to this Task.

            If you do not specify constraints, the maxTaskRetryCount is the
            maxTaskRetryCount specified for the Job, the maxWallClockTime is infinite, and
            the retentionTime is 7 days.
        required_slots: The number of scheduling slots that the Task required to run.

            The default is 1. A Task can only be scheduled to run on a compute node if the
            node has enough free scheduling slots available. For multi-instance Tasks,
            this must be 1.
        user_identity: The user identity under which the Task runs.

            If omitted, the Task runs as a non-administrative user unique to the Task.
        multi_instance_settings: An object that indicates that the Task is a
            multi-instance Task, and contains information about how to run the
            multi-instance Task.
        depends_on: The Tasks that this Task depends on.

            This Task will not be scheduled until all Tasks that it depends on have
            completed successfully. If any of those Tasks fail and exhaust their retry
            counts, this Task will never be scheduled. If the Job does not have
            usesTaskDependencies set to true, and this element is present, the request
            fails with error code TaskDependenciesNotSpecifiedOnJob.
        application_package_references: A list of Packages that the Batch service will
            deploy to the Compute Node before running the command line.

            Application packages are downloaded and deployed to a shared directory, not
            the Task working directory. Therefore, if a referenced package is already on
            the Node, and is up to date, then it is not re-downloaded; the existing copy
            on the Compute Node is used. If a referenced Package cannot be installed, for
            example because the package has been deleted or because download failed, the
            Task fails.
        authentication_token_settings: The settings for an authentication token that
            the Task can use to perform Batch service operations.

            If this property is set, the Batch service provides the Task with an
            authentication token which can be used to authenticate Batch service
            operations without requiring an Account access key. The token is provided via
            the AZ_BATCH_AUTHENTICATION_TOKEN environment variable. The operations that
            the Task can carry out using the token depend on the settings. For example, a
            Task can request Job permissions in order to add other Tasks to the Job, or
            check the status of the Job or of other Tasks under the Job.
    """

    id: str
    display_name: str | None = None
    command_line: str
    container_settings: TaskContainerSettings | None = None
    exit_conditions: ExitConditions | None = None
    resource_files: list[ResourceFile] | None = None
    output_files: list[OutputFile] | None = None
    environment_settings: list[EnvironmentSetting] | None = None
    affinity_info: AffinityInformation | None = None
    constraints: TaskConstraints | None = None
    required_slots: int | None = None
    user_identity: UserIdentity | None = None
    multi_instance_settings: MultiInstanceSettings | None = None
    depends_on: TaskDependencies | None = None
    application_package_references: list[ApplicationPackageReference] | None = None
    authentication_token_settings: AuthenticationTokenSettings | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "displayName",
            "commandLine",
            "containerSettings",
            "exitConditions",
            "resourceFiles",
            "outputFiles",
            "environmentSettings",
            "affinityInfo",
            "constraints",
            "requiredSlots",
            "userIdentity",
            "multiInstanceSettings",
            "dependsOn",
            "applicationPackageReferences",
            "authenticationTokenSettings",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskAddParameter",
        {
            "id": (
                "id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "displayName": (
                "display_name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "commandLine": (
                "command_line",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "containerSettings": (
                "container_settings",
                lambda value: TaskContainerSettings.from_dict(value),
                0,
            ),
            "exitConditions": ("exit_conditions", lambda value: ExitConditions.from_dict(value), 0),
            "resourceFiles": (
                "resource_files",
                lambda value: [
                    (None if v0 is None else ResourceFile.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "outputFiles": (
                "output_files",
                lambda value: [
                    (None if v0 is None else OutputFile.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "environmentSettings": (
                "environment_settings",
                lambda value: [
                    (None if v0 is None else EnvironmentSetting.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "affinityInfo": (
                "affinity_info",
                lambda value: AffinityInformation.from_dict(value),
                0,
            ),
            "constraints": ("constraints", lambda value: TaskConstraints.from_dict(value), 0),
            "requiredSlots": (
                "required_slots",
                lambda value: value if type(value) is int else _wire.as_int(value),
                0,
            ),
            "userIdentity": ("user_identity", lambda value: UserIdentity.from_dict(value), 0),
            "multiInstanceSettings": (
                "multi_instance_settings",
                lambda value: MultiInstanceSettings.from_dict(value),
                0,
            ),
            "dependsOn": ("depends_on", lambda value: TaskDependencies.from_dict(value), 0),
            "applicationPackageReferences": (
                "application_package_references",
                lambda value: [
                    (None if v0 is None else ApplicationPackageReference.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "authenticationTokenSettings": (
                "authentication_token_settings",
                lambda value: AuthenticationTokenSettings.from_dict(value),
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["id"] = self.id
        if self.display_name is not None:
            out["displayName"] = self.display_name
        out["commandLine"] = self.command_line
        if self.container_settings is not None:
            out["containerSettings"] = self.container_settings.to_dict()
        if self.exit_conditions is not None:
            out["exitConditions"] = self.exit_conditions.to_dict()
        if self.resource_files is not None:
            out["resourceFiles"] = [
                None if v0 is None else v0.to_dict() for v0 in self.resource_files
            ]
        if self.output_files is not None:
            out["outputFiles"] = [None if v0 is None else v0.to_dict() for v0 in self.output_files]
        if self.environment_settings is not None:
            out["environmentSettings"] = [
                None if v0 is None else v0.to_dict() for v0 in self.environment_settings
            ]
        if self.affinity_info is not None:
            out["affinityInfo"] = self.affinity_info.to_dict()
        if self.constraints is not None:
            out["constraints"] = self.constraints.to_dict()
        if self.required_slots is not None:
            out["requiredSlots"] = self.required_slots
        if self.user_identity is not None:
            out["userIdentity"] = self.user_identity.to_dict()
        if self.multi_instance_settings is not None:
            out["multiInstanceSettings"] = self.multi_instance_settings.to_dict()
        if self.depends_on is not None:
            out["dependsOn"] = self.depends_on.to_dict()
        if self.application_package_references is not None:
            out["applicationPackageReferences"] = [
                None if v0 is None else v0.to_dict() for v0 in self.application_package_references
            ]
        if self.authentication_token_settings is not None:
            out["authenticationTokenSettings"] = self.authentication_token_settings.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["id"] = self.id
        if self.display_name is not None:
            out["displayName"] = self.display_name
        out["commandLine"] = self.command_line
        if self.container_settings is not None:
            out["containerSettings"] = self.container_settings.to_wire()
        if self.exit_conditions is not None:
            out["exitConditions"] = self.exit_conditions.to_wire()
        if self.resource_files is not None:
            out["resourceFiles"] = [
                None if v0 is None else v0.to_wire() for v0 in self.resource_files
            ]
        if self.output_files is not None:
            out["outputFiles"] = [None if v0 is None else v0.to_wire() for v0 in self.output_files]
        if self.environment_settings is not None:
            out["environmentSettings"] = [
                None if v0 is None else v0.to_wire() for v0 in self.environment_settings
            ]
        if self.affinity_info is not None:
            out["affinityInfo"] = self.affinity_info.to_wire()
        if self.constraints is not None:
            out["constraints"] = self.constraints.to_wire()
        if self.required_slots is not None:
            out["requiredSlots"] = self.required_slots
        if self.user_identity is not None:
            out["userIdentity"] = self.user_identity.to_wire()
        if self.multi_instance_settings is not None:
            out["multiInstanceSettings"] = self.multi_instance_settings.to_wire()
        if self.depends_on is not None:
            out["dependsOn"] = self.depends_on.to_wire()
        if self.application_package_references is not None:
            out["applicationPackageReferences"] = [
                None if v0 is None else v0.to_wire() for v0 in self.application_package_references
            ]
        if self.authentication_token_settings is not None:
            out["authenticationTokenSettings"] = self.authentication_token_settings.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskAddParameter:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskAddParameter", data)
        return cls(**TaskAddParameter._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskAddResult:
    """Result for a single Task added as part of an add Task collection operation.

    Attributes:
        status: The status of the add Task request.
        task_id: The ID of the Task for which this is the result.
        e_tag: The ETag of the Task, if the Task was successfully added.

            You can use this to detect whether the Task has changed between requests. In
            particular, you can be pass the ETag with an Update Task request to specify
            that your changes should take effect only if nobody else has modified the Job
            in the meantime.
        last_modified: The last modified time of the Task.
        location: The URL of the Task, if the Task was successfully added.
        error: The error encountered while attempting to add the Task.
    """

    status: TaskAddStatus
    task_id: str
    e_tag: str | None = None
    last_modified: datetime | None = None
    location: str | None = None
    error: BatchErrorBody | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"status", "taskId", "eTag", "lastModified", "location", "error", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskAddResult",
        {
            "status": (
                "status",
                lambda value: _wire.enum_member(TaskAddStatus, value),
                _wire.REQUIRED,
            ),
            "taskId": (
                "task_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "eTag": (
                "e_tag",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "lastModified": (
                "last_modified",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                0,
            ),
            "location": (
                "location",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "error": ("error", lambda value: BatchErrorBody.from_dict(value), 0),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["status"] = TaskAddStatus(self.status).value
        out["taskId"] = self.task_id
        if self.e_tag is not None:
            out["eTag"] = self.e_tag
        if self.last_modified is not None:
            out["lastModified"] = _wire.aware(self.last_modified)
        if self.location is not None:
            out["location"] = self.location
        if self.error is not None:
            out["error"] = self.error.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["status"] = TaskAddStatus(self.status).value
        out["taskId"] = self.task_id
        if self.e_tag is not None:
            out["eTag"] = self.e_tag
        if self.last_modified is not None:
            out["lastModified"] = _wire.format_timestamp(self.last_modified, "date-time-ms")
        if self.location is not None:
            out["location"] = self.location
        if self.error is not None:
            out["error"] = self.error.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskAddResult:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskAddResult", data)
        return cls(**TaskAddResult._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskConstraints:
    """Execution constraints to apply to a Task.

    Attributes:
        max_wall_clock_time: The maximum elapsed time that the Task may run, measured
            from the time the Task starts. If the Task does not complete within the time
            limit, the Batch service terminates it.

            If this is not specified, there is no time limit on how long the Task may run.
        retention_time: The minimum time to retain the Task directory on the Compute
            Node where it ran, from the time it completes execution. After this time, the
            Batch service may delete the Task directory and all its contents.

            The default is 7 days, i.e. the Task directory will be retained for 7 days
            unless the Compute Node is removed or the Job is deleted.
        max_task_retry_count: The maximum number of times the Task may be retried. The
            Batch service retries a Task if its exit code is nonzero.

            Note that this value specifically controls the number of retries for the Task
            executable due to a nonzero exit code. The Batch service will try the Task
            once, and may then retry up to this limit. For example, if the maximum retry
            count is 3, Batch tries the Task up to 4 times (one initial try and 3
            retries). If the maximum retry count is 0, the Batch service does not retry
            the Task after the first attempt. If the maximum retry count is -1, the Batch
            service retries the Task without limit, however this is not recommended for a
            start task or any task. The default value is 0 (no retries).
    """

    max_wall_clock_time: timedelta | None = None
    retention_time: timedelta | None = None
    max_task_retry_count: int | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"maxWallClockTime", "retentionTime", "maxTaskRetryCount", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskConstraints",
        {
            "maxWallClockTime": (
                "max_wall_clock_time",
                lambda value: _wire.parse_duration(value),
                0,
            ),
            "retentionTime": ("retention_time", lambda value: _wire.parse_duration(value), 0),
            "maxTaskRetryCount": (
                "max_task_retry_count",
                lambda value: value if type(value) is int else _wire.as_int(value),
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.max_wall_clock_time is not None:
            out["maxWallClockTime"] = self.max_wall_clock_time
        if self.retention_time is not None:
            out["retentionTime"] = self.retention_time
        if self.max_task_retry_count is not None:
            out["maxTaskRetryCount"] = self.max_task_retry_count
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.max_wall_clock_time is not None:
            out["maxWallClockTime"] = _wire.format_duration(self.max_wall_clock_time)
        if self.retention_time is not None:
            out["retentionTime"] = _wire.format_duration(self.retention_time)
        if self.max_task_retry_count is not None:
            out["maxTaskRetryCount"] = self.max_task_retry_count
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskConstraints:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskConstraints", data)
        return cls(**TaskConstraints._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskContainerExecutionInformation:
    """Contains information about the container which a Task is executing.

    Attributes:
        container_id: The ID of the container.
        state: The state of the container.

            This is the state of the container according to the Docker service. It is
            equivalent to the status field returned by "docker inspect".
        error: Detailed error information about the container.

            This is the detailed error string from the Docker service, if available. It is
            equivalent to the error field returned by "docker inspect".
    """

    container_id: str | None = None
    state: str | None = None
    error: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"containerId", "state", "error", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskContainerExecutionInformation",
        {
            "containerId": (
                "container_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "state": (
                "state",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "error": (
                "error",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.container_id is not None:
            out["containerId"] = self.container_id
        if self.state is not None:
            out["state"] = self.state
        if self.error is not None:
            out["error"] = self.error
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.container_id is not None:
            out["containerId"] = self.container_id
        if self.state is not None:
            out["state"] = self.state
        if self.error is not None:
            out["error"] = self.error
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskContainerExecutionInformation:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskContainerExecutionInformation", data)
        return cls(**TaskContainerExecutionInformation._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskContainerSettings:
    """The container settings for a Task.

    Attributes:
        container_run_options: Additional options to the container create command.

            These additional options are supplied as arguments to the "docker create"
            command, in addition to those controlled by the Batch Service.
        image_name: The Image to use to create the container in which the Task will
            run.

            This is the full Image reference, as would be specified to "docker pull". If
            no tag is provided as part of the Image name, the tag ":latest" is used as a
            default.
        registry: The private registry which contains the container Image.

            This setting can be omitted if was already provided at Pool creation.
        working_directory: The location of the container Task working directory.

            The default is 'taskWorkingDirectory'.
        container_host_batch_bind_mounts: The paths you want to mounted to container
            task.

            If this array is null or be not present, container task will mount entire
            temporary disk drive in windows (or AZ_BATCH_NODE_ROOT_DIR in Linux). It
            won't' mount any data paths into container if this array is set as empty.
    """

    container_run_options: str | None = None
    image_name: str
    registry: ContainerRegistry | None = None
    working_directory: ContainerWorkingDirectory | None = None
    container_host_batch_bind_mounts: list[ContainerHostBatchBindMountEntry] | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "containerRunOptions",
            "imageName",
            "registry",
            "workingDirectory",
            "containerHostBatchBindMounts",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskContainerSettings",
        {
            "containerRunOptions": (
                "container_run_options",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "imageName": (
                "image_name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "registry": ("registry", lambda value: ContainerRegistry.from_dict(value), 0),
            "workingDirectory": (
                "working_directory",
                lambda value: _wire.enum_member(ContainerWorkingDirectory, value),
                0,
            ),
            "containerHostBatchBindMounts": (
                "container_host_batch_bind_mounts",
                lambda value: [
                    (None if v0 is None else ContainerHostBatchBindMountEntry.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.container_run_options is not None:
            out["containerRunOptions"] = self.container_run_options
        out["imageName"] = self.image_name
        if self.registry is not None:
            out["registry"] = self.registry.to_dict()
        if self.working_directory is not None:
            out["workingDirectory"] = ContainerWorkingDirectory(self.working_directory).value
        if self.container_host_batch_bind_mounts is not None:
            out["containerHostBatchBindMounts"] = [
                None if v0 is None else v0.to_dict() for v0 in self.container_host_batch_bind_mounts
            ]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.container_run_options is not None:
            out["containerRunOptions"] = self.container_run_options
        out["imageName"] = self.image_name
        if self.registry is not None:
            out["registry"] = self.registry.to_wire()
        if self.working_directory is not None:
            out["workingDirectory"] = ContainerWorkingDirectory(self.working_directory).value
        if self.container_host_batch_bind_mounts is not None:
            out["containerHostBatchBindMounts"] = [
                None if v0 is None else v0.to_wire() for v0 in self.container_host_batch_bind_mounts
            ]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskContainerSettings:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskContainerSettings", data)
        return cls(**TaskContainerSettings._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskDependencies:
    """Specifies any dependencies of a Task. Any Task that is explicitly specified or within
    a dependency range must complete before the dependant Task will be scheduled.

    Attributes:
        task_ids: The list of Task IDs that this Task depends on. All Tasks in this
            list must complete successfully before the dependent Task can be scheduled.

            The taskIds collection is limited to 64000 characters total (i.e. the combined
            length of all Task IDs). If the taskIds collection exceeds the maximum length,
            the Add Task request fails with error code TaskDependencyListTooLong. In this
            case consider using Task ID ranges instead.
        task_id_ranges: The list of Task ID ranges that this Task depends on. All
            Tasks in all ranges must complete successfully before the dependent Task can
            be scheduled.
    """

    task_ids: list[str] | None = None
    task_id_ranges: list[TaskIdRange] | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"taskIds", "taskIdRanges", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskDependencies",
        {
            "taskIds": (
                "task_ids",
                lambda value: [
                    (None if v0 is None else (v0 if type(v0) is str else _wire.as_str(v0)))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
            "taskIdRanges": (
                "task_id_ranges",
                lambda value: [
                    (None if v0 is None else TaskIdRange.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.task_ids is not None:
            out["taskIds"] = list(self.task_ids)
        if self.task_id_ranges is not None:
            out["taskIdRanges"] = [
                None if v0 is None else v0.to_dict() for v0 in self.task_id_ranges
            ]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.task_ids is not None:
            out["taskIds"] = self.task_ids
        if self.task_id_ranges is not None:
            out["taskIdRanges"] = [
                None if v0 is None else v0.to_wire() for v0 in self.task_id_ranges
            ]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskDependencies:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskDependencies", data)
        return cls(**TaskDependencies._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskExecutionInformation:
    """Information about the execution of a Task.

    Attributes:
        start_time: The time at which the Task started running.

            'Running' corresponds to the running state, so if the Task specifies resource
            files or Packages, then the start time reflects the time at which the Task
            started downloading or deploying these. If the Task has been restarted or
            retried, this is the most recent time at which the Task started running. This
            property is present only for Tasks that are in the running or completed state.
        end_time: The time at which the Task completed.

            This property is set only if the Task is in the Completed state.
        exit_code: The exit code of the program specified on the Task command line.

            This property is set only if the Task is in the completed state. In general,
            the exit code for a process reflects the specific convention implemented by
            the application developer for that process. If you use the exit code value to
            make decisions in your code, be sure that you know the exit code convention
            used by the application process. However, if the Batch service terminates the
            Task (due to timeout, or user termination via the API) you may see an
            operating system-defined exit code.
        container_info: Information about the container under which the Task is
            executing.

            This property is set only if the Task runs in a container context.
        failure_info: Information describing the Task failure, if any.

            This property is set only if the Task is in the completed state and
            encountered a failure.
        retry_count: The number of times the Task has been retried by the Batch
            service.

            Task application failures (non-zero exit code) are retried, pre-processing
            errors (the Task could not be run) and file upload errors are not retried. The
            Batch service will retry the Task up to the limit specified by the
            constraints.
        last_retry_time: The most recent time at which a retry of the Task started
            running.

            This element is present only if the Task was retried (i.e. retryCount is
            nonzero). If present, this is typically the same as startTime, but may be
            different if the Task has been restarted for reasons other than retry; for
            example, if the Compute Node was rebooted during a retry, then the startTime
            is updated but the lastRetryTime is not.
        requeue_count: The number of times the Task has been requeued by the Batch
            service as the result of a user request.

            When the user removes Compute Nodes from a Pool (by resizing/shrinking the
            pool) or when the Job is being disabled, the user can specify that running
            Tasks on the Compute Nodes be requeued for execution. This count tracks how
            many times the Task has been requeued for these reasons.
        last_requeue_time: The most recent time at which the Task has been requeued by
            the Batch service as the result of a user request.

            This property is set only if the requeueCount is nonzero.
        result: The result of the Task execution.

            If the value is 'failed', then the details of the failure can be found in the
            failureInfo property.
    """

    start_time: datetime | None = None
    end_time: datetime | None = None
    exit_code: int | None = None
    container_info: TaskContainerExecutionInformation | None = None
    failure_info: TaskFailureInformation | None = None
    retry_count: int
    last_retry_time: datetime | None = None
    requeue_count: int
    last_requeue_time: datetime | None = None
    result: TaskExecutionResult | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "startTime",
            "endTime",
            "exitCode",
            "containerInfo",
            "failureInfo",
            "retryCount",
            "lastRetryTime",
            "requeueCount",
            "lastRequeueTime",
            "result",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskExecutionInformation",
        {
            "startTime": ("start_time", lambda value: _wire.parse_timestamp(value, "date-time"), 0),
            "endTime": ("end_time", lambda value: _wire.parse_timestamp(value, "date-time"), 0),
            "exitCode": (
                "exit_code",
                lambda value: value if type(value) is int else _wire.as_int(value),
                0,
            ),
            "containerInfo": (
                "container_info",
                lambda value: TaskContainerExecutionInformation.from_dict(value),
                0,
            ),
            "failureInfo": (
                "failure_info",
                lambda value: TaskFailureInformation.from_dict(value),
                0,
            ),
            "retryCount": (
                "retry_count",
                lambda value: value if type(value) is int else _wire.as_int(value),
                _wire.REQUIRED,
            ),
            "lastRetryTime": (
                "last_retry_time",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                0,
            ),
            "requeueCount": (
                "requeue_count",
                lambda value: value if type(value) is int else _wire.as_int(value),
                _wire.REQUIRED,
            ),
            "lastRequeueTime": (
                "last_requeue_time",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                0,
            ),
            "result": ("result", lambda value: _wire.enum_member(TaskExecutionResult, value), 0),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.start_time is not None:
            out["startTime"] = _wire.aware(self.start_time)
        if self.end_time is not None:
            out["endTime"] = _wire.aware(self.end_time)
        if self.exit_code is not None:
            out["exitCode"] = self.exit_code
        if self.container_info is not None:
            out["containerInfo"] = self.container_info.to_dict()
        if self.failure_info is not None:
            out["failureInfo"] = self.failure_info.to_dict()
        out["retryCount"] = self.retry_count
        if self.last_retry_time is not None:
            out["lastRetryTime"] = _wire.aware(self.last_retry_time)
        out["requeueCount"] = self.requeue_count
        if self.last_requeue_time is not None:
            out["lastRequeueTime"] = _wire.aware(self.last_requeue_time)
        if self.result is not None:
            out["result"] = TaskExecutionResult(self.result).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.start_time is not None:
            out["startTime"] = _wire.format_timestamp(self.start_time, "date-time-ms")
        if self.end_time is not None:
            out["endTime"] = _wire.format_timestamp(self.end_time, "date-time-ms")
        if self.exit_code is not None:
            out["exitCode"] = self.exit_code
        if self.container_info is not None:
            out["containerInfo"] = self.container_info.to_wire()
        if self.failure_info is not None:
            out["failureInfo"] = self.failure_info.to_wire()
        out["retryCount"] = self.retry_count
        if self.last_retry_time is not None:
            out["lastRetryTime"] = _wire.format_timestamp(self.last_retry_time, "date-time-ms")
        out["requeueCount"] = self.requeue_count
        if self.last_requeue_time is not None:
            out["lastRequeueTime"] = _wire.format_timestamp(self.last_requeue_time, "date-time-ms")
        if self.result is not None:
            out["result"] = TaskExecutionResult(self.result).value
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskExecutionInformation:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskExecutionInformation", data)
        return cls(**TaskExecutionInformation._fields.read(data, cls._known))


class TaskExecutionResult(OpenStrEnum):
    """The result of Task execution.

    Values this client does not know are kept as they are, so
    ``TaskExecutionResult("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    SUCCESS = "success"
    """The Task ran successfully."""
    FAILURE = "failure"
    """There was an error during processing of the Task. The failure may have occurred before
    the Task process was launched, while the Task process was executing, or after the Task
    process exited."""


@dataclass(kw_only=True, slots=True)
class TaskFailureInformation:
    """Information about a Task failure.

    Attributes:
        category: The category of the Task error.
        code: An identifier for the Task error. Codes are invariant and are intended
            to be consumed programmatically.
        message: A message describing the Task error, intended to be suitable for
            display in a user interface.
        details: A list of additional details related to the error.
    """

    category: ErrorCategory
    code: str | None = None
    message: str | None = None
    details: list[NameValuePair] | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"category", "code", "message", "details", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskFailureInformation",
        {
            "category": (
                "category",
                lambda value: _wire.enum_member(ErrorCategory, value),
                _wire.REQUIRED,
            ),
            "code": (
                "code",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "message": (
                "message",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "details": (
                "details",
                lambda value: [
                    (None if v0 is None else NameValuePair.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["category"] = ErrorCategory(self.category).value
        if self.code is not None:
            out["code"] = self.code
        if self.message is not None:
            out["message"] = self.message
        if self.details is not None:
            out["details"] = [None if v0 is None else v0.to_dict() for v0 in self.details]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["category"] = ErrorCategory(self.category).value
        if self.code is not None:
            out["code"] = self.code
        if self.message is not None:
            out["message"] = self.message
        if self.details is not None:
            out["details"] = [None if v0 is None else v0.to_wire() for v0 in self.details]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskFailureInformation:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskFailureInformation", data)
        return cls(**TaskFailureInformation._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskIdRange:
    """A range of Task IDs that a Task can depend on. All Tasks with IDs in the range must
    complete successfully before the dependent Task can be scheduled.

    The start and end of the range are inclusive. For example, if a range has start 9 and
    end 12, then it represents Tasks '9', '10', '11' and '12'.

    Attributes:
        start: The first Task ID in the range.
        end: The last Task ID in the range.
    """

    start: int
    end: int
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"start", "end", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskIdRange",
        {
            "start": (
                "start",
                lambda value: value if type(value) is int else _wire.as_int(value),
                _wire.REQUIRED,
            ),
            "end": (
                "end",
                lambda value: value if type(value) is int else _wire.as_int(value),
                _wire.REQUIRED,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["start"] = self.start
        out["end"] = self.end
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["start"] = self.start
        out["end"] = self.end
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskIdRange:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskIdRange", data)
        return cls(**TaskIdRange._fields.read(data, cls._known))


class TaskState(OpenStrEnum):
    """The state of the Task.

    Values this client does not know are kept as they are, so
    ``TaskState("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    ACTIVE = "active"
    """The Task is queued and able to run, but is not currently assigned to a Compute Node. A
    Task enters this state when it is created, when it is enabled after being disabled, or
    when it is awaiting a retry after a failed run."""
    PREPARING = "preparing"
    """The Task has been assigned to a Compute Node, but is waiting for a required Job
    Preparation Task to complete on the Compute Node. If the Job Preparation Task
    succeeds, the Task will move to running. If the Job Preparation Task fails, the Task
    will return to active and will be eligible to be assigned to a different Compute Node."""
    RUNNING = "running"
    """The Task is running on a Compute Node. This includes task-level preparation such as
    downloading resource files or deploying Packages specified on the Task - it does not
    necessarily mean that the Task command line has started executing."""
    COMPLETED = "completed"
    """The Task is no longer eligible to run, usually because the Task has finished
    successfully, or the Task has finished unsuccessfully and has exhausted its retry
    limit. A Task is also marked as completed if an error occurred launching the Task, or
    when the Task has been terminated."""


@dataclass(kw_only=True, slots=True)
class TaskStatistics:
    """Resource usage statistics for a Task.

    Attributes:
        url: The URL of the statistics.
        start_time: The start time of the time range covered by the statistics.
        last_update_time: The time at which the statistics were last updated. All
            statistics are limited to the range between startTime and lastUpdateTime.
        user_cpu_time: The total user mode CPU time (summed across all cores and all
            Compute Nodes) consumed by the Task.
        kernel_cpu_time: The total kernel mode CPU time (summed across all cores and
            all Compute Nodes) consumed by the Task.
        wall_clock_time: The total wall clock time of the Task.

            The wall clock time is the elapsed time from when the Task started running on
            a Compute Node to when it finished (or to the last time the statistics were
            updated, if the Task had not finished by then). If the Task was retried, this
            includes the wall clock time of all the Task retries.
        read_iops: The total number of disk read operations made by the Task.
        write_iops: The total number of disk write operations made by the Task.
        read_io_gi_b: The total gibibytes read from disk by the Task.
        write_io_gi_b: The total gibibytes written to disk by the Task.
        wait_time: The total wait time of the Task. The wait time for a Task is
            defined as the elapsed time between the creation of the Task and the start of
            Task execution. (If the Task is retried due to failures, the wait time is the
            time to the most recent Task execution.)
    """

    url: str
    start_time: datetime
    last_update_time: datetime
    user_cpu_time: timedelta
    kernel_cpu_time: timedelta
    wall_clock_time: timedelta
    read_iops: int
    write_iops: int
    read_io_gi_b: float
    write_io_gi_b: float
    wait_time: timedelta
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "url",
            "startTime",
            "lastUpdateTime",
            "userCPUTime",
            "kernelCPUTime",
            "wallClockTime",
            "readIOps",
            "writeIOps",
            "readIOGiB",
            "writeIOGiB",
            "waitTime",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskStatistics",
        {
            "url": (
                "url",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.REQUIRED | _wire.TEXT,
            ),
            "startTime": (
                "start_time",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                _wire.REQUIRED,
            ),
            "lastUpdateTime": (
                "last_update_time",
                lambda value: _wire.parse_timestamp(value, "date-time"),
                _wire.REQUIRED,
            ),
            "userCPUTime": (
                "user_cpu_time",
                lambda value: _wire.parse_duration(value),
                _wire.REQUIRED,
            ),
            "kernelCPUTime": (
                "kernel_cpu_time",
                lambda value: _wire.parse_duration(value),
                _wire.REQUIRED,
            ),
            "wallClockTime": (
                "wall_clock_time",
                lambda value: _wire.parse_duration(value),
                _wire.REQUIRED,
            ),
            "readIOps": (
                "read_iops",
                lambda value: value if type(value) is int else _wire.as_int(value),
                _wire.REQUIRED,
            ),
            "writeIOps": (
                "write_iops",
                lambda value: value if type(value) is int else _wire.as_int(value),
                _wire.REQUIRED,
            ),
            "readIOGiB": (
                "read_io_gi_b",
                lambda value: value if type(value) is float else _wire.as_float(value),
                _wire.REQUIRED,
            ),
            "writeIOGiB": (
                "write_io_gi_b",
                lambda value: value if type(value) is float else _wire.as_float(value),
                _wire.REQUIRED,
            ),
            "waitTime": ("wait_time", lambda value: _wire.parse_duration(value), _wire.REQUIRED),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        out["url"] = self.url
        out["startTime"] = _wire.aware(self.start_time)
        out["lastUpdateTime"] = _wire.aware(self.last_update_time)
        out["userCPUTime"] = self.user_cpu_time
        out["kernelCPUTime"] = self.kernel_cpu_time
        out["wallClockTime"] = self.wall_clock_time
        out["readIOps"] = self.read_iops
        out["writeIOps"] = self.write_iops
        out["readIOGiB"] = self.read_io_gi_b
        out["writeIOGiB"] = self.write_io_gi_b
        out["waitTime"] = self.wait_time
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        out["url"] = self.url
        out["startTime"] = _wire.format_timestamp(self.start_time, "date-time-ms")
        out["lastUpdateTime"] = _wire.format_timestamp(self.last_update_time, "date-time-ms")
        out["userCPUTime"] = _wire.format_duration(self.user_cpu_time)
        out["kernelCPUTime"] = _wire.format_duration(self.kernel_cpu_time)
        out["wallClockTime"] = _wire.format_duration(self.wall_clock_time)
        out["readIOps"] = self.read_iops
        out["writeIOps"] = self.write_iops
        out["readIOGiB"] = self.read_io_gi_b
        out["writeIOGiB"] = self.write_io_gi_b
        out["waitTime"] = _wire.format_duration(self.wait_time)
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskStatistics:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskStatistics", data)
        return cls(**TaskStatistics._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskUpdateParameter:
    """The set of changes to be made to a Task.

    Attributes:
        constraints: Constraints that apply to this Task.

            If omitted, the Task is given the default constraints. For multi-instance
            Tasks, updating the retention time applies only to the primary Task and not
            subtasks.
    """

    constraints: TaskConstraints | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"constraints", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskUpdateParameter",
        {
            "constraints": ("constraints", lambda value: TaskConstraints.from_dict(value), 0),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.constraints is not None:
            out["constraints"] = self.constraints.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.constraints is not None:
            out["constraints"] = self.constraints.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskUpdateParameter:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskUpdateParameter", data)
        return cls(**TaskUpdateParameter._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class UserIdentity:
    """The definition of the user identity under which the Task is run.

    Specify either the userName or autoUser property, but not both.

    Attributes:
        user_name: The name of the user identity under which the Task is run.

            The userName and autoUser properties are mutually exclusive; you must specify
            one but not both.
        auto_user: The auto user under which the Task is run.

            The userName and autoUser properties are mutually exclusive; you must specify
            one but not both.
    """

    user_name: str | None = None
    auto_user: AutoUserSpecification | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"username", "autoUser", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "UserIdentity",
        {
            "username": (
                "user_name",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "autoUser": ("auto_user", lambda value: AutoUserSpecification.from_dict(value), 0),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.user_name is not None:
            out["username"] = self.user_name
        if self.auto_user is not None:
            out["autoUser"] = self.auto_user.to_dict()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.user_name is not None:
            out["username"] = self.user_name
        if self.auto_user is not None:
            out["autoUser"] = self.auto_user.to_wire()
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UserIdentity:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("UserIdentity", data)
        return cls(**UserIdentity._fields.read(data, cls._known))


class AccessScope(OpenStrEnum):
    """AccessScope values.

    Values this client does not know are kept as they are, so
    ``AccessScope("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    JOB = "job"
    """Grants access to perform all operations on the Job containing the Task."""


class AutoUserScope(OpenStrEnum):
    """The scope for the auto user

    The default value is pool. If the pool is running Windows a value of Task should be
    specified if stricter isolation between tasks is required. For example, if the task
    mutates the registry in a way which could impact other tasks, or if certificates have
    been specified on the pool which should not be accessible by normal tasks but should
    be accessible by StartTasks.

    Values this client does not know are kept as they are, so
    ``AutoUserScope("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    TASK = "task"
    """Specifies that the service should create a new user for the Task."""
    POOL = "pool"
    """Specifies that the Task runs as the common auto user Account which is created on every
    Compute Node in a Pool."""


class ContainerWorkingDirectory(OpenStrEnum):
    """The location of the container Task working directory.

    The default is 'taskWorkingDirectory'.

    Values this client does not know are kept as they are, so
    ``ContainerWorkingDirectory("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    TASK_WORKING_DIRECTORY = "taskWorkingDirectory"
    """Use the standard Batch service Task working directory, which will contain the Task
    Resource Files populated by Batch."""
    CONTAINER_IMAGE_DEFAULT = "containerImageDefault"
    """Use the working directory defined in the container Image. Beware that this directory
    will not contain the Resource Files downloaded by Batch."""


class DependencyAction(OpenStrEnum):
    """An action that the Batch service performs on Tasks that depend on this Task.

    Possible values are 'satisfy' (allowing dependent tasks to progress) and 'block'
    (dependent tasks continue to wait). Batch does not yet support cancellation of
    dependent tasks.

    Values this client does not know are kept as they are, so
    ``DependencyAction("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    SATISFY = "satisfy"
    """Satisfy tasks waiting on this task; once all dependencies are satisfied, the task will
    be scheduled to run."""
    BLOCK = "block"
    """Blocks tasks waiting on this task, preventing them from being scheduled."""


class JobAction(OpenStrEnum):
    """An action to take on the Job containing the Task, if the Task completes with the given
    exit condition and the Job's onTaskFailed property is 'performExitOptionsJobAction'.

    The default is none for exit code 0 and terminate for all other exit conditions. If
    the Job's onTaskFailed property is noaction, then specifying this property returns an
    error and the add Task request fails with an invalid property value error; if you are
    calling the REST API directly, the HTTP status code is 400 (Bad Request).

    Values this client does not know are kept as they are, so
    ``JobAction("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    NONE = "none"
    """Take no action."""
    DISABLE = "disable"
    """Disable the Job. This is equivalent to calling the disable Job API, with a
    disableTasks value of requeue."""
    TERMINATE = "terminate"
    """Terminate the Job. The terminateReason in the Job's executionInfo is set to
    "TaskFailed"."""


class TaskAddStatus(OpenStrEnum):
    """The status of the add Task request.

    Values this client does not know are kept as they are, so
    ``TaskAddStatus("new")``
    does not fail, and ``.value`` gives the wire value back.
    """

    SUCCESS = "success"
    """The Task was added successfully."""
    CLIENT_ERROR = "clienterror"
    """The Task failed to add due to a client error and should not be retried without
    modifying the request as appropriate."""
    SERVER_ERROR = "servererror"
    """Task failed to add due to a server error and can be retried without modification."""


@dataclass(kw_only=True, slots=True)
class TaskAddResponse:
    """TaskAddResponse

    Attributes:
        client_request_id: The client-request-id provided by the client during the
            request. This will be returned only if the return-client-request-id parameter
            was set to true.
        request_id: A unique identifier for the request that was made to the Batch
            service. If a request is consistently failing and you have verified that the
            request is properly formulated, you may use this value to report the error to
            Microsoft. In your report, include the value of this request ID, the
            approximate time that the request was made, the Batch Account against which
            the request was made, and the region that Account resides in.
        etag: The ETag HTTP response header. This is an opaque string. You can use it
            to detect whether the resource has changed between requests. In particular,
            you can pass the ETag to one of the If-Modified-Since, If-Unmodified-Since,
            If-Match or If-None-Match headers.
        last_modified: The time at which the resource was last modified.
        data_service_id: The OData ID of the resource to which the request applied.
    """

    client_request_id: str | None = None
    request_id: str | None = None
    etag: str | None = None
    last_modified: datetime | None = None
    data_service_id: str | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "client-request-id",
            "request-id",
            "ETag",
            "Last-Modified",
            "DataServiceId",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskAddResponse",
        {
            "client-request-id": (
                "client_request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "request-id": (
                "request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "ETag": (
                "etag",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "Last-Modified": (
                "last_modified",
                lambda value: _wire.parse_timestamp(value, "http-date"),
                0,
            ),
            "DataServiceId": (
                "data_service_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.etag is not None:
            out["ETag"] = self.etag
        if self.last_modified is not None:
            out["Last-Modified"] = _wire.aware(self.last_modified)
        if self.data_service_id is not None:
            out["DataServiceId"] = self.data_service_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.etag is not None:
            out["ETag"] = self.etag
        if self.last_modified is not None:
            out["Last-Modified"] = _wire.format_timestamp(self.last_modified, "http-date")
        if self.data_service_id is not None:
            out["DataServiceId"] = self.data_service_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskAddResponse:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskAddResponse", data)
        return cls(**TaskAddResponse._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskDeleteResponse:
    """TaskDeleteResponse

    Attributes:
        client_request_id: The client-request-id provided by the client during the
            request. This will be returned only if the return-client-request-id parameter
            was set to true.
        request_id: A unique identifier for the request that was made to the Batch
            service. If a request is consistently failing and you have verified that the
            request is properly formulated, you may use this value to report the error to
            Microsoft. In your report, include the value of this request ID, the
            approximate time that the request was made, the Batch Account against which
            the request was made, and the region that Account resides in.
    """

    client_request_id: str | None = None
    request_id: str | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {"client-request-id", "request-id", "odata.metadata"}
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskDeleteResponse",
        {
            "client-request-id": (
                "client_request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "request-id": (
                "request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskDeleteResponse:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskDeleteResponse", data)
        return cls(**TaskDeleteResponse._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskReactivateResponse:
    """TaskReactivateResponse

    Attributes:
        client_request_id: The client-request-id provided by the client during the
            request. This will be returned only if the return-client-request-id parameter
            was set to true.
        request_id: A unique identifier for the request that was made to the Batch
            service. If a request is consistently failing and you have verified that the
            request is properly formulated, you may use this value to report the error to
            Microsoft. In your report, include the value of this request ID, the
            approximate time that the request was made, the Batch Account against which
            the request was made, and the region that Account resides in.
        etag: The ETag HTTP response header. This is an opaque string. You can use it
            to detect whether the resource has changed between requests. In particular,
            you can pass the ETag to one of the If-Modified-Since, If-Unmodified-Since,
            If-Match or If-None-Match headers.
        last_modified: The time at which the resource was last modified.
        data_service_id: The OData ID of the resource to which the request applied.
    """

    client_request_id: str | None = None
    request_id: str | None = None
    etag: str | None = None
    last_modified: datetime | None = None
    data_service_id: str | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "client-request-id",
            "request-id",
            "ETag",
            "Last-Modified",
            "DataServiceId",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskReactivateResponse",
        {
            "client-request-id": (
                "client_request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "request-id": (
                "request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "ETag": (
                "etag",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "Last-Modified": (
                "last_modified",
                lambda value: _wire.parse_timestamp(value, "http-date"),
                0,
            ),
            "DataServiceId": (
                "data_service_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.etag is not None:
            out["ETag"] = self.etag
        if self.last_modified is not None:
            out["Last-Modified"] = _wire.aware(self.last_modified)
        if self.data_service_id is not None:
            out["DataServiceId"] = self.data_service_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.etag is not None:
            out["ETag"] = self.etag
        if self.last_modified is not None:
            out["Last-Modified"] = _wire.format_timestamp(self.last_modified, "http-date")
        if self.data_service_id is not None:
            out["DataServiceId"] = self.data_service_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskReactivateResponse:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskReactivateResponse", data)
        return cls(**TaskReactivateResponse._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskTerminateResponse:
    """TaskTerminateResponse

    Attributes:
        client_request_id: The client-request-id provided by the client during the
            request. This will be returned only if the return-client-request-id parameter
            was set to true.
        request_id: A unique identifier for the request that was made to the Batch
            service. If a request is consistently failing and you have verified that the
            request is properly formulated, you may use this value to report the error to
            Microsoft. In your report, include the value of this request ID, the
            approximate time that the request was made, the Batch Account against which
            the request was made, and the region that Account resides in.
        etag: The ETag HTTP response header. This is an opaque string. You can use it
            to detect whether the resource has changed between requests. In particular,
            you can pass the ETag to one of the If-Modified-Since, If-Unmodified-Since,
            If-Match or If-None-Match headers.
        last_modified: The time at which the resource was last modified.
        data_service_id: The OData ID of the resource to which the request applied.
    """

    client_request_id: str | None = None
    request_id: str | None = None
    etag: str | None = None
    last_modified: datetime | None = None
    data_service_id: str | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "client-request-id",
            "request-id",
            "ETag",
            "Last-Modified",
            "DataServiceId",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskTerminateResponse",
        {
            "client-request-id": (
                "client_request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "request-id": (
                "request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "ETag": (
                "etag",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "Last-Modified": (
                "last_modified",
                lambda value: _wire.parse_timestamp(value, "http-date"),
                0,
            ),
            "DataServiceId": (
                "data_service_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.etag is not None:
            out["ETag"] = self.etag
        if self.last_modified is not None:
            out["Last-Modified"] = _wire.aware(self.last_modified)
        if self.data_service_id is not None:
            out["DataServiceId"] = self.data_service_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.etag is not None:
            out["ETag"] = self.etag
        if self.last_modified is not None:
            out["Last-Modified"] = _wire.format_timestamp(self.last_modified, "http-date")
        if self.data_service_id is not None:
            out["DataServiceId"] = self.data_service_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskTerminateResponse:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskTerminateResponse", data)
        return cls(**TaskTerminateResponse._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class TaskUpdateResponse:
    """TaskUpdateResponse

    Attributes:
        client_request_id: The client-request-id provided by the client during the
            request. This will be returned only if the return-client-request-id parameter
            was set to true.
        request_id: A unique identifier for the request that was made to the Batch
            service. If a request is consistently failing and you have verified that the
            request is properly formulated, you may use this value to report the error to
            Microsoft. In your report, include the value of this request ID, the
            approximate time that the request was made, the Batch Account against which
            the request was made, and the region that Account resides in.
        etag: The ETag HTTP response header. This is an opaque string. You can use it
            to detect whether the resource has changed between requests. In particular,
            you can pass the ETag to one of the If-Modified-Since, If-Unmodified-Since,
            If-Match or If-None-Match headers.
        last_modified: The time at which the resource was last modified.
        data_service_id: The OData ID of the resource to which the request applied.
    """

    client_request_id: str | None = None
    request_id: str | None = None
    etag: str | None = None
    last_modified: datetime | None = None
    data_service_id: str | None = None
    response_metadata: ResponseMetadata | None = field(default=None, compare=False, repr=False)
    """Status, headers and request id of the HTTP response this model came from."""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset(
        {
            "client-request-id",
            "request-id",
            "ETag",
            "Last-Modified",
            "DataServiceId",
            "odata.metadata",
        }
    )

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "TaskUpdateResponse",
        {
            "client-request-id": (
                "client_request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "request-id": (
                "request_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "ETag": (
                "etag",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "Last-Modified": (
                "last_modified",
                lambda value: _wire.parse_timestamp(value, "http-date"),
                0,
            ),
            "DataServiceId": (
                "data_service_id",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.etag is not None:
            out["ETag"] = self.etag
        if self.last_modified is not None:
            out["Last-Modified"] = _wire.aware(self.last_modified)
        if self.data_service_id is not None:
            out["DataServiceId"] = self.data_service_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.client_request_id is not None:
            out["client-request-id"] = self.client_request_id
        if self.request_id is not None:
            out["request-id"] = self.request_id
        if self.etag is not None:
            out["ETag"] = self.etag
        if self.last_modified is not None:
            out["Last-Modified"] = _wire.format_timestamp(self.last_modified, "http-date")
        if self.data_service_id is not None:
            out["DataServiceId"] = self.data_service_id
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskUpdateResponse:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("TaskUpdateResponse", data)
        return cls(**TaskUpdateResponse._fields.read(data, cls._known))


@dataclass(kw_only=True, slots=True)
class BatchErrorBody:
    """An error response received from the Azure Batch service.

    Attributes:
        code: An identifier for the error. Codes are invariant and are intended to be
            consumed programmatically.
        message: A message describing the error, intended to be suitable for display
            in a user interface.
        values: A collection of key-value pairs containing additional details about
            the error.
    """

    code: str | None = None
    message: ErrorMessage | None = None
    values: list[BatchErrorDetail] | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the service sent that this version does not know, as received; ``to_dict()`` and
    ``to_wire()`` send them back, so a read-modify-write keeps a newer service's data."""
    _known: ClassVar[frozenset[str]] = frozenset({"code", "message", "values", "odata.metadata"})

    _fields: ClassVar[_wire.Fields] = _wire.Fields(
        "BatchErrorBody",
        {
            "code": (
                "code",
                lambda value: value if type(value) is str else _wire.as_str(value),
                _wire.TEXT,
            ),
            "message": ("message", lambda value: ErrorMessage.from_dict(value), 0),
            "values": (
                "values",
                lambda value: [
                    (None if v0 is None else BatchErrorDetail.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ],
                0,
            ),
        },
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data keyed by wire names: absent fields left out, datetimes as aware
        ``datetime``, durations as ``timedelta``, enums as their values. Not JSON-ready:
        ``to_wire()`` (or ``to_json()``) is the JSON form."""
        out: dict[str, Any] = {}
        if self.code is not None:
            out["code"] = self.code
        if self.message is not None:
            out["message"] = self.message.to_dict()
        if self.values is not None:
            out["values"] = [None if v0 is None else v0.to_dict() for v0 in self.values]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_wire(self) -> dict[str, Any]:
        """The JSON form sent on the wire (timestamps and durations as strings or numbers):
        ``json.dumps(model.to_wire())`` works."""
        out: dict[str, Any] = {}
        if self.code is not None:
            out["code"] = self.code
        if self.message is not None:
            out["message"] = self.message.to_wire()
        if self.values is not None:
            out["values"] = [None if v0 is None else v0.to_wire() for v0 in self.values]
        if self.unknown_fields:
            for key, value in self.unknown_fields.items():
                out.setdefault(key, value)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """``to_wire()`` as JSON text; ``dumps_options`` go to ``json.dumps`` (``indent=2``...)."""
        return json.dumps(self.to_wire(), **dumps_options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BatchErrorBody:
        """Build from plain data keyed by wire names (``to_dict()`` or ``to_wire()`` output, or
        parsed JSON). Keys this version does not know go to ``unknown_fields``; a value of the
        wrong shape raises ``DeserializationError`` naming the field."""
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wire.not_an_object("BatchErrorBody", data)
        return cls(**BatchErrorBody._fields.read(data, cls._known))
