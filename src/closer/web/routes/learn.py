"""Learn: the knowledge base as cross-linked pages, with search."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from closer.domain.content import Kind
from closer.domain.errors import NotFound
from closer.web.dependencies import LibraryDep, ShellDep
from closer.web.rendering import render

router = APIRouter(prefix="/learn", include_in_schema=False)

CATEGORY_NAMES = {
    "awareness": "Noticing",
    "reflection": "Thinking it through",
    "self-acceptance": "Being kind to yourself",
    "practice": "Practising closeness",
    "support": "Getting support",
}


@router.get("", response_class=HTMLResponse)
def learn_index(
    request: Request, shell: ShellDep, library: LibraryDep, q: str = ""
) -> Response:
    """Everything in Learn, or search results when ``q`` is given."""
    query = q.strip()[:200]
    return render(
        request,
        "learn_index.html",
        shell=shell,
        title=f"Search: {query}" if query else "Learn",
        library=library,
        query=query,
        hits=library.search(query) if query else [],
        categories=CATEGORY_NAMES,
    )


@router.get("/emotions", response_class=HTMLResponse)
def learn_emotions(request: Request, shell: ShellDep, library: LibraryDep) -> Response:
    """Words for feelings, by how pleasant they are and how much energy they carry."""
    return render(
        request,
        "learn_emotions.html",
        shell=shell,
        title="Words for feelings",
        quadrants=library.emotions_by_quadrant(),
    )


@router.get("/{kind}/{slug}", response_class=HTMLResponse)
def learn_entry(
    request: Request, shell: ShellDep, library: LibraryDep, kind: str, slug: str
) -> Response:
    """One cause, sign, strategy, reflection, question or page."""
    try:
        parsed = Kind(kind)
    except ValueError:
        raise NotFound("There is no such section in Learn.") from None
    if parsed is Kind.EMOTION:
        raise NotFound("Feelings are listed together at /learn/emotions.")
    item = library.get(parsed, slug)
    title = getattr(item, "name", None) or getattr(item, "title", None)
    if title is None:
        title = getattr(item, "question", slug)
    return render(
        request,
        f"learn_{parsed.name.lower()}.html",
        shell=shell,
        title=title,
        item=item,
        library=library,
        categories=CATEGORY_NAMES,
    )
