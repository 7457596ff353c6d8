"""One DEBUG line per HTTP attempt, under the package's logger, with no secret in it.

The line names the method, the URL (credentials and secret-looking query values replaced by
``REDACTED``), the outcome (status, or the transport error), the attempt and how many the
policy allows, the time the attempt took, the service's request id and, when the call goes on,
the wait before the next attempt::

    GET https://host/jobs/j/tasks?api-version=2024-07-01.20.0 -> 200 (attempt 1/4, 12.3 ms,
    request id 5f0c...)

Headers and bodies are never logged (they carry signatures, tokens and user data). The same
values are on the record as ``http_method``, ``http_url``, ``http_status``, ``attempt``,
``max_attempts``, ``elapsed_ms`` and ``request_id`` for structured handlers.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote, urlsplit, urlunsplit

from ._http import HttpRequest, HttpResponse, TransportError

__all__ = ["REDACTED", "AttemptLog", "redact_url"]

REDACTED = "REDACTED"

# Query parameters that carry credentials: SAS signatures (sig, se...), presigned AWS URLs
# (X-Amz-Signature, X-Amz-Credential, X-Amz-Security-Token), OAuth codes and tokens, API keys.
_SECRET_NAME = re.compile(
    r"sig|signature|token|secret|passw|credential|key|auth|session|code", re.IGNORECASE
)
# Library error texts sometimes quote the request target: keep its query out of the log.
_QUERY_IN_TEXT = re.compile(r"\?[^\s'\")]*")


def redact_url(url: str) -> str:
    """``url`` without user info or fragment, secret-looking query values replaced."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "<unparseable URL>"
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    query = parts.query
    if query:
        pairs = []
        for pair in query.split("&"):
            name, sep, value = pair.partition("=")
            if sep and value and _SECRET_NAME.search(unquote(name)):
                value = REDACTED
            pairs.append(name + sep + value)
        query = "&".join(pairs)
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


class AttemptLog:
    """Logs attempts to ``logger`` (the package's, e.g. ``logging.getLogger("deadline_tasks")``);
    ``request_id_headers`` are the response headers that carry the service's request id."""

    __slots__ = ("logger", "request_id_headers")

    def __init__(self, logger: logging.Logger, request_id_headers: tuple[str, ...] = ()) -> None:
        self.logger = logger
        self.request_id_headers = request_id_headers

    def enabled(self) -> bool:
        return self.logger.isEnabledFor(logging.DEBUG)

    def attempt(
        self,
        request: HttpRequest,
        *,
        attempt: int,
        max_attempts: int,
        elapsed: float,
        response: HttpResponse | None = None,
        error: TransportError | None = None,
        delay: float | None = None,
    ) -> None:
        url = redact_url(request.url)
        status: int | None = None
        request_id = ""
        if response is not None:
            status = response.status
            outcome = str(status)
            headers = response.headers
            request_id = next((headers[n] for n in self.request_id_headers if n in headers), "")
        else:
            text = _QUERY_IN_TEXT.sub("?" + REDACTED, str(error))
            outcome = f"{type(error).__name__}: {text}"
        elapsed_ms = round(elapsed * 1000.0, 1)
        message = "%s %s -> %s (attempt %d/%d, %.1f ms"
        args: list[object] = [request.method, url, outcome, attempt, max_attempts, elapsed_ms]
        if request_id:
            message += ", request id %s"
            args.append(request_id)
        message += ")"
        if delay is not None:
            message += "; retrying in %.2f s"
            args.append(delay)
        self.logger.debug(
            message,
            *args,
            extra={
                "http_method": request.method,
                "http_url": url,
                "http_status": status,
                "attempt": attempt,
                "max_attempts": max_attempts,
                "elapsed_ms": elapsed_ms,
                "request_id": request_id,
            },
        )
