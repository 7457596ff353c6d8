"""Retries with capped exponential backoff and full jitter, shared by sync and async clients.

Presets follow the official SDKs:

* :meth:`RetryPolicy.aws` — botocore "standard" mode: 3 attempts; retry 500/502/503/504, 429 and
  the throttling / transient error codes; delay ``uniform(0, min(20, base * 2**n))`` with a base
  of 1 s for throttling errors and 50 ms otherwise (botocore 1.44).
* :meth:`RetryPolicy.azure` — azure-core: 4 attempts (``retry_status=3``); retry 408, 429, 500,
  502, 503, 504 and every status from 506 up, and any error response carrying ``Retry-After``;
  base 0.8 s, cap 120 s.

Two deliberate departures: every delay is fully jittered (azure-core does not jitter) and
``Retry-After`` (seconds or HTTP date) and ``retry-after-ms`` / ``x-ms-retry-after-ms`` /
``x-amz-retry-after`` are honoured for both clouds, capped at ``max_backoff``.

A request is retried only when that is safe. The caller passes ``idempotent``; for a
non-idempotent request only answers that mean "not processed" (429, 503, throttling codes) and
transport errors raised before the request was sent (connection refused) are retried.

A call may have a ``deadline``: seconds for all of its attempts and the waits between them.
Each attempt's timeout is cut to what is left, and a wait that would end after the deadline is
not taken: the call ends with the last answer (or error) instead.
"""

from __future__ import annotations

import random as _random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from ._http import (
    AsyncTransport,
    HttpRequest,
    HttpResponse,
    Transport,
    TransportError,
    TransportTimeout,
)
from ._logging import AttemptLog

__all__ = [
    "AWS_THROTTLING_CODES",
    "AWS_TRANSIENT_CODES",
    "RetryPolicy",
    "async_send_with_retries",
    "parse_retry_after",
    "send_with_retries",
]

#: botocore ``ThrottledRetryableChecker._THROTTLED_ERROR_CODES``.
AWS_THROTTLING_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    }
)
#: botocore ``TransientRetryableChecker._TRANSIENT_ERROR_CODES``.
AWS_TRANSIENT_CODES = frozenset(
    {"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"}
)


# asyncio (50 ms) and email.utils (10 ms) are imported where they are used: a program that
# imports the package, or uses only the sync client, does not pay for them.


async def _asyncio_sleep(delay: float) -> None:
    import asyncio

    await asyncio.sleep(delay)


