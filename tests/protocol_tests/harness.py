"""Smithy's AWS protocol tests (botocore's copy) run against generated clients, in process.

Each test suite of ../shared/corpus/protocol-tests/ is one operation and the cases that call it:
its model is converted to a Smithy JSON AST (`botocore_model`), validated and rendered like any
spec, and the package imported from one folder per session. A case is then called through the
generated sync and async clients over a stub transport and compared as the case says: the
request's method, path, query (order aside), the listed headers and the body (as JSON when it is
JSON); or the parsed result, or the modeled error raised with its fields.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import gzip
import hashlib
import importlib
import json
import math
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from generator.config import ServiceConfig
from generator.diagnostics import Severity
from generator.ir import Kind, Service
from generator.pipeline import load_spec
from generator.render.environment import build_environment
from generator.render.package import render_package, scaffold_files
from generator.render.views import ViewBuilder
from protocol_tests.botocore_model import convert
from support import shared_dir

CORPUS = shared_dir() / "corpus" / "protocol-tests"
PROTOCOL_FILES = {"json": "json", "json_1_0": "json10", "rest-json": "restjson"}
# What an auto-filled idempotency token is in the cases (Smithy's protocol-test convention).
FIXED_TOKEN = uuid.UUID("00000000-0000-4000-8000-000000000000")


@dataclass
class Case:
    id: str
    suite: Suite
    data: dict[str, Any]

    @property
    def key(self) -> str:
        """Unique: a request case and a response case may share an id."""
        return f"{self.suite.protocol}:{self.suite.direction}:{self.id}"

    @property
    def ignored_by_botocore(self) -> bool:
        return (self.suite.protocol, self.suite.direction, self.id) in botocore_ignored()


@dataclass
class Suite:
    package: str  # the generated package's import name
    protocol: str  # "json" | "json_1_0" | "rest-json"
    direction: str  # "input" | "output"
    metadata: dict[str, Any]
    shapes: dict[str, Any]
    given: dict[str, Any]
    client_endpoint: str | None
    cases: list[Case] = field(default_factory=list)


def load_suites(corpus: Path = CORPUS, files: dict[str, str] = PROTOCOL_FILES) -> list[Suite]:
    """The suites of `corpus`/{input,output}/<protocol>.json, for the protocols of `files`
    (protocol -> the short name in package names)."""
    suites: list[Suite] = []
    for protocol, short in files.items():
        for direction in ("input", "output"):
            path = corpus / direction / f"{protocol}.json"
            if not path.is_file() and corpus != CORPUS:
                continue  # a vendored protocol may have cases of one direction only (ec2)
            for index, raw in enumerate(json.loads(path.read_text(encoding="utf-8"))):
                given = dict(raw["cases"][0]["given"])
                suite = Suite(
                    package=f"pt_{short}_{direction[:3]}_{index}",
                    protocol=protocol,
                    direction=direction,
                    metadata=raw["metadata"],
                    shapes=raw["shapes"],
                    given=given,
                    client_endpoint=raw.get("clientEndpoint"),
                )
                for n, case in enumerate(raw["cases"], 1):
                    # botocore's older cases (query) have no id: named by their suite.
                    case_id = case.get("id") or f"{raw['description']} #{n}"
                    # Every case of a suite calls the same operation (checked, not assumed).
                    assert case["given"]["name"] == given["name"], case_id
                    suite.cases.append(Case(case_id, suite, case))
                suites.append(suite)
    return suites


def all_cases() -> list[Case]:
    return [case for suite in load_suites() for case in suite.cases]


_IGNORED: set[tuple[str, str, str]] | None = None


def botocore_ignored() -> set[tuple[str, str, str]]:
    """(protocol, direction, case id) of the cases botocore itself skips; the Smithy
    specification decides them here."""
    global _IGNORED
    if _IGNORED is None:
        data = json.loads((CORPUS / "protocol-tests-ignore-list.json").read_text("utf-8"))
        found: set[tuple[str, str, str]] = set()
        for protocol, section in data.get("protocols", {}).items():
            for direction, part in section.items():
                found.update((protocol, direction, case) for case in part.get("cases", []))
        _IGNORED = found
    return _IGNORED


# --- rendering ---------------------------------------------------------------------------------


class _Unformatted:
    """Generated code as the templates write it: valid Python, and black would only re-wrap it
    (formatting 130 packages would triple the run for nothing these tests look at)."""

    def format(self, source: str, name: str) -> str:
        return source

    def format_many(
        self, sources: dict[str, str], prepare: Any = None, salt: str = "", finish: Any = None
    ) -> dict[str, str]:
        out = {name: prepare(name, text) if prepare else text for name, text in sources.items()}
        return {name: finish(text) for name, text in out.items()} if finish else out


@dataclass
class Built:
    suite: Suite
    service: Service | None = None
    builder: ViewBuilder | None = None
    client: Any = None
    async_client: Any = None
    models: ModuleType | None = None
    errors: ModuleType | None = None
    http: ModuleType | None = None
    credentials: Any = None
    retry: Any = None
    problem: str = ""  # why the suite could not be built (its cases fail with it)


def build_all(suites: list[Suite], folder: Path) -> dict[str, Built]:
    """Convert, validate, render and import every suite's package into `folder`."""
    env = build_environment(None)
    specs = folder / "specs"
    specs.mkdir(parents=True, exist_ok=True)
    out: dict[str, Built] = {}
    for suite in suites:
        built = Built(suite)
        out[suite.package] = built
        model = convert(suite.metadata, suite.shapes, [suite.given])
        path = specs / f"{suite.package}.json"
        path.write_text(json.dumps(model, indent=1), encoding="utf-8")
        loaded = load_spec(path)
        errors = [e.format() for e in loaded.diagnostics.events if e.severity >= Severity.ERROR]
        if errors or loaded.service is None:
            built.problem = "the converted model does not validate:\n" + "\n".join(errors)
            continue
        built.service = loaded.service
        config = ServiceConfig(spec=path, package=suite.package, output=folder / suite.package)
        try:
            files = render_package(loaded.service, config, env, _Unformatted())  # type: ignore[arg-type]
            files.update(scaffold_files(loaded.service, config, env))
        except Exception as exc:
            built.problem = f"rendering failed: {type(exc).__name__}: {exc}"
            continue
        for rel, text in files.items():
            if rel.startswith(suite.package + "/"):
                target = folder / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        built.builder = ViewBuilder(loaded.service, suite.package, {})
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    importlib.invalidate_caches()
    for built in out.values():
        if built.problem:
            continue
        package = built.suite.package
        try:
            names = built.builder.symbols.names  # type: ignore[union-attr]
            root = importlib.import_module(package)
            built.client = getattr(importlib.import_module(package + ".client"), names.client)
            built.async_client = getattr(
                importlib.import_module(package + ".aio"), names.async_client
            )
            built.models = importlib.import_module(package + ".models")
            built.errors = importlib.import_module(package + ".errors")
            built.http = importlib.import_module(package + "._runtime._http")
            built.credentials = root.AwsCredentials("AKIDEXAMPLE", "SECRETEXAMPLE")
            built.retry = root.RetryPolicy.no_retries()
        except Exception as exc:
            built.problem = f"import failed: {type(exc).__name__}: {exc}"
    return out


