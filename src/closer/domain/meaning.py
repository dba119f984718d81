"""Understanding what a person wrote by its meaning, not only its words.

An ``Embedder`` turns sentences into unit-length vectors (the on-device model
in ``adapters/embeddings.py``); two sentences that mean much the same point
the same way, whatever words they use. The domain only needs that promise,
so this module stays pure Python.

``MeaningSuggester`` ranks causes by how close a moment's words come to each
cause: its page in Learn (name, what it is, how it feels, what it looks
like, the signs it shows in) and a few first-person examples written for it
(``content/cause_examples.toml``). A cause scores the mean of its three
closest sentences; the keyword engine's clues (the sign acted out, the
feelings named, telling words) add a little on top, and their reasons are
kept, so the person still sees why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from closer.domain.content import Entry, Kind, Library
from closer.domain.moments import Moment
from closer.domain.suggest import (
    MAX_CAUSES,
    KeywordSuggester,
    SuggestedCause,
    Suggestions,
    choose_reflections,
    choose_strategies,
)

CLOSEST = 3  # a cause's score: the mean of its closest sentences
KEYWORD_BONUS = 0.02  # per point of the keyword engine's score


class Embedder(Protocol):
    """Anything that turns sentences into unit-length vectors."""

    name: str

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


def similarity(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two unit-length vectors."""
    return sum(x * y for x, y in zip(a, b, strict=True))


