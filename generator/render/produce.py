"""One service, spec file to package files, as fast as the machine allows.

`apismith generate` calls `produce()` per service. In order of what it saves:

1. The package cache (generator/render/cache.py): unchanged inputs give the previous result
   without loading anything; this module's heavier imports (Jinja2, the front-ends, the
   validator) are not even made on that path. When only the templates, the settings or
   apismith changed, the validator's verdict on the unchanged document comes from the cache.
2. openapi-spec-validator runs in a forked child while this process loads the document, builds
   the IR and renders: it is a second of pure Python on a large OpenAPI document (a third of it
   importing) and independent of everything else, so on two cores it costs little more than the
   fork. The child starts before the document is loaded and imports the validator meanwhile;
   the loaded document follows through a pipe. The render is speculative: when the
   validator reports an error the files are dropped, exactly as if nothing had been rendered.
   The events come out in the same order as `pipeline.load_spec`'s.
3. Templates come compiled (generator/render/precompiled.py: the built-in ones ship as
   Jinja2's Python code; earlier runs leave theirs in Jinja2's bytecode cache). When some are
   not (an edited or overriding template), their compilation runs in a second
   child while this process loads the document and builds the IR and the views: it fills
   Jinja2's bytecode cache with the templates the package needs (the protocol templates of
   its own protocol only), and this process waits for it before it loads its first template
   (`_TemplateChild`). Runs whose templates are already compiled start no child.
4. The garbage collector: the loaded document and the IR (hundreds of thousands of objects that
   live until the end) are kept out of the collector's walks: it is off while loading, building
   and rendering (reference counting frees what the run drops), and in the children.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from generator.config import ServiceConfig
from generator.diagnostics import Diagnostics, Event
from generator.render.cache import (
    Entry,
    PackageCache,
    VerdictCache,
    source_digests,
    templates_digest,
)
from generator.render.locations import builtin_templates

if TYPE_CHECKING:
    import jinja2

    from generator.ir import Service
    from generator.render.format import Formatter


def produce(
    config: ServiceConfig | Callable[[Service], ServiceConfig],
    spec_label: str,
    overrides: Path | None,
    env: Callable[[], jinja2.Environment],
    formatter: Formatter,
    store: PackageCache,
    *,
    cacheable: bool = True,
    timings: dict[str, float] | None = None,
) -> Entry:
    """Events and files for one service: from the cache, or loaded, validated and rendered.

    `config` is the package's settings, or (one-off runs that name the package after the
    service) a function giving them once the spec is loaded; such runs are not `cacheable`.
    """
    key = None
    if store.folder is not None and cacheable and isinstance(config, ServiceConfig):
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
            hit.config, hit.cached = config, True
            return hit
    verdicts = VerdictCache(store.folder.parent if store.folder is not None else None)
    warm = templates_digest(builtin_templates(), overrides)
    fragments = store.folder.parent / "fragments" if store.folder is not None else None
    entry = _render(config, spec_label, env, formatter, verdicts, timings, warm, fragments)
    store.put(key, entry)
    return entry


def _render(
    config: ServiceConfig | Callable[[Service], ServiceConfig],
    spec_label: str,
    env: Callable[[], jinja2.Environment],
    formatter: Formatter,
    verdicts: VerdictCache,
    timings: dict[str, float] | None = None,
    templates: str = "",
    fragments: Path | None = None,
) -> Entry:
    from generator.render.package import render_package, scaffold_files

    # The document and the IR (hundreds of thousands of objects) live to the end of the run,
    # and the render allocates much and frees it by reference counting: the collector's walks
    # over all of it found almost nothing (its few cycles wait for the end of the render: a
    # few MiB on the largest models).
    enabled = gc.isenabled()
    gc.disable()
    environment = env()
    compiling = _TemplateChild.start(environment, templates)
    try:
        loading = _Loading(spec_label, verdicts, timings=timings if timings is not None else {})
    finally:
        if enabled:
            gc.enable()
    files: dict[str, str] = {}
    scaffold: dict[str, str] = {}
    failure: Exception | None = None
    service = loading.service
    settings = config if isinstance(config, ServiceConfig) else None
    if service is not None and not loading.ir_diags.has_errors:
        if settings is None:
            settings = config(service)  # type: ignore[operator]
        gc.freeze()
        gc.disable()
        try:
            if compiling is not None:
                compiling.send_protocol_templates(service)
                compiling.wait_before_loading(environment)
            files = render_package(service, settings, environment, formatter, fragments)
            scaffold = scaffold_files(service, settings, environment)
        except Exception as exc:  # re-raised below unless the validator explains it
            failure = exc
        finally:
            if enabled:
                gc.enable()
            gc.unfreeze()
    if compiling is not None:
        compiling.reap()
    diags = loading.finish()
    events = diags.sorted()
    ok = service is not None and not diags.has_errors
    if not ok:
        return Entry(events, False, {}, {}, sources=loading.sources)
    if failure is not None:
        raise failure
    assert service is not None and settings is not None
    shapes = sum(not s.synthetic and not s.id.startswith("smithy.api#") for s in service.shapes)
    stats = f"{len(service.operations)} operations, {shapes} shapes"
    return Entry(events, True, files, scaffold, stats, loading.sources, config=settings)


@dataclass
class _Loading:
    """`pipeline.load_spec`, with the document validator running beside the front-end."""

    path: str
    verdicts: VerdictCache = field(default_factory=lambda: VerdictCache(None))
    doc_events: list[Event] | None = None
    ir_diags: Diagnostics = field(default_factory=Diagnostics)
    service: Service | None = None
    _load_diags: Diagnostics = field(default_factory=Diagnostics)
    _child: _ValidatorChild | None = None
    _verdict_key: str | None = None
    _doc: Any = None
    # Other files the document's $refs read, with their digests (cached results depend on them).
    sources: dict[str, str] = field(default_factory=dict)
    # Seconds spent loading (document and IR) and validating (the rules, and waiting for the
    # validator's child once the render is done), for --verbose.
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        start = time.perf_counter()
        from generator.frontends import build_ir
        from generator.load import detect_format, load_document
        from generator.validate import validate_service

        # The validator's child starts before the document is loaded, when the file looks like
        # OpenAPI and no verdict on these bytes is cached.
        early: _ValidatorChild | None = None
        if _sniff_openapi(self.path):
            self._verdict_key = self.verdicts.key(Path(self.path), self.path)
            self.doc_events = self.verdicts.get(self._verdict_key)
            if self.doc_events is None:
                early = _ValidatorChild.start(self.verdicts.folder)
        doc = load_document(self.path, self._load_diags)
        if doc is None or detect_format(doc.data) not in ("openapi", "swagger"):
            if early is not None:
                early.cancel()
            self.doc_events = None if doc is None else []
            if doc is None:
                return
        else:
            from generator.frontends.openapi.refs import bundle

            doc = bundle(doc, self._load_diags)  # nodes of other local files, pulled in
            self.sources = source_digests(getattr(doc, "sources", []))
            if self._verdict_key is None:  # the sniff missed it
                self._verdict_key = self.verdicts.key(Path(self.path), self.path)
                self.doc_events = self.verdicts.get(self._verdict_key)
            if self.doc_events is None:
                self._child = early or _ValidatorChild.start(self.verdicts.folder)
                if self._child is not None:
                    self._child.send(doc)
        self._doc = doc
        if self._child is None and self.doc_events is None:
            self.doc_events = _validate(doc, self.verdicts.folder)
            self.verdicts.put(self._verdict_key, self.doc_events, self.sources)
        self.service = build_ir(doc, self.ir_diags)
        loaded = time.perf_counter()
        self.timings["load"] = loaded - start
        if self.service is not None:
            validate_service(self.service, self.ir_diags)
        self.timings["validate"] = time.perf_counter() - loaded

    def finish(self) -> Diagnostics:
        """All events, in the order the sequential pipeline adds them (load, document, IR)."""
        start = time.perf_counter()
        if self._child is not None:
            self.doc_events = self._child.result()
            self._child = None
            if self.doc_events is None:  # the child failed: validate here after all
                self.doc_events = _validate(self._doc, self.verdicts.folder)
            self.verdicts.put(self._verdict_key, self.doc_events, self.sources)
        self.timings["validate"] = self.timings.get("validate", 0.0) + time.perf_counter() - start
        diags = Diagnostics()
        for event in [*self._load_diags.events, *(self.doc_events or []), *self.ir_diags.events]:
            # add() drops an event the document checks already reported at the same place.
            diags.add(event.id, event.severity, event.location, event.message, event.hint)
        return diags


class _TemplateChild:
    """A child that compiles the templates into Jinja2's bytecode cache (a quarter of a second)
    while this process loads, validates and builds views; this process waits for it before it
    loads its first template, then reads the compiled code from the cache.

    The child compiles the templates every package uses first; of the protocol templates
    (generator/render/protocols) only those of the package's protocol, whose names this
    process sends once the IR says which protocol it is: the others (a fifth of the template
    text for an Azure package: the AWS clients' and plain OpenAPI's) would be compiled for
    nothing. A marker named by the templates' digest (generator/render/cache.py) says that the
    cache already holds the common ones: then no child is started, and a protocol template the
    cache lacks is compiled when it is loaded, as without the child. Any failure in the child
    only means this process compiles what is missing itself.
    """

    def __init__(self, pid: int, names: int) -> None:
        self.pid: int | None = pid
        self._names: int | None = names  # the pipe that takes the protocol templates' names

    @classmethod
    def start(cls, environment: jinja2.Environment, digest: str) -> _TemplateChild | None:
        folder = getattr(environment.bytecode_cache, "directory", None)
        if not digest or folder is None or not hasattr(os, "fork"):
            return None
        if os.environ.get("APISMITH_NO_FORK"):
            return None
        # The templates' contents and where they are (the cached code names its file).
        where = repr(getattr(environment.loader, "searchpath", ""))
        key = hashlib.sha256(f"{digest}\0{where}".encode()).hexdigest()[:32]
        marker = Path(folder) / f"compiled-{key}"
        if marker.exists():
            return None
        from generator.render import precompiled

        if precompiled.covers(environment, environment.list_templates(filter_func=_is_template)):
            return None  # nothing to compile: the code shipped with apismith is current
        from generator.render.protocols import protocol_templates

        per_protocol = protocol_templates()
        names_read, names_write = os.pipe()
        gc.freeze()  # the child's collector must not touch (and so copy) the parent's pages
        try:
            pid = os.fork()
        except OSError:
            os.close(names_read)
            os.close(names_write)
            return None
        finally:
            gc.unfreeze()
        if pid == 0:
            status = 1
            try:
                os.close(names_write)
                for name in environment.list_templates(filter_func=_is_template):
                    if name not in per_protocol:
                        environment.get_template(name)  # compiles, and writes the bytecode
                marker.touch()
                # Up to the newline, not the end of the pipe: the validator's child, forked
                # after this one, holds a copy of the pipe's other end until it exits.
                message = b""
                while not message.endswith(b"\n"):
                    chunk = os.read(names_read, 4096)
                    if not chunk:
                        break
                    message += chunk
                for name in message.decode().strip("\n").split("\0"):
                    if name in per_protocol:
                        environment.get_template(name)
                status = 0
            finally:
                os._exit(status)
        os.close(names_read)
        return cls(pid, names_write)

    def send_protocol_templates(self, service: Service) -> None:
        """Tell the child which protocol templates the package renders with."""
        from generator.render.protocols import protocol_for

        if self._names is None:
            return
        try:
            names = protocol_for(service).templates()
        except Exception:
            names = ()  # the child compiles no protocol template; this process compiles its own
        self._tell(names)

    def _tell(self, names: tuple[str, ...]) -> None:
        if self._names is None:
            return
        fd, self._names = self._names, None
        try:
            os.write(fd, "\0".join(names).encode() + b"\n")  # a few dozen bytes: no wait
        except OSError:
            pass  # the child is gone
        finally:
            os.close(fd)

    def wait_before_loading(self, environment: jinja2.Environment) -> None:
        """Let the first template load wait for the child (by then it has usually finished)."""
        cache = environment.bytecode_cache
        if cache is None:
            return
        load = cache.load_bytecode

        def load_after_child(bucket: jinja2.bccache.Bucket) -> None:
            self.reap()
            cache.load_bytecode = load  # type: ignore[method-assign]
            load(bucket)

        cache.load_bytecode = load_after_child  # type: ignore[method-assign]

    def reap(self) -> None:
        self._tell(())  # when nothing was sent: the child stops after the common templates
        if self.pid is not None:
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = None


def _is_template(name: str) -> bool:
    return name.endswith(".j2")


def _sniff_openapi(path: str) -> bool:
    """Does the file look like OpenAPI or Swagger? A guess only: a wrong one costs time."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return b"openapi" in head or b"swagger" in head


