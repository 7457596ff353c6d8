"""`[tool.apismith]` in pyproject.toml: which specs to build, into which packages.

Every mistake in the section is an event located at the key or value it is about (unknown keys
with a did-you-mean, names that cannot be Python packages, values of the wrong type), because a
silently ignored setting is worse than a refused one. docs/configuration.md documents each key.
"""

from __future__ import annotations

import difflib
import keyword
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics, Location, Severity
from generator.tomlpos import Key, TomlPositions


@dataclass(frozen=True)
class ServiceConfig:
    spec: Path
    package: str
    output: Path
    # Extra settings a spec cannot express (autorest's --credential-scopes, for example).
    options: dict[str, Any] = field(default_factory=dict)
    # Where each setting is written (pyproject.toml line), for events about it; empty for
    # one-off runs, whose settings come from the command line.
    locations: dict[str, Location] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Config:
    root: Path
    services: tuple[ServiceConfig, ...]
    templates: Path | None = None
    file: Path | None = None
    templates_location: Location | None = None


SECTION_KEYS = ("services", "templates")
SERVICE_KEYS = (
    "spec",
    "package",
    "output",
    "version",
    "distribution",
    "client_name",
    "credential_scopes",
)
_SECTION = ("tool", "apismith")

# PEP 508 distribution names and PEP 440 public versions (with an optional local label): both
# are written into the generated pyproject.toml, so anything else is refused here.
_DISTRIBUTION = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")
_VERSION = re.compile(
    r"^v?([0-9]+!)?[0-9]+(\.[0-9]+)*([-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?"
    r"([-_.]?(post|rev|r)[-_.]?[0-9]*)?([-_.]?dev[-_.]?[0-9]*)?(\+[a-z0-9]+([-_.][a-z0-9]+)*)?$",
    re.IGNORECASE,
)


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def package_name_problem(name: str) -> str:
    """Why `name` cannot be the import name of a package ('' when it can)."""
    if not name:
        return "is empty"
    if not name.isascii() or not name.isidentifier():
        return "is not a valid Python identifier (letters, digits and _, not starting with a digit)"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return "is a Python keyword"
    return ""


def suggest_package_name(name: str) -> str:
    from generator.oneoff import sanitise_package_name

    return sanitise_package_name(name)


def did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


class _Reader:
    def __init__(self, file: Path, text: str, diags: Diagnostics) -> None:
        self.rel = os.path.relpath(file)
        self.positions = TomlPositions(text)
        self.diags = diags

    def at_key(self, *path: str | int) -> Location:
        line, col = self.positions.key((*_SECTION, *path))
        return Location(self.rel, line, col)

    def at_value(self, *path: str | int) -> Location:
        line, col = self.positions.value((*_SECTION, *path))
        return Location(self.rel, line, col)

    def unknown_keys(self, table: dict[str, Any], known: tuple[str, ...], *path: str | int) -> None:
        where = "[tool.apismith]" if not path else "[[tool.apismith.services]]"
        for key in table:
            if key in known:
                continue
            self.diags.error(
                "UnknownConfigKey",
                self.at_key(*path, key),
                f"{where} has no setting {key!r}; it would be ignored",
                f"{did_you_mean(key, known)}known settings: {', '.join(known)} "
                "(docs/configuration.md)",
            )

    def wrong_type(self, path: Key, what: str, expected: str, value: Any) -> None:
        self.diags.error(
            "ConfigValue",
            self.at_value(*path),
            f"{what} must be {expected}, got {type(value).__name__} {value!r}",
            f"write {what} as {expected}",
        )


def load_config(diags: Diagnostics, start: Path | None = None) -> Config | None:
    """The config of the project around `start` (default: the working folder), or None with
    located events in `diags` when it is missing or wrong."""
    start = (start or Path.cwd()).resolve()
    before = len(diags.events)
    file = find_pyproject(start)
    if file is None:
        diags.error(
            "ConfigNotFound",
            Location(str(start)),
            "no pyproject.toml found here or in any folder above",
            "run inside your project, run `apismith init` to start one, or name the spec: "
            "`apismith generate SPEC -o DIR`",
        )
        return None
    rel = os.path.relpath(file)
    try:
        text = file.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        diags.error("ConfigNotFound", Location(rel), f"cannot read pyproject.toml: {exc}", "")
        return None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        diags.error("ConfigSyntax", _toml_error_location(rel, str(exc)), str(exc), "fix the TOML")
        return None
    tool = data.get("tool")
    section = tool.get("apismith") if isinstance(tool, dict) else None
    if section is None:
        diags.error(
            "ConfigNotFound",
            Location(rel),
            "pyproject.toml has no [tool.apismith] section",
            "run `apismith init`, or add [[tool.apismith.services]] entries with spec and package",
        )
        return None
    reader = _Reader(file, text, diags)
    if not isinstance(section, dict):
        reader.wrong_type((), "tool.apismith", "a table", section)
        return None
    reader.unknown_keys(section, SECTION_KEYS)
    root = file.parent
    services = _services(reader, section, root)
    templates, templates_at = None, None
    if "templates" in section:
        value = section["templates"]
        if isinstance(value, str) and value:
            templates, templates_at = root / value, reader.at_value("templates")
        else:
            reader.wrong_type(("templates",), "templates", "a folder path string", value)
    if any(e.severity is Severity.ERROR for e in diags.events[before:]):
        return None
    return Config(
        root=root,
        services=tuple(services),
        templates=templates,
        file=file,
        templates_location=templates_at,
    )


