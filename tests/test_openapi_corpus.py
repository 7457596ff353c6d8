"""Every OpenAPI document of the shared corpus becomes a correct, typed client.

The corpus (`../shared/corpus/openapi/`) holds the OpenAPI Initiative's example documents
(3.0, 3.1, Swagger 2.0, one spread over several files) and openapi-python-client's end-to-end
specs. For each document: `apismith validate` reports no ERROR; the package renders, imports,
passes mypy --strict and ruff (one run each over all packages), passes its own generated tests
(one pytest run over all of them), and makes a correct call -- request, auth and parsed
response, checked by hand below -- through its default transport against a stub HTTP server on
127.0.0.1. Everything is rendered once per session.
"""

from __future__ import annotations

import base64
import importlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from runtime.runtime_stub import Received, Reply, StubServer

from generator.config import ServiceConfig
from generator.diagnostics import Severity
from generator.pipeline import Loaded, load_spec
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.package import render_package
from support import shared_dir

CORPUS = shared_dir() / "corpus" / "openapi"

#: package name -> document (relative to the corpus folder)
DOCUMENTS = {
    "oai_uber": "oai-v20-uber.yaml",
    "oai_petstore20": "oai-v20-petstore-expanded.json",
    "oai_separate": "oai-v20-petstore-separate/spec/swagger.yaml",
    "oai_examples": "oai-v30-api-with-examples.yaml",
    "oai_callback": "oai-v30-callback-example.yaml",
    "oai_link": "oai-v30-link-example.yaml",
    "oai_petstore_expanded": "oai-v30-petstore-expanded.yaml",
    "oai_petstore": "oai-v30-petstore.yaml",
    "oai_uspto": "oai-v30-uspto.yaml",
    "oai_scopes": "oai-v31-non-oauth-scopes.yaml",
    "oai_tictactoe": "oai-v31-tictactoe.yaml",
    "oai_webhook": "oai-v31-webhook-example.yaml",
    "opc_31_features": "opc-3.1_specific.openapi.yaml",
    "opc_baseline_30": "opc-baseline_openapi_3.0.json",
    "opc_baseline_31": "opc-baseline_openapi_3.1.yaml",
}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")


@dataclass
class Rendered:
    loaded: Loaded
    root: Path  # the package's folder (pyproject.toml, tests/, <package>/)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    out = tmp_path_factory.mktemp("corpus")
    env = build_environment(None)
    formatter = Formatter(out / ".cache")
    rendered: dict[str, Rendered] = {}
    for package, document in DOCUMENTS.items():
        loaded = load_spec(CORPUS / document)
        root = out / package
        rendered[package] = Rendered(loaded, root)
        if not loaded.ok or loaded.service is None:
            continue
        config = ServiceConfig(spec=CORPUS / document, package=package, output=root)
        for rel, text in render_package(loaded.service, config, env, formatter).items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (root / package / "_patch.py").write_text("__all__: list[str] = []\n")
        sys.path.insert(0, str(root))
    return rendered


def _package(corpus: dict[str, Rendered], package: str) -> Any:
    assert (corpus[package].root / package).is_dir(), "not rendered"
    return importlib.import_module(package)


@pytest.mark.parametrize("package", DOCUMENTS)
def test_validates_without_errors(corpus: dict[str, Rendered], package: str) -> None:
    loaded = corpus[package].loaded
    errors = [e.format() for e in loaded.diagnostics.events if e.severity >= Severity.ERROR]
    assert errors == []
    assert loaded.ok


@pytest.mark.parametrize("package", DOCUMENTS)
def test_generates_and_imports(corpus: dict[str, Rendered], package: str) -> None:
    module = _package(corpus, package)
    service = corpus[package].loaded.service
    assert service is not None
    client = getattr(module, f"{service.name}Client")
    for op in service.operations:
        assert callable(getattr(client, op.name.replace("-", "_"), None)) or hasattr(
            client, _method(op.name)
        ), op.name


def _method(name: str) -> str:
    from generator.render.names import SymbolProvider

    return SymbolProvider.method_name(None, name)  # type: ignore[arg-type]


# -- one mypy, one ruff and one pytest run over every package ----------------------------------


@pytest.fixture(scope="session")
def mypy_report(corpus: dict[str, Rendered]) -> str:
    roots = [r.root for r in corpus.values() if (r.root / "pyproject.toml").is_file()]
    env = {**os.environ, "MYPYPATH": os.pathsep.join(str(r) for r in roots)}
    args = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary"]
    for root in roots:
        args += ["-p", root.name]
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=roots[0].parent)
    return proc.stdout + proc.stderr


