"""The asynchronous client of AWS Data Pipeline."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from types import TracebackType
from typing import Self

from . import _operations
from ._endpoint_rules import rules as endpoint_rules
from ._runtime._aws_retry import RetryHeaders
from ._runtime._credentials import (
    AwsCredentials,
    CredentialsProvider,
    frozen_credentials_async,
    resolve_credentials,
    resolve_host_prefix_injection,
    resolve_region,
)
from ._runtime._endpoints import ClientEndpoints, resolve_endpoint_variants
from ._runtime._http import AsyncTransport, HttpRequest, HttpResponse, with_content_length
from ._runtime._logging import AttemptLog
from ._runtime._options import UNSET, Unset, check_seconds
from ._runtime._retry import RetryPolicy, async_send_with_retries
from ._runtime._sigv4 import sign_request, utc_now
from ._runtime._useragent import user_agent
from .models import SetTaskStatusOutput, TaskStatus

__all__ = ["AsyncDataPipelineClient"]

SIGNING_NAME = "datapipeline"
ENDPOINT_PREFIX = "datapipeline"

DISTRIBUTION = "datapipeline-tasks"
VERSION = "0.1.0"
GENERATOR_VERSION = "0.1.0"
# DEBUG logs one line per attempt (see the README's Logging section).
_LOG = AttemptLog(logging.getLogger("datapipeline_tasks"), _operations.REQUEST_ID_HEADERS)


class AsyncDataPipelineClient:
    """AWS Data Pipeline configures and manages a data-driven workflow called a pipeline. AWS
    Data Pipeline handles the details of scheduling and ensuring that data dependencies
    are met so that your application can focus on processing the data.

    AWS Data Pipeline provides a JAR implementation of a task runner called AWS Data
    Pipeline Task Runner. AWS Data Pipeline Task Runner provides logic for common data
    management scenarios, such as performing database queries and running data analysis
    using Amazon Elastic MapReduce (Amazon EMR). You can use AWS Data Pipeline Task Runner
    as your task runner, or you can write your own task runner to provide custom data
    management.

    AWS Data Pipeline implements two main sets of functionality. Use the first set to
    create a pipeline and define data sources, schedules, dependencies, and the transforms
    to be performed on the data. Use the second set in your task runner application to
    receive the next task ready for processing. The logic for performing the task, such as
    querying the data, running data analysis, or converting the data from one format to
    another, is contained within the task runner. The task runner performs the task
    assigned to it by the web service, reporting progress to the web service as it does
    so. When the task is done, the task runner reports the final success or failure of the
    task to the web service.

    Every method is a coroutine; use ``async with`` or ``await client.close()``.

    :param region: the AWS region; default ``AWS_REGION`` / ``AWS_DEFAULT_REGION`` or the profile.
    :param credentials: :class:`AwsCredentials`, or any object with botocore's
        ``get_frozen_credentials()`` (a botocore session's credentials, a
        :class:`RefreshableCredentials`); default: botocore's chain (environment, assume-role,
        web identity, SSO, shared files, ``credential_process``, container, EC2 instance
        metadata; ``AWS_PROFILE``), temporary credentials refreshed before they expire.
    :param endpoint_url: the endpoint to use (the rule set's ``Endpoint`` parameter; the model's
        endpoint rules otherwise pick it from the region and the settings below); an
        operation's host prefix still applies, as in botocore.
    :param use_fips_endpoint: use the FIPS endpoint; default ``AWS_USE_FIPS_ENDPOINT`` or the
        profile's ``use_fips_endpoint`` (botocore's setting), else False.
    :param use_dualstack_endpoint: use the dual-stack (IPv6) endpoint; default
        ``AWS_USE_DUALSTACK_ENDPOINT`` or the profile's ``use_dualstack_endpoint``, else False.
    :param inject_host_prefix: apply the host prefixes operations add to the endpoint host
        (``management.``...); set False for endpoints that cannot take one, such as
        ``http://127.0.0.1:8000`` (botocore applies them there too). Default: True unless
        ``AWS_DISABLE_HOST_PREFIX_INJECTION`` or the profile's ``disable_host_prefix_injection``
        is ``true`` (botocore's ``Config(inject_host_prefix=...)``).
    :param clock: returns the time requests are signed with (default: the system clock in UTC);
        for tests, or to correct a skewed clock.
    :param transport: the HTTP transport; default HTTP/1.1 on asyncio streams (AsyncioTransport).
    :param retry_policy: attempts and backoff; default ``RetryPolicy.aws()``.
    :param timeout: seconds one attempt may take: connecting and reading the whole response.
    :param user_agent_extra: appended to the User-Agent
        (``datapipeline-tasks/0.1.0 apismith/0.1.0 Python/<version>``).

    Every method also takes the per-call options ``timeout``, ``retry_policy``,
    ``headers``, ``deadline``. One client serves any number of concurrent tasks on its
    event loop.
    """

    def __init__(
        self,
        region: str | None = None,
        *,
        credentials: AwsCredentials | CredentialsProvider | None = None,
        endpoint_url: str | None = None,
        use_fips_endpoint: bool | None = None,
        use_dualstack_endpoint: bool | None = None,
        inject_host_prefix: bool | None = None,
        clock: Callable[[], datetime] = utc_now,
        transport: AsyncTransport | None = None,
        retry_policy: RetryPolicy | None = None,
        timeout: float | None = 60.0,
        user_agent_extra: str | None = None,
    ) -> None:
        self.region = resolve_region(region)
        self._credentials = resolve_credentials(credentials, region=self.region)
        # The model's endpoint rules, evaluated once for the client's settings (an error is
        # raised by each call, as botocore raises it when resolving).
        fips, dualstack = resolve_endpoint_variants(use_fips_endpoint, use_dualstack_endpoint)
        self._endpoints = ClientEndpoints(
            endpoint_rules(),
            region=self.region,
            use_fips=fips,
            use_dualstack=dualstack,
            endpoint_url=endpoint_url,
            signing_name=SIGNING_NAME,
        )
        resolved = self._endpoints.default
        self.endpoint = resolved.url
        self._signing_region = resolved.signing_region or self.region
        self._signing_name = resolved.signing_name or SIGNING_NAME
        self._inject_host_prefix = resolve_host_prefix_injection(inject_host_prefix)
        self._clock = clock
        if transport is None:
            # Imported here, not when the package is (sync programs never load asyncio).
            from ._runtime._asyncio_http import AsyncioTransport

            transport = AsyncioTransport()
        self._transport = transport
        self._retry = retry_policy or RetryPolicy.aws()
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

    def _endpoint_with(self, host_prefix: str, base: str | None = None) -> str:
        if base is None:
            if self._endpoints.error is not None:
                self._endpoints.check()
            base = self.endpoint
        if not host_prefix or not self._inject_host_prefix:
            return base
        scheme, sep, rest = base.partition("://")
        return f"{scheme}{sep}{host_prefix}{rest}"

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
        # botocore's retry headers: one invocation id per call, the same on every attempt, so
        # the service can tell a retry from a new call, and the attempt's count and ttl (from
        # the clock skew a response's Date shows). Added after signing, as botocore does.
        retry_headers = RetryHeaders(policy.max_attempts, attempt_timeout, now=self._clock)

        async def prepare(attempt: int) -> HttpRequest:
            # One consistent (key, secret, token) snapshot per attempt, refreshed near expiry
            # (in a worker thread, off the event loop).
            credentials = await frozen_credentials_async(self._credentials)
            signed = sign_request(
                request.copy(),
                credentials,
                region=self._signing_region,
                service=self._signing_name,
                now=self._clock(),
            )
            retry_headers.apply(signed, attempt)
            return with_content_length(signed)

        return await async_send_with_retries(
            self._transport,
            prepare,
            policy,
            timeout=attempt_timeout,
            idempotent=idempotent,
            classify=_operations.error_code,
            deadline=check_seconds("deadline", deadline),
            log=_LOG,
            on_response=retry_headers.observe,
        )

    async def set_task_status(
        self,
        *,
        task_id: str,
        task_status: TaskStatus | str,
        error_id: str | None = None,
        error_message: str | None = None,
        error_stack_trace: str | None = None,
        timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> SetTaskStatusOutput:
        """Task runners call `SetTaskStatus` to notify AWS Data Pipeline that a task is
        completed and provide information about the final status. A task runner makes this
        call regardless of whether the task was sucessful. A task runner does not need to
        call `SetTaskStatus` for tasks that are canceled by the web service during a call
        to ReportTaskProgress.

        Args:
            task_id: The ID of the task assigned to the task runner. This value is
                provided in the response for PollForTask.
            task_status: If `FINISHED`, the task successfully completed. If `FAILED`,
                the task ended unsuccessfully. Preconditions use false.
            error_id: If an error occurred during the task, this value specifies the
                error code. This value is set on the physical attempt object. It is used
                to display error information to the user. It should not start with string
                "Service_" which is reserved by the system.
            error_message: If an error occurred during the task, this value specifies
                a text description of the error. This value is set on the physical attempt
                object. It is used to display error information to the user. The web
                service does not parse this value.
            error_stack_trace: If an error occurred during the task, this value
                specifies the stack trace associated with the error. This value is set on
                the physical attempt object. It is used to display error information to
                the user. The web service does not parse this value.
            timeout: Seconds one attempt may take, connecting and reading the whole
                response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            SetTaskStatusOutput

        Raises:
            InternalServiceError: a modeled error of this operation.
            InvalidRequestException: a modeled error of this operation.
            PipelineDeletedException: a modeled error of this operation.
            PipelineNotFoundException: a modeled error of this operation.
            TaskNotFoundException: a modeled error of this operation.
            DataPipelineError: any other error response.
        """
        request = _operations.serialize_set_task_status(
            self._endpoint_with(""),
            task_id=task_id,
            task_status=task_status,
            error_id=error_id,
            error_message=error_message,
            error_stack_trace=error_stack_trace,
        )
        response = await self._send(
            request,
            idempotent=False,
            timeout=timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_set_task_status(response)
