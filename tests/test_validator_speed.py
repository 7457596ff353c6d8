"""The faster step installed into pathable (generator/validate/subscriptable.py) answers
exactly as pathable's own step does."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import pytest
from pathable.accessors import SubscriptableAccessor

from generator.validate.subscriptable import speed_up_subscriptable_steps


def _outcome(step: Any, node: Any, part: Any) -> tuple[str, Any]:
    try:
        return "value", step(SubscriptableAccessor, node, part)
    except KeyError as exc:
        return "KeyError", exc.args
    except Exception as exc:  # anything else must match too
        return type(exc).__name__, exc.args


@pytest.mark.parametrize(
    "node, part",
    [
        ({"a": 1}, "a"),
        ({"a": 1}, "b"),
        ({"a": {"b": 2}}, "a"),
        ([10, 20], 1),
        ([10, 20], 5),
        ([10, 20], "x"),
        ({(1, 2): 3}, [1]),  # unhashable key: TypeError, reported as KeyError
        ("text", 0),  # a string is not Subscriptable for pathable
        (5, "a"),
        (OrderedDict(a=1), "a"),  # not exactly a dict: pathable's own step answers
    ],
)
def test_same_answer_as_pathables_step(node: Any, part: Any) -> None:
    speed_up_subscriptable_steps()
    fast = SubscriptableAccessor.__dict__["_get_subnode"].__func__
    original = fast.__wrapped__  # pathable's own step, kept by the faster one
    assert original.__module__ == "pathable.accessors"
    assert _outcome(fast, node, part) == _outcome(original, node, part)


def test_installed_once() -> None:
    speed_up_subscriptable_steps()
    first = SubscriptableAccessor.__dict__["_get_subnode"]
    speed_up_subscriptable_steps()
    assert SubscriptableAccessor.__dict__["_get_subnode"] is first
