"""Calendar items as an iCalendar file (RFC 5545), with the icalendar package."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from closer import __version__
from closer.domain.calendar import CalendarItem

PRODID = f"-//Closer//Closer {__version__}//EN"


def to_ics(items: list[CalendarItem], *, name: str = "Closer") -> bytes:
    """A VCALENDAR with one all-day VEVENT per item (stable UIDs)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