# --- values: the cases' botocore form <-> the generated Python types ---------------------------


class Values:
    """Converts case parameters into arguments and results back into the cases' form."""

    def __init__(self, built: Built) -> None:
        assert built.service is not None and built.builder is not None
        self.service = built.service
        self.symbols = built.builder.symbols
        self.models = built.models

    def shape(self, shape_id: str) -> Any:
        shape = self.service.shape(shape_id)
        assert shape is not None, shape_id
        return shape

    def arguments(self, input_id: str | None, params: dict[str, Any]) -> dict[str, Any]:
        if input_id is None:
            return {}
        shape = self.shape(input_id)
        names = self.symbols.member_names(shape)
        return {
            py: self.to_python(m.target, params[m.name])
            for m, py in zip(shape.members, names, strict=True)
            if m.name in params
        }

    def to_python(self, shape_id: str, value: Any) -> Any:
        if value is None:
            return None
        shape = self.shape(shape_id)
        kind = shape.kind
        if kind is Kind.STRUCTURE:
            cls = getattr(self.models, self.symbols.class_name(shape))
            names = self.symbols.member_names(shape)
            return cls(
                **{
                    py: self.to_python(m.target, value[m.name])
                    for m, py in zip(shape.members, names, strict=True)
                    if m.name in value
                }
            )
        if kind is Kind.UNION:
            ((tag, inner),) = value.items()
            index = [m.name for m in shape.members].index(tag)
            variant = getattr(self.models, self.symbols.variant_names(shape)[index])
            return variant(value=self.to_python(shape.members[index].target, inner))
        if kind is Kind.LIST:
            return [self.to_python(shape.list_member.target, v) for v in value]
        if kind is Kind.MAP:
            return {k: self.to_python(shape.map_value.target, v) for k, v in value.items()}
        if kind is Kind.TIMESTAMP:
            return datetime.fromtimestamp(value, UTC)
        if kind is Kind.BLOB:
            return value.encode("utf-8") if isinstance(value, str) else value
        if kind in (Kind.FLOAT, Kind.DOUBLE):
            return float(value)  # "NaN", "Infinity" and "-Infinity" as the cases write them
        if kind in (Kind.ENUM, Kind.INT_ENUM):
            return getattr(self.models, self.symbols.class_name(shape))(value)
        return value

    def result(self, output_id: str | None, value: Any) -> Any:
        if output_id is None:
            return {} if value is None else value
        return self.to_plain(output_id, value)

    def to_plain(self, shape_id: str, value: Any) -> Any:
        if value is None:
            return None
        shape = self.shape(shape_id)
        kind = shape.kind
        if kind is Kind.STRUCTURE:
            out = {}
            for m, py in zip(shape.members, self.symbols.member_names(shape), strict=True):
                item = getattr(value, py)
                if item is not None:
                    out[m.name] = self.to_plain(m.target, item)
            return out
        if kind is Kind.UNION:
            for m in shape.members:
                if getattr(type(value), "tag", None) == (m.wire_name or m.name):
                    return {m.name: self.to_plain(m.target, value.value)}
            return {"SDK_UNKNOWN_MEMBER": {"name": value.tag}}
        if kind is Kind.LIST:
            return [self.to_plain(shape.list_member.target, v) for v in value]
        if kind is Kind.MAP:
            return {k: self.to_plain(shape.map_value.target, v) for k, v in value.items()}
        if kind is Kind.TIMESTAMP:
            seconds = value.timestamp()
            return int(seconds) if seconds == int(seconds) else seconds
        if kind is Kind.BLOB:
            data = value if isinstance(value, bytes) else value.read()
            return data.decode("utf-8")
        if kind in (Kind.FLOAT, Kind.DOUBLE):
            if math.isnan(value):
                return "NaN"
            if math.isinf(value):
                return "Infinity" if value > 0 else "-Infinity"
            return value
        if kind in (Kind.ENUM, Kind.INT_ENUM):
            return value.value
        return value


