"""Render one service into the files of its package: {relative path: content}."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from generator import __version__
from generator.config import ServiceConfig
from generator.ir import Service
from generator.render.environment import BUILTIN_TEMPLATES
from generator.render.format import Formatter
from generator.render.imports import prune_imports, sort_imports
from generator.render.views import PackageView, ViewBuilder

RUNTIME_DIR = BUILTIN_TEMPLATES / "python" / "_runtime"

# (template, output path relative to the package folder, extra context)
_PACKAGE_FILES: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("python/package/__init__.py.j2", "{pkg}/__init__.py", {}),
    ("python/package/models.py.j2", "{pkg}/models.py", {}),
    ("python/package/errors.py.j2", "{pkg}/errors.py", {}),
    ("python/package/_operations.py.j2", "{pkg}/_operations.py", {}),
    ("python/package/client.py.j2", "{pkg}/client.py", {"is_async": False}),
    ("python/package/client.py.j2", "{pkg}/aio.py", {"is_async": True}),
    ("python/package/pyproject.toml.j2", "pyproject.toml", {}),
    ("python/package/README.md.j2", "README.md", {}),
)


def build_view(service: Service, config: ServiceConfig) -> PackageView:
    view = ViewBuilder(service, config.package, dict(config.options)).package(__version__)
    view.package_version = str(config.options.get("version", "0.1.0"))
    view.distribution = str(config.options.get("distribution", config.package.replace("_", "-")))
    view.spec_name = config.spec.name
    names = ["NULL", "Null", "ResponseMetadata"]
    for model in view.models:
        names.append(model.class_name)
        if model.kind == "union":
            names += [f.variant_class for f in model.fields] + [model.unknown_class]
    view.model_names = names
    view.error_names = [view.base_error, "ERRORS_BY_CODE"] + [e.class_name for e in view.errors]
    return view


def render_package(
    service: Service, config: ServiceConfig, env: jinja2.Environment, formatter: Formatter
) -> dict[str, str]:
    pkg = build_view(service, config)
    files: dict[str, str] = {}
    for template, out, extra in _PACKAGE_FILES:
        path = out.format(pkg=pkg.package)
        text = env.get_template(template).render(pkg=pkg, **extra)
        if path.endswith(".py"):
            if not path.endswith("__init__.py"):
                text = prune_imports(text)
            text = sort_imports(text)
            text = formatter.format(text, path)
        files[path] = text
    files[f"{pkg.package}/py.typed"] = ""
    # The runtime is copied verbatim: it is hand-written, tested code shared by all packages.
    for source in sorted(RUNTIME_DIR.glob("*.py")):
        text = source.read_text(encoding="utf-8")
        files[f"{pkg.package}/_runtime/{source.name}"] = formatter.format(text, source.name)
    return dict(sorted(files.items()))


def runtime_sources() -> list[Path]:
    return sorted(RUNTIME_DIR.glob("*.py"))
