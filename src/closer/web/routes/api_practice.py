"""Practice over the API: the vulnerability ladder and "accept a little more good"."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from closer.domain.accept_good import GoodShare
from closer.domain.ladder import LadderSummary, NextStep, Step, StepIdea
from closer.services.ladder import (
    StepSaved,
    choose_share,
    delete_step,
    finish_step,
    get_step,
    ladder,
    plan_step,
    shares,
)
from closer.services.safety import support_panel
from closer.web.dependencies import DirectoryDep, StepIdeasDep, UowDep
from closer.web.ids import Id, IdQuery
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

router = APIRouter(prefix=API_PREFIX, tags=["practice"], responses=ERRORS)


class IdeaOut(BaseModel):
    slug: str
    text: str
    difficulty: int = Field(description="1 gentle, 2 a stretch, 3 brave")
    strategy: str = Field(description="The Learn strategy behind it")

    @classmethod
    def of(cls, idea: StepIdea) -> IdeaOut:
        return cls(
            slug=idea.slug,
            text=idea.text,
            difficulty=idea.difficulty.value,
            strategy=idea.strategy,
        )


class StepOut(BaseModel):
    id: int
    text: str
    predicted_discomfort: int
    feared_outcome: str
    planned_at: datetime
    person_id: int | None
    person: str | None
    idea: str | None
    done_at: datetime | None
    actual_discomfort: int | None
    outcome: str | None
    note: str
    went_as_well_or_better: bool | None

    @classmethod
    def of(cls, step: Step) -> StepOut:
        return cls(
            id=step.id or 0,
            text=step.text,
            feared_outcome=step.feared_outcome,
            predicted_discomfort=step.predicted_discomfort,
            planned_at=step.planned_at,
            person_id=step.person_id,
            person=step.person_name,
            idea=step.idea,
            done_at=step.done_at,
            actual_discomfort=step.actual_discomfort,
            outcome=step.outcome.value if step.outcome else None,
            note=step.note,
            went_as_well_or_better=step.went_as_well_or_better,
        )


class SummaryOut(BaseModel):
    finished: int
    average_predicted: float | None
    average_actual: float | None
    went_badly: int
    easier_than_feared: int
    sentence: str

    @classmethod
    def of(cls, summary: LadderSummary) -> SummaryOut:
        return cls(
            finished=summary.finished,
            average_predicted=summary.average_predicted,
            average_actual=summary.average_actual,
            went_badly=summary.went_badly,
            easier_than_feared=summary.easier_than_feared,
            sentence=summary.sentence,
        )


class NextOut(BaseModel):
    level: int
    label: str
    reason: str
    ideas: list[IdeaOut]

    @classmethod
    def of(cls, next_step: NextStep) -> NextOut:
        return cls(
            level=next_step.level.value,
            label=next_step.level.label,
            reason=next_step.reason,
            ideas=[IdeaOut.of(i) for i in next_step.ideas],
        )


class LadderOut(BaseModel):
    planned: list[StepOut]
    finished: list[StepOut]
    summary: SummaryOut
    next: NextOut


class StepIn(BaseModel):
    text: str = Field(default="", description="Your own words; empty to use the idea's")
    idea: str | None = Field(default=None, description="A step idea's slug")
    predicted_discomfort: int = Field(description="0-100")
    feared_outcome: str = ""
    person_id: Id | None = None


class StepDoneIn(BaseModel):
    actual_discomfort: int = Field(description="0-100")
    outcome: str = Field(description="bad, neutral or good")
    note: str = ""


class StepSavedOut(BaseModel):
    step: StepOut
    support: SupportOut | None


class ShareIn(BaseModel):
    percent: int = Field(description="1-100")
    note: str = ""


class ShareOut(BaseModel):
    id: int
    percent: int
    chosen_at: datetime
    note: str

    @classmethod
    def of(cls, share: GoodShare) -> ShareOut:
        return cls(
            id=share.id or 0,
            percent=share.percent,
            chosen_at=share.chosen_at,
            note=share.note,
        )


class SharesOut(BaseModel):
    history: list[ShareOut]
    suggested_percent: int
    reason: str


def _saved(saved: StepSaved, uow: UowDep, directory: DirectoryDep) -> StepSavedOut:
    support = None
    if saved.assessment.needs_support:
        support = support_out(support_panel(uow, directory, saved.assessment))
    return StepSavedOut(step=StepOut.of(saved.step), support=support)


@router.get("/ladder")
def read_ladder(
    uow: UowDep, ideas: StepIdeasDep, person_id: IdQuery = None
) -> LadderOut:
    """Planned and finished steps, how they compared, and what to try next."""
    view = ladder(uow, ideas, person_id)
    return LadderOut(
        planned=[StepOut.of(s) for s in view.planned],
        finished=[StepOut.of(s) for s in view.finished],
        summary=SummaryOut.of(view.summary),
        next=NextOut.of(view.next),
    )


@router.get("/ladder/ideas")
def step_ideas(ideas: StepIdeasDep) -> list[IdeaOut]:
    """Ideas for steps, gentle ones first."""
    return [IdeaOut.of(i) for i in ideas]


@router.post("/ladder/steps", status_code=201)
def add_step(
    body: StepIn, uow: UowDep, ideas: StepIdeasDep, directory: DirectoryDep
) -> StepSavedOut:
    """Plan a step: your words or an idea, how uncomfortable you expect it to be."""
    saved = plan_step(
        uow,
        ideas,
        text=body.text,
        idea=body.idea,
        predicted_discomfort=body.predicted_discomfort,
        feared_outcome=body.feared_outcome,
        person_id=body.person_id,
    )
    return _saved(saved, uow, directory)


@router.get("/ladder/steps/{step_id:id}")
def read_step(step_id: int, uow: UowDep) -> StepOut:
    """One step."""
    return StepOut.of(get_step(uow, step_id))


@router.post("/ladder/steps/{step_id:id}/done")
def step_done(
    step_id: int, body: StepDoneIn, uow: UowDep, directory: DirectoryDep
) -> StepSavedOut:
    """How it really felt (0-100) and how it went (bad, neutral, good)."""
    saved = finish_step(
        uow,
        step_id,
        actual_discomfort=body.actual_discomfort,
        outcome=body.outcome,
        note=body.note,
    )
    return _saved(saved, uow, directory)


@router.delete("/ladder/steps/{step_id:id}", status_code=204)
def remove_step(step_id: int, uow: UowDep) -> Response:
    """Delete a step."""
    delete_step(uow, step_id)
    return Response(status_code=204)


@router.get("/good-shares")
def read_shares(uow: UowDep) -> SharesOut:
    """Accept a little more good: every share chosen, and the one to try now."""
    view = shares(uow)
    return SharesOut(
        history=[ShareOut.of(s) for s in view.history],
        suggested_percent=view.suggestion.percent,
        reason=view.suggestion.reason,
    )


@router.post("/good-shares", status_code=201)
def add_share(body: ShareIn, uow: UowDep) -> ShareOut:
    """Choose the share of good things to accept on purpose from now on."""
    return ShareOut.of(choose_share(uow, body.percent, body.note))
