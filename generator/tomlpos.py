"""Where keys and tables stand in a TOML file, so config errors can point at file:line:col.

`tomllib` gives values without positions. This scanner reads the simple TOML that
`[tool.apismith]` sections are written in (tables, arrays of tables, `key = value` lines) and
records where each key and value starts; anything it does not follow (multi-line strings or
arrays, inline tables) falls back to the nearest enclosing key or table, never to a wrong line.
"""

from __future__ import annotations

import re

Key = tuple[str | int, ...]

_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_ARRAY_TABLE = re.compile(rf"^\s*\[\[\s*({_DOTTED})\s*\]\]")
_TABLE = re.compile(rf"^\s*\[\s*({_DOTTED})\s*\]")
_KEY_VALUE = re.compile(rf"^(\s*)({_DOTTED})\s*=\s*")
_PART = re.compile(_BARE_OR_QUOTED)


def _parts(dotted: str) -> tuple[str, ...]:
    out = []
    for match in _PART.finditer(dotted):
        text = match.group()
        out.append(text[1:-1] if text[:1] in "\"'" else text)
    return tuple(out)


def _open_string(value: str) -> str:
    """The multi-line string delimiter a value opens and does not close on its line."""
    stripped = value.strip()
    for quote in ('"""', "'''"):
        if stripped.startswith(quote) and stripped.count(quote) == 1:
            return quote
    return ""


def _depth(text: str) -> int:
    """Brackets opened minus closed, outside strings and comments."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', "", text).split("#", 1)[0]
    return text.count("[") - text.count("]") + text.count("{") - text.count("}")


class TomlPositions:
    def __init__(self, text: str) -> None:
        self.keys: dict[Key, tuple[int, int]] = {}
        self.values: dict[Key, tuple[int, int]] = {}
        counts: dict[tuple[str, ...], int] = {}
        table: Key = ()
        string, depth = "", 0
        for number, line in enumerate(text.splitlines(), start=1):
            # Lines inside a multi-line string or array belong to the key that opened them.
            if string:
                string = "" if string in line else string
                continue
            if depth > 0:
                depth = max(0, depth + _depth(line))
                continue
            if match := _ARRAY_TABLE.match(line):
                name = _parts(match.group(1))
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = (*name, index)
                self.keys[table] = (number, match.start(1) + 1)
                self.keys.setdefault(name, (number, match.start(1) + 1))
                continue
            if match := _TABLE.match(line):
                table = _parts(match.group(1))
                self.keys[table] = (number, match.start(1) + 1)
                continue
            if match := _KEY_VALUE.match(line):
                key = (*table, *_parts(match.group(2)))
                self.keys[key] = (number, len(match.group(1)) + 1)
                self.values[key] = (number, match.end() + 1)
                rest = line[match.end() :]
                string = _open_string(rest)
                depth = 0 if string else max(0, _depth(rest))

    def key(self, path: Key) -> tuple[int, int]:
        """Where the key (or table header) `path` is written, else its nearest enclosing one."""
        return self._nearest(self.keys, path)

    def value(self, path: Key) -> tuple[int, int]:
        """Where the value of `path` starts, else where its key or an enclosing one is."""
        if path in self.values:
            return self.values[path]
        return self.key(path)

    @staticmethod
    def _nearest(table: dict[Key, tuple[int, int]], path: Key) -> tuple[int, int]:
        for end in range(len(path), 0, -1):
            if path[:end] in table:
                return table[path[:end]]
        return (0, 0)
