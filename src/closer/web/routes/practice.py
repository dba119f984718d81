"""Practice: the vulnerability ladder and accepting a little more good.
Every form works without JavaScript."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.errors import InvalidInput
from closer.services.ladder import (
    choose_share,
    delete_step,
    finish_step,
    ladder,
    plan_step,
    shares,
)
from closer.services.people import list_people
from closer.web.dependencies import ShellDep, StepIdeasDep, UowDep
from closer.web.forms import optional_int
from closer.web.rendering import render

router = APIRouter(include_in_schema=False)
PREDICTED = "predicted_discomfort"


def _page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    ideas: StepIdeasDep,
    *,
    error: InvalidInput | None = None,
    form: dict[str, str] | None = None,
    saved: str = "",
) -> Response:
    with uow:  # one transaction for everything the page shows
        view = ladder(uow, ideas)
        good_shares = shares(uow)
        people = [s.person for s in list_people(uow)]
    return render(
        request,
        "practice.html",
        shell=shell,
        title="Practice",
        view=view,
        shares=good_shares,
        people=people,
        ideas=ideas,
        error=error,
        form=form or {},
        saved=saved,
        status_code=error.status if error else 200,
    )


@router.get("/practice", response_class=HTMLResponse)
def practice_page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    ideas: StepIdeasDep,
    saved: str = "",
    person: str = "",
) -> Response:
    """The ladder: what to try next, steps planned and done; the good share.
    ``person`` chooses whom the next step is toward (after a time-out)."""
    return _page(request, uow, shell, ideas, saved=saved, form={"person_id": person})


def _discomfort(value: str, field: str) -> int:
    number = optional_int(value, field)
    if number is None:
        raise InvalidInput("Give a number from 0 to 100.", field=field)
    return number


@router.post("/practice/steps", response_class=HTMLResponse)
def plan_step_form(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    ideas: StepIdeasDep,
    text: Annotated[str, Form()] = "",
    idea: Annotated[str, Form()] = "",
    predicted_discomfort: Annotated[str, Form()] = "",
    feared_outcome: Annotated[str, Form()] = "",
    person_id: Annotated[str, Form()] = "",
) -> Response:
    """Plan a step; on a mistake, the form again with what was typed."""
    form = {"text": text, "predicted_discomfort": predicted_discomfort,
            "feared_outcome": feared_outcome, "person_id": person_id}  # fmt: skip
    try:
        plan_step(
            uow,
            ideas,
            text=text,
            idea=idea or None,
            predicted_discomfort=_discomfort(predicted_discomfort, PREDICTED),
            feared_outcome=feared_outcome,
            person_id=optional_int(person_id, "person_id"),
        )
    except InvalidInput as error:
        return _page(request, uow, shell, ideas, error=error, form=form)
    return RedirectResponse("/practice?saved=planned", status_code=303)


@router.post("/practice/steps/{step_id:id}/done", response_class=HTMLResponse)
def step_done_form(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    ideas: StepIdeasDep,
    step_id: int,
    actual_discomfort: Annotated[str, Form()] = "",
    outcome: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    """How a step really felt and went."""
    try:
        finish_step(
            uow,
            step_id,
            outcome=outcome,
            note=note,
            actual_discomfort=_discomfort(actual_discomfort, "actual_discomfort"),
        )
    except InvalidInput as error:
        return _page(request, uow, shell, ideas, error=error)
    return RedirectResponse("/practice?saved=done", status_code=303)


@router.post("/practice/steps/{step_id:id}/delete")
def step_delete_form(uow: UowDep, step_id: int) -> Response:
    """Remove a step."""
    delete_step(uow, step_id)
    return RedirectResponse("/practice?saved=removed", status_code=303)


@router.post("/practice/good", response_class=HTMLResponse)
def good_share_form(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    ideas: StepIdeasDep,
    percent: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    """Choose the share of good things to let in on purpose."""
    try:
        choose_share(uow, _discomfort(percent, "percent"), note)
    except InvalidInput as error:
        return _page(request, uow, shell, ideas, error=error)
    return RedirectResponse("/practice?saved=share#good", status_code=303)
