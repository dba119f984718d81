"""Suggesting likely causes for a moment, and things to try.

The rules-and-keywords suggester reads what the person marked (a sign they
acted out, the feelings they named) and the words they wrote, and ranks the
causes from Learn that usually sit behind them, showing the words that
suggested each one. It is a hint for the person to accept, change or ignore,
never a verdict. A model-based suggester can replace it through ``Suggester``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from closer.domain.content import Library, Reflection, Strategy
from closer.domain.moments import Moment

SIGN_WEIGHT = 3
EMOTION_WEIGHT = 2
WORD_WEIGHT = 1
MAX_CAUSES = 3
MAX_STRATEGIES = 3
MAX_REFLECTIONS = 2

# Feelings that often travel with each cause (emotion slug → cause slugs).
EMOTION_CAUSES: dict[str, tuple[str, ...]] = {
    "afraid": ("fear-of-hurt", "fear-of-rejection"),
    "anxious": ("fear-of-abandonment", "fear-of-rejection", "fear-of-unknown"),
    "panicky": ("fear-of-abandonment", "threat-and-control"),
    "jealous": ("fear-of-abandonment",),
    "rejected": ("fear-of-rejection",),
    "hurt": ("fear-of-hurt", "trauma-attachment"),
    "ashamed": ("fear-of-being-seen", "undeserving"),
    "embarrassed": ("fear-of-being-seen",),
    "unworthy": ("undeserving",),
    "guilty": ("undeserving",),
    "sad": ("emotional-distress",),
    "tired": ("emotional-distress",),
    "numb": ("emotional-distress", "trauma-attachment"),
    "empty": ("emotional-distress",),
    "hopeless": ("emotional-distress",),
    "lonely": ("emotional-distress", "fear-of-abandonment"),
    "withdrawn": ("emotional-distress", "privacy-values"),
    "overwhelmed": ("emotional-distress", "not-the-right-time"),
    "smothered": ("need-for-independence",),
    "trapped": ("need-for-independence", "threat-and-control"),
    "restless": ("low-self-awareness", "need-for-independence"),
    "bored": ("low-self-awareness", "hidden-payoffs"),
    "angry": ("threat-and-control", "conflict-avoidance"),
    "irritated": ("threat-and-control", "conflict-avoidance"),
    "resentful": ("trauma-attachment", "conflict-avoidance"),
    "defensive": ("threat-and-control", "fear-of-being-seen"),
    "suspicious": ("trauma-attachment", "threat-and-control"),
}

# Words and phrases in what the person wrote (cause slug → patterns).
WORDS: dict[str, tuple[str, ...]] = {
    "fear-of-hurt": (r"get(?:ting)? hurt", r"too close", r"getting serious", r"falling for",
                     r"could lose", r"heartbreak", r"hurt me"),
    "fear-of-rejection": (r"reject\w*", r"say no", r"laugh(?:ed)? at", r"not interested",
                          r"judg\w+", r"ignor\w+", r"what if (?:they|he|she)"),
    "fear-of-abandonment": (r"leave me", r"left me", r"leaving", r"abandon\w*", r"lose (?:them|him|her)",
                            r"(?:no|late|slow) repl(?:y|ies)", r"(?:didn'?t|hasn'?t|did not|has not) (?:reply|replied|text\w*|answer\w*)",
                            r"left on read", r"replace me"),
    "fear-of-unknown": (r"never (?:had|done)", r"first time", r"next step", r"move in",
                        r"meet (?:the|his|her|their) (?:parents|family|friends)", r"don'?t know what (?:to|comes)", r"new (?:job|city|relationship)"),
    "undeserving": (r"deserve\w*", r"not good enough", r"too much", r"unlovable", r"why would (?:they|he|she|anyone)",
                    r"worthless", r"(?:a )?fraud", r"they'?ll see"),
    "emotional-distress": (r"tired", r"exhausted", r"no energy", r"depress\w*", r"couldn'?t get up",
                           r"stayed in bed", r"drained", r"low mood", r"numb", r"empty"),
    "trauma-attachment": (r"childhood", r"reminded me", r"like my (?:dad|mum|mom|father|mother|ex)", r"my ex",
                          r"trauma\w*", r"betray\w*", r"flashback\w*", r"growing up"),
    "fear-of-being-seen": (r"asham\w+", r"shame", r"real me", r"vulnerable", r"open up", r"how i really",
                           r"embarrass\w*", r"exposed", r"see through me"),
    "need-for-independence": (r"(?:need|needed|want|wanted) (?:some )?space", r"smother\w*", r"suffocat\w*",
                              r"freedom", r"independen\w+", r"do it myself", r"clingy", r"needy", r"(?:refused|turned down) (?:the |their |his |her )?help"),
    "conflict-avoidance": (r"argument", r"\bfight\b", r"disagree\w*", r"conflict", r"bring it up",
                           r"confront\w*", r"tension", r"(?:angry|upset|mad) (?:with|at) me"),
    "not-the-right-time": (r"busy", r"deadline", r"not ready", r"when things calm", r"exams?",
                           r"too much (?:work|on)", r"work (?:is|was) crazy"),
    "threat-and-control": (r"control\w*", r"threaten\w*", r"trapped", r"upper hand", r"on guard",
                           r"attack\w*", r"critici[sz]\w*"),
    "hidden-payoffs": (r"options open", r"(?:they|he|she) chase", r"easier alone", r"attention",
                       r"keep (?:them|him|her) guessing"),
    "low-self-awareness": (r"(?:don'?t|do not) know why", r"no idea why", r"scroll\w*", r"on my phone",
                           r"gaming", r"just did", r"out of nowhere"),
    "privacy-values": (r"alone time", r"recharge", r"introvert\w*", r"private", r"time to myself"),
}  # fmt: skip


@cache
def _word_patterns() -> dict[str, re.Pattern[str]]:
    """One pattern per cause, compiled on first use (keeps start-up quick)."""
    return {
        cause: re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)
        for cause, patterns in WORDS.items()
    }


@dataclass(frozen=True, slots=True)
class SuggestedCause:
    """A likely cause, and what suggested it."""

    slug: str
    name: str
    score: int
    because: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Suggestions:
    """Likely causes, ranked, and a few things to try."""

    causes: tuple[SuggestedCause, ...]
    strategies: tuple[Strategy, ...]
    reflections: tuple[Reflection, ...]
    engine: str = "keywords"  # what they came from, in words


# A protocol for the type checker only (see domain/safety/assessment.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    class Suggester(Protocol):
        """Anything that can suggest causes for a moment."""

        def suggest(self, moment: Moment, library: Library) -> Suggestions: ...

else:

    class Suggester:
        """Anything that can suggest causes for a moment (a Protocol for mypy)."""


class KeywordSuggester:
    """Rules and keywords: signs, feelings and words, weighted and explained."""

    engine = "keywords"

    def suggest(self, moment: Moment, library: Library) -> Suggestions:
        scores: dict[str, int] = {}
        because: dict[str, list[str]] = {}

        def credit(cause: str, weight: int, reason: str) -> None:
            scores[cause] = scores.get(cause, 0) + weight
            reasons = because.setdefault(cause, [])
            if reason not in reasons:
                reasons.append(reason)

        if moment.action in library.signs:
            sign = library.signs[moment.action]
            for cause in sign.causes:
                credit(cause, SIGN_WEIGHT, sign.name.lower())
        for felt in moment.emotions:
            for cause in EMOTION_CAUSES.get(felt.emotion, ()):
                credit(cause, EMOTION_WEIGHT, felt.emotion)
        text = " ".join(moment.texts())
        for cause, pattern in _word_patterns().items():
            for match in pattern.finditer(text):
                credit(cause, WORD_WEIGHT, f"“{match.group(0).lower()}”")

        # Most points first; on a tie, more separate clues; then Learn's order.
        order = list(library.causes)
        ranked = sorted(
            scores, key=lambda c: (-scores[c], -len(because[c]), order.index(c))
        )
        top = [
            SuggestedCause(c, library.causes[c].name, scores[c], tuple(because[c]))
            for c in ranked[:MAX_CAUSES]
        ]
        return Suggestions(
            causes=tuple(top),
            strategies=choose_strategies(top, library),
            reflections=choose_reflections(top, library),
        )


def choose_strategies(
    top: list[SuggestedCause], library: Library
) -> tuple[Strategy, ...]:
    chosen: list[str] = []
    for rank in range(MAX_STRATEGIES):
        for cause in top:
            options = library.causes[cause.slug].strategies
            if rank < len(options) and options[rank] not in chosen:
                chosen.append(options[rank])
    return tuple(library.strategies[s] for s in chosen[:MAX_STRATEGIES])


def choose_reflections(
    top: list[SuggestedCause], library: Library
) -> tuple[Reflection, ...]:
    found: list[Reflection] = []
    for cause in top:
        for strategy in library.causes[cause.slug].strategies:
            for reflection in library.reflections_for_strategy(strategy):
                if reflection not in found:
                    found.append(reflection)
    if not found:
        found.append(library.reflections["escape-questions"])
    return tuple(found[:MAX_REFLECTIONS])