# --- calling -------------------------------------------------------------------------------------


class _Stub:
    def __init__(self, response: Any) -> None:
        self.response = response
        self.requests: list[Any] = []

    def send(self, request: Any, *, timeout: float | None) -> Any:
        self.requests.append(request)
        return self.response

    def close(self) -> None:
        pass


class _AsyncStub(_Stub):
    async def send(self, request: Any, *, timeout: float | None) -> Any:  # type: ignore[override]
        self.requests.append(request)
        return self.response

    async def close(self) -> None:  # type: ignore[override]
        pass


@contextlib.contextmanager
def _fixed_uuid4() -> Iterator[None]:
    original = uuid.uuid4
    uuid.uuid4 = lambda: FIXED_TOKEN  # the generated clients call uuid.uuid4()
    try:
        yield
    finally:
        uuid.uuid4 = original


def _call(built: Built, asynchronous: bool, kwargs: dict[str, Any], response: Any) -> Any:
    """(result or raised exception, the requests sent)."""
    suite = built.suite
    assert built.builder is not None and built.service is not None
    method = built.builder.symbols.method_name(suite.given["name"])
    stub = _AsyncStub(response) if asynchronous else _Stub(response)
    cls = built.async_client if asynchronous else built.client
    client = cls(
        "us-east-1",
        credentials=built.credentials,
        endpoint_url=suite.client_endpoint,
        transport=stub,
        retry_policy=built.retry,
    )

    async def run_async() -> Any:
        return await getattr(client, method)(**kwargs)

    with _fixed_uuid4():
        try:
            if asynchronous:
                outcome = asyncio.run(run_async())
            else:
                outcome = getattr(client, method)(**kwargs)
        except Exception as exc:
            outcome = exc
    return outcome, stub.requests


