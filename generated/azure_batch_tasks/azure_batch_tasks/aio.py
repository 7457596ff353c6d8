"""The asynchronous client of BatchServiceClient."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, Self

from . import _operations
from ._runtime import _wire
from ._runtime._bearer import AsyncBearerTokenPolicy, require_https
from ._runtime._http import AsyncTransport, HttpRequest, HttpResponse
from ._runtime._logging import AttemptLog
from ._runtime._options import UNSET, Unset, check_seconds
from ._runtime._paging import AsyncItemPaged
from ._runtime._retry import RetryPolicy, async_send_with_retries
from ._runtime._sharedkey import SharedKeyCredential, sign_shared_key
from ._runtime._useragent import user_agent
from .models import (
    CloudTask,
    CloudTaskListSubtasksResult,
    TaskAddCollectionParameter,
    TaskAddCollectionResult,
    TaskAddParameter,
    TaskAddResponse,
    TaskDeleteResponse,
    TaskReactivateResponse,
    TaskTerminateResponse,
    TaskUpdateParameter,
    TaskUpdateResponse,
)

__all__ = ["AsyncBatchServiceClient"]

DEFAULT_API_VERSION = "2024-07-01.20.0"
#: Token scopes asked of a get_token credential unless the client is given others
#: (the generator's credential_scopes setting, or the document's oauth2 scope URLs).
DEFAULT_SCOPES: tuple[str, ...] = ("https://batch.core.windows.net//.default",)

DISTRIBUTION = "azure-batch-tasks"
VERSION = "0.1.0"
GENERATOR_VERSION = "0.1.0"
# DEBUG logs one line per attempt (see the README's Logging section).
_LOG = AttemptLog(logging.getLogger("azure_batch_tasks"), _operations.REQUEST_ID_HEADERS)


class AsyncBatchServiceClient:
    """A client for issuing REST requests to the Azure Batch service.

    Every method is a coroutine; use ``async with`` or ``await client.close()``.

    :param endpoint: the service endpoint: The base URL for all Azure Batch service requests..
    :param credential: a :class:`SharedKeyCredential` or any object with ``get_token(*scopes)``
        (the azure-core TokenCredential protocol, sync or async).
    :param api_version: the REST API version sent with every request.
    :param credential_scopes: token scopes (default ``https://batch.core.windows.net//.default``).
    :param enforce_https: refuse to send a bearer token over plain ``http://`` (as azure-core
        does); False only for local testing.
    :param transport: the HTTP transport; default HTTP/1.1 on asyncio streams (AsyncioTransport).
    :param retry_policy: attempts and backoff; default ``RetryPolicy.azure()``.
    :param timeout: seconds one attempt may take: connecting and reading the whole response.
    :param user_agent_extra: appended to the User-Agent
        (``azure-batch-tasks/0.1.0 apismith/0.1.0 Python/<version>``).

    Every method also takes the per-call options ``request_timeout``, ``retry_policy``,
    ``headers``, ``deadline``. One client serves any number of concurrent tasks on its
    event loop.
    """

    def __init__(
        self,
        endpoint: str,
        credential: Any,
        *,
        api_version: str = DEFAULT_API_VERSION,
        credential_scopes: Sequence[str] | None = None,
        enforce_https: bool = True,
        transport: AsyncTransport | None = None,
        retry_policy: RetryPolicy | None = None,
        timeout: float | None = 60.0,
        user_agent_extra: str | None = None,
    ) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.api_version = api_version
        self._shared_key: SharedKeyCredential | None = None
        self._bearer: AsyncBearerTokenPolicy | None = None
        self._enforce_https = enforce_https
        if isinstance(credential, SharedKeyCredential):
            self._shared_key = credential
        elif callable(getattr(credential, "get_token", None)):
            if enforce_https:
                require_https(self.endpoint)  # before any token is fetched
            scopes = tuple(credential_scopes or DEFAULT_SCOPES)
            if not scopes:
                raise TypeError(
                    "pass credential_scopes=[...]: the token scopes of this service "
                    "(e.g. 'https://<resource>/.default')"
                )
            self._bearer = AsyncBearerTokenPolicy(credential, *scopes)
        else:
            raise TypeError(
                "credential must be a SharedKeyCredential or have get_token(*scopes), "
                f"got {type(credential).__name__}"
            )
        if transport is None:
            # Imported here, not when the package is (sync programs never load asyncio).
            from ._runtime._asyncio_http import AsyncioTransport

            transport = AsyncioTransport()
        self._transport = transport
        self._retry = retry_policy or RetryPolicy.azure()
        self._timeout = check_seconds("timeout", timeout)
        self._user_agent = user_agent(DISTRIBUTION, VERSION, GENERATOR_VERSION, user_agent_extra)

    async def close(self) -> None:
        """Release the transport's connections (transports without ``close()`` are fine)."""
        close = getattr(self._transport, "close", None)
        if close is not None:
            await close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _send(
        self,
        request: HttpRequest,
        *,
        idempotent: bool,
        timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> HttpResponse:
        """Sign a fresh copy per attempt (signatures carry the time) and send with retries,
        under the call's options."""
        if not any(k.lower() == "user-agent" for k in request.headers):
            # A User-Agent the spec makes an argument (AutoRest's header.json) is the caller's.
            request.headers["User-Agent"] = self._user_agent
        if headers:
            request.headers.update(headers)
        policy = retry_policy or self._retry
        attempt_timeout = self._timeout if timeout is UNSET else check_seconds("timeout", timeout)

        async def prepare(attempt: int) -> HttpRequest:
            # Per attempt: a token cached by the policy, refreshed if a long retry outlived it.
            fresh = request.copy()
            if self._shared_key is not None:
                return sign_shared_key(fresh, self._shared_key)
            assert self._bearer is not None
            if self._enforce_https:
                require_https(fresh.url)  # a next link may name another URL
            fresh.headers["Authorization"] = f"Bearer {await self._bearer.token()}"
            return fresh

        return await async_send_with_retries(
            self._transport,
            prepare,
            policy,
            timeout=attempt_timeout,
            idempotent=idempotent,
            classify=_operations.error_code,
            deadline=check_seconds("deadline", deadline),
            log=_LOG,
        )

    def task_list(
        self,
        *,
        job_id: str,
        filter: str | None = None,
        select: str | None = None,
        expand: str | None = None,
        maxresults: int | None = None,
        timeout: int | None = None,
        client_request_id: str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime | None = None,
        request_timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> AsyncItemPaged[CloudTask]:
        """Lists all of the Tasks that are associated with the specified Job.

        For multi-instance Tasks, information such as affinityId, executionInfo and
        nodeInfo refer to the primary Task. Use the list subtasks API to retrieve
        information about subtasks.

        Args:
            job_id: The ID of the Job.
            filter: An OData $filter clause. For more information on constructing this
                filter, see
                https://learn.microsoft.com/rest/api/batchservice/odata-filters-in-batch#list-tasks.
            select: An OData $select clause.
            expand: An OData $expand clause.
            maxresults: The maximum number of items to return in the response. A
                maximum of 1000 Tasks can be returned. Service default: 1000.
            timeout: The maximum time that the server can spend processing the
                request, in seconds. The default is 30 seconds. If the value is larger
                than 30, the default will be used instead. Service default: 30.
            client_request_id: The caller-generated request identity, in the form of a
                GUID with no decoration such as curly braces, e.g.
                9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. Generated (uuid4) when omitted; one
                id per call, reused across its retries and pages.
            return_client_request_id: Whether the server should return the
                client-request-id in the response. Service default: False.
            ocp_date: The time the request was issued. Client libraries typically set
                this to the current system clock time; set it explicitly if you are
                calling the REST API directly.
            request_timeout: Seconds one attempt may take, connecting and reading the
                whole response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            An iterator over every CloudTask across pages
            (``.by_page()`` for pages).

        Raises:
            BatchError: a modeled error of this operation.
            BatchServiceError: any other error response.
        """
        if client_request_id is None:
            # The Azure SDKs send one on every request (the spec marks the header
            # x-ms-client-request-id); created here, so the call's retries and pages share it.
            client_request_id = _wire.uuid4_text()
        request = _operations.serialize_task_list(
            self.endpoint,
            self.api_version,
            job_id=job_id,
            filter=filter,
            select=select,
            expand=expand,
            maxresults=maxresults,
            timeout=timeout,
            client_request_id=client_request_id,
            return_client_request_id=return_client_request_id,
            ocp_date=ocp_date,
        )

        async def fetch(next_link: str | None) -> tuple[list[CloudTask], str | None]:
            page_request = request
            if next_link is not None:
                # Follow the service's link as given; the options headers stay the same.
                page_request = HttpRequest("GET", next_link, request.headers, None)
            response = await self._send(
                page_request,
                idempotent=True,
                timeout=request_timeout,
                retry_policy=retry_policy,
                headers=headers,
                deadline=deadline,
            )
            page = _operations.deserialize_task_list(response)
            return list(page.value or []), page.odata_next_link

        return AsyncItemPaged(fetch)

    async def task_add(
        self,
        *,
        job_id: str,
        task: TaskAddParameter,
        timeout: int | None = None,
        client_request_id: str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime | None = None,
        request_timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> TaskAddResponse:
        """Adds a Task to the specified Job.

        The maximum lifetime of a Task from addition to completion is 180 days. If a Task
        has not completed within 180 days of being added it will be terminated by the
        Batch service and left in whatever state it was in at that time.

        Args:
            job_id: The ID of the Job to which the Task is to be added.
            task: The Task to be added.
            timeout: The maximum time that the server can spend processing the
                request, in seconds. The default is 30 seconds. If the value is larger
                than 30, the default will be used instead. Service default: 30.
            client_request_id: The caller-generated request identity, in the form of a
                GUID with no decoration such as curly braces, e.g.
                9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. Generated (uuid4) when omitted; one
                id per call, reused across its retries and pages.
            return_client_request_id: Whether the server should return the
                client-request-id in the response. Service default: False.
            ocp_date: The time the request was issued. Client libraries typically set
                this to the current system clock time; set it explicitly if you are
                calling the REST API directly.
            request_timeout: Seconds one attempt may take, connecting and reading the
                whole response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            TaskAddResponse

        Raises:
            BatchError: a modeled error of this operation.
            BatchServiceError: any other error response.
        """
        if client_request_id is None:
            # The Azure SDKs send one on every request (the spec marks the header
            # x-ms-client-request-id); created here, so the call's retries and pages share it.
            client_request_id = _wire.uuid4_text()
        request = _operations.serialize_task_add(
            self.endpoint,
            self.api_version,
            job_id=job_id,
            task=task,
            timeout=timeout,
            client_request_id=client_request_id,
            return_client_request_id=return_client_request_id,
            ocp_date=ocp_date,
        )
        response = await self._send(
            request,
            idempotent=False,
            timeout=request_timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_task_add(response)

    async def task_add_collection(
        self,
        *,
        job_id: str,
        task_collection: TaskAddCollectionParameter,
        timeout: int | None = None,
        client_request_id: str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime | None = None,
        request_timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> TaskAddCollectionResult:
        """Adds a collection of Tasks to the specified Job.

        Note that each Task must have a unique ID. The Batch service may not return the
        results for each Task in the same order the Tasks were submitted in this request.
        If the server times out or the connection is closed during the request, the
        request may have been partially or fully processed, or not at all. In such cases,
        the user should re-issue the request. Note that it is up to the user to correctly
        handle failures when re-issuing a request. For example, you should use the same
        Task IDs during a retry so that if the prior operation succeeded, the retry will
        not create extra Tasks unexpectedly. If the response contains any Tasks which
        failed to add, a client can retry the request. In a retry, it is most efficient to
        resubmit only Tasks that failed to add, and to omit Tasks that were successfully
        added on the first attempt. The maximum lifetime of a Task from addition to
        completion is 180 days. If a Task has not completed within 180 days of being added
        it will be terminated by the Batch service and left in whatever state it was in at
        that time.

        Args:
            job_id: The ID of the Job to which the Task collection is to be added.
            task_collection: The Tasks to be added.
            timeout: The maximum time that the server can spend processing the
                request, in seconds. The default is 2 minutes. If the value is larger than
                120, the default will be used instead. Service default: 120.
            client_request_id: The caller-generated request identity, in the form of a
                GUID with no decoration such as curly braces, e.g.
                9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. Generated (uuid4) when omitted; one
                id per call, reused across its retries and pages.
            return_client_request_id: Whether the server should return the
                client-request-id in the response. Service default: False.
            ocp_date: The time the request was issued. Client libraries typically set
                this to the current system clock time; set it explicitly if you are
                calling the REST API directly.
            request_timeout: Seconds one attempt may take, connecting and reading the
                whole response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            TaskAddCollectionResult

        Raises:
            BatchError: a modeled error of this operation.
            BatchServiceError: any other error response.
        """
        if client_request_id is None:
            # The Azure SDKs send one on every request (the spec marks the header
            # x-ms-client-request-id); created here, so the call's retries and pages share it.
            client_request_id = _wire.uuid4_text()
        request = _operations.serialize_task_add_collection(
            self.endpoint,
            self.api_version,
            job_id=job_id,
            task_collection=task_collection,
            timeout=timeout,
            client_request_id=client_request_id,
            return_client_request_id=return_client_request_id,
            ocp_date=ocp_date,
        )
        response = await self._send(
            request,
            idempotent=False,
            timeout=request_timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_task_add_collection(response)

    async def task_get(
        self,
        *,
        job_id: str,
        task_id: str,
        select: str | None = None,
        expand: str | None = None,
        timeout: int | None = None,
        client_request_id: str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime | None = None,
        if_match: str | None = None,
        if_none_match: str | None = None,
        if_modified_since: datetime | None = None,
        if_unmodified_since: datetime | None = None,
        request_timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> CloudTask:
        """Gets information about the specified Task.

        For multi-instance Tasks, information such as affinityId, executionInfo and
        nodeInfo refer to the primary Task. Use the list subtasks API to retrieve
        information about subtasks.

        Args:
            job_id: The ID of the Job that contains the Task.
            task_id: The ID of the Task to get information about.
            select: An OData $select clause.
            expand: An OData $expand clause.
            timeout: The maximum time that the server can spend processing the
                request, in seconds. The default is 30 seconds. If the value is larger
                than 30, the default will be used instead. Service default: 30.
            client_request_id: The caller-generated request identity, in the form of a
                GUID with no decoration such as curly braces, e.g.
                9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. Generated (uuid4) when omitted; one
                id per call, reused across its retries and pages.
            return_client_request_id: Whether the server should return the
                client-request-id in the response. Service default: False.
            ocp_date: The time the request was issued. Client libraries typically set
                this to the current system clock time; set it explicitly if you are
                calling the REST API directly.
            if_match: An ETag value associated with the version of the resource known
                to the client. The operation will be performed only if the resource's
                current ETag on the service exactly matches the value specified by the
                client.
            if_none_match: An ETag value associated with the version of the resource
                known to the client. The operation will be performed only if the
                resource's current ETag on the service does not match the value specified
                by the client.
            if_modified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has been modified since the specified time.
            if_unmodified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has not been modified since the specified time.
            request_timeout: Seconds one attempt may take, connecting and reading the
                whole response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            CloudTask

        Raises:
            BatchError: a modeled error of this operation.
            BatchServiceError: any other error response.
        """
        if client_request_id is None:
            # The Azure SDKs send one on every request (the spec marks the header
            # x-ms-client-request-id); created here, so the call's retries and pages share it.
            client_request_id = _wire.uuid4_text()
        request = _operations.serialize_task_get(
            self.endpoint,
            self.api_version,
            job_id=job_id,
            task_id=task_id,
            select=select,
            expand=expand,
            timeout=timeout,
            client_request_id=client_request_id,
            return_client_request_id=return_client_request_id,
            ocp_date=ocp_date,
            if_match=if_match,
            if_none_match=if_none_match,
            if_modified_since=if_modified_since,
            if_unmodified_since=if_unmodified_since,
        )
        response = await self._send(
            request,
            idempotent=True,
            timeout=request_timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_task_get(response)

    async def task_update(
        self,
        *,
        job_id: str,
        task_id: str,
        task_update_parameter: TaskUpdateParameter,
        timeout: int | None = None,
        client_request_id: str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime | None = None,
        if_match: str | None = None,
        if_none_match: str | None = None,
        if_modified_since: datetime | None = None,
        if_unmodified_since: datetime | None = None,
        request_timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> TaskUpdateResponse:
        """Updates the properties of the specified Task.

        Args:
            job_id: The ID of the Job containing the Task.
            task_id: The ID of the Task to update.
            task_update_parameter: The parameters for the request.
            timeout: The maximum time that the server can spend processing the
                request, in seconds. The default is 30 seconds. If the value is larger
                than 30, the default will be used instead. Service default: 30.
            client_request_id: The caller-generated request identity, in the form of a
                GUID with no decoration such as curly braces, e.g.
                9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. Generated (uuid4) when omitted; one
                id per call, reused across its retries and pages.
            return_client_request_id: Whether the server should return the
                client-request-id in the response. Service default: False.
            ocp_date: The time the request was issued. Client libraries typically set
                this to the current system clock time; set it explicitly if you are
                calling the REST API directly.
            if_match: An ETag value associated with the version of the resource known
                to the client. The operation will be performed only if the resource's
                current ETag on the service exactly matches the value specified by the
                client.
            if_none_match: An ETag value associated with the version of the resource
                known to the client. The operation will be performed only if the
                resource's current ETag on the service does not match the value specified
                by the client.
            if_modified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has been modified since the specified time.
            if_unmodified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has not been modified since the specified time.
            request_timeout: Seconds one attempt may take, connecting and reading the
                whole response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            TaskUpdateResponse

        Raises:
            BatchError: a modeled error of this operation.
            BatchServiceError: any other error response.
        """
        if client_request_id is None:
            # The Azure SDKs send one on every request (the spec marks the header
            # x-ms-client-request-id); created here, so the call's retries and pages share it.
            client_request_id = _wire.uuid4_text()
        request = _operations.serialize_task_update(
            self.endpoint,
            self.api_version,
            job_id=job_id,
            task_id=task_id,
            task_update_parameter=task_update_parameter,
            timeout=timeout,
            client_request_id=client_request_id,
            return_client_request_id=return_client_request_id,
            ocp_date=ocp_date,
            if_match=if_match,
            if_none_match=if_none_match,
            if_modified_since=if_modified_since,
            if_unmodified_since=if_unmodified_since,
        )
        response = await self._send(
            request,
            idempotent=True,
            timeout=request_timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_task_update(response)

    async def task_delete(
        self,
        *,
        job_id: str,
        task_id: str,
        timeout: int | None = None,
        client_request_id: str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime | None = None,
        if_match: str | None = None,
        if_none_match: str | None = None,
        if_modified_since: datetime | None = None,
        if_unmodified_since: datetime | None = None,
        request_timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> TaskDeleteResponse:
        """Deletes a Task from the specified Job.

        When a Task is deleted, all of the files in its directory on the Compute Node
        where it ran are also deleted (regardless of the retention time). For
        multi-instance Tasks, the delete Task operation applies synchronously to the
        primary task; subtasks and their files are then deleted asynchronously in the
        background.

        Args:
            job_id: The ID of the Job from which to delete the Task.
            task_id: The ID of the Task to delete.
            timeout: The maximum time that the server can spend processing the
                request, in seconds. The default is 30 seconds. If the value is larger
                than 30, the default will be used instead. Service default: 30.
            client_request_id: The caller-generated request identity, in the form of a
                GUID with no decoration such as curly braces, e.g.
                9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. Generated (uuid4) when omitted; one
                id per call, reused across its retries and pages.
            return_client_request_id: Whether the server should return the
                client-request-id in the response. Service default: False.
            ocp_date: The time the request was issued. Client libraries typically set
                this to the current system clock time; set it explicitly if you are
                calling the REST API directly.
            if_match: An ETag value associated with the version of the resource known
                to the client. The operation will be performed only if the resource's
                current ETag on the service exactly matches the value specified by the
                client.
            if_none_match: An ETag value associated with the version of the resource
                known to the client. The operation will be performed only if the
                resource's current ETag on the service does not match the value specified
                by the client.
            if_modified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has been modified since the specified time.
            if_unmodified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has not been modified since the specified time.
            request_timeout: Seconds one attempt may take, connecting and reading the
                whole response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            TaskDeleteResponse

        Raises:
            BatchError: a modeled error of this operation.
            BatchServiceError: any other error response.
        """
        if client_request_id is None:
            # The Azure SDKs send one on every request (the spec marks the header
            # x-ms-client-request-id); created here, so the call's retries and pages share it.
            client_request_id = _wire.uuid4_text()
        request = _operations.serialize_task_delete(
            self.endpoint,
            self.api_version,
            job_id=job_id,
            task_id=task_id,
            timeout=timeout,
            client_request_id=client_request_id,
            return_client_request_id=return_client_request_id,
            ocp_date=ocp_date,
            if_match=if_match,
            if_none_match=if_none_match,
            if_modified_since=if_modified_since,
            if_unmodified_since=if_unmodified_since,
        )
        response = await self._send(
            request,
            idempotent=True,
            timeout=request_timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_task_delete(response)

    async def task_list_subtasks(
        self,
        *,
        job_id: str,
        task_id: str,
        select: str | None = None,
        timeout: int | None = None,
        client_request_id: str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime | None = None,
        request_timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> CloudTaskListSubtasksResult:
        """Lists all of the subtasks that are associated with the specified multi-instance
        Task.

        If the Task is not a multi-instance Task then this returns an empty collection.

        Args:
            job_id: The ID of the Job.
            task_id: The ID of the Task.
            select: An OData $select clause.
            timeout: The maximum time that the server can spend processing the
                request, in seconds. The default is 30 seconds. If the value is larger
                than 30, the default will be used instead. Service default: 30.
            client_request_id: The caller-generated request identity, in the form of a
                GUID with no decoration such as curly braces, e.g.
                9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. Generated (uuid4) when omitted; one
                id per call, reused across its retries and pages.
            return_client_request_id: Whether the server should return the
                client-request-id in the response. Service default: False.
            ocp_date: The time the request was issued. Client libraries typically set
                this to the current system clock time; set it explicitly if you are
                calling the REST API directly.
            request_timeout: Seconds one attempt may take, connecting and reading the
                whole response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            CloudTaskListSubtasksResult

        Raises:
            BatchError: a modeled error of this operation.
            BatchServiceError: any other error response.
        """
        if client_request_id is None:
            # The Azure SDKs send one on every request (the spec marks the header
            # x-ms-client-request-id); created here, so the call's retries and pages share it.
            client_request_id = _wire.uuid4_text()
        request = _operations.serialize_task_list_subtasks(
            self.endpoint,
            self.api_version,
            job_id=job_id,
            task_id=task_id,
            select=select,
            timeout=timeout,
            client_request_id=client_request_id,
            return_client_request_id=return_client_request_id,
            ocp_date=ocp_date,
        )
        response = await self._send(
            request,
            idempotent=True,
            timeout=request_timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_task_list_subtasks(response)

    async def task_terminate(
        self,
        *,
        job_id: str,
        task_id: str,
        timeout: int | None = None,
        client_request_id: str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime | None = None,
        if_match: str | None = None,
        if_none_match: str | None = None,
        if_modified_since: datetime | None = None,
        if_unmodified_since: datetime | None = None,
        request_timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> TaskTerminateResponse:
        """Terminates the specified Task.

        When the Task has been terminated, it moves to the completed state. For
        multi-instance Tasks, the terminate Task operation applies synchronously to the
        primary task; subtasks are then terminated asynchronously in the background.

        Args:
            job_id: The ID of the Job containing the Task.
            task_id: The ID of the Task to terminate.
            timeout: The maximum time that the server can spend processing the
                request, in seconds. The default is 30 seconds. If the value is larger
                than 30, the default will be used instead. Service default: 30.
            client_request_id: The caller-generated request identity, in the form of a
                GUID with no decoration such as curly braces, e.g.
                9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. Generated (uuid4) when omitted; one
                id per call, reused across its retries and pages.
            return_client_request_id: Whether the server should return the
                client-request-id in the response. Service default: False.
            ocp_date: The time the request was issued. Client libraries typically set
                this to the current system clock time; set it explicitly if you are
                calling the REST API directly.
            if_match: An ETag value associated with the version of the resource known
                to the client. The operation will be performed only if the resource's
                current ETag on the service exactly matches the value specified by the
                client.
            if_none_match: An ETag value associated with the version of the resource
                known to the client. The operation will be performed only if the
                resource's current ETag on the service does not match the value specified
                by the client.
            if_modified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has been modified since the specified time.
            if_unmodified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has not been modified since the specified time.
            request_timeout: Seconds one attempt may take, connecting and reading the
                whole response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            TaskTerminateResponse

        Raises:
            BatchError: a modeled error of this operation.
            BatchServiceError: any other error response.
        """
        if client_request_id is None:
            # The Azure SDKs send one on every request (the spec marks the header
            # x-ms-client-request-id); created here, so the call's retries and pages share it.
            client_request_id = _wire.uuid4_text()
        request = _operations.serialize_task_terminate(
            self.endpoint,
            self.api_version,
            job_id=job_id,
            task_id=task_id,
            timeout=timeout,
            client_request_id=client_request_id,
            return_client_request_id=return_client_request_id,
            ocp_date=ocp_date,
            if_match=if_match,
            if_none_match=if_none_match,
            if_modified_since=if_modified_since,
            if_unmodified_since=if_unmodified_since,
        )
        response = await self._send(
            request,
            idempotent=False,
            timeout=request_timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_task_terminate(response)

    async def task_reactivate(
        self,
        *,
        job_id: str,
        task_id: str,
        timeout: int | None = None,
        client_request_id: str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime | None = None,
        if_match: str | None = None,
        if_none_match: str | None = None,
        if_modified_since: datetime | None = None,
        if_unmodified_since: datetime | None = None,
        request_timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> TaskReactivateResponse:
        """Reactivates a Task, allowing it to run again even if its retry count has been
        exhausted.

        Reactivation makes a Task eligible to be retried again up to its maximum retry
        count. The Task's state is changed to active. As the Task is no longer in the
        completed state, any previous exit code or failure information is no longer
        available after reactivation. Each time a Task is reactivated, its retry count is
        reset to 0. Reactivation will fail for Tasks that are not completed or that
        previously completed successfully (with an exit code of 0). Additionally, it will
        fail if the Job has completed (or is terminating or deleting).

        Args:
            job_id: The ID of the Job containing the Task.
            task_id: The ID of the Task to reactivate.
            timeout: The maximum time that the server can spend processing the
                request, in seconds. The default is 30 seconds. If the value is larger
                than 30, the default will be used instead. Service default: 30.
            client_request_id: The caller-generated request identity, in the form of a
                GUID with no decoration such as curly braces, e.g.
                9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. Generated (uuid4) when omitted; one
                id per call, reused across its retries and pages.
            return_client_request_id: Whether the server should return the
                client-request-id in the response. Service default: False.
            ocp_date: The time the request was issued. Client libraries typically set
                this to the current system clock time; set it explicitly if you are
                calling the REST API directly.
            if_match: An ETag value associated with the version of the resource known
                to the client. The operation will be performed only if the resource's
                current ETag on the service exactly matches the value specified by the
                client.
            if_none_match: An ETag value associated with the version of the resource
                known to the client. The operation will be performed only if the
                resource's current ETag on the service does not match the value specified
                by the client.
            if_modified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has been modified since the specified time.
            if_unmodified_since: A timestamp indicating the last modified time of the
                resource known to the client. The operation will be performed only if the
                resource on the service has not been modified since the specified time.
            request_timeout: Seconds one attempt may take, connecting and reading the
                whole response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            TaskReactivateResponse

        Raises:
            BatchError: a modeled error of this operation.
            BatchServiceError: any other error response.
        """
        if client_request_id is None:
            # The Azure SDKs send one on every request (the spec marks the header
            # x-ms-client-request-id); created here, so the call's retries and pages share it.
            client_request_id = _wire.uuid4_text()
        request = _operations.serialize_task_reactivate(
            self.endpoint,
            self.api_version,
            job_id=job_id,
            task_id=task_id,
            timeout=timeout,
            client_request_id=client_request_id,
            return_client_request_id=return_client_request_id,
            ocp_date=ocp_date,
            if_match=if_match,
            if_none_match=if_none_match,
            if_modified_since=if_modified_since,
            if_unmodified_since=if_unmodified_since,
        )
        response = await self._send(
            request,
            idempotent=False,
            timeout=request_timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_task_reactivate(response)
