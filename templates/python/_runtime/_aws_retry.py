"""botocore's retry bookkeeping headers on every attempt of an AWS call.

As botocore's ``add_retry_headers`` handler sends them:

* ``amz-sdk-invocation-id``: a uuid4 per call, the same on each of its attempts, so the service
  can tell a retry from a new call;
* ``amz-sdk-request: attempt=N; max=M``, preceded by ``ttl=YYYYmmddTHHMMSSZ`` once a response
  of the call has carried a ``Date`` header: the time, on the service's clock, after which the
  client will have given up on the attempt. It is the local time plus the per-attempt timeout
  (botocore's ``read_timeout``), moved by the clock skew the ``Date`` header showed
  (botocore's ``Endpoint._calculate_ttl``).

So the first attempt never has a ``ttl``, nor does any attempt before a response with a
``Date`` (a dropped connection teaches nothing), nor a call without a timeout; a later response
without a (readable) ``Date`` keeps the skew learned before. Two deliberate differences from
botocore 1.x, both making the ``ttl`` what it means: the skew is measured when the response
arrives (botocore measures it after the backoff wait, which moves its ``ttl`` earlier by that
wait), and an attempt after a dropped connection gets a ``ttl`` from its own send time
(botocore repeats the previous attempt's).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from ._http import HttpRequest, HttpResponse
from ._wire import uuid4_text

__all__ = ["RetryHeaders"]

#: botocore's reading of the ``Date`` header (RFC 7231's IMF-fixdate).
DATE_FORMAT = "%a, %d %b %Y %H:%M:%S %Z"
TTL_FORMAT = "%Y%m%dT%H%M%SZ"


# IMF-fixdate as servers send it (``Mon, 01 Jul 2024 12:00:00 GMT``), read by hand: strptime
# takes ~10 µs. Anything else (other spacing or case, another zone name) goes to strptime.
_IMF_FIXDATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([0-9]{4}) "
    r"([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT"
)
_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}


def _parse_date(text: str) -> datetime:
    """``datetime.strptime(text, DATE_FORMAT)`` as an aware UTC datetime."""
    match = _IMF_FIXDATE.fullmatch(text)
    if match is not None:
        day, month, year, hour, minute, second = match.groups()
        try:
            return datetime(
                int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second), 0, UTC
            )
        except ValueError:
            pass  # an impossible date: strptime's own error
    return datetime.strptime(text, DATE_FORMAT).replace(tzinfo=UTC)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class RetryHeaders:
    """The retry headers of one call: :meth:`observe` each response, :meth:`apply` to each
    attempt's request (after signing, as botocore adds them: they are not signed)."""

    __slots__ = ("_now", "_skew", "invocation_id", "max_attempts", "timeout")

    def __init__(
        self,
        max_attempts: int,
        timeout: float | None,
        *,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.invocation_id = uuid4_text()
        self.max_attempts = max_attempts
        self.timeout = timeout  # seconds an attempt may take (None: no limit, so no ttl)
        self._now = now  # the client's clock (aware, UTC)
        self._skew: timedelta | None = None  # the service's clock minus ours

    def observe(self, response: HttpResponse) -> None:
        """Learn the clock skew from a response's ``Date`` (kept if it has none or a bad one)."""
        date = response.headers.get("Date")
        if not date:
            return
        try:
            server = _parse_date(date)
        except ValueError:
            return  # botocore logs it at DEBUG and sends no ttl from it
        self._skew = server - self._utc_now()

    def ttl(self) -> str | None:
        """The ``ttl`` of an attempt sent now, or None before any skew is known."""
        if self._skew is None or self.timeout is None:
            return None
        try:
            expires = self._utc_now() + timedelta(seconds=self.timeout) + self._skew
        except OverflowError:
            return None  # a timeout beyond the calendar: no time to state
        return expires.strftime(TTL_FORMAT)

    def _utc_now(self) -> datetime:
        now = self._now()
        # A clock without a time zone is taken to give UTC, as the signer reads it.
        return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)

    def request_header(self, attempt: int) -> str:
        """The ``amz-sdk-request`` value of an attempt sent now."""
        ttl = self.ttl()
        counts = f"attempt={attempt}; max={self.max_attempts}"
        return counts if ttl is None else f"ttl={ttl}; {counts}"

    def apply(self, request: HttpRequest, attempt: int) -> None:
        request.headers["amz-sdk-invocation-id"] = self.invocation_id
        request.headers["amz-sdk-request"] = self.request_header(attempt)
