"""Healthy time-outs on the web: plan one with a message to send, come back."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.errors import InvalidInput
from closer.domain.timeouts import note_for
from closer.services.people import list_people
from closer.services.reflections import reflection_named
from closer.services.timeouts import (
    QUESTIONS,
    come_back,
    get_timeout,
    list_timeouts,
    message_drafts,
    plan_timeout,
    today,
)
from closer.web.dependencies import LibraryDep, ShellDep, UowDep, ZoneDep
from closer.web.forms import optional_date, optional_int
from closer.web.rendering import render, zone_of

router = APIRouter(include_in_schema=False)
FIELDS = ("reason", "returns_on", "message", "person_id")


def _drafts(uow: UowDep, values: dict[str, str]) -> list[str]:
    """Message drafts for the chosen person and day, when both read well."""
    try:
        person = optional_int(values.get("person_id") or "", "person_id")
        returns = optional_date(values.get("returns_on") or "", "returns_on")
    except InvalidInput:
        return []
    return message_drafts(uow, person, returns.date()) if returns else []


def _page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    *,
    form: dict[str, str] | None = None,
    error: InvalidInput | None = None,
) -> Response:
    day = today(zone_of(shell))
    values = form or {"returns_on": (day + timedelta(days=3)).isoformat()}
    listed = [(t, note_for(t, day), t.stage(day).value) for t in list_timeouts(uow)]
    return render(
        request,
        "timeouts.html",
        shell=shell,
        title="Time-outs",
        timeouts=listed,
        people=[s.person for s in list_people(uow)],
        form=values,
        drafts=_drafts(uow, values),
        error=error,
        status_code=error.status if error else 200,
    )


@router.get("/practice/timeouts", response_class=HTMLResponse)
def timeouts_page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    person_id: str = "",
    returns_on: str = "",
) -> Response:
    """Your time-outs, and a form to plan one (with message drafts)."""
    form = None
    if person_id or returns_on:
        form = {
            "person_id": person_id,
            "returns_on": returns_on,
            "reason": "",
            "message": "",
        }
    return _page(request, uow, shell, form=form)


@router.post("/practice/timeouts", response_class=HTMLResponse)
async def plan(request: Request, uow: UowDep, shell: ShellDep) -> Response:
    """Plan a time-out; on a mistake, the form again with what was typed."""
    data = await request.form()
    form = {name: str(data.get(name, "")) for name in FIELDS}
    try:
        returns = optional_date(form["returns_on"], "returns_on")
        if returns is None:
            raise InvalidInput("Choose the day you will come back.", field="returns_on")
        saved = plan_timeout(
            uow,
            zone=zone_of(shell),
            reason=form["reason"],
            returns_on=returns.date(),
            message=form["message"],
            person_id=optional_int(form["person_id"], "person_id"),
        )
    except InvalidInput as error:
        return _page(request, uow, shell, form=form, error=error)
    return RedirectResponse(f"/practice/timeouts/{saved.timeout.id}", status_code=303)


@router.get("/practice/timeouts/{timeout_id:id}", response_class=HTMLResponse)
def timeout_page(
    request: Request, uow: UowDep, shell: ShellDep, library: LibraryDep, timeout_id: int
) -> Response:
    """One time-out: the message to send, and the way back."""
    timeout = get_timeout(uow, timeout_id)
    day = today(zone_of(shell))
    return render(
        request,
        "timeout.html",
        shell=shell,
        title="Time-out",
        timeout=timeout,
        note=note_for(timeout, day),
        stage=timeout.stage(day).value,
        questions=reflection_named(library, QUESTIONS),
    )


@router.post("/practice/timeouts/{timeout_id:id}/return")
async def return_form(
    request: Request, uow: UowDep, zone: ZoneDep, library: LibraryDep, timeout_id: int
) -> Response:
    """Come back, keeping any answers to the time-out questions."""
    data = await request.form()
    count = len(reflection_named(library, QUESTIONS).prompts)
    answers = [str(data.get(f"answer_{n}", "")) for n in range(1, count + 1)]
    back = come_back(uow, library, timeout_id, answers, zone=zone)
    target = "/practice"
    if back.timeout.person_id is not None:
        target += f"?person={back.timeout.person_id}#plan-heading"
    return RedirectResponse(target, status_code=303)
