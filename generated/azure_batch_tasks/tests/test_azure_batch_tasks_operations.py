"""Every operation of BatchServiceClient against a stub transport: requests, responses,
errors.

Expected values come from the spec's bindings (computed by apismith from the service model),
not from the client's own serializers. Each test runs for the sync and the async client.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from azure_batch_tasks_stubs import check_request, invoke, response

from azure_batch_tasks import (
    AccessScope,
    AffinityInformation,
    ApplicationPackageReference,
    AuthenticationTokenSettings,
    AutoUserScope,
    AutoUserSpecification,
    BatchError,
    BatchErrorBody,
    BatchErrorDetail,
    BatchServiceError,
    ClientAuthenticationError,
    ComputeNodeIdentityReference,
    ComputeNodeInformation,
    ContainerHostBatchBindMountEntry,
    ContainerHostDataPath,
    ContainerRegistry,
    ContainerWorkingDirectory,
    DependencyAction,
    ElevationLevel,
    EnvironmentSetting,
    ErrorCategory,
    ErrorMessage,
    ExitCodeMapping,
    ExitCodeRangeMapping,
    ExitConditions,
    ExitOptions,
    JobAction,
    MultiInstanceSettings,
    NameValuePair,
    OutputFile,
    OutputFileBlobContainerDestination,
    OutputFileDestination,
    OutputFileUploadCondition,
    OutputFileUploadOptions,
    ResourceExistsError,
    ResourceFile,
    ResourceModifiedError,
    ResourceNotFoundError,
    ResourceNotModifiedError,
    SubtaskInformation,
    SubtaskState,
    TaskAddCollectionParameter,
    TaskAddParameter,
    TaskAddResult,
    TaskAddStatus,
    TaskConstraints,
    TaskContainerExecutionInformation,
    TaskContainerSettings,
    TaskDependencies,
    TaskExecutionInformation,
    TaskExecutionResult,
    TaskFailureInformation,
    TaskIdRange,
    TaskState,
    TaskStatistics,
    TaskUpdateParameter,
    UserIdentity,
)

CLIENTS = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


@CLIENTS
async def test_task_list_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_list",
        {
            "job_id": "jobId-1",
            "filter": "$filter-1",
            "select": "$select-1",
            "expand": "$expand-1",
            "maxresults": 3,
            "timeout": 3,
            "client_request_id": "client-request-id-1",
            "return_client_request_id": True,
            "ocp_date": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        },
        response(
            200,
            {},
            {
                "value": [
                    {
                        "affinityInfo": {"affinityId": "affinityId-1"},
                        "applicationPackageReferences": [{"applicationId": "applicationId-1"}],
                        "authenticationTokenSettings": {"access": ["job"]},
                        "commandLine": "commandLine-1",
                        "constraints": {
                            "maxTaskRetryCount": 3,
                            "maxWallClockTime": "P1DT2H",
                            "retentionTime": "P1DT2H",
                        },
                        "containerSettings": {
                            "containerHostBatchBindMounts": [{}],
                            "containerRunOptions": "containerRunOptions-1",
                            "imageName": "imageName-1",
                            "registry": {},
                            "workingDirectory": "taskWorkingDirectory",
                        },
                        "creationTime": "2024-01-02T03:04:05.000Z",
                        "dependsOn": {
                            "taskIdRanges": [{"end": 3, "start": 3}],
                            "taskIds": ["taskIds-1"],
                        },
                        "displayName": "displayName-1",
                        "eTag": "eTag-1",
                        "environmentSettings": [{"name": "name-1"}],
                        "executionInfo": {
                            "containerInfo": {},
                            "endTime": "2024-01-02T03:04:05.000Z",
                            "exitCode": 3,
                            "failureInfo": {"category": "usererror"},
                            "lastRequeueTime": "2024-01-02T03:04:05.000Z",
                            "lastRetryTime": "2024-01-02T03:04:05.000Z",
                            "requeueCount": 3,
                            "result": "success",
                            "retryCount": 3,
                            "startTime": "2024-01-02T03:04:05.000Z",
                        },
                        "exitConditions": {
                            "default": {},
                            "exitCodeRanges": [{"end": 3, "exitOptions": {}, "start": 3}],
                            "exitCodes": [{"code": 3, "exitOptions": {}}],
                            "fileUploadError": {},
                            "preProcessingError": {},
                        },
                        "id": "id-1",
                        "lastModified": "2024-01-02T03:04:05.000Z",
                        "multiInstanceSettings": {
                            "commonResourceFiles": [{}],
                            "coordinationCommandLine": "coordinationCommandLine-1",
                            "numberOfInstances": 3,
                        },
                        "nodeInfo": {
                            "affinityId": "affinityId-1",
                            "nodeId": "nodeId-1",
                            "nodeUrl": "nodeUrl-1",
                            "poolId": "poolId-1",
                            "taskRootDirectory": "taskRootDirectory-1",
                            "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                        },
                        "outputFiles": [
                            {
                                "destination": {},
                                "filePattern": "filePattern-1",
                                "uploadOptions": {"uploadCondition": "tasksuccess"},
                            }
                        ],
                        "previousState": "active",
                        "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "requiredSlots": 3,
                        "resourceFiles": [{}],
                        "state": "active",
                        "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "stats": {
                            "kernelCPUTime": "P1DT2H",
                            "lastUpdateTime": "2024-01-02T03:04:05.000Z",
                            "readIOGiB": 2.5,
                            "readIOps": 1099511627783,
                            "startTime": "2024-01-02T03:04:05.000Z",
                            "url": "url-1",
                            "userCPUTime": "P1DT2H",
                            "waitTime": "P1DT2H",
                            "wallClockTime": "P1DT2H",
                            "writeIOGiB": 2.5,
                            "writeIOps": 1099511627783,
                        },
                        "url": "url-1",
                        "userIdentity": {"autoUser": {}, "username": "userName-1"},
                    }
                ]
            },
        ),
    )
    check_request(
        sent[0],
        method="GET",
        path="/jobs/jobId-1/tasks",
        query={
            "api-version": "2024-07-01.20.0",
            "$filter": "$filter-1",
            "$select": "$select-1",
            "$expand": "$expand-1",
            "maxresults": "3",
            "timeout": "3",
        },
        headers={
            "client-request-id": "client-request-id-1",
            "return-client-request-id": "true",
            "ocp-date": "Tue, 02 Jan 2024 03:04:05 GMT",
        },
        body=None,
    )


@CLIENTS
async def test_task_list_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_list",
        {
            "job_id": "jobId-1",
        },
        response(
            200,
            {},
            {
                "value": [
                    {
                        "affinityInfo": {"affinityId": "affinityId-1"},
                        "applicationPackageReferences": [{"applicationId": "applicationId-1"}],
                        "authenticationTokenSettings": {"access": ["job"]},
                        "commandLine": "commandLine-1",
                        "constraints": {
                            "maxTaskRetryCount": 3,
                            "maxWallClockTime": "P1DT2H",
                            "retentionTime": "P1DT2H",
                        },
                        "containerSettings": {
                            "containerHostBatchBindMounts": [{}],
                            "containerRunOptions": "containerRunOptions-1",
                            "imageName": "imageName-1",
                            "registry": {},
                            "workingDirectory": "taskWorkingDirectory",
                        },
                        "creationTime": "2024-01-02T03:04:05.000Z",
                        "dependsOn": {
                            "taskIdRanges": [{"end": 3, "start": 3}],
                            "taskIds": ["taskIds-1"],
                        },
                        "displayName": "displayName-1",
                        "eTag": "eTag-1",
                        "environmentSettings": [{"name": "name-1"}],
                        "executionInfo": {
                            "containerInfo": {},
                            "endTime": "2024-01-02T03:04:05.000Z",
                            "exitCode": 3,
                            "failureInfo": {"category": "usererror"},
                            "lastRequeueTime": "2024-01-02T03:04:05.000Z",
                            "lastRetryTime": "2024-01-02T03:04:05.000Z",
                            "requeueCount": 3,
                            "result": "success",
                            "retryCount": 3,
                            "startTime": "2024-01-02T03:04:05.000Z",
                        },
                        "exitConditions": {
                            "default": {},
                            "exitCodeRanges": [{"end": 3, "exitOptions": {}, "start": 3}],
                            "exitCodes": [{"code": 3, "exitOptions": {}}],
                            "fileUploadError": {},
                            "preProcessingError": {},
                        },
                        "id": "id-1",
                        "lastModified": "2024-01-02T03:04:05.000Z",
                        "multiInstanceSettings": {
                            "commonResourceFiles": [{}],
                            "coordinationCommandLine": "coordinationCommandLine-1",
                            "numberOfInstances": 3,
                        },
                        "nodeInfo": {
                            "affinityId": "affinityId-1",
                            "nodeId": "nodeId-1",
                            "nodeUrl": "nodeUrl-1",
                            "poolId": "poolId-1",
                            "taskRootDirectory": "taskRootDirectory-1",
                            "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                        },
                        "outputFiles": [
                            {
                                "destination": {},
                                "filePattern": "filePattern-1",
                                "uploadOptions": {"uploadCondition": "tasksuccess"},
                            }
                        ],
                        "previousState": "active",
                        "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "requiredSlots": 3,
                        "resourceFiles": [{}],
                        "state": "active",
                        "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "stats": {
                            "kernelCPUTime": "P1DT2H",
                            "lastUpdateTime": "2024-01-02T03:04:05.000Z",
                            "readIOGiB": 2.5,
                            "readIOps": 1099511627783,
                            "startTime": "2024-01-02T03:04:05.000Z",
                            "url": "url-1",
                            "userCPUTime": "P1DT2H",
                            "waitTime": "P1DT2H",
                            "wallClockTime": "P1DT2H",
                            "writeIOGiB": 2.5,
                            "writeIOps": 1099511627783,
                        },
                        "url": "url-1",
                        "userIdentity": {"autoUser": {}, "username": "userName-1"},
                    }
                ]
            },
        ),
    )
    check_request(
        sent[0],
        method="GET",
        path="/jobs/jobId-1/tasks",
        query={"api-version": "2024-07-01.20.0"},
        headers={},
        body=None,
    )


@CLIENTS
async def test_task_list_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "job_id": "jobId-1",
    }
    kwargs["job_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "task_list",
        kwargs,
        response(
            200,
            {},
            {
                "value": [
                    {
                        "affinityInfo": {"affinityId": "affinityId-1"},
                        "applicationPackageReferences": [{"applicationId": "applicationId-1"}],
                        "authenticationTokenSettings": {"access": ["job"]},
                        "commandLine": "commandLine-1",
                        "constraints": {
                            "maxTaskRetryCount": 3,
                            "maxWallClockTime": "P1DT2H",
                            "retentionTime": "P1DT2H",
                        },
                        "containerSettings": {
                            "containerHostBatchBindMounts": [{}],
                            "containerRunOptions": "containerRunOptions-1",
                            "imageName": "imageName-1",
                            "registry": {},
                            "workingDirectory": "taskWorkingDirectory",
                        },
                        "creationTime": "2024-01-02T03:04:05.000Z",
                        "dependsOn": {
                            "taskIdRanges": [{"end": 3, "start": 3}],
                            "taskIds": ["taskIds-1"],
                        },
                        "displayName": "displayName-1",
                        "eTag": "eTag-1",
                        "environmentSettings": [{"name": "name-1"}],
                        "executionInfo": {
                            "containerInfo": {},
                            "endTime": "2024-01-02T03:04:05.000Z",
                            "exitCode": 3,
                            "failureInfo": {"category": "usererror"},
                            "lastRequeueTime": "2024-01-02T03:04:05.000Z",
                            "lastRetryTime": "2024-01-02T03:04:05.000Z",
                            "requeueCount": 3,
                            "result": "success",
                            "retryCount": 3,
                            "startTime": "2024-01-02T03:04:05.000Z",
                        },
                        "exitConditions": {
                            "default": {},
                            "exitCodeRanges": [{"end": 3, "exitOptions": {}, "start": 3}],
                            "exitCodes": [{"code": 3, "exitOptions": {}}],
                            "fileUploadError": {},
                            "preProcessingError": {},
                        },
                        "id": "id-1",
                        "lastModified": "2024-01-02T03:04:05.000Z",
                        "multiInstanceSettings": {
                            "commonResourceFiles": [{}],
                            "coordinationCommandLine": "coordinationCommandLine-1",
                            "numberOfInstances": 3,
                        },
                        "nodeInfo": {
                            "affinityId": "affinityId-1",
                            "nodeId": "nodeId-1",
                            "nodeUrl": "nodeUrl-1",
                            "poolId": "poolId-1",
                            "taskRootDirectory": "taskRootDirectory-1",
                            "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                        },
                        "outputFiles": [
                            {
                                "destination": {},
                                "filePattern": "filePattern-1",
                                "uploadOptions": {"uploadCondition": "tasksuccess"},
                            }
                        ],
                        "previousState": "active",
                        "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "requiredSlots": 3,
                        "resourceFiles": [{}],
                        "state": "active",
                        "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "stats": {
                            "kernelCPUTime": "P1DT2H",
                            "lastUpdateTime": "2024-01-02T03:04:05.000Z",
                            "readIOGiB": 2.5,
                            "readIOps": 1099511627783,
                            "startTime": "2024-01-02T03:04:05.000Z",
                            "url": "url-1",
                            "userCPUTime": "P1DT2H",
                            "waitTime": "P1DT2H",
                            "wallClockTime": "P1DT2H",
                            "writeIOGiB": 2.5,
                            "writeIOps": 1099511627783,
                        },
                        "url": "url-1",
                        "userIdentity": {"autoUser": {}, "username": "userName-1"},
                    }
                ]
            },
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_task_list_follows_every_page(asynchronous: bool) -> None:
    first: dict[str, Any] = {
        "value": [
            {
                "affinityInfo": {"affinityId": "affinityId-1"},
                "applicationPackageReferences": [{"applicationId": "applicationId-1"}],
                "authenticationTokenSettings": {"access": ["job"]},
                "commandLine": "commandLine-1",
                "constraints": {
                    "maxTaskRetryCount": 3,
                    "maxWallClockTime": "P1DT2H",
                    "retentionTime": "P1DT2H",
                },
                "containerSettings": {
                    "containerHostBatchBindMounts": [{}],
                    "containerRunOptions": "containerRunOptions-1",
                    "imageName": "imageName-1",
                    "registry": {},
                    "workingDirectory": "taskWorkingDirectory",
                },
                "creationTime": "2024-01-02T03:04:05.000Z",
                "dependsOn": {"taskIdRanges": [{"end": 3, "start": 3}], "taskIds": ["taskIds-1"]},
                "displayName": "displayName-1",
                "eTag": "eTag-1",
                "environmentSettings": [{"name": "name-1"}],
                "executionInfo": {
                    "containerInfo": {},
                    "endTime": "2024-01-02T03:04:05.000Z",
                    "exitCode": 3,
                    "failureInfo": {"category": "usererror"},
                    "lastRequeueTime": "2024-01-02T03:04:05.000Z",
                    "lastRetryTime": "2024-01-02T03:04:05.000Z",
                    "requeueCount": 3,
                    "result": "success",
                    "retryCount": 3,
                    "startTime": "2024-01-02T03:04:05.000Z",
                },
                "exitConditions": {
                    "default": {},
                    "exitCodeRanges": [{"end": 3, "exitOptions": {}, "start": 3}],
                    "exitCodes": [{"code": 3, "exitOptions": {}}],
                    "fileUploadError": {},
                    "preProcessingError": {},
                },
                "id": "id-1",
                "lastModified": "2024-01-02T03:04:05.000Z",
                "multiInstanceSettings": {
                    "commonResourceFiles": [{}],
                    "coordinationCommandLine": "coordinationCommandLine-1",
                    "numberOfInstances": 3,
                },
                "nodeInfo": {
                    "affinityId": "affinityId-1",
                    "nodeId": "nodeId-1",
                    "nodeUrl": "nodeUrl-1",
                    "poolId": "poolId-1",
                    "taskRootDirectory": "taskRootDirectory-1",
                    "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                },
                "outputFiles": [
                    {
                        "destination": {},
                        "filePattern": "filePattern-1",
                        "uploadOptions": {"uploadCondition": "tasksuccess"},
                    }
                ],
                "previousState": "active",
                "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                "requiredSlots": 3,
                "resourceFiles": [{}],
                "state": "active",
                "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                "stats": {
                    "kernelCPUTime": "P1DT2H",
                    "lastUpdateTime": "2024-01-02T03:04:05.000Z",
                    "readIOGiB": 2.5,
                    "readIOps": 1099511627783,
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "url": "url-1",
                    "userCPUTime": "P1DT2H",
                    "waitTime": "P1DT2H",
                    "wallClockTime": "P1DT2H",
                    "writeIOGiB": 2.5,
                    "writeIOps": 1099511627783,
                },
                "url": "url-1",
                "userIdentity": {"autoUser": {}, "username": "userName-1"},
            }
        ]
    }
    first["odata.nextLink"] = "https://account.region.example.azure.com/next?page=2"
    last: dict[str, Any] = {
        "value": [
            {
                "affinityInfo": {"affinityId": "affinityId-1"},
                "applicationPackageReferences": [{"applicationId": "applicationId-1"}],
                "authenticationTokenSettings": {"access": ["job"]},
                "commandLine": "commandLine-1",
                "constraints": {
                    "maxTaskRetryCount": 3,
                    "maxWallClockTime": "P1DT2H",
                    "retentionTime": "P1DT2H",
                },
                "containerSettings": {
                    "containerHostBatchBindMounts": [{}],
                    "containerRunOptions": "containerRunOptions-1",
                    "imageName": "imageName-1",
                    "registry": {},
                    "workingDirectory": "taskWorkingDirectory",
                },
                "creationTime": "2024-01-02T03:04:05.000Z",
                "dependsOn": {"taskIdRanges": [{"end": 3, "start": 3}], "taskIds": ["taskIds-1"]},
                "displayName": "displayName-1",
                "eTag": "eTag-1",
                "environmentSettings": [{"name": "name-1"}],
                "executionInfo": {
                    "containerInfo": {},
                    "endTime": "2024-01-02T03:04:05.000Z",
                    "exitCode": 3,
                    "failureInfo": {"category": "usererror"},
                    "lastRequeueTime": "2024-01-02T03:04:05.000Z",
                    "lastRetryTime": "2024-01-02T03:04:05.000Z",
                    "requeueCount": 3,
                    "result": "success",
                    "retryCount": 3,
                    "startTime": "2024-01-02T03:04:05.000Z",
                },
                "exitConditions": {
                    "default": {},
                    "exitCodeRanges": [{"end": 3, "exitOptions": {}, "start": 3}],
                    "exitCodes": [{"code": 3, "exitOptions": {}}],
                    "fileUploadError": {},
                    "preProcessingError": {},
                },
                "id": "id-1",
                "lastModified": "2024-01-02T03:04:05.000Z",
                "multiInstanceSettings": {
                    "commonResourceFiles": [{}],
                    "coordinationCommandLine": "coordinationCommandLine-1",
                    "numberOfInstances": 3,
                },
                "nodeInfo": {
                    "affinityId": "affinityId-1",
                    "nodeId": "nodeId-1",
                    "nodeUrl": "nodeUrl-1",
                    "poolId": "poolId-1",
                    "taskRootDirectory": "taskRootDirectory-1",
                    "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                },
                "outputFiles": [
                    {
                        "destination": {},
                        "filePattern": "filePattern-1",
                        "uploadOptions": {"uploadCondition": "tasksuccess"},
                    }
                ],
                "previousState": "active",
                "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                "requiredSlots": 3,
                "resourceFiles": [{}],
                "state": "active",
                "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                "stats": {
                    "kernelCPUTime": "P1DT2H",
                    "lastUpdateTime": "2024-01-02T03:04:05.000Z",
                    "readIOGiB": 2.5,
                    "readIOps": 1099511627783,
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "url": "url-1",
                    "userCPUTime": "P1DT2H",
                    "waitTime": "P1DT2H",
                    "wallClockTime": "P1DT2H",
                    "writeIOGiB": 2.5,
                    "writeIOps": 1099511627783,
                },
                "url": "url-1",
                "userIdentity": {"autoUser": {}, "username": "userName-1"},
            }
        ]
    }
    last.pop("odata.nextLink", None)
    items, sent = await invoke(
        asynchronous,
        "task_list",
        {
            "job_id": "jobId-1",
        },
        response(200, {}, first),
        response(200, {}, last),
    )
    assert len(sent) == 2
    assert sent[1].url == "https://account.region.example.azure.com/next?page=2"
    assert len(items) == len(first["value"]) + len(last["value"])


@CLIENTS
async def test_task_list_raises_batch_error(asynchronous: bool) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_list",
            {
                "job_id": "jobId-1",
            },
            response(
                418,
                {},
                {
                    "code": "code-1",
                    "message": {"lang": "lang-1", "value": "value-1"},
                    "values": [{"key": "key-1", "value": "value-1"}],
                },
            ),
        )
    error = caught.value
    assert isinstance(error, BatchServiceError)
    assert error.status_code == 418
    assert error.code == "code-1"
    assert error.message == "value-1"
    assert error.error_message == ErrorMessage(lang="lang-1", value="value-1")
    assert error.values == [BatchErrorDetail(key="key-1", value="value-1")]


@CLIENTS
async def test_task_list_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(BatchServiceError) as caught:
        await invoke(
            asynchronous,
            "task_list",
            {
                "job_id": "jobId-1",
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is BatchError
    assert caught.value.status_code == 502
    assert caught.value.code is None  # the body names no code


@CLIENTS
async def test_task_add_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_add",
        {
            "job_id": "jobId-1",
            "timeout": 3,
            "client_request_id": "client-request-id-1",
            "return_client_request_id": True,
            "ocp_date": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "task": TaskAddParameter(
                id="id-1",
                display_name="displayName-1",
                command_line="commandLine-1",
                container_settings=TaskContainerSettings(
                    container_run_options="containerRunOptions-1",
                    image_name="imageName-1",
                    registry=ContainerRegistry(
                        user_name="userName-1",
                        password="password-1",
                        registry_server="registryServer-1",
                        identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
                    ),
                    working_directory=ContainerWorkingDirectory.TASK_WORKING_DIRECTORY,
                    container_host_batch_bind_mounts=[
                        ContainerHostBatchBindMountEntry(
                            source=ContainerHostDataPath.SHARED, is_read_only=True
                        )
                    ],
                ),
                exit_conditions=ExitConditions(
                    exit_codes=[ExitCodeMapping(code=3, exit_options=ExitOptions())],
                    exit_code_ranges=[
                        ExitCodeRangeMapping(start=3, end=3, exit_options=ExitOptions())
                    ],
                    pre_processing_error=ExitOptions(
                        job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
                    ),
                    file_upload_error=ExitOptions(
                        job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
                    ),
                    default=ExitOptions(
                        job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
                    ),
                ),
                resource_files=[
                    ResourceFile(
                        auto_storage_container_name="autoStorageContainerName-1",
                        storage_container_url="storageContainerUrl-1",
                        http_url="httpUrl-1",
                        blob_prefix="blobPrefix-1",
                        file_path="filePath-1",
                        file_mode="fileMode-1",
                        identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
                    )
                ],
                output_files=[
                    OutputFile(
                        file_pattern="filePattern-1",
                        destination=OutputFileDestination(
                            container=OutputFileBlobContainerDestination(
                                container_url="containerUrl-1"
                            )
                        ),
                        upload_options=OutputFileUploadOptions(
                            upload_condition=OutputFileUploadCondition.TASK_SUCCESS
                        ),
                    )
                ],
                environment_settings=[EnvironmentSetting(name="name-1", value="value-1")],
                affinity_info=AffinityInformation(affinity_id="affinityId-1"),
                constraints=TaskConstraints(
                    max_wall_clock_time=timedelta(days=1, hours=2),
                    retention_time=timedelta(days=1, hours=2),
                    max_task_retry_count=3,
                ),
                required_slots=3,
                user_identity=UserIdentity(
                    user_name="userName-1",
                    auto_user=AutoUserSpecification(
                        scope=AutoUserScope.TASK, elevation_level=ElevationLevel.NON_ADMIN
                    ),
                ),
                multi_instance_settings=MultiInstanceSettings(
                    number_of_instances=3,
                    coordination_command_line="coordinationCommandLine-1",
                    common_resource_files=[
                        ResourceFile(
                            auto_storage_container_name="autoStorageContainerName-1",
                            storage_container_url="storageContainerUrl-1",
                            http_url="httpUrl-1",
                            blob_prefix="blobPrefix-1",
                            file_path="filePath-1",
                            file_mode="fileMode-1",
                            identity_reference=ComputeNodeIdentityReference(),
                        )
                    ],
                ),
                depends_on=TaskDependencies(
                    task_ids=["taskIds-1"], task_id_ranges=[TaskIdRange(start=3, end=3)]
                ),
                application_package_references=[
                    ApplicationPackageReference(
                        application_id="applicationId-1", version="version-1"
                    )
                ],
                authentication_token_settings=AuthenticationTokenSettings(access=[AccessScope.JOB]),
            ),
        },
        response(
            201,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    check_request(
        sent[0],
        method="POST",
        path="/jobs/jobId-1/tasks",
        query={"api-version": "2024-07-01.20.0", "timeout": "3"},
        headers={
            "client-request-id": "client-request-id-1",
            "return-client-request-id": "true",
            "ocp-date": "Tue, 02 Jan 2024 03:04:05 GMT",
            "Content-Type": "application/json; odata=minimalmetadata",
        },
        body={
            "id": "id-1",
            "displayName": "displayName-1",
            "commandLine": "commandLine-1",
            "containerSettings": {
                "containerRunOptions": "containerRunOptions-1",
                "imageName": "imageName-1",
                "registry": {
                    "username": "userName-1",
                    "password": "password-1",
                    "registryServer": "registryServer-1",
                    "identityReference": {"resourceId": "resourceId-1"},
                },
                "workingDirectory": "taskWorkingDirectory",
                "containerHostBatchBindMounts": [{"source": "Shared", "isReadOnly": True}],
            },
            "exitConditions": {
                "exitCodes": [{"code": 3, "exitOptions": {}}],
                "exitCodeRanges": [{"start": 3, "end": 3, "exitOptions": {}}],
                "preProcessingError": {"jobAction": "none", "dependencyAction": "satisfy"},
                "fileUploadError": {"jobAction": "none", "dependencyAction": "satisfy"},
                "default": {"jobAction": "none", "dependencyAction": "satisfy"},
            },
            "resourceFiles": [
                {
                    "autoStorageContainerName": "autoStorageContainerName-1",
                    "storageContainerUrl": "storageContainerUrl-1",
                    "httpUrl": "httpUrl-1",
                    "blobPrefix": "blobPrefix-1",
                    "filePath": "filePath-1",
                    "fileMode": "fileMode-1",
                    "identityReference": {"resourceId": "resourceId-1"},
                }
            ],
            "outputFiles": [
                {
                    "filePattern": "filePattern-1",
                    "destination": {"container": {"containerUrl": "containerUrl-1"}},
                    "uploadOptions": {"uploadCondition": "tasksuccess"},
                }
            ],
            "environmentSettings": [{"name": "name-1", "value": "value-1"}],
            "affinityInfo": {"affinityId": "affinityId-1"},
            "constraints": {
                "maxWallClockTime": "P1DT2H",
                "retentionTime": "P1DT2H",
                "maxTaskRetryCount": 3,
            },
            "requiredSlots": 3,
            "userIdentity": {
                "username": "userName-1",
                "autoUser": {"scope": "task", "elevationLevel": "nonadmin"},
            },
            "multiInstanceSettings": {
                "numberOfInstances": 3,
                "coordinationCommandLine": "coordinationCommandLine-1",
                "commonResourceFiles": [
                    {
                        "autoStorageContainerName": "autoStorageContainerName-1",
                        "storageContainerUrl": "storageContainerUrl-1",
                        "httpUrl": "httpUrl-1",
                        "blobPrefix": "blobPrefix-1",
                        "filePath": "filePath-1",
                        "fileMode": "fileMode-1",
                        "identityReference": {},
                    }
                ],
            },
            "dependsOn": {"taskIds": ["taskIds-1"], "taskIdRanges": [{"start": 3, "end": 3}]},
            "applicationPackageReferences": [
                {"applicationId": "applicationId-1", "version": "version-1"}
            ],
            "authenticationTokenSettings": {"access": ["job"]},
        },
    )


@CLIENTS
async def test_task_add_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_add",
        {
            "job_id": "jobId-1",
            "task": TaskAddParameter(id="id-1", command_line="commandLine-1"),
        },
        response(
            201,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    check_request(
        sent[0],
        method="POST",
        path="/jobs/jobId-1/tasks",
        query={"api-version": "2024-07-01.20.0"},
        headers={"Content-Type": "application/json; odata=minimalmetadata"},
        body={"id": "id-1", "commandLine": "commandLine-1"},
    )


@CLIENTS
async def test_task_add_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "job_id": "jobId-1",
        "task": TaskAddParameter(id="id-1", command_line="commandLine-1"),
    }
    kwargs["job_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "task_add",
        kwargs,
        response(
            201,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_task_add_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "task_add",
        {
            "job_id": "jobId-1",
            "task": TaskAddParameter(id="id-1", command_line="commandLine-1"),
        },
        response(
            201,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    assert result.client_request_id == "client-request-id-1"
    assert result.request_id == "request-id-1"
    assert result.etag == "ETag-1"
    assert result.last_modified == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.data_service_id == "DataServiceId-1"
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 201


@CLIENTS
async def test_task_add_raises_batch_error(asynchronous: bool) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_add",
            {
                "job_id": "jobId-1",
                "task": TaskAddParameter(id="id-1", command_line="commandLine-1"),
            },
            response(
                418,
                {},
                {
                    "code": "code-1",
                    "message": {"lang": "lang-1", "value": "value-1"},
                    "values": [{"key": "key-1", "value": "value-1"}],
                },
            ),
        )
    error = caught.value
    assert isinstance(error, BatchServiceError)
    assert error.status_code == 418
    assert error.code == "code-1"
    assert error.message == "value-1"
    assert error.error_message == ErrorMessage(lang="lang-1", value="value-1")
    assert error.values == [BatchErrorDetail(key="key-1", value="value-1")]


@CLIENTS
async def test_task_add_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(BatchServiceError) as caught:
        await invoke(
            asynchronous,
            "task_add",
            {
                "job_id": "jobId-1",
                "task": TaskAddParameter(id="id-1", command_line="commandLine-1"),
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is BatchError
    assert caught.value.status_code == 502
    assert caught.value.code is None  # the body names no code


@CLIENTS
async def test_task_add_collection_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_add_collection",
        {
            "job_id": "jobId-1",
            "timeout": 3,
            "client_request_id": "client-request-id-1",
            "return_client_request_id": True,
            "ocp_date": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "task_collection": TaskAddCollectionParameter(
                value=[
                    TaskAddParameter(
                        id="id-1",
                        display_name="displayName-1",
                        command_line="commandLine-1",
                        container_settings=TaskContainerSettings(
                            container_run_options="containerRunOptions-1",
                            image_name="imageName-1",
                            registry=ContainerRegistry(),
                            working_directory=ContainerWorkingDirectory.TASK_WORKING_DIRECTORY,
                            container_host_batch_bind_mounts=[ContainerHostBatchBindMountEntry()],
                        ),
                        exit_conditions=ExitConditions(
                            exit_codes=[ExitCodeMapping(code=3, exit_options=ExitOptions())],
                            exit_code_ranges=[
                                ExitCodeRangeMapping(start=3, end=3, exit_options=ExitOptions())
                            ],
                            pre_processing_error=ExitOptions(),
                            file_upload_error=ExitOptions(),
                            default=ExitOptions(),
                        ),
                        resource_files=[ResourceFile()],
                        output_files=[
                            OutputFile(
                                file_pattern="filePattern-1",
                                destination=OutputFileDestination(),
                                upload_options=OutputFileUploadOptions(
                                    upload_condition=OutputFileUploadCondition.TASK_SUCCESS
                                ),
                            )
                        ],
                        environment_settings=[EnvironmentSetting(name="name-1")],
                        affinity_info=AffinityInformation(affinity_id="affinityId-1"),
                        constraints=TaskConstraints(
                            max_wall_clock_time=timedelta(days=1, hours=2),
                            retention_time=timedelta(days=1, hours=2),
                            max_task_retry_count=3,
                        ),
                        required_slots=3,
                        user_identity=UserIdentity(
                            user_name="userName-1", auto_user=AutoUserSpecification()
                        ),
                        multi_instance_settings=MultiInstanceSettings(
                            number_of_instances=3,
                            coordination_command_line="coordinationCommandLine-1",
                            common_resource_files=[ResourceFile()],
                        ),
                        depends_on=TaskDependencies(
                            task_ids=["taskIds-1"], task_id_ranges=[TaskIdRange(start=3, end=3)]
                        ),
                        application_package_references=[
                            ApplicationPackageReference(application_id="applicationId-1")
                        ],
                        authentication_token_settings=AuthenticationTokenSettings(
                            access=[AccessScope.JOB]
                        ),
                    )
                ]
            ),
        },
        response(
            200,
            {},
            {
                "value": [
                    {
                        "status": "success",
                        "taskId": "taskId-1",
                        "eTag": "eTag-1",
                        "lastModified": "2024-01-02T03:04:05.000Z",
                        "location": "location-1",
                        "error": {"code": "code-1", "message": {}, "values": [{}]},
                    }
                ]
            },
        ),
    )
    check_request(
        sent[0],
        method="POST",
        path="/jobs/jobId-1/addtaskcollection",
        query={"api-version": "2024-07-01.20.0", "timeout": "3"},
        headers={
            "client-request-id": "client-request-id-1",
            "return-client-request-id": "true",
            "ocp-date": "Tue, 02 Jan 2024 03:04:05 GMT",
            "Content-Type": "application/json; odata=minimalmetadata",
        },
        body={
            "value": [
                {
                    "id": "id-1",
                    "displayName": "displayName-1",
                    "commandLine": "commandLine-1",
                    "containerSettings": {
                        "containerRunOptions": "containerRunOptions-1",
                        "imageName": "imageName-1",
                        "registry": {},
                        "workingDirectory": "taskWorkingDirectory",
                        "containerHostBatchBindMounts": [{}],
                    },
                    "exitConditions": {
                        "exitCodes": [{"code": 3, "exitOptions": {}}],
                        "exitCodeRanges": [{"start": 3, "end": 3, "exitOptions": {}}],
                        "preProcessingError": {},
                        "fileUploadError": {},
                        "default": {},
                    },
                    "resourceFiles": [{}],
                    "outputFiles": [
                        {
                            "filePattern": "filePattern-1",
                            "destination": {},
                            "uploadOptions": {"uploadCondition": "tasksuccess"},
                        }
                    ],
                    "environmentSettings": [{"name": "name-1"}],
                    "affinityInfo": {"affinityId": "affinityId-1"},
                    "constraints": {
                        "maxWallClockTime": "P1DT2H",
                        "retentionTime": "P1DT2H",
                        "maxTaskRetryCount": 3,
                    },
                    "requiredSlots": 3,
                    "userIdentity": {"username": "userName-1", "autoUser": {}},
                    "multiInstanceSettings": {
                        "numberOfInstances": 3,
                        "coordinationCommandLine": "coordinationCommandLine-1",
                        "commonResourceFiles": [{}],
                    },
                    "dependsOn": {
                        "taskIds": ["taskIds-1"],
                        "taskIdRanges": [{"start": 3, "end": 3}],
                    },
                    "applicationPackageReferences": [{"applicationId": "applicationId-1"}],
                    "authenticationTokenSettings": {"access": ["job"]},
                }
            ]
        },
    )


@CLIENTS
async def test_task_add_collection_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_add_collection",
        {
            "job_id": "jobId-1",
            "task_collection": TaskAddCollectionParameter(
                value=[TaskAddParameter(id="id-1", command_line="commandLine-1")]
            ),
        },
        response(
            200,
            {},
            {
                "value": [
                    {
                        "status": "success",
                        "taskId": "taskId-1",
                        "eTag": "eTag-1",
                        "lastModified": "2024-01-02T03:04:05.000Z",
                        "location": "location-1",
                        "error": {"code": "code-1", "message": {}, "values": [{}]},
                    }
                ]
            },
        ),
    )
    check_request(
        sent[0],
        method="POST",
        path="/jobs/jobId-1/addtaskcollection",
        query={"api-version": "2024-07-01.20.0"},
        headers={"Content-Type": "application/json; odata=minimalmetadata"},
        body={"value": [{"id": "id-1", "commandLine": "commandLine-1"}]},
    )


@CLIENTS
async def test_task_add_collection_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "job_id": "jobId-1",
        "task_collection": TaskAddCollectionParameter(
            value=[TaskAddParameter(id="id-1", command_line="commandLine-1")]
        ),
    }
    kwargs["job_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "task_add_collection",
        kwargs,
        response(
            200,
            {},
            {
                "value": [
                    {
                        "status": "success",
                        "taskId": "taskId-1",
                        "eTag": "eTag-1",
                        "lastModified": "2024-01-02T03:04:05.000Z",
                        "location": "location-1",
                        "error": {"code": "code-1", "message": {}, "values": [{}]},
                    }
                ]
            },
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_task_add_collection_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "task_add_collection",
        {
            "job_id": "jobId-1",
            "task_collection": TaskAddCollectionParameter(
                value=[TaskAddParameter(id="id-1", command_line="commandLine-1")]
            ),
        },
        response(
            200,
            {},
            {
                "value": [
                    {
                        "status": "success",
                        "taskId": "taskId-1",
                        "eTag": "eTag-1",
                        "lastModified": "2024-01-02T03:04:05.000Z",
                        "location": "location-1",
                        "error": {"code": "code-1", "message": {}, "values": [{}]},
                    }
                ]
            },
        ),
    )
    assert result.value == [
        TaskAddResult(
            status=TaskAddStatus.SUCCESS,
            task_id="taskId-1",
            e_tag="eTag-1",
            last_modified=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            location="location-1",
            error=BatchErrorBody(
                code="code-1", message=ErrorMessage(), values=[BatchErrorDetail()]
            ),
        )
    ]
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 200


@CLIENTS
async def test_task_add_collection_raises_batch_error(asynchronous: bool) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_add_collection",
            {
                "job_id": "jobId-1",
                "task_collection": TaskAddCollectionParameter(
                    value=[TaskAddParameter(id="id-1", command_line="commandLine-1")]
                ),
            },
            response(
                418,
                {},
                {
                    "code": "code-1",
                    "message": {"lang": "lang-1", "value": "value-1"},
                    "values": [{"key": "key-1", "value": "value-1"}],
                },
            ),
        )
    error = caught.value
    assert isinstance(error, BatchServiceError)
    assert error.status_code == 418
    assert error.code == "code-1"
    assert error.message == "value-1"
    assert error.error_message == ErrorMessage(lang="lang-1", value="value-1")
    assert error.values == [BatchErrorDetail(key="key-1", value="value-1")]


@CLIENTS
async def test_task_add_collection_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(BatchServiceError) as caught:
        await invoke(
            asynchronous,
            "task_add_collection",
            {
                "job_id": "jobId-1",
                "task_collection": TaskAddCollectionParameter(
                    value=[TaskAddParameter(id="id-1", command_line="commandLine-1")]
                ),
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is BatchError
    assert caught.value.status_code == 502
    assert caught.value.code is None  # the body names no code


@CLIENTS
async def test_task_get_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_get",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
            "select": "$select-1",
            "expand": "$expand-1",
            "timeout": 3,
            "client_request_id": "client-request-id-1",
            "return_client_request_id": True,
            "ocp_date": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_match": "If-Match-1",
            "if_none_match": "If-None-Match-1",
            "if_modified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_unmodified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        },
        response(
            200,
            {},
            {
                "id": "id-1",
                "displayName": "displayName-1",
                "url": "url-1",
                "eTag": "eTag-1",
                "lastModified": "2024-01-02T03:04:05.000Z",
                "creationTime": "2024-01-02T03:04:05.000Z",
                "exitConditions": {
                    "exitCodes": [{"code": 3, "exitOptions": {}}],
                    "exitCodeRanges": [{"start": 3, "end": 3, "exitOptions": {}}],
                    "preProcessingError": {"jobAction": "none", "dependencyAction": "satisfy"},
                    "fileUploadError": {"jobAction": "none", "dependencyAction": "satisfy"},
                    "default": {"jobAction": "none", "dependencyAction": "satisfy"},
                },
                "state": "active",
                "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                "previousState": "active",
                "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                "commandLine": "commandLine-1",
                "containerSettings": {
                    "containerRunOptions": "containerRunOptions-1",
                    "imageName": "imageName-1",
                    "registry": {
                        "username": "userName-1",
                        "password": "password-1",
                        "registryServer": "registryServer-1",
                        "identityReference": {"resourceId": "resourceId-1"},
                    },
                    "workingDirectory": "taskWorkingDirectory",
                    "containerHostBatchBindMounts": [{"source": "Shared", "isReadOnly": True}],
                },
                "resourceFiles": [
                    {
                        "autoStorageContainerName": "autoStorageContainerName-1",
                        "storageContainerUrl": "storageContainerUrl-1",
                        "httpUrl": "httpUrl-1",
                        "blobPrefix": "blobPrefix-1",
                        "filePath": "filePath-1",
                        "fileMode": "fileMode-1",
                        "identityReference": {"resourceId": "resourceId-1"},
                    }
                ],
                "outputFiles": [
                    {
                        "filePattern": "filePattern-1",
                        "destination": {"container": {"containerUrl": "containerUrl-1"}},
                        "uploadOptions": {"uploadCondition": "tasksuccess"},
                    }
                ],
                "environmentSettings": [{"name": "name-1", "value": "value-1"}],
                "affinityInfo": {"affinityId": "affinityId-1"},
                "constraints": {
                    "maxWallClockTime": "P1DT2H",
                    "retentionTime": "P1DT2H",
                    "maxTaskRetryCount": 3,
                },
                "requiredSlots": 3,
                "userIdentity": {
                    "username": "userName-1",
                    "autoUser": {"scope": "task", "elevationLevel": "nonadmin"},
                },
                "executionInfo": {
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "endTime": "2024-01-02T03:04:05.000Z",
                    "exitCode": 3,
                    "containerInfo": {
                        "containerId": "containerId-1",
                        "state": "state-1",
                        "error": "error-1",
                    },
                    "failureInfo": {
                        "category": "usererror",
                        "code": "code-1",
                        "message": "message-1",
                        "details": [{}],
                    },
                    "retryCount": 3,
                    "lastRetryTime": "2024-01-02T03:04:05.000Z",
                    "requeueCount": 3,
                    "lastRequeueTime": "2024-01-02T03:04:05.000Z",
                    "result": "success",
                },
                "nodeInfo": {
                    "affinityId": "affinityId-1",
                    "nodeUrl": "nodeUrl-1",
                    "poolId": "poolId-1",
                    "nodeId": "nodeId-1",
                    "taskRootDirectory": "taskRootDirectory-1",
                    "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                },
                "multiInstanceSettings": {
                    "numberOfInstances": 3,
                    "coordinationCommandLine": "coordinationCommandLine-1",
                    "commonResourceFiles": [
                        {
                            "autoStorageContainerName": "autoStorageContainerName-1",
                            "storageContainerUrl": "storageContainerUrl-1",
                            "httpUrl": "httpUrl-1",
                            "blobPrefix": "blobPrefix-1",
                            "filePath": "filePath-1",
                            "fileMode": "fileMode-1",
                            "identityReference": {},
                        }
                    ],
                },
                "stats": {
                    "url": "url-1",
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "lastUpdateTime": "2024-01-02T03:04:05.000Z",
                    "userCPUTime": "P1DT2H",
                    "kernelCPUTime": "P1DT2H",
                    "wallClockTime": "P1DT2H",
                    "readIOps": 1099511627783,
                    "writeIOps": 1099511627783,
                    "readIOGiB": 2.5,
                    "writeIOGiB": 2.5,
                    "waitTime": "P1DT2H",
                },
                "dependsOn": {"taskIds": ["taskIds-1"], "taskIdRanges": [{"start": 3, "end": 3}]},
                "applicationPackageReferences": [
                    {"applicationId": "applicationId-1", "version": "version-1"}
                ],
                "authenticationTokenSettings": {"access": ["job"]},
            },
        ),
    )
    check_request(
        sent[0],
        method="GET",
        path="/jobs/jobId-1/tasks/taskId-1",
        query={
            "api-version": "2024-07-01.20.0",
            "$select": "$select-1",
            "$expand": "$expand-1",
            "timeout": "3",
        },
        headers={
            "client-request-id": "client-request-id-1",
            "return-client-request-id": "true",
            "ocp-date": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Match": "If-Match-1",
            "If-None-Match": "If-None-Match-1",
            "If-Modified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Unmodified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
        },
        body=None,
    )


@CLIENTS
async def test_task_get_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_get",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            200,
            {},
            {
                "id": "id-1",
                "displayName": "displayName-1",
                "url": "url-1",
                "eTag": "eTag-1",
                "lastModified": "2024-01-02T03:04:05.000Z",
                "creationTime": "2024-01-02T03:04:05.000Z",
                "exitConditions": {
                    "exitCodes": [{"code": 3, "exitOptions": {}}],
                    "exitCodeRanges": [{"start": 3, "end": 3, "exitOptions": {}}],
                    "preProcessingError": {"jobAction": "none", "dependencyAction": "satisfy"},
                    "fileUploadError": {"jobAction": "none", "dependencyAction": "satisfy"},
                    "default": {"jobAction": "none", "dependencyAction": "satisfy"},
                },
                "state": "active",
                "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                "previousState": "active",
                "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                "commandLine": "commandLine-1",
                "containerSettings": {
                    "containerRunOptions": "containerRunOptions-1",
                    "imageName": "imageName-1",
                    "registry": {
                        "username": "userName-1",
                        "password": "password-1",
                        "registryServer": "registryServer-1",
                        "identityReference": {"resourceId": "resourceId-1"},
                    },
                    "workingDirectory": "taskWorkingDirectory",
                    "containerHostBatchBindMounts": [{"source": "Shared", "isReadOnly": True}],
                },
                "resourceFiles": [
                    {
                        "autoStorageContainerName": "autoStorageContainerName-1",
                        "storageContainerUrl": "storageContainerUrl-1",
                        "httpUrl": "httpUrl-1",
                        "blobPrefix": "blobPrefix-1",
                        "filePath": "filePath-1",
                        "fileMode": "fileMode-1",
                        "identityReference": {"resourceId": "resourceId-1"},
                    }
                ],
                "outputFiles": [
                    {
                        "filePattern": "filePattern-1",
                        "destination": {"container": {"containerUrl": "containerUrl-1"}},
                        "uploadOptions": {"uploadCondition": "tasksuccess"},
                    }
                ],
                "environmentSettings": [{"name": "name-1", "value": "value-1"}],
                "affinityInfo": {"affinityId": "affinityId-1"},
                "constraints": {
                    "maxWallClockTime": "P1DT2H",
                    "retentionTime": "P1DT2H",
                    "maxTaskRetryCount": 3,
                },
                "requiredSlots": 3,
                "userIdentity": {
                    "username": "userName-1",
                    "autoUser": {"scope": "task", "elevationLevel": "nonadmin"},
                },
                "executionInfo": {
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "endTime": "2024-01-02T03:04:05.000Z",
                    "exitCode": 3,
                    "containerInfo": {
                        "containerId": "containerId-1",
                        "state": "state-1",
                        "error": "error-1",
                    },
                    "failureInfo": {
                        "category": "usererror",
                        "code": "code-1",
                        "message": "message-1",
                        "details": [{}],
                    },
                    "retryCount": 3,
                    "lastRetryTime": "2024-01-02T03:04:05.000Z",
                    "requeueCount": 3,
                    "lastRequeueTime": "2024-01-02T03:04:05.000Z",
                    "result": "success",
                },
                "nodeInfo": {
                    "affinityId": "affinityId-1",
                    "nodeUrl": "nodeUrl-1",
                    "poolId": "poolId-1",
                    "nodeId": "nodeId-1",
                    "taskRootDirectory": "taskRootDirectory-1",
                    "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                },
                "multiInstanceSettings": {
                    "numberOfInstances": 3,
                    "coordinationCommandLine": "coordinationCommandLine-1",
                    "commonResourceFiles": [
                        {
                            "autoStorageContainerName": "autoStorageContainerName-1",
                            "storageContainerUrl": "storageContainerUrl-1",
                            "httpUrl": "httpUrl-1",
                            "blobPrefix": "blobPrefix-1",
                            "filePath": "filePath-1",
                            "fileMode": "fileMode-1",
                            "identityReference": {},
                        }
                    ],
                },
                "stats": {
                    "url": "url-1",
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "lastUpdateTime": "2024-01-02T03:04:05.000Z",
                    "userCPUTime": "P1DT2H",
                    "kernelCPUTime": "P1DT2H",
                    "wallClockTime": "P1DT2H",
                    "readIOps": 1099511627783,
                    "writeIOps": 1099511627783,
                    "readIOGiB": 2.5,
                    "writeIOGiB": 2.5,
                    "waitTime": "P1DT2H",
                },
                "dependsOn": {"taskIds": ["taskIds-1"], "taskIdRanges": [{"start": 3, "end": 3}]},
                "applicationPackageReferences": [
                    {"applicationId": "applicationId-1", "version": "version-1"}
                ],
                "authenticationTokenSettings": {"access": ["job"]},
            },
        ),
    )
    check_request(
        sent[0],
        method="GET",
        path="/jobs/jobId-1/tasks/taskId-1",
        query={"api-version": "2024-07-01.20.0"},
        headers={},
        body=None,
    )


@CLIENTS
async def test_task_get_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "job_id": "jobId-1",
        "task_id": "taskId-1",
    }
    kwargs["job_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "task_get",
        kwargs,
        response(
            200,
            {},
            {
                "id": "id-1",
                "displayName": "displayName-1",
                "url": "url-1",
                "eTag": "eTag-1",
                "lastModified": "2024-01-02T03:04:05.000Z",
                "creationTime": "2024-01-02T03:04:05.000Z",
                "exitConditions": {
                    "exitCodes": [{"code": 3, "exitOptions": {}}],
                    "exitCodeRanges": [{"start": 3, "end": 3, "exitOptions": {}}],
                    "preProcessingError": {"jobAction": "none", "dependencyAction": "satisfy"},
                    "fileUploadError": {"jobAction": "none", "dependencyAction": "satisfy"},
                    "default": {"jobAction": "none", "dependencyAction": "satisfy"},
                },
                "state": "active",
                "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                "previousState": "active",
                "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                "commandLine": "commandLine-1",
                "containerSettings": {
                    "containerRunOptions": "containerRunOptions-1",
                    "imageName": "imageName-1",
                    "registry": {
                        "username": "userName-1",
                        "password": "password-1",
                        "registryServer": "registryServer-1",
                        "identityReference": {"resourceId": "resourceId-1"},
                    },
                    "workingDirectory": "taskWorkingDirectory",
                    "containerHostBatchBindMounts": [{"source": "Shared", "isReadOnly": True}],
                },
                "resourceFiles": [
                    {
                        "autoStorageContainerName": "autoStorageContainerName-1",
                        "storageContainerUrl": "storageContainerUrl-1",
                        "httpUrl": "httpUrl-1",
                        "blobPrefix": "blobPrefix-1",
                        "filePath": "filePath-1",
                        "fileMode": "fileMode-1",
                        "identityReference": {"resourceId": "resourceId-1"},
                    }
                ],
                "outputFiles": [
                    {
                        "filePattern": "filePattern-1",
                        "destination": {"container": {"containerUrl": "containerUrl-1"}},
                        "uploadOptions": {"uploadCondition": "tasksuccess"},
                    }
                ],
                "environmentSettings": [{"name": "name-1", "value": "value-1"}],
                "affinityInfo": {"affinityId": "affinityId-1"},
                "constraints": {
                    "maxWallClockTime": "P1DT2H",
                    "retentionTime": "P1DT2H",
                    "maxTaskRetryCount": 3,
                },
                "requiredSlots": 3,
                "userIdentity": {
                    "username": "userName-1",
                    "autoUser": {"scope": "task", "elevationLevel": "nonadmin"},
                },
                "executionInfo": {
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "endTime": "2024-01-02T03:04:05.000Z",
                    "exitCode": 3,
                    "containerInfo": {
                        "containerId": "containerId-1",
                        "state": "state-1",
                        "error": "error-1",
                    },
                    "failureInfo": {
                        "category": "usererror",
                        "code": "code-1",
                        "message": "message-1",
                        "details": [{}],
                    },
                    "retryCount": 3,
                    "lastRetryTime": "2024-01-02T03:04:05.000Z",
                    "requeueCount": 3,
                    "lastRequeueTime": "2024-01-02T03:04:05.000Z",
                    "result": "success",
                },
                "nodeInfo": {
                    "affinityId": "affinityId-1",
                    "nodeUrl": "nodeUrl-1",
                    "poolId": "poolId-1",
                    "nodeId": "nodeId-1",
                    "taskRootDirectory": "taskRootDirectory-1",
                    "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                },
                "multiInstanceSettings": {
                    "numberOfInstances": 3,
                    "coordinationCommandLine": "coordinationCommandLine-1",
                    "commonResourceFiles": [
                        {
                            "autoStorageContainerName": "autoStorageContainerName-1",
                            "storageContainerUrl": "storageContainerUrl-1",
                            "httpUrl": "httpUrl-1",
                            "blobPrefix": "blobPrefix-1",
                            "filePath": "filePath-1",
                            "fileMode": "fileMode-1",
                            "identityReference": {},
                        }
                    ],
                },
                "stats": {
                    "url": "url-1",
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "lastUpdateTime": "2024-01-02T03:04:05.000Z",
                    "userCPUTime": "P1DT2H",
                    "kernelCPUTime": "P1DT2H",
                    "wallClockTime": "P1DT2H",
                    "readIOps": 1099511627783,
                    "writeIOps": 1099511627783,
                    "readIOGiB": 2.5,
                    "writeIOGiB": 2.5,
                    "waitTime": "P1DT2H",
                },
                "dependsOn": {"taskIds": ["taskIds-1"], "taskIdRanges": [{"start": 3, "end": 3}]},
                "applicationPackageReferences": [
                    {"applicationId": "applicationId-1", "version": "version-1"}
                ],
                "authenticationTokenSettings": {"access": ["job"]},
            },
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_task_get_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "task_get",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            200,
            {},
            {
                "id": "id-1",
                "displayName": "displayName-1",
                "url": "url-1",
                "eTag": "eTag-1",
                "lastModified": "2024-01-02T03:04:05.000Z",
                "creationTime": "2024-01-02T03:04:05.000Z",
                "exitConditions": {
                    "exitCodes": [{"code": 3, "exitOptions": {}}],
                    "exitCodeRanges": [{"start": 3, "end": 3, "exitOptions": {}}],
                    "preProcessingError": {"jobAction": "none", "dependencyAction": "satisfy"},
                    "fileUploadError": {"jobAction": "none", "dependencyAction": "satisfy"},
                    "default": {"jobAction": "none", "dependencyAction": "satisfy"},
                },
                "state": "active",
                "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                "previousState": "active",
                "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                "commandLine": "commandLine-1",
                "containerSettings": {
                    "containerRunOptions": "containerRunOptions-1",
                    "imageName": "imageName-1",
                    "registry": {
                        "username": "userName-1",
                        "password": "password-1",
                        "registryServer": "registryServer-1",
                        "identityReference": {"resourceId": "resourceId-1"},
                    },
                    "workingDirectory": "taskWorkingDirectory",
                    "containerHostBatchBindMounts": [{"source": "Shared", "isReadOnly": True}],
                },
                "resourceFiles": [
                    {
                        "autoStorageContainerName": "autoStorageContainerName-1",
                        "storageContainerUrl": "storageContainerUrl-1",
                        "httpUrl": "httpUrl-1",
                        "blobPrefix": "blobPrefix-1",
                        "filePath": "filePath-1",
                        "fileMode": "fileMode-1",
                        "identityReference": {"resourceId": "resourceId-1"},
                    }
                ],
                "outputFiles": [
                    {
                        "filePattern": "filePattern-1",
                        "destination": {"container": {"containerUrl": "containerUrl-1"}},
                        "uploadOptions": {"uploadCondition": "tasksuccess"},
                    }
                ],
                "environmentSettings": [{"name": "name-1", "value": "value-1"}],
                "affinityInfo": {"affinityId": "affinityId-1"},
                "constraints": {
                    "maxWallClockTime": "P1DT2H",
                    "retentionTime": "P1DT2H",
                    "maxTaskRetryCount": 3,
                },
                "requiredSlots": 3,
                "userIdentity": {
                    "username": "userName-1",
                    "autoUser": {"scope": "task", "elevationLevel": "nonadmin"},
                },
                "executionInfo": {
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "endTime": "2024-01-02T03:04:05.000Z",
                    "exitCode": 3,
                    "containerInfo": {
                        "containerId": "containerId-1",
                        "state": "state-1",
                        "error": "error-1",
                    },
                    "failureInfo": {
                        "category": "usererror",
                        "code": "code-1",
                        "message": "message-1",
                        "details": [{}],
                    },
                    "retryCount": 3,
                    "lastRetryTime": "2024-01-02T03:04:05.000Z",
                    "requeueCount": 3,
                    "lastRequeueTime": "2024-01-02T03:04:05.000Z",
                    "result": "success",
                },
                "nodeInfo": {
                    "affinityId": "affinityId-1",
                    "nodeUrl": "nodeUrl-1",
                    "poolId": "poolId-1",
                    "nodeId": "nodeId-1",
                    "taskRootDirectory": "taskRootDirectory-1",
                    "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                },
                "multiInstanceSettings": {
                    "numberOfInstances": 3,
                    "coordinationCommandLine": "coordinationCommandLine-1",
                    "commonResourceFiles": [
                        {
                            "autoStorageContainerName": "autoStorageContainerName-1",
                            "storageContainerUrl": "storageContainerUrl-1",
                            "httpUrl": "httpUrl-1",
                            "blobPrefix": "blobPrefix-1",
                            "filePath": "filePath-1",
                            "fileMode": "fileMode-1",
                            "identityReference": {},
                        }
                    ],
                },
                "stats": {
                    "url": "url-1",
                    "startTime": "2024-01-02T03:04:05.000Z",
                    "lastUpdateTime": "2024-01-02T03:04:05.000Z",
                    "userCPUTime": "P1DT2H",
                    "kernelCPUTime": "P1DT2H",
                    "wallClockTime": "P1DT2H",
                    "readIOps": 1099511627783,
                    "writeIOps": 1099511627783,
                    "readIOGiB": 2.5,
                    "writeIOGiB": 2.5,
                    "waitTime": "P1DT2H",
                },
                "dependsOn": {"taskIds": ["taskIds-1"], "taskIdRanges": [{"start": 3, "end": 3}]},
                "applicationPackageReferences": [
                    {"applicationId": "applicationId-1", "version": "version-1"}
                ],
                "authenticationTokenSettings": {"access": ["job"]},
            },
        ),
    )
    assert result.id == "id-1"
    assert result.display_name == "displayName-1"
    assert result.url == "url-1"
    assert result.e_tag == "eTag-1"
    assert result.last_modified == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.creation_time == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.exit_conditions == ExitConditions(
        exit_codes=[ExitCodeMapping(code=3, exit_options=ExitOptions())],
        exit_code_ranges=[ExitCodeRangeMapping(start=3, end=3, exit_options=ExitOptions())],
        pre_processing_error=ExitOptions(
            job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
        ),
        file_upload_error=ExitOptions(
            job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
        ),
        default=ExitOptions(job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY),
    )
    assert result.state == TaskState.ACTIVE
    assert result.state_transition_time == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.previous_state == TaskState.ACTIVE
    assert result.previous_state_transition_time == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.command_line == "commandLine-1"
    assert result.container_settings == TaskContainerSettings(
        container_run_options="containerRunOptions-1",
        image_name="imageName-1",
        registry=ContainerRegistry(
            user_name="userName-1",
            password="password-1",
            registry_server="registryServer-1",
            identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
        ),
        working_directory=ContainerWorkingDirectory.TASK_WORKING_DIRECTORY,
        container_host_batch_bind_mounts=[
            ContainerHostBatchBindMountEntry(source=ContainerHostDataPath.SHARED, is_read_only=True)
        ],
    )
    assert result.resource_files == [
        ResourceFile(
            auto_storage_container_name="autoStorageContainerName-1",
            storage_container_url="storageContainerUrl-1",
            http_url="httpUrl-1",
            blob_prefix="blobPrefix-1",
            file_path="filePath-1",
            file_mode="fileMode-1",
            identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
        )
    ]
    assert result.output_files == [
        OutputFile(
            file_pattern="filePattern-1",
            destination=OutputFileDestination(
                container=OutputFileBlobContainerDestination(container_url="containerUrl-1")
            ),
            upload_options=OutputFileUploadOptions(
                upload_condition=OutputFileUploadCondition.TASK_SUCCESS
            ),
        )
    ]
    assert result.environment_settings == [EnvironmentSetting(name="name-1", value="value-1")]
    assert result.affinity_info == AffinityInformation(affinity_id="affinityId-1")
    assert result.constraints == TaskConstraints(
        max_wall_clock_time=timedelta(days=1, hours=2),
        retention_time=timedelta(days=1, hours=2),
        max_task_retry_count=3,
    )
    assert result.required_slots == 3
    assert result.user_identity == UserIdentity(
        user_name="userName-1",
        auto_user=AutoUserSpecification(
            scope=AutoUserScope.TASK, elevation_level=ElevationLevel.NON_ADMIN
        ),
    )
    assert result.execution_info == TaskExecutionInformation(
        start_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        end_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        exit_code=3,
        container_info=TaskContainerExecutionInformation(
            container_id="containerId-1", state="state-1", error="error-1"
        ),
        failure_info=TaskFailureInformation(
            category=ErrorCategory.USER_ERROR,
            code="code-1",
            message="message-1",
            details=[NameValuePair()],
        ),
        retry_count=3,
        last_retry_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        requeue_count=3,
        last_requeue_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        result=TaskExecutionResult.SUCCESS,
    )
    assert result.node_info == ComputeNodeInformation(
        affinity_id="affinityId-1",
        node_url="nodeUrl-1",
        pool_id="poolId-1",
        node_id="nodeId-1",
        task_root_directory="taskRootDirectory-1",
        task_root_directory_url="taskRootDirectoryUrl-1",
    )
    assert result.multi_instance_settings == MultiInstanceSettings(
        number_of_instances=3,
        coordination_command_line="coordinationCommandLine-1",
        common_resource_files=[
            ResourceFile(
                auto_storage_container_name="autoStorageContainerName-1",
                storage_container_url="storageContainerUrl-1",
                http_url="httpUrl-1",
                blob_prefix="blobPrefix-1",
                file_path="filePath-1",
                file_mode="fileMode-1",
                identity_reference=ComputeNodeIdentityReference(),
            )
        ],
    )
    assert result.stats == TaskStatistics(
        url="url-1",
        start_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        last_update_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        user_cpu_time=timedelta(days=1, hours=2),
        kernel_cpu_time=timedelta(days=1, hours=2),
        wall_clock_time=timedelta(days=1, hours=2),
        read_iops=1099511627783,
        write_iops=1099511627783,
        read_io_gi_b=2.5,
        write_io_gi_b=2.5,
        wait_time=timedelta(days=1, hours=2),
    )
    assert result.depends_on == TaskDependencies(
        task_ids=["taskIds-1"], task_id_ranges=[TaskIdRange(start=3, end=3)]
    )
    assert result.application_package_references == [
        ApplicationPackageReference(application_id="applicationId-1", version="version-1")
    ]
    assert result.authentication_token_settings == AuthenticationTokenSettings(
        access=[AccessScope.JOB]
    )
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 200


@CLIENTS
async def test_task_get_raises_batch_error(asynchronous: bool) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_get",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(
                418,
                {},
                {
                    "code": "code-1",
                    "message": {"lang": "lang-1", "value": "value-1"},
                    "values": [{"key": "key-1", "value": "value-1"}],
                },
            ),
        )
    error = caught.value
    assert isinstance(error, BatchServiceError)
    assert error.status_code == 418
    assert error.code == "code-1"
    assert error.message == "value-1"
    assert error.error_message == ErrorMessage(lang="lang-1", value="value-1")
    assert error.values == [BatchErrorDetail(key="key-1", value="value-1")]


@CLIENTS
async def test_task_get_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(BatchServiceError) as caught:
        await invoke(
            asynchronous,
            "task_get",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is BatchError
    assert caught.value.status_code == 502
    assert caught.value.code is None  # the body names no code


@CLIENTS
async def test_task_update_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_update",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
            "timeout": 3,
            "client_request_id": "client-request-id-1",
            "return_client_request_id": True,
            "ocp_date": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_match": "If-Match-1",
            "if_none_match": "If-None-Match-1",
            "if_modified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_unmodified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "task_update_parameter": TaskUpdateParameter(
                constraints=TaskConstraints(
                    max_wall_clock_time=timedelta(days=1, hours=2),
                    retention_time=timedelta(days=1, hours=2),
                    max_task_retry_count=3,
                )
            ),
        },
        response(
            200,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    check_request(
        sent[0],
        method="PUT",
        path="/jobs/jobId-1/tasks/taskId-1",
        query={"api-version": "2024-07-01.20.0", "timeout": "3"},
        headers={
            "client-request-id": "client-request-id-1",
            "return-client-request-id": "true",
            "ocp-date": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Match": "If-Match-1",
            "If-None-Match": "If-None-Match-1",
            "If-Modified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Unmodified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
            "Content-Type": "application/json; odata=minimalmetadata",
        },
        body={
            "constraints": {
                "maxWallClockTime": "P1DT2H",
                "retentionTime": "P1DT2H",
                "maxTaskRetryCount": 3,
            }
        },
    )


@CLIENTS
async def test_task_update_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_update",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
            "task_update_parameter": TaskUpdateParameter(),
        },
        response(
            200,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    check_request(
        sent[0],
        method="PUT",
        path="/jobs/jobId-1/tasks/taskId-1",
        query={"api-version": "2024-07-01.20.0"},
        headers={"Content-Type": "application/json; odata=minimalmetadata"},
        body={},
    )


@CLIENTS
async def test_task_update_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "job_id": "jobId-1",
        "task_id": "taskId-1",
        "task_update_parameter": TaskUpdateParameter(),
    }
    kwargs["job_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "task_update",
        kwargs,
        response(
            200,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_task_update_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "task_update",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
            "task_update_parameter": TaskUpdateParameter(),
        },
        response(
            200,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    assert result.client_request_id == "client-request-id-1"
    assert result.request_id == "request-id-1"
    assert result.etag == "ETag-1"
    assert result.last_modified == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.data_service_id == "DataServiceId-1"
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 200


@CLIENTS
async def test_task_update_raises_batch_error(asynchronous: bool) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_update",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
                "task_update_parameter": TaskUpdateParameter(),
            },
            response(
                418,
                {},
                {
                    "code": "code-1",
                    "message": {"lang": "lang-1", "value": "value-1"},
                    "values": [{"key": "key-1", "value": "value-1"}],
                },
            ),
        )
    error = caught.value
    assert isinstance(error, BatchServiceError)
    assert error.status_code == 418
    assert error.code == "code-1"
    assert error.message == "value-1"
    assert error.error_message == ErrorMessage(lang="lang-1", value="value-1")
    assert error.values == [BatchErrorDetail(key="key-1", value="value-1")]


@CLIENTS
async def test_task_update_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(BatchServiceError) as caught:
        await invoke(
            asynchronous,
            "task_update",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
                "task_update_parameter": TaskUpdateParameter(),
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is BatchError
    assert caught.value.status_code == 502
    assert caught.value.code is None  # the body names no code


@CLIENTS
async def test_task_delete_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_delete",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
            "timeout": 3,
            "client_request_id": "client-request-id-1",
            "return_client_request_id": True,
            "ocp_date": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_match": "If-Match-1",
            "if_none_match": "If-None-Match-1",
            "if_modified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_unmodified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        },
        response(
            200, {"client-request-id": "client-request-id-1", "request-id": "request-id-1"}, ""
        ),
    )
    check_request(
        sent[0],
        method="DELETE",
        path="/jobs/jobId-1/tasks/taskId-1",
        query={"api-version": "2024-07-01.20.0", "timeout": "3"},
        headers={
            "client-request-id": "client-request-id-1",
            "return-client-request-id": "true",
            "ocp-date": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Match": "If-Match-1",
            "If-None-Match": "If-None-Match-1",
            "If-Modified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Unmodified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
        },
        body=None,
    )


@CLIENTS
async def test_task_delete_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_delete",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            200, {"client-request-id": "client-request-id-1", "request-id": "request-id-1"}, ""
        ),
    )
    check_request(
        sent[0],
        method="DELETE",
        path="/jobs/jobId-1/tasks/taskId-1",
        query={"api-version": "2024-07-01.20.0"},
        headers={},
        body=None,
    )


@CLIENTS
async def test_task_delete_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "job_id": "jobId-1",
        "task_id": "taskId-1",
    }
    kwargs["job_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "task_delete",
        kwargs,
        response(
            200, {"client-request-id": "client-request-id-1", "request-id": "request-id-1"}, ""
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_task_delete_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "task_delete",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            200, {"client-request-id": "client-request-id-1", "request-id": "request-id-1"}, ""
        ),
    )
    assert result.client_request_id == "client-request-id-1"
    assert result.request_id == "request-id-1"
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 200


@CLIENTS
async def test_task_delete_raises_batch_error(asynchronous: bool) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_delete",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(
                418,
                {},
                {
                    "code": "code-1",
                    "message": {"lang": "lang-1", "value": "value-1"},
                    "values": [{"key": "key-1", "value": "value-1"}],
                },
            ),
        )
    error = caught.value
    assert isinstance(error, BatchServiceError)
    assert error.status_code == 418
    assert error.code == "code-1"
    assert error.message == "value-1"
    assert error.error_message == ErrorMessage(lang="lang-1", value="value-1")
    assert error.values == [BatchErrorDetail(key="key-1", value="value-1")]


@CLIENTS
async def test_task_delete_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(BatchServiceError) as caught:
        await invoke(
            asynchronous,
            "task_delete",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is BatchError
    assert caught.value.status_code == 502
    assert caught.value.code is None  # the body names no code


@CLIENTS
async def test_task_list_subtasks_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_list_subtasks",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
            "select": "$select-1",
            "timeout": 3,
            "client_request_id": "client-request-id-1",
            "return_client_request_id": True,
            "ocp_date": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        },
        response(
            200,
            {},
            {
                "value": [
                    {
                        "id": 3,
                        "nodeInfo": {
                            "affinityId": "affinityId-1",
                            "nodeUrl": "nodeUrl-1",
                            "poolId": "poolId-1",
                            "nodeId": "nodeId-1",
                            "taskRootDirectory": "taskRootDirectory-1",
                            "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                        },
                        "startTime": "2024-01-02T03:04:05.000Z",
                        "endTime": "2024-01-02T03:04:05.000Z",
                        "exitCode": 3,
                        "containerInfo": {
                            "containerId": "containerId-1",
                            "state": "state-1",
                            "error": "error-1",
                        },
                        "failureInfo": {
                            "category": "usererror",
                            "code": "code-1",
                            "message": "message-1",
                            "details": [{}],
                        },
                        "state": "preparing",
                        "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "previousState": "preparing",
                        "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "result": "success",
                    }
                ]
            },
        ),
    )
    check_request(
        sent[0],
        method="GET",
        path="/jobs/jobId-1/tasks/taskId-1/subtasksinfo",
        query={"api-version": "2024-07-01.20.0", "$select": "$select-1", "timeout": "3"},
        headers={
            "client-request-id": "client-request-id-1",
            "return-client-request-id": "true",
            "ocp-date": "Tue, 02 Jan 2024 03:04:05 GMT",
        },
        body=None,
    )


@CLIENTS
async def test_task_list_subtasks_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_list_subtasks",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            200,
            {},
            {
                "value": [
                    {
                        "id": 3,
                        "nodeInfo": {
                            "affinityId": "affinityId-1",
                            "nodeUrl": "nodeUrl-1",
                            "poolId": "poolId-1",
                            "nodeId": "nodeId-1",
                            "taskRootDirectory": "taskRootDirectory-1",
                            "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                        },
                        "startTime": "2024-01-02T03:04:05.000Z",
                        "endTime": "2024-01-02T03:04:05.000Z",
                        "exitCode": 3,
                        "containerInfo": {
                            "containerId": "containerId-1",
                            "state": "state-1",
                            "error": "error-1",
                        },
                        "failureInfo": {
                            "category": "usererror",
                            "code": "code-1",
                            "message": "message-1",
                            "details": [{}],
                        },
                        "state": "preparing",
                        "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "previousState": "preparing",
                        "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "result": "success",
                    }
                ]
            },
        ),
    )
    check_request(
        sent[0],
        method="GET",
        path="/jobs/jobId-1/tasks/taskId-1/subtasksinfo",
        query={"api-version": "2024-07-01.20.0"},
        headers={},
        body=None,
    )


@CLIENTS
async def test_task_list_subtasks_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "job_id": "jobId-1",
        "task_id": "taskId-1",
    }
    kwargs["job_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "task_list_subtasks",
        kwargs,
        response(
            200,
            {},
            {
                "value": [
                    {
                        "id": 3,
                        "nodeInfo": {
                            "affinityId": "affinityId-1",
                            "nodeUrl": "nodeUrl-1",
                            "poolId": "poolId-1",
                            "nodeId": "nodeId-1",
                            "taskRootDirectory": "taskRootDirectory-1",
                            "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                        },
                        "startTime": "2024-01-02T03:04:05.000Z",
                        "endTime": "2024-01-02T03:04:05.000Z",
                        "exitCode": 3,
                        "containerInfo": {
                            "containerId": "containerId-1",
                            "state": "state-1",
                            "error": "error-1",
                        },
                        "failureInfo": {
                            "category": "usererror",
                            "code": "code-1",
                            "message": "message-1",
                            "details": [{}],
                        },
                        "state": "preparing",
                        "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "previousState": "preparing",
                        "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "result": "success",
                    }
                ]
            },
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_task_list_subtasks_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "task_list_subtasks",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            200,
            {},
            {
                "value": [
                    {
                        "id": 3,
                        "nodeInfo": {
                            "affinityId": "affinityId-1",
                            "nodeUrl": "nodeUrl-1",
                            "poolId": "poolId-1",
                            "nodeId": "nodeId-1",
                            "taskRootDirectory": "taskRootDirectory-1",
                            "taskRootDirectoryUrl": "taskRootDirectoryUrl-1",
                        },
                        "startTime": "2024-01-02T03:04:05.000Z",
                        "endTime": "2024-01-02T03:04:05.000Z",
                        "exitCode": 3,
                        "containerInfo": {
                            "containerId": "containerId-1",
                            "state": "state-1",
                            "error": "error-1",
                        },
                        "failureInfo": {
                            "category": "usererror",
                            "code": "code-1",
                            "message": "message-1",
                            "details": [{}],
                        },
                        "state": "preparing",
                        "stateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "previousState": "preparing",
                        "previousStateTransitionTime": "2024-01-02T03:04:05.000Z",
                        "result": "success",
                    }
                ]
            },
        ),
    )
    assert result.value == [
        SubtaskInformation(
            id=3,
            node_info=ComputeNodeInformation(
                affinity_id="affinityId-1",
                node_url="nodeUrl-1",
                pool_id="poolId-1",
                node_id="nodeId-1",
                task_root_directory="taskRootDirectory-1",
                task_root_directory_url="taskRootDirectoryUrl-1",
            ),
            start_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            end_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            exit_code=3,
            container_info=TaskContainerExecutionInformation(
                container_id="containerId-1", state="state-1", error="error-1"
            ),
            failure_info=TaskFailureInformation(
                category=ErrorCategory.USER_ERROR,
                code="code-1",
                message="message-1",
                details=[NameValuePair()],
            ),
            state=SubtaskState.PREPARING,
            state_transition_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            previous_state=SubtaskState.PREPARING,
            previous_state_transition_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            result=TaskExecutionResult.SUCCESS,
        )
    ]
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 200


@CLIENTS
async def test_task_list_subtasks_raises_batch_error(asynchronous: bool) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_list_subtasks",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(
                418,
                {},
                {
                    "code": "code-1",
                    "message": {"lang": "lang-1", "value": "value-1"},
                    "values": [{"key": "key-1", "value": "value-1"}],
                },
            ),
        )
    error = caught.value
    assert isinstance(error, BatchServiceError)
    assert error.status_code == 418
    assert error.code == "code-1"
    assert error.message == "value-1"
    assert error.error_message == ErrorMessage(lang="lang-1", value="value-1")
    assert error.values == [BatchErrorDetail(key="key-1", value="value-1")]


@CLIENTS
async def test_task_list_subtasks_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(BatchServiceError) as caught:
        await invoke(
            asynchronous,
            "task_list_subtasks",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is BatchError
    assert caught.value.status_code == 502
    assert caught.value.code is None  # the body names no code


@CLIENTS
async def test_task_terminate_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_terminate",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
            "timeout": 3,
            "client_request_id": "client-request-id-1",
            "return_client_request_id": True,
            "ocp_date": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_match": "If-Match-1",
            "if_none_match": "If-None-Match-1",
            "if_modified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_unmodified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        },
        response(
            204,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    check_request(
        sent[0],
        method="POST",
        path="/jobs/jobId-1/tasks/taskId-1/terminate",
        query={"api-version": "2024-07-01.20.0", "timeout": "3"},
        headers={
            "client-request-id": "client-request-id-1",
            "return-client-request-id": "true",
            "ocp-date": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Match": "If-Match-1",
            "If-None-Match": "If-None-Match-1",
            "If-Modified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Unmodified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
        },
        body=None,
    )


@CLIENTS
async def test_task_terminate_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_terminate",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            204,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    check_request(
        sent[0],
        method="POST",
        path="/jobs/jobId-1/tasks/taskId-1/terminate",
        query={"api-version": "2024-07-01.20.0"},
        headers={},
        body=None,
    )


@CLIENTS
async def test_task_terminate_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "job_id": "jobId-1",
        "task_id": "taskId-1",
    }
    kwargs["job_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "task_terminate",
        kwargs,
        response(
            204,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_task_terminate_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "task_terminate",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            204,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    assert result.client_request_id == "client-request-id-1"
    assert result.request_id == "request-id-1"
    assert result.etag == "ETag-1"
    assert result.last_modified == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.data_service_id == "DataServiceId-1"
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 204


@CLIENTS
async def test_task_terminate_raises_batch_error(asynchronous: bool) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_terminate",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(
                418,
                {},
                {
                    "code": "code-1",
                    "message": {"lang": "lang-1", "value": "value-1"},
                    "values": [{"key": "key-1", "value": "value-1"}],
                },
            ),
        )
    error = caught.value
    assert isinstance(error, BatchServiceError)
    assert error.status_code == 418
    assert error.code == "code-1"
    assert error.message == "value-1"
    assert error.error_message == ErrorMessage(lang="lang-1", value="value-1")
    assert error.values == [BatchErrorDetail(key="key-1", value="value-1")]


@CLIENTS
async def test_task_terminate_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(BatchServiceError) as caught:
        await invoke(
            asynchronous,
            "task_terminate",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is BatchError
    assert caught.value.status_code == 502
    assert caught.value.code is None  # the body names no code


@CLIENTS
async def test_task_reactivate_sends_full_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_reactivate",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
            "timeout": 3,
            "client_request_id": "client-request-id-1",
            "return_client_request_id": True,
            "ocp_date": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_match": "If-Match-1",
            "if_none_match": "If-None-Match-1",
            "if_modified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "if_unmodified_since": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        },
        response(
            204,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    check_request(
        sent[0],
        method="POST",
        path="/jobs/jobId-1/tasks/taskId-1/reactivate",
        query={"api-version": "2024-07-01.20.0", "timeout": "3"},
        headers={
            "client-request-id": "client-request-id-1",
            "return-client-request-id": "true",
            "ocp-date": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Match": "If-Match-1",
            "If-None-Match": "If-None-Match-1",
            "If-Modified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
            "If-Unmodified-Since": "Tue, 02 Jan 2024 03:04:05 GMT",
        },
        body=None,
    )


@CLIENTS
async def test_task_reactivate_sends_required_request(asynchronous: bool) -> None:
    _, sent = await invoke(
        asynchronous,
        "task_reactivate",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            204,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    check_request(
        sent[0],
        method="POST",
        path="/jobs/jobId-1/tasks/taskId-1/reactivate",
        query={"api-version": "2024-07-01.20.0"},
        headers={},
        body=None,
    )


@CLIENTS
async def test_task_reactivate_percent_encodes_labels(asynchronous: bool) -> None:
    kwargs = {
        "job_id": "jobId-1",
        "task_id": "taskId-1",
    }
    kwargs["job_id"] = "a b/ü+%~"
    _, sent = await invoke(
        asynchronous,
        "task_reactivate",
        kwargs,
        response(
            204,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    assert "a%20b%2F%C3%BC%2B%25~" in sent[0].url
    assert "a b/ü+%~" not in sent[0].url


@CLIENTS
async def test_task_reactivate_parses_response(asynchronous: bool) -> None:
    result, _ = await invoke(
        asynchronous,
        "task_reactivate",
        {
            "job_id": "jobId-1",
            "task_id": "taskId-1",
        },
        response(
            204,
            {
                "client-request-id": "client-request-id-1",
                "request-id": "request-id-1",
                "ETag": "ETag-1",
                "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
                "DataServiceId": "DataServiceId-1",
            },
            "",
        ),
    )
    assert result.client_request_id == "client-request-id-1"
    assert result.request_id == "request-id-1"
    assert result.etag == "ETag-1"
    assert result.last_modified == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.data_service_id == "DataServiceId-1"
    assert result.response_metadata is not None
    assert result.response_metadata.status_code == 204


@CLIENTS
async def test_task_reactivate_raises_batch_error(asynchronous: bool) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_reactivate",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(
                418,
                {},
                {
                    "code": "code-1",
                    "message": {"lang": "lang-1", "value": "value-1"},
                    "values": [{"key": "key-1", "value": "value-1"}],
                },
            ),
        )
    error = caught.value
    assert isinstance(error, BatchServiceError)
    assert error.status_code == 418
    assert error.code == "code-1"
    assert error.message == "value-1"
    assert error.error_message == ErrorMessage(lang="lang-1", value="value-1")
    assert error.values == [BatchErrorDetail(key="key-1", value="value-1")]


@CLIENTS
async def test_task_reactivate_unmodeled_error_is_the_base_class(asynchronous: bool) -> None:
    with pytest.raises(BatchServiceError) as caught:
        await invoke(
            asynchronous,
            "task_reactivate",
            {
                "job_id": "jobId-1",
                "task_id": "taskId-1",
            },
            response(502, {"Content-Type": "text/html"}, "<html><body>Bad gateway</body></html>"),
        )
    assert type(caught.value) is BatchError
    assert caught.value.status_code == 502
    assert caught.value.code is None  # the body names no code


@CLIENTS
@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (401, ClientAuthenticationError),
        (403, ClientAuthenticationError),
        (404, ResourceNotFoundError),
        (409, ResourceExistsError),
        (412, ResourceModifiedError),
        (304, ResourceNotModifiedError),
    ],
)
async def test_error_class_says_the_status(
    asynchronous: bool, status: int, expected: type[BatchError]
) -> None:
    with pytest.raises(BatchError) as caught:
        await invoke(
            asynchronous,
            "task_list",
            {
                "job_id": "jobId-1",
            },
            response(status, {}, ""),
        )
    assert type(caught.value) is expected
    assert caught.value.status_code == status
    assert caught.value.code is None  # an empty body names no code
