"""Features that official AWS models beyond the corpus exposed, each on a small hand-written model.

Found by generating SSO, Marketplace Entitlement, SageMaker Runtime, AppConfig Data, API Gateway
Management and others from aws/api-models-aws and calling them next to botocore (README, "AWS
protocols").
"""

from __future__ import annotations

import asyncio
import importlib
import json
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


# --- @optionalAuth: the operation MAY be called without auth (smithy.io, "optionalAuth trait").
# Signed when credentials are found, else sent unsigned: the Smithy SDKs' no-auth option, placed
# after the service's schemes (Rust's NoAuthScheme, smithy's ServiceIndex NO_AUTH_AWARE). Was:
# always signed, so the call failed with NoCredentialsError on a machine without credentials.

OPTIONAL_AUTH = """
smithy: "2.0"
shapes:
  ex.id#Ident:
    type: service
    version: "2024-01-01"
    operations: [{target: ex.id#GetId}, {target: ex.id#DeletePool}]
    traits:
      aws.protocols#awsJson1_1: {}
      aws.auth#sigv4: {name: ident}
      aws.api#service: {sdkId: Ident}
  ex.id#GetId:
    type: operation
    input: {target: ex.id#GetIdInput}
    traits: {smithy.api#optionalAuth: {}}
  ex.id#GetIdInput:
    type: structure
    members:
      PoolId: {target: smithy.api#String, traits: {smithy.api#required: {}}}
  ex.id#DeletePool:
    type: operation
"""


