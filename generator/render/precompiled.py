"""The built-in templates compiled ahead of time, shipped with apismith.

Why: turning a template into Python (Jinja2's lexer, parser and code generator) costs about
0.4 s of CPU for the built-in templates, a fifth of a cold `generate` of a large spec. Jinja2's
bytecode cache in the user cache folder saves it on later runs, but a fresh CI checkout starts
with no cache, and the child that compiles them beside the render (produce.py) only hides the
cost when a core is free. Compiling Jinja2's Python code is six times cheaper than making it.

`compiled_templates.json` holds, per built-in template, the checksum Jinja2 gives its source
and the Python code Jinja2 makes of it, with the Jinja2 version and the environment settings
that shape the code. A template whose source differs (an override, an edit not yet
precompiled) does not match its checksum and is compiled as before; so is every template when
the installed Jinja2 is another version. Remake the file after editing a template with

    python -m generator.render.precompiled

(tests/test_precompiled.py fails until then).
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

DATA = Path(__file__).with_name("compiled_templates.json")


def fingerprint(environment: jinja2.Environment) -> str:
    """What, beside a template's source, decides the code Jinja2 makes of it."""
    settings = (
        jinja2.__version__,
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        bool(environment.autoescape),
        environment.finalize is not None,
        environment.optimized,
        sorted(environment.extensions),
        environment.is_async,
    )
    return repr(settings)


@cache
def _load() -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@cache
def _usable(print_: str) -> dict[str, tuple[str, str]]:
    """{template name: (source checksum, Python code)} when made for these settings."""
    data = _load()
    if data.get("fingerprint") != print_:
        return {}
    templates = data.get("templates")
    return templates if isinstance(templates, dict) else {}


def lookup(
    environment: jinja2.Environment, name: str, checksum: str, filename: str | None
) -> CodeType | None:
    """The compiled code of template `name`, if its source is the one precompiled."""
    entry = _usable(fingerprint(environment)).get(name)
    if entry is None or entry[0] != checksum:
        return None
    code: CodeType = compile(entry[1], filename or "<template>", "exec")
    return code


def covers(environment: jinja2.Environment, names: list[str]) -> bool:
    """Whether every template of `names` comes precompiled as it is now."""
    table = _usable(fingerprint(environment))
    if not table:
        return False
    loader = environment.loader
    assert loader is not None
    for name in names:
        entry = table.get(name)
        if entry is None:
            return False
        source = loader.get_source(environment, name)[0]
        if entry[0] != checksum_of(source):
            return False
    return True


def checksum_of(source: str) -> str:
    # The checksum Jinja2's bytecode cache gives a source (BytecodeCache.get_source_checksum).
    return jinja2.BytecodeCache().get_source_checksum(source)


def build(environment: jinja2.Environment, names: list[str]) -> str:
    """The text of compiled_templates.json for `names` (deterministic: sorted, one line per
    template, so a change to one template changes one line)."""
    loader = environment.loader
    assert loader is not None
    lines = []
    for name in sorted(names):
        source, filename, _ = loader.get_source(environment, name)
        code = environment.compile(source, name, filename, raw=True)
        entry = json.dumps([checksum_of(source), code], ensure_ascii=True)
        lines.append(f"  {json.dumps(name)}: {entry}")
    head = f'{{"fingerprint": {json.dumps(fingerprint(environment))},\n"templates": {{\n'
    return head + ",\n".join(lines) + "\n}}\n"


def builtin_names(environment: jinja2.Environment) -> list[str]:
    return environment.list_templates(filter_func=lambda name: name.endswith(".j2"))


def main() -> int:
    from generator.render.environment import build_environment

    environment = build_environment(None)
    DATA.write_text(build(environment, builtin_names(environment)), encoding="utf-8")
    print(f"wrote {DATA}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