@pytest.mark.parametrize("package", DOCUMENTS)
def test_package_is_mypy_strict_clean(
    corpus: dict[str, Rendered], mypy_report: str, package: str
) -> None:
    assert corpus[package].root.is_dir()
    mine = [line for line in mypy_report.splitlines() if f"{package}/" in line]
    assert mine == []


@pytest.fixture(scope="session")
def ruff_report(corpus: dict[str, Rendered]) -> str:
    root = next(iter(corpus.values())).root.parent
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format", "concise", "."],
        capture_output=True,
        text=True,
        cwd=root,
    )
    return proc.stdout


@pytest.mark.parametrize("package", DOCUMENTS)
def test_package_is_ruff_clean(corpus: dict[str, Rendered], ruff_report: str, package: str) -> None:
    assert corpus[package].root.is_dir()
    assert [line for line in ruff_report.splitlines() if line.startswith(f"{package}/")] == []


@pytest.fixture(scope="session")
def generated_test_results(corpus: dict[str, Rendered]) -> dict[str, tuple[int, int, str]]:
    """Per package: (tests run, failures, the failures' names), from one pytest run."""
    roots = [r.root for r in corpus.values() if (r.root / "tests").is_dir()]
    junit = roots[0].parent / "junit.xml"
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}"]
    args += [str(root / "tests") for root in roots]
    subprocess.run(args, capture_output=True, text=True, cwd=roots[0].parent)
    results: dict[str, tuple[int, int, str]] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        name = case.get("classname", "")
        package = next((r.name for r in roots if f"test_{r.name}_" in name), "")
        run, failed, names = results.get(package, (0, 0, ""))
        bad = case.find("failure") is not None or case.find("error") is not None
        results[package] = (
            run + 1,
            failed + bad,
            names + (f"{case.get('name')} " if bad else ""),
        )
    return results


@pytest.mark.parametrize("package", DOCUMENTS)
def test_generated_tests_pass(
    corpus: dict[str, Rendered],
    generated_test_results: dict[str, tuple[int, int, str]],
    package: str,
) -> None:
    assert corpus[package].root.is_dir()
    run, failed, names = generated_test_results.get(package, (0, 0, ""))
    assert run > 0
    assert failed == 0, names


# -- a correct call through the default transport, against a stub on 127.0.0.1 ------------------


@pytest.fixture(scope="module")
def stub() -> Iterator[StubServer]:
    server = StubServer()
    try:
        yield server
    finally:
        server.close()


def _json(status: int, body: Any, **headers: str) -> Reply:
    return Reply(status, {"Content-Type": "application/json", **headers}, json.dumps(body).encode())


def _split(received: Received) -> tuple[str, dict[str, str]]:
    """The decoded path and query of a request as received."""
    parts = urlsplit(received.target)
    return unquote(parts.path), dict(parse_qsl(parts.query, keep_blank_values=True))


def _uber(pkg: Any, stub: StubServer) -> None:
    stub.script(_json(200, [{"product_id": "p1", "display_name": "UberX", "capacity": 4}]))
    with pkg.UberAPIClient(stub.url + "/v1", apikey="secret-key") as client:
        products = client.get_products(latitude=37.77, longitude=-122.41)
    (sent,) = stub.received
    path, query = _split(sent)
    assert (sent.method, path) == ("GET", "/v1/products")
    # The apiKey scheme goes in the query (server_token), as the document's security says.
    assert query == {"latitude": "37.77", "longitude": "-122.41", "server_token": "secret-key"}
    assert isinstance(products[0], pkg.Product)
    assert (products[0].product_id, products[0].display_name) == ("p1", "UberX")
    # An operation without security is sent without the key.
    stub.script(_json(200, {"first_name": "Ann"}))
    with pkg.UberAPIClient(stub.url + "/v1", apikey="secret-key") as client:
        me = client.get_me()
    assert "server_token" not in stub.received[0].target and me.first_name == "Ann"


def _petstore20(pkg: Any, stub: StubServer) -> None:
    stub.script(_json(200, {"id": 7, "name": "Rex"}))
    with pkg.SwaggerPetstoreClient(stub.url + "/api") as client:
        pet = client.add_pet(pet=pkg.NewPet(name="Rex"))
    (sent,) = stub.received
    assert (sent.method, _split(sent)[0]) == ("POST", "/api/pets")
    assert json.loads(sent.body) == {"name": "Rex"}
    assert sent.header("Content-Type") == "application/json"
    assert (pet.id, pet.name) == (7, "Rex")


