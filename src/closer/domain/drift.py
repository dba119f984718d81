"""Drift: people past the contact rhythm you chose for them.

Only people with a rhythm, and with a last contact to measure from, can
drift; someone just added is not "late" for anything. The longest gap comes
first. Nothing here is a failure: it is a gentle list of who you might like
to hear from, with ways to act on it or to change the rhythm.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from itertools import pairwise

from closer.domain.local_time import local
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


@dataclass(frozen=True, slots=True)
class Rhythm:
    """How being in touch with one person goes: the days since, the usual gap
    between contacts, and the rhythm wanted (each may be unknown)."""

    days_since: int | None
    usual_gap: int | None
    rhythm_days: int | None

    @property
    def sentence(self) -> str:
        """The rhythm in words, without blame; empty when nothing is known."""
        said = []
        if self.days_since == 0:
            said.append("You were in touch today.")
        elif self.days_since is not None:
            said.append(f"{_days(self.days_since)} since you were last in touch.")
        if self.usual_gap is not None:
            said.append(f"Usually about {_days(self.usual_gap)} between contacts.")
        if self.rhythm_days is not None:
            said.append(f"You would like about every {_days(self.rhythm_days)}.")
        return " ".join(said)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def rhythm(
    person: Person, times: list[datetime], now: datetime, zone: tzinfo | None = UTC
) -> Rhythm:
    """``person``'s rhythm from the times they were in touch (any order): the
    usual gap is the median of the last ten gaps, once there are two; the
    days since count calendar days where the person is (``zone``), so a
    call late yesterday was yesterday."""
    ordered = sorted(times)[-11:]
    gaps = sorted((b - a).days for a, b in pairwise(ordered))
    usual = gaps[len(gaps) // 2] if len(gaps) >= 2 else None
    since = (
        (local(now, zone).date() - local(ordered[-1], zone).date()).days
        if ordered
        else None
    )
    return Rhythm(since, usual, person.rhythm_days)
