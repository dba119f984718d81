"""Guided reflections over the API: write one, list, reread, remove."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from closer.domain.reflection_entries import ReflectionEntry
from closer.services.reflections import (
    delete_reflection_entry,
    get_reflection_entry,
    list_reflection_entries,
    write_reflection,
)
from closer.services.safety import support_panel
from closer.web.dependencies import DirectoryDep, LibraryDep, UowDep
from closer.web.ids import Id, IdQuery
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

router = APIRouter(prefix=API_PREFIX, tags=["practice"], responses=ERRORS)


class EntryIn(BaseModel):
    reflection: str = Field(description="A reflection's slug (GET /api/v1/learn)")
    answers: list[str] = Field(description="One per question, in order; '' skips one")
    moment_id: Id | None = None
    person_id: Id | None = None


class EntryOut(BaseModel):
    id: int
    reflection: str
    answers: list[str]
    written_at: datetime
    moment_id: int | None
    person_id: int | None
    person: str | None

    @classmethod
    def of(cls, entry: ReflectionEntry) -> EntryOut:
        return cls(
            id=entry.id or 0,
            reflection=entry.reflection,
            answers=list(entry.answers),
            written_at=entry.written_at,
            moment_id=entry.moment_id,
            person_id=entry.person_id,
            person=entry.person_name,
        )


class WrittenOut(BaseModel):
    entry: EntryOut
    support: SupportOut | None


class EntriesOut(BaseModel):
    items: list[EntryOut]
    total: int


@router.get("/reflections")
def list_entries(
    uow: UowDep, moment_id: IdQuery = None, person_id: IdQuery = None
) -> EntriesOut:
    """Reflections you went through, newest first."""
    items = [
        EntryOut.of(e)
        for e in list_reflection_entries(uow, moment_id=moment_id, person_id=person_id)
    ]
    return EntriesOut(items=items, total=len(items))


@router.post("/reflections", status_code=201)
def write_entry(
    body: EntryIn, uow: UowDep, library: LibraryDep, directory: DirectoryDep
) -> WrittenOut:
    """Save your answers to a reflection (checked for words of crisis after)."""
    written = write_reflection(
        uow,
        library,
        body.reflection,
        body.answers,
        moment_id=body.moment_id,
        person_id=body.person_id,
    )
    support = None
    if written.assessment.needs_support:
        support = support_out(support_panel(uow, directory, written.assessment))
    return WrittenOut(entry=EntryOut.of(written.entry), support=support)


@router.get("/reflections/{entry_id:id}")
def read_entry(entry_id: int, uow: UowDep) -> EntryOut:
    """One reflection you went through."""
    return EntryOut.of(get_reflection_entry(uow, entry_id))


@router.delete("/reflections/{entry_id:id}", status_code=204)
def remove_entry(entry_id: int, uow: UowDep) -> Response:
    """Remove one."""
    delete_reflection_entry(uow, entry_id)
    return Response(status_code=204)
