"""A user's templates folder (`--templates`, `templates = ...`): checked before use, and its
errors reported at the template's file:line as the user's mistake, not as a bug in apismith.

Overrides are looked up by their path relative to the folder, the same as the built-in layout
(`python/package/README.md.j2`); a folder where nothing matches would be silently ignored, so it
is refused with the list of names that would match.
"""

from __future__ import annotations

import difflib
import os
import traceback
from pathlib import Path

import jinja2

from generator.diagnostics import Diagnostics, Event, Location, Severity
from generator.render.environment import BUILTIN_TEMPLATES


def builtin_template_names() -> list[str]:
    return sorted(
        p.relative_to(BUILTIN_TEMPLATES).as_posix() for p in _templates(BUILTIN_TEMPLATES)
    )


def _templates(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.j2") if p.is_file() and "__pycache__" not in p.parts]


def check_overrides(folder: Path, where: Location, diags: Diagnostics) -> bool:
    """Whether `folder` can be used as a templates folder; events say why not."""
    shown = os.path.relpath(folder)
    if not folder.exists():
        diags.error(
            "TemplatesNotFound",
            where,
            f"templates folder {shown!r} does not exist",
            "create it and copy into it the built-in templates you want to change, keeping "
            "their paths (e.g. python/package/README.md.j2)",
        )
        return False
    if not folder.is_dir():
        diags.error(
            "TemplatesNotAFolder",
            where,
            f"{shown!r} is a file, not a folder: --templates takes a folder of templates laid out "
            "like the built-in ones",
            f"pass the folder that holds it, laid out like the built-in templates "
            f"({BUILTIN_TEMPLATES})",
        )
        return False
    builtin = builtin_template_names()
    mine = sorted(p.relative_to(folder).as_posix() for p in _templates(folder))
    matching = [name for name in mine if name in builtin]
    if not matching:
        found = ", ".join(mine[:5]) + (" …" if len(mine) > 5 else "") if mine else "no .j2 files"
        diags.error(
            "TemplatesNoMatch",
            where,
            f"templates folder {shown!r} has no template that overrides a built-in one "
            f"(found: {found}), so it would change nothing",
            "a template overrides the built-in one with the same relative path; expected one "
            "of: " + ", ".join(builtin),
        )
        return False
    for name in mine:
        if name in builtin:
            continue
        close = difflib.get_close_matches(name, builtin, n=1, cutoff=0.7)
        if not close:
            close = [b for b in builtin if Path(b).name == Path(name).name][:1]
        if close:
            diags.warning(
                "TemplateUnused",
                Location(os.path.relpath(folder / name)),
                f"{name} does not override a built-in template (nothing renders it unless one of "
                "your templates includes it)",
                f"did you mean {close[0]}? Overrides keep the built-in template's path",
            )
    return True


def _user_frame(exc: BaseException, folder: Path) -> tuple[str, int] | None:
    """The innermost traceback frame (file, line) that runs a template from `folder`."""
    root = folder.resolve()
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and frame.lineno and _inside(frame.filename, root):
            found = (frame.filename, frame.lineno)
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename and exc.lineno:
        if _inside(exc.filename, root):
            found = (exc.filename, exc.lineno)
    return found


def _inside(filename: str, root: Path) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(root)
    except (OSError, ValueError):
        return False


def _located(filename: str, line: int) -> Location:
    try:
        text = Path(filename).read_text(encoding="utf-8").splitlines()[line - 1]
        col = len(text) - len(text.lstrip()) + 1
    except (OSError, IndexError, UnicodeDecodeError):
        col = 1
    return Location(os.path.relpath(filename), line, col)


def template_error(exc: BaseException, folder: Path | None) -> Event | None:
    """The event for an error raised while rendering with the user's templates in `folder`, or
    None when the error is not theirs (then it is a bug in apismith and is raised as one)."""
    if folder is None:
        return None
    frame = _user_frame(exc, folder)
    if frame is not None:
        where = _located(*frame)
        if isinstance(exc, jinja2.TemplateSyntaxError):
            return Event(
                "TemplateSyntax",
                Severity.ERROR,
                where,
                f"template syntax error: {exc.message}",
                "fix the Jinja2 syntax (https://jinja.palletsprojects.com/templates/)",
            )
        hint = "fix the template"
        if isinstance(exc, jinja2.UndefinedError):
            hint = (
                "the template uses a name or attribute that is not defined; compare with the "
                "built-in template of the same path for the names that are available"
            )
        return Event(
            "TemplateRuntime",
            Severity.ERROR,
            where,
            f"template error: {type(exc).__name__}: {exc}",
            hint,
        )
    invalid_python = isinstance(exc, SyntaxError) or (
        isinstance(exc, RuntimeError) and "not valid Python" in str(exc)
    )
    if invalid_python:
        # Import tidying or the formatter found the rendered text is not Python: with
        # overrides in play, the likely cause is one of them.
        detail = f"line {exc.lineno}: {exc.msg}" if isinstance(exc, SyntaxError) else str(exc)
        return Event(
            "TemplateOutput",
            Severity.ERROR,
            Location(os.path.relpath(folder)),
            f"the rendered code is not valid Python ({detail})",
            "one of your template overrides renders code that is not valid Python; compare it "
            "with the built-in template",
        )
    return None
