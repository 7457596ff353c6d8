"""`pattern` values (Smithy's pattern trait, OpenAPI's `pattern`) are ECMA-262 regular expressions.

Python's `re` is a different dialect: it refuses `\\p{Print}` (Unicode and POSIX classes), `[\\w-_]`
(a class escape as a range end, a literal `-` in ECMA) and the `\\uD83D\\uDE00` surrogate pairs
JavaScript uses for astral characters, all common in official AWS models. The `regex` package
understands those classes and ranges; the few remaining ECMA spellings are rewritten here first.
Generated clients do not enforce patterns, so a pattern no engine can read is a WARNING: it can
never make a spec unusable.
"""

from __future__ import annotations

import re
import warnings

_SURROGATE_PAIR = re.compile(r"\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})", re.IGNORECASE)
_BRACED = re.compile(r"\\u\{([0-9A-Fa-f]{1,6})\}")
_NAMED_BACKREF = re.compile(r"\\k<([A-Za-z_][A-Za-z0-9_]*)>")


def ecma_to_regex(pattern: str) -> str:
    """Rewrite the ECMA-262 spellings the `regex` package does not read into ones it does."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        char = pattern[i]
        if char == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            pair = _SURROGATE_PAIR.match(pattern, i)
            braced = _BRACED.match(pattern, i)
            backref = _NAMED_BACKREF.match(pattern, i)
            if pair:  # \uD83D\uDE00 -> \U0001F600
                hi, lo = int(pair.group(1), 16), int(pair.group(2), 16)
                out.append(f"\\U{0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00):08X}")
                i = pair.end()
            elif braced:  # \u{1F600} (the u flag) -> \U0001F600
                out.append(f"\\U{min(int(braced.group(1), 16), 0x10FFFF):08X}")
                i = braced.end()
            elif backref:  # \k<name> -> (?P=name)
                out.append(f"(?P={backref.group(1)})")
                i = backref.end()
            elif nxt == "c" and i + 2 < n and pattern[i + 2].isascii() and pattern[i + 2].isalpha():
                out.append(f"\\x{ord(pattern[i + 2]) % 32:02X}")  # \cJ: a control character
                i += 3
            else:
                out.append(pattern[i : i + 2])
                i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif pattern.startswith("[^]", i):  # any character, newlines included
            out.append("[\\s\\S]")
            i += 3
            continue
        elif pattern.startswith("[]", i):  # the empty class: matches nothing
            out.append("(?!)")
            i += 2
            continue
        elif char == "[":
            in_class = True
            if pattern.startswith("[^", i):
                out.append("[^")
                i += 2
                continue
        out.append(char)
        i += 1
    return "".join(out)


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` is not a valid ECMA-262 regular expression, or None when it is."""
    import regex  # here: a spec without patterns does not import it (a fiftieth of a second)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "possible nested set" and friends
            regex.compile(ecma_to_regex(pattern), regex.VERSION0)
    except regex.error as exc:
        return str(exc)
    except (OverflowError, RecursionError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None
