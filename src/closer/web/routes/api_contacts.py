"""Contacts over the API: reached out, heard from, met."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Self

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field, create_model

from closer.adapters.record_models import Style, detail_fields
from closer.domain.commitments import Commitment, kept_by_month, kept_rate
from closer.domain.contacts import Contact
from closer.domain.details import plain_values
from closer.services.commitments import (
    delete_commitment,
    list_commitments,
    make_commitment,
    settle_commitment,
)
from closer.services.contacts import (
    delete_contact,
    drifting_people,
    list_contacts,
    log_contact,
)
from closer.services.safety import support_panel
from closer.web.dependencies import DirectoryDep, UowDep
from closer.web.ids import Id, IdQuery
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

router = APIRouter(prefix=API_PREFIX, tags=["staying connected"], responses=ERRORS)


class ContactIn(BaseModel):
    person_id: Id
    how: str = Field(default="text", description="text, call, meet or other")
    them: bool = Field(default=False, description="True: you heard from them")
    note: str = ""
    at: datetime | None = Field(default=None, description="Default: now")


class _ContactOutShape(BaseModel):
    id: int
    person_id: int
    person: str | None
    at: datetime

    @classmethod
    def of(cls, contact: Contact) -> Self:
        return cls(
            id=contact.id or 0,
            person_id=contact.person_id,
            person=contact.person_name,
            at=contact.at,
            **plain_values(contact),
            sentence=contact.sentence,
        )


if TYPE_CHECKING:

    class ContactOut(_ContactOutShape):
        sentence: str

else:  # a contact's details (how, direction, note) come from the domain's class
    ContactOut = create_model(
        "ContactOut",
        __base__=_ContactOutShape,
        **detail_fields(Contact, Style.SHOWN),
        sentence=(str, ...),
    )


class ContactSavedOut(BaseModel):
    contact: ContactOut
    support: SupportOut | None


@router.get("/contacts")
def read_contacts(uow: UowDep, person_id: IdQuery = None) -> list[ContactOut]:
    """Contacts, newest first."""
    return [ContactOut.of(c) for c in list_contacts(uow, person_id)]


@router.post("/contacts", status_code=201)
def add_contact(
    body: ContactIn, uow: UowDep, directory: DirectoryDep
) -> ContactSavedOut:
    """Note that you reached out, heard from someone, or met."""
    saved = log_contact(
        uow, body.person_id, how=body.how, them=body.them, note=body.note, when=body.at
    )
    support = None
    if saved.assessment.needs_support:
        support = support_out(support_panel(uow, directory, saved.assessment))
    return ContactSavedOut(contact=ContactOut.of(saved.contact), support=support)


class DriftOut(BaseModel):
    person_id: int
    person: str
    last_in_touch: datetime
    days_since: int
    rhythm_days: int
    sentence: str


@router.get("/drifting")
def read_drifting(uow: UowDep) -> list[DriftOut]:
    """People past the contact rhythm you chose, the longest gap first."""
    return [
        DriftOut(
            person_id=d.person.id or 0,
            person=d.person.name,
            last_in_touch=d.last_in_touch,
            days_since=d.days_since,
            rhythm_days=d.rhythm_days,
            sentence=d.sentence,
        )
        for d in drifting_people(uow)
    ]


@router.delete("/contacts/{contact_id:id}", status_code=204)
def remove_contact(contact_id: int, uow: UowDep) -> Response:
    """Remove one noted by mistake."""
    delete_contact(uow, contact_id)
    return Response(status_code=204)


class CommitmentIn(BaseModel):
    person_id: Id
    text: str
    due_on: date


class SettleIn(BaseModel):
    status: str = Field(description="kept, rescheduled or cancelled")
    new_due: date | None = Field(default=None, description="For rescheduled")
    cancelled_by: str | None = Field(default=None, description="me or them")
    reason: str = ""


class CommitmentOut(BaseModel):
    id: int
    person_id: int
    person: str | None
    text: str
    due_on: date
    status: str
    cancelled_by: str | None
    reason: str

    @classmethod
    def of(cls, item: Commitment) -> CommitmentOut:
        return cls(
            id=item.id or 0,
            person_id=item.person_id,
            person=item.person_name,
            text=item.text,
            due_on=item.due_on,
            status=item.status.value,
            cancelled_by=item.cancelled_by.value if item.cancelled_by else None,
            reason=item.reason,
        )


class MonthOut(BaseModel):
    month: date = Field(description="The first day of the month")
    kept: int
    settled: int
    sentence: str


class CommitmentsOut(BaseModel):
    items: list[CommitmentOut]
    kept: int
    settled: int
    sentence: str
    by_month: list[MonthOut] = Field(
        description="Kept and settled plans month by month (by their day), oldest "
        "first; months with none are left out"
    )


@router.get("/commitments")
def read_commitments(uow: UowDep, person_id: IdQuery = None) -> CommitmentsOut:
    """Plans and promises, soonest first, and how many were kept."""
    items = list_commitments(uow, person_id)
    rate = kept_rate(items)
    months = [
        MonthOut(month=m.month, kept=m.kept, settled=m.settled, sentence=m.sentence)
        for m in kept_by_month(items)
    ]
    return CommitmentsOut(
        items=[CommitmentOut.of(c) for c in items],
        kept=rate.kept,
        settled=rate.settled,
        sentence=rate.sentence,
        by_month=months,
    )


@router.post("/commitments", status_code=201)
def add_commitment(body: CommitmentIn, uow: UowDep) -> CommitmentOut:
    """Plan or promise something with someone, for a day."""
    return CommitmentOut.of(
        make_commitment(uow, body.person_id, body.text, body.due_on).commitment
    )


@router.post("/commitments/{commitment_id:id}/settle")
def settle(commitment_id: int, body: SettleIn, uow: UowDep) -> CommitmentOut:
    """Kept, rescheduled (with the new day) or cancelled (by me or them, why)."""
    saved = settle_commitment(
        uow,
        commitment_id,
        body.status,
        new_due=body.new_due,
        cancelled_by=body.cancelled_by,
        reason=body.reason,
    )
    return CommitmentOut.of(saved.commitment)


@router.delete("/commitments/{commitment_id:id}", status_code=204)
def remove_commitment(commitment_id: int, uow: UowDep) -> Response:
    """Remove one."""
    delete_commitment(uow, commitment_id)
    return Response(status_code=204)
