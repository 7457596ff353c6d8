"""Stage 3: validation. Schema checks for OpenAPI documents plus semantic rules on the IR.

Both produce Events; nothing here raises for a bad spec.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.ir import Service
from generator.load import Document, detect_format
from generator.validate.rules import check_service
from generator.validate.smithy_traits import check_smithy_traits


def validate_document(doc: Document, diags: Diagnostics) -> None:
    """Checks on the document as written (before the front-end), located on the value."""
    fmt = detect_format(doc.data)
    if fmt in ("openapi", "swagger"):
        # Imported here: jsonschema and the validator take a quarter of a second to import,
        # and `apismith generate` runs them in a child process (generator/render/produce.py).
        from generator.validate.openapi_schema import check_openapi_document, check_openapi_patterns

        check_openapi_document(doc, diags)
        check_openapi_patterns(doc, diags)
    elif fmt == "smithy":
        check_smithy_traits(doc, diags)


def validate_service(service: Service, diags: Diagnostics) -> None:
    check_service(service, diags)


__all__ = ["validate_document", "validate_service"]
