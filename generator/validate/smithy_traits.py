"""Trait values of a Smithy model checked against the shapes they apply to, on the document.

These run on the document (not the IR) so each event points at the offending value itself:
`default` must match its target's type, `enumValue` must be a non-empty string (enum) or an
integer (intEnum), `length` and `range` need consistent bounds on shapes they apply to, and
`pattern` must be an ECMA-262 regular expression (a WARNING: clients do not enforce it).
Wrong JSON types inside `length`/`range` (a string where a number goes) are the front-end's
WrongType events and are not repeated here.
"""

from __future__ import annotations

import math
import re
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load import Document, Path
from generator.validate.patterns import pattern_problem

PRELUDE = "smithy.api#"

# Prelude shapes a model targets without defining them, by type.
_PRELUDE_TYPES = {
    "String": "string",
    "Blob": "blob",
    "BigInteger": "bigInteger",
    "BigDecimal": "bigDecimal",
    "Timestamp": "timestamp",
    "Document": "document",
    "Boolean": "boolean",
    "PrimitiveBoolean": "boolean",
    "Byte": "byte",
    "PrimitiveByte": "byte",
    "Short": "short",
    "PrimitiveShort": "short",
    "Integer": "integer",
    "PrimitiveInteger": "integer",
    "Long": "long",
    "PrimitiveLong": "long",
    "Float": "float",
    "PrimitiveFloat": "float",
    "Double": "double",
    "PrimitiveDouble": "double",
    "Unit": "structure",
}
_INT_BITS = {"byte": 8, "short": 16, "integer": 32, "long": 64, "intEnum": 32}
_INTEGERS = {"byte", "short", "integer", "long", "bigInteger", "intEnum"}
_NUMBERS = _INTEGERS | {"float", "double", "bigDecimal"}
_LENGTH_TYPES = {"string", "blob", "list", "set", "map"}
# Smithy timestamps in node values: epoch seconds, or an RFC 3339 date-time string.
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def check_smithy_traits(doc: Document, diags: Diagnostics) -> None:
    shapes = doc.data.get("shapes") if isinstance(doc.data, dict) else None
    if isinstance(shapes, dict):
        _Checker(doc, diags, shapes).run()


