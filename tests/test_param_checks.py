"""Arguments are checked before sending where botocore checks them, nested values too.

botocore's ParamValidator refuses a missing required member, a string or list shorter than its
`@length(min)` and a number below its `@range(min)`, at any depth, reporting every problem at
once; it checks no maximum and no map length. The generated AWS clients do the same and raise
`ParamValidationError` (a ValueError) without sending anything.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.config import ServiceConfig
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.package import render_package, scaffold_files
from support import spec_from_text

SPEC = """
smithy: "2.0"
shapes:
  ex.checks#Checks:
    type: service
    version: "2024-01-01"
    operations: [{target: ex.checks#PutThing}]
    traits:
      aws.protocols#awsJson1_1: {}
      aws.auth#sigv4: {name: checks}
      aws.api#service: {sdkId: Checks}
  ex.checks#PutThing:
    type: operation
    input: {target: ex.checks#PutThingInput}
  ex.checks#PutThingInput:
    type: structure
    members:
      name: {target: ex.checks#Name, traits: {smithy.api#required: {}}}
      count: {target: ex.checks#Count}
      tags: {target: ex.checks#Tags}
      parts: {target: ex.checks#Parts}
      choice: {target: ex.checks#Choice}
      labels: {target: ex.checks#Labels}
  ex.checks#Name:
    type: string
    traits: {smithy.api#length: {min: 3, max: 5}}
  ex.checks#Count:
    type: integer
    traits: {smithy.api#range: {min: 1, max: 10}}
  ex.checks#Tags:
    type: list
    member: {target: ex.checks#Name}
    traits: {smithy.api#length: {min: 1}}
  ex.checks#Parts:
    type: list
    member: {target: ex.checks#Part}
  ex.checks#Part:
    type: structure
    members:
      id:
        target: smithy.api#String
        traits: {smithy.api#required: {}, smithy.api#length: {min: 1}}
      child: {target: ex.checks#Part}
  ex.checks#Choice:
    type: union
    members:
      part: {target: ex.checks#Part}
      text: {target: smithy.api#String}
  ex.checks#Labels:
    type: map
    key: {target: smithy.api#String}
    value: {target: ex.checks#Name}
"""


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("checks")
    loaded, _ = spec_from_text(folder, SPEC)
    assert loaded.ok and loaded.service is not None
    config = ServiceConfig(spec=folder / "spec.yaml", package="checks_pkg", output=folder)
    env = build_environment(None)
    files = render_package(loaded.service, config, env, Formatter(None))
    files.update(scaffold_files(loaded.service, config, env))
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module("checks_pkg")
    finally:
        sys.path.remove(str(folder))


class Recorder:
    def __init__(self, pkg: Any) -> None:
        self.pkg = pkg
        self.sent: list[Any] = []

    def send(self, request: Any, *, timeout: float | None) -> Any:
        self.sent.append(request)
        return self.pkg.HttpResponse(200, {}, b"{}")


def call(pkg: Any, **kwargs: Any) -> tuple[list[str], list[Any]]:
    transport = Recorder(pkg)
    client = pkg.ChecksClient(
        "us-east-1", credentials=pkg.AwsCredentials("AKID", "SECRET"), transport=transport
    )
    try:
        client.put_thing(**kwargs)
    except pkg.ParamValidationError as err:
        assert isinstance(err, ValueError)
        return err.problems, transport.sent
    return [], transport.sent


def test_valid_arguments_are_sent(checks: Any) -> None:
    Part = checks.Part
    problems, sent = call(
        checks,
        name="abcdefgh",  # no maximum is checked, as botocore checks none
        count=99,
        tags=["abc"],
        parts=[Part(id="p", child=Part(id="q"))],
        choice=checks.ChoicePart(value=Part(id="r")),
        labels={"k": "abc"},
    )
    assert problems == []
    assert len(sent) == 1


def test_every_problem_at_every_depth_is_reported_and_nothing_is_sent(checks: Any) -> None:
    Part = checks.Part
    problems, sent = call(
        checks,
        name="ab",
        count=0,
        tags=[],
        parts=[Part(id="ok"), Part(id="", child=Part(id=None))],
        choice=checks.ChoicePart(value=Part(id="")),
        labels={"k": "x"},
    )
    assert sent == []
    assert problems == [
        "Invalid length for parameter name, value: 2, valid min length: 3",
        "Invalid value for parameter count, value: 0, valid min value: 1",
        "Invalid length for parameter tags, value: 0, valid min length: 1",
        "Invalid length for parameter parts[1].id, value: 0, valid min length: 1",
        "Missing required parameter: parts[1].child.id",
        "Invalid length for parameter choice.id, value: 0, valid min length: 1",
        "Invalid length for parameter labels['k'], value: 1, valid min length: 3",
    ]


def test_a_required_argument_passed_as_none_is_refused(checks: Any) -> None:
    problems, sent = call(checks, name=None)
    assert (problems, sent) == (["Missing required parameter: name"], [])


def test_the_error_is_exported_and_documented(checks: Any) -> None:
    assert "ParamValidationError" in checks.__all__
    assert issubclass(checks.ParamValidationError, ValueError)
    assert Path(checks.__file__).parent.joinpath("_runtime", "_params.py").is_file()
