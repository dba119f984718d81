"""People: who matters to the person, and how close they feel."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from closer.domain.choices import one_of
from closer.domain.details import checked_details, detail
from closer.domain.errors import InvalidInput

MAX_NAME = 100
MAX_NOTES = 5_000
MAX_NICKNAME = 100


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


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
_BIRTHDAY = re.compile(r"^(?:(?P<year>\d{4})|--)-?(?P<month>\d{2})-?(?P<day>\d{2})$")


@dataclass(frozen=True, slots=True)
class Birthday:
    """A day of the year someone was born on; the year is often not known."""

    month: int
    day: int
    year: int | None = None

    @property
    def iso(self) -> str:
        """``YYYY-MM-DD``, or ``--MM-DD`` without a year (as vCard writes it)."""
        start = f"{self.year:04d}" if self.year is not None else "-"
        return f"{start}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        said = f"{self.day} {MONTH_NAMES[self.month - 1]}"
        return f"{said} {self.year}" if self.year is not None else said

    def next_after(self, today: date) -> date:
        """The next birthday on or after ``today`` (29 February: 28th if no leap)."""
        for year in (today.year, today.year + 1):
            day = self.day
            if self.month == 2 and day == 29 and not _leap(year):
                day = 28
            when = date(year, self.month, day)
            if when >= today:
                return when
        raise AssertionError("unreachable: a birthday comes within a year")


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def parse_birthday(text: str) -> Birthday | None:
    """A birthday written ``YYYY-MM-DD``, ``--MM-DD`` (no year) or the same
    without dashes; empty text means none; anything else is a clear error."""
    cleaned = text.strip()
    if not cleaned:
        return None
    found = _BIRTHDAY.match(cleaned.split("T")[0])
    problem = InvalidInput(
        f"{cleaned!r} is not a birthday Closer can read. Write it as 1990-03-12, "
        "or as --03-12 when the year is not known.",
        field="birthday",
    )
    if found is None:
        raise problem
    year = int(found["year"]) if found["year"] else None
    month, day = int(found["month"]), int(found["day"])
    try:
        date(year if year is not None else 2000, month, day)  # 2000: a leap year
    except ValueError:
        raise problem from None
    if year is not None and not 1900 <= year <= 2100:
        raise problem
    return Birthday(month, day, year)


@dataclass(frozen=True, slots=True)
class ClosenessReading:
    """How close someone felt, and how close the person wanted them, at a time.

    One is kept whenever either number changes, so the person page can show
    the distance over time, not only today's.
    """

    at: datetime
    now: int | None
    wanted: int | None
    person_name: str | None = None  # in Records, which name people

    @property
    def gap(self) -> int | None:
        """How much closer the person wanted to be at that time."""
        if self.now is None or self.wanted is None:
            return None
        return self.wanted - self.now


def _clean_notes(notes: str, _library: object) -> str:
    if len(notes) > MAX_NOTES:
        raise InvalidInput(
            f"Notes can be at most {MAX_NOTES} characters.", field="notes"
        )
    return notes.strip()


def _clean_nickname(nickname: str, _library: object) -> str:
    nickname = " ".join(nickname.split())
    if len(nickname) > MAX_NICKNAME:
        raise InvalidInput(
            f"A nickname can be at most {MAX_NICKNAME} characters.", field="nickname"
        )
    return nickname


@dataclass(frozen=True, slots=True)
class Person:
    """Someone in the person's life. The fields with ``detail(...)`` are
    carried by every format the same way (``closer.domain.details``)."""

    name: str
    relationship: Relationship = field(
        default=Relationship.OTHER, metadata=detail("Relationship")
    )
    closeness_now: int | None = field(
        default=None, metadata=detail("Close now", scale=(0, 10))
    )
    closeness_wanted: int | None = field(
        default=None, metadata=detail("Wanted", scale=(0, 10))
    )
    notes: str = field(
        default="", metadata=detail("Notes", free_text=True, check=_clean_notes)
    )
    id: int | None = None
    rhythm_days: int | None = field(
        default=None,
        metadata=detail("Every", scale=(1, 365), help="Be in touch every N days"),
    )
    nickname: str = field(
        default="", metadata=detail("Also called", check=_clean_nickname)
    )
    birthday: Birthday | None = None

    @property
    def closeness_gap(self) -> int | None:
        """How much closer the person would like to be (negative: more distance)."""
        if self.closeness_now is None or self.closeness_wanted is None:
            return None
        return self.closeness_wanted - self.closeness_now


def new_person(
    name: str,
    *,
    id: int | None = None,
    birthday: Birthday | None = None,
    **details: Any,
) -> Person:
    """A validated Person; ``details`` are its plain fields by name
    (relationship, closeness, notes, rhythm every 1 to 365 days, nickname),
    each coerced to its type and checked."""
    return Person(
        name=clean_name(name),
        id=id,
        birthday=birthday,
        **checked_details(Person, details),
    )


def close_matches(name: str, known: list[str]) -> list[str]:
    """Known names that look like a misspelling of ``name``."""
    import difflib  # noqa: PLC0415 - only when a name is not found (keeps start-up quick)

    by_lower = {k.lower(): k for k in known}
    found = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.6)
    return [by_lower[f] for f in found]