def _services(reader: _Reader, section: dict[str, Any], root: Path) -> list[ServiceConfig]:
    entries = section.get("services")
    if not isinstance(entries, list) or not entries:
        reader.diags.error(
            "ConfigValue",
            reader.at_key("services") if "services" in section else reader.at_key(),
            "[tool.apismith] lists no services",
            'add one: [[tool.apismith.services]] with spec = "specs/x.yaml" and package = "x"',
        )
        return []
    services: list[ServiceConfig] = []
    packages: dict[str, int] = {}
    outputs: dict[Path, int] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            reader.wrong_type(("services", i), f"services entry {i + 1}", "a table", entry)
            continue
        reader.unknown_keys(entry, SERVICE_KEYS, "services", i)
        service = _service(reader, entry, i, root)
        if service is None:
            continue
        if service.package in packages:
            reader.diags.error(
                "ConfigValue",
                service.locations["package"],
                f"package {service.package!r} is configured twice (services entries "
                f"{packages[service.package] + 1} and {i + 1})",
                "give each service its own package name",
            )
        if service.output.resolve() in outputs:
            reader.diags.error(
                "ConfigValue",
                service.locations["output"],
                f"services entries {outputs[service.output.resolve()] + 1} and {i + 1} write "
                "into the same output folder",
                "give each service its own output folder",
            )
        packages.setdefault(service.package, i)
        outputs.setdefault(service.output.resolve(), i)
        services.append(service)
    return services


def _service(reader: _Reader, entry: dict[str, Any], i: int, root: Path) -> ServiceConfig | None:
    at: Key = ("services", i)
    ok = True
    for key in ("spec", "package"):
        if key not in entry:
            reader.diags.error(
                "ConfigValue",
                reader.at_key(*at),
                f"services entry {i + 1} has no {key!r}",
                'each entry needs spec = "path/to/spec.yaml" and package = "import_name"',
            )
            ok = False
        elif not isinstance(entry[key], str) or not entry[key]:
            reader.wrong_type((*at, key), key, "a non-empty string", entry[key])
            ok = False
    if not ok:
        return None
    package = entry["package"]
    problem = package_name_problem(package)
    if problem:
        reader.diags.error(
            "InvalidPackageName",
            reader.at_value(*at, "package"),
            f"package {package!r} {problem}, so it cannot be imported",
            f'write package = "{suggest_package_name(package)}" (set distribution = '
            f'"{package}" if that is the name to publish under)',
        )
        ok = False
    ok = _check_options(reader, entry, at) and ok
    if not ok:
        return None
    output = entry.get("output", f"generated/{package}")
    locations = {
        key: reader.at_value(*at, key) if key in entry else reader.at_key(*at)
        for key in SERVICE_KEYS
    }
    options = {k: v for k, v in entry.items() if k not in ("spec", "package", "output")}
    return ServiceConfig(
        spec=root / entry["spec"],
        package=package,
        output=root / output,
        options=options,
        locations=locations,
    )


def _check_options(reader: _Reader, entry: dict[str, Any], at: Key) -> bool:
    ok = True
    output = entry.get("output")
    if output is not None and (not isinstance(output, str) or not output):
        reader.wrong_type((*at, "output"), "output", "a folder path string", output)
        ok = False
    version = entry.get("version")
    if version is not None and not (isinstance(version, str) and _VERSION.match(version)):
        reader.diags.error(
            "ConfigValue",
            reader.at_value(*at, "version"),
            f"version {version!r} is not a PEP 440 version",
            'write a version like "1.2.0" (a quoted string)',
        )
        ok = False
    distribution = entry.get("distribution")
    if distribution is not None and not (
        isinstance(distribution, str) and _DISTRIBUTION.match(distribution)
    ):
        reader.diags.error(
            "ConfigValue",
            reader.at_value(*at, "distribution"),
            f"distribution {distribution!r} is not a valid distribution name",
            'use letters, digits, ".", "_" and "-", starting and ending with a letter or digit',
        )
        ok = False
    client_name = entry.get("client_name")
    if client_name is not None and (
        not isinstance(client_name, str) or package_name_problem(client_name)
    ):
        reader.diags.error(
            "ConfigValue",
            reader.at_value(*at, "client_name"),
            f"client_name {client_name!r} is not a valid Python class name",
            'write a name like "Widgets" (the clients become WidgetsClient, AsyncWidgetsClient)',
        )
        ok = False
    scopes = entry.get("credential_scopes")
    if scopes is not None and not (
        isinstance(scopes, list) and all(isinstance(s, str) and s for s in scopes)
    ):
        reader.wrong_type(
            (*at, "credential_scopes"), "credential_scopes", "a list of strings", scopes
        )
        ok = False
    return ok


def _toml_error_location(rel: str, message: str) -> Location:
    match = re.search(r"at line (\d+), column (\d+)", message)
    if match:
        return Location(rel, int(match.group(1)), int(match.group(2)))
    return Location(rel)
