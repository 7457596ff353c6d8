"""`[tool.apismith]` in pyproject.toml: which specs to build, into which packages."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics, Location


@dataclass(frozen=True)
class ServiceConfig:
    spec: Path
    package: str
    output: Path
    # Extra settings a spec cannot express (autorest's --credential-scopes, for example).
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    root: Path
    services: tuple[ServiceConfig, ...]
    templates: Path | None = None
    file: Path | None = None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(diags: Diagnostics, start: Path | None = None) -> Config | None:
    start = (start or Path.cwd()).resolve()
    file = find_pyproject(start)
    if file is None:
        diags.error(
            "Config",
            Location(str(start)),
            "no pyproject.toml found here or above",
            "run inside the project, or pass spec files explicitly",
        )
        return None
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        diags.error(
            "Config", Location(str(file)), f"cannot read pyproject.toml: {exc}", "fix the TOML"
        )
        return None
    section = data.get("tool", {}).get("apismith")
    rel = os.path.relpath(file)
    if not isinstance(section, dict):
        diags.error(
            "Config",
            Location(rel),
            "pyproject.toml has no [tool.apismith] section",
            "add [[tool.apismith.services]] entries with spec, package and output",
        )
        return None
    root = file.parent
    services: list[ServiceConfig] = []
    for i, entry in enumerate(section.get("services", [])):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("spec", "package")
        ):
            diags.error(
                "Config",
                Location(rel),
                f"[[tool.apismith.services]] entry {i + 1} needs string 'spec' and 'package'",
                'write spec = "specs/x.yaml", package = "x_client"',
            )
            continue
        output = entry.get("output") or f"generated/{entry['package']}"
        options = {k: v for k, v in entry.items() if k not in ("spec", "package", "output")}
        services.append(
            ServiceConfig(
                spec=root / entry["spec"],
                package=entry["package"],
                output=root / output,
                options=options,
            )
        )
    templates = section.get("templates")
    return Config(
        root=root,
        services=tuple(services),
        templates=root / templates if isinstance(templates, str) else None,
        file=file,
    )
