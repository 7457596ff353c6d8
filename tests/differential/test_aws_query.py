"""Differential tests: generated awsQuery (STS, SNS) and ec2Query (EC2) clients against botocore.

Both clients send to one raw-socket stub server on 127.0.0.1 at a fixed clock; the requests
must be the same bytes (method, path, Content-Type, the form body, X-Amz-Date and the SigV4
Authorization, so the signature too), and one recorded XML response or error must parse into
the same values. The models are botocore's own models of these services, mapped to Smithy
(`aws_query_models`). Nothing touches the network.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.exceptions
import botocore.session
import pytest
from aws_services.packages import import_package, render
from botocore.config import Config
from runtime.runtime_stub import Received, Reply, StubServer

from differential.aws_query_models import write_model
from differential.aws_support import (
    ACCESS_KEY,
    FIXED_NOW,
    SECRET_KEY,
    assert_same_error,
    botocore_plain,
    isolate_aws,
)

REGION = "us-east-1"
FORM = "application/x-www-form-urlencoded; charset=utf-8"


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    folder = tmp_path_factory.mktemp("query_models")
    out: dict[str, ModuleType] = {}
    for service in ("sts", "sns", "ec2"):
        model = write_model(service, folder)
        root = render(model, folder, formatted=False)
        out[service] = import_package(root, model.package)
    return out


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[StubServer]:
    isolate_aws(monkeypatch, tmp_path)
    stub = StubServer()
    try:
        yield stub
    finally:
        stub.close()


def botocore_client(service: str, server: StubServer) -> Any:
    session = botocore.session.Session()
    return session.create_client(
        service,
        region_name=REGION,
        endpoint_url=server.url,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(retries={"mode": "standard", "total_max_attempts": 1}),
    )


def our_client(package: ModuleType, server: StubServer) -> Any:
    cls = next(
        getattr(package, n) for n in dir(package) if n.endswith("Client") and "Async" not in n
    )
    return cls(
        REGION,
        credentials=package.AwsCredentials(ACCESS_KEY, SECRET_KEY),
        endpoint_url=server.url,
        clock=lambda: FIXED_NOW,
        retry_policy=package.RetryPolicy.no_retries(),
    )


def assert_same_wire(ours: Received, theirs: Received) -> None:
    assert (ours.method, ours.target) == (theirs.method, theirs.target) == ("POST", "/")
    for name in ("Content-Type", "Content-Length", "X-Amz-Date", "Authorization", "Host"):
        assert ours.header(name) == theirs.header(name), name
    assert ours.header("Content-Type") == FORM
    assert ours.body == theirs.body


def both(
    server: StubServer, reply: Reply, theirs: Any, ours: Any
) -> tuple[Any, Any, Received, Received]:
    """Call botocore, then the generated client, each answered with `reply`: (their outcome,
    our outcome, their request, our request)."""
    outcomes: list[Any] = []
    for call in (theirs, ours):
        server.script(reply)
        try:
            outcomes.append(call())
        except Exception as exc:  # compared by the caller
            outcomes.append(exc)
        assert len(server.received) == 1
        outcomes.append(server.received[0])
    return outcomes[0], outcomes[2], outcomes[1], outcomes[3]


# --- STS --------------------------------------------------------------------------------------

ASSUME_ROLE = {
    "RoleArn": "arn:aws:iam::123456789012:role/demo",
    "RoleSessionName": "John Doe+1@example.com",
    "PolicyArns": [
        {"arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
        {"arn": "arn:aws:iam::123456789012:policy/a b"},
    ],
    "Policy": '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}',
    "DurationSeconds": 3600,
    "Tags": [{"Key": "team", "Value": "Ünïcode & more"}, {"Key": "cost=center", "Value": ""}],
    "TransitiveTagKeys": ["team"],
    "ExternalId": "ext/id~1",
    "SourceIdentity": "DevUser123",
}

ASSUME_ROLE_XML = b"""<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <SourceIdentity>DevUser123</SourceIdentity>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/demo/John</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:John</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW</SessionToken>
      <Expiration>2019-11-09T13:34:41Z</Expiration>
    </Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>
