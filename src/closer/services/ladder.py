"""The vulnerability ladder and "accept a little more good" as things to do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from closer.domain.accept_good import (
    GoodShare,
    ShareSuggestion,
    new_share,
    suggest_share,
)
from closer.domain.errors import InvalidInput, NotFound
from closer.domain.ladder import (
    LadderSummary,
    NextStep,
    Step,
    StepIdea,
    finish,
    new_step,
    suggest_next,
    summarise,
)
from closer.domain.safety import Assessment
from closer.services.safety import check_saved_text
from closer.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class StepSaved:
    """A saved step and what the safety check made of its words."""

    step: Step
    assessment: Assessment


def _now(when: datetime | None) -> datetime:
    return when or datetime.now(UTC)


def _idea(ideas: Sequence[StepIdea], slug: str | None) -> StepIdea | None:
    if not slug:
        return None
    for idea in ideas:
        if idea.slug == slug:
            return idea
    raise InvalidInput(f"There is no step idea {slug!r}.", field="idea")


def plan_step(
    uow: UnitOfWork,
    ideas: Sequence[StepIdea],
    *,
    text: str = "",
    predicted_discomfort: int,
    feared_outcome: str = "",
    person_id: int | None = None,
    idea: str | None = None,
    when: datetime | None = None,
) -> StepSaved:
    """Plan a step (its own words, or an idea's); save first, then check the words."""
    chosen = _idea(ideas, idea)
    step = new_step(
        text=text or (chosen.text if chosen else ""),
        predicted_discomfort=predicted_discomfort,
        feared_outcome=feared_outcome,
        planned_at=_now(when),
        person_id=person_id,
        idea=chosen.slug if chosen else None,
    )
    with uow:
        saved = uow.steps.add(step)
        uow.commit()
    return StepSaved(saved, check_saved_text(uow, saved.texts(), source="step"))


def get_step(uow: UnitOfWork, step_id: int) -> Step:
    """One step, or NotFound."""
    with uow:
        step = uow.steps.get(step_id)
    if step is None:
        raise NotFound(f"There is no step with id {step_id}.")
    return step


def finish_step(
    uow: UnitOfWork,
    step_id: int,
    *,
    actual_discomfort: int,
    outcome: str,
    note: str = "",
    when: datetime | None = None,
) -> StepSaved:
    """Record how a step really felt and went (again, to correct it)."""
    with uow:
        step = uow.steps.get(step_id)
        if step is None:
            raise NotFound(f"There is no step with id {step_id}.")
        done = finish(
            step,
            actual_discomfort=actual_discomfort,
            outcome=outcome,
            note=note,
            when=step.done_at or _now(when),
        )
        saved = uow.steps.update(done)
        uow.commit()
    return StepSaved(
        saved, check_saved_text(uow, [saved.note] if saved.note else [], source="step")
    )


def delete_step(uow: UnitOfWork, step_id: int) -> None:
    """Remove a step."""
    with uow:
        uow.steps.delete(step_id)
        uow.commit()


@dataclass(frozen=True, slots=True)
class LadderView:
    """The ladder at a glance: steps, how they compared, what next."""

    planned: list[Step]
    finished: list[Step]
    summary: LadderSummary
    next: NextStep


def ladder(
    uow: UnitOfWork, ideas: Sequence[StepIdea], person_id: int | None = None
) -> LadderView:
    """Planned and finished steps (newest first), the comparison, the next step."""
    with uow:
        steps = uow.steps.list(person_id)
    return LadderView(
        planned=[s for s in steps if not s.done],
        finished=[s for s in steps if s.done],
        summary=summarise(steps),
        next=suggest_next(steps, list(ideas)),
    )


@dataclass(frozen=True, slots=True)
class ShareView:
    """The share chosen now, its history, and what to try."""

    history: list[GoodShare]
    suggestion: ShareSuggestion


def choose_share(
    uow: UnitOfWork, percent: int, note: str = "", when: datetime | None = None
) -> GoodShare:
    """Choose how much good to accept on purpose from now on."""
    share = new_share(percent, _now(when), note)
    with uow:
        saved = uow.good_shares.add(share)
        uow.commit()
    if saved.note:
        check_saved_text(uow, [saved.note], source="good-share")
    return saved


def shares(uow: UnitOfWork, when: datetime | None = None) -> ShareView:
    """Every share chosen (newest first) and the one to try now."""
    with uow:
        history = uow.good_shares.list()
    return ShareView(history, suggest_share(history, _now(when)))
