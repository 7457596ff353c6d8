"""`apismith init`: a `[tool.apismith]` section and a starter spec that validates and generates.

Nothing on disk is ever overwritten: an existing spec file or `[tool.apismith]` section stops the
command before it writes anything, and an existing pyproject.toml is only appended to (after
checking the result is still valid TOML), keeping its mode and every byte it had.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import tomllib
from pathlib import Path

from generator import exit_codes
from generator.diagnostics import Diagnostics, Location
from generator.naming import pascal_case
from generator.oneoff import sanitise_package_name
from generator.progress import Progress
from generator.tomlpos import TomlPositions

SMITHY_STARTER = """\
# A starter spec: the Smithy 2.0 JSON AST, written as YAML. Edit it, then run
#   apismith validate && apismith generate
# Every supported trait, with an example: docs/spec-guide.md in the apismith repository.
smithy: "2.0"
shapes:
  example.{ns}#{Service}:
    type: service
    version: "2024-01-01"
    operations:
      - target: example.{ns}#GetWidget
      - target: example.{ns}#ListWidgets
      - target: example.{ns}#CreateWidget
    traits:
      aws.protocols#restJson1: {{}}
      aws.auth#sigv4: {{name: {signing}}}
      aws.api#service: {{sdkId: {Service}}}
      smithy.api#documentation: Manages widgets.

  example.{ns}#GetWidget:
    type: operation
    input: {{target: example.{ns}#GetWidgetInput}}
    output: {{target: example.{ns}#GetWidgetOutput}}
    errors:
      - target: example.{ns}#WidgetNotFound
    traits:
      smithy.api#readonly: {{}}
      smithy.api#http: {{method: GET, uri: "/widgets/{{widgetId}}", code: 200}}
      smithy.api#documentation: Gets one widget.
  example.{ns}#GetWidgetInput:
    type: structure
    members:
      widgetId:
        target: smithy.api#String
        traits:
          smithy.api#required: {{}}
          smithy.api#httpLabel: {{}}
    traits:
      smithy.api#input: {{}}
  example.{ns}#GetWidgetOutput:
    type: structure
    members:
      widget:
        target: example.{ns}#Widget
        traits:
          smithy.api#required: {{}}
    traits:
      smithy.api#output: {{}}

  example.{ns}#ListWidgets:
    type: operation
    input: {{target: example.{ns}#ListWidgetsInput}}
    output: {{target: example.{ns}#ListWidgetsOutput}}
    traits:
      smithy.api#readonly: {{}}
      smithy.api#http: {{method: GET, uri: /widgets, code: 200}}
      smithy.api#paginated:
        inputToken: nextToken
        outputToken: nextToken
        items: widgets
        pageSize: maxResults
      smithy.api#documentation: Lists widgets, a page at a time.
  example.{ns}#ListWidgetsInput:
    type: structure
    members:
      maxResults:
        target: smithy.api#Integer
        traits:
          smithy.api#httpQuery: maxResults
          smithy.api#range: {{min: 1, max: 100}}
      nextToken:
        target: smithy.api#String
        traits:
          smithy.api#httpQuery: nextToken
    traits:
      smithy.api#input: {{}}
  example.{ns}#ListWidgetsOutput:
    type: structure
    members:
      widgets:
        target: example.{ns}#WidgetList
        traits:
          smithy.api#required: {{}}
      nextToken:
        target: smithy.api#String
    traits:
      smithy.api#output: {{}}
  example.{ns}#WidgetList:
    type: list
    member: {{target: example.{ns}#Widget}}

  example.{ns}#CreateWidget:
    type: operation
    input: {{target: example.{ns}#CreateWidgetInput}}
    output: {{target: example.{ns}#CreateWidgetOutput}}
    traits:
      smithy.api#idempotent: {{}}
      smithy.api#http: {{method: POST, uri: /widgets, code: 201}}
      smithy.api#documentation: Creates a widget.
  example.{ns}#CreateWidgetInput:
    type: structure
    members:
      name:
        target: smithy.api#String
        traits:
          smithy.api#required: {{}}
          smithy.api#length: {{min: 1, max: 64}}
      color:
        target: example.{ns}#Color
      clientToken:
        target: smithy.api#String
        traits:
          smithy.api#idempotencyToken: {{}}
          smithy.api#httpHeader: X-Client-Token
    traits:
      smithy.api#input: {{}}
  example.{ns}#CreateWidgetOutput:
    type: structure
    members:
      widget:
        target: example.{ns}#Widget
        traits:
          smithy.api#required: {{}}
    traits:
      smithy.api#output: {{}}

  example.{ns}#Widget:
    type: structure
    members:
      widgetId:
        target: smithy.api#String
        traits:
          smithy.api#required: {{}}
      name:
        target: smithy.api#String
        traits:
          smithy.api#required: {{}}
      color:
        target: example.{ns}#Color
      createdAt:
        target: smithy.api#Timestamp
    traits:
      smithy.api#documentation: A widget.
  example.{ns}#Color:
    type: enum
    members:
      RED:
        target: smithy.api#Unit
        traits:
          smithy.api#enumValue: red
      GREEN:
        target: smithy.api#Unit
        traits:
          smithy.api#enumValue: green
  example.{ns}#WidgetNotFound:
    type: structure
    members:
      message:
        target: smithy.api#String
    traits:
      smithy.api#error: client
      smithy.api#httpError: 404
      smithy.api#documentation: No widget has that id.
"""

OPENAPI_STARTER = """\
# A starter spec (OpenAPI 3.0). Edit it, then run
#   apismith validate && apismith generate
# Supported OpenAPI features and x-ms extensions: docs/spec-guide.md in the apismith repository.
openapi: 3.0.3
info:
  title: {Service}
  version: "2024-01-01"
  description: Manages widgets.
servers:
  - url: https://api.example.com
security:
  - bearer: []
paths:
  /widgets:
    get:
      operationId: ListWidgets
      summary: Lists widgets, a page at a time.
      parameters:
        - name: maxResults
          in: query
          schema: {{type: integer, minimum: 1, maximum: 100}}
      responses:
        "200":
          description: A page of widgets.
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/WidgetPage"}}
      x-ms-pageable:
        nextLinkName: nextLink
    post:
      operationId: CreateWidget
      summary: Creates a widget.
      requestBody:
        required: true
        content:
          application/json:
            schema: {{$ref: "#/components/schemas/NewWidget"}}
      responses:
        "201":
          description: The widget.
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/Widget"}}
  /widgets/{{widgetId}}:
    get:
      operationId: GetWidget
      summary: Gets one widget.
      parameters:
        - name: widgetId
          in: path
          required: true
          schema: {{type: string}}
      responses:
        "200":
          description: The widget.
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/Widget"}}
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
  schemas:
    Color:
      type: string
      enum: [red, green]
    NewWidget:
      type: object
      required: [name]
      properties:
        name: {{type: string, minLength: 1, maxLength: 64}}
        color: {{$ref: "#/components/schemas/Color"}}
    Widget:
      type: object
      description: A widget.
      required: [widgetId, name]
      properties:
        widgetId: {{type: string}}
        name: {{type: string}}
        color: {{$ref: "#/components/schemas/Color"}}
        createdAt: {{type: string, format: date-time}}
    WidgetPage:
      type: object
      required: [value]
      properties:
        value:
          type: array
          items: {{$ref: "#/components/schemas/Widget"}}
        nextLink: {{type: string}}
"""

CONFIG_BLOCK = """\
# apismith: `apismith generate` renders these services (settings: docs/configuration.md).
[tool.apismith]

[[tool.apismith.services]]
spec = "{spec}"
package = "{package}"
output = "generated/{package}"
"""


def starter_spec(spec_format: str, package: str) -> str:
    service = pascal_case(package) or "Widgets"
    if spec_format == "openapi":
        return OPENAPI_STARTER.format(Service=service)
    signing = package.replace("_", "-")
    return SMITHY_STARTER.format(ns=package, Service=service, signing=signing)


def _write_new(path: Path, text: str) -> None:
    """Create `path` with `text`; FileExistsError if it exists (checked atomically by link)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.link(tmp, path)
    finally:
        os.unlink(tmp)


def _replace_keeping_mode(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def run_init(args: argparse.Namespace, progress: Progress) -> int:
    formats: list[str] = args.formats
    output_format = "json" if "json" in formats else "text"
    spec_formats = {f for f in formats if f in ("smithy", "openapi")}
    diags = Diagnostics()
    created: list[str] = []
    updated: list[str] = []

    def finish(code: int) -> int:
        events = diags.sorted()
        if output_format == "json":
            doc = {
                "events": [e.to_json() for e in events],
                "created": created,
                "updated": updated,
            }
            print(json.dumps(doc, indent=2, ensure_ascii=False))
        else:
            for event in events:
                progress.problem(event.format())
        return code

    if len(spec_formats) > 1 or ("json" in formats and "text" in formats):
        diags.error(
            "Usage",
            Location("--format"),
            "--format was given two spec formats or two output formats",
            "give at most one of smithy/openapi and one of text/json",
        )
        return finish(exit_codes.USAGE)
    spec_format = spec_formats.pop() if spec_formats else "smithy"
    root = Path.cwd()
    pyproject = root / "pyproject.toml"
    existing = ""
    project_name = ""
    if pyproject.exists():
        try:
            existing = pyproject.read_text(encoding="utf-8")
            data = tomllib.loads(existing)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            diags.error(
                "ConfigSyntax",
                Location("pyproject.toml"),
                f"pyproject.toml cannot be read: {exc}",
                "fix it first; init only appends to a valid pyproject.toml",
            )
            return finish(exit_codes.USAGE)
        tool = data.get("tool")
        if isinstance(tool, dict) and "apismith" in tool:
            line, col = TomlPositions(existing).key(("tool", "apismith"))
            diags.error(
                "InitExists",
                Location("pyproject.toml", line, col),
                "pyproject.toml already has a [tool.apismith] section; init changes nothing",
                "edit it by hand (docs/configuration.md), or run `apismith generate`",
            )
            return finish(exit_codes.USAGE)
        project = data.get("project")
        if isinstance(project, dict) and isinstance(project.get("name"), str):
            project_name = project["name"]
    package = args.package or sanitise_package_name(project_name or root.name)
    from generator.config import package_name_problem

    if package_name_problem(package):
        diags.error(
            "InvalidPackageName",
            Location("--package"),
            f"package {package!r} {package_name_problem(package)}",
            f"use --package {sanitise_package_name(package)}",
        )
        return finish(exit_codes.USAGE)
    suffix = "openapi.yaml" if spec_format == "openapi" else "smithy.yaml"
    spec_rel = f"specs/{package}.{suffix}"
    spec_path = root / spec_rel
    if spec_path.exists() or spec_path.is_symlink():
        diags.error(
            "InitExists",
            Location(spec_rel),
            f"{spec_rel} already exists; init does not overwrite files",
            "move it away, or pick another name with --package",
        )
        return finish(exit_codes.USAGE)
    block = CONFIG_BLOCK.format(spec=spec_rel, package=package)
    if existing:
        new_text = existing + ("" if existing.endswith("\n") else "\n") + "\n" + block
    else:
        new_text = block
    try:
        tomllib.loads(new_text)
    except tomllib.TOMLDecodeError as exc:
        diags.error(
            "ConfigSyntax",
            Location("pyproject.toml"),
            f"appending [tool.apismith] would make pyproject.toml invalid: {exc}",
            "add the section by hand; its content is in docs/configuration.md",
        )
        return finish(exit_codes.USAGE)
    try:
        _write_new(spec_path, starter_spec(spec_format, package))
        created.append(spec_rel)
        if existing:
            _replace_keeping_mode(pyproject, new_text)
            updated.append("pyproject.toml")
        else:
            _write_new(pyproject, new_text)
            created.append("pyproject.toml")
    except FileExistsError as exc:
        diags.error(
            "InitExists",
            Location(os.path.relpath(exc.filename2 or spec_rel)),
            "the file appeared while init ran; it was not overwritten",
            "run init again",
        )
        return finish(exit_codes.USAGE)
    except OSError as exc:
        diags.error(
            "OutputNotWritable",
            Location(os.path.relpath(exc.filename) if exc.filename else "."),
            f"cannot write: {exc.strerror or exc}",
            "run init in a folder you can write to",
        )
        return finish(exit_codes.OUTPUT)
    for path in created:
        progress.say(f"created {path}")
    for path in updated:
        progress.say(f"added [tool.apismith] to {path}")
    progress.say("next: apismith validate && apismith generate")
    return finish(exit_codes.OK)
