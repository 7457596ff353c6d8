"""Shared pieces of the extract stage: the error type and operation-name matching.

Both the Smithy and the OpenAPI extractors let users name operations the way they think of them
(``GetTask``, ``com.amazonaws.deadline#GetTask``, ``get_task``, ``Task_AddCollection``,
``task_add_collection``), so the matching rules live here, once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

JSON = dict[str, Any]

# Insert "_" at a lower/digit -> upper boundary: "GetTask" -> "Get_Task", "Task_AddCollection" ->
# "Task_Add_Collection". Runs of capitals stay together ("ListTasksABC" -> "list_tasks_abc").
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_REPEATED_UNDERSCORE = re.compile(r"_{2,}")


class ExtractError(Exception):
    """A user error in an extract request (unknown operation, unsupported document, ...)."""


class Candidate(NamedTuple):
    """An operation a user may select."""

    key: str  # what the extractor wants back: a shape id, an operationId
    display: str  # the name shown in messages: the short shape name, the operationId
    aliases: tuple[str, ...]  # spellings that match (snake_case and case folding are derived)


def snake_case(name: str) -> str:
    """The snake_case spelling used to match operation names ("Task_Add" -> "task_add")."""
    return _REPEATED_UNDERSCORE.sub("_", _CAMEL_BOUNDARY.sub("_", name).lower())


def _exact(name: str) -> str:
    return name


def _folded(name: str) -> str:
    return name.casefold()


# Tried in order; the first rule that matches exactly one candidate wins. Ambiguity is an error,
# not a guess: a wrong operation would silently produce a wrong client.
_RULES: tuple[Callable[[str], str], ...] = (_exact, _folded, snake_case)


def match_operations(requested: Sequence[str], available: Sequence[Candidate]) -> list[str]:
    """Map requested operation names to candidate keys, in request order, without duplicates."""
    if not requested:
        raise ExtractError("no operations selected: pass at least one operation name")
    chosen: list[str] = []
    for name in requested:
        key = _match_one(name, available)
        if key not in chosen:
            chosen.append(key)
    return chosen


def _match_one(name: str, available: Sequence[Candidate]) -> str:
    for rule in _RULES:
        wanted = rule(name)
        hits = sorted({c.key for c in available if any(rule(a) == wanted for a in c.aliases)})
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise ExtractError(
                f"operation name {name!r} is ambiguous: it matches {', '.join(hits)}"
            )
    raise ExtractError(_unknown_message(name, available))


def _unknown_message(name: str, available: Sequence[Candidate]) -> str:
    # Suggest against every spelling (aliases and their snake_case), but report the display name
    # the user would type next time.
    spellings: dict[str, str] = {}
    for candidate in available:
        for alias in candidate.aliases:
            spellings.setdefault(alias, candidate.display)
            spellings.setdefault(snake_case(alias), candidate.display)
    suggestions: list[str] = []
    for spelling in difflib.get_close_matches(name, sorted(spellings), n=5, cutoff=0.6):
        if spellings[spelling] not in suggestions:
            suggestions.append(spellings[spelling])
    message = f"unknown operation {name!r}"
    if suggestions:
        return f"{message}; did you mean: {', '.join(suggestions)}?"
    names = sorted({c.display for c in available})
    return f"{message}; available operations: {', '.join(names)}"
