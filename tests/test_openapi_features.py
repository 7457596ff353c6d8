"""OpenAPI features the corpus does not cover on its own, each in a small spec rendered and
called: cross-file references and where their events point, the Azure profile being the
document's choice (and nothing Azure-specific elsewhere), parameter defaults not sent,
`security: []`, polymorphic allOf bases, recursive maps, 3.1 `$defs`."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.config import ServiceConfig
from generator.diagnostics import Severity
from generator.pipeline import load_spec
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.package import render_package
from generator.render.protocols import protocol_for
from support import find, line_of


class Recorder:
    """A transport answering from a script and keeping what it was sent."""

    def __init__(self, *answers: tuple[int, dict[str, str], bytes]) -> None:
        self.answers = list(answers)
        self.sent: list[Any] = []

    def send(self, request: Any, *, timeout: float | None) -> Any:
        self.sent.append(request)
        status, headers, body = self.answers.pop(0) if self.answers else (200, {}, b"")
        return self._pkg.HttpResponse(status, headers, body)

    def close(self) -> None:
        pass


@pytest.fixture
def render(tmp_path: Path) -> Iterator[Any]:
    added: list[str] = []

    def make(spec: str, package: str, **options: Any) -> Any:
        path = tmp_path / f"{package}.yaml"
        path.write_text(textwrap.dedent(spec).lstrip("\n"), encoding="utf-8")
        loaded = load_spec(path)
        assert loaded.ok and loaded.service is not None, [
            e.format() for e in loaded.diagnostics.events if e.severity >= Severity.ERROR
        ]
        root = tmp_path / package
        config = ServiceConfig(spec=path, package=package, output=root, options=options)
        files = render_package(loaded.service, config, build_environment(None), Formatter(None))
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        (root / package / "_patch.py").write_text("__all__: list[str] = []\n")
        sys.path.insert(0, str(root))
        added.append(str(root))
        module = importlib.import_module(package)
        module._spec = loaded.service
        module._files = files
        return module

    yield make
    for path in added:
        sys.path.remove(path)


def _recorder(pkg: Any, *answers: tuple[int, dict[str, str], bytes]) -> Recorder:
    recorder = Recorder(*answers)
    recorder._pkg = pkg  # type: ignore[attr-defined]
    return recorder


# -- documents in several files ----------------------------------------------------------------


def _files(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return tmp_path / next(iter(files))


MAIN = """
openapi: 3.0.3
info: {title: Split, version: "1"}
paths:
  /pets/{id}:
    parameters:
      - $ref: "params.json#/id"
    get:
      operationId: getPet
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "schemas/pet.yaml"
"""


def test_cross_file_refs_are_read_and_events_point_into_their_files(tmp_path: Path) -> None:
    spec = _files(
        tmp_path,
        {
            "main.yaml": MAIN,
            "params.json": '{"id": {"name": "id", "in": "path", "required": true,'
            ' "schema": {"type": "integer"}}}',
            "schemas/pet.yaml": """
                type: object
                required: [name, ghost]  # <- GHOST
                properties:
                  name: {type: string}
                  owner: {$ref: "owner.yaml#/Owner"}
            """,
            "schemas/owner.yaml": "Owner:\n  type: object\n  properties:\n    n: {type: string}\n",
        },
    )
    result = load_spec(spec)
    assert result.ok and result.service is not None
    [op] = result.service.operations
    pet = result.service.shape(op.responses[0].body or "")
    assert pet is not None and [m.name for m in pet.members] == ["name", "owner"]
    assert pet.loc.file.endswith("pet.yaml")
    [event] = find(result.diagnostics.events, "UnknownRequired")
    assert event.location.file.endswith("schemas/pet.yaml")
    body = (tmp_path / "schemas/pet.yaml").read_text()
    assert event.location.line == line_of(body, "<- GHOST")


def test_missing_file_and_remote_refs_are_located_errors(tmp_path: Path) -> None:
    spec = _files(
        tmp_path,
        {
            "main.yaml": MAIN.replace('"schemas/pet.yaml"', '"nowhere.yaml"  # <- GONE').replace(
                '"params.json#/id"', '"https://example.com/p.json#/id"  # <- REMOTE'
            ),
        },
    )
    result = load_spec(spec)
    assert not result.ok
    body = spec.read_text()
    [gone] = [
        e for e in find(result.diagnostics.events, "DanglingTarget") if "nowhere" in e.message
    ]
    assert gone.location.line == line_of(body, "<- GONE")
    [remote] = find(result.diagnostics.events, "UnsupportedRef")
    assert remote.location.line == line_of(body, "<- REMOTE") and "remote" in remote.message


# -- the Azure profile is the document's choice ------------------------------------------------

AZURE = """
openapi: 3.0.3
info: {title: Widget Service, version: "2024-01-01"}
x-ms-parameterized-host:
  hostTemplate: "{endpoint}"
  parameters:
    - name: endpoint
      in: path
      required: true
      description: "The widget account URL."
      schema: {type: string}
      x-ms-parameter-location: client