def run_case(built: Built, case: Case) -> list[str]:
    """Problems of one case, sync and async clients alike ([] when it passes)."""
    if built.problem:
        return [built.problem]
    problems: list[str] = []
    for asynchronous in (False, True):
        label = "async" if asynchronous else "sync"
        try:
            found = (
                _check_input(built, case, asynchronous)
                if built.suite.direction == "input"
                else _check_output(built, case, asynchronous)
            )
        except Exception as exc:
            found = [f"{type(exc).__name__}: {exc}"]
        problems += [f"{label}: {p}" for p in found]
    return problems


def _empty_response(built: Built) -> Any:
    return built.http.HttpResponse(200, {}, b"{}")  # type: ignore[union-attr]


def _check_input(built: Built, case: Case, asynchronous: bool) -> list[str]:
    values = Values(built)
    op = built.service.operations[0]  # type: ignore[union-attr]
    kwargs = values.arguments(op.input, case.data.get("params", {}))
    outcome, requests = _call(built, asynchronous, kwargs, _empty_response(built))
    if isinstance(outcome, Exception) and not requests:
        return [f"the call raised {type(outcome).__name__}: {outcome}"]
    if len(requests) != 1:
        return [f"{len(requests)} requests sent"]
    return compare_request(requests[0], case.data["serialized"])


