"""The knowledge base in the JSON API."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from closer.domain.content import Kind
from closer.domain.errors import NotFound
from closer.web.dependencies import LibraryDep
from closer.web.routes.api import API_PREFIX, ERRORS

router = APIRouter(prefix=f"{API_PREFIX}/learn", responses=ERRORS, tags=["learn"])


class EntryOut(BaseModel):
    kind: str
    slug: str
    title: str
    summary: str
    path: str


class HitOut(EntryOut):
    snippet: str
    score: int


@router.get("")
def learn_index(library: LibraryDep) -> list[EntryOut]:
    """Every entry in the knowledge base."""
    return [
        EntryOut(
            kind=e.kind.value,
            slug=e.slug,
            title=e.title,
            summary=e.summary,
            path=e.path,
        )
        for e in library.entries()
    ]


@router.get("/search")
def learn_search(
    library: LibraryDep, q: str = Query(min_length=1, max_length=200)
) -> list[HitOut]:
    """Full-text search over the knowledge base."""
    return [
        HitOut(
            kind=h.entry.kind.value,
            slug=h.entry.slug,
            title=h.entry.title,
            summary=h.entry.summary,
            path=h.entry.path,
            snippet=h.snippet,
            score=h.score,
        )
        for h in library.search(q)
    ]


@router.get("/{kind}/{slug}")
def learn_entry(library: LibraryDep, kind: str, slug: str) -> dict[str, Any]:
    """One entry with all its fields and links."""
    try:
        parsed = Kind(kind)
    except ValueError:
        known = ", ".join(k.value for k in Kind)
        raise NotFound(f"There is no kind {kind!r}; use one of {known}.") from None
    return {"kind": parsed.value, **asdict(library.get(parsed, slug))}
