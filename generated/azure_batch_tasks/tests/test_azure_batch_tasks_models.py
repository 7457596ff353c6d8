"""Round trips of every model of azure_batch_tasks: from_dict(to_dict(x)) == x, unknowns
kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from azure_batch_tasks import (
    AccessScope,
    AffinityInformation,
    ApplicationPackageReference,
    AuthenticationTokenSettings,
    AutoUserScope,
    AutoUserSpecification,
    BatchErrorBody,
    BatchErrorDetail,
    CloudTask,
    CloudTaskListResult,
    CloudTaskListSubtasksResult,
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
    HttpHeader,
    JobAction,
    MultiInstanceSettings,
    NameValuePair,
    OutputFile,
    OutputFileBlobContainerDestination,
    OutputFileDestination,
    OutputFileUploadCondition,
    OutputFileUploadOptions,
    ResourceFile,
    SubtaskInformation,
    SubtaskState,
    TaskAddCollectionParameter,
    TaskAddCollectionResult,
    TaskAddParameter,
    TaskAddResponse,
    TaskAddResult,
    TaskAddStatus,
    TaskConstraints,
    TaskContainerExecutionInformation,
    TaskContainerSettings,
    TaskDeleteResponse,
    TaskDependencies,
    TaskExecutionInformation,
    TaskExecutionResult,
    TaskFailureInformation,
    TaskIdRange,
    TaskReactivateResponse,
    TaskState,
    TaskStatistics,
    TaskTerminateResponse,
    TaskUpdateParameter,
    TaskUpdateResponse,
    UserIdentity,
)


def test_affinity_information_round_trip() -> None:
    value = AffinityInformation(affinity_id="affinityId-1")
    assert AffinityInformation.from_dict(value.to_dict()) == value


def test_application_package_reference_round_trip() -> None:
    value = ApplicationPackageReference(application_id="applicationId-1", version="version-1")
    assert ApplicationPackageReference.from_dict(value.to_dict()) == value


def test_authentication_token_settings_round_trip() -> None:
    value = AuthenticationTokenSettings(access=[AccessScope.JOB])
    assert AuthenticationTokenSettings.from_dict(value.to_dict()) == value


def test_auto_user_specification_round_trip() -> None:
    value = AutoUserSpecification(
        scope=AutoUserScope.TASK, elevation_level=ElevationLevel.NON_ADMIN
    )
    assert AutoUserSpecification.from_dict(value.to_dict()) == value


def test_batch_error_body_round_trip() -> None:
    value = BatchErrorBody(
        code="code-1",
        message=ErrorMessage(lang="lang-1", value="value-1"),
        values=[BatchErrorDetail(key="key-1", value="value-1")],
    )
    assert BatchErrorBody.from_dict(value.to_dict()) == value


def test_batch_error_detail_round_trip() -> None:
    value = BatchErrorDetail(key="key-1", value="value-1")
    assert BatchErrorDetail.from_dict(value.to_dict()) == value


def test_cloud_task_round_trip() -> None:
    value = CloudTask(
        id="id-1",
        display_name="displayName-1",
        url="url-1",
        e_tag="eTag-1",
        last_modified=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        creation_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        exit_conditions=ExitConditions(
            exit_codes=[ExitCodeMapping(code=3, exit_options=ExitOptions())],
            exit_code_ranges=[ExitCodeRangeMapping(start=3, end=3, exit_options=ExitOptions())],
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
        state=TaskState.ACTIVE,
        state_transition_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        previous_state=TaskState.ACTIVE,
        previous_state_transition_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
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
                    container=OutputFileBlobContainerDestination(container_url="containerUrl-1")
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
        execution_info=TaskExecutionInformation(
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
        ),
        node_info=ComputeNodeInformation(
            affinity_id="affinityId-1",
            node_url="nodeUrl-1",
            pool_id="poolId-1",
            node_id="nodeId-1",
            task_root_directory="taskRootDirectory-1",
            task_root_directory_url="taskRootDirectoryUrl-1",
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
        stats=TaskStatistics(
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
        ),
        depends_on=TaskDependencies(
            task_ids=["taskIds-1"], task_id_ranges=[TaskIdRange(start=3, end=3)]
        ),
        application_package_references=[
            ApplicationPackageReference(application_id="applicationId-1", version="version-1")
        ],
        authentication_token_settings=AuthenticationTokenSettings(access=[AccessScope.JOB]),
    )
    assert CloudTask.from_dict(value.to_dict()) == value


def test_cloud_task_list_result_round_trip() -> None:
    value = CloudTaskListResult(
        value=[
            CloudTask(
                id="id-1",
                display_name="displayName-1",
                url="url-1",
                e_tag="eTag-1",
                last_modified=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
                creation_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
                exit_conditions=ExitConditions(
                    exit_codes=[ExitCodeMapping(code=3, exit_options=ExitOptions())],
                    exit_code_ranges=[
                        ExitCodeRangeMapping(start=3, end=3, exit_options=ExitOptions())
                    ],
                    pre_processing_error=ExitOptions(),
                    file_upload_error=ExitOptions(),
                    default=ExitOptions(),
                ),
                state=TaskState.ACTIVE,
                state_transition_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
                previous_state=TaskState.ACTIVE,
                previous_state_transition_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
                command_line="commandLine-1",
                container_settings=TaskContainerSettings(
                    container_run_options="containerRunOptions-1",
                    image_name="imageName-1",
                    registry=ContainerRegistry(),
                    working_directory=ContainerWorkingDirectory.TASK_WORKING_DIRECTORY,
                    container_host_batch_bind_mounts=[ContainerHostBatchBindMountEntry()],
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
                execution_info=TaskExecutionInformation(
                    start_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
                    end_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
                    exit_code=3,
                    container_info=TaskContainerExecutionInformation(),
                    failure_info=TaskFailureInformation(category=ErrorCategory.USER_ERROR),
                    retry_count=3,
                    last_retry_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
                    requeue_count=3,
                    last_requeue_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
                    result=TaskExecutionResult.SUCCESS,
                ),
                node_info=ComputeNodeInformation(
                    affinity_id="affinityId-1",
                    node_url="nodeUrl-1",
                    pool_id="poolId-1",
                    node_id="nodeId-1",
                    task_root_directory="taskRootDirectory-1",
                    task_root_directory_url="taskRootDirectoryUrl-1",
                ),
                multi_instance_settings=MultiInstanceSettings(
                    number_of_instances=3,
                    coordination_command_line="coordinationCommandLine-1",
                    common_resource_files=[ResourceFile()],
                ),
                stats=TaskStatistics(
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
                ),
                depends_on=TaskDependencies(
                    task_ids=["taskIds-1"], task_id_ranges=[TaskIdRange(start=3, end=3)]
                ),
                application_package_references=[
                    ApplicationPackageReference(application_id="applicationId-1")
                ],
                authentication_token_settings=AuthenticationTokenSettings(access=[AccessScope.JOB]),
            )
        ],
        odata_next_link="odata.nextLink-1",
    )
    assert CloudTaskListResult.from_dict(value.to_dict()) == value


def test_cloud_task_list_subtasks_result_round_trip() -> None:
    value = CloudTaskListSubtasksResult(
        value=[
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
    )
    assert CloudTaskListSubtasksResult.from_dict(value.to_dict()) == value


def test_compute_node_identity_reference_round_trip() -> None:
    value = ComputeNodeIdentityReference(resource_id="resourceId-1")
    assert ComputeNodeIdentityReference.from_dict(value.to_dict()) == value


def test_compute_node_information_round_trip() -> None:
    value = ComputeNodeInformation(
        affinity_id="affinityId-1",
        node_url="nodeUrl-1",
        pool_id="poolId-1",
        node_id="nodeId-1",
        task_root_directory="taskRootDirectory-1",
        task_root_directory_url="taskRootDirectoryUrl-1",
    )
    assert ComputeNodeInformation.from_dict(value.to_dict()) == value


def test_container_host_batch_bind_mount_entry_round_trip() -> None:
    value = ContainerHostBatchBindMountEntry(source=ContainerHostDataPath.SHARED, is_read_only=True)
    assert ContainerHostBatchBindMountEntry.from_dict(value.to_dict()) == value


def test_container_host_data_path_keeps_unknown_values() -> None:
    value = ContainerHostDataPath("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in ContainerHostDataPath)


def test_container_registry_round_trip() -> None:
    value = ContainerRegistry(
        user_name="userName-1",
        password="password-1",
        registry_server="registryServer-1",
        identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
    )
    assert ContainerRegistry.from_dict(value.to_dict()) == value


def test_elevation_level_keeps_unknown_values() -> None:
    value = ElevationLevel("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in ElevationLevel)


def test_environment_setting_round_trip() -> None:
    value = EnvironmentSetting(name="name-1", value="value-1")
    assert EnvironmentSetting.from_dict(value.to_dict()) == value


def test_error_category_keeps_unknown_values() -> None:
    value = ErrorCategory("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in ErrorCategory)


def test_error_message_round_trip() -> None:
    value = ErrorMessage(lang="lang-1", value="value-1")
    assert ErrorMessage.from_dict(value.to_dict()) == value


def test_exit_code_mapping_round_trip() -> None:
    value = ExitCodeMapping(
        code=3,
        exit_options=ExitOptions(
            job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
        ),
    )
    assert ExitCodeMapping.from_dict(value.to_dict()) == value


def test_exit_code_range_mapping_round_trip() -> None:
    value = ExitCodeRangeMapping(
        start=3,
        end=3,
        exit_options=ExitOptions(
            job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
        ),
    )
    assert ExitCodeRangeMapping.from_dict(value.to_dict()) == value


def test_exit_conditions_round_trip() -> None:
    value = ExitConditions(
        exit_codes=[
            ExitCodeMapping(
                code=3,
                exit_options=ExitOptions(
                    job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
                ),
            )
        ],
        exit_code_ranges=[
            ExitCodeRangeMapping(
                start=3,
                end=3,
                exit_options=ExitOptions(
                    job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
                ),
            )
        ],
        pre_processing_error=ExitOptions(
            job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
        ),
        file_upload_error=ExitOptions(
            job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY
        ),
        default=ExitOptions(job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY),
    )
    assert ExitConditions.from_dict(value.to_dict()) == value


def test_exit_options_round_trip() -> None:
    value = ExitOptions(job_action=JobAction.NONE, dependency_action=DependencyAction.SATISFY)
    assert ExitOptions.from_dict(value.to_dict()) == value


def test_http_header_round_trip() -> None:
    value = HttpHeader(name="name-1", value="value-1")
    assert HttpHeader.from_dict(value.to_dict()) == value


def test_multi_instance_settings_round_trip() -> None:
    value = MultiInstanceSettings(
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
                identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
            )
        ],
    )
    assert MultiInstanceSettings.from_dict(value.to_dict()) == value


def test_name_value_pair_round_trip() -> None:
    value = NameValuePair(name="name-1", value="value-1")
    assert NameValuePair.from_dict(value.to_dict()) == value


def test_output_file_round_trip() -> None:
    value = OutputFile(
        file_pattern="filePattern-1",
        destination=OutputFileDestination(
            container=OutputFileBlobContainerDestination(
                path="path-1",
                container_url="containerUrl-1",
                identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
                upload_headers=[HttpHeader(name="name-1")],
            )
        ),
        upload_options=OutputFileUploadOptions(
            upload_condition=OutputFileUploadCondition.TASK_SUCCESS
        ),
    )
    assert OutputFile.from_dict(value.to_dict()) == value


def test_output_file_blob_container_destination_round_trip() -> None:
    value = OutputFileBlobContainerDestination(
        path="path-1",
        container_url="containerUrl-1",
        identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
        upload_headers=[HttpHeader(name="name-1", value="value-1")],
    )
    assert OutputFileBlobContainerDestination.from_dict(value.to_dict()) == value


def test_output_file_destination_round_trip() -> None:
    value = OutputFileDestination(
        container=OutputFileBlobContainerDestination(
            path="path-1",
            container_url="containerUrl-1",
            identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
            upload_headers=[HttpHeader(name="name-1", value="value-1")],
        )
    )
    assert OutputFileDestination.from_dict(value.to_dict()) == value


def test_output_file_upload_condition_keeps_unknown_values() -> None:
    value = OutputFileUploadCondition("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in OutputFileUploadCondition)


def test_output_file_upload_options_round_trip() -> None:
    value = OutputFileUploadOptions(upload_condition=OutputFileUploadCondition.TASK_SUCCESS)
    assert OutputFileUploadOptions.from_dict(value.to_dict()) == value


def test_resource_file_round_trip() -> None:
    value = ResourceFile(
        auto_storage_container_name="autoStorageContainerName-1",
        storage_container_url="storageContainerUrl-1",
        http_url="httpUrl-1",
        blob_prefix="blobPrefix-1",
        file_path="filePath-1",
        file_mode="fileMode-1",
        identity_reference=ComputeNodeIdentityReference(resource_id="resourceId-1"),
    )
    assert ResourceFile.from_dict(value.to_dict()) == value


def test_subtask_information_round_trip() -> None:
    value = SubtaskInformation(
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
            details=[NameValuePair(name="name-1", value="value-1")],
        ),
        state=SubtaskState.PREPARING,
        state_transition_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        previous_state=SubtaskState.PREPARING,
        previous_state_transition_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        result=TaskExecutionResult.SUCCESS,
    )
    assert SubtaskInformation.from_dict(value.to_dict()) == value


def test_subtask_state_keeps_unknown_values() -> None:
    value = SubtaskState("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in SubtaskState)


def test_task_add_collection_parameter_round_trip() -> None:
    value = TaskAddCollectionParameter(
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
                authentication_token_settings=AuthenticationTokenSettings(access=[AccessScope.JOB]),
            )
        ]
    )
    assert TaskAddCollectionParameter.from_dict(value.to_dict()) == value


def test_task_add_collection_result_round_trip() -> None:
    value = TaskAddCollectionResult(
        value=[
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
    )
    assert TaskAddCollectionResult.from_dict(value.to_dict()) == value


def test_task_add_parameter_round_trip() -> None:
    value = TaskAddParameter(
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
            exit_code_ranges=[ExitCodeRangeMapping(start=3, end=3, exit_options=ExitOptions())],
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
                    container=OutputFileBlobContainerDestination(container_url="containerUrl-1")
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
            ApplicationPackageReference(application_id="applicationId-1", version="version-1")
        ],
        authentication_token_settings=AuthenticationTokenSettings(access=[AccessScope.JOB]),
    )
    assert TaskAddParameter.from_dict(value.to_dict()) == value


def test_task_add_result_round_trip() -> None:
    value = TaskAddResult(
        status=TaskAddStatus.SUCCESS,
        task_id="taskId-1",
        e_tag="eTag-1",
        last_modified=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        location="location-1",
        error=BatchErrorBody(
            code="code-1",
            message=ErrorMessage(lang="lang-1", value="value-1"),
            values=[BatchErrorDetail(key="key-1", value="value-1")],
        ),
    )
    assert TaskAddResult.from_dict(value.to_dict()) == value


def test_task_constraints_round_trip() -> None:
    value = TaskConstraints(
        max_wall_clock_time=timedelta(days=1, hours=2),
        retention_time=timedelta(days=1, hours=2),
        max_task_retry_count=3,
    )
    assert TaskConstraints.from_dict(value.to_dict()) == value


def test_task_container_execution_information_round_trip() -> None:
    value = TaskContainerExecutionInformation(
        container_id="containerId-1", state="state-1", error="error-1"
    )
    assert TaskContainerExecutionInformation.from_dict(value.to_dict()) == value


def test_task_container_settings_round_trip() -> None:
    value = TaskContainerSettings(
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
    assert TaskContainerSettings.from_dict(value.to_dict()) == value


def test_task_dependencies_round_trip() -> None:
    value = TaskDependencies(task_ids=["taskIds-1"], task_id_ranges=[TaskIdRange(start=3, end=3)])
    assert TaskDependencies.from_dict(value.to_dict()) == value


def test_task_execution_information_round_trip() -> None:
    value = TaskExecutionInformation(
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
            details=[NameValuePair(name="name-1", value="value-1")],
        ),
        retry_count=3,
        last_retry_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        requeue_count=3,
        last_requeue_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        result=TaskExecutionResult.SUCCESS,
    )
    assert TaskExecutionInformation.from_dict(value.to_dict()) == value


def test_task_execution_result_keeps_unknown_values() -> None:
    value = TaskExecutionResult("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in TaskExecutionResult)


def test_task_failure_information_round_trip() -> None:
    value = TaskFailureInformation(
        category=ErrorCategory.USER_ERROR,
        code="code-1",
        message="message-1",
        details=[NameValuePair(name="name-1", value="value-1")],
    )
    assert TaskFailureInformation.from_dict(value.to_dict()) == value


def test_task_id_range_round_trip() -> None:
    value = TaskIdRange(start=3, end=3)
    assert TaskIdRange.from_dict(value.to_dict()) == value


def test_task_state_keeps_unknown_values() -> None:
    value = TaskState("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in TaskState)


def test_task_statistics_round_trip() -> None:
    value = TaskStatistics(
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
    assert TaskStatistics.from_dict(value.to_dict()) == value


def test_task_update_parameter_round_trip() -> None:
    value = TaskUpdateParameter(
        constraints=TaskConstraints(
            max_wall_clock_time=timedelta(days=1, hours=2),
            retention_time=timedelta(days=1, hours=2),
            max_task_retry_count=3,
        )
    )
    assert TaskUpdateParameter.from_dict(value.to_dict()) == value


def test_user_identity_round_trip() -> None:
    value = UserIdentity(
        user_name="userName-1",
        auto_user=AutoUserSpecification(
            scope=AutoUserScope.TASK, elevation_level=ElevationLevel.NON_ADMIN
        ),
    )
    assert UserIdentity.from_dict(value.to_dict()) == value


def test_access_scope_keeps_unknown_values() -> None:
    value = AccessScope("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in AccessScope)


def test_auto_user_scope_keeps_unknown_values() -> None:
    value = AutoUserScope("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in AutoUserScope)


def test_container_working_directory_keeps_unknown_values() -> None:
    value = ContainerWorkingDirectory("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in ContainerWorkingDirectory)


def test_dependency_action_keeps_unknown_values() -> None:
    value = DependencyAction("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in DependencyAction)


def test_job_action_keeps_unknown_values() -> None:
    value = JobAction("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in JobAction)


def test_task_add_status_keeps_unknown_values() -> None:
    value = TaskAddStatus("SOMETHING_NEW")
    raw: object = value.value
    assert raw == "SOMETHING_NEW"
    assert not value.is_known
    assert all(member.is_known for member in TaskAddStatus)


def test_task_add_response_round_trip() -> None:
    value = TaskAddResponse()
    assert TaskAddResponse.from_dict(value.to_dict()) == value


def test_task_delete_response_round_trip() -> None:
    value = TaskDeleteResponse()
    assert TaskDeleteResponse.from_dict(value.to_dict()) == value


def test_task_reactivate_response_round_trip() -> None:
    value = TaskReactivateResponse()
    assert TaskReactivateResponse.from_dict(value.to_dict()) == value


def test_task_terminate_response_round_trip() -> None:
    value = TaskTerminateResponse()
    assert TaskTerminateResponse.from_dict(value.to_dict()) == value


def test_task_update_response_round_trip() -> None:
    value = TaskUpdateResponse()
    assert TaskUpdateResponse.from_dict(value.to_dict()) == value
