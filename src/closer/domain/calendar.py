"""What belongs in a person's calendar: plans, returns from time-outs, and
the days a contact rhythm comes round. Pure data; the ICS file is written in
``closer.adapters.calendar_ics``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from closer.domain.commitments import Commitment, Status
from closer.domain.local_time import local
from closer.domain.people import Person
from closer.domain.timeouts import TimeOut


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One all-day entry."""

    uid: str
    day: date
    summary: str
    description: str = ""


def calendar_items(
    commitments: list[Commitment],
    timeouts: list[TimeOut],
    people: list[Person],
    last_in_touch: dict[int, datetime],
    zone: tzinfo = UTC,
) -> list[CalendarItem]:
    """Planned commitments, time-out return days, and rhythm days, by date."""
    items = [
        CalendarItem(
            f"commitment-{c.id}@closer",
            c.due_on,
            f"{c.text} ({c.person_name})" if c.person_name else c.text,
        )
        for c in commitments
        if c.status is Status.PLANNED
    ]
    items += [
        CalendarItem(
            f"timeout-{t.id}@closer",
            t.returns_on,
            f"Back in touch with {t.person_name or 'everyone'}",
            "The end of a time-out you chose; Closer has questions for it.",
        )
        for t in timeouts
        if t.returned_on is None
    ]
    for person in people:
        last = last_in_touch.get(person.id or -1)
        if person.rhythm_days is None or last is None:
            continue
        due = local(last + timedelta(days=person.rhythm_days), zone).date()
        items.append(
            CalendarItem(
                f"rhythm-{person.id}@closer",
                due,
                f"Maybe get in touch with {person.name}",
                f"You wanted to be in touch about every {person.rhythm_days} days.",
            )
        )
    return sorted(items, key=lambda i: (i.day, i.uid))
