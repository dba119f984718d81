"""What the on-device model understands, over the API."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from closer.web.dependencies import HinterDep, LibraryDep
from closer.web.routes.api import API_PREFIX, ERRORS

router = APIRouter(prefix=API_PREFIX, tags=["meaning"], responses=ERRORS)


class TextIn(BaseModel):
    text: str = Field(max_length=10_000)


class HintsOut(BaseModel):
    emotions: list[str] = Field(description="Feeling slugs from Learn, closest first")
    engine: str = Field(description="The model, or 'none' when it is not installed")


@router.post("/hints/emotions")
def emotion_hints(body: TextIn, hinter: HinterDep, library: LibraryDep) -> HintsOut:
    """Feelings a text sounds like (up to three), by meaning. Nothing is stored.
    Without the ml extra (or with CLOSER_MODEL=off) the list is empty."""
    if hinter is None:
        return HintsOut(emotions=[], engine="none")
    return HintsOut(
        emotions=hinter.hints(body.text, library), engine=hinter.embedder.name
    )
