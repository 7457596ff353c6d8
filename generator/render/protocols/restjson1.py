"""aws.protocols#restJson1: HTTP bindings, JSON bodies, errors named by X-Amzn-Errortype."""

from __future__ import annotations

from typing import Any

from generator.ir import Shape
from generator.render.protocols.aws import AwsProtocol
from generator.render.protocols.base import ErrorResponse


class RestJson1(AwsProtocol):
    id = "restJson1"
    runtime_module = "_restjson1"
    # An unset structure payload is still a JSON object (Smithy protocol tests
    # RestJsonHttpWithEmptyStructurePayload, RestJsonHttpWithHeadersButNoPayload).
    unset_structure_payload = "{}"

    def error_response(self, shape: Shape, body: dict[str, Any], status: int = 0) -> ErrorResponse:
        info = shape.error
        status = status or (info.http_status if info else None) or 400
        # The header wins over the body and carries a namespace suffix the client strips.
        headers = {"x-amzn-errortype": f"{shape.name}:http://internal.amazon.com/coral/"}
        return ErrorResponse(status, headers, body, shape.name)
