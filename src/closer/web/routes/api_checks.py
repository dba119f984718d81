"""Self-checks over the API: the questions, taking a check, results, history."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from closer.domain.checks import Check, find_check
from closer.services.checks import (
    Scored,
    delete_result,
    get_result,
    history,
    result_data,
    take_check,
)
from closer.services.safety import support_panel
from closer.web.dependencies import ChecksDep, DirectoryDep, UowDep
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

router = APIRouter(prefix=API_PREFIX, tags=["checks"], responses=ERRORS)


class OptionOut(BaseModel):
    value: int
    label: str


class QuestionOut(BaseModel):
    number: int
    text: str
    options: list[OptionOut]
    scored: bool = Field(description="False for an optional last question")
    situation: str = Field(description="The A-RSQ situation it belongs to, if any")
    about: str = Field(description="For closeness patterns: group:SLUG or cause:SLUG")


class CheckOut(BaseModel):
    slug: str
    name: str
    title: str
    stem: str
    about: str
    attribution: str
    validated: bool
    scoring: str = Field(description="sum, rejection or profile")
    questions: list[QuestionOut]

    @classmethod
    def of(cls, check: Check) -> CheckOut:
        questions = [
            QuestionOut(
                number=n,
                text=q.text,
                scored=q.scored,
                situation=q.situation,
                about=q.about,
                options=[OptionOut(value=o.value, label=o.label) for o in q.options],
            )
            for n, q in enumerate(check.questions, start=1)
        ]
        return cls(
            slug=check.slug,
            name=check.name,
            title=check.title,
            stem=check.stem,
            about=check.about,
            attribution=check.attribution,
            validated=check.validated,
            scoring=check.scoring.value,
            questions=questions,
        )


class AnswersIn(BaseModel):
    answers: list[int] = Field(
        description="One per question, in order (the optional last one may be left "
        "out); A-RSQ: concern then expectation for each situation"
    )


class AreaOut(BaseModel):
    about: str
    mean: float
    stands_out: bool


class ResultOut(BaseModel):
    id: int
    check: str
    taken_at: datetime
    answers: list[int]
    total: float = Field(
        description="Sum; A-RSQ: mean of the situations; patterns: mean"
    )
    band: str | None
    meaning: str | None = Field(
        description="What scores in this range are often seen with"
    )
    flagged: bool = Field(description="At or above the screen's cut-off (PHQ-2: 3)")
    needs_safety: bool = Field(description="PHQ-9 question 9 answered above 0")
    parts: list[float] = Field(description="A-RSQ: the score of each situation")
    areas: list[AreaOut] = Field(description="Patterns: each area, strongest first")
    support: SupportOut | None = Field(
        default=None, description="The support panel, when question 9 asks for it"
    )


def _out(scored: Scored) -> ResultOut:
    return ResultOut.model_validate(result_data(scored))


@router.get("/checks")
def read_checks(checks: ChecksDep) -> list[CheckOut]:
    """Every self-check with its questions and answer options."""
    return [CheckOut.of(c) for c in checks]


@router.get("/checks/{slug}")
def read_check(slug: str, checks: ChecksDep) -> CheckOut:
    """One self-check (phq9, phq2, gad7, arsq or patterns)."""
    return CheckOut.of(find_check(checks, slug))


@router.post("/checks/{slug}", status_code=201)
def answer_check(
    slug: str, body: AnswersIn, uow: UowDep, checks: ChecksDep, directory: DirectoryDep
) -> ResultOut:
    """Take a check: 422 names a missing or out-of-range answer, and nothing is
    saved. PHQ-9 question 9 above 0 opens the support panel, returned here."""
    scored = take_check(uow, find_check(checks, slug), body.answers)
    out = _out(scored)
    if scored.score.needs_safety:
        out.support = support_out(support_panel(uow, directory))
    return out


@router.get("/checks/{slug}/results")
def read_history(slug: str, uow: UowDep, checks: ChecksDep) -> list[ResultOut]:
    """Every time a check was taken, oldest first."""
    return [_out(s) for s in history(uow, checks, slug)]


@router.get("/check-results/{result_id:id}")
def read_result(result_id: int, uow: UowDep, checks: ChecksDep) -> ResultOut:
    return _out(get_result(uow, checks, result_id))


@router.delete("/check-results/{result_id:id}", status_code=204)
def remove_result(result_id: int, uow: UowDep) -> Response:
    delete_result(uow, result_id)
    return Response(status_code=204)