"""
REQUEST_ID = {"x-amzn-RequestId": "c6104cbe-af31-11e0-8154-cbc7ccf896c7"}


def assume_role_kwargs(sts: ModuleType) -> dict[str, Any]:
    p = ASSUME_ROLE
    return {
        "role_arn": p["RoleArn"],
        "role_session_name": p["RoleSessionName"],
        "policy_arns": [sts.PolicyDescriptorType(arn=a["arn"]) for a in p["PolicyArns"]],
        "policy": p["Policy"],
        "duration_seconds": p["DurationSeconds"],
        "tags": [sts.Tag(key=t["Key"], value=t["Value"]) for t in p["Tags"]],
        "transitive_tag_keys": p["TransitiveTagKeys"],
        "external_id": p["ExternalId"],
        "source_identity": p["SourceIdentity"],
    }


def test_sts_assume_role_same_request_and_result(
    server: StubServer, packages: dict[str, ModuleType]
) -> None:
    sts = packages["sts"]
    theirs, ours, sent_theirs, sent_ours = both(
        server,
        Reply(200, {"Content-Type": "text/xml", **REQUEST_ID}, ASSUME_ROLE_XML),
        lambda: botocore_client("sts", server).assume_role(**ASSUME_ROLE),
        lambda: our_client(sts, server).assume_role(**assume_role_kwargs(sts)),
    )
    assert_same_wire(sent_ours, sent_theirs)
    assert b"Tags.member.1.Value=%C3%9Cn%C3%AFcode+%26+more" in sent_ours.body
    assert ours.to_dict() == botocore_plain(theirs)
    assert ours.credentials.expiration == dt.datetime(2019, 11, 9, 13, 34, 41, tzinfo=dt.UTC)
    assert ours.packed_policy_size == 6
    assert ours.response_metadata.request_id == theirs["ResponseMetadata"]["RequestId"]


def test_sts_request_id_from_the_body_without_the_header(
    server: StubServer, packages: dict[str, ModuleType]
) -> None:
    # No x-amzn-RequestId header: the id is the body's <ResponseMetadata><RequestId>, which is
    # the only place botocore reads a success's request id from.
    sts = packages["sts"]
    theirs, ours, _, _ = both(
        server,
        Reply(200, {"Content-Type": "text/xml"}, ASSUME_ROLE_XML),
        lambda: botocore_client("sts", server).assume_role(**ASSUME_ROLE),
        lambda: our_client(sts, server).assume_role(**assume_role_kwargs(sts)),
    )
    assert theirs["ResponseMetadata"]["RequestId"] == "c6104cbe-af31-11e0-8154-cbc7ccf896c7"
    assert ours.response_metadata.request_id == theirs["ResponseMetadata"]["RequestId"]
    assert ours.to_dict() == botocore_plain(theirs)


def test_sts_request_id_header_first_where_botocore_takes_the_body(
    server: StubServer, packages: dict[str, ModuleType]
) -> None:
    # A header and a body that disagree (AWS sends the same id in both): the header wins here,
    # as it does for errors; botocore takes the body. Pinned so a change is deliberate.
    sts = packages["sts"]
    theirs, ours, _, _ = both(
        server,
        Reply(200, {"x-amzn-RequestId": "from-the-header"}, ASSUME_ROLE_XML),
        lambda: botocore_client("sts", server).assume_role(**ASSUME_ROLE),
        lambda: our_client(sts, server).assume_role(**assume_role_kwargs(sts)),
    )
    assert theirs["ResponseMetadata"]["RequestId"] == "c6104cbe-af31-11e0-8154-cbc7ccf896c7"
    assert ours.response_metadata.request_id == "from-the-header"


def test_sts_no_request_id_anywhere_is_empty(
    server: StubServer, packages: dict[str, ModuleType]
) -> None:
    body = ASSUME_ROLE_XML.split(b"<ResponseMetadata>")[0] + b"</AssumeRoleResponse>"
    sts = packages["sts"]
    theirs, ours, _, _ = both(
        server,
        Reply(200, {}, body),
        lambda: botocore_client("sts", server).assume_role(**ASSUME_ROLE),
        lambda: our_client(sts, server).assume_role(**assume_role_kwargs(sts)),
    )
    assert "RequestId" not in theirs["ResponseMetadata"]
    assert ours.response_metadata.request_id == ""
    assert ours.to_dict() == botocore_plain(theirs)


def test_sts_call_without_input_same_request(
    server: StubServer, packages: dict[str, ModuleType]
) -> None:
    body = (
        b"<GetCallerIdentityResponse><GetCallerIdentityResult><UserId>AIDA</UserId>"
        b"<Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/x</Arn>"
        b"</GetCallerIdentityResult></GetCallerIdentityResponse>"
    )
    theirs, ours, sent_theirs, sent_ours = both(
        server,
        Reply(200, {}, body),
        lambda: botocore_client("sts", server).get_caller_identity(),
        lambda: our_client(packages["sts"], server).get_caller_identity(),
    )
    assert_same_wire(sent_ours, sent_theirs)
    assert sent_ours.body == b"Action=GetCallerIdentity&Version=2011-06-15"
    assert ours.to_dict() == botocore_plain(theirs)


@pytest.mark.parametrize(
    ("code", "status"),
    [("MalformedPolicyDocument", 400), ("RegionDisabledException", 403), ("Throttling", 400)],
)
def test_sts_errors_same_as_botocore(
    server: StubServer, packages: dict[str, ModuleType], code: str, status: int
) -> None:
    sts = packages["sts"]
    body = (
        b'<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error>'
        b"<Type>Sender</Type><Code>" + code.encode() + b"</Code>"
        b"<Message>It failed &amp; said so</Message></Error>"
        b"<RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>"
    )
    theirs, ours, _, _ = both(
        server,
        Reply(status, REQUEST_ID, body),
        lambda: botocore_client("sts", server).assume_role(**ASSUME_ROLE),
        lambda: our_client(sts, server).assume_role(**assume_role_kwargs(sts)),
    )
    assert isinstance(theirs, botocore.exceptions.ClientError)
    assert_same_error(ours, theirs, base_error="STSError")
    assert ours.message == "It failed & said so"


# --- SNS --------------------------------------------------------------------------------------


def test_sns_publish_maps_and_blobs_same_request(
    server: StubServer, packages: dict[str, ModuleType]
) -> None:
    sns = packages["sns"]
    attributes = {
        "attr one": {"DataType": "String", "StringValue": "a=b&c"},
        "raw": {"DataType": "Binary", "BinaryValue": b"\x00\xff binary"},
        "n": {"DataType": "Number", "StringValue": "1.5"},
    }
    ours_attributes = {
        k: sns.MessageAttributeValue(
            data_type=v["DataType"],
            string_value=v.get("StringValue"),  # type: ignore[arg-type]
            binary_value=v.get("BinaryValue"),  # type: ignore[arg-type]
        )
        for k, v in attributes.items()
    }
    reply = Reply(
        200,
        {},
        b"<PublishResponse><PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0"
        b"</MessageId></PublishResult></PublishResponse>",
    )
    theirs, ours, sent_theirs, sent_ours = both(
        server,
        reply,
        lambda: botocore_client("sns", server).publish(
            TopicArn="arn:aws:sns:us-east-1:123456789012:t",
            Message="hello world",
            Subject="Sübject",
            MessageAttributes=attributes,
        ),
        lambda: our_client(sns, server).publish(
            topic_arn="arn:aws:sns:us-east-1:123456789012:t",
            message="hello world",
            subject="Sübject",
            message_attributes=ours_attributes,
        ),
    )
    assert_same_wire(sent_ours, sent_theirs)
    assert b"MessageAttributes.entry.2.Value.BinaryValue=AP8gYmluYXJ5" in sent_ours.body
    assert ours.to_dict() == botocore_plain(theirs)


def test_sns_create_topic_and_read_lists_and_maps(
    server: StubServer, packages: dict[str, ModuleType]
) -> None:
    sns = packages["sns"]
    reply = Reply(
        200,
        {},
        b"<CreateTopicResponse><CreateTopicResult><TopicArn>arn:aws:sns:us-east-1:1:t"
        b"</TopicArn></CreateTopicResult></CreateTopicResponse>",
    )
    _, _, sent_theirs, sent_ours = both(
        server,
        reply,
        lambda: botocore_client("sns", server).create_topic(
            Name="t",
            Attributes={"DisplayName": "My topic", "FifoTopic": "false"},
            Tags=[{"Key": "k", "Value": "v"}],
        ),
        lambda: our_client(sns, server).create_topic(
            name="t",
            attributes={"DisplayName": "My topic", "FifoTopic": "false"},
            tags=[sns.Tag(key="k", value="v")],
        ),
    )
    assert_same_wire(sent_ours, sent_theirs)
    attributes = (
        b"<GetTopicAttributesResponse><GetTopicAttributesResult><Attributes>"
        b"<entry><key>Owner</key><value>123456789012</value></entry>"
        b"<entry><key>Policy</key><value>{&quot;a&quot;: 1}</value></entry>"
        b"</Attributes></GetTopicAttributesResult></GetTopicAttributesResponse>"
    )
    theirs, ours, _, _ = both(
        server,
        Reply(200, {}, attributes),
        lambda: botocore_client("sns", server).get_topic_attributes(TopicArn="arn:t"),
        lambda: our_client(sns, server).get_topic_attributes(topic_arn="arn:t"),
    )
    assert (
        ours.to_dict()
        == botocore_plain(theirs)
        == {"Attributes": {"Owner": "123456789012", "Policy": '{"a": 1}'}}
    )
    topics = (
        b"<ListTopicsResponse><ListTopicsResult><Topics>"
        b"<member><TopicArn>arn:1</TopicArn></member><member><TopicArn>arn:2</TopicArn></member>"
        b"</Topics><NextToken>tok</NextToken></ListTopicsResult></ListTopicsResponse>"
    )
    theirs, ours, _, _ = both(
        server,
        Reply(200, {}, topics),
        lambda: botocore_client("sns", server).list_topics(),
        lambda: our_client(sns, server).list_topics(),
    )
    assert ours.to_dict() == botocore_plain(theirs)


# --- EC2 (ec2Query) -----------------------------------------------------------------------


def test_ec2_create_tags_same_request(server: StubServer, packages: dict[str, ModuleType]) -> None:
    ec2 = packages["ec2"]
    reply = Reply(
        200,
        {},
        b'<CreateTagsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
        b"<requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId><return>true</return>"
        b"</CreateTagsResponse>",
    )
    theirs, ours, sent_theirs, sent_ours = both(
        server,
        reply,
        lambda: botocore_client("ec2", server).create_tags(
            DryRun=False,
            Resources=["i-1234567890abcdef0", "ami-1a2b3c4d"],
            Tags=[{"Key": "Name", "Value": "web server"}, {"Key": "env", "Value": ""}],
        ),
        lambda: our_client(ec2, server).create_tags(
            dry_run=False,
            resources=["i-1234567890abcdef0", "ami-1a2b3c4d"],
            tags=[ec2.Tag(key="Name", value="web server"), ec2.Tag(key="env", value="")],
        ),
    )
    assert_same_wire(sent_ours, sent_theirs)
    # ec2Query: lists without `member.`, names capitalised (`dryRun` -> DryRun).
    assert b"&DryRun=false&ResourceId.1=i-1234567890abcdef0&" in sent_ours.body
    assert b"&Tag.1.Key=Name&Tag.1.Value=web+server&Tag.2.Key=env&Tag.2.Value=" in sent_ours.body
    assert ours is None and botocore_plain(theirs) == {}


def test_ec2_describe_tags_same_request_and_result(
    server: StubServer, packages: dict[str, ModuleType]
) -> None:
    ec2 = packages["ec2"]
    body = b"""<DescribeTagsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
   <tagSet>
      <item>
         <resourceId>i-1234567890abcdef0</resourceId>
         <resourceType>instance</resourceType>
         <key>webserver</key>
         <value/>
      </item>
      <item>
         <resourceId>i-1234567890abcdef0</resourceId>
         <resourceType>instance</resourceType>
         <key>stack</key>
         <value>Production</value>
      </item>
   </tagSet>
   <nextToken>next page</nextToken>
