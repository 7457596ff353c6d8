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


def test_visit_registries_answer_as_the_lists_they_replace() -> None:
    import random

    from generator.validate.visited import IdRegistry

    rng = random.Random(5)
    plain: list[int] = []
    fast = IdRegistry()
    for _ in range(2000):
        item = rng.randrange(300)
        assert (item in fast) == (item in plain)
        if rng.random() < 0.5:
            fast.append(item)
            plain.append(item)
        else:
            fast.extend([item, item + 1])
            plain.extend([item, item + 1])
    assert fast == plain and isinstance(fast, list)
    assert "x" not in fast and 10_000 not in fast


def test_the_schema_walk_keeps_its_visits_in_the_registries_and_reports_the_same() -> None:
    from openapi_spec_validator import OpenAPIV30SpecValidator
    from openapi_spec_validator.validation.keywords import SchemaValidator

    from generator.validate.visited import IdRegistry, speed_up_visit_registries

    doc = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "A": {"type": "object", "properties": {"b": {"type": "integer", "default": "x"}}},
                "B": {"allOf": [{"$ref": "#/components/schemas/A"}, {"type": "object"}]},
            }
        },
    }

    def messages() -> list[str]:
        return sorted(str(e.message) for e in OpenAPIV30SpecValidator(doc).iter_errors())

    original = SchemaValidator.__init__
    before = messages() if not hasattr(original, "__wrapped__") else None
    speed_up_visit_registries()
    walker = OpenAPIV30SpecValidator(doc).keyword_validators_registry["schema"]
    assert isinstance(walker.visited_schema_ids, IdRegistry)
    assert isinstance(walker.meta_checked_schema_ids, IdRegistry)
    after = messages()
    assert after == ["'x' is not of type 'integer'"]  # found once, the schema visited once
    if before is not None:
        assert after == before