@dataclass(frozen=True)
class RetryPolicy:
    """When to retry and how long to wait; immutable, use :func:`dataclasses.replace` to tune.

    ``random(a, b)`` and ``sleep`` / ``async_sleep`` are injectable so tests can be exact and
    instant. ``max_attempts`` counts the first try (1 disables retries).
    """

    max_attempts: int = 3
    base_delay: float = 0.05
    throttling_base_delay: float = 1.0
    max_backoff: float = 20.0
    retry_statuses: frozenset[int] = frozenset({500, 502, 503, 504})
    #: every status from here up is retried too (azure-core: 506); None disables
    retry_statuses_from: int | None = None
    throttling_statuses: frozenset[int] = frozenset({429})
    throttling_codes: frozenset[str] = AWS_THROTTLING_CODES
    transient_codes: frozenset[str] = AWS_TRANSIENT_CODES
    #: statuses meaning "the server did not process it": retried even when not idempotent
    unprocessed_statuses: frozenset[int] = frozenset({429, 503})
    #: retry any status >= 400 that carries Retry-After (azure-core does)
    retry_on_retry_after: bool = False
    honor_retry_after: bool = True
    random: Callable[[float, float], float] = field(default=_random.uniform, compare=False)
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=_asyncio_sleep, compare=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")

    @classmethod
    def aws(cls, **overrides: Any) -> RetryPolicy:
        """botocore standard mode."""
        return replace(cls(), **overrides)

    @classmethod
    def azure(cls, **overrides: Any) -> RetryPolicy:
        """azure-core's default RetryPolicy, with full jitter."""
        preset = cls(
            max_attempts=4,
            base_delay=0.8,
            throttling_base_delay=0.8,
            max_backoff=120.0,
            retry_statuses=frozenset({408, 500, 502, 503, 504}),
            retry_statuses_from=506,
            throttling_statuses=frozenset({429}),
            throttling_codes=frozenset(),
            transient_codes=frozenset(),
            retry_on_retry_after=True,
        )
        return replace(preset, **overrides)

    @classmethod
    def standard(cls, **overrides: Any) -> RetryPolicy:
        """Any HTTP API: 3 attempts with full-jitter backoff on 408, 429, 500 and 502-504 and
        dropped connections, honouring Retry-After; POSTs only when the server did not
        process them (429, 503)."""
        preset = cls(
            max_attempts=3,
            base_delay=0.5,
            throttling_base_delay=1.0,
            max_backoff=30.0,
            retry_statuses=frozenset({408, 500, 502, 503, 504}),
            throttling_statuses=frozenset({429}),
            throttling_codes=frozenset(),
            transient_codes=frozenset(),
        )
        return replace(preset, **overrides)

    @classmethod
    def no_retries(cls) -> RetryPolicy:
        return cls(max_attempts=1)

    def is_throttling(self, response: HttpResponse, code: str | None) -> bool:
        return response.status in self.throttling_statuses or (
            code is not None and code in self.throttling_codes
        )

    def backoff(self, attempt: int, *, throttled: bool = False) -> float:
        """Full-jitter delay after failed attempt number ``attempt`` (1-based)."""
        base = self.throttling_base_delay if throttled else self.base_delay
        ceiling = min(self.max_backoff, base * 2 ** (attempt - 1))
        return self.random(0.0, ceiling)

    def retry_after(self, response: HttpResponse) -> float | None:
        """The server-requested delay in seconds (capped at ``max_backoff``), if any."""
        if not self.honor_retry_after:
            return None
        delay = parse_retry_after(response)
        return None if delay is None else min(delay, self.max_backoff)

    def _retryable_status(self, response: HttpResponse, code: str | None) -> bool:
        status = response.status
        if status < 400:
            return False
        if status in self.retry_statuses or self.is_throttling(response, code):
            return True
        if self.retry_statuses_from is not None and status >= self.retry_statuses_from:
            return True
        if code is not None and code in self.transient_codes:
            return True
        return self.retry_on_retry_after and parse_retry_after(response) is not None

    def response_delay(
        self, response: HttpResponse, code: str | None, attempt: int, *, idempotent: bool
    ) -> float | None:
        """Seconds to wait before retrying after ``response``, or None to stop and return it."""
        if attempt >= self.max_attempts or not self._retryable_status(response, code):
            return None
        throttled = self.is_throttling(response, code)
        if not idempotent and not (throttled or response.status in self.unprocessed_statuses):
            return None
        requested = self.retry_after(response)
        if requested is not None:
            return requested
        return self.backoff(attempt, throttled=throttled)

    def error_delay(self, error: TransportError, attempt: int, *, idempotent: bool) -> float | None:
        """Seconds to wait before retrying after ``error``, or None to re-raise it."""
        if attempt >= self.max_attempts or not error.retryable:
            return None
        if error.request_sent and not idempotent:
            return None
        return self.backoff(attempt)


def parse_retry_after(response: HttpResponse) -> float | None:
    """Seconds from ``Retry-After`` (delta or HTTP date) or the millisecond variants.

    Mirrors azure-core's ``get_retry_after``; unparseable values are ignored.
    """
    headers = response.headers
    value = headers.get("retry-after")
    if value:
        seconds = _seconds_or_date(value)
        if seconds is not None:
            return seconds
    for name in ("retry-after-ms", "x-ms-retry-after-ms", "x-amz-retry-after"):
        value = headers.get(name)
        if value:
            try:
                millis = float(value)
            except ValueError:
                continue
            return max(0.0, millis / 1000.0)
    return None


