"""Features that official AWS models beyond the corpus exposed, each on a small hand-written model.

Found by generating SSO, Marketplace Entitlement, SageMaker Runtime, AppConfig Data, API Gateway
Management and others from aws/api-models-aws and calling them next to botocore (README, "AWS
protocols").
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.config import ServiceConfig
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.package import render_package, scaffold_files
from support import line_of, spec_from_text


def render_spec(folder: Path, spec: str, package: str) -> Any:
    """Generate `spec` into `folder` and import the package."""
    loaded, _ = spec_from_text(folder, spec)
    assert loaded.ok and loaded.service is not None
    config = ServiceConfig(spec=folder / "spec.yaml", package=package, output=folder)
    env = build_environment(None)
    files = render_package(loaded.service, config, env, Formatter(None))
    files.update(scaffold_files(loaded.service, config, env))
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(folder))


class Recorder:
    """A transport answering every request with one canned response, keeping the requests."""

    def __init__(self, pkg: Any, body: bytes = b"{}") -> None:
        self.pkg, self.body = pkg, body
        self.sent: list[Any] = []

    def send(self, request: Any, *, timeout: float | None) -> Any:
        self.sent.append(request)
        return self.pkg.HttpResponse(200, {}, self.body)


class AsyncRecorder(Recorder):
    async def send(self, request: Any, *, timeout: float | None) -> Any:  # type: ignore[override]
        return super().send(request, timeout=timeout)


@pytest.fixture
def no_aws_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


# --- @auth([]): operations sent unsigned, callable without credentials (SSO GetRoleCredentials)

UNSIGNED = """
smithy: "2.0"
shapes:
  ex.portal#Portal:
    type: service
    version: "2024-01-01"
    operations: [{target: ex.portal#GetToken}, {target: ex.portal#ListThings}]
    traits:
      aws.protocols#restJson1: {}
      aws.auth#sigv4: {name: portal}
      aws.api#service: {sdkId: Portal}
  ex.portal#GetToken:
    type: operation
    input: {target: ex.portal#GetTokenInput}
    traits:
      smithy.api#auth: []
      smithy.api#optionalAuth: {}
      smithy.api#http: {method: GET, uri: /token, code: 200}
  ex.portal#GetTokenInput:
    type: structure
    members:
      bearer:
        target: smithy.api#String
        traits: {smithy.api#httpHeader: x-amz-portal_bearer_token, smithy.api#required: {}}
  ex.portal#ListThings:
    type: operation
    traits:
      smithy.api#http: {method: GET, uri: /things, code: 200}
"""


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return render_spec(tmp_path_factory.mktemp("portal"), UNSIGNED, "portal_pkg")


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_an_auth_less_operation_needs_no_credentials_and_is_sent_unsigned(
    portal: Any, no_aws_credentials: None, asynchronous: bool
) -> None:
    transport = AsyncRecorder(portal) if asynchronous else Recorder(portal)
    cls = portal.AsyncPortalClient if asynchronous else portal.PortalClient
    client = cls("us-east-1", transport=transport)  # no credentials anywhere: still created

    async def calls() -> None:
        await client.get_token(bearer="tok")
        with pytest.raises(portal.NoCredentialsError):
            await client.list_things()  # a signed operation still needs them

    if asynchronous:
        asyncio.run(calls())
    else:
        client.get_token(bearer="tok")
        with pytest.raises(portal.NoCredentialsError):
            client.list_things()
    (sent,) = transport.sent
    names = {name.lower() for name, _ in sent.headers.multi_items()}
    assert "authorization" not in names and "x-amz-date" not in names
    assert sent.headers["x-amz-portal_bearer_token"] == "tok"
    assert "amz-sdk-invocation-id" in names  # botocore's retry headers still go out


def test_with_credentials_only_the_signed_operation_is_signed(portal: Any) -> None:
    transport = Recorder(portal)
    client = portal.PortalClient(
        "us-east-1", credentials=portal.AwsCredentials("AKID", "SECRET"), transport=transport
    )
    client.get_token(bearer="tok")
    client.list_things()
    unsigned, signed = transport.sent
    assert "Authorization" not in unsigned.headers
    assert signed.headers["Authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKID/")


def test_credentials_of_a_wrong_type_are_refused_when_the_client_is_created(portal: Any) -> None:
    with pytest.raises(TypeError, match="get_frozen_credentials"):
        portal.PortalClient("us-east-1", credentials=object())


def test_the_docs_say_which_operations_are_sent_unsigned(portal: Any) -> None:
    assert "Sent unsigned" in (portal.PortalClient.get_token.__doc__ or "")
    assert "Sent unsigned" not in (portal.PortalClient.list_things.__doc__ or "")


# --- event streams: a WARNING naming the operation, and docs that say so (SageMaker Runtime)

EVENT_STREAM = """
smithy: "2.0"
shapes:
  ex.infer#Infer:
    type: service
    version: "2024-01-01"
    operations: [{target: ex.infer#InvokeStream}]
    traits:
      aws.protocols#restJson1: {}
      aws.auth#sigv4: {name: infer}
      aws.api#service: {sdkId: Infer}
  ex.infer#InvokeStream:
    type: operation
    input: {target: ex.infer#InvokeStreamInput}
    output: {target: ex.infer#InvokeStreamOutput}
    traits:
      smithy.api#http: {method: POST, uri: /invoke, code: 200}
  ex.infer#InvokeStreamInput:
    type: structure
    members:
      Body: {target: smithy.api#Blob, traits: {smithy.api#httpPayload: {}}}
  ex.infer#InvokeStreamOutput:
    type: structure
    members:
      Events: {target: ex.infer#Events, traits: {smithy.api#httpPayload: {}}}
  ex.infer#Events:
    type: union
    traits: {smithy.api#streaming: {}}
    members:
      Part: {target: ex.infer#Part}
  ex.infer#Part:
    type: structure
    members:
      Bytes: {target: smithy.api#Blob, traits: {smithy.api#eventPayload: {}}}
"""


def test_an_event_stream_is_a_warning_naming_the_operation_never_an_error(tmp_path: Path) -> None:
    from generator.diagnostics import Severity

    loaded, body = spec_from_text(tmp_path, EVENT_STREAM)
    assert loaded.ok
    events = [(e.id, e.severity) for e in loaded.diagnostics.events]
    # The stream's traits are known: no UnknownTrait note for them, one warning.
    assert events == [("EventStreamUnsupported", Severity.WARNING)]
    (warning,) = loaded.diagnostics.events
    assert "InvokeStream" in warning.message and "'Events'" in warning.message
    # Located at the member, in the output structure.
    assert warning.location.line == line_of(body, "Events: {target: ex.infer#Events")


def test_an_event_stream_operation_is_generated_and_documented_as_unsupported(
    tmp_path: Path,
) -> None:
    pkg = render_spec(tmp_path, EVENT_STREAM, "infer_pkg")
    doc = pkg.InferClient.invoke_stream.__doc__ or ""
    assert "Not supported: the output is an event stream" in " ".join(doc.split())
    page = (tmp_path / "docs" / "InferClient.md").read_text()
    assert "**Not supported:** the output is an event stream" in page