def _separate(pkg: Any, stub: StubServer) -> None:
    # Parameters and schemas come from other files; `tags` is csv (style form, explode false).
    stub.script(_json(200, [{"id": 1, "name": "a", "tag": "t"}]))
    with pkg.SwaggerPetstoreClient(stub.url + "/api") as client:
        pets = client.find_pets(tags=["x,y", "z"], limit=3)
    (sent,) = stub.received
    assert sent.target == "/api/pets?tags=x%2Cy,z&limit=3"
    assert pets == [pkg.Pet(id=1, name="a", tag="t")]
    stub.script(Reply(500, {"Content-Type": "application/json"}, b'{"code": 5, "message": "down"}'))
    with (
        pkg.SwaggerPetstoreClient(
            stub.url + "/api", retry_policy=pkg.RetryPolicy.no_retries()
        ) as client,
        pytest.raises(pkg.Error) as caught,
    ):
        client.delete_pet(id=4)
    assert (caught.value.status_code, caught.value.message, caught.value.code) == (500, "down", "5")


def _examples(pkg: Any, stub: StubServer) -> None:
    versions = {"versions": [{"id": "v2.0", "status": "CURRENT"}]}
    stub.script(_json(200, versions))
    with pkg.SimpleAPIOverviewClient(stub.url) as client:
        result = client.list_versionsv2()
    assert (stub.received[0].method, stub.received[0].target) == ("GET", "/")
    assert result == versions  # the document gives no schema: the JSON as parsed


def _callback(pkg: Any, stub: StubServer) -> None:
    stub.script(_json(201, {"subscriptionId": "sub-1"}))
    with pkg.CallbackExampleClient(stub.url) as client:
        result = client.post_streams(callback_url="https://me.example/cb")
    (sent,) = stub.received
    assert sent.method == "POST"
    assert _split(sent) == ("/streams", {"callbackUrl": "https://me.example/cb"})
    assert result.subscription_id == "sub-1"


def _link(pkg: Any, stub: StubServer) -> None:
    stub.script(_json(200, [{"slug": "r1", "owner": {"username": "ann"}}]))
    with pkg.LinkExampleClient(stub.url) as client:
        repos = client.get_repositories_by_owner(username="ann b")
    assert stub.received[0].target == "/2.0/repositories/ann%20b"
    assert repos[0].slug == "r1" and repos[0].owner.username == "ann"
    stub.script(Reply(204))
    with pkg.LinkExampleClient(stub.url) as client:
        assert client.merge_pull_request(username="a", slug="s", pid="1") is None
    assert stub.received[0].method == "POST"


def _petstore_expanded(pkg: Any, stub: StubServer) -> None:
    stub.script(_json(200, [{"name": "Rex", "id": 1}]))
    with pkg.SwaggerPetstoreClient(stub.url + "/api") as client:
        pets = client.find_pets(tags=["a", "b"], limit=2)
    assert stub.received[0].target == "/api/pets?tags=a&tags=b&limit=2"  # form, exploded
    assert isinstance(pets[0], pkg.Pet) and (pets[0].id, pets[0].name) == (1, "Rex")
    # Pet extends NewPet (allOf): a subclass with the merged fields.
    assert isinstance(pets[0], pkg.NewPet)


def _petstore(pkg: Any, stub: StubServer) -> None:
    stub.script(_json(200, [{"id": 1, "name": "a"}], **{"x-next": "/pets?page=2"}))
    with pkg.SwaggerPetstoreClient(stub.url + "/v1") as client:
        page = client.list_pets(limit=20)
    assert stub.received[0].target == "/v1/pets?limit=20"
    # A list body with a declared header: both, typed.
    assert page.body == [pkg.Pet(id=1, name="a")] and page.x_next == "/pets?page=2"
    # A body of the wrong shape names where it went wrong (Pet.id of the first item).
    stub.script(_json(200, [{"id": "one", "name": "a"}]))
    with (
        pkg.SwaggerPetstoreClient(stub.url + "/v1") as client,
        pytest.raises(pkg.DeserializationError) as wrong,
    ):
        client.list_pets()
    assert str(wrong.value) == "listPets response: Pet.id: expected an integer, got a string"
    stub.script(_json(404, {"code": 404, "message": "no such pet"}))
    with pkg.SwaggerPetstoreClient(stub.url + "/v1") as client, pytest.raises(pkg.Error) as caught:
        client.show_pet_by_id(pet_id="42")
    assert (caught.value.status_code, caught.value.message) == (404, "no such pet")
    assert caught.value.code == "404"


