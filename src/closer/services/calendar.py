"""What goes in a person's calendar."""

from __future__ import annotations

from closer.domain.calendar import CalendarItem, calendar_items
from closer.services.unit_of_work import UnitOfWork


def calendar_for(uow: UnitOfWork) -> list[CalendarItem]:
    """Planned commitments, time-out return days and rhythm days."""
    with uow:
        return calendar_items(
            uow.commitments.list(),
            uow.timeouts.list(),
            uow.people.list(),
            uow.contacts.last_in_touch(),
        )
