"""The `apismith` command line.

Exit codes are in generator/exit_codes.py (and `apismith --help`). Events and JSON go to
stdout for validate and diff (they are the output), progress and messages to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from generator import __version__, exit_codes
from generator.diagnostics import Diagnostics, Event, Location, Severity, render_json, render_text
from generator.progress import Progress, Stopwatch, Verbosity

# Kept for callers that imported them from here.
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = exit_codes.OK, exit_codes.FINDINGS, exit_codes.USAGE


def _rel(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _progress(args: argparse.Namespace) -> Progress:
    if getattr(args, "quiet", False):
        return Progress(Verbosity.QUIET)
    if getattr(args, "verbose", False):
        return Progress(Verbosity.VERBOSE)
    return Progress(Verbosity.NORMAL)


def _least_shown(args: argparse.Namespace, default: Severity) -> Severity:
    """--quiet shows errors only, whatever else was asked for."""
    return Severity.ERROR if getattr(args, "quiet", False) else default


def _emit(
    events: list[Event], fmt: str, min_severity: Severity, stream: TextIO | None = None
) -> None:
    out = sys.stdout if stream is None else stream
    shown = [e for e in events if e.severity >= min_severity]
    if fmt == "json":
        print(render_json(shown), file=out)
    elif shown:
        print(render_text(shown), file=out)


def _spec_paths(args_specs: list[str], diags: Diagnostics) -> list[Path] | None:
    if args_specs:
        return [Path(p) for p in args_specs]
    from generator.config import load_config

    config = load_config(diags)
    if config is None:
        return None
    return [Path(_rel(s.spec)) for s in config.services]


def cmd_validate(args: argparse.Namespace) -> int:
    from generator.pipeline import load_spec

    progress = _progress(args)
    diags = Diagnostics()
    paths = _spec_paths(args.specs, diags)
    events: list[Event] = list(diags.events)
    worst_error = False
    for path in paths or []:
        watch = Stopwatch(progress, str(path))
        progress.status(f"{path}: load, validate")
        result = load_spec(path, timings=watch.seconds)
        events.extend(result.diagnostics.sorted())
        errors = sum(e.severity is Severity.ERROR for e in result.diagnostics.events)
        worst_error = worst_error or errors > 0 or result.service is None
        progress.clear_status()
        if result.service is not None:
            svc = result.service
            shapes = sum(not s.synthetic and not s.id.startswith("smithy.api#") for s in svc.shapes)
            progress.say(
                f"{path}: {svc.name} {svc.version}, {len(svc.operations)} operations, "
                f"{shapes} shapes, {errors} errors"
            )
        else:
            progress.say(f"{path}: not loaded, {errors} errors")
        progress.detail(f"    {watch.summary()}")
    progress.close()
    _emit(events, args.format, _least_shown(args, Severity[args.severity.upper()]))
    if paths is None:
        return exit_codes.USAGE
    return exit_codes.FINDINGS if worst_error else exit_codes.OK


def cmd_extract(args: argparse.Namespace) -> int:
    from generator.extract import ExtractError, dump_yaml, extract, spec_header
    from generator.load import detect_format, load_document

    progress = _progress(args)
    diags = Diagnostics()
    written: list[str] = []
    operations = [op.strip() for op in args.operations.split(",") if op.strip()]

    def finish(code: int) -> int:
        events = diags.sorted()
        if args.format == "json":
            print(
                json.dumps(
                    {"events": [e.to_json() for e in events], "written": written},
                    indent=2,
                    ensure_ascii=False,
                )
            )
        else:
            _emit(events, "text", _least_shown(args, Severity.NOTE), sys.stderr)
        return code

    if args.format == "json" and not args.output:
        diags.error(
            "Usage",
            Location("<command line>"),
            "extract --format json prints events on stdout, where the spec would go",
            "add -o FILE to write the spec to a file",
        )
        return finish(exit_codes.USAGE)
    doc = load_document(args.source, diags)
    if doc is None:
        return finish(exit_codes.FINDINGS)
    if detect_format(doc.data) is None:
        diags.error(
            "UnknownFormat",
            Location(args.source),
            "not a Smithy JSON AST, Swagger 2.0 or OpenAPI 3 document",
            "extract reads an official model: a Smithy JSON AST, Swagger 2.0 or OpenAPI 3",
        )
        return finish(exit_codes.FINDINGS)
    try:
        data = extract(doc.data, operations)
    except ExtractError as exc:
        diags.error("Extract", Location(args.source), str(exc), "check --operations")
        return finish(exit_codes.FINDINGS)
    header = spec_header(args.source, operations, args.output or "-", doc.data)
    text = dump_yaml(data, header)
    if args.output:
        from generator.write import write_text_atomic

        try:
            write_text_atomic(Path(args.output), text)
        except OSError as exc:
            diags.error(
                "OutputNotWritable",
                Location(args.output),
                f"cannot write {args.output}: {exc.strerror or exc}",
                "check the folder exists, is writable and has no folder of that name",
            )
            return finish(exit_codes.OUTPUT)
        written.append(args.output)
        progress.say(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return finish(exit_codes.OK)


def cmd_generate(args: argparse.Namespace) -> int:
    from generator.render.generate import run_generate

    return run_generate(args, _progress(args))


def cmd_init(args: argparse.Namespace) -> int:
    from generator.init import run_init

    return run_init(args, _progress(args))


def cmd_diff(args: argparse.Namespace) -> int:
    from generator.diff import diff_services
    from generator.pipeline import load_spec

    progress = _progress(args)
    loaded = [load_spec(path) for path in (args.old, args.new)]
    for result in loaded:
        if result.service is None or result.diagnostics.has_errors:
            _emit(result.diagnostics.sorted(), args.format, Severity.ERROR)
            progress.problem("apismith diff: fix the spec errors above first")
            return exit_codes.FINDINGS
    old, new = (r.service for r in loaded)
    assert old is not None and new is not None
    events = diff_services(old, new)
    _emit(events, args.format, _least_shown(args, Severity.NOTE))
    threshold = Severity[args.fail_on.upper()]
    worst = max((e.severity for e in events), default=None)
    counts = {s.name: sum(e.severity is s for e in events) for s in reversed(Severity)}
    summary = ", ".join(f"{n} {name.lower()}" for name, n in counts.items())
    progress.say(f"{args.old} -> {args.new}: {summary}")
    if worst is not None and worst >= threshold:
        return exit_codes.FINDINGS
    return exit_codes.OK


_DESCRIPTION = """\
Generate typed Python client packages from Smithy-like YAML and OpenAPI specs.

  apismith init                         start a project: [tool.apismith] and a starter spec
  apismith generate                     every service of [tool.apismith] in pyproject.toml
  apismith generate SPEC -o DIR         one spec, no config needed (--package NAME)
  apismith validate [SPEC ...]          located events for each spec
  apismith diff OLD NEW                 breaking changes between two versions of a spec
  apismith extract MODEL --operations A,B -o SPEC

