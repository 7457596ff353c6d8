"""Request bodies that are not JSON: urlencoded forms and multipart/form-data (files).

A form body is an object's JSON form, written as `key=value` pairs (arrays repeat the key,
nested objects travel as JSON text). A multipart body is a list of parts: text fields, JSON
fields and files (bytes, or a :class:`File` naming the file and its media type).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from . import _wire

__all__ = [
    "File",
    "Part",
    "file_part",
    "form",
    "json_part",
    "multipart",
    "text_part",
    "wrong_body",
]


@dataclass(frozen=True, slots=True)
class File:
    """A file to upload in a multipart body: its content, and optionally its name and type."""

    content: bytes = field(repr=False)
    filename: str | None = None
    content_type: str | None = None


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    data: bytes
    filename: str | None = None
    content_type: str | None = None


def form(value: Any) -> bytes:
    """An object's JSON form as application/x-www-form-urlencoded."""
    if not isinstance(value, Mapping):
        raise TypeError(f"a form body must be an object, got {type(value).__name__}")
    pairs: list[str] = []
    for key, item in value.items():
        if item is None:
            continue
        items = item if isinstance(item, list) else [item]
        for one in items:
            pairs.append(_form_quote(str(key)) + "=" + _form_quote(_text(one)))
    return "&".join(pairs).encode("ascii")


def _form_quote(text: str) -> str:
    return quote(text, safe="-._~").replace("%20", "+")


def _text(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if isinstance(value, float):
        return _wire.number_text(value)
    return _wire.plain_text(value)


def text_part(name: str, value: str) -> Part:
    return Part(name, value.encode("utf-8"))


def json_part(name: str, value: Any) -> Part:
    data = json.dumps(value, ensure_ascii=False).encode("utf-8")
    return Part(name, data, content_type="application/json")


def file_part(name: str, value: bytes | File) -> Part:
    if isinstance(value, File):
        return Part(
            name,
            value.content,
            filename=value.filename or name,
            content_type=value.content_type or "application/octet-stream",
        )
    return Part(name, bytes(value), filename=name, content_type="application/octet-stream")


def free_parts(value: Any, media_type: str) -> list[Part]:
    """The parts of a multipart body whose schema declares no properties (a map, a free-form
    object): one per key, a list repeating it; bytes and File are files, objects JSON."""
    if not isinstance(value, Mapping):
        raise wrong_body(media_type, "an object", value)
    parts: list[Part] = []
    for key, item in value.items():
        for one in item if isinstance(item, list) else [item]:
            if one is not None:
                parts.append(any_part(str(key), one))
    return parts


def any_part(name: str, value: Any) -> Part:
    """A part whose schema says nothing (Discourse's upload `file: {}`), by what is sent:
    bytes and File are a file, objects JSON, anything else text."""
    if isinstance(value, (bytes, bytearray, File)):
        return file_part(name, value if isinstance(value, File) else bytes(value))
    if isinstance(value, (dict, list)):
        return json_part(name, value)
    return text_part(name, _text(value))


def multipart(parts: list[Part], boundary: str | None = None) -> tuple[bytes, str]:
    """The multipart/form-data body of `parts` and its Content-Type (with the boundary)."""
    boundary = boundary or uuid.uuid4().hex
    out = bytearray()
    for part in parts:
        out += f"--{boundary}\r\n".encode("ascii")
        disposition = f'form-data; name="{_header_quote(part.name)}"'
        if part.filename is not None:
            disposition += f'; filename="{_header_quote(part.filename)}"'
        out += f"Content-Disposition: {disposition}\r\n".encode()
        if part.content_type:
            out += f"Content-Type: {part.content_type}\r\n".encode()
        out += b"\r\n" + part.data + b"\r\n"
    out += f"--{boundary}--\r\n".encode("ascii")
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def _header_quote(text: str) -> str:
    # A quote or a line break would end the header's quoted string early.
    return text.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def wrong_body(media_type: str, expected: str, value: object) -> TypeError:
    """The error for a body that is not the type its chosen media type takes."""
    return TypeError(f"the {media_type} body must be {expected}, got {type(value).__name__}")
