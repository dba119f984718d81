"""The knowledge base: signs, causes, strategies, reflections, FAQ, pages and
emotion words, and how they link. Loaded from ``closer/content/*.toml`` by
``closer.adapters.content``; searched here.

Links are stored once: a sign names its causes, a cause names its strategies,
a reflection names its strategies. The reverse views (a cause's signs, a
strategy's causes) are looked up, so they can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from closer.domain.errors import NotFound


class Kind(StrEnum):
    """The kinds of entry, named as they appear in addresses (/learn/causes/…)."""

    CAUSE = "causes"
    SIGN = "signs"
    STRATEGY = "strategies"
    REFLECTION = "reflections"
    FAQ = "faq"
    PAGE = "pages"
    EMOTION = "emotions"


class PromptInput(StrEnum):
    """How a reflection prompt is answered."""

    LINE = "line"
    TEXT = "text"
    LIST = "list"
    SCALE = "scale"
    CHOICE = "choice"


@dataclass(frozen=True, slots=True)
class SignGroup:
    """A family of signs, such as "going quiet"."""

    slug: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Sign:
    """One way of pulling away that a person may recognise in themselves."""

    slug: str
    group: str
    name: str
    description: str
    causes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cause:
    """One reason the urge to withdraw may come."""

    slug: str
    name: str
    what: str
    inside: str
    behaviour: str
    strategies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Strategy:
    """One small way of staying connected that a person can practise."""

    slug: str
    name: str
    category: str
    why: str
    today: str
    harder: str


@dataclass(frozen=True, slots=True)
class Prompt:
    """One question of a reflection and how it is answered."""

    text: str
    input: PromptInput
    choices: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None


@dataclass(frozen=True, slots=True)
class Reflection:
    """A guided set of questions to think a moment through."""

    slug: str
    name: str
    intro: str
    prompts: tuple[Prompt, ...]
    strategies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Faq:
    """A common question with Closer's answer; ``safety_net`` puts help
    beside it (a question that touches on hurting oneself)."""

    slug: str
    question: str
    answer: str
    causes: tuple[str, ...]
    strategies: tuple[str, ...]
    safety_net: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    """A page of the Learn section (safety, professional help, about)."""

    slug: str
    title: str
    summary: str
    body: str
    strategies: tuple[str, ...]
    reflections: tuple[str, ...]

    @property
    def paragraphs(self) -> list[str]:
        """The body split into paragraphs."""
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


@dataclass(frozen=True, slots=True)
class Emotion:
    """A feeling from the vocabulary moments use, with what it means."""

    slug: str
    name: str
    meaning: str
    pleasantness: str  # "pleasant" or "unpleasant"
    energy: str  # "high" or "low"
    common: bool = False  # offered first when a moment is logged
    also: tuple[str, ...] = ()  # everyday words for it ("scared" for afraid)


Item = Cause | Sign | Strategy | Reflection | Faq | Page | Emotion


@dataclass(frozen=True, slots=True)
class Entry:
    """Any item, seen the same way for the index and for search."""

    kind: Kind
    slug: str
    title: str
    summary: str
    text: str

    @property
    def path(self) -> str:
        """Its address in the web app."""
        return f"/learn/{self.kind.value}/{self.slug}"


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result."""

    entry: Entry
    score: int
    snippet: str


_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an and are as at be but by do does for from how i if in is it me my of on or "
    "so that the this to was what when why with you your".split()
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _one_spelling(word: str) -> str:
    """British and American spellings meet: counsellor and counselor,
    behaviour and behavior, cancelled and canceled."""
    word = word.replace("ll", "l")
    if len(word) > 4 and word.endswith("our"):
        word = word[:-3] + "or"
    return word