@pytest.fixture(scope="module")
def ident(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return render_spec(tmp_path_factory.mktemp("ident"), OPTIONAL_AUTH, "ident_pkg")


def _signed(request: Any) -> bool:
    return "authorization" in {name.lower() for name, _ in request.headers.multi_items()}


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_an_optional_auth_operation_without_credentials_is_sent_unsigned(
    ident: Any, no_aws_credentials: None, asynchronous: bool
) -> None:
    transport = AsyncRecorder(ident) if asynchronous else Recorder(ident)
    cls = ident.AsyncIdentClient if asynchronous else ident.IdentClient
    client = cls("us-east-1", transport=transport)  # no credentials anywhere: still created

    async def calls() -> None:
        await client.get_id(pool_id="p1")
        await client.get_id(pool_id="p2")
        with pytest.raises(ident.NoCredentialsError):
            await client.delete_pool()  # an operation without @optionalAuth still needs them

    if asynchronous:
        asyncio.run(calls())
    else:
        client.get_id(pool_id="p1")
        client.get_id(pool_id="p2")
        with pytest.raises(ident.NoCredentialsError):
            client.delete_pool()
    assert len(transport.sent) == 2 and not any(_signed(r) for r in transport.sent)
    assert json.loads(transport.sent[0].body) == {"PoolId": "p1"}
    assert transport.sent[0].headers["X-Amz-Target"] == "Ident.GetId"


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_an_optional_auth_operation_is_signed_when_credentials_are_found(
    ident: Any, no_aws_credentials: None, monkeypatch: pytest.MonkeyPatch, asynchronous: bool
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "SECRET")
    transport = AsyncRecorder(ident) if asynchronous else Recorder(ident)
    cls = ident.AsyncIdentClient if asynchronous else ident.IdentClient
    client = cls("us-east-1", transport=transport)
    if asynchronous:
        asyncio.run(client.get_id(pool_id="p1"))
    else:
        client.get_id(pool_id="p1")
    (sent,) = transport.sent
    assert sent.headers["Authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKIDENV/")


def test_explicit_credentials_sign_an_optional_auth_operation(ident: Any) -> None:
    transport = Recorder(ident)
    creds = ident.AwsCredentials("AKID", "SECRET")
    ident.IdentClient("us-east-1", credentials=creds, transport=transport).get_id(pool_id="p")
    assert (
        transport.sent[0].headers["Authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKID/")
    )


def test_misconfigured_credentials_are_an_error_not_a_silently_unsigned_call(
    ident: Any, no_aws_credentials: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDENV")  # half a key pair
    partial = importlib.import_module("ident_pkg._runtime._credentials").PartialCredentialsError
    transport = Recorder(ident)
    with pytest.raises(partial):
        ident.IdentClient("us-east-1", transport=transport).get_id(pool_id="p")
    assert transport.sent == []


def test_the_chain_is_searched_once_per_client(
    ident: Any, no_aws_credentials: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As botocore resolves credentials once per client: found none, the client keeps sending
    # @optionalAuth calls unsigned without searching the chain (files, IMDS) again each time.
    transport = Recorder(ident)
    client = ident.IdentClient("us-east-1", transport=transport)
    client.get_id(pool_id="p1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDLATER")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "SECRET")
    client.get_id(pool_id="p2")
    assert not any(_signed(r) for r in transport.sent)
    with pytest.raises(ident.NoCredentialsError):
        client.delete_pool()


def test_the_docs_say_which_operations_may_be_sent_unsigned(ident: Any) -> None:
    assert "Auth optional" in (ident.IdentClient.get_id.__doc__ or "")
    assert "Auth optional" not in (ident.IdentClient.delete_pool.__doc__ or "")


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


# --- @paginated: paginate_<method> yields every page (SSO ListAccounts, Marketplace Entitlement)

PAGES = """
smithy: "2.0"
shapes:
  ex.pages#Pages:
    type: service
    version: "2024-01-01"
    operations: [{target: ex.pages#ListThings}, {target: ex.pages#ScanThings}]
    traits:
      aws.protocols#awsJson1_0: {}
      aws.auth#sigv4: {name: pages}
      aws.api#service: {sdkId: Pages}
  ex.pages#ListThings:
    type: operation
    input: {target: ex.pages#ListThingsInput}
    output: {target: ex.pages#ListThingsOutput}
    traits:
      smithy.api#paginated: {inputToken: NextToken, outputToken: NextToken, items: Things,
                             pageSize: MaxResults}
  ex.pages#ListThingsInput:
    type: structure
    members:
      Owner: {target: smithy.api#String, traits: {smithy.api#required: {}}}
      NextToken: {target: smithy.api#String}
      MaxResults: {target: smithy.api#Integer}
  ex.pages#ListThingsOutput:
    type: structure
    members:
      Things: {target: ex.pages#Names}
      NextToken: {target: smithy.api#String}
  ex.pages#ScanThings:
    type: operation
    input: {target: ex.pages#ScanThingsInput}
    output: {target: ex.pages#ScanThingsOutput}
    traits:
      smithy.api#paginated: {inputToken: Start, outputToken: Result.Next}
  ex.pages#ScanThingsInput:
    type: structure
    members:
      Start: {target: smithy.api#String}
  ex.pages#ScanThingsOutput:
    type: structure
    members:
      Result: {target: ex.pages#ScanResult}
  ex.pages#ScanResult:
    type: structure
    members:
      Names: {target: ex.pages#Names}
      Next: {target: smithy.api#String}
  ex.pages#Names:
    type: list
    member: {target: smithy.api#String}
"""


class PagingStub(Recorder):
    """Answers from a script of JSON bodies, one per request, keeping the request bodies."""

    def __init__(self, pkg: Any, bodies: list[dict[str, Any]]) -> None:
        super().__init__(pkg)
        self.bodies = bodies
        self.requests: list[dict[str, Any]] = []

    def send(self, request: Any, *, timeout: float | None) -> Any:
        self.requests.append(json.loads(request.body))
        return self.pkg.HttpResponse(200, {}, json.dumps(self.bodies.pop(0)).encode())


class AsyncPagingStub(PagingStub):
    async def send(self, request: Any, *, timeout: float | None) -> Any:  # type: ignore[override]
        return super().send(request, timeout=timeout)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return render_spec(tmp_path_factory.mktemp("pages"), PAGES, "pages_pkg")


def _client(pkg: Any, stub: PagingStub, asynchronous: bool) -> Any:
    cls = pkg.AsyncPagesClient if asynchronous else pkg.PagesClient
    return cls("us-east-1", credentials=pkg.AwsCredentials("AKID", "SECRET"), transport=stub)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_paginate_follows_the_token_until_a_page_has_none(pages: Any, asynchronous: bool) -> None:
    bodies = [
        {"Things": ["a", "b"], "NextToken": "t2"},
        {"Things": [], "NextToken": "t3"},  # an empty page with a token: keep going
        {"Things": ["c"]},
    ]
    stub = (AsyncPagingStub if asynchronous else PagingStub)(pages, bodies)
    client = _client(pages, stub, asynchronous)
    iterator = client.paginate_list_things(owner="me", max_results=2)
    if asynchronous:

        async def collect() -> list[Any]:
            return [page async for page in iterator]

        got = asyncio.run(collect())
    else:
        got = list(iterator)
    assert [p.things for p in got] == [["a", "b"], [], ["c"]]
    assert all(isinstance(p, pages.ListThingsOutput) for p in got)
    assert stub.requests == [
        {"Owner": "me", "MaxResults": 2},
        {"Owner": "me", "MaxResults": 2, "NextToken": "t2"},
        {"Owner": "me", "MaxResults": 2, "NextToken": "t3"},
    ]


def test_paginate_takes_no_token_and_stops_on_a_repeated_one(pages: Any) -> None:
    import inspect

    assert "next_token" not in inspect.signature(pages.PagesClient.paginate_list_things).parameters
    stub = PagingStub(pages, [{"NextToken": "same"}, {"NextToken": "same"}])
    assert len(list(_client(pages, stub, False).paginate_list_things(owner="me"))) == 2
    assert len(stub.requests) == 2  # the service repeating its token ends the loop


def test_paginate_follows_a_nested_output_token(pages: Any) -> None:
    bodies = [{"Result": {"Names": ["a"], "Next": "n2"}}, {"Result": {"Names": ["b"]}}, {}]
    stub = PagingStub(pages, bodies)
    got = list(_client(pages, stub, False).paginate_scan_things())
    assert [p.result.names for p in got] == [["a"], ["b"]]
    assert stub.requests == [{}, {"Start": "n2"}]
    stub = PagingStub(pages, [{}])  # no Result at all: one page
    assert len(list(_client(pages, stub, False).paginate_scan_things())) == 1


def test_paginated_operations_document_their_page_iterator(pages: Any) -> None:
    doc = pages.PagesClient.paginate_list_things.__doc__ or ""
    assert "Every page of :meth:`list_things`" in doc
    assert "the items in ``things``" in " ".join(doc.split())


def test_the_package_readme_lists_the_page_iterators(pages: Any) -> None:
    readme = (Path(pages.__file__).parent.parent / "README.md").read_text()
    assert "| `list_things` | `paginate_list_things` | `things` |" in readme
    assert "| `scan_things` | `paginate_scan_things` |  |" in readme


# --- Smithy 2.0 mixins: the JSON AST lists `mixins` and leaves their members off the shape

MIXINS = """
smithy: "2.0"
shapes:
  ex.mix#Mix:
    type: service
    version: "2024-01-01"
    operations: [{target: ex.mix#PutThing}]
    traits:
      aws.protocols#restJson1: {}
      aws.auth#sigv4: {name: mix}
      aws.api#service: {sdkId: Mix}
  ex.mix#PutThing:
    type: operation
    input: {target: ex.mix#PutThingInput}
    output: {target: ex.mix#Thing}
    traits:
      smithy.api#http: {method: PUT, uri: "/things/{id}", code: 200}
  ex.mix#Identified:
    type: structure
    mixins: [{target: ex.mix#Owned}]
    members:
      id: {target: smithy.api#String, traits: {smithy.api#required: {}}}
    traits: {smithy.api#mixin: {}, smithy.api#documentation: Has an id.}
  ex.mix#Owned:
    type: structure
    members:
      owner: {target: smithy.api#String, traits: {smithy.api#jsonName: ownedBy}}
    traits: {smithy.api#mixin: {}}
  ex.mix#PutThingInput:
    type: structure
    mixins: [{target: ex.mix#Identified}]
    members:
      id: {target: smithy.api#String, traits: {smithy.api#httpLabel: {}}}
      size: {target: smithy.api#Integer}
  ex.mix#Thing:
    type: structure
    mixins: [{target: ex.mix#Identified}]
    members:
      size: {target: smithy.api#Integer}
"""


def test_mixin_members_and_traits_are_the_shapes_own(tmp_path: Path) -> None:
    loaded, _ = spec_from_text(tmp_path, MIXINS)
    # Was: HttpLabelNotRequired on `id` (its @required comes from the mixin), members lost.
    assert loaded.ok, [e.format() for e in loaded.diagnostics.events]
    assert loaded.service is not None
    thing = loaded.service.shape("ex.mix#Thing")
    assert thing is not None and [m.name for m in thing.members] == ["owner", "id", "size"]
    assert thing.docs == "Has an id."  # the mixin's traits, but @mixin itself
    put = loaded.service.shape("ex.mix#PutThingInput")
    assert put is not None and [m.name for m in put.members] == ["owner", "id", "size"]
    label = put.member("id")
    assert label is not None and label.required and label.binding.name == "LABEL"


def test_a_mixed_in_member_travels_as_its_mixin_says(tmp_path: Path) -> None:
    pkg = render_spec(tmp_path, MIXINS, "mix_pkg")
    stub = Recorder(pkg, b'{"ownedBy": "me", "id": "t1", "size": 3}')
    client = pkg.MixClient(
        "us-east-1", credentials=pkg.AwsCredentials("AKID", "SECRET"), transport=stub
    )
    result = client.put_thing(id="t1", owner="me", size=3)
    (sent,) = stub.sent
    assert sent.url.endswith("/things/t1")
    assert json.loads(sent.body) == {"ownedBy": "me", "size": 3}
    assert (result.owner, result.id, result.size) == ("me", "t1", 3)


def test_a_missing_mixin_is_a_located_error_not_a_traceback(tmp_path: Path) -> None:
    spec = MIXINS.replace("mixins: [{target: ex.mix#Owned}]", "mixins: [{target: ex.mix#Nope}]")
    loaded, body = spec_from_text(tmp_path, spec)
    errors = [e for e in loaded.diagnostics.events if e.id == "UnresolvedMixin"]
    assert len(errors) >= 1 and "ex.mix#Nope" in errors[0].message
    assert errors[0].location.line == line_of(body, "ex.mix#Nope")


# --- endpoint rule sets: a global service (Organizations) signs for us-east-1 from any region

GLOBAL = """
smithy: "2.0"
shapes:
  ex.org#Org:
    type: service
    version: "2024-01-01"
    operations: [{target: ex.org#ListRoots}, {target: ex.org#Describe}, {target: ex.org#GetThing}]
    traits:
      aws.protocols#awsJson1_1: {}
      aws.auth#sigv4: {name: organizations}
      aws.api#service: {sdkId: Org, endpointPrefix: organizations}
      smithy.rules#endpointRuleSet:
        version: "1.0"
        parameters:
          Region: {builtIn: "AWS::Region", required: false, type: String}
          UseDualStack:
            {builtIn: "AWS::UseDualStack", required: true, default: false, type: Boolean}
          UseFIPS:
            {builtIn: "AWS::UseFIPS", required: true, default: false, type: Boolean}
          Endpoint: {builtIn: "SDK::Endpoint", required: false, type: String}
          ThingArn: {required: false, type: String}
        rules:
          - conditions: [{fn: isSet, argv: [{ref: Endpoint}]}]
            type: tree
            rules:
              - conditions: [{fn: booleanEquals, argv: [{ref: UseFIPS}, true]}]
                error: "Invalid Configuration: FIPS and custom endpoint are not supported"
                type: error
              - conditions: []
                endpoint: {url: {ref: Endpoint}, properties: {}, headers: {}}
                type: endpoint
          - conditions:
              - {fn: isSet, argv: [{ref: Region}]}
              - {fn: aws.partition, argv: [{ref: Region}], assign: PartitionResult}
            type: tree
            rules:
              - conditions:
                  - {fn: isSet, argv: [{ref: ThingArn}]}
                  - {fn: aws.parseArn, argv: [{ref: ThingArn}], assign: arn}
                endpoint:
                  url: "https://{arn#accountId}.things.{Region}.{PartitionResult#dnsSuffix}"
                  headers: {x-amz-account: ["{arn#accountId}"]}
                type: endpoint
              - conditions:
                  - fn: stringEquals
                    argv: [{fn: getAttr, argv: [{ref: PartitionResult}, name]}, aws]
                  - {fn: booleanEquals, argv: [{ref: UseFIPS}, false]}
                  - {fn: booleanEquals, argv: [{ref: UseDualStack}, false]}
                endpoint:
                  url: "https://organizations.us-east-1.amazonaws.com"
                  properties:
                    authSchemes:
                      - {name: sigv4, signingName: organizations, signingRegion: us-east-1}
                type: endpoint
              - conditions:
                  - fn: stringEquals
                    argv: [{fn: getAttr, argv: [{ref: PartitionResult}, name]}, aws]
                  - {fn: booleanEquals, argv: [{ref: UseFIPS}, true]}
                endpoint:
                  url: "https://organizations-fips.us-east-1.amazonaws.com"
                  properties:
                    authSchemes:
                      - {name: sigv4, signingName: organizations, signingRegion: us-east-1}
                type: endpoint
              - conditions: []
                endpoint: {url: "https://organizations.{Region}.{PartitionResult#dnsSuffix}"}
                type: endpoint
          - conditions: []
            error: "Invalid Configuration: Missing Region"
            type: error
      smithy.rules#endpointTests:
        version: "1.0"
        testCases:
          - documentation: global endpoint from any aws region
            params: {Region: eu-west-1, UseFIPS: false, UseDualStack: false}
            expect:
              endpoint:
                url: "https://organizations.us-east-1.amazonaws.com"
                properties:
                  authSchemes: [{name: sigv4, signingName: organizations, signingRegion: us-east-1}]
          - documentation: regional in China
            params: {Region: cn-north-1, UseFIPS: false, UseDualStack: false}
            expect: {endpoint: {url: "https://organizations.cn-north-1.amazonaws.com.cn"}}
          - documentation: fips with a custom endpoint
            params: {Region: us-east-1, UseFIPS: true, UseDualStack: false, Endpoint: "https://x"}
            expect: {error: "Invalid Configuration: FIPS and custom endpoint are not supported"}
  ex.org#ListRoots:
    type: operation
    output: {target: ex.org#ListRootsOutput}
  ex.org#ListRootsOutput:
    type: structure
    members:
      Roots: {target: smithy.api#String}
  ex.org#Describe:
    type: operation
    traits:
      smithy.api#endpoint: {hostPrefix: "api."}
  ex.org#GetThing:
    type: operation
    input: {target: ex.org#GetThingInput}
    traits:
      smithy.rules#staticContextParams: {UseFIPS: {value: false}}
  ex.org#GetThingInput:
    type: structure
    members:
      Arn:
        target: smithy.api#String
        traits: {smithy.rules#contextParam: {name: ThingArn}, smithy.api#required: {}}
"""


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("org")
    pkg = render_spec(folder, GLOBAL, "org_pkg")
    pkg.folder = folder
    return pkg


def _org_call(org: Any, method: str = "list_roots", **options: Any) -> Any:
    transport = Recorder(org)
    client = org.OrgClient(
        options.pop("region", "eu-west-1"),
        credentials=org.AwsCredentials("AKID", "secret"),
        transport=transport,
        **options,
    )
    args = {"arn": "arn:aws:org:eu-west-1:123456789012:thing/t1"} if method == "get_thing" else {}
    getattr(client, method)(**args)
    return transport.sent[0]


def _scope(sent: Any) -> str:
    return str(sent.headers["Authorization"]).split("Credential=")[1].split(",")[0]


def test_a_global_service_goes_to_us_east_1_and_signs_for_it(
    org: Any, no_aws_credentials: None
) -> None:
    sent = _org_call(org)
    assert sent.url == "https://organizations.us-east-1.amazonaws.com/"
    assert _scope(sent).endswith("/us-east-1/organizations/aws4_request")
    # Another partition: regional, signed for the client's region.
    sent = _org_call(org, region="cn-north-1")
    assert sent.url == "https://organizations.cn-north-1.amazonaws.com.cn/"
    assert _scope(sent).endswith("/cn-north-1/organizations/aws4_request")


def test_fips_from_the_argument_the_environment_and_the_profile(
    org: Any, no_aws_credentials: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fips = "https://organizations-fips.us-east-1.amazonaws.com/"
    assert _org_call(org, use_fips_endpoint=True).url == fips
    monkeypatch.setenv("AWS_USE_FIPS_ENDPOINT", "true")
    assert _org_call(org).url == fips
    assert _org_call(org, use_fips_endpoint=False).url != fips  # the argument wins
    monkeypatch.delenv("AWS_USE_FIPS_ENDPOINT")
    (tmp_path / "no-config").write_text("[default]\nuse_dualstack_endpoint = true\n")
    # Dual-stack in the aws partition: the rules' last endpoint (regional, signed regionally).
    sent = _org_call(org)
    assert sent.url == "https://organizations.eu-west-1.amazonaws.com/"
    assert _scope(sent).endswith("/eu-west-1/organizations/aws4_request")


def test_a_rule_set_error_is_raised_by_the_call_not_the_constructor(
    org: Any, no_aws_credentials: None
) -> None:
    client = org.OrgClient(
        "us-east-1",
        credentials=org.AwsCredentials("AKID", "secret"),
        transport=Recorder(org),
        endpoint_url="https://org.internal",
        use_fips_endpoint=True,
    )
    with pytest.raises(org.EndpointResolutionError, match="FIPS and custom endpoint"):
        client.list_roots()
    with pytest.raises(ValueError, match="FIPS and custom endpoint"):  # also a ValueError
        client.describe()


def test_endpoint_url_is_the_endpoint_and_the_host_prefix_still_applies(
    org: Any, no_aws_credentials: None
) -> None:
    sent = _org_call(org, "describe")
    assert sent.url == "https://api.organizations.us-east-1.amazonaws.com/"
    sent = _org_call(org, "describe", endpoint_url="https://org.internal:8443/")
    assert sent.url == "https://api.org.internal:8443/"
    sent = _org_call(org, "describe", endpoint_url="http://127.0.0.1:9", inject_host_prefix=False)
    assert sent.url == "http://127.0.0.1:9/"


def test_an_argument_that_is_an_endpoint_parameter_routes_the_call(
    org: Any, no_aws_credentials: None
) -> None:
    sent = _org_call(org, "get_thing")
    assert sent.url == "https://123456789012.things.eu-west-1.amazonaws.com/"
    assert sent.headers["x-amz-account"] == "123456789012"  # the rule's header
    assert _scope(sent).endswith("/eu-west-1/organizations/aws4_request")
    # The others still use the client's endpoint.
    assert _org_call(org).url == "https://organizations.us-east-1.amazonaws.com/"


def test_the_package_tests_include_the_models_endpoint_cases(org: Any) -> None:
    text = (org.folder / "tests" / "test_org_pkg_endpoints.py").read_text(encoding="utf-8")
    assert text.count("pytest.param(") == 3 + 2  # the cases, and two checked through a client
    assert "global-endpoint-from-any-aws-region" in text


BAD_RULES = [
    ("{fn: isSet, argv: [{ref: Region}]}", "{fn: isSett, argv: [{ref: Region}]}", "'isSett'"),
    ("{fn: isSet, argv: [{ref: Endpoint}]}", "{fn: isSet, argv: [{ref: Nope}]}", "'Nope'"),
    ("{url: {ref: Endpoint}, properties: {}, headers: {}}", "{properties: {}}", "'url'"),
    ('{builtIn: "AWS::Region", required: false, type: String}', "{type: Integer}", "Integer"),
    ('url: "https://organizations.{Region}', 'url: "https://organizations.{Regio}', "'Regio'"),
    ("{name: ThingArn}", "{name: ThingARN}", "ThingARN"),
    ("UseFIPS: {value: false}", "UseFIPS: {value: nope}", "UseFIPS"),
]


@pytest.mark.parametrize(("good", "bad", "named"), BAD_RULES)
def test_a_malformed_rule_set_is_a_located_error(
    tmp_path: Path, good: str, bad: str, named: str
) -> None:
    assert GLOBAL.count(good) == 1, good
    loaded, body = spec_from_text(tmp_path, GLOBAL.replace(good, bad))
    errors = [e for e in loaded.diagnostics.events if e.severity.name == "ERROR"]
    assert [e.id for e in errors] == ["EndpointRules"], [e.format() for e in errors]
    assert named in errors[0].message and errors[0].hint
    assert errors[0].location.line == line_of(body, bad)


# operationContextParams: a JMESPath over the input (here the keys of a map) is a parameter.
CONTEXT_PATHS = (
    GLOBAL.replace(
        "          ThingArn: {required: false, type: String}\n",
        "          ThingArn: {required: false, type: String}\n"
        "          TagKeys: {required: false, type: StringArray}\n",
    ).replace(
        "        rules:\n          - conditions: [{fn: isSet, argv: [{ref: Endpoint}]}]",
        "        rules:\n"
        "          - conditions:\n"
        "              - {fn: getAttr, argv: [{ref: TagKeys}, '[0]'], assign: first}\n"
        "            endpoint: {url: 'https://{first}.tags.{Region}.amazonaws.com'}\n"
        "            type: endpoint\n"
        "          - conditions: [{fn: isSet, argv: [{ref: Endpoint}]}]",
    )
    + """\
  ex.org#TagThing:
    type: operation
    input: {target: ex.org#TagThingInput}
    traits:
      smithy.rules#operationContextParams: {TagKeys: {path: "keys(Tags)"}}
  ex.org#TagThingInput:
    type: structure
    members:
      Tags: {target: ex.org#TagMap}
  ex.org#TagMap:
    type: map
    key: {target: smithy.api#String}
    value: {target: smithy.api#String}
"""
)


def test_an_operation_context_path_is_an_endpoint_parameter(
    tmp_path: Path, no_aws_credentials: None
) -> None:
    spec = CONTEXT_PATHS.replace(
        "{target: ex.org#GetThing}]", "{target: ex.org#GetThing}, {target: ex.org#TagThing}]"
    )
    pkg = render_spec(tmp_path, spec, "org_ctx_pkg")
    transport = Recorder(pkg)
    client = pkg.OrgClient(
        "eu-west-1", credentials=pkg.AwsCredentials("AKID", "secret"), transport=transport
    )
    client.tag_thing(tags={"alpha": "1", "beta": "2"})
    client.tag_thing()  # no tags: the parameter is unset
    assert [r.url for r in transport.sent] == [
        "https://alpha.tags.eu-west-1.amazonaws.com/",
        "https://organizations.us-east-1.amazonaws.com/",
    ]


# --- Smithy 2.0 mixins on operations, services and resources (smithy.io, "Mixins": members and
# traits but @mixin and the mixin's localTraits; list properties merged, mixin's first; scalar
# properties the shape's own). Was: only structure members and traits were applied, so a service
# mixin was a second service (MultipleServices ERROR), an operation lost its mixin's errors and
# traits, and a list with a mixin had no member (MissingMember ERROR).

SHAPE_MIXINS = """
smithy: "2.0"
shapes:
  ex.svc#Base:
    type: service
    version: "2020-01-01"
    operations: [{target: ex.svc#Ping}]
    errors: [{target: ex.svc#Throttled}]
    traits:
      smithy.api#mixin: {}
      aws.protocols#restJson1: {}
      aws.auth#sigv4: {name: things}
      smithy.api#documentation: Base docs.
  ex.svc#Things:
    type: service
    version: "2024-01-01"
    mixins: [{target: ex.svc#Base}]
    resources: [{target: ex.svc#Thing}]
    traits:
      aws.api#service: {sdkId: Things}
  ex.svc#Ping:
    type: operation
    traits: {smithy.api#http: {method: GET, uri: /ping, code: 200}}
  ex.svc#Validated:
    type: operation
    errors: [{target: ex.svc#Invalid}]
    traits:
      smithy.api#mixin: {localTraits: [smithy.api#deprecated]}
      smithy.api#deprecated: {}
      smithy.api#optionalAuth: {}
      smithy.api#documentation: Validated.
  ex.svc#Audited:
    type: operation
    traits:
      smithy.api#mixin: {}
      smithy.api#documentation: Audited.
  ex.svc#ResourceBase:
    type: resource
    traits: {smithy.api#mixin: {}, smithy.api#documentation: A resource.}
  ex.svc#Thing:
    type: resource
    mixins: [{target: ex.svc#ResourceBase}]
    identifiers: {id: {target: smithy.api#String}}
    read: {target: ex.svc#GetThing}
  ex.svc#GetThing:
    type: operation
    mixins: [{target: ex.svc#Validated}, {target: ex.svc#Audited}]
    input: {target: ex.svc#GetThingInput}
    output: {target: ex.svc#GetThingOutput}
    errors: [{target: ex.svc#Missing}, {target: ex.svc#Invalid}]
    traits:
      smithy.api#readonly: {}
      smithy.api#http: {method: GET, uri: "/things/{id}", code: 200}
  ex.svc#GetThingInput:
    type: structure
    members:
      id:
        target: smithy.api#String
        traits: {smithy.api#required: {}, smithy.api#httpLabel: {}}
  ex.svc#GetThingOutput:
    type: structure
    members:
      tags: {target: ex.svc#Tags}
      labels: {target: ex.svc#Labels}
  ex.svc#StringList:
    type: list
    member: {target: smithy.api#String}
    traits: {smithy.api#mixin: {}}
  ex.svc#Tags:
    type: list
    mixins: [{target: ex.svc#StringList}]
  ex.svc#StringMap:
    type: map
    key: {target: smithy.api#String}
    value: {target: smithy.api#String}
    traits: {smithy.api#mixin: {}}
  ex.svc#Labels:
    type: map
    mixins: [{target: ex.svc#StringMap}]
  ex.svc#Invalid:
    type: structure
    members: {message: {target: smithy.api#String}}
    traits: {smithy.api#error: client, smithy.api#httpError: 400}
  ex.svc#Missing:
    type: structure
    members: {message: {target: smithy.api#String}}
    traits: {smithy.api#error: client, smithy.api#httpError: 404}
  ex.svc#Throttled:
    type: structure
    members: {message: {target: smithy.api#String}}
    traits: {smithy.api#error: client, smithy.api#httpError: 429}
"""


def test_operation_service_and_resource_mixins_are_flattened(tmp_path: Path) -> None:
    loaded, _ = spec_from_text(tmp_path, SHAPE_MIXINS)
    assert loaded.ok, [e.format() for e in loaded.diagnostics.events]
    svc = loaded.service
    assert svc is not None and svc.name == "Things" and svc.docs == "Base docs."
    assert [a.kind.name for a in svc.auth] == ["SIGV4"] and svc.protocol.name == "REST_JSON1"
    ops = {op.name: op for op in svc.operations}
    assert sorted(ops) == ["GetThing", "Ping"]  # Ping from the service mixin, GetThing via Thing
    get = ops["GetThing"]
    # The mixin's errors first, then the operation's own (no repeats), then the service's.
    assert get.errors == ("ex.svc#Invalid", "ex.svc#Missing", "ex.svc#Throttled")
    assert ops["Ping"].errors == ("ex.svc#Throttled",)
    assert get.optional_auth and get.readonly  # traits from the mixin and its own
    assert not get.deprecated  # a local trait of the mixin stays there
    assert get.docs == "Audited."  # a later mixin's trait takes precedence
    tags, labels = svc.shape("ex.svc#Tags"), svc.shape("ex.svc#Labels")
    assert tags is not None and [m.target for m in tags.members] == ["smithy.api#String"]
    assert labels is not None and len(labels.members) == 2


def test_mixed_in_operations_and_errors_reach_the_client(
    tmp_path: Path, no_aws_credentials: None
) -> None:
    pkg = render_spec(tmp_path, SHAPE_MIXINS, "things_pkg")
    stub = Recorder(pkg, b'{"tags": ["a"], "labels": {"k": "v"}}')
    client = pkg.ThingsClient("us-east-1", transport=stub)
    result = client.get_thing(id="t1")  # @optionalAuth from the mixin: no credentials needed
    assert (result.tags, result.labels) == (["a"], {"k": "v"})
    assert stub.sent[0].url.endswith("/things/t1") and "Authorization" not in stub.sent[0].headers
    assert issubclass(pkg.Invalid, pkg.ThingsError) and hasattr(client, "ping")


def test_a_mixin_of_another_shape_type_is_a_located_error(tmp_path: Path) -> None:
    spec = SHAPE_MIXINS.replace(
        "mixins: [{target: ex.svc#StringList}]", "mixins: [{target: ex.svc#Audited}]"
    )
    loaded, body = spec_from_text(tmp_path, spec)
    (error,) = [e for e in loaded.diagnostics.events if e.id == "InvalidMixin"]
    assert "ex.svc#Tags is a list and mixes in ex.svc#Audited, which is an operation" in (
        error.message
    )
    assert error.location.line == line_of(body, "mixins: [{target: ex.svc#Audited}]")


def test_an_operation_mixin_in_a_cycle_is_a_located_error(tmp_path: Path) -> None:
    spec = SHAPE_MIXINS.replace(
        "  ex.svc#Audited:\n    type: operation\n",
        "  ex.svc#Audited:\n    type: operation\n    mixins: [{target: ex.svc#GetThing}]\n",
    )
    loaded, body = spec_from_text(tmp_path, spec)
    errors = [e for e in loaded.diagnostics.events if e.id == "UnresolvedMixin"]
    assert len(errors) == 1 and "which mixes it in again" in errors[0].message
    assert errors[0].location.line == line_of(body, "mixins: [{target: ex.svc#GetThing}]")


def test_an_error_inherited_from_an_operation_mixin_is_located_in_the_mixin(
    tmp_path: Path,
) -> None:
    spec = SHAPE_MIXINS.replace(
        "    errors: [{target: ex.svc#Invalid}]\n    traits:\n      smithy.api#mixin: {local",
        "    errors: [{target: ex.svc#Nope}]\n    traits:\n      smithy.api#mixin: {local",
    )
    loaded, body = spec_from_text(tmp_path, spec)
    errors = [e for e in loaded.diagnostics.events if "ex.svc#Nope" in e.message]
    assert errors and not loaded.ok
    assert errors[0].location.line == line_of(body, "errors: [{target: ex.svc#Nope}]")
