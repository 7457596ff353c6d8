"""A real AWS peer: moto's server on 127.0.0.1 answers generated clients of four official models.

For SQS (awsJson1_0, query-compatible), Kinesis (awsJson1_1), EventBridge Scheduler (restJson1)
and Data Pipeline (awsJson1_1), a short scenario creates, puts, reads, lists and deletes through
the generated sync and async clients, and boto3 reads the same server state: both must see the
same thing (`to_dict()` of our results holds every value of boto3's response, see `Same`).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from aws_services.packages import MODELS, import_package, render

moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")

SERVICES = {"sqs_full": "sqs", "kinesis_full": "kinesis", "scheduler_full": "scheduler"}
SERVICES["datapipeline_full"] = "datapipeline"
REGION = "us-east-1"


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    root = tmp_path_factory.mktemp("moto_packages")
    out = {}
    for model in MODELS:
        if model.package in SERVICES and model.path.is_file():
            out[model.package] = import_package(render(model, root, formatted=False), model.package)
    return out


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def _no_machine_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))


def boto(service: str, endpoint: str) -> Any:
    return boto3.client(
        service,
        region_name=REGION,
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def plain(response: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


class Same:
    """`ours.to_dict() == Same(boto3_response)`: every value boto3 parsed, ours has equal.

    Ours may hold more: keys a model does not know stay in its `unknown_fields` (and in
    `to_dict()`), where botocore drops them; moto sends a few (Scheduler's summaries).
    """

    def __init__(self, theirs: dict[str, Any]) -> None:
        self.theirs = plain(theirs)

    def __eq__(self, ours: object) -> bool:
        return _covers(ours, self.theirs)

    def __repr__(self) -> str:
        return f"Same({self.theirs!r})"


def _covers(ours: Any, theirs: Any) -> bool:
    if isinstance(theirs, dict):
        return isinstance(ours, dict) and all(
            k in ours and _covers(ours[k], v) for k, v in theirs.items()
        )
    if isinstance(theirs, list):
        return (
            isinstance(ours, list)
            and len(ours) == len(theirs)
            and all(_covers(a, b) for a, b in zip(ours, theirs))
        )
    return bool(ours == theirs)


Call = Callable[..., Awaitable[Any]]


def run(
    pkg: ModuleType, endpoint: str, asynchronous: bool, scenario: Callable[[Call], Any]
) -> None:
    """Run `scenario(call)` with a sync or an async client; `call(name, **kwargs)` is awaited."""
    model = next(m for m in MODELS if m.package == pkg.__name__)
    name = ("Async" + model.client) if asynchronous else model.client
    client = getattr(pkg, name)(
        REGION,
        credentials=pkg.AwsCredentials("testing", "testing"),
        endpoint_url=endpoint,
        inject_host_prefix=False,
    )

    async def main() -> None:
        async def call(method: str, **kwargs: Any) -> Any:
            result = getattr(client, method)(**kwargs)
            return await result if asynchronous else result

        try:
            await scenario(call)
        finally:
            closing = client.close()
            if asynchronous:
                await closing

    asyncio.run(main())


CLIENTS = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


@CLIENTS
def test_sqs(packages: dict[str, ModuleType], endpoint: str, asynchronous: bool) -> None:
    pkg, theirs = packages["sqs_full"], boto("sqs", endpoint)
    name = f"ours-{asynchronous}"

    async def scenario(call: Call) -> None:
        created = await call("create_queue", queue_name=name, attributes={"DelaySeconds": "0"})
        url = created.queue_url
        assert theirs.get_queue_url(QueueName=name)["QueueUrl"] == url
        sent = await call("send_message", queue_url=url, message_body="héllo ✓")
        received = plain(theirs.receive_message(QueueUrl=url))["Messages"][0]
        assert (received["MessageId"], received["Body"]) == (sent.message_id, "héllo ✓")
        assert received["MD5OfBody"] == sent.md5_of_message_body
        listed = await call("list_queues", queue_name_prefix=name)
        assert listed.to_dict() == Same(theirs.list_queues(QueueNamePrefix=name))
        attributes = await call("get_queue_attributes", queue_url=url, attribute_names=["All"])
        assert attributes.to_dict() == Same(
            theirs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])
        )
        await call("delete_queue", queue_url=url)
        assert url not in theirs.list_queues().get("QueueUrls", [])
        # A modeled error, told apart as boto3 tells it (the query-compatible code too).
        with pytest.raises(pkg.QueueDoesNotExist) as caught:
            await call("get_queue_url", queue_name=name)
        with pytest.raises(theirs.exceptions.QueueDoesNotExist) as boto_caught:
            theirs.get_queue_url(QueueName=name)
        assert caught.value.code == boto_caught.value.response["Error"]["Code"]
        assert caught.value.message == boto_caught.value.response["Error"]["Message"]

    run(pkg, endpoint, asynchronous, scenario)


@CLIENTS
def test_kinesis(packages: dict[str, ModuleType], endpoint: str, asynchronous: bool) -> None:
    pkg, theirs = packages["kinesis_full"], boto("kinesis", endpoint)
    name = f"stream-{asynchronous}"

    async def scenario(call: Call) -> None:
        assert await call("create_stream", stream_name=name, shard_count=1) is None
        described = await call("describe_stream", stream_name=name)
        assert described.to_dict() == Same(theirs.describe_stream(StreamName=name))
        put = await call("put_record", stream_name=name, data=b"\x00bin\xff", partition_key="k")
        iterator = theirs.get_shard_iterator(
            StreamName=name, ShardId=put.shard_id, ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]
        records = await call("get_records", shard_iterator=iterator)
        assert records.to_dict() == Same(theirs.get_records(ShardIterator=iterator))
        assert records.records[0].data == b"\x00bin\xff"
        listed = await call("list_streams")
        assert listed.to_dict() == Same(theirs.list_streams())
        await call("delete_stream", stream_name=name)
        assert name not in theirs.list_streams()["StreamNames"]

    run(pkg, endpoint, asynchronous, scenario)


@CLIENTS
def test_scheduler(packages: dict[str, ModuleType], endpoint: str, asynchronous: bool) -> None:
    pkg, theirs = packages["scheduler_full"], boto("scheduler", endpoint)
    name = f"schedule-{asynchronous}"

    async def scenario(call: Call) -> None:
        created = await call(
            "create_schedule",
            name=name,
            schedule_expression="rate(5 minutes)",
            flexible_time_window=pkg.FlexibleTimeWindow(mode=pkg.FlexibleTimeWindowMode.OFF),
            target=pkg.Target(
                arn="arn:aws:sqs:us-east-1:123456789012:queue",
                role_arn="arn:aws:iam::123456789012:role/scheduler",
                input='{"k": "v"}',
            ),
        )
        fetched = await call("get_schedule", name=name)
        assert fetched.arn == created.schedule_arn
        assert fetched.to_dict() == Same(theirs.get_schedule(Name=name))
        listed = await call("list_schedules", name_prefix=name)
        assert listed.to_dict() == Same(theirs.list_schedules(NamePrefix=name))
        await call("delete_schedule", name=name)
        assert theirs.list_schedules(NamePrefix=name)["Schedules"] == []
        with pytest.raises(pkg.ResourceNotFoundException):
            await call("get_schedule", name=name)

    run(pkg, endpoint, asynchronous, scenario)


@CLIENTS
def test_data_pipeline(packages: dict[str, ModuleType], endpoint: str, asynchronous: bool) -> None:
    pkg, theirs = packages["datapipeline_full"], boto("datapipeline", endpoint)

    async def scenario(call: Call) -> None:
        created = await call("create_pipeline", name="p", unique_id=f"u-{asynchronous}")
        pipeline = created.pipeline_id
        field = pkg.Field(key="workerGroup", string_value="wg")
        defined = await call(
            "put_pipeline_definition",
            pipeline_id=pipeline,
            pipeline_objects=[pkg.PipelineObject(id="Default", name="Default", fields=[field])],
        )
        assert defined.errored is False
        described = await call("describe_pipelines", pipeline_ids=[pipeline])
        assert described.to_dict() == Same(theirs.describe_pipelines(pipelineIds=[pipeline]))
        definition = await call("get_pipeline_definition", pipeline_id=pipeline)
        assert definition.to_dict() == Same(theirs.get_pipeline_definition(pipelineId=pipeline))
        listed = await call("list_pipelines")
        assert listed.to_dict() == Same(theirs.list_pipelines())
        await call("delete_pipeline", pipeline_id=pipeline)
        assert pipeline not in [p["id"] for p in theirs.list_pipelines()["pipelineIdList"]]

    run(pkg, endpoint, asynchronous, scenario)
