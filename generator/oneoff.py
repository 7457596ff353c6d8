"""One-off runs: `apismith generate SPEC -o DIR [--package NAME]`, no pyproject.toml needed.

The package name, when not given, comes from the spec (the Smithy service's sdkId or name, the
OpenAPI info.title). Spec text is untrusted, so the name is reduced to a plain ASCII identifier
before it is used anywhere, in particular before it becomes a folder name.
"""

from __future__ import annotations

import keyword
import re
import sys
from pathlib import Path

from generator.config import ServiceConfig
from generator.ir import Service
from generator.naming import snake_case

# Names a generated package must not take: they would shadow the standard library or what the
# generated code itself imports (`import json` would find the client instead).
_TAKEN = frozenset(sys.stdlib_module_names) | {"aiohttp", "httpx", "urllib3", "generator"}


def sanitise_package_name(text: str, fallback: str = "api_client") -> str:
    """A valid, non-keyword, ASCII Python identifier derived from `text` (any string)."""
    name = snake_case(text).lower()
    if not name:
        return fallback
    if name[0].isdigit():
        name = f"api_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _TAKEN:
        name = f"{name}_client"
    return name


def derive_package_name(service: Service) -> str:
    """The spec's name for the package. An AWS sdkId of several words keeps its words, each
    lower-cased whole as boto3 spells service names (`IoT Data Plane` -> iot_data_plane, not
    io_t_data_plane; `SageMaker Runtime` -> sagemaker_runtime); a one-word sdkId, a title or a
    name goes to snake_case (`WidgetStore` -> widget_store)."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", service.sdk_id) if w]
    if len(words) > 1:
        return sanitise_package_name("_".join(w.lower() for w in words))
    return sanitise_package_name(service.sdk_id or service.title or service.name)


def one_off_service(
    spec: Path, service: Service, package: str | None, output: Path | None
) -> ServiceConfig:
    """The settings of a one-off run; DIR (`-o`) is the package folder, as `output` is."""
    name = package or derive_package_name(service)
    return ServiceConfig(spec=spec, package=name, output=output or Path(name), options={})
