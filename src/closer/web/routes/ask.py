"""Ask: a question box answered with Closer's own pages and your moments."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, Response

from closer.services.meaning import Asked, ask
from closer.services.safety import support_panel
from closer.web.dependencies import (
    DirectoryDep,
    LearnIndexDep,
    LibraryDep,
    ShellDep,
    UowDep,
    shell_after,
)
from closer.web.rendering import render
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix=API_PREFIX, tags=["meaning"], responses=ERRORS)
Question = Annotated[str, Query(max_length=500)]


@router.get("/ask", response_class=HTMLResponse)
async def ask_page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    library: LibraryDep,
    index: LearnIndexDep,
    directory: DirectoryDep,
    q: Question = "",
) -> Response:
    """The question box and, once asked, what answers it (and the support
    panel at once, when the question itself speaks of crisis)."""
    asked = await run_in_threadpool(ask, uow, library, index, q) if q.strip() else None
    if asked is not None:
        shell = shell_after(shell, uow, directory, asked.assessment)
    return render(request, "ask.html", shell=shell, title="Ask", q=q, asked=asked)


class AnswerOut(BaseModel):
    kind: str
    slug: str
    title: str
    path: str
    why: str = Field(description="The passage that came closest, or the words matched")
    score: float


class MomentHitOut(BaseModel):
    id: int
    occurred_at: str
    situation: str
    score: float


class AskOut(BaseModel):
    engine: str = Field(description="The model's name, or 'keywords'")
    answers: list[AnswerOut]
    moments: list[MomentHitOut]
    support: SupportOut | None = Field(
        default=None, description="Set when the question sounds worrying"
    )

    @classmethod
    def of(cls, asked: Asked) -> AskOut:
        return cls(
            engine=asked.engine,
            answers=[
                AnswerOut(
                    kind=a.entry.kind.value,
                    slug=a.entry.slug,
                    title=a.entry.title,
                    path=a.entry.path,
                    why=a.why,
                    score=round(a.score, 3),
                )
                for a in asked.answers
            ],
            moments=[
                MomentHitOut(
                    id=m.id or 0,
                    occurred_at=m.occurred_at.isoformat(),
                    situation=m.situation,
                    score=round(s, 3),
                )
                for m, s in asked.moments
            ],
        )


@api_router.get("/ask")
def ask_api(
    uow: UowDep,
    library: LibraryDep,
    index: LearnIndexDep,
    directory: DirectoryDep,
    q: Question,
) -> AskOut:
    """Closer's own FAQ entries, causes and strategies that answer a question,
    with why each matched, and your moments closest to it. No generated text."""
    asked = ask(uow, library, index, q)
    out = AskOut.of(asked)
    if asked.assessment.needs_support:
        out.support = support_out(support_panel(uow, directory, asked.assessment))
    return out
