"""Self-checks on the web: the list, one check's form, a result, a history."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.checks import Check, Scoring, find_check
from closer.domain.errors import InvalidInput
from closer.domain.local_time import local
from closer.presentation.charts import line_chart
from closer.services.checks import (
    Scored,
    delete_result,
    get_result,
    history,
    latest,
    reminder_every,
    set_reminder,
    take_check,
)
from closer.web import forms
from closer.web.dependencies import ChecksDep, LibraryDep, ShellDep, UowDep
from closer.web.rendering import render, zone_of

router = APIRouter(include_in_schema=False)


@router.get("/checks", response_class=HTMLResponse)
def checks_page(
    request: Request, uow: UowDep, shell: ShellDep, checks: ChecksDep
) -> Response:
    """Every check, with the last result of each and the reminder setting."""
    return render(
        request,
        "checks.html",
        shell=shell,
        title="Self-checks",
        checks=checks,
        latest=latest(uow, checks),
        every=reminder_every(uow),
        saved=request.query_params.get("saved"),
    )


@router.post("/checks/reminder")
async def reminder_form(request: Request, uow: UowDep) -> Response:
    """Turn the gentle reminder on (every N days) or off."""
    form = await request.form()
    days = forms.optional_int(str(form.get("every", "")), "check_every_days")
    await run_in_threadpool(set_reminder, uow, days)
    return RedirectResponse("/checks?saved=1", status_code=303)


@router.get("/checks/results/{result_id:id}", response_class=HTMLResponse)
def result_page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    checks: ChecksDep,
    library: LibraryDep,
    result_id: int,
) -> Response:
    """What a result means, in plain words."""
    scored = get_result(uow, checks, result_id)
    return render(
        request,
        "check_result.html",
        shell=shell,
        title=scored.check.name,
        scored=scored,
        library=library,
        phq9=find_check(checks, "phq9"),
    )


@router.post("/checks/results/{result_id:id}/delete")
def delete_result_form(uow: UowDep, checks: ChecksDep, result_id: int) -> Response:
    scored = get_result(uow, checks, result_id)
    delete_result(uow, result_id)
    return RedirectResponse(f"/checks/{scored.check.slug}/history", status_code=303)


def _form_page(
    request: Request,
    shell: ShellDep,
    check: Check,
    *,
    answers: dict[str, str] | None = None,
    error: InvalidInput | None = None,
) -> Response:
    return render(
        request,
        "check_form.html",
        shell=shell,
        title=check.title,
        check=check,
        answers=answers or {},
        error=error,
        status_code=error.status if error else 200,
    )


@router.get("/checks/{slug}", response_class=HTMLResponse)
def check_form(
    request: Request, shell: ShellDep, checks: ChecksDep, slug: str
) -> Response:
    """One check's questions."""
    return _form_page(request, shell, find_check(checks, slug))


def _answers(check: Check, form: dict[str, str]) -> list[int]:
    """The answers in order; a scored question left out is named."""
    answers: list[int] = []
    for number, question in enumerate(check.questions, start=1):
        raw = form.get(f"q{number}", "").strip()
        if not raw:
            if question.scored:
                raise InvalidInput(
                    f"Question {number} has no answer yet. Every question except "
                    "an optional last one needs one.",
                    field=f"q{number}",
                )
            continue
        value = forms.optional_int(raw, f"q{number}")
        assert value is not None
        answers.append(value)
    return answers


@router.post("/checks/{slug}", response_class=HTMLResponse)
async def take_check_form(
    request: Request, uow: UowDep, shell: ShellDep, checks: ChecksDep, slug: str
) -> Response:
    """Save the answers and show the result; a missing answer is named."""
    check = find_check(checks, slug)
    form = {k: str(v) for k, v in (await request.form()).items()}
    try:
        answers = _answers(check, form)
        scored = await run_in_threadpool(take_check, uow, check, answers)
    except InvalidInput as error:
        return _form_page(request, shell, check, answers=form, error=error)
    return RedirectResponse(f"/checks/results/{scored.result.id}", status_code=303)


@router.get("/checks/{slug}/history", response_class=HTMLResponse)
def history_page(
    request: Request, uow: UowDep, shell: ShellDep, checks: ChecksDep, slug: str
) -> Response:
    """Every time a check was taken, as a chart and a table."""
    check = find_check(checks, slug)
    results: list[Scored] = history(uow, checks, slug)
    chart = None
    if check.scoring is not Scoring.PROFILE and results:
        chart = line_chart(
            [s.score.total for s in results],
            [local(s.result.taken_at, zone_of(shell)) for s in results],
            check.highest,
            f"{check.name} results over time",
        )
    return render(
        request,
        "check_history.html",
        shell=shell,
        title=f"{check.name} over time",
        check=check,
        results=list(reversed(results)),
        chart=chart,
    )