def _uspto(pkg: Any, stub: StubServer) -> None:
    stub.script(_json(200, [{"patent": {"title": "x"}}]))
    with pkg.USPTODataSetAPIClient(stub.url + "/ds-api") as client:
        records = client.perform_search(body=pkg.PerformSearchBody(criteria="title:x", rows=5))
    (sent,) = stub.received
    assert (sent.method, sent.target) == ("POST", "/ds-api/oa_citations/v1/records")
    assert sent.header("Content-Type") == "application/x-www-form-urlencoded"
    assert dict(parse_qsl(sent.body.decode())) == {"criteria": "title:x", "rows": "5"}
    assert records == [{"patent": {"title": "x"}}]
    assert pkg.client.server_url(scheme="http") == "http://developer.uspto.gov/ds-api"


class _Credential:
    """An azure-core style credential: records the scopes it is asked for."""

    def __init__(self) -> None:
        self.scopes: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **_: Any) -> Any:
        from azure.core.credentials import AccessToken

        self.scopes.append(scopes)
        return AccessToken("token-from-provider", 4_102_444_800)


def _scopes(pkg: Any, stub: StubServer) -> None:
    credential = _Credential()
    stub.script(_json(200, {"users": ["ann"]}))
    with pkg.NonOAuthScopesExampleClient(
        stub.url, bearer_auth=credential, enforce_https=False  # the stub speaks plain http
    ) as client:
        result = client.get_users()
    assert stub.received[0].header("Authorization") == "Bearer token-from-provider"
    assert credential.scopes == [("read:users", "public")]  # the operation's required scopes
    assert result == {"users": ["ann"]}  # 3.1 without responses: the body as received


def _tictactoe(pkg: Any, stub: StubServer) -> None:
    board = {"winner": ".", "board": [[".", "X", "O"], [".", ".", "."], [".", ".", "."]]}
    stub.script(_json(200, board))
    with pkg.TicTacToeClient(stub.url, default_api_key="key-1") as client:
        status = client.get_board()
    assert stub.received[0].header("api-key") == "key-1"
    assert status.board[0][1] is pkg.Mark.X and status.winner == pkg.Winner(".")
    # put-square needs bearer or user2AppOauth; a callable token source is asked per attempt.
    stub.script(_json(200, board))
    with pkg.TicTacToeClient(
        stub.url, bearer_http_authentication=lambda: "jwt-1", enforce_https=False
    ) as client:
        result = client.put_square(row=1, column=2, body=pkg.Mark.X)
    (sent,) = stub.received
    assert (sent.method, sent.target, sent.body) == ("PUT", "/board/1/2", b'"X"')
    assert sent.header("Authorization") == "Bearer jwt-1"
    assert result.body == pkg.Status.from_dict(board)
    with (
        pkg.TicTacToeClient(stub.url, default_api_key="key-1") as client,
        pytest.raises(pkg.MissingCredentialsError),
    ):
        client.put_square(row=1, column=2, body=pkg.Mark("O"))  # neither credential: refused
    stub.script(_json(200, board))
    with (
        pkg.TicTacToeClient(stub.url, bearer_http_authentication="jwt-1") as client,
        pytest.raises(ValueError, match="non-https"),
    ):
        client.put_square(row=1, column=2, body=pkg.Mark.X)  # a token over http: refused
    assert stub.received == []
    stub.script(Reply(400, {"Content-Type": "text/html"}, b"Illegal coordinates"))
    with (
        pkg.TicTacToeClient(
            stub.url, bearer_http_authentication="jwt-2", enforce_https=False
        ) as client,
        pytest.raises(pkg.TicTacToeError) as caught,
    ):
        client.get_square(row=9, column=1)
    assert caught.value.status_code == 400 and caught.value.body == b"Illegal coordinates"
    assert "jwt-2" not in repr(client.__dict__)


def _webhook(pkg: Any, stub: StubServer) -> None:
    # No paths (3.1): a client without operations, and the webhook's payload as a model.
    assert [n for n in dir(pkg.WebhookExampleClient) if not n.startswith("_")] == ["close"]
    pet = pkg.Pet.from_dict({"id": 1, "name": "Rex"})
    assert pet.to_wire() == {"id": 1, "name": "Rex"}


def _features31(pkg: Any, stub: StubServer) -> None:
    answer = "Why have a fixed response? I dunno"
    stub.script(_json(200, answer))
    body = pkg.PostConstPathBody(nullable=pkg.NULL)
    with pkg.Test31FeaturesClient(stub.url) as client:
        result = client.post_const_path(body=body)
    (sent,) = stub.received
    path, query = _split(sent)
    # Constants need no argument: the path, the required query and the body's required field.
    assert path == "/const/this goes in the path"
    assert query == {"required query": "this always goes in the query"}
    assert json.loads(sent.body) == {"required": "this always goes in the body", "nullable": None}
    assert result == answer


