"""`apismith generate`: each service -> validated IR -> files -> disk (or a check).

Two ways in: the services of `[tool.apismith]` (config mode), or one spec named on the command
line (`generate SPEC -o DIR`, one-off mode, which reads no pyproject.toml). Every mistake a user
can make here — a spec, a config value, a templates folder or template, an output folder that
cannot be written — ends as a located event with a hint and its own exit code
(generator/exit_codes.py); only bugs in apismith escape as exceptions.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import exit_codes
from generator.config import (
    ServiceConfig,
    did_you_mean,
    load_config,
    package_name_problem,
    suggest_package_name,
)
from generator.diagnostics import Diagnostics, Event, Location, Severity
from generator.oneoff import one_off_service
from generator.pipeline import load_spec
from generator.progress import Progress, Stopwatch
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.overrides import check_overrides, template_error
from generator.render.package import render_package, scaffold_files
from generator.write import (
    cleanup_leftovers,
    output_lock,
    plan_changes,
    write_text_atomic,
    write_tree,
)


class _TimedFormatter(Formatter):
    """Counts the seconds spent formatting, so render and format are timed apart."""

    seconds = 0.0

    def format(self, source: str, name: str) -> str:
        start = time.perf_counter()
        try:
            return super().format(source, name)
        finally:
            self.seconds += time.perf_counter() - start


@dataclass
class _Target:
    spec: Path
    config: ServiceConfig | None = None  # config mode: known before the spec is read
    package: str | None = None  # one-off mode: --package, else derived from the spec
    output: Path | None = None


class _Run:
    """Collects events and what was written; prints text as it goes, JSON at the end."""

    def __init__(self, fmt: str, progress: Progress) -> None:
        self.fmt = fmt
        self.progress = progress
        self.events: list[Event] = []
        self.packages: list[dict[str, object]] = []
        self.code = exit_codes.OK

    def fail(self, code: int) -> None:
        # The most pressing failure decides: a setup mistake, then unwritable output, then the
        # spec's own errors or stale files.
        rank = [exit_codes.OK, exit_codes.FINDINGS, exit_codes.OUTPUT, exit_codes.USAGE]
        if rank.index(code) > rank.index(self.code):
            self.code = code

    def report(self, events: Iterable[Event]) -> None:
        for event in events:
            self.events.append(event)
            if self.fmt != "text":
                continue
            if event.severity is Severity.ERROR:
                self.progress.problem(event.format())
            elif event.severity >= Severity.WARNING:
                self.progress.say(event.format())
            else:
                self.progress.detail(event.format())

    def error(self, id: str, where: Location, message: str, hint: str, code: int) -> None:
        self.report([Event(id, Severity.ERROR, where, message, hint)])
        self.fail(code)

    def json_summary(self) -> str:
        return json.dumps(
            {
                "events": [e.to_json() for e in self.events],
                "packages": self.packages,
                "exit_code": self.code,
            },
            indent=2,
            ensure_ascii=False,
        )


def run_generate(args: argparse.Namespace, progress: Progress) -> int:
    run = _Run(args.format, progress)
    try:
        _generate(args, run)
    finally:
        progress.close()
    if args.format == "json":
        print(run.json_summary())
    return run.code


def _targets(args: argparse.Namespace, run: _Run) -> tuple[list[_Target], Path | None] | None:
    """What to generate and the templates folder; None (events reported) on a usage error."""
    cli = Location("<command line>")
    if args.spec is None:
        if args.output or args.package:
            run.error(
                "Usage",
                cli,
                "-o/--output and --package go with a spec: `apismith generate SPEC -o DIR`",
                "name the spec, or leave them out to generate the services of [tool.apismith]",
                exit_codes.USAGE,
            )
            return None
        diags = Diagnostics()
        config = load_config(diags)
        run.report(diags.sorted())
        if config is None:
            run.fail(exit_codes.USAGE)
            return None
        services = list(config.services)
        if args.service:
            known = [s.package for s in config.services]
            for name in args.service:
                if name not in known:
                    run.error(
                        "UnknownService",
                        Location("--service"),
                        f"no service {name!r} in [tool.apismith]",
                        f"{did_you_mean(name, known)}the configured services are: "
                        + ", ".join(known),
                        exit_codes.USAGE,
                    )
            if run.code:
                return None
            services = [s for s in services if s.package in args.service]
        templates = Path(args.templates) if args.templates else config.templates
        where = Location("--templates") if args.templates else config.templates_location or cli
        targets = [_Target(spec=s.spec, config=s) for s in services]
    else:
        if args.service:
            run.error(
                "Usage",
                Location("--service"),
                "--service selects among the services of [tool.apismith]; a one-off run "
                "generates the spec it names",
                "leave out --service, or the spec to use the config",
                exit_codes.USAGE,
            )
            return None
        if args.package and package_name_problem(args.package):
            run.error(
                "InvalidPackageName",
                Location("--package"),
                f"package {args.package!r} {package_name_problem(args.package)}, so it cannot "
                "be imported",
                f"use --package {suggest_package_name(args.package)}",
                exit_codes.USAGE,
            )
            return None
        templates = Path(args.templates) if args.templates else None
        where = Location("--templates")
        output = Path(args.output) if args.output else None
        targets = [_Target(spec=Path(args.spec), package=args.package, output=output)]
    if templates is not None:
        diags = Diagnostics()
        usable = check_overrides(templates, where, diags)
        run.report(diags.sorted())
        if not usable:
            run.fail(exit_codes.USAGE)
            return None
    return targets, templates


def _cache_dir(args: argparse.Namespace) -> Path | None:
    # One-off runs write nothing but the output: no cache folder appears where they are run.
    if args.spec is not None:
        return None
    from generator.config import find_pyproject

    file = find_pyproject(Path.cwd().resolve())
    return file.parent / ".apismith-cache" if file else None


def _generate(args: argparse.Namespace, run: _Run) -> None:
    planned = _targets(args, run)
    if planned is None:
        return
    targets, templates = planned
    progress = run.progress
    env = build_environment(templates)
    formatter = _TimedFormatter(_cache_dir(args))
    started = time.perf_counter()
    stale: list[str] = []
    done = 0
    for number, target in enumerate(targets, start=1):
        spec = os.path.relpath(target.spec)
        name = target.config.package if target.config else (target.package or spec)
        label = f"[{number}/{len(targets)}] {name}"
        watch = Stopwatch(progress, label)
        progress.status(f"{label}: load, validate")
        result = load_spec(spec, timings=watch.seconds)
        events = result.diagnostics.sorted()
        run.report(events)
        if not result.ok or result.service is None:
            progress.problem(f"{spec}: not rendered (the spec has errors)")
            run.fail(exit_codes.FINDINGS)
            continue
        service = result.service
        config = target.config or one_off_service(
            target.spec, service, target.package, target.output
        )
        label = f"[{number}/{len(targets)}] {config.package}"
        watch.label = label
        out_dir = config.output
        rel = os.path.relpath(out_dir)
        try:
            formatter.seconds = 0.0
            with watch.stage("render"):
                files = render_package(service, config, env, formatter)
                own_files = scaffold_files(service, config, env)
            watch.seconds["render"] -= formatter.seconds
            watch.add("format", formatter.seconds)
        except Exception as exc:
            event = template_error(exc, templates)
            if event is None:
                raise
            run.report([event])
            run.fail(exit_codes.USAGE)
            return  # the same template fails every package: one report is enough
        summary: dict[str, object] = {
            "package": config.package,
            "spec": spec,
            "output": rel,
            "files": len(files),
        }
        if args.check:
            changes = plan_changes(out_dir, files)
            paths = [f"{rel}/{path}" for path in changes.changed + changes.removed]
            stale += paths
            summary["stale"] = paths
            run.packages.append(summary)
            progress.say(f"{label}: {len(paths)} of {len(files)} files stale")
            continue
        where = config.locations.get("output", Location(rel))
        problem = _output_problem(out_dir)
        if problem:
            run.error("OutputNotWritable", where, problem, _OUTPUT_HINT, exit_codes.OUTPUT)
            continue
        created: list[str] = []
        try:
            with watch.stage("write"):
                # Plan, write and scaffold under the folder's lock: a second run waits here, then
                # plans against what the first one wrote, so neither swaps a tree over the other's.
                with output_lock(out_dir, wait_message=f"{rel}: waiting for another apismith run"):
                    cleanup_leftovers(out_dir)
                    changes = plan_changes(out_dir, files)
                    write_tree(out_dir, files, changes)
                    for own, text in own_files.items():
                        if not (out_dir / own).exists():
                            write_text_atomic(out_dir / own, text)
                            created.append(f"{rel}/{own}")
        except OSError as exc:
            run.error(
                "OutputNotWritable",
                where,
                f"cannot write the package into {rel}: {exc.strerror or exc}"
                + (f": {os.path.relpath(exc.filename)}" if exc.filename else ""),
                _OUTPUT_HINT,
                exit_codes.OUTPUT,
            )
            continue
        done += 1
        for path in created:
            progress.say(f"{path}: created for your own code")
        summary.update(
            written=[f"{rel}/{p}" for p in changes.changed],
            removed=[f"{rel}/{p}" for p in changes.removed],
            created=created,
        )
        run.packages.append(summary)
        progress.clear_status()
        progress.say(
            f"{label}: {rel}: {len(files)} files, {len(changes.changed)} written, "
            f"{len(changes.removed)} removed ({watch.total:.1f}s)"
        )
        progress.detail(
            f"    {len(service.operations)} operations, "
            f"{sum(not s.synthetic and not s.id.startswith('smithy.api#') for s in service.shapes)}"
            f" shapes; {watch.summary()}; format cache: {formatter.hits} hits, "
            f"{formatter.misses} formatted"
        )
    progress.clear_status()
    if args.check:
        if stale:
            progress.problem("the generated code is stale; run `apismith generate`. Stale files:")
            for path in stale:
                progress.problem(f"  {path}")
            run.fail(exit_codes.FINDINGS)
        elif not run.code:
            progress.say("the generated code is up to date")
    elif len(targets) > 1 and done:
        progress.say(f"generated {done} of {len(targets)} packages in {_since(started)}")


def _since(start: float) -> str:
    return f"{time.perf_counter() - start:.1f}s"


_OUTPUT_HINT = (
    "check that you may write there, that no file stands where a folder must be and that the "
    "disk has room; or choose another output folder (-o DIR, or `output` in [tool.apismith])"
)


def _output_problem(folder: Path) -> str:
    """Why `folder` cannot receive a package ('' when it looks writable), found before the
    work of rendering is thrown away at the last step."""
    shown = os.path.relpath(folder)
    if folder.exists() and not folder.is_dir():
        return f"the output folder {shown} is a file"
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if probe != folder and not probe.is_dir():
        return f"{os.path.relpath(probe)} is a file, so the output folder {shown} cannot be made"
    # The new tree is staged beside the folder and swapped in: its parent must be writable.
    parent = folder.parent if folder.exists() else probe
    for place in (parent, folder) if folder.exists() else (parent,):
        if not os.access(place, os.W_OK | os.X_OK):
            return f"no permission to write in {os.path.relpath(place)}"
    return ""
