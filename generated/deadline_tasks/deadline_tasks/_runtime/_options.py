"""Per-call options of generated methods: the "not given" marker and their checks."""

from __future__ import annotations

import enum
from typing import Final

__all__ = ["UNSET", "Unset", "check_seconds"]


class Unset(enum.Enum):
    """The type of :data:`UNSET`: an option left out (None has a meaning: no limit)."""

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET


def check_seconds(name: str, value: float | None) -> float | None:
    """``value`` if it is None or a positive number of seconds, else a clear error."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"{name} must be a positive number of seconds or None, got {value!r}")
    return float(value)
