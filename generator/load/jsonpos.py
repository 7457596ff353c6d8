"""A strict JSON parser (RFC 8259) that records the position of every node.

`.json` specs are parsed as JSON, not as YAML: YAML accepts what JSON refuses (a trailing comma
in a flow mapping, comments, bare words) and reads some JSON differently (`1e5` is a string to
YAML 1.1), so a broken or ambiguous JSON model would otherwise load without a word. Strings go
through the C `scanstring` of the standard library, so the official 800 kB Deadline model loads
in a fraction of the time libyaml takes.
"""

from __future__ import annotations

import bisect
import json.decoder
import re
from collections.abc import Callable
from json import JSONDecodeError
from typing import Any

Key = str | int
Path = tuple[Key, ...]

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
# The C string scanner (typeshed does not declare it): decodes escapes, refuses raw controls.
scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
# The common case in one match each, the slow path (with its located errors) for the rest: a key
# without escapes or control characters and the ':' after it, and the ',' between two entries.
# A '/' where they end may start a comment, which the slow path reports.
_PLAIN_KEY = re.compile(r'"([^"\\\x00-\x1f]*)"[ \t\n\r]*:[ \t\n\r]*')
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_LITERALS = (("true", True), ("false", False), ("null", None))


class JsonSyntaxError(Exception):
    """A located problem: `pos` is the offset in the text, `hint` says how to fix it."""

    def __init__(self, message: str, pos: int, hint: str, *, id: str = "Syntax") -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.hint = hint
        self.id = id


class JsonDuplicateKey:
    """A key given twice in one object (reported, not fatal: the later value wins)."""

    def __init__(self, key: str, pos: int) -> None:
        self.key = key
        self.pos = pos


class Offsets(dict[Path, Any]):
    """{path: (line, column)}, kept as the text's offsets and turned into lines and columns
    when asked for: a run asks for a few thousand of the tens of thousands a large document
    has, and converting each as it was parsed was a third of the parse."""

    def __init__(self, line_col: Callable[[int], tuple[int, int]]) -> None:
        super().__init__()
        self._line_col = line_col

    def get(self, key: Path, default: Any = None) -> Any:
        offset = dict.get(self, key)
        return default if offset is None else self._line_col(offset)

    def __getitem__(self, key: Path) -> tuple[int, int]:
        return self._line_col(dict.__getitem__(self, key))