def _seconds_or_date(value: str) -> float | None:
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


ResponseClassifier = Callable[[HttpResponse], str | None]


def _raise_redacted(err: TransportError, request: HttpRequest | None) -> None:
    """Re-raise a transport error whose message would show a credential (a URL with an API
    key) with the credential masked, and without the library exception that quotes it."""
    if request is None or not request.secrets:
        return
    message = str(err)
    masked = request.redact(message)
    if masked != message:
        clean = type(err)(masked, request_sent=err.request_sent, retryable=err.retryable)
        raise clean from None


class _Clock:
    """A call's deadline (None: none) and the timeout each attempt gets under it."""

    __slots__ = ("deadline", "expires", "timeout")

    def __init__(self, timeout: float | None, deadline: float | None) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.expires = None if deadline is None else time.monotonic() + deadline

    def attempt_timeout(self) -> float | None:
        """The next attempt's timeout; 0 or less when the deadline has passed."""
        if self.expires is None:
            return self.timeout
        remaining = self.expires - time.monotonic()
        return remaining if self.timeout is None else min(self.timeout, remaining)

    def end(self, last: HttpResponse | TransportError | None) -> HttpResponse:
        """The deadline passed before an attempt (a wait overran): the last answer, if any."""
        if isinstance(last, HttpResponse):
            return last
        raise self.passed(last) from last

    def allows(self, delay: float | None) -> float | None:
        """``delay`` if waiting it still leaves time for an attempt, else None (stop)."""
        if delay is None or self.expires is None:
            return delay
        return delay if time.monotonic() + delay < self.expires else None

    def passed(self, cause: TransportError | None = None) -> TransportTimeout:
        sent = cause.request_sent if cause is not None else False
        message = f"the call's deadline of {self.deadline} s passed"
        return TransportTimeout(message, request_sent=sent)

    def cut(self, error: TransportError, attempt_timeout: float | None) -> bool:
        """Whether ``error`` is a timeout the deadline caused (it shortened the attempt)."""
        return (
            isinstance(error, TransportTimeout)
            and self.expires is not None
            and attempt_timeout != self.timeout
        )


def send_with_retries(
    transport: Transport,
    prepare: Callable[[int], HttpRequest],
    policy: RetryPolicy,
    *,
    timeout: float | None,
    idempotent: bool,
    classify: ResponseClassifier | None = None,
    deadline: float | None = None,
    log: AttemptLog | None = None,
    on_response: Callable[[HttpResponse], None] | None = None,
) -> HttpResponse:
    """Send with retries; return the final response (success or not) or raise the last error.

    ``prepare(attempt)`` (``attempt`` starts at 1) must build and sign a fresh request, since
    signatures carry the time; anything that must stay stable across attempts (an idempotency
    token) is chosen by the caller beforehand. ``classify(response)`` returns the service error
    code of an error response (used to spot throttling), or None. ``timeout`` bounds each
    attempt, ``deadline`` the whole call (see the module docstring); ``log`` gets a line per
    attempt when its logger is enabled for DEBUG; ``on_response`` sees every response as it
    arrives (what a later ``prepare`` may depend on: AWS clients learn the clock skew from it).
    """
    clock = _Clock(timeout, deadline)
    logging = log is not None and log.enabled()
    attempt = 1
    last: HttpResponse | TransportError | None = None
    while True:
        attempt_timeout = clock.attempt_timeout()
        if attempt_timeout is not None and attempt_timeout <= 0:
            return clock.end(last)
        request = prepare(attempt)
        started = time.monotonic() if logging else 0.0
        try:
            response = transport.send(request, timeout=attempt_timeout)
        except TransportError as err:
            delay = clock.allows(policy.error_delay(err, attempt, idempotent=idempotent))
            if logging:
                _log(log, request, policy, attempt, started, None, err, delay)
            if delay is None:
                if clock.cut(err, attempt_timeout):
                    # The cause's message may quote a credential (a URL with an API key).
                    raise clock.passed(err) from (None if request.secrets else err)
                _raise_redacted(err, request)
                raise
            last = err
        else:
            if on_response is not None:
                on_response(response)
            if response.status < 400 and not logging and type(policy) is RetryPolicy:
                return response  # what the steps below decide for a success, in short
            code = classify(response) if classify and response.status >= 400 else None
            delay = policy.response_delay(response, code, attempt, idempotent=idempotent)
            delay = clock.allows(delay)
            if logging:
                _log(log, request, policy, attempt, started, response, None, delay)
            if delay is None:
                return response
            last = response
        policy.sleep(delay)
        attempt += 1


