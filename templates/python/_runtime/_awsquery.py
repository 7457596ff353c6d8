"""Runtime part of aws.protocols#awsQuery and #ec2Query (see ``_protocol``).

Requests: the input's JSON form (what models' ``to_wire()`` give) flattened into
``application/x-www-form-urlencoded`` fields as botocore's QuerySerializer writes them
(``A.B``, ``List.member.1``, ``Map.entry.1.key``; ec2Query: ``List.1``, no empty lists).
Responses: XML read back into that JSON form (scalars as text, which the models' ``from_dict``
converts), so the models are the same as for the JSON protocols.

Both walk a table of the model's aggregate shapes, generated with the package:

- structure ``("S", ((json key, query key, XML name, target, flattened), ...))``
- list ``("L", item query name, item XML name, target)``
- map ``("M", key name, value name, value target)``

where ``target`` is the key of another entry, or ``""`` for a scalar.

XML is parsed with the standard library; documents with a DTD (``<!DOCTYPE``, ``<!ENTITY``)
are refused, so no entity is ever expanded.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any
from xml.etree import ElementTree

from ._http import HttpResponse, ResponseDecodeError
from ._model import ResponseMetadata
from ._protocol import ParsedError, reason, request_id
from ._wire import metadata

__all__ = [
    "REQUEST_ID_HEADERS",
    "XmlError",
    "error_code",
    "error_element",
    "error_request_id",
    "form_body",
    "parse_error",
    "read_result",
    "read_value",
    "response_metadata",
]

REQUEST_ID_HEADERS = ("x-amzn-RequestId",)

Shapes = Mapping[str, tuple[Any, ...]]

_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class XmlError(ResponseDecodeError):
    """A response body that is not XML the protocol can read."""


# --- requests ----------------------------------------------------------------------------------


def _quote(text: str) -> str:
    # As botocore's form bodies (urlencode: quote_plus): unreserved characters as they are,
    # spaces as "+", every other byte of the UTF-8 as %XX.
    return "".join(
        chr(b) if b in _SAFE else "+" if b == 0x20 else f"%{b:02X}" for b in text.encode("utf-8")
    )


def _text(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value if isinstance(value, str) else str(value)


def form_body(
    action: str, version: str, params: Mapping[str, Any], shape: str, shapes: Shapes, ec2: bool
) -> bytes:
    """The form body of a call: ``Action``, ``Version``, then the input's fields."""
    pairs = [("Action", action), ("Version", version)]
    if shape:
        _flatten(pairs, "", params, shape, False, shapes, ec2)
    return "&".join(_quote(k) + "=" + _quote(v) for k, v in pairs).encode("ascii")


def _flatten(
    out: list[tuple[str, str]],
    prefix: str,
    value: Any,
    shape: str,
    flat: bool,
    shapes: Shapes,
    ec2: bool,
) -> None:
    if value is None:
        return
    entry = shapes.get(shape) if shape else None
    if entry is None:
        out.append((prefix, _text(value)))
    elif entry[0] == "S":
        for wire, name, _, target, member_flat in entry[1]:
            item = value.get(wire)
            if item is not None:
                key = f"{prefix}.{name}" if prefix else name
                _flatten(out, key, item, target, member_flat, shapes, ec2)
    elif entry[0] == "L":
        if ec2:
            base = prefix  # ec2Query: always flat, and empty lists are not sent
        elif not value:
            out.append((prefix, ""))  # awsQuery sends an empty list as an empty value
            return
        elif flat:
            # A flattened list whose items are named replaces the member's own name (botocore).
            base = prefix.rpartition(".")[0] + "." + entry[1] if entry[1] else prefix
            base = base.lstrip(".")
        else:
            base = f"{prefix}.{entry[1] or 'member'}"
        for i, item in enumerate(value, 1):
            _flatten(out, f"{base}.{i}", item, entry[3], False, shapes, ec2)
    else:
        base = prefix if flat or ec2 else f"{prefix}.entry"
        for i, (key, item) in enumerate(value.items(), 1):
            out.append((f"{base}.{i}.{entry[1]}", key))
            _flatten(out, f"{base}.{i}.{entry[2]}", item, entry[3], False, shapes, ec2)


# --- responses ---------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def parse_xml(body: bytes, status: int = 0) -> ElementTree.Element:
    """The root element of an XML body (no DTD allowed: nothing is expanded)."""
    if _DTD.search(body):
        raise XmlError("XML with a document type definition is refused", status=status, body=body)
    try:
        return ElementTree.fromstring(body)
    except ElementTree.ParseError as err:
        raise XmlError(f"the response is not XML ({err})", status=status, body=body) from None


def _child(element: ElementTree.Element, name: str) -> ElementTree.Element | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def read_result(response: HttpResponse, action: str, shape: str, shapes: Shapes) -> Any:
    """The output's JSON form from ``<ActionResponse><ActionResult>...`` (ec2Query and
    botocore's tests: members right under the root when there is no result element)."""
    if not response.body.strip():
        return {}
    root = parse_xml(response.body, response.status)
    result = _child(root, action + "Result")
    return read_value(root if result is None else result, shape, shapes, False)


