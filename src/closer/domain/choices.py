"""Reading one of a fixed set of words (an enum) from what a person typed."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from closer.domain.errors import InvalidInput

E = TypeVar("E", bound=StrEnum)


def one_of(kind: type[E], value: str, field: str) -> E:
    """The member of ``kind`` named by ``value`` (any case, spaces trimmed),
    or an error naming the field and every allowed word."""
    try:
        return kind(value.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        label = field.replace("_", " ").capitalize()
        raise InvalidInput(
            f"{label} must be one of {allowed}; got {value!r}.", field=field
        ) from None
