"""Errors of BatchServiceClient.

Every error the service returns is a :class:`BatchServiceError`; modeled errors have their
own subclass carrying the modeled fields. Connection problems raise
:class:`azure_batch_tasks.TransportError` instead (nothing came back from the service).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any, ClassVar

from ._runtime import _wire
from ._runtime._http import HttpResponse
from .models import BatchErrorDetail, ErrorMessage

__all__ = [
    "ERRORS_BY_CODE",
    "STATUS_ERRORS",
    "BatchError",
    "BatchServiceError",
    "ClientAuthenticationError",
    "ResourceExistsError",
    "ResourceModifiedError",
    "ResourceNotFoundError",
    "ResourceNotModifiedError",
]


class BatchServiceError(Exception):
    """An error response from BatchServiceClient.

    Attributes:
        status_code: the HTTP status of the response.
        code: the service's error code (for example ``TaskNotFound``);
            None when the response names none (a 404 with an empty body, a 304).
        message: the service's message, if any.
        request_id: the request id the service assigned (quote it in support requests).
        headers: the response headers.
        body: the raw response body.
    """

    code_name: ClassVar[str] = ""
    retryable: ClassVar[bool] = False

    def __init__(
        self,
        message: str = "",
        *,
        status_code: int = 0,
        code: str | None = "",
        request_id: str = "",
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        # None: the response named no code ("" takes the class's).
        self.code: str | None = None if code is None else code or self.code_name
        self.request_id = request_id
        self.headers: dict[str, str] = dict(headers or {})
        self.body = body

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> BatchServiceError:
        """Build from an error response; modeled subclasses also read their fields."""
        return cls(**base)

    def __str__(self) -> str:
        text = f"{self.code or 'Error'} (HTTP {self.status_code})"
        if self.message:
            text += f": {self.message}"
        if self.request_id:
            text += f" [request id {self.request_id}]"
        return text


class BatchError(BatchServiceError):
    """An error response received from the Azure Batch service.

    Attributes:
        error_message: A message describing the error, intended to be suitable for
            display in a user interface.
        values: A collection of key-value pairs containing additional details about
            the error.
    """

    code_name: ClassVar[str] = "BatchError"
    retryable: ClassVar[bool] = False

    def __init__(
        self,
        message: str = "",
        *,
        error_message: ErrorMessage | None = None,
        values: list[BatchErrorDetail] | None = None,
        status_code: int = 0,
        code: str | None = "",
        request_id: str = "",
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
    ) -> None:
        super().__init__(
            message,
            status_code=status_code,
            code=code,
            request_id=request_id,
            headers=headers,
            body=body,
        )
        self.error_message = error_message
        self.values = values

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> BatchError:
        fields: dict[str, Any] = {}
        value: Any
        value = data.get("message")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["error_message"] = ErrorMessage.from_dict(value)
        value = data.get("values")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["values"] = [
                    (None if v0 is None else BatchErrorDetail.from_dict(v0))
                    for v0 in _wire.as_list(value)
                ]
        return cls(**base, **fields)


class ClientAuthenticationError(BatchError):
    """The request was not authenticated or not allowed (HTTP 401 or 403); azure-core's
    ClientAuthenticationError."""

    code_name: ClassVar[str] = ""
    statuses: ClassVar[tuple[int, ...]] = (401, 403)


class ResourceNotFoundError(BatchError):
    """The resource does not exist (HTTP 404); azure-core's ResourceNotFoundError."""

    code_name: ClassVar[str] = ""
    statuses: ClassVar[tuple[int, ...]] = (404,)


class ResourceExistsError(BatchError):
    """The resource exists already, or the request conflicts with its state (HTTP 409);
    azure-core's ResourceExistsError."""

    code_name: ClassVar[str] = ""
    statuses: ClassVar[tuple[int, ...]] = (409,)


class ResourceModifiedError(BatchError):
    """A condition of the request (If-Match, If-Unmodified-Since) failed: the resource
    changed (HTTP 412); azure-core's ResourceModifiedError."""

    code_name: ClassVar[str] = ""
    statuses: ClassVar[tuple[int, ...]] = (412,)


class ResourceNotModifiedError(BatchError):
    """The resource has not changed since the If-None-Match / If-Modified-Since given (HTTP
    304); it carries no error code. azure-core's ResourceNotModifiedError."""

    code_name: ClassVar[str] = ""
    statuses: ClassVar[tuple[int, ...]] = (304,)


STATUS_ERRORS: dict[int, type[BatchError]] = {
    401: ClientAuthenticationError,
    403: ClientAuthenticationError,
    404: ResourceNotFoundError,
    409: ResourceExistsError,
    412: ResourceModifiedError,
    304: ResourceNotModifiedError,
}
"""The error class raised for these statuses (every other error status raises BatchError)."""


# Keyed by each class's own code_name: one short line per class, however long its name.
_MODELED: tuple[type[BatchServiceError], ...] = (BatchError,)
ERRORS_BY_CODE: dict[str, type[BatchServiceError]] = {error.code_name: error for error in _MODELED}
"""Modeled errors by the error code the service sends."""
