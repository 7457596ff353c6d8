"""Test helpers: locate ../shared (the reference models) and build specs from text."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from generator.diagnostics import Event
from generator.pipeline import Loaded, load_spec

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    env = os.environ.get("APISMITH_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


REFERENCE = shared_dir() / "reference"
SEEDS = shared_dir() / "seeds"

needs_reference = pytest.mark.skipif(
    not REFERENCE.is_dir(), reason=f"reference models not found at {REFERENCE}"
)


def spec_from_text(tmp_path: Path, text: str, name: str = "spec.yaml") -> tuple[Loaded, str]:
    body = textwrap.dedent(text).lstrip("\n")
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return load_spec(path), body


def line_of(body: str, marker: str) -> int:
    """1-based number of the line holding `marker` (tests mark lines with `# <- NAME`)."""
    for number, line in enumerate(body.splitlines(), start=1):
        if marker in line:
            return number
    raise AssertionError(f"marker {marker!r} not in spec")


def col_of(body: str, marker: str, token: str) -> int:
    line = body.splitlines()[line_of(body, marker) - 1]
    return line.index(token) + 1


def find(events: list[Event], id: str) -> list[Event]:
    return [e for e in events if e.id == id]
