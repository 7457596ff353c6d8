"""Media types: how a request or response body travels, shared by the front-end and render."""

from __future__ import annotations

from generator.ir import Kind

# How a body is encoded: JSON text, a urlencoded form, multipart/form-data parts, plain text,
# raw bytes, or (a response whose type the document does not say) whatever arrives.
JSON, FORM, MULTIPART, TEXT, BINARY, AUTO = "json", "form", "multipart", "text", "binary", "auto"

_TEXT_KINDS = (Kind.STRING, Kind.ENUM)


def essence(media_type: str) -> str:
    """`application/json; charset=utf-8` -> `application/json`."""
    return media_type.split(";", 1)[0].strip().lower()


def is_json(media_type: str) -> bool:
    base = essence(media_type)
    return base in ("application/json", "text/json") or base.endswith(("+json", "/json"))


def is_xml(media_type: str) -> bool:
    return essence(media_type).endswith(("/xml", "+xml"))


# Bodies that arrive as a stream of messages: server-sent events, JSON lines.
_STREAMS = frozenset(
    {"text/event-stream", "application/x-ndjson", "application/jsonl", "application/x-jsonlines"}
)


def is_stream(media_type: str) -> bool:
    return essence(media_type) in _STREAMS


def is_text(media_type: str) -> bool:
    """Text by its type alone (`text/plain`, `text/csv`...), not a stream of events."""
    return essence(media_type).startswith("text/") and not is_stream(media_type)


def encoding(media_type: str, kind: Kind | None) -> str:
    """How a body of this media type and this shape kind is written and read.

    JSON media types (`+json` included) are JSON; forms and multipart are fields; `text/*` and
    string bodies of other types are text; binary strings, bodies without a schema and
    `application/octet-stream`-like types are bytes; anything else with a structured schema
    (`*/*`, vendor types) is read as JSON.
    """
    base = essence(media_type)
    if not base:
        return AUTO
    if is_json(base):
        return JSON
    if base == "application/x-www-form-urlencoded":
        return FORM
    if base.startswith("multipart/"):
        return MULTIPART
    if kind is Kind.BLOB or kind is None:
        return BINARY
    if base.startswith("text/") or kind in _TEXT_KINDS:
        return TEXT
    if base.endswith(("/xml", "+xml")) or base == "application/octet-stream":
        return BINARY
    return JSON


# What a form or multipart body can be: named fields, so an object (a model, a map, free-form,
# or a union of them). OpenAPI defines no encoding of a list or a scalar as fields.
_FIELD_KINDS = frozenset({Kind.STRUCTURE, Kind.MAP, Kind.DOCUMENT, Kind.UNION, Kind.ONE_OF})


def unencodable(media_type: str, kind: Kind | None) -> bool:
    """A form or multipart body whose schema is not an object (PeerTube's studio edit: an
    array under application/x-www-form-urlencoded): the client refuses to send it."""
    return encoding(media_type, kind) in (FORM, MULTIPART) and kind not in _FIELD_KINDS


# Media types whose content is bytes whatever the schema says: a `type: string` schema under
# one of them is the file's content (what OpenAPI 3.0 spells `format: binary` and 3.1 leaves
# to the media type), not text.
_BINARY_FAMILIES = ("image/", "audio/", "video/", "font/")
_BINARY_TYPES = frozenset(
    {
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-gzip",
        "application/x-tar",
        "application/x-7z-compressed",
        "application/vnd.ms-excel",
        "application/msword",
    }
)


def is_binary(media_type: str) -> bool:
    base = essence(media_type)
    return base in _BINARY_TYPES or base.startswith(_BINARY_FAMILIES)


def preference(media_type: str) -> int:
    """Order in which a client prefers media types it may choose from (JSON first)."""
    base = essence(media_type)
    if is_json(base):
        return 0
    if base.startswith("text/"):
        return 1
    return 2