def read_value(element: ElementTree.Element, shape: str, shapes: Shapes, flat: bool) -> Any:
    """The JSON form of `element` read as `shape` (scalars stay text)."""
    entry = shapes.get(shape) if shape else None
    if entry is None:
        return element.text or ""
    if entry[0] == "S":
        return _read_structure(element, entry[1], shapes)
    if entry[0] == "L":
        name = entry[2]
        return [read_value(e, entry[3], shapes, False) for e in element if _local(e.tag) == name]
    return _read_entries(
        [e for e in element if _local(e.tag) == "entry"] if not flat else [element],
        entry,
        shapes,
    )


def _read_entries(
    entries: list[ElementTree.Element], entry: tuple[Any, ...], shapes: Shapes
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for element in entries:
        key = value = None
        for part in element:
            name = _local(part.tag)
            if name == entry[1]:
                key = part.text or ""
            elif name == entry[2]:
                value = part
        if key is not None and value is not None:
            out[key] = read_value(value, entry[3], shapes, False)
    return out


def _read_structure(
    element: ElementTree.Element, members: tuple[Any, ...], shapes: Shapes
) -> dict[str, Any]:
    groups: dict[str, list[ElementTree.Element]] = {}
    for child in element:
        groups.setdefault(_local(child.tag), []).append(child)
    out: dict[str, Any] = {}
    for wire, _, xml, target, flat in members:
        found = groups.get(xml)
        if not found and flat:
            # A flattened list whose items are named (`@xmlName` on the list's member).
            inner = shapes.get(target)
            if inner is not None and inner[0] == "L" and inner[1]:
                found = groups.get(inner[1])
        if not found:
            continue
        inner = shapes.get(target) if target else None
        if flat and inner is not None and inner[0] == "L":
            out[wire] = [read_value(e, inner[3], shapes, False) for e in found]
        elif flat and inner is not None and inner[0] == "M":
            out[wire] = _read_entries(found, inner, shapes)
        else:
            out[wire] = read_value(found[0], target, shapes, False)
    return out


def response_metadata(response: HttpResponse, ec2: bool) -> ResponseMetadata:
    """Status, headers and the request id of a success: the ``x-amzn-RequestId`` header, else
    the body's ``<ResponseMetadata><RequestId>`` (ec2Query: the root's ``<requestId>``), which
    is where botocore reads it."""
    found = metadata(response, *REQUEST_ID_HEADERS)
    body = response.body.strip()
    if found.request_id or not body.startswith(b"<"):
        return found
    try:
        root = parse_xml(body)
    except XmlError:
        return found
    if ec2:
        element = _child(root, "requestId")
    else:
        wrapper = _child(root, "ResponseMetadata")
        element = _child(wrapper, "RequestId") if wrapper is not None else None
    if element is None or not element.text:
        return found
    return dataclasses.replace(found, request_id=element.text)


# --- errors ------------------------------------------------------------------------------------


def error_element(response: HttpResponse) -> ElementTree.Element | None:
    """The ``<Error>`` of an error response (``<ErrorResponse><Error>``, or ec2Query's
    ``<Response><Errors><Error>``), None when the body is not such XML."""
    body = response.body.strip()
    if not body.startswith(b"<"):
        return None
    try:
        root = parse_xml(body)
    except XmlError:
        return None
    if _local(root.tag) == "Error":
        return root
    errors = _child(root, "Errors")
    return _child(errors if errors is not None else root, "Error")


def error_request_id(response: HttpResponse) -> str:
    """The request id of an error response: the ``x-amzn-RequestId`` header, else the body's
    ``RequestId`` (ec2Query: ``RequestID``), as botocore reads it."""
    found = request_id(response, REQUEST_ID_HEADERS)
    body = response.body.strip()
    if found or not body.startswith(b"<"):
        return found
    try:
        root = parse_xml(body)
    except XmlError:
        return ""
    element = _child(root, "RequestId")
    element = _child(root, "RequestID") if element is None else element
    return (element.text or "").strip() if element is not None else ""


def error_code(response: HttpResponse) -> str | None:
    """The ``<Code>`` of an error response, None when there is none."""
    error = error_element(response)
    code = _child(error, "Code") if error is not None else None
    return (code.text or "").strip() or None if code is not None else None


def parse_error(response: HttpResponse) -> ParsedError:
    """Code, message and the ``<Error>`` element's children as text (a modeled error's fields
    are read with its shape by the generated ``raise_error``)."""
    error = error_element(response)
    if error is None:
        # Not the service's XML (a proxy's page): the status and its reason, as botocore.
        text = response.text().strip() if response.body else ""
        message = text if text and not text.startswith("<") else reason(response.status)
        return ParsedError(str(response.status), message, {})
    fields = {_local(child.tag): child.text or "" for child in error}
    code = fields.get("Code", "").strip() or str(response.status)
    return ParsedError(code, fields.get("Message", fields.get("message", "")), fields)
