"""People in the JSON API: add, read, change, remove, list, closeness over time."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Self

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field, create_model

from closer.adapters.record_models import Style, changes_of, detail_fields
from closer.domain.details import plain_values
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


# A person's own fields are written here; its details (relationship,
# closeness, notes…, see closer.domain.details) come from the domain's class.


class _PersonInShape(_In):
    name: str = Field(max_length=200)


class _PersonPatchShape(_In):
    name: str | None = Field(default=None, max_length=200)


class _PersonOutShape(BaseModel):
    id: int
    name: str

    @classmethod
    def of(cls, person: Person, last: datetime | None = None) -> Self:
        assert person.id is not None
        return cls(
            id=person.id,
            name=person.name,
            **plain_values(person),
            birthday=person.birthday.iso if person.birthday else None,
            last_moment_at=last,
        )


_SUPPORT = "Set when the notes just saved sound worrying"

if TYPE_CHECKING:

    class PersonIn(_PersonInShape):
        birthday: str | None = None

    class PersonPatch(_PersonPatchShape):
        birthday: str | None = None

    class PersonOut(_PersonOutShape):
        birthday: str | None = None
        last_moment_at: datetime | None = None
        support: SupportOut | None = None

else:
    PersonIn = create_model(
        "PersonIn",
        __base__=_PersonInShape,
        **detail_fields(Person, Style.NEW),
        birthday=(str | None, Field(default=None, description=BIRTHDAY)),
    )
    PersonPatch = create_model(
        "PersonPatch",
        __base__=_PersonPatchShape,
        **detail_fields(Person, Style.CHANGE),
        birthday=(
            str | None,
            Field(default=None, description=BIRTHDAY + "; empty: none"),
        ),
    )
    PersonOut = create_model(
        "PersonOut",
        __base__=_PersonOutShape,
        **detail_fields(Person, Style.SHOWN),
        birthday=(str | None, Field(default=None, description=BIRTHDAY)),
        last_moment_at=(datetime | None, None),
        support=(SupportOut | None, Field(default=None, description=_SUPPORT)),
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
    changes = changes_of(body, Person, kept=("name",))
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
