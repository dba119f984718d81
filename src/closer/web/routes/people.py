"""People: the list, adding someone, one person's page."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.commitments import kept_by_month, kept_rate
from closer.domain.errors import CloserError, InvalidInput
from closer.domain.local_time import local
from closer.domain.moments import APPROACHES, MomentQuery
from closer.domain.people import Person, Relationship
from closer.domain.repair import repair_drafts
from closer.services.commitments import (
    list_commitments,
    make_commitment,
    settle_commitment,
)
from closer.services.contacts import (
    drifting_people,
    last_in_touch,
    list_contacts,
    log_contact,
    person_rhythm,
)
from closer.services.ladder import ladder
from closer.services.moments import list_moments
from closer.services.people import (
    add_person,
    closeness_history,
    delete_person,
    get_person,
    list_people,
    update_person,
)
from closer.web import forms
from closer.web.dependencies import ShellDep, UowDep
from closer.web.rendering import render, zone_of

router = APIRouter(include_in_schema=False)


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, uow: UowDep, shell: ShellDep) -> Response:
    return render(
        request,
        "people.html",
        shell=shell,
        title="People",
        people=list_people(uow),
        relationships=list(Relationship),
        form={},
        error=None,
    )


def _fields(form: dict[str, str]) -> dict[str, Any]:
    """A person's details from the add or change form."""
    return {
        "name": form.get("name", ""),
        **forms.details(Person, form),
        "birthday": forms.birthday(
            form.get("birthday_day"),
            form.get("birthday_month"),
            form.get("birthday_year"),
        ),
    }


@router.post("/people", response_class=HTMLResponse)
async def add_person_form(request: Request, uow: UowDep, shell: ShellDep) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}

    def save() -> int:
        person = add_person(uow, **_fields(form))
        assert person.id is not None
        return person.id

    try:
        person_id = await run_in_threadpool(save)
    except CloserError as error:
        people = await run_in_threadpool(list_people, uow)
        return render(
            request,
            "people.html",
            shell=shell,
            title="People",
            people=people,
            relationships=list(Relationship),
            form=form,
            error=error,
            status_code=error.status,
        )
    return RedirectResponse(f"/people/{person_id}?added=true", status_code=303)


@router.post("/people/{person_id:id}/commitments")
def commitment_form(
    uow: UowDep,
    person_id: int,
    text: Annotated[str, Form()] = "",
    due_on: Annotated[str, Form()] = "",
) -> Response:
    """Plan or promise something with this person, for a day."""
    day = forms.optional_date(due_on, "due_on")
    if day is None:
        raise InvalidInput("Choose the day.", field="due_on")
    make_commitment(uow, person_id, text, day.date())
    return RedirectResponse(f"/people/{person_id}?planned=1#plans", status_code=303)


