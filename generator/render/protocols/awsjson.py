"""aws.protocols#awsJson1_0 and #awsJson1_1: every call a POST to / with X-Amz-Target."""

from __future__ import annotations

from typing import Any

from generator.ir import Member, Operation, Shape
from generator.render.protocols.aws import AwsProtocol
from generator.render.protocols.base import ErrorResponse, ExpectedRequest


class AwsJson(AwsProtocol):
    wire_template = "python/protocols/awsjson.j2"
    runtime_module = "_awsjson"
    all_members_in_body = True

    def __init__(self, service: Any, version: str) -> None:
        super().__init__(service)
        self.version = version
        self.id = "awsJson" + version.replace(".", "_")

    @property
    def content_type(self) -> str:
        return f"application/x-amz-json-{self.version}"

    def target_header(self, op: Operation) -> str:
        return f"{self.service.target_prefix}.{op.name}"

    def request_content_type(self, op: Operation) -> str:
        return self.content_type

    def in_json_body(self, member: Member) -> bool:
        return True  # bindings mean nothing here: the body holds every member

    def input_body_kind(self, bound: str) -> str:
        return "members"

    def expected_request(
        self,
        op: Operation,
        labels: dict[str, str],
        query: dict[str, str],
        headers: dict[str, str],
        body: Any,
        has_body: bool,
    ) -> ExpectedRequest:
        # Bindings mean nothing here: a POST to / whose body holds every member.
        headers = {
            **headers,
            "X-Amz-Target": self.target_header(op),
            "Content-Type": self.content_type,
        }
        return ExpectedRequest("POST", "/", {}, headers, body, True)

    def error_response(self, shape: Shape, body: dict[str, Any], status: int = 0) -> ErrorResponse:
        info = shape.error
        status = status or (info.http_status if info else None) or 400
        namespace = shape.id.split("#", 1)[0]
        return ErrorResponse(
            status, {}, {**body, "__type": f"{namespace}#{shape.name}"}, shape.name
        )
