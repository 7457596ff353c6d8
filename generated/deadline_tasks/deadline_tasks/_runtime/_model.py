"""Building blocks of generated models: open enums, the explicit-null marker, response metadata."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Self


class Null:
    """The JSON ``null`` of a field the spec marks nullable (distinct from ``None`` = absent)."""

    __slots__ = ()
    _instance: Null | None = None

    def __new__(cls) -> Self:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance  # type: ignore[return-value]  # one instance, like None

    def __repr__(self) -> str:
        return "NULL"

    def __bool__(self) -> bool:
        return False


NULL: Final = Null()


class OpenStrEnum(enum.StrEnum):
    """A string enum that accepts values it does not list (newer service versions add some).

    An unknown value becomes a pseudo-member whose ``value`` is the wire string, so it survives
    ``from_dict``/``to_dict`` unchanged; ``is_known`` tells the two apart.
    """

    @classmethod
    def _missing_(cls, value: object) -> OpenStrEnum | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        return self._name_ in type(self).__members__

    def __str__(self) -> str:
        return str(self.value)


class OpenEnum(enum.Enum):
    """An enum of mixed scalar values (OpenAPI `enum: [1, "a", 2.5]`), open like
    :class:`OpenStrEnum`: an unknown value becomes a pseudo-member holding it."""

    @classmethod
    def _missing_(cls, value: object) -> OpenEnum | None:
        if not isinstance(value, (str, int, float)):
            return None
        member = object.__new__(cls)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        return self._name_ in type(self).__members__


@dataclass(frozen=True, slots=True)
class UnknownVariant:
    """A value of a oneOf/anyOf that matches none of the variants this client knows (a newer
    service's): kept as received, and sent back unchanged."""

    raw: Any

    def to_wire(self) -> Any:
        return self.raw

    def to_dict(self) -> Any:
        return self.raw


class OpenIntEnum(int, enum.Enum):
    """The integer twin of :class:`OpenStrEnum`."""

    @classmethod
    def _missing_(cls, value: object) -> OpenIntEnum | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        return self._name_ in type(self).__members__


@dataclass(frozen=True, slots=True)
class ResponseMetadata:
    """What the HTTP response said besides its body."""

    status_code: int
    headers: Mapping[str, str] = field(default_factory=dict)
    request_id: str = ""

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.headers.items():
            if key.lower() == lowered:
                return value
        return None

    @property
    def etag(self) -> str | None:
        return self.header("etag")

    @property
    def last_modified(self) -> str | None:
        return self.header("last-modified")

    @property
    def client_request_id(self) -> str | None:
        return self.header("client-request-id")

    def to_dict(self) -> dict[str, Any]:
        return {
            "status_code": self.status_code,
            "headers": dict(self.headers),
            "request_id": self.request_id,
        }
