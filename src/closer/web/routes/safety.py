"""The safety pages: the personal safety plan, grounding, and closing the
support panel (only ever by an explicit choice)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.errors import InvalidInput
from closer.domain.safety import grounding
from closer.domain.safety.plan import GUIDES, PlanSection
from closer.domain.safety.support import Choice, parse_choice
from closer.services.safety import (
    answer_check_in,
    get_plan,
    resolve_support,
    save_plan,
)
from closer.web.dependencies import ShellDep, UowDep
from closer.web.rendering import render

router = APIRouter(include_in_schema=False)


def safe_next(path: str) -> str:
    """Only a path on this site may be returned to (no open redirects)."""
    if path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/"


@router.post("/support")
def close_support(
    uow: UowDep,
    choice: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    """ "I'm safe right now" returns to the page, with a warm word; "Show me
    help" opens help."""
    chosen = resolve_support(uow, parse_choice(choice))
    if chosen is Choice.HELP:
        return RedirectResponse("/help", status_code=303)
    return RedirectResponse(with_word(safe_next(next), "safe"), status_code=303)


def with_word(path: str, word: str) -> str:
    """``path`` with ``said=word`` added, for the page to say a kind word."""
    path, mark, fragment = path.partition("#")
    joined = f"{path}{'&' if '?' in path else '?'}said={word}"
    return f"{joined}{mark}{fragment}"


@router.post("/support/check-in")
def check_in(
    uow: UowDep,
    alert: Annotated[int, Form()],
    answer: Annotated[str, Form()],
) -> Response:
    """The gentle check-in after a hard moment: "better" back to Today with a
    kind word, "still hard" to help. Either way it is not asked again."""
    if answer not in {"better", "hard"}:
        raise InvalidInput("Choose 'better' or 'hard'.", field="answer")
    answer_check_in(uow, alert)
    if answer == "hard":
        return RedirectResponse("/help", status_code=303)
    return RedirectResponse(with_word("/", "better"), status_code=303)


@router.get("/safety-plan", response_class=HTMLResponse)
def plan_page(
    request: Request, uow: UowDep, shell: ShellDep, saved: bool = False
) -> Response:
    """The plan, ready to read or print."""
    return render(
        request,
        "safety_plan.html",
        shell=shell,
        title="My safety plan",
        plan=get_plan(uow),
        sections=list(PlanSection),
        guides=GUIDES,
        saved=saved,
    )


def _edit_page(
    request: Request,
    shell: ShellDep,
    values: dict[str, str],
    error: InvalidInput | None = None,
) -> Response:
    return render(
        request,
        "safety_plan_edit.html",
        shell=shell,
        title="Edit my safety plan",
        sections=list(PlanSection),
        guides=GUIDES,
        values=values,
        error=error,
        status_code=error.status if error else 200,
    )


@router.get("/safety-plan/edit", response_class=HTMLResponse)
def edit_plan_page(request: Request, uow: UowDep, shell: ShellDep) -> Response:
    """One text box per section, one item per line."""
    plan = get_plan(uow)
    values = {s.value: "\n".join(plan.items(s)) for s in PlanSection}
    return _edit_page(request, shell, values)


@router.post("/safety-plan/edit", response_class=HTMLResponse)
async def save_plan_page(request: Request, uow: UowDep, shell: ShellDep) -> Response:
    """Save every section at once; a mistake changes nothing and keeps the typing."""
    form = await request.form()
    values = {s.value: str(form.get(s.value, "")) for s in PlanSection}
    try:
        await run_in_threadpool(save_plan, uow, values)
    except InvalidInput as error:
        return _edit_page(request, shell, values, error)
    return RedirectResponse("/safety-plan?saved=true", status_code=303)


@router.get("/grounding", response_class=HTMLResponse)
def grounding_page(request: Request, shell: ShellDep, step: int = 0) -> Response:
    """5-4-3-2-1, one step per page so it works without JavaScript."""
    last = len(grounding.STEPS) + 1
    step = min(max(step, 0), last)
    current = grounding.STEPS[step - 1] if 1 <= step <= len(grounding.STEPS) else None
    return render(
        request,
        "grounding.html",
        shell=shell,
        title="Grounding",
        step=step,
        last=last,
        total=len(grounding.STEPS),
        current=current,
        intro=grounding.INTRO,
        outro=grounding.OUTRO,
        hide_support_panel=True,
    )
