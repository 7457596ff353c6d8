"""Spec documentation -> clean Markdown-flavoured text.

Smithy models carry HTML (`<p>`, `<code>`, `<a href>`, lists, `<note>`); OpenAPI descriptions are
Markdown already. Both end up as plain paragraphs with Markdown inline marks, ready to be escaped
into docstrings or written into Markdown pages.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

_BLOCK = {
    "p",
    "div",
    "ul",
    "ol",
    "note",
    "important",
    "br",
    "dl",
    "dt",
    "dd",
    "fullname",
    "h1",
    "h2",
    "h3",
    "h4",
    "pre",
}


class _ToMarkdown(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.href: list[str | None] = []
        self.lists: list[str] = []
        self.items = 0  # open <li> elements: their paragraphs stay on the item's line

    def _block(self, tag: str) -> bool:
        return tag in _BLOCK and not (self.items and tag == "p")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.items and tag == "p":
            self.out.append(" ")
        if self._block(tag):
            self.out.append("\n\n")
            if tag == "note":
                self.out.append("Note: ")
            elif tag == "important":
                self.out.append("Important: ")
        if tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            self.items += 1
            self.out.append("\n- ")
        elif tag in ("code", "tt"):
            self.out.append("`")
        elif tag in ("b", "strong"):
            self.out.append("**")
        elif tag in ("i", "em"):
            self.out.append("*")
        elif tag == "a":
            self.href.append(dict(attrs).get("href"))
            self.out.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag == "li" and self.items:
            self.items -= 1
        if self._block(tag):
            self.out.append("\n\n")
        elif tag in ("code", "tt"):
            self.out.append("`")
        elif tag in ("b", "strong"):
            self.out.append("**")
        elif tag in ("i", "em"):
            self.out.append("*")
        elif tag == "a":
            href = self.href.pop() if self.href else None
            if href:
                self.out.append(f"]({href})")
            else:
                # A link without a target (Smithy docs cross-references): plain text.
                start = len(self.out) - 1 - self.out[::-1].index("[")
                self.out[start] = ""

    def handle_data(self, data: str) -> None:
        if self.lists and not data.strip():
            data = " "  # indentation between items would split the list into paragraphs
        if self.items and self.out and self.out[-1] == "\n- ":
            data = data.lstrip()  # the item's text starts on its marker's line
        self.out.append(data)


_HTML_HINT = re.compile(r"<(p|code|a|ul|li|b|i|note|important|div|br)\b", re.I)


_EXAMPLES = re.compile(r"<examples>.*?(</examples>|$)", re.S | re.I)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BLANKS = re.compile(r"[ \t]+")
_SENTENCE = re.compile(r"(.+?[.!?])(\s|$)")


# Pure, and a large API repeats its descriptions (a parameter's, in every operation that
# takes it; a model's, in its class, its docs page and every field of that type).
@lru_cache(maxsize=1 << 14)
def doc_text(raw: str) -> str:
    """Docs as tidy text: paragraphs separated by blank lines, no HTML, no trailing spaces.

    Raw wire examples (`<examples>` blocks of old AWS models: whole HTTP requests with
    kilobyte-long tokens) are dropped: they read as noise once flattened into prose.
    """
    if not raw:
        return ""
    raw = _EXAMPLES.sub("", raw)
    if _HTML_HINT.search(raw):
        parser = _ToMarkdown()
        parser.feed(raw)
        parser.close()
        text = "".join(parser.out)
        text = text.replace("[]", "")
    else:
        text = html.unescape(raw) if "&" in raw and ";" in raw else raw
    paragraphs = []
    for para in _PARAGRAPH_BREAK.split(text):
        lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
        # Source line breaks inside a paragraph are not meaningful; list items are.
        joined = ""
        for ln in lines:
            if not joined:
                joined = ln
            elif ln.startswith("- "):
                joined += "\n" + ln
            else:
                joined += " " + ln
        # Inline runs of spaces from HTML indentation collapse; list items keep their line.
        joined = _BLANKS.sub(" ", joined)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def first_sentence(text: str) -> str:
    para = text.split("\n\n", 1)[0].replace("\n", " ")
    m = _SENTENCE.match(para)
    return (m.group(1) if m else para).strip()
