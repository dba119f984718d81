"""People: add, find, change and list the people who matter."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from closer.domain.details import details_of, free_text
from closer.domain.errors import Conflict, NotFound
from closer.domain.people import (
    Birthday,
    ClosenessReading,
    Person,
    clean_name,
    close_matches,
    new_person,
)
from closer.services.safety import check_saved_text
from closer.services.unit_of_work import UnitOfWork


def add_person(
    uow: UnitOfWork, name: str, *, birthday: Birthday | None = None, **details: Any
) -> Person:
    """Add someone; a name already in use (any case) is refused. ``details``
    are the person's plain fields by name (see ``Person``)."""
    person = new_person(name, birthday=birthday, **details)
    with uow:
        existing = uow.people.by_name(person.name)
        if existing is not None:
            raise Conflict(
                f"You already have someone called {existing.name}. Use another name, "
                f"such as '{person.name} (work)'."
            )
        added = uow.people.add(person)
        _keep_closeness(uow, added, None)
        uow.commit()
    check_saved_text(uow, free_text(added), source="person")
    return added


def get_person(uow: UnitOfWork, person_id: int) -> Person:
    with uow:
        person = uow.people.get(person_id)
    if person is None:
        raise NotFound(f"There is no person with id {person_id}.")
    return person


def update_person(uow: UnitOfWork, person_id: int, **changes: object) -> Person:
    """Change some fields of a person; everything is validated again."""
    with uow:
        current = uow.people.get(person_id)
        if current is None:
            raise NotFound(f"There is no person with id {person_id}.")
        merged = replace(current, **changes)  # type: ignore[arg-type]
        person = new_person(
            merged.name,
            id=person_id,
            birthday=merged.birthday,
            **{d.name: getattr(merged, d.name) for d in details_of(Person)},
        )
        other = uow.people.by_name(person.name)
        if other is not None and other.id != person_id:
            raise Conflict(f"You already have someone called {person.name}.")
        updated = uow.people.update(person)
        _keep_closeness(uow, updated, current)
        uow.commit()
    new_text = [t for t in free_text(updated) if t not in free_text(current)]
    if new_text:
        check_saved_text(uow, new_text, source="person")
    return updated


def _keep_closeness(uow: UnitOfWork, person: Person, before: Person | None) -> None:
    """Add a reading when closeness (now or wanted) is new or has changed."""
    values = (person.closeness_now, person.closeness_wanted)
    was = (
        (None, None)
        if before is None
        else (before.closeness_now, before.closeness_wanted)
    )
    if values != was and person.id is not None:
        reading = ClosenessReading(datetime.now(UTC), *values)
        uow.people.record_closeness(person.id, reading)


def closeness_history(uow: UnitOfWork, person_id: int) -> list[ClosenessReading]:
    """How close someone felt and was wanted, oldest first."""
    with uow:
        return uow.people.closeness(person_id)


def delete_person(uow: UnitOfWork, person_id: int) -> None:
    """Remove a person; their moments stay, without them."""
    with uow:
        uow.people.delete(person_id)
        uow.commit()


def resolve_names(
    uow: UnitOfWork, names: Iterable[str], *, create_missing: bool = False
) -> tuple[int, ...]:
    """People ids for typed names; unknown names are created only on request,
    otherwise refused with the closest known names."""
    with uow:
        ids = people_named(uow, names, create_missing=create_missing)
        uow.commit()
    return ids


def people_named(
    uow: UnitOfWork, names: Iterable[str], *, create_missing: bool = False
) -> tuple[int, ...]:
    """``resolve_names`` inside a unit of work already open (the caller commits)."""
    ids: list[int] = []
    for raw in names:
        name = clean_name(raw)
        person = uow.people.by_name(name)
        if person is None:
            if not create_missing:
                known = [p.name for p in uow.people.list()]
                guesses = close_matches(name, known)
                hint = f" Did you mean {' or '.join(guesses)}?" if guesses else ""
                raise NotFound(
                    f"There is no one called {name!r}.{hint} "
                    "Add them with --new-person, or `closer person add`."
                )
            person = uow.people.add(new_person(name))
        assert person.id is not None
        ids.append(person.id)
    return tuple(dict.fromkeys(ids))


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """A person and when they last came up in a moment."""

    person: Person
    last_moment_at: datetime | None


def list_people(uow: UnitOfWork) -> list[PersonSummary]:
    with uow:
        people = uow.people.list()
        last = uow.people.last_moment_at()
    return [
        PersonSummary(p, last.get(p.id) if p.id is not None else None) for p in people
    ]
