"""Guided reflections as things to do: write one, reread, remove."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from closer.domain.content import Library, Reflection
from closer.domain.errors import NotFound
from closer.domain.reflection_entries import ReflectionEntry, new_entry
from closer.domain.safety import Assessment
from closer.services.safety import check_saved_text
from closer.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class Written:
    """A saved reflection and what the safety check made of it."""

    entry: ReflectionEntry
    assessment: Assessment


def reflection_named(library: Library, slug: str) -> Reflection:
    """The reflection with this slug, or NotFound naming the choices."""
    found = library.reflections.get(slug)
    if found is None:
        known = ", ".join(library.reflections)
        raise NotFound(f"There is no reflection {slug!r}. Choose one of: {known}.")
    return found


def write_reflection(
    uow: UnitOfWork,
    library: Library,
    slug: str,
    answers: Sequence[str],
    *,
    moment_id: int | None = None,
    person_id: int | None = None,
    when: datetime | None = None,
) -> Written:
    """Save the answers (first), then check them for words of crisis."""
    entry = new_entry(
        reflection_named(library, slug),
        answers,
        written_at=when or datetime.now(UTC),
        moment_id=moment_id,
        person_id=person_id,
    )
    with uow:
        saved = uow.reflections.add(entry)
        uow.commit()
    return Written(saved, check_saved_text(uow, saved.texts(), source="reflection"))


def get_reflection_entry(uow: UnitOfWork, entry_id: int) -> ReflectionEntry:
    """One reflection gone through, or NotFound."""
    with uow:
        entry = uow.reflections.get(entry_id)
    if entry is None:
        raise NotFound(f"There is no reflection with id {entry_id}.")
    return entry


def list_reflection_entries(
    uow: UnitOfWork, *, moment_id: int | None = None, person_id: int | None = None
) -> list[ReflectionEntry]:
    """Reflections gone through, newest first."""
    with uow:
        return uow.reflections.list(moment_id=moment_id, person_id=person_id)


def delete_reflection_entry(uow: UnitOfWork, entry_id: int) -> None:
    """Remove one."""
    with uow:
        uow.reflections.delete(entry_id)
        uow.commit()
