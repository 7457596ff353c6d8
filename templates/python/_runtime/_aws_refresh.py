"""Temporary credentials that refresh themselves, botocore's way, and foreign credentials.

:class:`RefreshableCredentials` follows botocore's ``RefreshableCredentials``:

* within 15 minutes of expiry (the *advisory* window) one thread refreshes while every other
  thread keeps signing with the current, still valid credentials; a failed advisory refresh
  is logged and the current credentials are kept;
* within 10 minutes of expiry (the *mandatory* window), or before the first fetch, every
  thread waits for the refresh, and a failure is raised;
* one refresh at a time (a lock), and each thread re-checks after taking the lock, so a burst
  of threads causes exactly one fetch.

One deliberate addition: after a failed advisory refresh the next advisory attempt waits 30 s
(botocore retries on every call, so each request of a busy client would stall on a dead
endpoint until the mandatory window). botocore's SSO token refresher has the same kind of
pause.

Snapshots are whole :class:`AwsCredentials` objects swapped in one assignment, so a signer
never sees the key of one set with the secret of another.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from ._aws_config import (
    AwsCredentials,
    CredentialRetrievalError,
    CredentialsProvider,
    CredentialsSource,
    PartialCredentialsError,
)

__all__ = [
    "ADVISORY_REFRESH_SECONDS",
    "MANDATORY_REFRESH_SECONDS",
    "ForeignCredentials",
    "RefreshableCredentials",
    "frozen_credentials_async",
    "parse_timestamp",
    "utc_clock",
]

_log = logging.getLogger(__name__)

#: botocore ``_DEFAULT_ADVISORY_REFRESH_TIMEOUT`` / ``_DEFAULT_MANDATORY_REFRESH_TIMEOUT``.
ADVISORY_REFRESH_SECONDS = 15 * 60
MANDATORY_REFRESH_SECONDS = 10 * 60
_ADVISORY_RETRY_PAUSE = timedelta(seconds=30)


def utc_clock() -> datetime:
    """The current time, timezone-aware UTC: the default clock of refresh decisions."""
    return datetime.now(UTC)


def parse_timestamp(value: str) -> datetime:
    """An ISO 8601 / RFC 3339 timestamp as an aware UTC datetime.

    Accepts what the sources send: ``2024-05-01T12:00:00Z`` (STS, IMDS, ECS), fractions of a
    second, ``+00:00`` offsets (``credential_process``), the ``UTC`` suffix older AWS CLI
    versions wrote into the SSO cache; a timestamp without a zone is taken as UTC.

    :raises ValueError: anything else.
    """
    text = value.strip()
    if text.endswith("UTC"):
        text = text[:-3].rstrip() + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


class RefreshableCredentials:
    """Credentials fetched by ``fetch`` and fetched again before they expire (thread-safe).

    ``fetch()`` returns :class:`AwsCredentials` whose ``expiration`` says when to refresh
    (``None``: they never expire and are fetched once). Nothing is fetched until the first
    :meth:`get_frozen_credentials`, unless ``initial`` credentials are given.

    Use it for credentials from anywhere (a vault, a broker)::

        RefreshableCredentials(lambda: AwsCredentials(key, secret, token, expiration=when))

    :param method: names the source in messages (``assume-role``, ``sso``...).
    :param clock: returns the current aware time (tests pass a fake one).
    """

    def __init__(
        self,
        fetch: Callable[[], AwsCredentials],
        *,
        method: str = "custom",
        initial: AwsCredentials | None = None,
        clock: Callable[[], datetime] = utc_clock,
        advisory_seconds: float = ADVISORY_REFRESH_SECONDS,
        mandatory_seconds: float = MANDATORY_REFRESH_SECONDS,
    ) -> None:
        self._fetch = fetch
        self.method = method
        self._current = initial
        self._clock = clock
        self._advisory = timedelta(seconds=advisory_seconds)
        self._mandatory = timedelta(seconds=mandatory_seconds)
        self._lock = threading.Lock()
        self._no_advisory_before: datetime | None = None

    def __repr__(self) -> str:
        current = self._current
        state = "not fetched yet" if current is None else repr(current)
        return f"<RefreshableCredentials {self.method}: {state}>"

    def refresh_needed(self, within: float | None = None) -> bool:
        """True when the credentials expire within ``within`` seconds (default: the advisory
        window), or have not been fetched yet."""
        current = self._current
        if current is None:
            return True
        if current.expiration is None:
            return False
        window = self._advisory if within is None else timedelta(seconds=within)
        return current.expiration - self._clock() < window

    def get_frozen_credentials(self) -> AwsCredentials:
        """A consistent snapshot, refreshed first if it is about to expire.

        :raises ConfigurationError: the first fetch, or a refresh inside the mandatory
            window, failed.
        """
        current = self._current
        if current is not None and not self.refresh_needed():
            return current  # the common case: no lock
        if self._lock.acquire(blocking=False):
            try:
                self._refresh_locked()
            finally:
                self._lock.release()
        elif self._mandatory_needed():
            # Someone else is refreshing and these credentials are too close to expiry to
            # use: wait for the result (and refresh ourselves if that refresh failed).
            with self._lock:
                if self._mandatory_needed():
                    self._refresh_locked()
        latest = self._current
        assert latest is not None  # a failed first fetch raised above
        return latest

    def _mandatory_needed(self) -> bool:
        return self.refresh_needed(self._mandatory.total_seconds())

    def _refresh_locked(self) -> None:
        if not self.refresh_needed():
            return  # another thread refreshed while we waited for the lock
        mandatory = self._mandatory_needed()
        now = self._clock()
        if not mandatory and self._no_advisory_before and now < self._no_advisory_before:
            return
        try:
            fresh = self._fetch()
            if fresh.expiration is not None and fresh.expiration <= self._clock():
                # botocore raises here; in the advisory window we keep the valid ones instead.
                raise CredentialRetrievalError(
                    f"{self.method} returned credentials that had already expired "
                    f"({fresh.expiration.isoformat()})"
                )
        except Exception:
            if mandatory:
                raise
            self._no_advisory_before = now + _ADVISORY_RETRY_PAUSE
            _log.warning(
                "refreshing %s credentials failed in the advisory window; the current ones "
                "stay in use",
                self.method,
                exc_info=True,
            )
            return
        self._no_advisory_before = None
        self._current = fresh
        _log.debug(
            "fetched %s credentials, expiring %s",
            self.method,
            fresh.expiration.isoformat() if fresh.expiration else "never",
        )


class ForeignCredentials:
    """Adapts any object with botocore's ``get_frozen_credentials()`` (botocore's
    ``Credentials`` and ``RefreshableCredentials`` included) without importing botocore.

    Every snapshot is asked of the object itself, so its own refresh logic keeps working.
    """

    def __init__(self, provider: CredentialsProvider) -> None:
        self._provider = provider

    def __repr__(self) -> str:
        return f"<ForeignCredentials from {type(self._provider).__name__}>"

    def refresh_needed(self) -> bool:
        check = getattr(self._provider, "refresh_needed", None)
        if not callable(check):
            return False  # botocore's static Credentials: nothing to refresh
        try:
            return bool(check())
        except Exception:
            return True  # let the worker thread find out

    def get_frozen_credentials(self) -> AwsCredentials:
        frozen = self._provider.get_frozen_credentials()
        key = getattr(frozen, "access_key", None)
        secret = getattr(frozen, "secret_key", None)
        token = getattr(frozen, "token", None)
        if not isinstance(key, str) or not key or not isinstance(secret, str) or not secret:
            # Say which part is missing, never what the parts are.
            missing = "access_key" if not isinstance(key, str) or not key else "secret_key"
            raise PartialCredentialsError(
                f"{type(self._provider).__name__}.get_frozen_credentials() returned no {missing}"
            )
        if token is not None and not isinstance(token, str):
            raise PartialCredentialsError(
                f"{type(self._provider).__name__}.get_frozen_credentials() returned a "
                f"non-string token ({type(token).__name__})"
            )
        return AwsCredentials(key, secret, token or None)


async def frozen_credentials_async(source: CredentialsSource) -> AwsCredentials:
    """:meth:`get_frozen_credentials` for async clients, off the event loop when it may block.

    A refresh runs network calls or a subprocess (up to seconds), so it goes to a worker
    thread (``asyncio.to_thread``); the common case, valid credentials, stays a plain call.
    Threads are used rather than async I/O because the same providers serve sync clients and
    refreshes are rare.
    """
    if source.refresh_needed():
        import asyncio  # here: a sync-only program never imports asyncio (about 40 ms)

        return await asyncio.to_thread(source.get_frozen_credentials)
    return source.get_frozen_credentials()