def _baseline(pkg: Any, stub: StubServer) -> None:
    with pkg.MyTestAPIClient(stub.url, retry_policy=pkg.RetryPolicy.no_retries()) as client:
        stub.script(_json(200, [True, False]))
        assert client.get_basic_list_of_booleans() == [True, False]
        # A multipart upload: a file with its name, a JSON part, text parts.
        stub.script(_json(200, {"ok": 1}))
        upload = pkg.BodyUploadFileTestsUploadPost(
            some_file=pkg.File(b"PNG-bytes", "a.png", "image/png"),
            some_object=pkg.BodyUploadFileTestsUploadPostSomeObject(num=1.5, text="t"),
            some_nullable_object=pkg.NULL,
            some_required_number=2.0,
        )
        assert client.upload_file_tests_upload_post(body=upload) == {"ok": 1}
        sent = stub.received[0]
        assert sent.header("Content-Type").startswith("multipart/form-data; boundary=")
        assert b'name="some_file"; filename="a.png"' in sent.body and b"PNG-bytes" in sent.body
        assert b'{"num": 1.5, "text": "t"}' in sent.body
        # Octet-stream in and out.
        stub.script(Reply(200, {"Content-Type": "application/octet-stream"}, b"\x00\x01"))
        assert client.octet_stream_tests_octet_stream_get() == b"\x00\x01"
        # Query arrays of enums, a date-or-datetime union and an int enum.
        stub.script(_json(200, []))
        client.get_user_list(
            an_enum_value=[pkg.AnEnum.FIRST_VALUE],
            an_enum_value_with_null=[None],
            an_enum_value_with_only_null=[],
            some_date=__import__("datetime").date(2024, 5, 6),
        )
        query = _split(stub.received[0])[1]
        assert query == {
            "an_enum_value": "FIRST_VALUE",
            "an_enum_value_with_null": "",
            "some_date": "2024-05-06",
        }
        # Specific status, then range, then default (the declared precedence).
        stub.script(Reply(404, {"Content-Type": "text/plain"}, b"gone"))
        with pytest.raises(pkg.MyTestAPIError) as caught:
            client.status_code_precedence()
        assert (caught.value.status_code, caught.value.message) == (404, "gone")
        # A discriminated union keeps a variant it does not know.
        value = pkg.models.adiscriminated_union_from_wire({"modelType": "type9", "x": 1})
        assert isinstance(value, pkg.UnknownVariant) and value.raw["x"] == 1
        typed = pkg.models.adiscriminated_union_from_wire({"modelType": "type2"})
        assert isinstance(typed, pkg.ADiscriminatedUnionType2)


SCENARIOS: dict[str, Callable[[Any, StubServer], None]] = {
    "oai_uber": _uber,
    "oai_petstore20": _petstore20,
    "oai_separate": _separate,
    "oai_examples": _examples,
    "oai_callback": _callback,
    "oai_link": _link,
    "oai_petstore_expanded": _petstore_expanded,
    "oai_petstore": _petstore,
    "oai_uspto": _uspto,
    "oai_scopes": _scopes,
    "oai_tictactoe": _tictactoe,
    "oai_webhook": _webhook,
    "opc_31_features": _features31,
    "opc_baseline_30": _baseline,
    "opc_baseline_31": _baseline,
}


@pytest.mark.parametrize("package", DOCUMENTS)
def test_call_against_a_stub_server(
    corpus: dict[str, Rendered], stub: StubServer, package: str
) -> None:
    SCENARIOS[package](_package(corpus, package), stub)


def test_secrets_stay_out_of_reprs_and_transport_errors(corpus: dict[str, Rendered]) -> None:
    pkg = _package(corpus, "oai_uber")
    with pkg.UberAPIClient("http://127.0.0.1:9/v1", apikey="top-secret-key") as client:
        assert "top-secret-key" not in repr(client.__dict__)
        with pytest.raises(pkg.TransportError) as caught:
            client.get_products(latitude=1.0, longitude=2.0)
    assert "top-secret-key" not in str(caught.value)
    assert caught.value.__cause__ is None or "top-secret-key" not in str(caught.value.__cause__)
    basic = base64.b64encode(b"u:p").decode()
    request = pkg.HttpRequest("GET", "https://x/y", {"Authorization": f"Basic {basic}"})
    assert basic not in repr(request.headers)
