"""Healthy time-outs as things to do: plan one, come back, look back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, tzinfo

from closer.domain.content import Library
from closer.domain.errors import NotFound
from closer.domain.local_time import local
from closer.domain.safety import Assessment
from closer.domain.timeouts import TimeOut, drafts, new_timeout
from closer.services.reflections import write_reflection
from closer.services.safety import check_saved_text
from closer.services.unit_of_work import UnitOfWork

QUESTIONS = "time-out-questions"  # the reflection asked on the way back


@dataclass(frozen=True, slots=True)
class TimeOutSaved:
    """A saved time-out and what the safety check made of its words."""

    timeout: TimeOut
    assessment: Assessment


def today(zone: tzinfo | None = UTC) -> date:
    """Today's date where the person is (``zone``; ``None``: this machine's)."""
    return local(datetime.now(UTC), zone).date()


def plan_timeout(
    uow: UnitOfWork,
    *,
    reason: str,
    returns_on: date,
    starts_on: date | None = None,
    message: str = "",
    person_id: int | None = None,
    zone: tzinfo | None = UTC,
) -> TimeOutSaved:
    """Plan a step back (from today unless said, today where the person is),
    save it, then check its words."""
    timeout = new_timeout(
        reason=reason,
        starts_on=starts_on or today(zone),
        returns_on=returns_on,
        message=message,
        created_at=datetime.now(UTC),
        person_id=person_id,
    )
    with uow:
        saved = uow.timeouts.add(timeout)
        uow.commit()
    return TimeOutSaved(saved, check_saved_text(uow, saved.texts(), source="timeout"))


def get_timeout(uow: UnitOfWork, timeout_id: int) -> TimeOut:
    """One time-out, or NotFound."""
    with uow:
        found = uow.timeouts.get(timeout_id)
    if found is None:
        raise NotFound(f"There is no time-out with id {timeout_id}.")
    return found


def list_timeouts(uow: UnitOfWork) -> list[TimeOut]:
    """Ongoing ones first, then the ones you came back from."""
    with uow:
        return uow.timeouts.list()


def message_drafts(
    uow: UnitOfWork, person_id: int | None, returns_on: date
) -> list[str]:
    """Drafts of what to tell them, with their name and your return day."""
    name = None
    if person_id is not None:
        with uow:
            person = uow.people.get(person_id)
        name = person.name if person else None
    return drafts(name, returns_on)


@dataclass(frozen=True, slots=True)
class Returned:
    """A time-out you came back from, and what the questions brought up."""

    timeout: TimeOut
    assessment: Assessment | None


def come_back(
    uow: UnitOfWork,
    library: Library,
    timeout_id: int,
    answers: Sequence[str] = (),
    on: date | None = None,
    zone: tzinfo | None = UTC,
) -> Returned:
    """Mark the return, keeping any answers to the time-out questions."""
    timeout = get_timeout(uow, timeout_id)
    written = None
    if any(a.strip() for a in answers):
        written = write_reflection(
            uow, library, QUESTIONS, answers, person_id=timeout.person_id
        )
    back = replace(
        timeout,
        returned_on=on or today(zone),
        reflection_id=written.entry.id if written else timeout.reflection_id,
    )
    with uow:
        saved = uow.timeouts.update(back)
        uow.commit()
    return Returned(saved, written.assessment if written else None)


def delete_timeout(uow: UnitOfWork, timeout_id: int) -> None:
    """Remove one."""
    with uow:
        uow.timeouts.delete(timeout_id)
        uow.commit()
