"""Which version of an installed distribution is here, for cache keys, without
importlib.metadata.

`importlib.metadata.version()` imports zipfile, email, csv and more (30–50 ms on this machine)
to read one line, and an edited OpenAPI spec's run asks it once, for the validator's version in
the verdict cache's key. A key only needs a name that changes whenever the installed version
does: the distribution's `.dist-info` (or `.egg-info`) folder is named after its version, so
the name of the first one found on `sys.path` — the one importlib.metadata would read — serves.
When none is found this way, importlib.metadata answers as before.
"""

from __future__ import annotations

import os
import re
import sys

_SEPARATORS = re.compile(r"[-_.]+")


def _normalized(name: str) -> str:
    return _SEPARATORS.sub("_", name).lower()


def installed_version_key(distribution: str) -> str:
    """A string that names the installed version of `distribution` ("unknown" if absent)."""
    wanted = _normalized(distribution)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue  # a zip, or a folder that is gone
        for name in sorted(names):
            stem, dot, suffix = name.rpartition(".")
            if not dot or suffix not in ("dist-info", "egg-info"):
                continue
            project = stem.split("-", 1)[0]
            if _normalized(project) == wanted and "-" in stem:
                return name
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"