async def async_send_with_retries(
    transport: AsyncTransport,
    prepare: Callable[[int], HttpRequest | Awaitable[HttpRequest]],
    policy: RetryPolicy,
    *,
    timeout: float | None,
    idempotent: bool,
    classify: ResponseClassifier | None = None,
    deadline: float | None = None,
    log: AttemptLog | None = None,
    on_response: Callable[[HttpResponse], None] | None = None,
) -> HttpResponse:
    """Async twin of :func:`send_with_retries` (waits with ``policy.async_sleep``).

    With a ``deadline``, each attempt also runs under ``asyncio.timeout``, so even a transport
    that ignores ``timeout`` cannot outlast it.
    """
    clock = _Clock(timeout, deadline)
    logging = log is not None and log.enabled()
    attempt = 1
    last: HttpResponse | TransportError | None = None
    while True:
        attempt_timeout = clock.attempt_timeout()
        if attempt_timeout is not None and attempt_timeout <= 0:
            return clock.end(last)
        prepared = prepare(attempt)
        if not isinstance(prepared, HttpRequest):
            prepared = await prepared  # async signing (a token refresh) per attempt
        started = time.monotonic() if logging else 0.0
        try:
            if clock.expires is None:
                response = await transport.send(prepared, timeout=attempt_timeout)
            else:
                import asyncio

                try:
                    async with asyncio.timeout(attempt_timeout):
                        response = await transport.send(prepared, timeout=attempt_timeout)
                except TimeoutError as err:
                    raise TransportTimeout("timed out", request_sent=True) from err
        except TransportError as err:
            delay = clock.allows(policy.error_delay(err, attempt, idempotent=idempotent))
            if logging:
                _log(log, prepared, policy, attempt, started, None, err, delay)
            if delay is None:
                if clock.cut(err, attempt_timeout):
                    # The cause's message may quote a credential (a URL with an API key).
                    raise clock.passed(err) from (None if prepared.secrets else err)
                _raise_redacted(err, prepared)
                raise
            last = err
        else:
            if on_response is not None:
                on_response(response)
            if response.status < 400 and not logging and type(policy) is RetryPolicy:
                return response  # what the steps below decide for a success, in short
            code = classify(response) if classify and response.status >= 400 else None
            delay = policy.response_delay(response, code, attempt, idempotent=idempotent)
            delay = clock.allows(delay)
            if logging:
                _log(log, prepared, policy, attempt, started, response, None, delay)
            if delay is None:
                return response
            last = response
        await policy.async_sleep(delay)
        attempt += 1


def _log(
    log: AttemptLog | None,
    request: HttpRequest,
    policy: RetryPolicy,
    attempt: int,
    started: float,
    response: HttpResponse | None,
    error: TransportError | None,
    delay: float | None,
) -> None:
    assert log is not None
    log.attempt(
        request,
        attempt=attempt,
        max_attempts=policy.max_attempts,
        elapsed=time.monotonic() - started,
        response=response,
        error=error,
        delay=delay,
    )
