"""The extract stage: cut a client-sized spec out of an official service model (data -> data).

``extract`` detects the document format and returns a new, smaller document in a format the
front-ends read: a Smithy 2.0 JSON AST for Smithy input, OpenAPI 3.0.3 for Swagger 2.0 (converted
first) and OpenAPI 3 input. ``dump_yaml`` writes the result as the committed ``specs/`` file.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from generator.frontends.openapi.swagger2 import SwaggerConversionError
from generator.frontends.openapi.swagger2 import convert_swagger2 as _convert_swagger2

from ._common import JSON, ExtractError, snake_case
from ._yaml import dump_yaml
from .openapi import select_openapi
from .smithy import DROPPED_SERVICE_TRAITS, extract_smithy

# Header comment text width (the "# " prefix brings it to the 100 columns of the YAML body).
_HEADER_WIDTH = 98

__all__ = [
    "DROPPED_SERVICE_TRAITS",
    "ExtractError",
    "convert_swagger2",
    "detect_format",
    "dump_yaml",
    "extract",
    "extract_smithy",
    "select_openapi",
    "snake_case",
    "spec_header",
]


def detect_format(data: JSON) -> str:
    """``"smithy"``, ``"swagger2"`` or ``"openapi3"``; ExtractError for anything else."""
    if "smithy" in data:
        return "smithy"
    if "swagger" in data:
        if str(data["swagger"]) != "2.0":
            raise ExtractError(f"unsupported Swagger version {data['swagger']!r} (only 2.0)")
        return "swagger2"
    if "openapi" in data:
        if not str(data["openapi"]).startswith("3."):
            raise ExtractError(f"unsupported OpenAPI version {data['openapi']!r} (only 3.x)")
        return "openapi3"
    raise ExtractError("unknown document format: expected a 'smithy', 'swagger' or 'openapi' key")


def convert_swagger2(data: JSON) -> JSON:
    """The OpenAPI 3.0.3 form of a Swagger 2.0 document (the front-end's normaliser)."""
    try:
        return _convert_swagger2(data)
    except SwaggerConversionError as err:
        raise ExtractError(str(err)) from err


def extract(data: JSON, operations: list[str]) -> JSON:
    """A new document holding only ``operations`` and everything they reference."""
    fmt = detect_format(data)
    if fmt == "smithy":
        return extract_smithy(data, operations)
    if fmt == "swagger2":
        return select_openapi(convert_swagger2(data), operations)
    return select_openapi(data, operations)


def spec_header(source: str, operations: Sequence[str], output: str, data: JSON) -> str:
    """The provenance comment for an extracted spec (pass it to ``dump_yaml``).

    ``source`` and ``output`` are written as given (paths relative to the repository root read
    best); ``data`` is the *source* document, used to describe what was converted.
    """
    fmt = detect_format(data)
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    if fmt == "smithy":
        dropped = sorted(
            trait
            for shape in data.get("shapes", {}).values()
            if shape.get("type") == "service"
            for trait in shape.get("traits", {})
            if trait in DROPPED_SERVICE_TRAITS
        )
        what = [
            f"Smithy 2.0 JSON AST (written as YAML) extracted from the official model {name}:",
            "the service shape, the selected operations and every shape they reach, verbatim.",
            "The service shape binds the operations directly (no resources).",
        ]
        if dropped:
            what.append(
                f"Service traits that do not affect a client dropped: {', '.join(dropped)}."
            )
    else:
        origin = (
            "Swagger 2.0 document converted to OpenAPI 3.0.3" if fmt == "swagger2" else "OpenAPI"
        )
        what = [
            f"OpenAPI 3 document extracted from {name} ({origin}):",
            "the selected operations and every component they reach.",
        ]
        if fmt == "swagger2":
            what.append("x-ms-examples dropped: they reference example files outside the document.")
    selection = f"Operations: {', '.join(operations)}."
    return "\n".join(
        [
            *textwrap.wrap(" ".join(what), width=_HEADER_WIDTH, break_on_hyphens=False),
            *textwrap.wrap(selection, width=_HEADER_WIDTH, subsequent_indent="  "),
            "Reproduce with:",
            f"  apismith extract {source} --operations {','.join(operations)} -o {output}",
            "Hand edits: none.",
        ]
    )
