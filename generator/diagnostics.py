"""Validation events in the Smithy style: id, severity, location, message, hint.

Problems with a spec are values that flow out of every stage; nothing in the pipeline
raises for bad input. The CLI decides the exit code from the worst severity.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that `max()` over events gives the worst one."""

    NOTE = 0
    WARNING = 1
    DANGER = 2
    ERROR = 3


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int = 0  # 1-based; 0 means "the file as a whole"
    col: int = 0  # 1-based

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


NOWHERE = Location("<unknown>")


@dataclass(frozen=True)
class Event:
    id: str
    severity: Severity
    location: Location
    message: str
    hint: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "severity": self.severity.name,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.col,
            "message": self.message,
            "hint": self.hint,
        }

    def format(self) -> str:
        text = f"{self.location}: {self.severity.name} [{self.id}] {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


@dataclass
class Diagnostics:
    """An append-only collector passed through the stages."""

    events: list[Event] = field(default_factory=list)
    # Document checks and front-ends may both notice the same problem (a dangling $ref, say):
    # one event per rule id and location is enough.
    _seen: set[tuple[str, Location]] = field(default_factory=set, repr=False)

    def add(
        self, id: str, severity: Severity, location: Location, message: str, hint: str = ""
    ) -> None:
        key = (id, location)
        if key in self._seen and location.line:
            return
        self._seen.add(key)
        self.events.append(Event(id, severity, location, message, hint))

    def error(self, id: str, location: Location, message: str, hint: str = "") -> None:
        self.add(id, Severity.ERROR, location, message, hint)

    def warning(self, id: str, location: Location, message: str, hint: str = "") -> None:
        self.add(id, Severity.WARNING, location, message, hint)

    def note(self, id: str, location: Location, message: str, hint: str = "") -> None:
        self.add(id, Severity.NOTE, location, message, hint)

    def extend(self, events: Iterable[Event]) -> None:
        self.events.extend(events)

    @property
    def has_errors(self) -> bool:
        return any(e.severity is Severity.ERROR for e in self.events)

    def sorted(self) -> list[Event]:
        return sorted(self.events, key=lambda e: (e.location, -e.severity, e.id, e.message))


def render_text(events: Iterable[Event], min_severity: Severity = Severity.NOTE) -> str:
    return "\n".join(e.format() for e in events if e.severity >= min_severity)


def render_json(events: Iterable[Event]) -> str:
    return json.dumps([e.to_json() for e in events], indent=2, ensure_ascii=False)
