"""Healthy time-outs over the API."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from closer.domain.timeouts import TimeOut, note_for
from closer.services.safety import support_panel
from closer.services.timeouts import (
    come_back,
    delete_timeout,
    get_timeout,
    list_timeouts,
    message_drafts,
    plan_timeout,
    today,
)
from closer.web.dependencies import DirectoryDep, LibraryDep, UowDep, ZoneDep
from closer.web.ids import Id, IdQuery
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

router = APIRouter(prefix=API_PREFIX, tags=["practice"], responses=ERRORS)


class TimeOutIn(BaseModel):
    reason: str
    returns_on: date
    starts_on: date | None = Field(default=None, description="Default: today")
    message: str = Field(default="", description="What you will tell them")
    person_id: Id | None = Field(default=None, description="None: from everyone")


class TimeOutOut(BaseModel):
    id: int
    reason: str
    starts_on: date
    returns_on: date
    message: str
    created_at: datetime
    person_id: int | None
    person: str | None
    returned_on: date | None
    reflection_id: int | None
    stage: str = Field(description="planned, ongoing, due, past-due or returned")
    note: str

    @classmethod
    def of(cls, timeout: TimeOut, day: date) -> TimeOutOut:
        """``timeout`` as the API shows it on ``day`` (the person's today)."""
        return cls(
            id=timeout.id or 0,
            reason=timeout.reason,
            starts_on=timeout.starts_on,
            returns_on=timeout.returns_on,
            message=timeout.message,
            created_at=timeout.created_at,
            person_id=timeout.person_id,
            person=timeout.person_name,
            returned_on=timeout.returned_on,
            reflection_id=timeout.reflection_id,
            stage=timeout.stage(day).value,
            note=note_for(timeout, day),
        )


class TimeOutSavedOut(BaseModel):
    timeout: TimeOutOut
    support: SupportOut | None


class ReturnIn(BaseModel):
    answers: list[str] = Field(
        default=[], description="Answers to the time-out questions"
    )


@router.get("/timeouts")
def read_timeouts(uow: UowDep, zone: ZoneDep) -> list[TimeOutOut]:
    """Your time-outs: ongoing ones first."""
    day = today(zone)
    return [TimeOutOut.of(t, day) for t in list_timeouts(uow)]


@router.get("/timeouts/drafts")
def drafts(uow: UowDep, returns_on: date, person_id: IdQuery = None) -> list[str]:
    """Drafts of what to tell them; edit one and send it yourself."""
    return message_drafts(uow, person_id, returns_on)


@router.post("/timeouts", status_code=201)
def add_timeout(
    body: TimeOutIn, uow: UowDep, zone: ZoneDep, directory: DirectoryDep
) -> TimeOutSavedOut:
    """Plan a time-out: why, until when, from whom, and what to tell them."""
    saved = plan_timeout(
        uow,
        reason=body.reason,
        returns_on=body.returns_on,
        starts_on=body.starts_on,
        message=body.message,
        person_id=body.person_id,
        zone=zone,
    )
    support = None
    if saved.assessment.needs_support:
        support = support_out(support_panel(uow, directory, saved.assessment))
    return TimeOutSavedOut(
        timeout=TimeOutOut.of(saved.timeout, today(zone)), support=support
    )


@router.get("/timeouts/{timeout_id:id}")
def read_timeout(timeout_id: int, uow: UowDep, zone: ZoneDep) -> TimeOutOut:
    """One time-out."""
    return TimeOutOut.of(get_timeout(uow, timeout_id), today(zone))


@router.post("/timeouts/{timeout_id:id}/return")
def return_from(
    timeout_id: int,
    body: ReturnIn,
    uow: UowDep,
    zone: ZoneDep,
    library: LibraryDep,
    directory: DirectoryDep,
) -> TimeOutSavedOut:
    """Come back (any day), with answers to the time-out questions if you like."""
    back = come_back(uow, library, timeout_id, body.answers, zone=zone)
    support = None
    if back.assessment is not None and back.assessment.needs_support:
        support = support_out(support_panel(uow, directory, back.assessment))
    return TimeOutSavedOut(
        timeout=TimeOutOut.of(back.timeout, today(zone)), support=support
    )


@router.delete("/timeouts/{timeout_id:id}", status_code=204)
def remove_timeout(timeout_id: int, uow: UowDep) -> Response:
    """Remove one."""
    delete_timeout(uow, timeout_id)
    return Response(status_code=204)