class PositionedJson:
    def __init__(self, text: str, max_depth: int) -> None:
        self.text = text
        self.max_depth = max_depth
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        # What the parse records is an offset (see Offsets); reading gives (line, column).
        self.positions = Offsets(self.line_col)
        self.key_positions = Offsets(self.line_col)
        self.duplicates: list[JsonDuplicateKey] = []

    def line_col(self, pos: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        line = bisect.bisect_left(self._newlines, pos)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, pos - start + 1

    def parse(self) -> Any:
        pos = self._skip(0)
        if pos == len(self.text):
            raise JsonSyntaxError("the JSON document is empty", 0, "write a JSON object")
        value, pos = self._value(pos, ())
        pos = self._skip(pos)
        if pos != len(self.text):
            raise JsonSyntaxError(
                "unexpected text after the end of the JSON document",
                pos,
                "remove it, or wrap the values in one top-level object",
            )
        return value

    # -- scanning ----------------------------------------------------------------------------

    def _skip(self, pos: int) -> int:
        end = _WS.match(self.text, pos)
        assert end is not None  # the pattern matches the empty string
        pos = end.end()
        if self.text.startswith(("//", "/*"), pos):
            raise JsonSyntaxError(
                "comments are not allowed in JSON",
                pos,
                "remove the comment (or write the spec as YAML, which allows # comments)",
            )
        return pos

    def _value(self, pos: int, path: Path) -> tuple[Any, int]:
        if len(path) > self.max_depth:
            raise JsonSyntaxError(
                f"the document nests more than {self.max_depth} levels deep here",
                pos,
                "flatten the structure: name nested schemas and refer to them",
                id="NestingDepth",
            )
        self.positions[path] = pos
        text = self.text
        char = text[pos : pos + 1]
        if char == "{":
            return self._object(pos, path)
        if char == "[":
            return self._array(pos, path)
        if char == '"':
            return self._string(pos)
        number = _NUMBER.match(text, pos)
        if number is not None and number.end() > pos:
            token = number.group()
            if number.group(1) or number.group(2):
                return float(token), number.end()
            return int(token), number.end()
        for word, value in _LITERALS:
            if text.startswith(word, pos):
                return value, pos + len(word)
        wanted = "a value (an object, array, string, number, true, false or null)"
        raise self._unexpected(pos, wanted)

    def _string(self, pos: int) -> tuple[str, int]:
        try:
            return scanstring(self.text, pos + 1, True)
        except JSONDecodeError as exc:
            if exc.msg.startswith("Unterminated string"):
                raise JsonSyntaxError(
                    "this string is never closed (no matching '\"')",
                    pos,
                    'close the string with a double quote; write a quote inside it as \\"',
                ) from None
            if exc.msg.startswith("Invalid control character") and self.text[exc.pos] in "\r\n":
                raise JsonSyntaxError(
                    "this string is not closed before the end of its line",
                    pos,
                    "close the string with a double quote; write a line break inside it as \\n",
                ) from None
            if exc.msg.startswith("Invalid control character"):
                raise JsonSyntaxError(
                    "a control character (a raw newline or tab) inside a string",
                    exc.pos,
                    "write it as an escape: \\n, \\t, or \\u00XX",
                ) from None
            raise JsonSyntaxError(
                f"{exc.msg.lower()} in a string",
                exc.pos,
                'JSON escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX',
            ) from None

    def _object(self, start: int, path: Path) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        text = self.text
        pos = self._skip(start + 1)
        if text[pos : pos + 1] == "}":
            return out, pos + 1
        while True:
            key_pos = pos
            plain = _PLAIN_KEY.match(text, pos)
            if plain is not None and text[plain.end() : plain.end() + 1] != "/":
                key, pos = plain.group(1), plain.end()
            else:
                if text[pos : pos + 1] != '"':
                    raise self._unexpected(pos, "a key in double quotes", after_comma=out != {})
                key, pos = self._string(pos)
                pos = self._skip(pos)
                if text[pos : pos + 1] != ":":
                    raise self._unexpected(pos, f"':' after the key {key!r}")
                pos = self._skip(pos + 1)
            child = path + (key,)
            if key in out:
                self.duplicates.append(JsonDuplicateKey(key, key_pos))
            self.key_positions[child] = key_pos
            out[key], pos = self._value(pos, child)
            comma = _COMMA.match(text, pos)
            if comma is not None and text[comma.end() : comma.end() + 1] != "/":
                pos = comma.end()
                continue
            pos = self._skip(pos)
            char = text[pos : pos + 1]
            if char == "}":
                return out, pos + 1
            if char != ",":
                raise self._unexpected(pos, "',' or '}'", opened=start)
            pos = self._skip(pos + 1)

    def _array(self, start: int, path: Path) -> tuple[list[Any], int]:
        out: list[Any] = []
        text = self.text
        pos = self._skip(start + 1)
        if text[pos : pos + 1] == "]":
            return out, pos + 1
        while True:
            if text[pos : pos + 1] == "]":
                raise self._unexpected(pos, "a value", after_comma=True)
            value, pos = self._value(pos, path + (len(out),))
            out.append(value)
            comma = _COMMA.match(text, pos)
            if comma is not None and text[comma.end() : comma.end() + 1] != "/":
                pos = comma.end()
                continue
            pos = self._skip(pos)
            char = text[pos : pos + 1]
            if char == "]":
                return out, pos + 1
            if char != ",":
                raise self._unexpected(pos, "',' or ']'", opened=start)
            pos = self._skip(pos + 1)

    def _unexpected(
        self, pos: int, wanted: str, *, after_comma: bool = False, opened: int | None = None
    ) -> JsonSyntaxError:
        char = self.text[pos : pos + 1]
        if after_comma and char in ("}", "]"):
            comma = self.text.rfind(",", 0, pos)
            return JsonSyntaxError(
                f"trailing comma before '{char}'",
                comma,
                "remove the comma: JSON allows no comma after the last entry",
            )
        if not char:
            where = ""
            if opened is not None:
                line, col = self.line_col(opened)
                where = f" (the '{self.text[opened]}' at {line}:{col} is never closed)"
            return JsonSyntaxError(
                f"the file ends where {wanted} was expected{where}",
                opened if opened is not None else pos,
                "close every object and array; check for a missing '}' or ']'",
            )
        if char == "'":
            return JsonSyntaxError(
                f"expected {wanted}, found a single quote",
                pos,
                "JSON strings and keys use double quotes",
            )
        if text_word := re.match(r"NaN|-?Infinity", self.text[pos : pos + 9]):
            return JsonSyntaxError(
                f"{text_word.group()} is not a JSON value",
                pos,
                'write it as a string ("NaN", "Infinity") or use null',
            )
        shown = char if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
        return JsonSyntaxError(
            f"expected {wanted}, found {shown!r}",
            pos,
            "fix the JSON syntax here (a missing comma, quote, colon or bracket)",
        )
