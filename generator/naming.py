"""Name transformations shared by validation (collision checks) and the render stage."""

from __future__ import annotations

import keyword
import re
import unicodedata
from functools import lru_cache

_NON_IDENT = re.compile(r"[^0-9A-Za-z]+")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# Romanisation of the two non-Latin alphabets most often seen in API names (after accents are
# stripped); other scripts spell code points (`u65e5`), which is stable and reversible.
_ROMAN = {
    **dict(
        zip(
            "абвгдезийклмнопрстуфхцчшщъыьэюяёєіїґ",
            [
                "a",
                "b",
                "v",
                "g",
                "d",
                "e",
                "z",
                "i",
                "y",
                "k",
                "l",
                "m",
                "n",
                "o",
                "p",
                "r",
                "s",
                "t",
                "u",
                "f",
                "kh",
                "ts",
                "ch",
                "sh",
                "shch",
                "",
                "y",
                "",
                "e",
                "yu",
                "ya",
                "yo",
                "ye",
                "i",
                "yi",
                "g",
            ],
        )
    ),
    "ж": "zh",
    **dict(
        zip(
            "αβγδεζηθικλμνξοπρσςτυφχψω",
            [
                "a",
                "b",
                "g",
                "d",
                "e",
                "z",
                "i",
                "th",
                "i",
                "k",
                "l",
                "m",
                "n",
                "x",
                "o",
                "p",
                "r",
                "s",
                "s",
                "t",
                "y",
                "f",
                "ch",
                "ps",
                "o",
            ],
        )
    ),
    "ß": "ss",
}


def ascii_fold(text: str) -> str:
    """Strip accents so `Größe` becomes `Grosse`-like ASCII; drop what cannot be folded."""
    text = text.replace("ß", "ss")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def transliterate(text: str) -> str:
    """ASCII for any text, deterministically: accents stripped (`Größe` -> `Grosse`), Greek and
    Cyrillic romanised (`Москва` -> `Moskva`), a lone letter named (`Ω` -> `Omega`), other
    letters and digits spelled as code points (`日本語` -> `u65e5_u672c_u8a9e`). Symbols and
    punctuation become separators, as `-` and spaces do.

    Generated names are ASCII so that no identifier can hide a homoglyph or a bidi control.
    """
    letters = [ch for ch in text if not ch.isascii() and unicodedata.category(ch)[0] in "LN"]
    if len(letters) == 1 and len(text) == 1 and not ascii_fold(text):
        base = unicodedata.normalize("NFKD", text)[:1]  # the micro sign is Greek mu
        name = unicodedata.name(base, "")
        word = re.search(r"(?:LETTER|SYLLABLE|DIGIT) ([A-Z]+)$", name)
        if word and name.split(" ")[0] in ("GREEK", "COPTIC", "HEBREW", "ARABIC"):
            spelled = word.group(1).lower()
            return spelled.capitalize() if unicodedata.category(base) == "Lu" else spelled
    out: list[str] = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        folded = ascii_fold(ch)
        if folded:
            out.append(folded)
            continue
        base = unicodedata.normalize("NFKD", ch)[:1]
        roman = _ROMAN.get(base.lower())
        if roman is not None:
            out.append(roman.capitalize() if base.isupper() and roman else roman)
        elif unicodedata.category(ch)[0] in "LN":
            out.append(f"_u{ord(ch):04x}_")
        else:
            out.append("_")  # a symbol, mark or control character: a word break
    return "".join(out)


_UPPER_RUN = re.compile("[A-Z]+")
_UNDERSCORES = re.compile(r"_+")
_NEGATIVE_NUMBER = re.compile(r"-[0-9]+(\.[0-9]+)?")


