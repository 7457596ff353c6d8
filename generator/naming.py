"""Name transformations shared by validation (collision checks) and the render stage."""

from __future__ import annotations

import keyword
import re
import unicodedata
from functools import lru_cache

_NON_IDENT = re.compile(r"[^0-9A-Za-z]+")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def ascii_fold(text: str) -> str:
    """Strip accents so `Größe` becomes `Grosse`-like ASCII; drop what cannot be folded."""
    text = text.replace("ß", "ss")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# Pure and called tens of thousands of times per package (every member, in views and templates).
@lru_cache(maxsize=1 << 16)
def snake_case(name: str) -> str:
    """`GetTask` -> `get_task`, `Task_AddCollection` -> `task_add_collection`,
    `$filter` -> `filter`, `client-request-id` -> `client_request_id`, `readIOps` -> `read_iops`,
    `readIOGiB` -> `read_io_gi_b`, `ETag` -> `etag`.

    Upper-case runs follow autorest's Python rule (so names match the published Azure SDKs):
    a run of two letters stays one word (`IO`, `ET`); in a longer run followed by lower case
    letters, the last capital starts the next word (`IOGiB` -> `io_gi_b`).
    """
    text = _NON_IDENT.sub("_", ascii_fold(name))

    def lower_run(m: re.Match[str]) -> str:
        run = m.group().lower()
        start, end = m.start(), m.end()
        prefix = "_" if start > 0 and text[start - 1] != "_" else ""
        if len(run) > 2 and len(text) - end > 1 and text[end].isalpha():
            return prefix + run[:-1] + "_" + run[-1]
        return prefix + run

    text = re.sub("[A-Z]+", lower_run, text)
    return re.sub(r"_+", "_", text).strip("_")


def pascal_case(name: str) -> str:
    parts = snake_case(name).split("_")
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


def constant_case(name: str) -> str:
    return snake_case(name).upper()


def safe_identifier(name: str, fallback: str = "value") -> str:
    """Make `name` a valid, non-keyword Python identifier (appending `_` like PEP 8 says)."""
    if not name:
        name = fallback
    if name[0].isdigit():
        name = "_" + name if fallback == "value" else f"{fallback}_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _RESERVED:
        name += "_"
    return name


# Names that would shadow builtins used by generated code, or collide with model methods.
_RESERVED = {"to_dict", "from_dict", "self", "cls", "None", "True", "False"}
