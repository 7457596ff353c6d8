"""openapi-spec-validator's visit registries, with constant-time membership.

Its schema walk (`SchemaValidator`) remembers the schemas it has visited and meta-checked in
two lists, and asks `id in list` at every schema: quadratic in the number of schemas. On
GitHub's REST API document (5.7 MB, tens of thousands of schemas) that was 12 of the 23 seconds
`apismith validate` took. The lists are replaced by lists that also keep a set of what they
hold: the same contents, the same answers, each in constant time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_DONE: list[bool] = []


class IdRegistry(list[int]):
    """A list of ids whose `in` is a set lookup (only `append` and `extend` add)."""

    def __init__(self, items: Iterable[int] = ()) -> None:
        super().__init__(items)
        self._members = set(self)

    def __contains__(self, item: object) -> bool:
        return item in self._members

    def append(self, item: int) -> None:
        super().append(item)
        self._members.add(item)

    def extend(self, items: Iterable[int]) -> None:
        items = list(items)
        super().extend(items)
        self._members.update(items)


def speed_up_visit_registries() -> None:
    """Install the registries once per process; a validator without the lists is left as it is."""
    if _DONE:
        return
    _DONE.append(True)
    try:
        from openapi_spec_validator.validation.keywords import SchemaValidator
    except ImportError:
        return
    original = SchemaValidator.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        for name in ("visited_schema_ids", "meta_checked_schema_ids"):
            value = getattr(self, name, None)
            if type(value) is list:
                setattr(self, name, IdRegistry(value))

    __init__.__wrapped__ = original  # type: ignore[attr-defined]
    SchemaValidator.__init__ = __init__  # type: ignore[method-assign]
