"""Asking Closer, and finding moments by what they mean.

Vectors of a person's own texts are kept in their store by text hash (and
model), so reading an unchanged journal again embeds nothing. Without the
on-device model, Ask answers from Learn's full-text search and moments are
found by their words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from closer.domain.content import Library
from closer.domain.meaning import Answer, Embedder, LearnIndex, ask_by_words, similarity
from closer.domain.moments import Moment, MomentQuery
from closer.domain.safety import Assessment
from closer.services.safety import check_saved_text
from closer.services.unit_of_work import UnitOfWork

CLOSE_ENOUGH = 0.2  # a moment shown for a question must come at least this close


def vectors_for(
    uow: UnitOfWork, embedder: Embedder, texts: Sequence[str]
) -> list[list[float]]:
    """A vector per text: kept ones read back, new ones embedded and kept."""
    with uow:
        kept = uow.vectors.get_many(embedder.name, texts)
        missing = list(dict.fromkeys(t for t in texts if t not in kept))
        if missing:
            new = dict(zip(missing, embedder.embed(missing), strict=True))
            uow.vectors.add_many(embedder.name, new)
            uow.commit()
            kept.update(new)
    return [kept[t] for t in texts]


def moments_by_meaning(
    uow: UnitOfWork, embedder: Embedder, question: str, limit: int = 5
) -> list[tuple[Moment, float]]:
    """The person's moments closest in meaning to ``question``."""
    with uow:
        moments = uow.moments.all()
    texts = [" ".join(m.texts()) for m in moments]
    if not moments or not question.strip():
        return []
    (query,) = embedder.embed([question])
    ranked = sorted(
        (
            (m, similarity(query, v))
            for m, v in zip(moments, vectors_for(uow, embedder, texts), strict=True)
        ),
        key=lambda pair: -pair[1],
    )
    return [(m, s) for m, s in ranked[:limit] if s >= CLOSE_ENOUGH]


@dataclass(frozen=True, slots=True)
class Asked:
    """What Ask found: Learn's answers and the person's own moments."""

    answers: list[Answer]
    moments: list[tuple[Moment, float]]
    engine: str
    assessment: Assessment  # a question can speak of crisis too


def ask(
    uow: UnitOfWork, library: Library, index: LearnIndex | None, question: str
) -> Asked:
    """Closer's own words that answer ``question``, and moments like it. The
    question goes through the safety check first, like any text typed in."""
    assessment = check_saved_text(uow, [question], source="ask")
    if index is None:
        with uow:
            found, _ = uow.moments.find(MomentQuery(search=question, limit=5))
        moments = [(m, 0.0) for m in found]
        return Asked(ask_by_words(question, library), moments, "keywords", assessment)
    return Asked(
        index.ask(question, library),
        moments_by_meaning(uow, index.embedder, question),
        index.embedder.name,
        assessment,
    )
