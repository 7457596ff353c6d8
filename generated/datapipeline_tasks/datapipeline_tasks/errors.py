"""Errors of AWS Data Pipeline.

Every error the service returns is a :class:`DataPipelineError`; modeled errors have their
own subclass carrying the modeled fields. Connection problems raise
:class:`datapipeline_tasks.TransportError` instead (nothing came back from the service).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ._runtime._http import HttpResponse

__all__ = [
    "ERRORS_BY_CODE",
    "DataPipelineError",
    "InternalServiceError",
    "InvalidRequestException",
    "PipelineDeletedException",
    "PipelineNotFoundException",
    "TaskNotFoundException",
]


class DataPipelineError(Exception):
    """An error response from AWS Data Pipeline.

    Attributes:
        status_code: the HTTP status of the response.
        code: the service's error code (the exception name).
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
        code: str = "",
        request_id: str = "",
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code or self.code_name
        self.request_id = request_id
        self.headers: dict[str, str] = dict(headers or {})
        self.body = body

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> DataPipelineError:
        """Build from an error response; modeled subclasses also read their fields."""
        return cls(**base)

    def __str__(self) -> str:
        text = f"{self.code or 'Error'} (HTTP {self.status_code})"
        if self.message:
            text += f": {self.message}"
        if self.request_id:
            text += f" [request id {self.request_id}]"
        return text


class InternalServiceError(DataPipelineError):
    """An internal service error occurred."""

    code_name: ClassVar[str] = "InternalServiceError"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 500

    def __init__(
        self,
        message: str = "",
        *,
        status_code: int = 0,
        code: str = "",
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

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> InternalServiceError:
        fields: dict[str, Any] = {}
        return cls(**base, **fields)


class InvalidRequestException(DataPipelineError):
    """The request was not valid. Verify that your request was properly formatted, that the
    signature was generated with the correct credentials, and that you haven't exceeded
    any of the service limits for your account.
    """

    code_name: ClassVar[str] = "InvalidRequestException"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 400

    def __init__(
        self,
        message: str = "",
        *,
        status_code: int = 0,
        code: str = "",
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

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> InvalidRequestException:
        fields: dict[str, Any] = {}
        return cls(**base, **fields)


class PipelineDeletedException(DataPipelineError):
    """The specified pipeline has been deleted."""

    code_name: ClassVar[str] = "PipelineDeletedException"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 400

    def __init__(
        self,
        message: str = "",
        *,
        status_code: int = 0,
        code: str = "",
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

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> PipelineDeletedException:
        fields: dict[str, Any] = {}
        return cls(**base, **fields)


class PipelineNotFoundException(DataPipelineError):
    """The specified pipeline was not found. Verify that you used the correct user and
    account identifiers.
    """

    code_name: ClassVar[str] = "PipelineNotFoundException"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 400

    def __init__(
        self,
        message: str = "",
        *,
        status_code: int = 0,
        code: str = "",
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

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> PipelineNotFoundException:
        fields: dict[str, Any] = {}
        return cls(**base, **fields)


class TaskNotFoundException(DataPipelineError):
    """The specified task was not found."""

    code_name: ClassVar[str] = "TaskNotFoundException"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 400

    def __init__(
        self,
        message: str = "",
        *,
        status_code: int = 0,
        code: str = "",
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

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> TaskNotFoundException:
        fields: dict[str, Any] = {}
        return cls(**base, **fields)


# Keyed by each class's own code_name: one short line per class, however long its name.
_MODELED: tuple[type[DataPipelineError], ...] = (
    InternalServiceError,
    InvalidRequestException,
    PipelineDeletedException,
    PipelineNotFoundException,
    TaskNotFoundException,
)
ERRORS_BY_CODE: dict[str, type[DataPipelineError]] = {error.code_name: error for error in _MODELED}
"""Modeled errors by the error code the service sends."""
