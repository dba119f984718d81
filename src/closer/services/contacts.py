"""Staying in touch, as things to do: note a contact in one action."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo

from closer.domain.contacts import Contact, new_contact
from closer.domain.details import free_text
from closer.domain.drift import Drift, Rhythm, drifting, rhythm
from closer.domain.errors import NotFound
from closer.domain.local_time import local
from closer.domain.people import Person
from closer.domain.safety import Assessment
from closer.services.safety import check_saved_text
from closer.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class ContactSaved:
    """A saved contact and what the safety check made of its note."""

    contact: Contact
    assessment: Assessment


def log_contact(
    uow: UnitOfWork,
    person_id: int,
    *,
    how: str = "text",
    them: bool = False,
    note: str = "",
    when: datetime | None = None,
) -> ContactSaved:
    """I reached out to / heard from / met someone (now, unless said)."""
    contact = new_contact(
        person_id, when or datetime.now(UTC), how, them=them, note=note
    )
    with uow:
        saved = uow.contacts.add(contact)
        uow.commit()
    return ContactSaved(
        saved, check_saved_text(uow, free_text(saved), source="contact")
    )


def list_contacts(uow: UnitOfWork, person_id: int | None = None) -> list[Contact]:
    """Contacts, newest first (one person's, or everyone's)."""
    with uow:
        return uow.contacts.list(person_id)


def delete_contact(uow: UnitOfWork, contact_id: int) -> None:
    """Remove one (a mistake)."""
    with uow:
        if uow.contacts.get(contact_id) is None:
            raise NotFound(f"There is no contact with id {contact_id}.")
        uow.contacts.delete(contact_id)
        uow.commit()


def last_in_touch(uow: UnitOfWork) -> dict[int, datetime]:
    """For each person, when you were last in touch (contacts and approaches)."""
    with uow:
        return uow.contacts.last_in_touch()


def person_rhythm(
    uow: UnitOfWork,
    person: Person,
    now: datetime | None = None,
    zone: tzinfo | None = UTC,
) -> Rhythm:
    """Days since, the usual gap and the wanted rhythm, for one person (from
    noted contacts, and the latest moment of moving toward them)."""
    assert person.id is not None
    with uow:
        times = [c.at for c in uow.contacts.list(person.id)]
        last = uow.contacts.last_in_touch().get(person.id)
    if last is not None and last not in times:
        times.append(last)
    return rhythm(person, times, now or datetime.now(UTC), zone)


def drifting_people(uow: UnitOfWork, now: datetime | None = None) -> list[Drift]:
    """People past the rhythm you chose, the longest gap first."""
    with uow:
        people = uow.people.list()
        last = uow.contacts.last_in_touch()
    return drifting(people, last, now or datetime.now(UTC))


def drift_summary_today(
    uow: UnitOfWork, now: datetime | None = None, zone: tzinfo | None = UTC
) -> list[Drift]:
    """The people to mention on Today: only once a day (the person's day, in
    ``zone``), only if the summary is on, and only if someone is drifting.
    The caller marks the day once the summary is shown
    (``mark_drift_summary_shown``)."""
    moment = now or datetime.now(UTC)
    with uow:
        preferences = uow.preferences.get()
    shown_today = preferences.drift_summary_on == local(moment, zone).date()
    if not preferences.drift_summary or shown_today:
        return []
    return drifting_people(uow, moment)


def mark_drift_summary_shown(
    uow: UnitOfWork, now: datetime | None = None, zone: tzinfo | None = UTC
) -> None:
    """Today showed the summary: not again until tomorrow (in ``zone``)."""
    day = local(now or datetime.now(UTC), zone).date()
    with uow:
        preferences = uow.preferences.get()
        uow.preferences.save(replace(preferences, drift_summary_on=day))
        uow.commit()


def set_drift_summary(uow: UnitOfWork, on: bool) -> None:
    """Turn the daily summary on or off."""
    with uow:
        preferences = uow.preferences.get()
        uow.preferences.save(replace(preferences, drift_summary=on))
        uow.commit()