security: [{entra: [user_impersonation]}]
paths:
  /widgets/{id}:
    get:
      operationId: Widgets_Get
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: api-version, in: query, required: true, schema: {type: string}}
        - {name: timeout, in: query, schema: {type: integer, default: 30}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
components:
  securitySchemes:
    entra:
      type: oauth2
      flows:
        implicit:
          authorizationUrl: "https://login.microsoftonline.com/common/oauth2/authorize"
          scopes: {user_impersonation: x}
"""


def test_azure_profile_without_batch_anything(render: Any) -> None:
    pkg = render(AZURE, "widgets")
    assert protocol_for(pkg._spec).id == "azure"
    text = "\n".join(pkg._files.values())
    assert "batch" not in text.lower()
    assert "The widget account URL." in text  # the endpoint's docs come from the document

    class Cred:
        def get_token(self, *scopes: str, **_: Any) -> Any:
            from azure.core.credentials import AccessToken

            return AccessToken("t", 4_102_444_800)

    # Entra ID scopes are the service's: without a setting or a scope URL, the caller names them.
    with pytest.raises(TypeError, match="credential_scopes"):
        pkg.WidgetServiceClient("https://w.example", Cred())
    recorder = _recorder(pkg, (200, {}, b'{"id": "w1"}'))
    client = pkg.WidgetServiceClient(
        "https://w.example", Cred(), credential_scopes=["https://w/.default"], transport=recorder
    )
    assert client.widgets_get(id="w1").id == "w1"
    # api-version from the client; the timeout's default is the service's, not sent.
    assert recorder.sent[0].url == "https://w.example/widgets/w1?api-version=2024-01-01"
    assert recorder.sent[0].headers["Authorization"] == "Bearer t"
    # Its generated tests pass too (a token credential in the stubs: no SharedKey here).
    root = Path(pkg.__file__).parents[1]
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(root / "tests")],
        capture_output=True,
        text=True,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]


def test_generic_protocol_for_documents_without_azure_conventions(render: Any) -> None:
    spec = AZURE.replace("x-ms-parameterized-host", "x-host").replace(
        "login.microsoftonline.com", "auth.example.com"
    )
    spec = spec.replace("x-ms-parameter-location: client", "x-note: 1")
    spec = spec.replace("security: [{entra: [user_impersonation]}]", "servers: [{url: /v2}]")
    pkg = render(spec, "widgets_plain")
    assert protocol_for(pkg._spec).id == "rest"
    recorder = _recorder(pkg, (200, {}, b'{"id": "w1"}'))
    client = pkg.WidgetServiceClient("https://w.example/v2", transport=recorder)
    client.widgets_get(id="w1", api_version="7")
    # api-version is just a parameter here; the default of `timeout` is not sent either.
    assert recorder.sent[0].url == "https://w.example/v2/widgets/w1?api-version=7"
    assert not any(name.endswith("_sharedkey.py") for name in pkg._files)
    client_module = next(t for n, t in pkg._files.items() if n.endswith("/client.py"))
    assert "SharedKeyCredential" not in client_module and "self.api_version" not in client_module


# -- security, polymorphism, recursion ----------------------------------------------------------

SECURED = """
openapi: 3.1.0
info: {title: Zoo, version: "1"}
servers:
  - url: "https://{region}.zoo.example/api"
    variables: {region: {default: eu, enum: [eu, us]}}
security: [{key: []}]
paths:
  /animals:
    get:
      operationId: listAnimals
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Animal"}}
  /health:
    get:
      operationId: health
      security: []
      responses: {"204": {description: fine}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
  schemas:
    Animal:
      type: object
      required: [kind]
      properties: {kind: {type: string}, name: {type: string}}
      discriminator: {propertyName: kind, mapping: {dog: "#/components/schemas/Dog"}}
    Dog:
      allOf:
        - $ref: "#/components/schemas/Animal"
        - {type: object, properties: {barks: {type: boolean}}}
    Cat:
      allOf: [{$ref: "#/components/schemas/Animal"}, {properties: {lives: {type: integer}}}]
    Tree:
      type: object
      additionalProperties: {$ref: "#/components/schemas/Tree"}
    Leaf:
      $defs:
        color: {type: string, enum: [green, red]}
      type: object
      properties: {color: {$ref: "#/components/schemas/Leaf/$defs/color"}}
"""


def test_security_servers_polymorphism_and_recursion(render: Any) -> None:
    pkg = render(SECURED, "zoo")
    assert pkg.client.DEFAULT_BASE_URL == "https://eu.zoo.example/api"
    assert pkg.client.server_url(region="us") == "https://us.zoo.example/api"
    animals = [{"kind": "dog", "barks": True}, {"kind": "Cat", "lives": 9}, {"kind": "emu"}]
    recorder = _recorder(pkg, (200, {}, json.dumps(animals).encode()), (204, {}, b""))
    client = pkg.ZooClient(key="k-1", transport=recorder)
    result = client.list_animals()
    # The base parses into the subclass its discriminator names (mapping, or the schema name).
    assert [type(a).__name__ for a in result] == ["Dog", "Cat", "Animal"]
    assert result[0].barks is True and isinstance(result[0], pkg.Animal)
    assert recorder.sent[0].headers["X-Key"] == "k-1"
    assert client.health() is None
    assert "X-Key" not in recorder.sent[1].headers  # security: [] sends no credential
    # A dict of itself is a model keeping its keys; $defs are read.
    tree = pkg.Tree.from_dict({"a": {"b": {}}})
    assert tree.additional_properties["a"].additional_properties["b"] == pkg.Tree()
    assert tree.to_wire() == {"a": {"b": {}}}
    assert pkg.Leaf.from_dict({"color": "red"}).color == pkg.Color.RED
    with pytest.raises(pkg.MissingCredentialsError):
        pkg.ZooClient(transport=recorder).list_animals()


def test_servers_of_a_path_or_operation_and_unquoted_status_codes(render: Any) -> None:
    # Open-Meteo's document, in small: no root server, each path its own host, and the
    # status codes unquoted (YAML numbers: a WARNING, read as the strings they mean).
    pkg = render(
        """
        openapi: 3.0.0
        info: {title: Weather, version: "1"}
        paths:
          /v1/forecast:
            servers: [{url: "https://api.open-meteo.test"}]
            get:
              operationId: forecast
              parameters:
                - {name: latitude, in: query, required: true, schema: {type: number}}
              responses:
                200:
                  description: ok
                  content:
                    application/json:
                      schema: {type: object, properties: {latitude: {type: number}}}
          /v1/archive:
            get:
              operationId: archive
              servers: [{url: "https://{region}.archive.test", variables: {region: {default: eu}}}]
              responses:
                204: {description: none}
          /v1/status:
            get:
              operationId: status
              responses:
                204: {description: none}
        """,
        "weather_servers",
    )
    recorder = _recorder(pkg, (200, {"Content-Type": "application/json"}, b'{"latitude": 1.5}'))
    with pkg.WeatherClient(transport=recorder) as client:
        assert client.forecast(latitude=1.5).latitude == 1.5
        recorder.answers.append((204, {}, b""))
        client.archive()
        with pytest.raises(ValueError, match="pass base_url"):
            client.status()  # no server anywhere for this one
    assert [r.url for r in recorder.sent] == [
        "https://api.open-meteo.test/v1/forecast?latitude=1.5",
        "https://eu.archive.test/v1/archive",
    ]
    # A base URL the caller gives wins for every operation (a proxy, a test server).
    recorder = _recorder(pkg, (204, {}, b""), (204, {}, b""))
    with pkg.WeatherClient("https://proxy.test/", transport=recorder) as client:
        client.archive()
        client.status()
    assert [r.url for r in recorder.sent] == [
        "https://proxy.test/v1/archive",
        "https://proxy.test/v1/status",
    ]


def test_unquoted_status_codes_are_a_located_warning(tmp_path: Path) -> None:
    spec = tmp_path / "unquoted.yaml"
    spec.write_text(textwrap.dedent("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /things:
                get:
                  responses:
                    200: {description: ok}
            """).lstrip("\n"))
    loaded = load_spec(spec)
    assert loaded.ok
    (event,) = [e for e in loaded.diagnostics.events if e.id == "UnquotedKey"]
    assert event.severity is Severity.WARNING
    assert (event.location.line, event.location.col) == (7, 9)
    assert 'quote it: "200"' in event.hint