class _Checker:
    def __init__(self, doc: Document, diags: Diagnostics, shapes: dict[str, Any]) -> None:
        self.doc = doc
        self.diags = diags
        self.shapes = shapes

    def run(self) -> None:
        for shape_id, node in self.shapes.items():
            if not isinstance(node, dict) or not isinstance(node.get("type"), str):
                continue
            typ = node["type"]
            path: Path = ("shapes", shape_id)
            self._traits(node, path, typ, shape_id)
            members = node.get("members")
            if typ in ("enum", "intEnum") and isinstance(members, dict):
                for name, member in members.items():
                    self._enum_value(typ, str(name), member, path + ("members", name))
                continue
            if typ in ("list", "set", "map"):
                children = [(k, node.get(k)) for k in ("member", "key", "value") if k in node]
            elif isinstance(members, dict):
                children = list(members.items())
            else:
                children = []
            for name, member in children:
                mpath = path + (("members", name) if typ not in ("list", "set", "map") else (name,))
                if isinstance(member, dict) and isinstance(member.get("target"), str):
                    target = member["target"]
                    ttype = self._type_of(target)
                    if ttype is not None:
                        self._traits(member, mpath, ttype, target)

    # -- helpers -----------------------------------------------------------------------------

    def _type_of(self, shape_id: str) -> str | None:
        node = self.shapes.get(shape_id)
        if isinstance(node, dict):
            typ = node.get("type")
            return typ if isinstance(typ, str) else None
        if shape_id.startswith(PRELUDE):
            return _PRELUDE_TYPES.get(shape_id[len(PRELUDE) :])
        return None

    def _error(self, id: str, path: Path, message: str, hint: str, *, key: bool = False) -> None:
        self.diags.error(id, self.doc.loc(path, key=key), message, hint)

    def _traits(self, node: dict[str, Any], path: Path, typ: str, target: str) -> None:
        traits = node.get("traits")
        if not isinstance(traits, dict):
            return
        tpath = path + ("traits",)
        if PRELUDE + "default" in traits:
            self._default(traits[PRELUDE + "default"], tpath + (PRELUDE + "default",), typ, target)
        if PRELUDE + "length" in traits:
            self._length(traits[PRELUDE + "length"], tpath + (PRELUDE + "length",), typ)
        if PRELUDE + "range" in traits:
            self._range(traits[PRELUDE + "range"], tpath + (PRELUDE + "range",), typ)
        pattern = traits.get(PRELUDE + "pattern")
        if isinstance(pattern, str):
            problem = pattern_problem(pattern)
            if problem is not None:
                self.diags.warning(
                    "InvalidPattern",
                    self.doc.loc(tpath + (PRELUDE + "pattern",)),
                    f"pattern {pattern!r} is not a valid ECMA-262 regular expression: {problem}",
                    "fix the regular expression; generated clients do not enforce patterns, so "
                    "the client is generated anyway",
                )

    # -- default -----------------------------------------------------------------------------

    def _default(self, value: Any, path: Path, typ: str, target: str) -> None:
        if value is None:
            return  # `default: null` on a member removes the target's default
        problem = self._default_problem(value, typ, target)
        if problem is not None:
            what, hint = problem
            self._error(
                "InvalidDefault",
                path,
                f"default value {_show(value)} does not match {_article(typ)} ({target}): {what}",
                hint,
            )

    def _default_problem(self, value: Any, typ: str, target: str) -> tuple[str, str] | None:
        is_bool = isinstance(value, bool)
        is_int = isinstance(value, int) and not is_bool
        is_number = (is_int or isinstance(value, float)) and not is_bool
        if typ in ("string", "blob"):
            if not isinstance(value, str):
                return "expected a string", 'write the default as a string, e.g. default: ""'
        elif typ == "boolean":
            if not is_bool:
                return "expected true or false", "write default: false (or true)"
        elif typ in _INTEGERS:
            if not is_int:
                return "expected an integer", "write the default as a whole number, e.g. 0"
            bits = _INT_BITS.get(typ)
            if bits is not None and not -(1 << (bits - 1)) <= value < (1 << (bits - 1)):
                return f"out of range for a {bits}-bit {typ}", "use a value within the range"
            if typ == "intEnum":
                return self._enum_member(value, target)
        elif typ in ("float", "double", "bigDecimal"):
            special = typ != "bigDecimal" and value in ("NaN", "Infinity", "-Infinity")
            if not (is_number or special):
                return "expected a number", "write the default as a number, e.g. 0 or 1.5"
            if is_number and not math.isfinite(value):
                return "expected a finite number", "use a finite number"
        elif typ == "timestamp":
            ok = is_number or (isinstance(value, str) and _DATE_TIME.match(value))
            if not ok:
                return (
                    "expected epoch seconds or an RFC 3339 date-time string",
                    'write e.g. 0 or "1970-01-01T00:00:00Z"',
                )
        elif typ == "enum":
            if not isinstance(value, str):
                return "expected one of the enum's string values", "quote the enum value"
            return self._enum_member(value, target)
        elif typ in ("list", "set"):
            if value != [] or not isinstance(value, list):
                return "a list can only default to the empty list", "write default: []"
        elif typ == "map":
            if value != {} or not isinstance(value, dict):
                return "a map can only default to the empty map", "write default: {}"
        elif typ in ("structure", "union"):
            return (
                f"{typ}s cannot have a default value",
                "remove the default trait (make the member optional instead)",
            )
        return None

    def _enum_member(self, value: Any, target: str) -> tuple[str, str] | None:
        node = self.shapes.get(target)
        members = node.get("members") if isinstance(node, dict) else None
        if not isinstance(members, dict):
            return None
        values = []
        for name, member in members.items():
            traits = member.get("traits") if isinstance(member, dict) else None
            enum_value = traits.get(PRELUDE + "enumValue") if isinstance(traits, dict) else None
            values.append(enum_value if enum_value is not None else name)
        if value in values and type(value) in {type(v) for v in values if v == value}:
            return None
        shown = ", ".join(_show(v) for v in values[:8]) + (", ..." if len(values) > 8 else "")
        return f"not one of its values ({shown})", "use one of the enum's values"

    # -- enumValue ---------------------------------------------------------------------------

    def _enum_value(self, typ: str, name: str, member: Any, path: Path) -> None:
        traits = member.get("traits") if isinstance(member, dict) else None
        traits = traits if isinstance(traits, dict) else {}
        vpath = path + ("traits", PRELUDE + "enumValue")
        if PRELUDE + "enumValue" not in traits:
            if typ == "intEnum":
                self._error(
                    "InvalidEnumValue",
                    path,
                    f"intEnum member {name} has no enumValue",
                    f"give it an integer value: `{name}: {{target: smithy.api#Unit, traits: "
                    "{smithy.api#enumValue: 1}}`",
                    key=True,
                )
            return
        value = traits[PRELUDE + "enumValue"]
        if typ == "enum" and value == "":
            self._error(
                "InvalidEnumValue",
                vpath,
                f"enum member {name} has an empty enumValue",
                "give it a non-empty string value, or remove the trait to use the member name",
            )
        elif typ == "intEnum" and isinstance(value, int) and not isinstance(value, bool):
            if not -(1 << 31) <= value < (1 << 31):
                self._error(
                    "InvalidEnumValue",
                    vpath,
                    f"intEnum member {name} has the value {value}, outside the 32-bit range",
                    "intEnum values are 32-bit integers",
                )
        # A value of the wrong JSON type is the front-end's WrongType event.

    # -- length and range --------------------------------------------------------------------

    def _length(self, value: Any, path: Path, typ: str) -> None:
        if typ not in _LENGTH_TYPES:
            self._error(
                "InvalidLength",
                path,
                f"the length trait does not apply to {_article(typ)}",
                "length applies to strings, blobs, lists and maps; use range for numbers",
                key=True,
            )
            return
        self._bounds("length", value, path, integers=True)

    def _range(self, value: Any, path: Path, typ: str) -> None:
        if typ not in _NUMBERS:
            self._error(
                "InvalidRange",
                path,
                f"the range trait does not apply to {_article(typ)}",
                "range applies to numbers; use length for strings, blobs, lists and maps",
                key=True,
            )
            return
        self._bounds("range", value, path, integers=False)

    def _bounds(self, trait: str, value: Any, path: Path, *, integers: bool) -> None:
        rule = "InvalidLength" if trait == "length" else "InvalidRange"
        if not isinstance(value, dict):
            return  # the front-end's WrongType
        bounds: dict[str, float] = {}
        for key in ("min", "max"):
            bound = value.get(key)
            if not isinstance(bound, (int, float)) or isinstance(bound, bool):
                continue  # absent, or the front-end's WrongType
            if integers and (isinstance(bound, float) or bound < 0):
                self._error(
                    rule,
                    path + (key,),
                    f"length {key} must be a non-negative integer, got {_show(bound)}",
                    "lengths count characters, bytes or entries: use 0 or more",
                )
                continue
            if isinstance(bound, float) and not math.isfinite(bound):
                self._error(rule, path + (key,), f"range {key} must be finite", "use a number")
                continue
            bounds[key] = bound
        if "min" not in value and "max" not in value:
            self._error(
                rule,
                path,
                f"the {trait} trait needs min, max or both",
                f"write e.g. `smithy.api#{trait}: {{min: 1}}`, or remove the trait",
                key=True,
            )
        elif "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
            self._error(
                rule,
                path + ("min",),
                f"{trait} min {_show(bounds['min'])} is greater than max {_show(bounds['max'])}, "
                "so no value can satisfy it",
                "swap the bounds, or correct one of them",
            )


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        text = repr(value)
        return text if len(text) <= 40 else text[:39] + "…"
    return str(value)


def _article(typ: str) -> str:
    return ("an " if typ[0] in "aeiou" else "a ") + typ
