"""`apismith generate`: every configured service -> validated IR -> files -> disk (or a check)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.config import Config, ServiceConfig, load_config
from generator.diagnostics import Diagnostics, Severity, render_json, render_text
from generator.pipeline import load_spec
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.package import render_package, scaffold_files
from generator.write import (
    cleanup_leftovers,
    output_lock,
    plan_changes,
    write_text_atomic,
    write_tree,
)

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
    env = build_environment(overrides)
    formatter = Formatter(config.root / ".apismith-cache")
    failed = False
    stale: list[str] = []
    written = 0
    for service_config in _selected(config, args.service):
        result = load_spec(os.path.relpath(service_config.spec))
        events = result.diagnostics.sorted()
        shown = [e for e in events if e.severity >= Severity.WARNING]
        if args.format == "json" and events:
            print(render_json(events))
        elif shown:
            print(render_text(shown), file=sys.stderr)
        if not result.ok or result.service is None:
            print(
                f"{os.path.relpath(service_config.spec)}: not rendered (the spec has errors)",
                file=sys.stderr,
            )
            failed = True
            continue
        files = render_package(result.service, service_config, env, formatter)
        out_dir = service_config.output
        rel = os.path.relpath(out_dir)
        if args.check:
            changes = plan_changes(out_dir, files)
            for path in changes.changed + changes.removed:
                stale.append(f"{rel}/{path}")
            continue
        # Plan, write and scaffold under the folder's lock: a second run waits here, then plans
        # against what the first one wrote, so neither swaps a tree over the other's.
        with output_lock(out_dir, wait_message=f"{rel}: waiting for another apismith run"):
            cleanup_leftovers(out_dir)
            changes = plan_changes(out_dir, files)
            write_tree(out_dir, files, changes)
            for own, text in scaffold_files(result.service, service_config, env).items():
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