# Pure and called tens of thousands of times per package (every member, in views and templates).
@lru_cache(maxsize=1 << 16)
def snake_case(name: str) -> str:
    """`GetTask` -> `get_task`, `Task_AddCollection` -> `task_add_collection`,
    `$filter` -> `filter`, `client-request-id` -> `client_request_id`, `readIOps` -> `read_iops`,
    `readIOGiB` -> `read_io_gi_b`, `ETag` -> `etag`.

    Upper-case runs follow autorest's Python rule (so names match the published Azure SDKs):
    a run of two letters stays one word (`IO`, `ET`); in a longer run followed by lower case
    letters, the last capital starts the next word (`IOGiB` -> `io_gi_b`).
    """
    text = _NON_IDENT.sub("_", transliterate(name))

    def lower_run(m: re.Match[str]) -> str:
        run = m.group().lower()
        start, end = m.start(), m.end()
        prefix = "_" if start > 0 and text[start - 1] != "_" else ""
        if len(run) > 2 and len(text) - end > 1 and text[end].isalpha():
            return prefix + run[:-1] + "_" + run[-1]
        return prefix + run

    text = _UPPER_RUN.sub(lower_run, text)
    return _UNDERSCORES.sub("_", text).strip("_")


def symbol_words(text: str) -> str:
    """Words for a name made only of symbols: `.` -> `full_stop`, `$` -> `dollar_sign`, `-1`
    -> `minus_1`; "" for the empty name. Used when a name has no letters or digits to keep."""
    if _NEGATIVE_NUMBER.fullmatch(text):
        return "minus_" + text[1:].replace(".", "_")
    words = [unicodedata.name(ch, f"u{ord(ch):04x}") for ch in text[:8]]
    return snake_case(" ".join(words))


def member_base(name: str) -> str:
    """The snake_case base of a member's Python name (before keyword and collision handling)."""
    return snake_case(name) or symbol_words(name) or "member"


def enum_constant(name: str, value: object) -> str:
    """The CONSTANT_CASE base of an enum member's name: its own name, else words for its value
    (`.` -> FULL_STOP; -1 -> MINUS_1, apart from 1)."""
    plain = name == str(value)  # no x-ms-enum / Smithy member name of its own
    if plain and symbol_words(name).startswith("minus_"):
        return symbol_words(name).upper()
    return (
        constant_case(name)
        or constant_case(str(value))
        or symbol_words(str(value)).upper()
        or "VALUE"
    )


def pascal_case(name: str) -> str:
    parts = snake_case(name).split("_")
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


def constant_case(name: str) -> str:
    return snake_case(name).upper()


def safe_identifier(name: str, fallback: str = "value") -> str:
    """Make `name` a valid, non-keyword Python identifier (appending `_` like PEP 8 says)."""
    if not name:
        name = fallback
    if name[0].isdigit():
        name = "_" + name if fallback == "value" else f"{fallback}_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _RESERVED:
        name += "_"
    return name


# Names that would shadow builtins used by generated code, or collide with model methods.
_RESERVED = {"to_dict", "from_dict", "self", "cls", "None", "True", "False"}


# What every generated error already has: the base error's constructor arguments and
# attributes, its class variables, and Exception's own (`self.args = ...` would break it).
_ERROR_ATTRIBUTES = frozenset(
    {"message", "code", "status_code", "request_id", "headers", "body", "code_name"}
    | {"retryable", "http_status", "statuses", "args", "with_traceback", "add_note"}
)


def error_field_name(wire_name: str, name: str, is_string: bool) -> str | None:
    """The attribute of a modeled error field named `name`: None for a string `message` or
    `code`, which is the base error's own; `error_<name>` for any other that would collide
    with the base error (Ably's `statusCode` beside the HTTP `status_code`)."""
    if wire_name.lower() in ("message", "code") and is_string:
        return None
    if name in _ERROR_ATTRIBUTES or wire_name.lower() in ("message", "code"):
        return "error_" + name
    return name


_ASIDES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)


def title_words(title: str) -> str:
    """The words of an API title that name it: without parenthesised asides and URLs
    ("Mastodon API Specification (https://github.com/mastodon/mastodon)" names
    `MastodonAPISpecification`, not `...HttpsGithubComMastodonMastodon`). The whole title
    when nothing else is left."""
    return " ".join(_ASIDES.sub(" ", title).split()) or title
