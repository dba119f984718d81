"""Drift: people past the contact rhythm you chose for them.

Only people with a rhythm, and with a last contact to measure from, can
drift; someone just added is not "late" for anything. The longest gap comes
first. Nothing here is a failure: it is a gentle list of who you might like
to hear from, with ways to act on it or to change the rhythm.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from closer.domain.people import Person


@dataclass(frozen=True, slots=True)
class Drift:
    """Someone it has been a while with, by your own measure."""

    person: Person
    last_in_touch: datetime
    days_since: int
    rhythm_days: int

    @property
    def sentence(self) -> str:
        """The gap in words, without blame."""
        return (
            f"{self.days_since} days since you were last in touch with "
            f"{self.person.name}; you wanted about every {self.rhythm_days}."
        )


def drifting(
    people: list[Person], last_in_touch: dict[int, datetime], now: datetime
) -> list[Drift]:
    """People past their rhythm, the longest gap first."""
    found = []
    for person in people:
        last = last_in_touch.get(person.id or -1)
        if person.rhythm_days is None or last is None:
            continue
        days = (now - last).days
        if days > person.rhythm_days:
            found.append(Drift(person, last, days, person.rhythm_days))
    return sorted(found, key=lambda d: d.days_since, reverse=True)
