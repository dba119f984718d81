"""People in the JSON API: add, read, change, remove, list, closeness over time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from closer.domain.people import Person, parse_birthday
from closer.domain.safety import detect_all
from closer.services.people import (
    add_person,
    closeness_history,
    delete_person,
    get_person,
    list_people,
    update_person,
)
from closer.services.safety import support_panel
from closer.web.dependencies import DirectoryDep, UowDep
from closer.web.routes.api import API_PREFIX, RECORD_ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

BIRTHDAY = "YYYY-MM-DD, or --MM-DD when the year is not known"

router = APIRouter(prefix=API_PREFIX, responses=RECORD_ERRORS, tags=["people"])


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PersonIn(_In):
    name: str = Field(max_length=200)
    relationship: str = "other"
    closeness_now: int | None = None
    closeness_wanted: int | None = None
    notes: str = Field(default="", max_length=10_000)
    rhythm_days: int | None = Field(
        default=None, description="Be in touch every N days"
    )
    nickname: str = Field(default="", max_length=200)
    birthday: str | None = Field(default=None, description=BIRTHDAY)


class PersonPatch(_In):
    name: str | None = Field(default=None, max_length=200)
    relationship: str | None = None
    closeness_now: int | None = None
    closeness_wanted: int | None = None
    notes: str | None = Field(default=None, max_length=10_000)
    rhythm_days: int | None = None
    nickname: str | None = Field(default=None, max_length=200)
    birthday: str | None = Field(default=None, description=BIRTHDAY + "; empty: none")


class PersonOut(BaseModel):
    id: int
    name: str
    relationship: str
    closeness_now: int | None
    closeness_wanted: int | None
    notes: str
    rhythm_days: int | None = None
    nickname: str = ""
    birthday: str | None = Field(default=None, description=BIRTHDAY)
    last_moment_at: datetime | None = None
    support: SupportOut | None = Field(
        default=None, description="Set when the notes just saved sound worrying"
    )

    @classmethod
    def of(cls, person: Person, last: datetime | None = None) -> PersonOut:
        assert person.id is not None
        return cls(
            id=person.id,
            name=person.name,
            relationship=person.relationship.value,
            closeness_now=person.closeness_now,
            closeness_wanted=person.closeness_wanted,
            notes=person.notes,
            rhythm_days=person.rhythm_days,
            nickname=person.nickname,
            birthday=person.birthday.iso if person.birthday else None,
            last_moment_at=last,
        )


class ReadingOut(BaseModel):
    at: datetime
    now: int | None
    wanted: int | None


class PeopleOut(BaseModel):
    items: list[PersonOut]
    total: int


@router.get("/people")
def people_list(uow: UowDep) -> PeopleOut:
    """Everyone, by name, with when they last came up in a moment."""
    summaries = list_people(uow)
    items = [PersonOut.of(s.person, s.last_moment_at) for s in summaries]
    return PeopleOut(items=items, total=len(items))


def _with_support(out: PersonOut, notes: str, uow: Any, directory: Any) -> PersonOut:
    assessment = detect_all([notes] if notes else [])
    if assessment.needs_support:
        out.support = support_out(support_panel(uow, directory, assessment))
    return out


@router.post("/people", status_code=201)
def people_add(body: PersonIn, uow: UowDep, directory: DirectoryDep) -> PersonOut:
    """Add someone. Names are unique regardless of case (409 otherwise)."""
    fields = body.model_dump()
    fields["birthday"] = parse_birthday(body.birthday or "")
    person = add_person(uow, **fields)
    return _with_support(PersonOut.of(person), person.notes, uow, directory)


@router.get("/people/{person_id:id}")
def people_get(person_id: int, uow: UowDep) -> PersonOut:
    return PersonOut.of(get_person(uow, person_id))


@router.patch("/people/{person_id:id}")
def people_change(
    person_id: int, body: PersonPatch, uow: UowDep, directory: DirectoryDep
) -> PersonOut:
    changes = body.model_dump(exclude_unset=True)
    if "birthday" in changes:
        changes["birthday"] = parse_birthday(body.birthday or "")
    person = update_person(uow, person_id, **changes)
    notes = person.notes if "notes" in changes else ""
    return _with_support(PersonOut.of(person), notes, uow, directory)


@router.get("/people/{person_id:id}/closeness")
def people_closeness(person_id: int, uow: UowDep) -> list[ReadingOut]:
    """How close someone felt and was wanted, each time it changed, oldest first."""
    get_person(uow, person_id)  # 404 for someone who is not there
    return [
        ReadingOut(at=r.at, now=r.now, wanted=r.wanted)
        for r in closeness_history(uow, person_id)
    ]


@router.delete("/people/{person_id:id}", status_code=204)
def people_remove(person_id: int, uow: UowDep) -> Response:
    """Remove someone; their moments stay, without them."""
    delete_person(uow, person_id)
    return Response(status_code=204)
