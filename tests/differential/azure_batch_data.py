"""Wire documents for the Azure Batch differential tests: request bodies with every field
azure-batch 14.2.0 knows, and canned service responses in the shapes the service sends (seven
fractional digits on date-times, durations near ``timedelta.max``, int64 and double counters)."""

from __future__ import annotations

import copy
from typing import Any

IDENTITY = {
    "resourceId": "/subscriptions/s/resourceGroups/g/providers/"
    "Microsoft.ManagedIdentity/userAssignedIdentities/id"
}

RESOURCE_FILES = [
    {"autoStorageContainerName": "inputs", "blobPrefix": "data/", "filePath": "in"},
    {
        "storageContainerUrl": "https://st.blob.core.windows.net/c?sv=2024&sig=a%2Bb",
        "filePath": "c",
        "identityReference": IDENTITY,
    },
    {"httpUrl": "https://example.test/a b.txt", "filePath": "a b.txt", "fileMode": "0755"},
]

EXIT_OPTIONS = {"jobAction": "terminate", "dependencyAction": "block"}

#: A TaskAddParameter with every field of API 2024-02-01.19.0 (azure-batch 14.2.0) set.
FULL_TASK: dict[str, Any] = {
    "id": "task-ü 1",
    "displayName": 'Täsk "one" / ✓',
    "commandLine": "/bin/sh -c 'echo $AZ_BATCH_TASK_ID && exit 3'",
    "containerSettings": {
        "containerRunOptions": "--rm --cpus 2",
        "imageName": "mcr.microsoft.com/azure-batch/worker:1.0",
        "registry": {
            "username": "user",
            "password": "p@ss:w/rd",
            "registryServer": "myregistry.azurecr.io",
            "identityReference": IDENTITY,
        },
        "workingDirectory": "containerImageDefault",
    },
    "exitConditions": {
        "exitCodes": [
            {"code": 3, "exitOptions": EXIT_OPTIONS},
            {"code": -1, "exitOptions": {"jobAction": "none"}},
        ],
        "exitCodeRanges": [
            {"start": 10, "end": 20, "exitOptions": {"jobAction": "disable"}},
        ],
        "preProcessingError": {"jobAction": "terminate"},
        "fileUploadError": {"dependencyAction": "satisfy"},
        "default": {"jobAction": "none", "dependencyAction": "satisfy"},
    },
    "resourceFiles": RESOURCE_FILES,
    "outputFiles": [
        {
            "filePattern": "../std*.txt",
            "destination": {
                "container": {
                    "path": "logs/{id}",
                    "containerUrl": "https://st.blob.core.windows.net/out?sig=x",
                    "identityReference": IDENTITY,
                    "uploadHeaders": [
                        {"name": "Content-Type", "value": "text/plain"},
                        {"name": "x-ms-meta-empty"},
                    ],
                }
            },
            "uploadOptions": {"uploadCondition": "taskcompletion"},
        },
        {
            "filePattern": "**/*.bin",
            "destination": {"container": {"containerUrl": "https://st/out2"}},
            "uploadOptions": {"uploadCondition": "taskfailure"},
        },
    ],
    "environmentSettings": [
        {"name": "MODE", "value": "fast"},
        {"name": "EMPTY", "value": ""},
        {"name": "UNSET"},
        {"name": "UNICODE", "value": "ä€😀"},
    ],
    "affinityInfo": {"affinityId": "TVM:tvm-123_1-20240701t120000z"},
    "constraints": {
        "maxWallClockTime": "P1DT2H",
        "retentionTime": "P7D",
        "maxTaskRetryCount": -1,
    },
    "requiredSlots": 2,
    "userIdentity": {"autoUser": {"scope": "pool", "elevationLevel": "admin"}},
    "multiInstanceSettings": {
        "numberOfInstances": 3,
        "coordinationCommandLine": "echo coordinate",
        "commonResourceFiles": [{"httpUrl": "https://example.test/common", "filePath": "c"}],
    },
    "dependsOn": {
        "taskIds": ["a", "b c", "ü"],
        "taskIdRanges": [{"start": 1, "end": 10}, {"start": 20, "end": 20}],
    },
    "applicationPackageReferences": [
        {"applicationId": "blender", "version": "2.8"},
        {"applicationId": "ffmpeg"},
    ],
    "authenticationTokenSettings": {"access": ["job"]},
}

#: Smaller bodies, each stressing one thing.
TASKS: dict[str, dict[str, Any]] = {
    "minimal": {"id": "task-1", "commandLine": "cmd /c echo hello"},
    "full": FULL_TASK,
    "named-user": {
        "id": "t2",
        "commandLine": "whoami",
        "userIdentity": {"username": "batchuser"},
        "constraints": {"maxWallClockTime": "PT0.5S", "retentionTime": "PT0S"},
    },
    "durations": {
        "id": "t3",
        "commandLine": "x",
        "constraints": {
            "maxWallClockTime": "P10675199DT2H48M5.477581S",
            "retentionTime": "PT1M30.000001S",
            "maxTaskRetryCount": 0,
        },
    },
    "task-working-dir": {
        "id": "t4",
        "commandLine": "x",
        "containerSettings": {"imageName": "ubuntu", "workingDirectory": "taskWorkingDirectory"},
        "userIdentity": {"autoUser": {"scope": "task", "elevationLevel": "nonadmin"}},
        "outputFiles": [
            {
                "filePattern": "o",
                "destination": {"container": {"containerUrl": "https://st/o"}},
                "uploadOptions": {"uploadCondition": "tasksuccess"},
            }
        ],
    },
}