@router.post("/commitments/{commitment_id:id}")
def settle_form(
    uow: UowDep,
    commitment_id: int,
    status: Annotated[str, Form()] = "",
    new_due: Annotated[str, Form()] = "",
    cancelled_by: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Kept, rescheduled or cancelled."""
    day = forms.optional_date(new_due, "new_due")
    saved = settle_commitment(
        uow,
        commitment_id,
        status,
        new_due=day.date() if day else None,
        cancelled_by=cancelled_by or None,
        reason=reason,
    )
    target = f"/people/{saved.commitment.person_id}?planned=1#plans"
    return RedirectResponse(target, status_code=303)


@router.get("/people/{person_id:id}/repair", response_class=HTMLResponse)
def repair_page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    person_id: int,
    after: str = "quiet",
    feeling: str = "",
    step: str = "",
) -> Response:
    """Drafts of a message to reconnect, to edit and send yourself."""
    person = get_person(uow, person_id)
    return render(
        request,
        "repair.html",
        shell=shell,
        title=f"Reconnect with {person.name}",
        person=person,
        after=after if after in ("quiet", "cancelled") else "quiet",
        feeling=feeling[:100],
        step=step[:200],
        drafts=repair_drafts(
            person.name, after=after, feeling=feeling[:100], step=step[:200]
        ),
    )


@router.get("/people/drifting", response_class=HTMLResponse)
def drifting_page(request: Request, uow: UowDep, shell: ShellDep) -> Response:
    """People past the rhythm you chose, with one-tap ways to act on it."""
    return render(
        request,
        "drifting.html",
        shell=shell,
        title="Drifting",
        drifts=drifting_people(uow),
    )


@router.get("/people/{person_id:id}", response_class=HTMLResponse)
def person_page(
    request: Request, uow: UowDep, shell: ShellDep, person_id: int, added: bool = False
) -> Response:
    return render(
        request,
        "person.html",
        shell=shell,
        added=added,
        **person_context(uow, person_id, zone=zone_of(shell)),
    )


def person_context(
    uow: UowDep,
    person_id: int,
    *,
    error: CloserError | None = None,
    form: dict[str, str] | None = None,
    zone: tzinfo = UTC,
) -> dict[str, Any]:
    """Everything the person page shows: details, contact, plans and how many
    were kept month by month, ladder steps with them, closeness over time,
    moments."""
    with uow:  # one transaction for everything the page shows
        return _person_context(uow, person_id, error=error, form=form, zone=zone)


def _person_context(
    uow: UowDep,
    person_id: int,
    *,
    error: CloserError | None,
    form: dict[str, str] | None,
    zone: tzinfo,
) -> dict[str, Any]:
    person = get_person(uow, person_id)
    commitments = list_commitments(uow, person_id)
    return {
        "title": person.name,
        "person": person,
        "moments": list_moments(uow, MomentQuery(person_id=person_id, limit=20)),
        "contacts": list_contacts(uow, person_id)[:10],
        "commitments": commitments,
        "kept": kept_rate(commitments),
        "last_in_touch": last_in_touch(uow).get(person_id),
        "rhythm": person_rhythm(uow, person, zone=zone),
        "kept_months": kept_by_month(commitments),
        "steps": ladder(uow, [], person_id),
        "closeness": closeness_history(uow, person_id)[-12:],
        "birthday_in": _days_to_birthday(person, zone),
        "relationships": list(Relationship),
        "error": error,
        "form": form,
        "approaches": APPROACHES,
    }


def _days_to_birthday(person: Person, zone: tzinfo) -> int | None:
    """Days until someone's next birthday (0: today, where the person is)."""
    if person.birthday is None:
        return None
    today = local(datetime.now(UTC), zone).date()
    return (person.birthday.next_after(today) - today).days


@router.post("/people/{person_id:id}/contacts")
def contact_form(
    uow: UowDep,
    person_id: int,
    kind: Annotated[str, Form()] = "me",
    how: Annotated[str, Form()] = "text",
    note: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "",
) -> Response:
    """One action: I reached out, I heard from them, we met."""
    if kind == "meet":
        how = "meet"
    log_contact(uow, person_id, how=how, them=kind == "them", note=note)
    target = (
        "/people/drifting?contact=1"
        if back == "drifting"
        else (f"/people/{person_id}?contact=1#contacts")
    )
    return RedirectResponse(target, status_code=303)


@router.post("/people/{person_id:id}", response_class=HTMLResponse)
async def update_person_form(
    request: Request, uow: UowDep, shell: ShellDep, person_id: int
) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}

    def save() -> None:
        update_person(uow, person_id, **_fields(form))

    try:
        await run_in_threadpool(save)
    except CloserError as error:
        context = await run_in_threadpool(
            partial(
                person_context,
                uow,
                person_id,
                error=error,
                form=form,
                zone=zone_of(shell),
            )
        )
        return render(
            request,
            "person.html",
            shell=shell,
            added=False,
            status_code=error.status,
            **context,
        )
    return RedirectResponse(f"/people/{person_id}", status_code=303)


@router.post("/people/{person_id:id}/delete")
def delete_person_form(uow: UowDep, person_id: int) -> Response:
    delete_person(uow, person_id)
    return RedirectResponse("/people", status_code=303)
