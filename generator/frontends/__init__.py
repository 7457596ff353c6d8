"""Stage 2: translate a loaded document into the IR. One module per spec format."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.ir import Service
from generator.load import Document, detect_format


def build_ir(doc: Document, diags: Diagnostics) -> Service | None:
    """Dispatch on the detected format; report an event (not an exception) when unknown."""
    fmt = detect_format(doc.data)
    if fmt == "smithy":
        from generator.frontends.smithy import SmithyFrontend

        return SmithyFrontend(doc, diags).build()
    if fmt in ("openapi", "swagger"):
        from generator.frontends.openapi import OpenApiFrontend

        return OpenApiFrontend(doc, diags).build()
    diags.error(
        "UnknownFormat",
        doc.loc(()),
        "cannot tell the spec format: the document has no top-level 'smithy', 'openapi' or "
        "'swagger' key",
        'start a Smithy-like spec with `smithy: "2.0"` or an OpenAPI spec with `openapi: 3.0.3`',
    )
    return None
