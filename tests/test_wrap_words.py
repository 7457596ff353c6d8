"""`environment.wrap_words` makes exactly the lines `textwrap.wrap` makes with the options the
docstring filter uses: on every line of text in the official models, and on generated text
built to hit textwrap's edge cases (leading, trailing and repeated spaces, tabs, words longer
than the line, widths at word boundaries)."""

from __future__ import annotations

import json
import random
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from generator.render.environment import wrap_words
from support import REFERENCE


def _reference(text: str, width: int, lead: str) -> list[str]:
    return textwrap.wrap(
        text, width=width, subsequent_indent=lead, break_long_words=False, break_on_hyphens=False
    )


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_the_same_lines_as_textwrap_on_every_line_of_the_official_models() -> None:
    models = sorted(REFERENCE.glob("*.json")) + sorted((REFERENCE / "smithy").glob("*.json"))
    if not models:
        pytest.skip(f"reference models not found at {REFERENCE}")
    lines = {
        raw
        for path in models
        for text in _strings(json.loads(path.read_text(encoding="utf-8")))
        for raw in text.split("\n")
    }
    assert len(lines) > 1000
    for raw in sorted(lines):
        for width, lead in ((86, ""), (82, "  "), (40, "  ")):
            assert wrap_words(raw, width, lead) == _reference(raw, width, lead), (raw, width)


def test_the_same_lines_as_textwrap_on_its_edge_cases() -> None:
    rng = random.Random(20261205)
    pieces = ["a", "bb", "word", "x" * 45, "y" * 90, " ", "  ", "   ", "\t", "- ", "é", "\x0b"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        width = rng.randint(40, 100)
        lead = rng.choice(["", "  "])
        assert wrap_words(text, width, lead) == _reference(text, width, lead), (text, width)