def anchor_texts(
    library: Library, examples: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """Each cause's sentences to compare with: its page, its signs, examples."""
    found: dict[str, list[str]] = {}
    for slug, cause in library.causes.items():
        texts = [cause.name, cause.what, cause.inside, cause.behaviour]
        texts += [s.description for s in library.signs_for_cause(slug)]
        found[slug] = texts + list(examples.get(slug, ()))
    return found


class MeaningSuggester:
    """Causes by meaning, with the keyword engine's clues on top."""

    def __init__(
        self, embedder: Embedder, examples: Mapping[str, Sequence[str]]
    ) -> None:
        self.embedder = embedder
        self._examples = examples
        self._keyword = KeywordSuggester()
        self._anchors: dict[str, list[tuple[str, list[float]]]] | None = None

    @property
    def engine(self) -> str:
        """What the suggestions come from, in words."""
        return f"meaning ({self.embedder.name}, on this device) and keywords"

    def _anchored(self, library: Library) -> dict[str, list[tuple[str, list[float]]]]:
        if self._anchors is None:
            texts = anchor_texts(library, self._examples)
            flat = [t for slug in texts for t in texts[slug]]
            vectors = iter(self.embedder.embed(flat))
            self._anchors = {
                slug: [(t, next(vectors)) for t in items]
                for slug, items in texts.items()
            }
        return self._anchors

    def rank(
        self, text: str, library: Library, clues: Mapping[str, int]
    ) -> list[tuple[str, float, str]]:
        """Every cause with its score and its closest sentence, best first."""
        (query,) = self.embedder.embed([text])
        ranked = []
        for slug, anchors in self._anchored(library).items():
            scored = sorted(
                ((similarity(query, v), t) for t, v in anchors), reverse=True
            )
            top = scored[:CLOSEST]
            score = sum(s for s, _ in top) / len(top) + KEYWORD_BONUS * clues.get(
                slug, 0
            )
            ranked.append((slug, score, top[0][1]))
        ranked.sort(key=lambda r: -r[1])
        return ranked

    def suggest(self, moment: Moment, library: Library) -> Suggestions:
        """Likely causes for ``moment``: by meaning when it has words."""
        keyword = self._keyword.suggest(moment, library)
        text = " ".join(moment.texts()).strip()
        if not text:
            return keyword
        reasons = {c.slug: c.because for c in keyword.causes}
        clues = {c.slug: c.score for c in keyword.causes}
        top = [
            SuggestedCause(
                slug,
                library.causes[slug].name,
                round(100 * score),
                (*reasons.get(slug, ()), f"close in meaning to “{closest}”"),
            )
            for slug, score, closest in self.rank(text, library, clues)[:MAX_CAUSES]
        ]
        return Suggestions(
            causes=tuple(top),
            strategies=choose_strategies(top, library),
            reflections=choose_reflections(top, library),
            engine=self.engine,
        )


class EmotionHinter:
    """Feelings a text sounds like, from Learn's vocabulary, closest first.

    Each feeling is compared by its name and meaning ("Anxious: uneasy about
    what might happen"); a feeling is offered only when the text comes close
    enough (``floor``), so a plain account of events gets no hint at all.
    """

    def __init__(self, embedder: Embedder, floor: float = 0.25) -> None:
        self.embedder = embedder
        self.floor = floor
        self._anchors: dict[str, list[float]] | None = None

    def _anchored(self, library: Library) -> dict[str, list[float]]:
        if self._anchors is None:
            slugs = list(library.emotions)
            texts = [
                f"I feel {library.emotions[s].name.lower()}. "
                f"{library.emotions[s].meaning}"
                for s in slugs
            ]
            self._anchors = dict(zip(slugs, self.embedder.embed(texts), strict=True))
        return self._anchors

    def scores(
        self, vector: Sequence[float], library: Library
    ) -> list[tuple[str, float]]:
        """Every feeling with its closeness to an embedded text, closest first."""
        found = [(s, similarity(vector, v)) for s, v in self._anchored(library).items()]
        return sorted(found, key=lambda f: -f[1])

    def hints(self, text: str, library: Library, limit: int = 3) -> list[str]:
        """Up to ``limit`` feelings the text sounds like (none for no words)."""
        if not text.strip():
            return []
        (vector,) = self.embedder.embed([text])
        return [
            s
            for s, score in self.scores(vector, library)[:limit]
            if score >= self.floor
        ]


@dataclass(frozen=True, slots=True)
class Answer:
    """A Learn entry that answers a question, and why it was chosen."""

    entry: Entry
    why: str  # the passage that came closest, or the words that matched
    score: float


ASK_KINDS = (Kind.FAQ, Kind.CAUSE, Kind.STRATEGY)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def passages(library: Library) -> list[tuple[Entry, str]]:
    """Every entry of the kinds Ask answers with, sentence by sentence (its
    title first), for comparing by meaning."""
    found = []
    for entry in library.entries():
        if entry.kind in ASK_KINDS:
            found.append((entry, entry.title))
            found += [
                (entry, s.strip()) for s in _SENTENCES.split(entry.text) if s.strip()
            ]
    return found


class LearnIndex:
    """Learn's FAQ, causes and strategies, searchable by meaning."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._passages: list[tuple[Entry, str, list[float]]] | None = None

    def _indexed(self, library: Library) -> list[tuple[Entry, str, list[float]]]:
        if self._passages is None:
            found = passages(library)
            vectors = self.embedder.embed([text for _, text in found])
            self._passages = [
                (e, t, v) for (e, t), v in zip(found, vectors, strict=True)
            ]
        return self._passages

    def ask(self, question: str, library: Library, per_kind: int = 3) -> list[Answer]:
        """The closest entries of each kind (FAQ, causes, strategies), best first."""
        if not question.strip():
            return []
        (query,) = self.embedder.embed([question])
        best: dict[tuple[Kind, str], Answer] = {}
        for entry, text, vector in self._indexed(library):
            score = similarity(query, vector)
            key = (entry.kind, entry.slug)
            if key not in best or score > best[key].score:
                best[key] = Answer(entry, text, score)
        ranked = sorted(best.values(), key=lambda a: -a.score)
        return [
            a
            for kind in ASK_KINDS
            for a in [r for r in ranked if r.entry.kind is kind][:per_kind]
        ]


def ask_by_words(question: str, library: Library, per_kind: int = 3) -> list[Answer]:
    """The same answer shape from Learn's full-text search (no model)."""
    hits = [h for h in library.search(question, limit=100) if h.entry.kind in ASK_KINDS]
    return [
        Answer(h.entry, h.snippet, float(h.score))
        for kind in ASK_KINDS
        for h in [h for h in hits if h.entry.kind is kind][:per_kind]
    ]
