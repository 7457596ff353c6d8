"""The front half of the pipeline: file -> Document -> IR -> validated IR.

The CLI, tests and the render stage all enter here so every path runs the same checks.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from generator.diagnostics import Diagnostics
from generator.frontends import build_ir
from generator.ir import Service
from generator.load import Document, detect_format, load_document
from generator.validate import validate_document, validate_service


@dataclass
class Loaded:
    document: Document | None
    service: Service | None
    diagnostics: Diagnostics

    @property
    def ok(self) -> bool:
        return self.service is not None and not self.diagnostics.has_errors


def load_spec(path: str | os.PathLike[str], timings: dict[str, float] | None = None) -> Loaded:
    """`timings`, when given, receives the seconds spent loading and validating (for
    `--verbose`); the front-end's translation counts as validation, since it reports too."""
    diags = Diagnostics()
    start = time.perf_counter()
    doc = load_document(path, diags)
    loaded = time.perf_counter()
    if timings is not None:
        timings["load"] = timings.get("load", 0.0) + loaded - start
    if doc is None:
        return Loaded(None, None, diags)
    if detect_format(doc.data) in ("openapi", "swagger"):
        from generator.frontends.openapi.refs import bundle

        doc = bundle(doc, diags)  # nodes of other local files, pulled in where refs name them
    validate_document(doc, diags)
    service = build_ir(doc, diags)
    if service is not None:
        validate_service(service, diags)
    if timings is not None:
        timings["validate"] = timings.get("validate", 0.0) + time.perf_counter() - loaded
    return Loaded(doc, service, diags)