</DescribeTagsResponse>"""
    theirs, ours, sent_theirs, sent_ours = both(
        server,
        Reply(200, {}, body),
        lambda: botocore_client("ec2", server).describe_tags(
            Filters=[{"Name": "resource-id", "Values": ["i-1234567890abcdef0", "i-2"]}],
            MaxResults=10,
        ),
        lambda: our_client(ec2, server).describe_tags(
            filters=[ec2.Filter(name="resource-id", values=["i-1234567890abcdef0", "i-2"])],
            max_results=10,
        ),
    )
    assert_same_wire(sent_ours, sent_theirs)
    assert b"&Filter.1.Name=resource-id&Filter.1.Value.1=i-1234567890abcdef0&" in sent_ours.body
    assert ours.to_dict() == botocore_plain(theirs)
    assert [t.value for t in ours.tags] == ["", "Production"]
    # No header: the request id is the body's <requestId>, as botocore's EC2 parser reads it.
    assert theirs["ResponseMetadata"]["RequestId"] == "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE"
    assert ours.response_metadata.request_id == theirs["ResponseMetadata"]["RequestId"]


def test_ec2_errors_same_as_botocore(server: StubServer, packages: dict[str, ModuleType]) -> None:
    ec2 = packages["ec2"]
    body = (
        b"<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code>"
        b"<Message>The instance ID 'i-1' does not exist</Message></Error></Errors>"
        b"<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>"
    )
    theirs, ours, _, _ = both(
        server,
        Reply(400, {}, body),
        lambda: botocore_client("ec2", server).describe_tags(),
        lambda: our_client(ec2, server).describe_tags(),
    )
    assert isinstance(theirs, botocore.exceptions.ClientError)
    # The request id is the body's: EC2 errors carry it there only.
    assert_same_error(ours, theirs, base_error="EC2Error")


def test_xml_with_a_dtd_is_refused(server: StubServer, packages: dict[str, ModuleType]) -> None:
    """No entity is ever expanded: a document with a DTD is a DeserializationError."""
    sts = packages["sts"]
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<GetCallerIdentityResponse><GetCallerIdentityResult><UserId>&lol2;</UserId>"
        b"</GetCallerIdentityResult></GetCallerIdentityResponse>"
    )
    server.script(Reply(200, {}, bomb))
    with pytest.raises(sts.ResponseDecodeError, match="document type definition") as caught:
        our_client(sts, server).get_caller_identity()
    assert (caught.value.status, caught.value.body) == (200, bomb)
    server.script(Reply(200, {}, b"<GetCallerIdentityResponse><unclosed>"))
    with pytest.raises(sts.ResponseDecodeError, match="not XML"):
        our_client(sts, server).get_caller_identity()


def test_generated_sts_package_is_clean_and_passes_its_own_tests(tmp_path: Path) -> None:
    """As a user would get it: black-formatted, ruff and mypy --strict clean, and its generated
    tests (form requests, XML responses and errors against a stub) pass."""
    model = write_model("sts", tmp_path)
    out = render(model, tmp_path, formatted=True)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", *args], capture_output=True, text=True, cwd=out
        )

    ruff = run("ruff", "check", "-q", ".")
    assert ruff.returncode == 0, ruff.stdout[-3000:]
    mypy = run("mypy", "--strict", "--no-incremental", model.package)
    assert mypy.returncode == 0, mypy.stdout[-3000:]
    tests = run("pytest", "-q", "-p", "no:cacheprovider", "tests")
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout.splitlines()[-1]
