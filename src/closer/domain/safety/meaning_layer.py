"""A second layer for the crisis detector: oblique language, by meaning.

The rules (``detector.py``) catch what people say plainly. Some say it
sideways: giving things away, saying goodbyes, being a burden, the world
being better without them. This layer compares a text with sentences of that
kind (``OBLIQUE``, written for Closer) and with everyday sentences that
share their words but not their meaning (``EVERYDAY``). It raises a concern
only when a text comes close to an oblique sentence (``CLOSE``) and clearly
closer to it than to any everyday one (``MARGIN``); it never lowers what the
rules found, and never decides "urgent" on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from closer.domain.meaning import Embedder, similarity
from closer.domain.safety.assessment import About, Assessment, Level, Reason

CLOSE = 0.58
MARGIN = 0.08

OBLIQUE = (
    "I am giving away my belongings because I won't need them.",
    "I have been saying goodbye to people as if for the last time.",
    "Everyone would be better off without me.",
    "The people I love would be relieved if I were gone.",
    "I am a burden to everyone around me.",
    "I won't be around much longer.",
    "I want to go to sleep and never wake up.",
    "I am putting my affairs in order before I go.",
    "I have written goodbye letters to my family.",
    "There is no future for me, so there is no point planning.",
    "I wish I could disappear forever.",
    "Nobody would miss me if I was dead.",
    "I am tired of living.",
    "I have been looking up ways to end it.",
    "Soon it will all be over for me.",
    "I have decided how and when I am going to leave this world.",
)

EVERYDAY = (
    "I gave old clothes and books to a charity shop.",
    "We said goodbye to friends who are moving abroad.",
    "The team managed fine while I was on holiday.",
    "I am tired of my job and need a break.",
    "I want to sleep in late this weekend.",
    "I updated my will and insurance as an ordinary precaution.",
    "I wrote birthday letters for my children.",
    "There's no point planning until I know my schedule.",
    "I wish I could leave this noisy group chat.",
    "Nobody noticed the train was late.",
    "I'm leaving my job at the end of the month.",
    "The exams will soon be over.",
)


class MeaningLayer:
    """Concern for oblique crisis language, on top of the rules."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._anchors: tuple[list[list[float]], list[list[float]]] | None = None

    def _anchored(self) -> tuple[list[list[float]], list[list[float]]]:
        if self._anchors is None:
            vectors = self.embedder.embed([*OBLIQUE, *EVERYDAY])
            self._anchors = (vectors[: len(OBLIQUE)], vectors[len(OBLIQUE) :])
        return self._anchors

    def closeness(self, texts: Sequence[str]) -> list[tuple[float, float, int]]:
        """For each text: the best oblique and everyday similarity, and which
        oblique sentence came closest."""
        oblique, everyday = self._anchored()
        found = []
        for vector in self.embedder.embed(list(texts)):
            near = [similarity(vector, o) for o in oblique]
            best = max(range(len(near)), key=near.__getitem__)
            found.append(
                (near[best], max(similarity(vector, e) for e in everyday), best)
            )
        return found

    def assess(self, text: str, rules: Assessment) -> Assessment:
        """The rules' assessment, with a concern added when the text is oblique."""
        if rules.level is not Level.NONE or not text.strip():
            return rules
        ((near, everyday, best),) = self.closeness([text])
        if near >= CLOSE and near - everyday >= MARGIN:
            reason = Reason(
                code="oblique",
                level=Level.CONCERN,
                about=About.SELF,
                description=(
                    "It sounds like it may be about not being here: close in "
                    f"meaning to “{OBLIQUE[best]}”"
                ),
            )
            return Assessment.from_reasons([*rules.reasons, reason])
        return rules
