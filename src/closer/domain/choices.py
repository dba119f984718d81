"""Reading one of a fixed set of words (an enum) from what a person typed."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from closer.domain.errors import InvalidInput

E = TypeVar("E", bound=StrEnum)


def one_of(kind: type[E], value: str, field: str, label: str | None = None) -> E:
    """The member of ``kind`` named by ``value`` (any case, spaces trimmed,
    "social media" for "social-media"), or an error naming the field (by
    ``label`` when given) and every allowed word."""
    word = value.strip().lower()
    for said in (word, "-".join(word.split())):
        try:
            return kind(said)
        except ValueError:
            continue
    allowed = ", ".join(member.value for member in kind)
    named = label or field.replace("_", " ").capitalize()
    raise InvalidInput(f"{named} must be one of {allowed}; got {value!r}.", field=field)
