"""Errors of AWSDeadlineCloud.

Every error the service returns is a :class:`DeadlineError`; modeled errors have their
own subclass carrying the modeled fields. Connection problems raise
:class:`deadline_tasks.TransportError` instead (nothing came back from the service).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any, ClassVar

from ._runtime import _wire
from ._runtime._http import HttpResponse
from .models import (
    ConflictExceptionReason,
    ServiceQuotaExceededExceptionReason,
    ValidationExceptionField,
    ValidationExceptionReason,
)

__all__ = [
    "ERRORS_BY_CODE",
    "AccessDeniedException",
    "ConflictException",
    "DeadlineError",
    "InternalServerErrorException",
    "ResourceNotFoundException",
    "ServiceQuotaExceededException",
    "ThrottlingException",
    "ValidationException",
]


class DeadlineError(Exception):
    """An error response from AWSDeadlineCloud.

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
    ) -> DeadlineError:
        """Build from an error response; modeled subclasses also read their fields."""
        return cls(**base)

    def __str__(self) -> str:
        text = f"{self.code or 'Error'} (HTTP {self.status_code})"
        if self.message:
            text += f": {self.message}"
        if self.request_id:
            text += f" [request id {self.request_id}]"
        return text


class AccessDeniedException(DeadlineError):
    """You don't have permission to perform the action.

    Attributes:
        context: Information about the resources in use when the exception was thrown.
    """

    code_name: ClassVar[str] = "AccessDeniedException"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 403

    def __init__(
        self,
        message: str = "",
        *,
        context: dict[str, str] | None = None,
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
        self.context = context

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> AccessDeniedException:
        fields: dict[str, Any] = {}
        value: Any
        value = data.get("context")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["context"] = {
                    k0: (v0 if type(v0) is str else _wire.as_str(v0))
                    for k0, v0 in _wire.as_map(value).items()
                    if v0 is not None
                }
        return cls(**base, **fields)


class ConflictException(DeadlineError):
    """Your request has conflicting operations. This can occur if you're trying to perform
    more than one operation on the same resource at the same time.

    Attributes:
        reason: A description of the error.
        resource_id: The identifier of the resource in use.
        resource_type: The type of the resource in use.
        context: Information about the resources in use when the exception was thrown.
    """

    code_name: ClassVar[str] = "ConflictException"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 409

    def __init__(
        self,
        message: str = "",
        *,
        reason: ConflictExceptionReason | None = None,
        resource_id: str | None = None,
        resource_type: str | None = None,
        context: dict[str, str] | None = None,
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
        self.reason = reason
        self.resource_id = resource_id
        self.resource_type = resource_type
        self.context = context

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> ConflictException:
        fields: dict[str, Any] = {}
        value: Any
        value = data.get("reason")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["reason"] = _wire.enum_member(ConflictExceptionReason, value)
        value = data.get("resourceId")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["resource_id"] = value if type(value) is str else _wire.as_str(value)
        value = data.get("resourceType")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["resource_type"] = value if type(value) is str else _wire.as_str(value)
        value = data.get("context")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["context"] = {
                    k0: (v0 if type(v0) is str else _wire.as_str(v0))
                    for k0, v0 in _wire.as_map(value).items()
                    if v0 is not None
                }
        return cls(**base, **fields)


class InternalServerErrorException(DeadlineError):
    """Deadline Cloud can't process your request right now. Try again later.

    Attributes:
        retry_after_seconds: The number of seconds a client should wait before
            retrying the request.
    """

    code_name: ClassVar[str] = "InternalServerErrorException"
    retryable: ClassVar[bool] = True
    http_status: ClassVar[int] = 500

    def __init__(
        self,
        message: str = "",
        *,
        retry_after_seconds: int | None = None,
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
        self.retry_after_seconds = retry_after_seconds

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> InternalServerErrorException:
        fields: dict[str, Any] = {}
        value: Any
        value = response.headers.get("Retry-After")
        if value is not None:
            # A malformed modeled field leaves it unset rather than hiding the error itself.
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["retry_after_seconds"] = int(value)
        return cls(**base, **fields)


class ResourceNotFoundException(DeadlineError):
    """The requested resource can't be found.

    Attributes:
        resource_id: The identifier of the resource that couldn't be found.
        resource_type: The type of the resource that couldn't be found.
        context: Information about the resources in use when the exception was thrown.
    """

    code_name: ClassVar[str] = "ResourceNotFoundException"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 404

    def __init__(
        self,
        message: str = "",
        *,
        resource_id: str | None = None,
        resource_type: str | None = None,
        context: dict[str, str] | None = None,
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
        self.resource_id = resource_id
        self.resource_type = resource_type
        self.context = context

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> ResourceNotFoundException:
        fields: dict[str, Any] = {}
        value: Any
        value = data.get("resourceId")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["resource_id"] = value if type(value) is str else _wire.as_str(value)
        value = data.get("resourceType")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["resource_type"] = value if type(value) is str else _wire.as_str(value)
        value = data.get("context")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["context"] = {
                    k0: (v0 if type(v0) is str else _wire.as_str(v0))
                    for k0, v0 in _wire.as_map(value).items()
                    if v0 is not None
                }
        return cls(**base, **fields)


class ServiceQuotaExceededException(DeadlineError):
    """You exceeded your service quota. Service quotas, also referred to as limits, are the
    maximum number of service resources or operations for your Amazon Web Services
    account.

    Attributes:
        reason: A string that describes the reason the quota was exceeded.
        resource_type: The type of the affected resource
        service_code: Identifies the service that exceeded the quota.
        quota_code: Identifies the quota that has been exceeded.
        resource_id: The identifier of the affected resource.
        context: Information about the resources in use when the exception was thrown.
    """

    code_name: ClassVar[str] = "ServiceQuotaExceededException"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 402

    def __init__(
        self,
        message: str = "",
        *,
        reason: ServiceQuotaExceededExceptionReason | None = None,
        resource_type: str | None = None,
        service_code: str | None = None,
        quota_code: str | None = None,
        resource_id: str | None = None,
        context: dict[str, str] | None = None,
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
        self.reason = reason
        self.resource_type = resource_type
        self.service_code = service_code
        self.quota_code = quota_code
        self.resource_id = resource_id
        self.context = context

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> ServiceQuotaExceededException:
        fields: dict[str, Any] = {}
        value: Any
        value = data.get("reason")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["reason"] = _wire.enum_member(ServiceQuotaExceededExceptionReason, value)
        value = data.get("resourceType")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["resource_type"] = value if type(value) is str else _wire.as_str(value)
        value = data.get("serviceCode")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["service_code"] = value if type(value) is str else _wire.as_str(value)
        value = data.get("quotaCode")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["quota_code"] = value if type(value) is str else _wire.as_str(value)
        value = data.get("resourceId")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["resource_id"] = value if type(value) is str else _wire.as_str(value)
        value = data.get("context")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["context"] = {
                    k0: (v0 if type(v0) is str else _wire.as_str(v0))
                    for k0, v0 in _wire.as_map(value).items()
                    if v0 is not None
                }
        return cls(**base, **fields)


class ThrottlingException(DeadlineError):
    """Your request exceeded a request rate quota.

    Attributes:
        service_code: Identifies the service that is being throttled.
        quota_code: Identifies the quota that is being throttled.
        retry_after_seconds: The number of seconds a client should wait before
            retrying the request.
        context: Information about the resources in use when the exception was thrown.
    """

    code_name: ClassVar[str] = "ThrottlingException"
    retryable: ClassVar[bool] = True
    http_status: ClassVar[int] = 429

    def __init__(
        self,
        message: str = "",
        *,
        service_code: str | None = None,
        quota_code: str | None = None,
        retry_after_seconds: int | None = None,
        context: dict[str, str] | None = None,
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
        self.service_code = service_code
        self.quota_code = quota_code
        self.retry_after_seconds = retry_after_seconds
        self.context = context

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> ThrottlingException:
        fields: dict[str, Any] = {}
        value: Any
        value = data.get("serviceCode")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["service_code"] = value if type(value) is str else _wire.as_str(value)
        value = data.get("quotaCode")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["quota_code"] = value if type(value) is str else _wire.as_str(value)
        value = response.headers.get("Retry-After")
        if value is not None:
            # A malformed modeled field leaves it unset rather than hiding the error itself.
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["retry_after_seconds"] = int(value)
        value = data.get("context")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["context"] = {
                    k0: (v0 if type(v0) is str else _wire.as_str(v0))
                    for k0, v0 in _wire.as_map(value).items()
                    if v0 is not None
                }
        return cls(**base, **fields)


class ValidationException(DeadlineError):
    """The request isn't valid. This can occur if your request contains malformed JSON or
    unsupported characters.

    Attributes:
        reason: The reason that the request failed validation.
        field_list: A list of fields that failed validation.
        context: Information about the resources in use when the exception was thrown.
    """

    code_name: ClassVar[str] = "ValidationException"
    retryable: ClassVar[bool] = False
    http_status: ClassVar[int] = 400

    def __init__(
        self,
        message: str = "",
        *,
        reason: ValidationExceptionReason | None = None,
        field_list: list[ValidationExceptionField] | None = None,
        context: dict[str, str] | None = None,
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
        self.reason = reason
        self.field_list = field_list
        self.context = context

    @classmethod
    def _from_response(
        cls, response: HttpResponse, data: Mapping[str, Any], **base: Any
    ) -> ValidationException:
        fields: dict[str, Any] = {}
        value: Any
        value = data.get("reason")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["reason"] = _wire.enum_member(ValidationExceptionReason, value)
        value = data.get("fieldList")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["field_list"] = [
                    ValidationExceptionField.from_dict(v0)
                    for v0 in _wire.as_list(value)
                    if v0 is not None
                ]
        value = data.get("context")
        if value is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                fields["context"] = {
                    k0: (v0 if type(v0) is str else _wire.as_str(v0))
                    for k0, v0 in _wire.as_map(value).items()
                    if v0 is not None
                }
        return cls(**base, **fields)


# Keyed by each class's own code_name: one short line per class, however long its name.
_MODELED: tuple[type[DeadlineError], ...] = (
    AccessDeniedException,
    ConflictException,
    InternalServerErrorException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ThrottlingException,
    ValidationException,
)
ERRORS_BY_CODE: dict[str, type[DeadlineError]] = {error.code_name: error for error in _MODELED}
"""Modeled errors by the error code the service sends."""
