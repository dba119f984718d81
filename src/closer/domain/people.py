"""People: who matters to the person, and how close they feel."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from closer.domain.choices import one_of
from closer.domain.errors import InvalidInput
from closer.domain.scales import check_scale

MAX_NAME = 100
MAX_NOTES = 5_000


class Relationship(StrEnum):
    """What someone is to the person."""

    PARTNER = "partner"
    FRIEND = "friend"
    FAMILY = "family"
    COLLEAGUE = "colleague"
    OTHER = "other"


def parse_relationship(value: str) -> Relationship:
    """The relationship named by ``value``, or a clear error."""
    return one_of(Relationship, value, "relationship")


def clean_name(name: str) -> str:
    """A person's name, trimmed, not empty, not too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput("A person needs a name.", field="name")
    if len(cleaned) > MAX_NAME:
        raise InvalidInput(
            f"A name can be at most {MAX_NAME} characters.", field="name"
        )
    return cleaned


@dataclass(frozen=True, slots=True)
class Person:
    """Someone in the person's life."""

    name: str
    relationship: Relationship = Relationship.OTHER
    closeness_now: int | None = None
    closeness_wanted: int | None = None
    notes: str = ""
    id: int | None = None
    rhythm_days: int | None = None  # be in touch every N days (optional)

    @property
    def closeness_gap(self) -> int | None:
        """How much closer the person would like to be (negative: more distance)."""
        if self.closeness_now is None or self.closeness_wanted is None:
            return None
        return self.closeness_wanted - self.closeness_now


def new_person(
    name: str,
    relationship: str = "other",
    closeness_now: int | None = None,
    closeness_wanted: int | None = None,
    notes: str = "",
    id: int | None = None,
    rhythm_days: int | None = None,
) -> Person:
    """A validated Person (the rhythm, if any, every 1 to 365 days)."""
    if len(notes) > MAX_NOTES:
        raise InvalidInput(
            f"Notes can be at most {MAX_NOTES} characters.", field="notes"
        )
    return Person(
        name=clean_name(name),
        relationship=parse_relationship(relationship),
        closeness_now=check_scale(closeness_now, "closeness_now", 0, 10),
        closeness_wanted=check_scale(closeness_wanted, "closeness_wanted", 0, 10),
        notes=notes.strip(),
        id=id,
        rhythm_days=check_scale(rhythm_days, "rhythm_days", 1, 365),
    )


def close_matches(name: str, known: list[str]) -> list[str]:
    """Known names that look like a misspelling of ``name``."""
    import difflib  # noqa: PLC0415 - only when a name is not found (keeps start-up quick)

    by_lower = {k.lower(): k for k in known}
    found = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.6)
    return [by_lower[f] for f in found]
