"""The message check: does a draft push someone away without meaning to?

A person pastes a message they are about to send. Closer points out five
patterns that tend to create distance (``content/message_patterns.toml``):
a curt brush-off, cancelling without a new plan, sarcasm, blame and
vanishing, and offers warmer drafts to start from, written in our words.
Nothing is sent and nothing is kept; the person decides.

``WordChecker`` finds them by the words used. ``MeaningChecker`` adds what
the on-device model hears: a sentence that comes close to a pattern's
example drafts, and clearly closer to them than to ordinary warm ones. A
pattern's ``unless`` expressions (a new day, a time to come back) clear it
whichever engine found it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from closer.domain.meaning import Embedder, similarity

CLOSE = 0.6  # how near a sentence must come to a pattern's example drafts
MARGIN = 0.1  # and how much nearer than to any warm draft
_APOSTROPHES = "'’‘`´"  # noqa: RUF001 - the curly ones are the point
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way a message can push someone away, and warmer ways to say it."""

    slug: str
    name: str
    why: str
    cues: tuple[re.Pattern[str], ...]
    short_cues: tuple[re.Pattern[str], ...]
    short_words: int
    unless: tuple[re.Pattern[str], ...]
    examples: tuple[str, ...]
    alternatives: tuple[str, ...]
    strategy: str


def compile_cues(expressions: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    """Cues as case-blind regular expressions (``re.error`` if one is broken)."""
    return tuple(re.compile(e, re.IGNORECASE) for e in expressions)


@dataclass(frozen=True, slots=True)
class Finding:
    """A pattern found in a draft, with what showed it."""

    pattern: Pattern
    evidence: str  # the words that showed it, or the example it came close to
    by: str  # "words" or "meaning"


@dataclass(frozen=True, slots=True)
class MessageCheck:
    """What the check found in one draft, and which engine looked."""

    findings: tuple[Finding, ...]
    engine: str

    @property
    def clear(self) -> bool:
        """Nothing found."""
        return not self.findings


class MessageChecker(Protocol):
    """Anything that checks a draft (by words, or by meaning and words)."""

    @property
    def engine(self) -> str: ...

    def check(self, text: str) -> MessageCheck: ...


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft with its apostrophes taken out for matching ("don't" is
    "dont"), and where each matching character came from, so the words
    shown as evidence are the person's own."""

    text: str
    plain: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Draft:
        kept = [(i, c) for i, c in enumerate(text) if c not in _APOSTROPHES]
        return cls(text, "".join(c for _, c in kept), tuple(i for i, _ in kept))

    @property
    def words(self) -> int:
        return len(_WORDS.findall(self.plain))

    def find(self, cues: Sequence[re.Pattern[str]]) -> str | None:
        """The person's words that the first matching cue matched."""
        for cue in cues:
            found = cue.search(self.plain)
            if found and found.group().strip():
                start = self.origin[found.start()]
                end = self.origin[found.end() - 1] + 1
                return self.text[start:end].strip()
        return None


def sentences(text: str) -> list[str]:
    """The draft's sentences (and lines), without empty ones."""
    return [s.strip() for s in _SENTENCES.split(text) if s.strip()]


class WordChecker:
    """The patterns a draft shows in its words."""

    engine = "keywords"

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.patterns = tuple(patterns)

    def evidence(self, draft: Draft, pattern: Pattern) -> str | None:
        """What shows ``pattern`` in the draft's words, if anything."""
        found = pattern.cues and draft.find(pattern.cues)
        if not found and 0 < draft.words <= pattern.short_words:
            found = draft.find(pattern.short_cues)
        return found or None

    def check(self, text: str) -> MessageCheck:
        """Every pattern the draft shows that its own words do not undo."""
        draft = Draft.of(text)
        return MessageCheck(
            tuple(
                Finding(p, words, "words")
                for p in self.patterns
                if (words := self.evidence(draft, p)) and not draft.find(p.unless)
            ),
            self.engine,
        )


def fits(draft: Draft, pattern: Pattern) -> bool:
    """Whether a pattern heard by meaning can stand: nothing in the draft
    undoes it, and a pattern about short replies (curtness) is only heard in
    a draft at most twice that short."""
    if pattern.short_words and draft.words > 2 * pattern.short_words:
        return False
    return not draft.find(pattern.unless)


class MeaningChecker:
    """The word check, and what the on-device model hears on top."""

    def __init__(
        self, embedder: Embedder, patterns: Sequence[Pattern], warm: Sequence[str]
    ) -> None:
        self.embedder = embedder
        self.words = WordChecker(patterns)
        self.warm = tuple(warm)
        self._anchors: tuple[list[list[float]], list[list[list[float]]]] | None = None

    @property
    def engine(self) -> str:
        """What the check comes from, in words."""
        return f"meaning ({self.embedder.name}, on this device) and keywords"

    def _anchored(self) -> tuple[list[list[float]], list[list[list[float]]]]:
        if self._anchors is None:
            patterns = self.words.patterns
            vectors = self.embedder.embed(
                [*self.warm, *(e for p in patterns for e in p.examples)]
            )
            warm, rest = vectors[: len(self.warm)], iter(vectors[len(self.warm) :])
            self._anchors = (
                warm,
                [[next(rest) for _ in p.examples] for p in patterns],
            )
        return self._anchors

    def heard(self, text: str) -> dict[str, str]:
        """Pattern slug -> the example a sentence of ``text`` came close to."""
        parts = sentences(text)
        if not parts:
            return {}
        warm, examples = self._anchored()
        found: dict[str, str] = {}
        for vector in self.embedder.embed(parts):
            nearest_warm = max(similarity(vector, w) for w in warm)
            for pattern, anchors in zip(self.words.patterns, examples, strict=True):
                near = [similarity(vector, a) for a in anchors]
                best = max(range(len(near)), key=near.__getitem__)
                if near[best] >= CLOSE and near[best] - nearest_warm >= MARGIN:
                    found.setdefault(pattern.slug, pattern.examples[best])
        return found

    def check(self, text: str) -> MessageCheck:
        """Each pattern the words show, else one the model hears (in the
        patterns' own order)."""
        draft = Draft.of(text)
        by_words = {f.pattern.slug: f for f in self.words.check(text).findings}
        heard = self.heard(text)
        found = (
            by_words.get(p.slug)
            or Finding(p, f"close in meaning to “{heard[p.slug]}”", "meaning")
            for p in self.words.patterns
            if p.slug in by_words or (p.slug in heard and fits(draft, p))
        )
        return MessageCheck(tuple(found), self.engine)