class _ValidatorChild:
    """A child process that imports openapi-spec-validator (a third of a second) while this
    process loads the document, then validates the document it is sent and sends the events.

    The document goes through a pipe, written by a thread so that this process does not wait
    for the child to finish importing: a JSON document read from one file as its text, which
    the child reads again with the C decoder, its positions parsed only if it has something
    to report (pickling the data and its positions was a hundredth of a run, and parsing them
    again in the child made the parent wait for it); YAML, and a bundle of several files, as
    a pickle. The events come back pickled.
    """

    def __init__(self, pid: int, to_child: int, from_child: int) -> None:
        self.pid = pid
        self._to_child: int | None = to_child
        self._from_child = from_child
        self._sender: threading.Thread | None = None

    @classmethod
    def start(cls, pieces: Path | None) -> _ValidatorChild | None:
        """`pieces`: the folder of the verdicts on parts of documents (see _validate)."""
        if not hasattr(os, "fork") or os.environ.get("APISMITH_NO_FORK"):
            return None
        doc_read, doc_write = os.pipe()
        events_read, events_write = os.pipe()
        gc.freeze()  # the child's collector must not touch (and so copy) the parent's pages
        try:
            pid = os.fork()
        except OSError:
            for fd in (doc_read, doc_write, events_read, events_write):
                os.close(fd)
            return None
        finally:
            gc.unfreeze()
        if pid == 0:  # the child; it leaves with os._exit, without any of the parent's cleanup
            os.close(doc_write)
            os.close(events_read)
            _child_main(doc_read, events_write, pieces)
        os.close(doc_read)
        os.close(events_write)
        return cls(pid, doc_write, events_read)

    def send(self, doc: Any) -> None:
        assert self._to_child is not None
        if getattr(doc, "text", "") and doc.file.lower().endswith(".json"):
            payload = b"T" + doc.file.encode("utf-8", "surrogateescape") + b"\0"
            payload += doc.text.encode("utf-8", "surrogatepass")
        else:
            payload = b"P" + pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
        fd, self._to_child = self._to_child, None

        def write() -> None:
            with os.fdopen(fd, "wb") as out:
                try:
                    out.write(payload)
                except OSError:
                    pass  # the child is gone; result() reports None and the parent validates

        self._sender = threading.Thread(target=write, daemon=True)
        self._sender.start()

    def cancel(self) -> None:
        """The document turned out not to need the validator: stop the child now."""
        if self._to_child is not None:
            os.close(self._to_child)
            self._to_child = None
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self._from_child)

    def result(self) -> list[Event] | None:
        """The child's events; None if it failed (the caller then validates itself)."""
        if self._to_child is not None:  # nothing was sent: the child exits
            os.close(self._to_child)
            self._to_child = None
        with os.fdopen(self._from_child, "rb") as src:
            payload = src.read()
        if self._sender is not None:
            self._sender.join()
        os.waitpid(self.pid, 0)
        try:
            events = pickle.loads(payload) if payload else None
        except Exception:
            return None
        return events if isinstance(events, list) else None


