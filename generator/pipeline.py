"""The front half of the pipeline: file -> Document -> IR -> validated IR.

The CLI, tests and the render stage all enter here so every path runs the same checks.
"""

from __future__ import annotations

import os
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


def load_spec(path: str | os.PathLike[str]) -> Loaded:
    diags = Diagnostics()
    doc = load_document(path, diags)
    if doc is None:
        return Loaded(None, None, diags)
    if detect_format(doc.data) in ("openapi", "swagger"):
        from generator.frontends.openapi.refs import bundle

        doc = bundle(doc, diags)  # nodes of other local files, pulled in where refs name them
    validate_document(doc, diags)
    service = build_ir(doc, diags)
    if service is not None:
        validate_service(service, diags)
    return Loaded(doc, service, diags)
