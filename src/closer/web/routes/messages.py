"""The message check: a draft, before it is sent, on the page and the API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, Response

from closer.services.messages import MAX_DRAFT, check_draft, findings_data
from closer.services.safety import support_panel
from closer.web.dependencies import (
    DirectoryDep,
    LibraryDep,
    MessageCheckerDep,
    ShellDep,
    UowDep,
    shell_after,
)
from closer.web.rendering import render
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix=API_PREFIX, tags=["messages"], responses=ERRORS)
PAGE = "/practice/message"
TITLE = "Check a message"


@router.get(PAGE, response_class=HTMLResponse)
def message_page(request: Request, shell: ShellDep) -> Response:
    """An empty draft box."""
    return render(
        request,
        "message_check.html",
        shell=shell,
        title=TITLE,
        draft="",
        checked=None,
        max_draft=MAX_DRAFT,
    )


@router.post(PAGE, response_class=HTMLResponse)
async def message_check_page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    checker: MessageCheckerDep,
    library: LibraryDep,
    directory: DirectoryDep,
    draft: Annotated[str, Form(max_length=MAX_DRAFT)] = "",
) -> Response:
    """What the draft shows, and warmer drafts; the draft stays in its box
    (and the support panel opens at once when it sounds worrying)."""
    checked = None
    if draft.strip():
        checked = await run_in_threadpool(check_draft, uow, checker, draft)
        shell = shell_after(shell, uow, directory, checked.assessment)
    return render(
        request,
        "message_check.html",
        shell=shell,
        title=TITLE,
        draft=draft,
        checked=checked,
        max_draft=MAX_DRAFT,
        library=library,
    )


class DraftIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_DRAFT, description="The draft")


class FindingOut(BaseModel):
    pattern: str = Field(description="curt, cancel, sarcasm, blame or vanish")
    name: str
    why: str = Field(description="How it can land, in plain words")
    evidence: str = Field(
        description="The words that showed it, or what it came close to"
    )
    by: str = Field(description="'words' or 'meaning'")
    alternatives: list[str] = Field(description="Warmer drafts; fill in the [brackets]")
    strategy: str = Field(description="The Learn strategy that goes deeper")


class MessageCheckOut(BaseModel):
    engine: str = Field(description="'keywords', or the model and keywords")
    findings: list[FindingOut]
    support: SupportOut | None = Field(
        default=None, description="Set when the draft sounds worrying"
    )


@api_router.post("/messages/check")
def message_check_api(
    body: DraftIn, uow: UowDep, checker: MessageCheckerDep, directory: DirectoryDep
) -> MessageCheckOut:
    """Distancing patterns in a draft message (a curt brush-off, cancelling
    without a new plan, sarcasm, blame, vanishing) with warmer drafts for each.
    Nothing is sent and the draft is not stored."""
    checked = check_draft(uow, checker, body.text)
    out = MessageCheckOut(
        engine=checked.check.engine,
        findings=[FindingOut(**f) for f in findings_data(checked.check)],
    )
    if checked.assessment.needs_support:
        out.support = support_out(support_panel(uow, directory, checked.assessment))
    return out