UPDATES: dict[str, dict[str, Any]] = {
    "empty": {},
    "constraints": {
        "constraints": {
            "maxWallClockTime": "PT36H",
            "retentionTime": "P1DT0.25S",
            "maxTaskRetryCount": 5,
        }
    },
    "retry-only": {"constraints": {"maxTaskRetryCount": 2}},
}

# -- responses -----------------------------------------------------------------------------------

NODE_INFO = {
    "affinityId": "TVM:tvm-1",
    "nodeUrl": "https://acct.eastus.batch.azure.com/pools/p/nodes/tvm-1",
    "poolId": "p",
    "nodeId": "tvm-1",
    "taskRootDirectory": "workitems/job-1/job-1/task-1",
    "taskRootDirectoryUrl": "https://acct.eastus.batch.azure.com/pools/p/nodes/tvm-1/files/x",
}

CONTAINER_INFO = {"containerId": "c0ffee", "state": "exited", "error": "OOMKilled"}

FAILURE_INFO = {
    "category": "usererror",
    "code": "FailureExitCode",
    "message": "The task exited with an exit code representing a failure",
    "details": [{"name": "Message", "value": "exit 3"}, {"name": "Empty"}],
}


def cloud_task(task_id: str = "task-1", **overrides: Any) -> dict[str, Any]:
    """A CloudTask as the service returns it, with every field of 2024-02-01.19.0 set."""
    task = copy.deepcopy(FULL_TASK)
    task.update(
        {
            "id": task_id,
            "url": f"https://acct.eastus.batch.azure.com/jobs/job-1/tasks/{task_id}",
            "eTag": "0x8DC9A1B2C3D4E5F",
            "lastModified": "2024-07-01T12:00:00.1234567Z",
            "creationTime": "2024-07-01T11:59:59.9999999Z",
            "state": "completed",
            "stateTransitionTime": "2024-07-01T12:10:00Z",
            "previousState": "running",
            "previousStateTransitionTime": "2024-07-01T12:05:00.5+00:00",
            "executionInfo": {
                "startTime": "2024-07-01T12:05:00.0000001Z",
                "endTime": "2024-07-01T12:10:00.123Z",
                "exitCode": 3,
                "containerInfo": CONTAINER_INFO,
                "failureInfo": FAILURE_INFO,
                "retryCount": 2,
                "lastRetryTime": "2024-07-01T12:06:00.000000Z",
                "requeueCount": 1,
                "lastRequeueTime": "2024-07-01T14:07:00+02:00",
                "result": "failure",
            },
            "nodeInfo": NODE_INFO,
            "stats": {
                "url": f"https://acct.eastus.batch.azure.com/jobs/job-1/tasks/{task_id}/stats",
                "startTime": "2024-07-01T12:05:00.1234567Z",
                "lastUpdateTime": "2024-07-01T12:10:00.7654321Z",
                "userCPUTime": "PT1M2.5S",
                "kernelCPUTime": "PT0.0000001S",
                "wallClockTime": "P10675199DT2H48M5.4775807S",
                "readIOps": 9223372036854775807,
                "writeIOps": 0,
                "readIOGiB": 1.7976931348623157e308,
                "writeIOGiB": 0.1,
                "waitTime": "P1DT2H",
            },
        }
    )
    task.update(overrides)
    return copy.deepcopy(task)


SUBTASKS = {
    "value": [
        {
            "id": 1,
            "nodeInfo": NODE_INFO,
            "startTime": "2024-07-01T12:00:00.1234567Z",
            "endTime": "2024-07-01T12:01:00Z",
            "exitCode": 0,
            "containerInfo": CONTAINER_INFO,
            "failureInfo": FAILURE_INFO,
            "state": "completed",
            "stateTransitionTime": "2024-07-01T12:01:00.5Z",
            "previousState": "running",
            "previousStateTransitionTime": "2024-07-01T12:00:00.1Z",
            "result": "success",
        },
        {"id": 2, "state": "preparing"},
        {"id": 3, "state": "migrating", "result": "partial"},  # unknown enum values
    ]
}

ADD_COLLECTION_RESULT = {
    "value": [
        {
            "status": "success",
            "taskId": "t1",
            "eTag": "0x1",
            "lastModified": "2024-07-01T12:00:00.1234567Z",
            "location": "https://acct.eastus.batch.azure.com/jobs/job-1/tasks/t1",
        },
        {
            "status": "clienterror",
            "taskId": "t2",
            "error": {
                "code": "TaskExists",
                "message": {"lang": "en-US", "value": "The specified task already exists."},
                "values": [{"key": "Reason", "value": "duplicate"}, {"key": "Only-key"}],
            },
        },
        {"status": "servererror", "taskId": "t3", "error": {"code": "ServerBusy"}},
        {"status": "throttled", "taskId": "t4"},  # an enum value from a newer service
    ]
}

BATCH_ERROR = {
    "code": "TaskNotFound",
    "message": {
        "lang": "en-US",
        "value": "The specified task does not exist.\nRequestId:8c8d9e6b\nTime:2024-07-01",
    },
    "values": [
        {"key": "Reason", "value": "The task was deleted"},
        {"key": "TaskId", "value": "task+1/ä"},
    ],
}
