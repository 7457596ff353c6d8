"""The exit codes of `apismith`, one meaning each, documented in `--help` and the README.

A user's mistake (a spec, a config, a template, a folder) never gets 3: that code is kept for bugs
in apismith, so a CI log that shows 3 is worth a bug report and nothing else is.
"""

from __future__ import annotations

import textwrap

OK = 0
FINDINGS = 1
USAGE = 2
INTERNAL = 3
OUTPUT = 4
INTERRUPTED = 130

TABLE: tuple[tuple[int, str], ...] = (
    (OK, "success"),
    (
        FINDINGS,
        "the spec has errors, `generate --check` found stale files, or `diff` found a change "
        "at --fail-on or worse",
    ),
    (
        USAGE,
        "a usage or setup mistake: the command line, [tool.apismith] in pyproject.toml, a "
        "templates folder or template, or `init` refusing to overwrite a file",
    ),
    (INTERNAL, "internal error: a bug in apismith (please report it with the spec)"),
    (OUTPUT, "the output could not be written (permissions, a file in the way, a full disk)"),
    (INTERRUPTED, "interrupted (Ctrl-C)"),
)


def help_text(width: int = 79) -> str:
    lines = ["exit codes:"]
    for code, meaning in TABLE:
        lines += textwrap.wrap(
            meaning, width, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7
        )
    return "\n".join(lines)
