"""Need help now: crisis lines, the safety plan first, grounding."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from closer.domain.errors import InvalidInput
from closer.domain.safety.plan import GUIDES, PlanSection
from closer.services.help import help_now
from closer.services.safety import get_plan
from closer.web.dependencies import DirectoryDep, OptionalUowDep, ShellDep
from closer.web.rendering import render

router = APIRouter(include_in_schema=False)

# In a crisis, these parts of the plan come first: what to do, who to call, why.
SUMMARY_SECTIONS = (PlanSection.COPING, PlanSection.PEOPLE, PlanSection.REASONS)


@router.get("/help", response_class=HTMLResponse)
def help_page(
    request: Request,
    uow: OptionalUowDep,
    shell: ShellDep,
    directory: DirectoryDep,
    country: str | None = None,
) -> Response:
    """Your safety plan (when it has content), then crisis lines for your country.

    Works while the records are locked: the lines show, the plan waits."""
    try:
        view = help_now(uow, directory, country=country or None)
    except InvalidInput:
        view = help_now(uow, directory)
    plan = get_plan(uow) if uow is not None else None
    summary = [
        (GUIDES[section].title, plan.items(section))
        for section in SUMMARY_SECTIONS
        if plan is not None and plan.items(section)
    ]
    return render(
        request,
        "help.html",
        shell=shell,
        title="Need help now",
        view=view,
        plan=plan,
        plan_summary=summary,
        choices=directory.choices(),
        hide_support_panel=True,
    )
