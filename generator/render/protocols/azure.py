"""The Azure profile of the OpenAPI protocol, turned on by a document's x-ms-* extensions (or
its Microsoft Entra ID security).

Azure's conventions on top of the generic REST + JSON protocol: an api-version query parameter
on every request, OData error bodies, x-ms-client-request-id generated per call, SharedKey or
Entra ID (Bearer) credentials with the service's token scopes, and msrest's wire habits
(timestamps always with milliseconds, nulls kept in collections, uuids as plain strings, bounds
of numeric options checked before sending). Like the generic protocol it sends a parameter
only when the caller gives it, as azure-batch does without an options object.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from generator import media
from generator.ir import AuthKind, Binding, Kind, Member, Operation, Shape
from generator.render.protocols.base import (
    SCALAR_TEXT_KINDS,
    ContextArg,
    ErrorResponse,
    ExpectedRequest,
    ProtocolGenerator,
)
from generator.render.protocols.rest import OpenApiRest


class AzureRest(OpenApiRest):
    id = "azure"
    client_template = "python/protocols/azure_client.j2"
    runtime_module = "_azure"
    runtime_extra = frozenset({"_styles.py", "_bodies.py", "_sharedkey.py", "_bearer.py"})
    drops_nulls = False
    retry_policy = "azure"
    control_keys = ("odata.metadata",)  # the OData context URL of a response
    # azure-core's exceptions (what its users catch), each under the service's error class.
    status_errors = (
        (
            "ClientAuthenticationError",
            (401, 403),
            "The request was not authenticated or not allowed (HTTP 401 or 403); azure-core's "
            "ClientAuthenticationError.",
        ),
        (
            "ResourceNotFoundError",
            (404,),
            "The resource does not exist (HTTP 404); azure-core's ResourceNotFoundError.",
        ),
        (
            "ResourceExistsError",
            (409,),
            "The resource exists already, or the request conflicts with its state (HTTP 409); "
            "azure-core's ResourceExistsError.",
        ),
        (
            "ResourceModifiedError",
            (412,),
            "A condition of the request (If-Match, If-Unmodified-Since) failed: the resource "
            "changed (HTTP 412); azure-core's ResourceModifiedError.",
        ),
        (
            "ResourceNotModifiedError",
            (304,),
            "The resource has not changed since the If-None-Match / If-Modified-Since given "
            "(HTTP 304); it carries no error code. azure-core's "
            "ResourceNotModifiedError.",
        ),
    )
    stub_imports: tuple[str, ...] = ("SharedKeyCredential",)
    runtime_exports: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("_sharedkey", ("SharedKeyCredential",)),
        ("_bodies", ("File",)),
    )
    doc_imports: tuple[str, ...] = ("SharedKeyCredential",)
    strict_success_codes = True
    fixed_query = (("api-version", "api_version"),)
    frames_empty_bodies = True  # azure-batch sends through requests, and SharedKey signs it
    query_name_quoter = "quote_query_name"  # "$filter" as the Azure SDKs send it
    uuid_as_str = True
    missing_code_is_none = True  # azure-core's HttpResponseError.error.code

    def __init__(self, service: Any) -> None:
        super().__init__(service)
        # SharedKey only for documents that declare it (an apiKey scheme on Authorization);
        # other Azure services authenticate with Entra ID tokens alone.
        self.shared_key = any(a.kind is AuthKind.SHARED_KEY for a in service.auth)
        # Error bodies wrapped as OData v4 says ({"error": {"code", "message"}}: Key Vault,
        # Resource Manager) when the document's error schemas are such wrappers; Batch's carry
        # their code on top (and azure-batch reports none for a wrapped body).
        if _odata_v4_errors(service):
            self.parse_error_args = ", odata_v4=True"
        if not self.shared_key:
            self.runtime_extra = self.runtime_extra - {"_sharedkey.py"}
            self.stub_imports = ()
            self.doc_imports = ()
            self.runtime_exports = (("_bodies", ("File",)),)

    def written_timestamp(self, fmt: str) -> str:
        # msrest writes date-times with milliseconds (...T12:00:00.000Z); parsing takes either.
        return "date-time-ms" if fmt == "date-time" else fmt

    def context_args(self) -> list[ContextArg]:
        return [ContextArg("api_version", "str", "self.api_version")]

    def checks_range(self, member: Member, target: Shape) -> bool:
        # msrest checks the bounds of query/header numbers (maxresults 1..1000) and raises.
        return (
            member.binding in (Binding.HEADER, Binding.QUERY)
            and SCALAR_TEXT_KINDS.get(target.kind) is int
        )

    def client_request_id(self, member: Member) -> bool:
        return member.client_request_id

    def expected_request(
        self,
        op: Operation,
        labels: dict[str, str],
        query: dict[str, str],
        headers: dict[str, str],
        body: Any,
        has_body: bool,
    ) -> ExpectedRequest:
        # The stub client signs with SharedKey: only the api-version is added to what the
        # bindings say (the signature itself is compared with azure-batch's elsewhere).
        query = {"api-version": self.service.version, **query}
        expected = ProtocolGenerator.expected_request(
            self, op, labels, query, headers, body, has_body
        )
        if op.request_bodies and media.essence(op.request_bodies[0].media_type).startswith(
            "multipart/"
        ):
            # The boundary is chosen per request (as OpenApiRest says; reserved-words.json).
            expected.headers.pop("Content-Type", None)
        return expected

    def empty_output_body(self) -> str:
        return ""

    def error_response(self, shape: Shape, body: dict[str, Any], status: int = 0) -> ErrorResponse:
        info = shape.error
        status = status or (info.http_status if info else None) or 404
        return ErrorResponse(status, {}, body, str(self._inner(body).get("code", "")) or None)

    def error_message(self, body: dict[str, Any], status: int) -> str:
        # No message: the status's reason phrase, as the runtime (and the Azure SDKs) report.
        message = ProtocolGenerator.error_message(self, self._inner(body), status)
        if message:
            return message
        try:
            return HTTPStatus(status).phrase
        except ValueError:
            return ""

    def _inner(self, body: dict[str, Any]) -> dict[str, Any]:
        """Where the runtime reads an error's code and message: inside the OData v4 wrapper
        when the service's errors are wrapped."""
        inner = body.get("error") if self.parse_error_args else None
        return inner if isinstance(inner, dict) else body

    def unmodeled_error_class(self, errors: list[str]) -> str:
        # Operations declare their error body as the `default` response: any failure parses
        # as that error.
        return errors[0] if errors else ""


def _odata_v4_errors(service: Any) -> bool:
    """Whether the operations' error bodies are OData v4 wrappers: an `error` structure and no
    `code` of their own."""
    for op in service.operations:
        for response in op.responses:
            if response.is_success or response.body is None:
                continue
            shape = service.shape(response.body)
            if shape is None or shape.kind is not Kind.STRUCTURE:
                continue
            names = {m.wire_name or m.name for m in shape.members}
            if "code" in names:
                return False
            inner = next((m for m in shape.members if (m.wire_name or m.name) == "error"), None)
            target = service.shape(inner.target) if inner else None
            if target is not None and target.kind is Kind.STRUCTURE:
                return True
    return False
