"""Where the built-in templates are, found without importing Jinja2.

The package cache needs the templates' digest on the fast path, where Jinja2 (50 ms to import)
is not loaded at all.
"""

from __future__ import annotations

from pathlib import Path


def builtin_templates() -> Path:
    """The repository's templates/ when running from a checkout, else the installed copy."""
    source = Path(__file__).resolve().parents[2] / "templates"
    if (source / "python").is_dir():
        return source
    import importlib.util

    spec = importlib.util.find_spec("apismith_templates")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return source
