"""Helpers for the differential tests of the generated Azure Batch client (``azure_batch_tasks``)
against the official azure-batch 14.2.0 (msrest).

Both clients talk to the same scripted raw-socket HTTP stub on 127.0.0.1
(``tests/runtime/runtime_stub.py``), so what is compared is what each of them really puts on the
wire and what each makes of the same bytes coming back. Nothing leaves the machine: the SDK's
session ignores proxy environment variables and the generated client's transports never read
them.
"""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit

from azure.batch import BatchServiceClient as SdkClient
from azure.batch import batch_auth
from azure.batch import models as sdk
from azure.batch.operations import TaskOperations
from msrest.authentication import BasicTokenAuthentication
from msrest.serialization import Deserializer, Model
from runtime.runtime_stub import Received, Reply, StubServer

from support import ROOT

GENERATED = ROOT / "generated" / "azure_batch_tasks"
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

import azure_batch_tasks as ours  # noqa: E402
from azure_batch_tasks import models as om  # noqa: E402
from azure_batch_tasks._runtime import _wire as runtime_wire  # noqa: E402

__all__ = [
    "ACCOUNT",
    "KEY",
    "OCP_DATE",
    "SDK_API_VERSION",
    "Call",
    "FakeToken",
    "Received",
    "Reply",
    "StubServer",
    "Wire",
    "call_ours",
    "call_ours_async",
    "call_sdk",
    "om",
    "ours",
    "ours_client",
    "runtime_wire",
    "sdk",
    "sdk_client",
    "sdk_value",
    "wire",
]

ACCOUNT = "acct"
KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="
#: the API version azure-batch 14.2.0 is built for; the generated client is pointed at the same
#: one so that URLs (and so SharedKey signatures) can be compared byte for byte.
SDK_API_VERSION = "2024-02-01.19.0"
OCP_DATE = datetime(2024, 7, 1, 12, 0, 0, tzinfo=UTC)

#: the SDK's add_collection is wrapped by azure.batch.custom.patch (chunks of 100, client-side
#: retries of "servererror" results, tasks submitted in reverse order); the generated operation
#: is the plain REST call, so requests are compared with the unwrapped one.
SDK_ADD_COLLECTION: Callable[..., Any] = inspect.getclosurevars(
    TaskOperations.add_collection
).nonlocals["original_add_collection"]


class FakeToken(NamedTuple):
    """azure-core's AccessToken shape."""

    token: str
    expires_on: int


# -- clients -------------------------------------------------------------------------------------


def sdk_client(url: str, *, bearer: str | None = None, retries: int = 0) -> SdkClient:
    credentials: Any
    if bearer is None:
        credentials = batch_auth.SharedKeyCredentials(ACCOUNT, KEY)
    else:
        credentials = BasicTokenAuthentication({"access_token": bearer})
    client = SdkClient(credentials, batch_url=url)
    client.config.proxies.use_env_settings = False  # never a proxy from the environment
    client.config.retry_policy.retries = retries
    client.config.retry_policy.backoff_factor = 0
    # When retries run out, hand back the last response (urllib3 would raise instead).
    client.config.retry_policy.policy.raise_on_status = False
    return client


def ours_client(
    url: str,
    *,
    credential: Any = None,
    api_version: str = SDK_API_VERSION,
    retry_policy: ours.RetryPolicy | None = None,
    transport: Any = None,
) -> ours.BatchServiceClient:
    return ours.BatchServiceClient(
        url,
        credential if credential is not None else ours.SharedKeyCredential(ACCOUNT, KEY),
        api_version=api_version,
        retry_policy=retry_policy or ours.RetryPolicy.no_retries(),
        transport=transport,
        enforce_https=False,  # the stub speaks plain http on 127.0.0.1 (bearer tests)
    )


# -- what went over the wire ---------------------------------------------------------------------


