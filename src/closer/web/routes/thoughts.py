"""Thought records on the web: write, finish later, reread, remove."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.errors import InvalidInput
from closer.domain.moments import Felt, parse_felt
from closer.domain.thoughts import TRAPS, ThoughtRecord
from closer.services.thoughts import (
    ThoughtFields,
    delete_thought,
    get_thought,
    list_thoughts,
    update_thought,
    write_thought,
)
from closer.web.dependencies import LibraryDep, ShellDep, UowDep
from closer.web.forms import optional_int
from closer.web.rendering import render

router = APIRouter(include_in_schema=False)

TEXT_FIELDS = ("situation", "automatic_thought", "evidence_for", "evidence_against",
               "balanced_thought", "belief_before", "belief_after", "emotions",
               "emotions_after", "moment")  # fmt: skip


def felt_list(text: str) -> list[Felt]:
    """``anxious:7, ashamed`` as typed in a form."""
    return [
        parse_felt(part) for part in text.replace(";", ",").split(",") if part.strip()
    ]


def felt_text(felt: tuple[Felt, ...]) -> str:
    """Feelings back into the form's words."""
    return ", ".join(
        f"{f.emotion} {f.intensity}" if f.intensity else f.emotion for f in felt
    )


def _fields(form: dict[str, str], traps: list[str]) -> ThoughtFields:
    return ThoughtFields(
        situation=form["situation"],
        automatic_thought=form["automatic_thought"],
        belief_before=optional_int(form["belief_before"], "belief_before"),
        emotions=felt_list(form["emotions"]),
        traps=traps,
        evidence_for=form["evidence_for"],
        evidence_against=form["evidence_against"],
        balanced_thought=form["balanced_thought"],
        belief_after=optional_int(form["belief_after"], "belief_after"),
        emotions_after=felt_list(form["emotions_after"]),
        moment_id=optional_int(form["moment"], "moment"),
    )


def _read(data: FormData) -> tuple[dict[str, str], list[str]]:
    form = {name: str(data.get(name, "")) for name in TEXT_FIELDS}
    return form, [str(t) for t in data.getlist("traps")]


def record_form(record: ThoughtRecord) -> dict[str, str]:
    """A saved record as the form's values."""
    after = "" if record.belief_after is None else str(record.belief_after)
    return {
        "situation": record.situation,
        "automatic_thought": record.automatic_thought,
        "belief_before": str(record.belief_before),
        "emotions": felt_text(record.emotions),
        "evidence_for": record.evidence_for,
        "evidence_against": record.evidence_against,
        "balanced_thought": record.balanced_thought,
        "belief_after": after,
        "emotions_after": felt_text(record.emotions_after),
        "moment": "" if record.moment_id is None else str(record.moment_id),
    }


def _form_page(
    request: Request,
    shell: ShellDep,
    *,
    form: dict[str, str],
    traps: list[str],
    record: ThoughtRecord | None = None,
    error: InvalidInput | None = None,
) -> Response:
    return render(
        request,
        "thought_form.html",
        shell=shell,
        title="Thought record" if record else "New thought record",
        form=form,
        chosen_traps=traps,
        traps=TRAPS,
        record=record,
        error=error,
        status_code=error.status if error else 200,
    )


@router.get("/practice/thoughts", response_class=HTMLResponse)
def thoughts_page(request: Request, uow: UowDep, shell: ShellDep) -> Response:
    """Your thought records."""
    return render(
        request,
        "thoughts.html",
        shell=shell,
        title="Thought records",
        records=list_thoughts(uow),
    )


@router.get("/practice/thoughts/new", response_class=HTMLResponse)
def new_thought_page(request: Request, shell: ShellDep, moment: str = "") -> Response:
    """An empty thought record."""
    form = dict.fromkeys(TEXT_FIELDS, "") | {"moment": moment}
    return _form_page(request, shell, form=form, traps=[])


@router.post("/practice/thoughts", response_class=HTMLResponse)
async def create_thought(
    request: Request, uow: UowDep, shell: ShellDep, library: LibraryDep
) -> Response:
    """Save a new record; on a mistake, the form again with everything kept."""
    form, traps = _read(await request.form())
    try:
        saved = write_thought(uow, library, _fields(form, traps))
    except InvalidInput as error:
        return _form_page(request, shell, form=form, traps=traps, error=error)
    return RedirectResponse(
        f"/practice/thoughts/{saved.record.id}?saved=1", status_code=303
    )


@router.get("/practice/thoughts/{record_id:id}", response_class=HTMLResponse)
def thought_page(
    request: Request, uow: UowDep, shell: ShellDep, record_id: int
) -> Response:
    """A record, ready to reread or finish."""
    record = get_thought(uow, record_id)
    return _form_page(
        request,
        shell,
        form=record_form(record),
        traps=list(record.traps),
        record=record,
    )


@router.post("/practice/thoughts/{record_id:id}", response_class=HTMLResponse)
async def save_thought(
    request: Request, uow: UowDep, shell: ShellDep, library: LibraryDep, record_id: int
) -> Response:
    """Save changes to a record."""
    record = get_thought(uow, record_id)
    form, traps = _read(await request.form())
    try:
        update_thought(uow, library, record_id, _fields(form, traps))
    except InvalidInput as error:
        return _form_page(
            request, shell, form=form, traps=traps, record=record, error=error
        )
    return RedirectResponse(f"/practice/thoughts/{record_id}?saved=1", status_code=303)


@router.post("/practice/thoughts/{record_id:id}/delete")
def remove_thought(uow: UowDep, record_id: int) -> Response:
    """Remove one."""
    delete_thought(uow, record_id)
    return RedirectResponse("/practice/thoughts", status_code=303)
