"""The `apismith` command line.

Exit codes: 0 clean, 1 the spec (or the generated tree) has errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from generator import __version__
from generator.diagnostics import Diagnostics, Event, Severity, render_json, render_text

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _rel(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


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

    diags = Diagnostics()
    paths = _spec_paths(args.specs, diags)
    events: list[Event] = list(diags.events)
    worst_error = diags.has_errors
    summary: list[str] = []
    for path in paths or []:
        result = load_spec(path)
        events.extend(result.diagnostics.sorted())
        errors = sum(e.severity is Severity.ERROR for e in result.diagnostics.events)
        worst_error = worst_error or errors > 0 or result.service is None
        if result.service is not None:
            svc = result.service
            summary.append(
                f"{path}: {svc.name} {svc.version}, {len(svc.operations)} operations, "
                f"{sum(not s.synthetic and not s.id.startswith('smithy.api#') for s in svc.shapes)}"
                f" shapes, {errors} errors"
            )
        else:
            summary.append(f"{path}: not loaded, {errors} errors")
    _emit(events, args.format, Severity[args.severity.upper()])
    if args.format == "text":
        for line in summary:
            print(line, file=sys.stderr)
    return EXIT_ERRORS if worst_error or paths is None else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from generator.extract import ExtractError, dump_yaml, extract
    from generator.load import detect_format, load_document

    diags = Diagnostics()
    doc = load_document(args.source, diags)
    if doc is None:
        _emit(diags.events, "text", Severity.NOTE, sys.stderr)
        return EXIT_ERRORS
    fmt = detect_format(doc.data)
    if fmt is None:
        print(
            f"{args.source}: ERROR [UnknownFormat] not a Smithy JSON AST, Swagger 2.0 or OpenAPI 3"
            " document",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    operations = [op.strip() for op in args.operations.split(",") if op.strip()]
    try:
        data = extract(doc.data, operations)
    except ExtractError as exc:
        print(f"{args.source}: ERROR [Extract] {exc}", file=sys.stderr)
        return EXIT_ERRORS
    from generator.extract import spec_header

    header = spec_header(args.source, operations, args.output or "-", doc.data)
    text = dump_yaml(data, header)
    if args.output:
        from generator.write import write_text_atomic

        write_text_atomic(Path(args.output), text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_generate(args: argparse.Namespace) -> int:
    try:
        from generator.render.generate import run_generate
    except ImportError:
        print("apismith generate: nothing to render yet (the render stage is not built)")
        return EXIT_OK
    return int(run_generate(args))


def cmd_diff(args: argparse.Namespace) -> int:
    from generator.diff import diff_services
    from generator.pipeline import load_spec

    loaded = [load_spec(path) for path in (args.old, args.new)]
    for result in loaded:
        if result.service is None or result.diagnostics.has_errors:
            _emit(result.diagnostics.sorted(), args.format, Severity.ERROR)
            print("apismith diff: fix the spec errors above first", file=sys.stderr)
            return EXIT_ERRORS
    old, new = (r.service for r in loaded)
    assert old is not None and new is not None
    events = diff_services(old, new)
    _emit(events, args.format, Severity.NOTE)
    threshold = Severity[args.fail_on.upper()]
    worst = max((e.severity for e in events), default=None)
    if args.format == "text":
        counts = {s.name: sum(e.severity is s for e in events) for s in reversed(Severity)}
        summary = ", ".join(f"{n} {name.lower()}" for name, n in counts.items())
        print(f"{args.old} -> {args.new}: {summary}", file=sys.stderr)
    return EXIT_ERRORS if worst is not None and worst >= threshold else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apismith",
        description="Generate Python client packages from Smithy-like and OpenAPI specs.",
    )
    parser.add_argument("--version", action="version", version=f"apismith {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    val = sub.add_parser("validate", help="check specs and report located events")
    val.add_argument("specs", nargs="*", help="spec files (default: [tool.apismith] services)")
    val.add_argument("--format", choices=("text", "json"), default="text")
    val.add_argument(
        "--severity",
        choices=[s.name.lower() for s in Severity],
        default="note",
        help="the least severe event to show (default: note)",
    )
    val.set_defaults(func=cmd_validate)

    gen = sub.add_parser("generate", help="render the configured services into generated/")
    gen.add_argument("--check", action="store_true", help="exit 1 if generated/ is stale")
    gen.add_argument("--templates", help="a folder of templates overriding the built-in ones")
    gen.add_argument("--service", action="append", help="only this package (repeatable)")
    gen.add_argument("--format", choices=("text", "json"), default="text")
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

    dif = sub.add_parser("diff", help="report what changed between two versions of a spec")
    dif.add_argument("old", help="the spec before the change")
    dif.add_argument("new", help="the spec after the change")
    dif.add_argument("--format", choices=("text", "json"), default="text")
    dif.add_argument(
        "--fail-on",
        choices=[s.name.lower() for s in Severity],
        default="error",
        help="exit 1 when an event at least this severe is found (default: error = breaking)",
    )
    dif.set_defaults(func=cmd_diff)

    ext = sub.add_parser("extract", help="write the closure of some operations as a spec file")
    ext.add_argument("source", help="an official model: Smithy JSON AST, Swagger 2.0 or OpenAPI 3")
    ext.add_argument("--operations", required=True, help="comma-separated operation names")
    ext.add_argument("-o", "--output", help="the spec file to write (default: stdout)")
    ext.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # last resort: a bug in apismith must still not look like a spec error
        print(
            f"apismith: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in apismith, not in your spec; please report it with the spec that "
            "triggered it. Set APISMITH_DEBUG=1 for the traceback.",
            file=sys.stderr,
        )
        if os.environ.get("APISMITH_DEBUG"):
            raise
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