@dataclass
class Wire:
    """One request as received by the stub, split for comparison (api-version left out)."""

    method: str
    path: str
    raw_query: str  # as sent, without the api-version pair
    query: list[tuple[str, str]]  # decoded, in sending order, without api-version
    api_version: str
    headers: dict[str, str]  # lower-cased names
    body: bytes
    received: Received = field(repr=False)

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def wire(received: Received) -> Wire:
    parts = urlsplit(received.target)
    pairs = [p for p in parts.query.split("&") if p]
    raw = "&".join(p for p in pairs if not p.startswith("api-version="))
    decoded = parse_qsl(parts.query, keep_blank_values=True)
    versions = [v for k, v in decoded if k == "api-version"]
    return Wire(
        method=received.method,
        path=parts.path,
        raw_query=raw,
        query=[(k, v) for k, v in decoded if k != "api-version"],
        api_version=versions[0] if versions else "",
        headers={k.lower(): v for k, v in received.headers},
        body=received.body,
        received=received,
    )


# -- one operation call, made with either client -------------------------------------------------

SDK_OPTIONS: dict[str, type[Model]] = {
    "task_add": sdk.TaskAddOptions,
    "task_add_collection": sdk.TaskAddCollectionOptions,
    "task_delete": sdk.TaskDeleteOptions,
    "task_get": sdk.TaskGetOptions,
    "task_list": sdk.TaskListOptions,
    "task_list_subtasks": sdk.TaskListSubtasksOptions,
    "task_reactivate": sdk.TaskReactivateOptions,
    "task_terminate": sdk.TaskTerminateOptions,
    "task_update": sdk.TaskUpdateOptions,
}
#: generated keyword argument -> azure-batch options attribute, where they differ
SDK_OPTION_NAMES = {"maxresults": "max_results"}
#: parameters with a spec default: azure-batch's options models carry it and send it whenever
#: an options object is passed; the generated client, like the REST API, sends a parameter only
#: when the caller gives it (see test_defaults_match_sdk_options)
DEFAULTED = ("timeout", "return_client_request_id", "maxresults")


def _spec_defaults() -> dict[str, dict[str, Any]]:
    """Per generated method, the spec's default of each DEFAULTED argument (timeout is 30, but
    120 for Task_AddCollection), read from the spec itself."""
    from generator.naming import snake_case
    from generator.pipeline import load_spec

    service = load_spec(ROOT / "specs" / "azure-batch-tasks.openapi.yaml").service
    assert service is not None
    out: dict[str, dict[str, Any]] = {}
    for op in service.operations:
        shape = service.shape(op.input) if op.input else None
        members = shape.members if shape is not None else ()
        out[snake_case(op.name)] = {
            snake_case(m.name): m.default
            for m in members
            if m.has_default and snake_case(m.name) in DEFAULTED
        }
    return out


#: generated method -> {argument: spec default}
SPEC_DEFAULTS = _spec_defaults()

SUCCESS: dict[str, Reply] = {
    "task_add": Reply(201),
    "task_add_collection": Reply(200, {"Content-Type": "application/json"}, b'{"value": []}'),
    "task_delete": Reply(200),
    "task_get": Reply(200, {"Content-Type": "application/json"}, b'{"id": "t"}'),
    "task_list": Reply(200, {"Content-Type": "application/json"}, b'{"value": []}'),
    "task_list_subtasks": Reply(200, {"Content-Type": "application/json"}, b'{"value": []}'),
    "task_reactivate": Reply(204),
    "task_terminate": Reply(204),
    "task_update": Reply(200),
}


@dataclass
class Call:
    """An operation call in the generated client's vocabulary.

    ``body`` is wire JSON: a TaskAddParameter for task_add, a list of them for
    task_add_collection, a TaskUpdateParameter for task_update. ``options`` are the optional
    keyword arguments; ``None`` means "no options at all", which for azure-batch is
    ``options=None`` and for the generated client passing None for every defaulted parameter.
    """

    op: str
    job_id: str = "job-1"
    task_id: str | None = None
    body: Any = None
    options: dict[str, Any] | None = None
    id: str = ""

    def __post_init__(self) -> None:
        needs_task = self.op not in ("task_add", "task_add_collection", "task_list")
        if needs_task and self.task_id is None:
            self.task_id = "task-1"


def _ours_body(call: Call) -> dict[str, Any]:
    if call.op == "task_add":
        return {"task": om.TaskAddParameter.from_dict(call.body)}
    if call.op == "task_add_collection":
        return {"task_collection": om.TaskAddCollectionParameter.from_dict({"value": call.body})}
    if call.op == "task_update":
        return {"task_update_parameter": om.TaskUpdateParameter.from_dict(call.body or {})}
    return {}