def _validate(doc: Any, pieces: Path | None) -> list[Event]:
    """The document checks, with the schema verdicts of the unchanged parts of a document
    validated before (generator/validate/openapi_pieces.py): after a one-operation edit of the
    full Azure Batch document, 1 of its 241 pieces (53 path items, 187 definitions, the rest)
    goes through the schema pass."""
    from generator.validate import validate_document
    from generator.validate.openapi_pieces import PieceVerdicts

    verdicts = PieceVerdicts(pieces)
    scratch = Diagnostics()
    validate_document(doc, scratch, verdicts)
    verdicts.save()
    return scratch.events


def _received(data: bytes) -> Any:
    """The document _ValidatorChild.send() wrote: a JSON text read again by the C decoder, its
    positions found only if the validator reports something; else unpickled. (The parent's
    strict parser read the same text without error, and what it accepts the C decoder reads
    alike, so the data is the same.)"""
    if data[:1] == b"P":
        return pickle.loads(data[1:])
    import json

    from generator.load.document import LazyJsonDocument

    file, _, raw = data[1:].partition(b"\0")
    text = raw.decode("utf-8", "surrogatepass")
    return LazyJsonDocument(
        file=file.decode("utf-8", "surrogateescape"), data=json.loads(text), text=text
    )


def _child_main(doc_read: int, events_write: int, pieces: Path | None) -> NoReturn:
    status = 0
    payload = b""
    try:
        gc.disable()  # a short-lived process: reference counting frees what it allocates
        # Import while the parent is still loading the document.
        import openapi_spec_validator  # noqa: F401

        with os.fdopen(doc_read, "rb") as src:
            data = src.read()
        if data:  # nothing sent: the document turned out not to need this validator
            payload = pickle.dumps(_validate(_received(data), pieces))
    except BaseException:
        payload, status = pickle.dumps(None), 1
    try:
        with os.fdopen(events_write, "wb") as out:
            out.write(payload)
    finally:
        os._exit(status)