def compare_request(request: Any, expected: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    url = urlsplit(request.url)
    method = expected.get("method", "POST")  # botocore's older (query) cases leave it out
    if request.method != method:
        problems.append(f"method {request.method} != {method}")
    path, _, query = expected["uri"].partition("?")
    path = path or "/"  # botocore's older cases write the root as ""
    if url.path != path:
        problems.append(f"path {url.path!r} != {path!r}")
    ours = sorted(p for p in url.query.split("&") if p)
    theirs = sorted(p for p in query.split("&") if p)
    if ours != theirs:
        problems.append(f"query {ours} != {theirs}")
    if "host" in expected:
        host = expected["host"].split("/", 1)[0]
        if url.netloc != host:
            problems.append(f"host {url.netloc!r} != {host!r}")
    headers = request.headers
    body = _body_bytes(request)
    for name, value in expected.get("headers", {}).items():
        if name.lower() == "content-md5" and _json_equal(body, expected.get("body", "")):
            # The case's MD5 is of its own JSON spelling; ours must be that of the JSON sent.
            value = base64.b64encode(hashlib.md5(body).digest()).decode()
        if headers.get(name) != value:
            problems.append(f"header {name}: {headers.get(name)!r} != {value!r}")
    for name in expected.get("forbidHeaders", []):
        if name in headers:
            problems.append(f"header {name} must not be sent (got {headers.get(name)!r})")
    for name in expected.get("requireHeaders", []):
        if name not in headers:
            problems.append(f"header {name} is required")
    if headers.get("Content-Encoding", "").endswith("gzip") and body:
        body = gzip.decompress(body)
    if "body" in expected:
        want = expected["body"].encode("utf-8")
        if not want:
            if body:
                problems.append(f"body {body!r} sent, none expected")
        elif headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            # Form fields in any order (Smithy's awsQuery tests compare them so).
            if sorted(body.split(b"&")) != sorted(want.split(b"&")):
                problems.append(f"form body {body!r} != {want!r}")
        elif _is_json(headers.get("Content-Type", "")):
            try:
                if json.loads(body) != json.loads(want):
                    problems.append(f"JSON body {body!r} != {want!r}")
            except ValueError:
                problems.append(f"body {body!r} is not the JSON {want!r}")
        elif body != want:
            problems.append(f"body {body!r} != {want!r}")
    return problems


def _body_bytes(request: Any) -> bytes:
    body = request.body
    if body is None:
        return b""
    if isinstance(body, bytes | bytearray):
        return bytes(body)
    raise AssertionError(f"unexpected body type {type(body).__name__}")


def _json_equal(body: bytes, expected: str) -> bool:
    try:
        return bool(expected) and json.loads(body) == json.loads(expected)
    except ValueError:
        return False


def _is_json(content_type: str) -> bool:
    return "json" in content_type


def _check_output(built: Built, case: Case, asynchronous: bool) -> list[str]:
    data = case.data
    raw = data["response"]
    body = raw.get("body", "")
    response = built.http.HttpResponse(  # type: ignore[union-attr]
        raw["status_code"], dict(raw.get("headers", {})), body.encode("utf-8")
    )
    values = Values(built)
    service = built.service
    assert service is not None
    op = service.operations[0]
    # Required input members get placeholder values: only the response matters here.
    outcome, _ = _call(built, asynchronous, _placeholders(values, op.input), response)
    if "errorCode" in data:
        return _compare_error(built, values, data, outcome)
    if isinstance(outcome, Exception):
        return [f"raised {type(outcome).__name__}: {outcome}"]
    got = values.result(op.output, outcome)
    if got != data["result"]:
        return [f"result {got!r} != {data['result']!r}"]
    return []


def _placeholders(values: Values, input_id: str | None) -> dict[str, Any]:
    if input_id is None:
        return {}
    shape = values.shape(input_id)
    out: dict[str, Any] = {}
    for m, py in zip(shape.members, values.symbols.member_names(shape), strict=True):
        if m.required:
            out[py] = values.to_python(m.target, _placeholder(values, m.target))
    return out


def _placeholder(values: Values, shape_id: str) -> Any:
    kind = values.shape(shape_id).kind
    return {Kind.STRING: "x", Kind.INTEGER: 1, Kind.LONG: 1, Kind.BOOLEAN: True}.get(kind, "x")


def _compare_error(built: Built, values: Values, data: dict[str, Any], outcome: Any) -> list[str]:
    service = built.service
    assert service is not None
    code = data["errorCode"]
    shape = next(s for s in service.shapes if s.error is not None and s.name == code)
    cls = getattr(built.errors, values.symbols.error_class_name(shape))
    if type(outcome) is not cls:
        return [f"raised {type(outcome).__name__}: {outcome!r}, expected {cls.__name__}"]
    problems = []
    if outcome.code != code:
        problems.append(f"code {outcome.code!r} != {code!r}")
    if "errorMessage" in data and outcome.message != data["errorMessage"]:
        problems.append(f"message {outcome.message!r} != {data['errorMessage']!r}")
    fields: dict[str, Any] = {}
    for m, py in zip(shape.members, values.symbols.member_names(shape), strict=True):
        kind = values.shape(m.target).kind
        attr = py
        if m.wire_name.lower() in ("message", "code"):
            attr = m.wire_name.lower() if kind is Kind.STRING else "error_" + py
        item = getattr(outcome, attr, None)
        if item not in (None, ""):
            fields[m.name] = values.to_plain(m.target, item)
    if fields != data.get("error", {}):
        problems.append(f"error fields {fields!r} != {data.get('error', {})!r}")
    return problems