def _ours_kwargs(client: Any, call: Call) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"job_id": call.job_id, **_ours_body(call)}
    if call.task_id is not None:
        kwargs["task_id"] = call.task_id
    if call.options is not None:
        # An azure-batch options object: it carries the spec defaults of what it is not given.
        kwargs.update(SPEC_DEFAULTS[call.op])
        kwargs.update(call.options)
    return kwargs


def call_ours(client: Any, call: Call) -> Any:
    """Make ``call`` with a generated sync client (task_list: every item of every page)."""
    result = getattr(client, call.op)(**_ours_kwargs(client, call))
    if call.op == "task_list":
        return list(result)
    return result


async def call_ours_async(client: Any, call: Call) -> Any:
    """Make ``call`` with a generated async client."""
    method = getattr(client, call.op)
    if call.op == "task_list":
        return [item async for item in method(**_ours_kwargs(client, call))]
    return await method(**_ours_kwargs(client, call))


def sdk_value(model: str, data: Any) -> Any:
    """An azure-batch model built from wire JSON by msrest's own deserializer."""
    return getattr(sdk, model).deserialize(data)


def call_sdk(
    client: SdkClient,
    call: Call,
    *,
    custom_headers: Mapping[str, str] | None = None,
    raw: bool = False,
) -> Any:
    """Make ``call`` with azure-batch."""
    options = None
    if call.options is not None:
        names = {SDK_OPTION_NAMES.get(k, k): v for k, v in call.options.items()}
        options = SDK_OPTIONS[call.op](**names)
    ops = client.task
    extra: dict[str, Any] = {"custom_headers": dict(custom_headers or {}), "raw": raw}
    if call.op == "task_add":
        return ops.add(call.job_id, sdk_value("TaskAddParameter", call.body), options, **extra)
    if call.op == "task_add_collection":
        tasks = [sdk_value("TaskAddParameter", t) for t in call.body]
        return SDK_ADD_COLLECTION(ops, call.job_id, tasks, options, **extra)
    if call.op == "task_update":
        constraints = (call.body or {}).get("constraints")
        value = None if constraints is None else sdk_value("TaskConstraints", constraints)
        return ops.update(call.job_id, call.task_id, value, options, **extra)
    if call.op == "task_list":
        pages = ops.list(call.job_id, options, **extra)
        return pages if raw else list(pages)
    method = {
        "task_delete": ops.delete,
        "task_get": ops.get,
        "task_list_subtasks": ops.list_subtasks,
        "task_reactivate": ops.reactivate,
        "task_terminate": ops.terminate,
    }[call.op]
    return method(call.job_id, call.task_id, options, **extra)


# -- normalising results -------------------------------------------------------------------------

_DESERIALIZE = Deserializer({k: v for k, v in vars(sdk).items() if isinstance(v, type)})


def semantic(model: str, data: Any) -> Any:
    """Wire JSON of azure-batch model ``model`` with every typed leaf parsed by msrest (aware
    datetimes, timedeltas, ints, floats), so that two documents compare by meaning, not by
    spelling (``...00Z`` vs ``...00.000Z``)."""
    cls = getattr(sdk, model, None)
    if cls is None or not isinstance(data, dict):
        return _leaf(model, data)
    out: dict[str, Any] = {}
    by_key = {spec["key"]: spec["type"] for spec in cls._attribute_map.values()}
    for key, value in data.items():
        kind = by_key.get(key)
        if kind is None:
            out[key] = value  # a field azure-batch does not know (newer API version)
        elif kind.startswith("[") and isinstance(value, list):
            out[key] = [semantic(kind[1:-1], v) for v in value]
        else:
            out[key] = semantic(kind, value)
    return out


def _leaf(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "iso-8601":
        parsed = _DESERIALIZE.deserialize_data(value, "iso-8601")
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if kind == "rfc-1123":
        return _DESERIALIZE.deserialize_data(value, "rfc-1123")
    if kind == "duration":
        parsed = _DESERIALIZE.deserialize_data(value, "duration")
        assert isinstance(parsed, timedelta)
        return parsed
    if kind in ("long", "int"):
        return int(value)
    if kind == "float":
        return float(value)
    return value


def aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
