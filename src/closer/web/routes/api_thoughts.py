"""Thought records over the API."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from closer.domain.moments import Felt
from closer.domain.thoughts import TRAPS, ThoughtRecord
from closer.services.safety import support_panel
from closer.services.thoughts import (
    ThoughtFields,
    ThoughtSaved,
    delete_thought,
    get_thought,
    list_thoughts,
    update_thought,
    write_thought,
)
from closer.web.dependencies import DirectoryDep, LibraryDep, UowDep
from closer.web.ids import Id
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

router = APIRouter(prefix=API_PREFIX, tags=["practice"], responses=ERRORS)


class FeltIO(BaseModel):
    emotion: str
    intensity: int | None = Field(default=None, description="1-10, or null")


class ThoughtIn(BaseModel):
    situation: str
    automatic_thought: str
    belief_before: int = Field(description="How strongly you believe it, 0-100")
    emotions: list[FeltIO] = []
    traps: list[str] = Field(
        default=[], description="Slugs from /api/v1/thoughts/traps"
    )
    evidence_for: str = ""
    evidence_against: str = ""
    balanced_thought: str = ""
    belief_after: int | None = Field(
        default=None, description="0-100, after weighing it"
    )
    emotions_after: list[FeltIO] = []
    moment_id: Id | None = None

    def fields(self) -> ThoughtFields:
        return ThoughtFields(
            situation=self.situation,
            automatic_thought=self.automatic_thought,
            belief_before=self.belief_before,
            emotions=[Felt(e.emotion, e.intensity) for e in self.emotions],
            traps=self.traps,
            evidence_for=self.evidence_for,
            evidence_against=self.evidence_against,
            balanced_thought=self.balanced_thought,
            belief_after=self.belief_after,
            emotions_after=[Felt(e.emotion, e.intensity) for e in self.emotions_after],
            moment_id=self.moment_id,
        )


class ThoughtOut(ThoughtIn):
    id: int
    written_at: datetime
    shift: int | None = Field(description="How much less the thought is believed after")

    @classmethod
    def of(cls, record: ThoughtRecord) -> ThoughtOut:
        def felt(items: tuple[Felt, ...]) -> list[FeltIO]:
            return [FeltIO(emotion=f.emotion, intensity=f.intensity) for f in items]

        return cls(
            id=record.id or 0,
            written_at=record.written_at,
            shift=record.shift,
            situation=record.situation,
            automatic_thought=record.automatic_thought,
            belief_before=record.belief_before,
            emotions=felt(record.emotions),
            traps=list(record.traps),
            evidence_for=record.evidence_for,
            evidence_against=record.evidence_against,
            balanced_thought=record.balanced_thought,
            belief_after=record.belief_after,
            emotions_after=felt(record.emotions_after),
            moment_id=record.moment_id,
        )


class ThoughtSavedOut(BaseModel):
    record: ThoughtOut
    support: SupportOut | None


class TrapOut(BaseModel):
    slug: str
    name: str
    description: str


def _saved(
    saved: ThoughtSaved, uow: UowDep, directory: DirectoryDep
) -> ThoughtSavedOut:
    support = None
    if saved.assessment.needs_support:
        support = support_out(support_panel(uow, directory, saved.assessment))
    return ThoughtSavedOut(record=ThoughtOut.of(saved.record), support=support)


@router.get("/thoughts/traps")
def thinking_traps() -> list[TrapOut]:
    """The thinking traps a record can name."""
    return [TrapOut(slug=s, name=n, description=d) for s, (n, d) in TRAPS.items()]


@router.get("/thoughts")
def read_thoughts(uow: UowDep) -> list[ThoughtOut]:
    """Your thought records, newest first."""
    return [ThoughtOut.of(r) for r in list_thoughts(uow)]


@router.post("/thoughts", status_code=201)
def add_thought(
    body: ThoughtIn, uow: UowDep, library: LibraryDep, directory: DirectoryDep
) -> ThoughtSavedOut:
    """Write a thought record (only the situation, thought and belief needed)."""
    return _saved(write_thought(uow, library, body.fields()), uow, directory)


@router.get("/thoughts/{record_id:id}")
def read_thought(record_id: int, uow: UowDep) -> ThoughtOut:
    """One thought record."""
    return ThoughtOut.of(get_thought(uow, record_id))


@router.put("/thoughts/{record_id:id}")
def replace_thought(
    record_id: int,
    body: ThoughtIn,
    uow: UowDep,
    library: LibraryDep,
    directory: DirectoryDep,
) -> ThoughtSavedOut:
    """Replace what a thought record says, to finish or correct it."""
    return _saved(
        update_thought(uow, library, record_id, body.fields()), uow, directory
    )


@router.delete("/thoughts/{record_id:id}", status_code=204)
def remove_thought(record_id: int, uow: UowDep) -> Response:
    """Remove one."""
    delete_thought(uow, record_id)
    return Response(status_code=204)
