"""The asynchronous client of AWSDeadlineCloud."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from types import TracebackType
from typing import Self

from . import _operations
from ._endpoint_rules import rules as endpoint_rules
from ._runtime import _wire
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
from .models import GetTaskResponse, TaskTargetRunStatus, UpdateTaskResponse

__all__ = ["AsyncDeadlineClient"]

SIGNING_NAME = "deadline"
ENDPOINT_PREFIX = "deadline"

DISTRIBUTION = "deadline-tasks"
VERSION = "0.1.0"
GENERATOR_VERSION = "0.1.0"
# DEBUG logs one line per attempt (see the README's Logging section).
_LOG = AttemptLog(logging.getLogger("deadline_tasks"), _operations.REQUEST_ID_HEADERS)


class AsyncDeadlineClient:
    """The Amazon Web Services Deadline Cloud API provides infrastructure and centralized
    management for your projects. Use the Deadline Cloud API to onboard users, assign
    projects, and attach permissions specific to their job function.

    With Deadline Cloud, content production teams can deploy resources for their workforce
    securely in the cloud, reducing the costs of added physical infrastructure. Keep your
    content production operations secure, while allowing your contributors to access the
    tools they need, such as scalable high-speed storage, licenses, and cost management
    services.

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
        (``deadline-tasks/0.1.0 apismith/0.1.0 Python/<version>``).

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

    async def get_task(
        self,
        *,
        farm_id: str,
        queue_id: str,
        job_id: str,
        step_id: str,
        task_id: str,
        timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> GetTaskResponse:
        """Gets a task.

        Args:
            farm_id: The farm ID of the farm connected to the task.
            queue_id: The queue ID for the queue connected to the task.
            job_id: The job ID of the job connected to the task.
            step_id: The step ID for the step connected to the task.
            task_id: The task ID.
            timeout: Seconds one attempt may take, connecting and reading the whole
                response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            GetTaskResponse

        Raises:
            AccessDeniedException: a modeled error of this operation.
            InternalServerErrorException: a modeled error of this operation.
            ResourceNotFoundException: a modeled error of this operation.
            ThrottlingException: a modeled error of this operation.
            ValidationException: a modeled error of this operation.
            DeadlineError: any other error response.
        """
        request = _operations.serialize_get_task(
            self._endpoint_with("management."),
            farm_id=farm_id,
            queue_id=queue_id,
            job_id=job_id,
            step_id=step_id,
            task_id=task_id,
        )
        response = await self._send(
            request,
            idempotent=True,
            timeout=timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_get_task(response)

    async def update_task(
        self,
        *,
        target_run_status: TaskTargetRunStatus | str,
        farm_id: str,
        queue_id: str,
        job_id: str,
        step_id: str,
        task_id: str,
        client_token: str | None = None,
        timeout: float | Unset | None = UNSET,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> UpdateTaskResponse:
        """Updates a task.

        Args:
            target_run_status: The run status with which to start the task.
            farm_id: The farm ID to update.
            queue_id: The queue ID to update.
            job_id: The job ID to update.
            step_id: The step ID to update.
            task_id: The task ID to update.
            client_token: The unique token which the server uses to recognize retries
                of the same request. Generated (uuid4) when omitted, and reused across
                retries.
            timeout: Seconds one attempt may take, connecting and reading the whole
                response included (None: no limit); default: the client's timeout.
            retry_policy: Retries of this call (``RetryPolicy.no_retries()`` for
                none); default: the client's.
            headers: Extra request headers, sent (and signed) on every attempt and
                page of the call; they replace headers of the same name.
            deadline: Seconds the whole call may take, retries and the waits between
                them included (for paged operations: each page); default: none.

        Returns:
            UpdateTaskResponse

        Raises:
            AccessDeniedException: a modeled error of this operation.
            ConflictException: a modeled error of this operation.
            InternalServerErrorException: a modeled error of this operation.
            ResourceNotFoundException: a modeled error of this operation.
            ThrottlingException: a modeled error of this operation.
            ValidationException: a modeled error of this operation.
            DeadlineError: any other error response.
        """
        if client_token is None:
            # Generated once here, so every retry of this call carries the same token.
            client_token = _wire.uuid4_text()
        request = _operations.serialize_update_task(
            self._endpoint_with("management."),
            target_run_status=target_run_status,
            farm_id=farm_id,
            queue_id=queue_id,
            job_id=job_id,
            step_id=step_id,
            task_id=task_id,
            client_token=client_token,
        )
        response = await self._send(
            request,
            idempotent=True,
            timeout=timeout,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
        )
        return _operations.deserialize_update_task(response)
