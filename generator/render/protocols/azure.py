"""The Azure profile of REST + JSON, turned on by a document's x-ms-* extensions.

Azure's conventions on top of plain HTTP bindings: an api-version query parameter on every
request, OData error bodies, x-ms-client-request-id generated per call, SharedKey or Entra ID
(Bearer) auth with the service's token scopes, and msrest's wire habits (timestamps always with
milliseconds, nulls kept in collections, spec defaults of option parameters sent, bounds of
numeric options checked before sending).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from generator.ir import Binding, Member, Operation, Shape
from generator.render.protocols.base import (
    SCALAR_TEXT_KINDS,
    ContextArg,
    ErrorResponse,
    ExpectedRequest,
    ProtocolGenerator,
)


class AzureRest(ProtocolGenerator):
    id = "azure"
    client_template = "python/protocols/azure_client.j2"
    runtime_module = "_azure"
    runtime_extra = frozenset({"_sharedkey.py"})
    timestamp_defaults: ClassVar[Mapping[str, str]] = {
        "body": "date-time",
        "header": "http-date",
        "query": "date-time",
    }
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
            "(HTTP 304); like azure-batch, it carries no error code. azure-core's "
            "ResourceNotModifiedError.",
        ),
    )
    stub_imports = ("SharedKeyCredential",)
    runtime_exports = (("_sharedkey", ("SharedKeyCredential",)),)
    doc_imports = ("SharedKeyCredential",)
    errors_by_code = False
    strict_success_codes = True
    fixed_query = (("api-version", "api_version"),)
    frames_empty_bodies = True  # azure-batch sends through requests, and SharedKey signs it
    query_name_quoter = "quote_query_name"  # "$filter" as the Azure SDKs send it

    def written_timestamp(self, fmt: str) -> str:
        # msrest writes date-times with milliseconds (...T12:00:00.000Z); parsing takes either.
        return "date-time-ms" if fmt == "date-time" else fmt

    def context_args(self) -> list[ContextArg]:
        return [ContextArg("api_version", "str", "self.api_version")]

    def sent_default(self, member: Member, target: Shape) -> Any:
        # azure-batch's options models default to the spec's defaults (timeout=30,
        # maxresults=1000, return-client-request-id false) and send them.
        sent_type = SCALAR_TEXT_KINDS.get(target.kind)
        if (
            member.binding in (Binding.HEADER, Binding.QUERY)
            and not member.required
            and member.has_default
            and sent_type is not None
            and type(member.default) is sent_type
        ):
            return member.default
        return None

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
        query = {"api-version": self.service.version, **query}
        return super().expected_request(op, labels, query, headers, body, has_body)

    def empty_output_body(self) -> str:
        return ""

    def error_response(self, shape: Shape, body: dict[str, Any]) -> ErrorResponse:
        info = shape.error
        status = (info.http_status if info else None) or 404
        return ErrorResponse(status, {}, body, str(body.get("code", "")) or str(status))

    def unmodeled_error_class(self, errors: list[str]) -> str:
        # Operations declare their error body as the `default` response: any failure parses
        # as that error.
        return errors[0] if errors else ""