Every command takes --format json (machine-readable stdout), --quiet (errors only) and
--verbose (per-stage timings); progress and messages go to stderr. Docs: docs/ in the
apismith repository (spec guide, configuration, rules)."""


def _common(formats: Sequence[str] = ("text", "json")) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    if formats:
        common.add_argument(
            "--format",
            choices=formats,
            default="text",
            help="text for people (default), json for tools: stdout then holds only JSON",
        )
    loud = common.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", action="store_true", help="show errors only")
    loud.add_argument(
        "-v", "--verbose", action="store_true", help="per-stage timings, cache hits and notes"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apismith",
        description=_DESCRIPTION,
        epilog=exit_codes.help_text(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"apismith {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    epilog = exit_codes.help_text()
    raw = argparse.RawDescriptionHelpFormatter
    common = _common()

    val = sub.add_parser(
        "validate",
        parents=[common],
        help="check specs and report located events",
        epilog=epilog,
        formatter_class=raw,
    )
    val.add_argument("specs", nargs="*", help="spec files (default: [tool.apismith] services)")
    val.add_argument(
        "--severity",
        choices=[s.name.lower() for s in Severity],
        default="note",
        help="the least severe event to show (default: note)",
    )
    val.set_defaults(func=cmd_validate)

    gen = sub.add_parser(
        "generate",
        parents=[common],
        help="render client packages (the configured services, or one SPEC)",
        description="Without SPEC: every service of [tool.apismith] in pyproject.toml. With "
        "SPEC: that spec alone into DIR (no config is read; works outside any project).",
        epilog=epilog,
        formatter_class=raw,
    )
    gen.add_argument("spec", nargs="?", help="a spec to generate by itself (one-off mode)")
    gen.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="one-off mode: the package folder (default: the package name, in this folder)",
    )
    gen.add_argument(
        "--package",
        metavar="NAME",
        help="one-off mode: the import name (default: derived from the spec's service name)",
    )
    gen.add_argument("--check", action="store_true", help="exit 1 if the output is stale")
    gen.add_argument("--templates", help="a folder of templates overriding the built-in ones")
    gen.add_argument("--service", action="append", help="only this package (repeatable)")
    gen.add_argument(
        "--no-cache",
        action="store_true",
        help="render everything again (no package cache; also APISMITH_NO_CACHE=1)",
    )
    gen.add_argument(
        "--formatter",
        choices=("ruff", "black"),
        help="formatter for generated code (default: ruff, else black; both give black's style)",
    )
    gen.set_defaults(func=cmd_generate)

    dif = sub.add_parser(
        "diff",
        parents=[common],
        help="report what changed between two versions of a spec",
        epilog=epilog,
        formatter_class=raw,
    )
    dif.add_argument("old", help="the spec before the change")
    dif.add_argument("new", help="the spec after the change")
    dif.add_argument(
        "--fail-on",
        choices=[s.name.lower() for s in Severity],
        default="error",
        help="exit 1 when an event at least this severe is found (default: error = breaking)",
    )
    dif.set_defaults(func=cmd_diff)

    ext = sub.add_parser(
        "extract",
        parents=[common],
        help="write the closure of some operations as a spec file",
        epilog=epilog,
        formatter_class=raw,
    )
    ext.add_argument("source", help="an official model: Smithy JSON AST, Swagger 2.0 or OpenAPI 3")
    ext.add_argument("--operations", required=True, help="comma-separated operation names")
    ext.add_argument("-o", "--output", help="the spec file to write (default: stdout)")
    ext.set_defaults(func=cmd_extract)

    ini = sub.add_parser(
        "init",
        parents=[_common(formats=())],
        help="add [tool.apismith] to pyproject.toml and write a starter spec",
        description="Writes a starter spec that validates and generates, and a [tool.apismith] "
        "section in pyproject.toml (created, or appended to without changing anything else). "
        "Never overwrites a file.",
        epilog=epilog,
        formatter_class=raw,
    )
    ini.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=("smithy", "openapi", "text", "json"),
        default=[],
        help="smithy (default) or openapi: the starter spec's format; text (default) or json: "
        "this command's output. Give it twice for both, e.g. --format openapi --format json",
    )
    ini.add_argument("--package", metavar="NAME", help="import name (default: from the project)")
    ini.set_defaults(func=cmd_init)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        return exit_codes.OK
    except Exception as exc:  # last resort: a bug in apismith must still not look like a spec error
        print(
            f"apismith: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in apismith, not in your spec; please report it with the spec that "
            "triggered it. Set APISMITH_DEBUG=1 for the traceback.",
            file=sys.stderr,
        )
        if os.environ.get("APISMITH_DEBUG"):
            raise
        return exit_codes.INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
