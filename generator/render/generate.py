"""`apismith generate`: every configured service -> validated IR -> files -> disk (or a check)."""

from __future__ import annotations

import argparse
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import Config, ServiceConfig, load_config
from generator.diagnostics import Diagnostics, Severity, render_json, render_text
from generator.render.cache import PackageCache, cache_root
from generator.render.format import Formatter, FormatterUnavailable
from generator.render.produce import produce
from generator.write import cleanup_leftovers, plan_changes, write_text_atomic, write_tree

# Speed (issue 10): Jinja2, the front-ends and the validator are imported only when something
# has to be rendered; an unchanged service comes from the package cache (see produce.py).

if TYPE_CHECKING:
    import jinja2

EXIT_OK, EXIT_ERRORS = 0, 1


def _selected(config: Config, names: list[str] | None) -> list[ServiceConfig]:
    if not names:
        return list(config.services)
    return [s for s in config.services if s.package in names]


def run_generate(args: argparse.Namespace) -> int:
    diags = Diagnostics()
    config = load_config(diags)
    if config is None:
        print(render_text(diags.events), file=sys.stderr)
        return EXIT_ERRORS
    overrides = Path(args.templates) if args.templates else config.templates
    if overrides is not None and not overrides.is_dir():
        print(f"apismith: templates folder {overrides} does not exist", file=sys.stderr)
        return 2

    root = cache_root(disabled=bool(getattr(args, "no_cache", False)))

    @cache
    def env() -> jinja2.Environment:
        from generator.render.environment import build_environment

        return build_environment(overrides, root / "jinja" if root is not None else None)

    try:
        modules = root / "modules" if root is not None else None
        formatter = Formatter(modules, getattr(args, "formatter", None))
        formatter.identity  # noqa: B018  (fails early, with a message, if it is not installed)
    except FormatterUnavailable as exc:
        print(f"apismith: {exc}", file=sys.stderr)
        return 2
    store = PackageCache(root)
    failed = False
    stale: list[str] = []
    written = 0
    for service_config in _selected(config, args.service):
        spec_label = os.path.relpath(service_config.spec)
        entry = produce(service_config, spec_label, overrides, env, formatter, store)
        events = entry.events
        shown = [e for e in events if e.severity >= Severity.WARNING]
        if args.format == "json" and events:
            print(render_json(events))
        elif shown:
            print(render_text(shown), file=sys.stderr)
        if not entry.ok:
            print(
                f"{os.path.relpath(service_config.spec)}: not rendered (the spec has errors)",
                file=sys.stderr,
            )
            failed = True
            continue
        files = entry.files
        out_dir = service_config.output
        if not args.check:
            cleanup_leftovers(out_dir)
        changes = plan_changes(out_dir, files)
        rel = os.path.relpath(out_dir)
        if args.check:
            for path in changes.changed + changes.removed:
                stale.append(f"{rel}/{path}")
            continue
        write_tree(out_dir, files, changes)
        for own, text in entry.scaffold.items():
            if not (out_dir / own).exists():
                write_text_atomic(out_dir / own, text)
                print(f"{rel}/{own}: created for your own code", file=sys.stderr)
        written += len(changes.changed) + len(changes.removed)
        print(
            f"{rel}: {len(files)} files, {len(changes.changed)} written, "
            f"{len(changes.removed)} removed",
            file=sys.stderr,
        )
    if args.check:
        if stale:
            print("generated/ is stale; run `apismith generate`. Stale files:", file=sys.stderr)
            for path in stale:
                print(f"  {path}", file=sys.stderr)
            return EXIT_ERRORS
        if not failed:
            print("generated/ is up to date", file=sys.stderr)
    return EXIT_ERRORS if failed else EXIT_OK