def terms(text: str) -> list[str]:
    """Search terms: lower-case words without stop words, lightly stemmed."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


def _stem(word: str) -> str:
    word = _one_spelling(word)
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            stem = word[: -len(suffix)]
            # "cancelling" → "cancell" → "cancel"; "stopped" → "stopp" → "stop"
            if suffix in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2]:
                stem = stem[:-1]
            return stem
    return word


# How one item of each kind is named to people ("Learn has no cause called …").
_ONE_OF = {
    Kind.CAUSE: "cause",
    Kind.SIGN: "sign",
    Kind.STRATEGY: "strategy",
    Kind.REFLECTION: "reflection",
    Kind.FAQ: "question",
    Kind.PAGE: "page",
    Kind.EMOTION: "feeling",
}


@dataclass(frozen=True)
class Library:
    """All content, by kind and slug, in the order it was written."""

    groups: dict[str, SignGroup]
    signs: dict[str, Sign]
    causes: dict[str, Cause]
    strategies: dict[str, Strategy]
    reflections: dict[str, Reflection]
    faq: dict[str, Faq]
    pages: dict[str, Page]
    emotions: dict[str, Emotion]
    _entries: list[Entry] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._entries.extend(self._build_entries())

    def emotion_named(self, word: str) -> str | None:
        """The feeling a person means by ``word``: its slug, its name or an
        everyday word for it, in any case; ``None`` when Closer has none."""
        wanted = " ".join(word.split()).casefold()
        for slug, emotion in self.emotions.items():
            if wanted in (slug, emotion.name.casefold(), *emotion.also):
                return slug
        return None

    # --- reverse links ---------------------------------------------------
    def signs_for_cause(self, slug: str) -> list[Sign]:
        return [s for s in self.signs.values() if slug in s.causes]

    def signs_in_group(self, slug: str) -> list[Sign]:
        return [s for s in self.signs.values() if s.group == slug]

    def causes_for_strategy(self, slug: str) -> list[Cause]:
        return [c for c in self.causes.values() if slug in c.strategies]

    def reflections_for_strategy(self, slug: str) -> list[Reflection]:
        return [r for r in self.reflections.values() if slug in r.strategies]

    def faq_for_cause(self, slug: str) -> list[Faq]:
        return [f for f in self.faq.values() if slug in f.causes]

    def strategies_named(self, slugs: Iterable[str]) -> list[Strategy]:
        return [self.strategies[slug] for slug in slugs]

    def causes_named(self, slugs: Iterable[str]) -> list[Cause]:
        return [self.causes[slug] for slug in slugs]

    def reflections_named(self, slugs: Iterable[str]) -> list[Reflection]:
        return [self.reflections[slug] for slug in slugs]

    def strategies_by_category(self) -> dict[str, list[Strategy]]:
        grouped: dict[str, list[Strategy]] = {}
        for strategy in self.strategies.values():
            grouped.setdefault(strategy.category, []).append(strategy)
        return grouped

    def emotions_by_quadrant(self) -> dict[tuple[str, str], list[Emotion]]:
        grouped: dict[tuple[str, str], list[Emotion]] = {}
        for emotion in self.emotions.values():
            grouped.setdefault((emotion.pleasantness, emotion.energy), []).append(
                emotion
            )
        return grouped

    # --- lookup ----------------------------------------------------------
    def table(self, kind: Kind) -> dict[str, Item]:
        tables: dict[Kind, dict[str, Item]] = {
            Kind.CAUSE: dict(self.causes),
            Kind.SIGN: dict(self.signs),
            Kind.STRATEGY: dict(self.strategies),
            Kind.REFLECTION: dict(self.reflections),
            Kind.FAQ: dict(self.faq),
            Kind.PAGE: dict(self.pages),
            Kind.EMOTION: dict(self.emotions),
        }
        return tables[kind]

    def get(self, kind: Kind, slug: str) -> Item:
        """One item, or ``NotFound`` naming what was asked for in words."""
        item = self.table(kind).get(slug)
        if item is None:
            asked = " ".join(slug.replace("-", " ").split())
            raise NotFound(
                f"Learn has no {_ONE_OF[kind]} called “{asked}”. Its search may "
                "find what you were looking for."
            )
        return item

    def find(self, reference: str) -> list[Entry]:
        """Entries for ``slug`` or ``kind/slug`` (one slug may be in several kinds)."""
        kind_name, _, slug = reference.strip().lower().rpartition("/")
        return [
            e
            for e in self._entries
            if e.slug == slug and kind_name in ("", e.kind.value)
        ]

    def entries(self) -> list[Entry]:
        """Every entry, kind by kind."""
        return list(self._entries)

    # --- search ----------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Full-text search: entries holding the most query terms, titles first."""
        wanted = set(terms(query))
        if not wanted:
            return []
        hits: list[Hit] = []
        for entry in self._entries:
            title_terms = set(terms(entry.title))
            body_terms = terms(entry.text)
            matched = wanted & (title_terms | set(body_terms))
            if not matched:
                continue
            score = 10 * len(matched) + 3 * len(wanted & title_terms)
            score += sum(1 for t in body_terms if t in wanted)
            hits.append(Hit(entry, score, _snippet(entry, wanted)))
        hits.sort(key=lambda h: (-h.score, h.entry.title))
        return hits[:limit]

    def _build_entries(self) -> Iterator[Entry]:
        for c in self.causes.values():
            yield Entry(
                Kind.CAUSE, c.slug, c.name, c.what, f"{c.what} {c.inside} {c.behaviour}"
            )
        for s in self.signs.values():
            yield Entry(Kind.SIGN, s.slug, s.name, s.description, s.description)
        for st in self.strategies.values():
            yield Entry(
                Kind.STRATEGY,
                st.slug,
                st.name,
                st.why,
                f"{st.why} {st.today} {st.harder}",
            )
        for r in self.reflections.values():
            text = " ".join([r.intro, *(p.text for p in r.prompts)])
            yield Entry(Kind.REFLECTION, r.slug, r.name, r.intro, text)
        for f in self.faq.values():
            yield Entry(
                Kind.FAQ, f.slug, f.question, f.answer.split(". ")[0] + ".", f.answer
            )
        for p in self.pages.values():
            yield Entry(Kind.PAGE, p.slug, p.title, p.summary, f"{p.summary} {p.body}")
        for e in self.emotions.values():
            yield Entry(Kind.EMOTION, e.slug, e.name, e.meaning, e.meaning)


def _snippet(entry: Entry, wanted: set[str]) -> str:
    for sentence in _SENTENCE.split(entry.text):
        if wanted & set(terms(sentence)):
            return sentence.strip()
    return entry.summary
