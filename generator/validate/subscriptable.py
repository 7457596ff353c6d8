"""A faster, equivalent step for openapi-spec-validator's walk over the document.

Its keyword pass reads the document through pathable, which asks `isinstance(node,
Subscriptable)` at every step. `Subscriptable` is a runtime-checkable Protocol, and Python 3.11
recomputes a protocol's members on every such check: ~30 µs, a quarter of the keyword pass on
the full Azure Batch document (7,200 steps). The loaded document is made of dicts and lists,
which are Subscriptable (they have `__contains__`, `__getitem__` and `__len__`), so for those
the step answers without the check; any other node takes pathable's own step. The result, and
every exception, is the one pathable's step gives.
"""

from __future__ import annotations

from typing import Any

_DONE: list[bool] = []


def speed_up_subscriptable_steps() -> None:
    """Install the step once per process; a pathable without it is left as it is."""
    if _DONE:
        return
    _DONE.append(True)
    try:
        from pathable.accessors import SubscriptableAccessor
    except ImportError:
        return
    original = SubscriptableAccessor.__dict__.get("_get_subnode")
    if not isinstance(original, classmethod):
        return
    plain = original.__func__

    def _get_subnode(cls: Any, node: Any, part: Any) -> Any:
        kind = type(node)
        if kind is dict or kind is list:
            try:
                return node[part]
            except (KeyError, IndexError, TypeError) as exc:
                raise KeyError(part) from exc
        return plain(cls, node, part)

    _get_subnode.__wrapped__ = plain  # type: ignore[attr-defined]  # pathable's own step
    SubscriptableAccessor._get_subnode = classmethod(_get_subnode)  # type: ignore[assignment,method-assign]
