"""What goes in a person's calendar."""

from __future__ import annotations

from datetime import UTC

from closer.domain.calendar import CalendarItem, calendar_items
from closer.domain.local_time import chosen_zone
from closer.services.unit_of_work import UnitOfWork


def calendar_for(uow: UnitOfWork) -> list[CalendarItem]:
    """Planned commitments, time-out return days and rhythm days, the days
    those of the zone chosen in Settings (a calendar app that fetches the
    feed has no browser zone to offer; UTC until one is chosen)."""
    with uow:
        chosen = uow.preferences.get().time_zone
        return calendar_items(
            uow.commitments.list(),
            uow.timeouts.list(),
            uow.people.list(),
            uow.contacts.last_in_touch(),
            chosen_zone(chosen) or UTC,
        )
