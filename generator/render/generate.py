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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import exit_codes
from generator.config import (
    ServiceConfig,
    did_you_mean,
    load_config,
    package_name_problem,
    suggest_package_name,
)
from generator.diagnostics import Diagnostics, Event, Location, Severity
from generator.progress import Progress, Stopwatch
from generator.render.cache import PackageCache, cache_root
from generator.render.format import Formatter, FormatterUnavailable
from generator.render.produce import produce
from generator.write import (
    cleanup_leftovers,
    output_lock,
    plan_changes,
    write_text_atomic,
    write_tree,
)

# Speed (issue 10): Jinja2, the front-ends and the validator are imported only when something
# has to be rendered; an unchanged service comes from the package cache (see produce.py).
if TYPE_CHECKING:
    import jinja2

    from generator.ir import Service


class _TimedFormatter(Formatter):
    """Counts the seconds spent formatting, so render and format are timed apart."""

    seconds = 0.0

    def format(self, source: str, name: str) -> str:
        start = time.perf_counter()
        try:
            return super().format(source, name)
        finally:
            self.seconds += time.perf_counter() - start

    def format_many(self, *args: Any, **kwargs: Any) -> dict[str, str]:
        start = time.perf_counter()
        try:
            return super().format_many(*args, **kwargs)
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
        from generator.render.overrides import check_overrides

        diags = Diagnostics()
        usable = check_overrides(templates, where, diags)
        run.report(diags.sorted())
        if not usable:
            run.fail(exit_codes.USAGE)
            return None
    return targets, templates


def _generate(args: argparse.Namespace, run: _Run) -> None:
    planned = _targets(args, run)
    if planned is None:
        return
    targets, templates = planned
    progress = run.progress
    # The user cache folder (XDG), never the project: nothing of it can land in a commit.
    root = cache_root(disabled=bool(args.no_cache))

    @cache
    def env() -> jinja2.Environment:
        from generator.render.environment import build_environment

        return build_environment(templates, root / "jinja" if root is not None else None)

    try:
        formatter = _TimedFormatter(root / "modules" if root is not None else None, args.formatter)
        formatter.identity  # noqa: B018  (fails early, with a message, if it is not installed)
    except FormatterUnavailable as exc:
        run.error(
            "FormatterUnavailable",
            Location("--formatter"),
            str(exc),
            "install apismith's dependencies again (pip install apismith), or choose the other "
            "formatter with --formatter",
            exit_codes.USAGE,
        )
        return
    store = PackageCache(root)
    started = time.perf_counter()
    stale: list[str] = []
    done = 0
    for number, target in enumerate(targets, start=1):
        spec = os.path.relpath(target.spec)
        name = target.config.package if target.config else (target.package or spec)
        label = f"[{number}/{len(targets)}] {name}"
        watch = Stopwatch(progress, label)
        progress.status(f"{label}: load, validate, render")
        formatter.seconds = 0.0
        formatter.hits = formatter.misses = 0
        timings: dict[str, float] = {}
        start = time.perf_counter()
        try:
            entry = produce(
                target.config or _one_off_config(target),
                spec,
                templates,
                env,
                formatter,
                store,
                # One-off runs without --package name the package after the spec: the cache
                # key cannot know it, so those runs are not cached as a package.
                cacheable=target.config is not None or target.package is not None,
                timings=timings,
            )
        except Exception as exc:
            from generator.render.overrides import template_error

            event = template_error(exc, templates)
            if event is None:
                raise
            run.report([event])
            run.fail(exit_codes.USAGE)
            return  # the same template fails every package: one report is enough
        spent = time.perf_counter() - start
        for stage in ("load", "validate"):
            watch.add(stage, timings.get(stage, 0.0))
        rendering = spent - sum(timings.values()) - formatter.seconds
        watch.add("render", max(0.0, rendering))
        watch.add("format", formatter.seconds)
        run.report(entry.events)
        if not entry.ok:
            progress.problem(f"{spec}: not rendered (the spec has errors)")
            run.fail(exit_codes.FINDINGS)
            continue
        config = entry.config
        assert config is not None  # produce() sets it on every entry that rendered
        files, own_files = entry.files, entry.scaffold
        label = f"[{number}/{len(targets)}] {config.package}"
        watch.label = label
        out_dir = config.output
        rel = os.path.relpath(out_dir)
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
            f"    {entry.stats}; {watch.summary()}; "
            + (
                "package cache hit"
                if entry.cached
                else f"format cache: {formatter.hits} hits, " f"{formatter.misses} formatted"
            )
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


def _one_off_config(target: _Target) -> Callable[[Service], ServiceConfig]:
    """One-off mode: the package's settings, once the spec has named the service."""

    def config_for(service: Service) -> ServiceConfig:
        from generator.oneoff import one_off_service

        return one_off_service(target.spec, service, target.package, target.output)

    return config_for


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
