"""One service, spec file to package files, as fast as the machine allows.

`apismith generate` calls `produce()` per service. In order of what it saves:

1. The package cache (generator/render/cache.py): unchanged inputs give the previous result
   without loading anything; this module's heavier imports (Jinja2, the front-ends, the
   validator) are not even made on that path. When only the templates, the settings or
   apismith changed, the validator's verdict on the unchanged document comes from the cache.
2. openapi-spec-validator runs in a forked child while this process builds the IR and renders:
   it is a second of pure Python on a large OpenAPI document and independent of everything
   else, so on two cores it costs nothing but the fork. The render is speculative: when the
   validator reports an error the files are dropped, exactly as if nothing had been rendered.
   The events come out in the same order as `pipeline.load_spec`'s.
3. The garbage collector: the loaded document and the IR (hundreds of thousands of objects that
   live until the end) are frozen out of the collector's walks, and the collector is off while
   rendering and in the validator's child.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.config import ServiceConfig
from generator.diagnostics import Diagnostics, Event
from generator.render.cache import Entry, PackageCache, VerdictCache, templates_digest
from generator.render.locations import builtin_templates

if TYPE_CHECKING:
    import jinja2

    from generator.ir import Service
    from generator.render.format import Formatter


def produce(
    config: ServiceConfig,
    spec_label: str,
    overrides: Path | None,
    env: Callable[[], jinja2.Environment],
    formatter: Formatter,
    store: PackageCache,
) -> Entry:
    """Events and files for one service: from the cache, or loaded, validated and rendered."""
    key = None
    if store.folder is not None:
        key = store.key(
            config.spec,
            spec_label,
            {
                "package": config.package,
                "options": config.options,
                "spec_name": config.spec.name,
                "templates": templates_digest(builtin_templates(), overrides),
                "formatter": formatter.identity,
            },
        )
        hit = store.get(key)
        if hit is not None:
            return hit
    verdicts = VerdictCache(store.folder.parent if store.folder is not None else None)
    entry = _render(config, spec_label, env, formatter, verdicts)
    store.put(key, entry)
    return entry


def _render(
    config: ServiceConfig,
    spec_label: str,
    env: Callable[[], jinja2.Environment],
    formatter: Formatter,
    verdicts: VerdictCache,
) -> Entry:
    from generator.render.package import render_package, scaffold_files

    loading = _Loading(spec_label, verdicts)
    files: dict[str, str] = {}
    scaffold: dict[str, str] = {}
    failure: Exception | None = None
    service = loading.service
    if service is not None and not loading.ir_diags.has_errors:
        # Everything loaded so far lives to the end of the run: keep the collector off it, and
        # off the render, which allocates much and frees it by reference counting (its few
        # cycles wait for the end of the render: a few MiB on the largest models).
        gc.freeze()
        enabled = gc.isenabled()
        gc.disable()
        try:
            environment = env()
            files = render_package(service, config, environment, formatter)
            scaffold = scaffold_files(service, config, environment)
        except Exception as exc:  # re-raised below unless the validator explains it
            failure = exc
        finally:
            if enabled:
                gc.enable()
            gc.unfreeze()
    diags = loading.finish()
    events = diags.sorted()
    ok = service is not None and not diags.has_errors
    if not ok:
        return Entry(events, False, {}, {})
    if failure is not None:
        raise failure
    return Entry(events, True, files, scaffold)


@dataclass
class _Loading:
    """`pipeline.load_spec`, with the document validator running beside the front-end."""

    path: str
    verdicts: VerdictCache = field(default_factory=lambda: VerdictCache(None))
    doc_events: list[Event] | None = None
    ir_diags: Diagnostics = field(default_factory=Diagnostics)
    service: Service | None = None
    _load_diags: Diagnostics = field(default_factory=Diagnostics)
    _child: tuple[int, int] | None = None  # (pid, read end of the pipe)
    _verdict_key: str | None = None
    _doc: Any = None

    def __post_init__(self) -> None:
        from generator.frontends import build_ir
        from generator.load import detect_format, load_document
        from generator.validate import validate_document, validate_service

        doc = load_document(self.path, self._load_diags)
        if doc is None:
            return
        self._doc = doc
        if detect_format(doc.data) in ("openapi", "swagger"):
            self._verdict_key = self.verdicts.key(Path(self.path), self.path)
            self.doc_events = self.verdicts.get(self._verdict_key)
            if self.doc_events is None:
                self._child = _fork(doc)
        if self._child is None and self.doc_events is None:
            scratch = Diagnostics()
            validate_document(doc, scratch)
            self.doc_events = scratch.events
            self.verdicts.put(self._verdict_key, self.doc_events)
        self.service = build_ir(doc, self.ir_diags)
        if self.service is not None:
            validate_service(self.service, self.ir_diags)

    def finish(self) -> Diagnostics:
        """All events, in the order the sequential pipeline adds them (load, document, IR)."""
        if self._child is not None:
            self.doc_events = _join(*self._child)
            self._child = None
            if self.doc_events is None:  # the child failed: validate here after all
                from generator.validate import validate_document

                scratch = Diagnostics()
                validate_document(self._doc, scratch)
                self.doc_events = scratch.events
            self.verdicts.put(self._verdict_key, self.doc_events)
        diags = Diagnostics()
        for event in [*self._load_diags.events, *(self.doc_events or []), *self.ir_diags.events]:
            # add() drops an event the document checks already reported at the same place.
            diags.add(event.id, event.severity, event.location, event.message, event.hint)
        return diags


def _fork(doc: Any) -> tuple[int, int] | None:
    if not hasattr(os, "fork") or os.environ.get("APISMITH_NO_FORK"):
        return None
    from generator.validate import validate_document

    read, write = os.pipe()
    gc.freeze()  # the child's collector must not touch (and so copy) the parent's pages
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    finally:
        gc.unfreeze()
    if pid == 0:  # the child: validate, send the events, leave without any cleanup
        status = 0
        try:
            os.close(read)
            gc.disable()  # a short-lived process: reference counting frees what it allocates
            scratch = Diagnostics()
            validate_document(doc, scratch)
            payload = pickle.dumps(scratch.events)
        except BaseException:
            payload, status = pickle.dumps(None), 1
        try:
            with os.fdopen(write, "wb") as out:
                out.write(payload)
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def _join(pid: int, read: int) -> list[Event] | None:
    with os.fdopen(read, "rb") as src:
        payload = src.read()
    os.waitpid(pid, 0)
    try:
        events = pickle.loads(payload)
    except Exception:
        return None
    return events if isinstance(events, list) else None
