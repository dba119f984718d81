"""Thought records: catching an automatic thought and weighing it.

A thought record holds the situation, the thought that came, how strongly it
was believed (0-100), the feelings and their strength, the thinking traps it
may fall into, the evidence for and against, a more balanced thought, and
how strongly the first thought is believed afterwards. Only the situation,
the thought and the first rating are needed to start; the rest can follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from closer.domain.content import Library
from closer.domain.errors import InvalidInput
from closer.domain.moments import Felt, check_emotions
from closer.domain.scales import check_scale
from closer.domain.texts import written

MAX_TEXT = 5_000

# Thinking traps, in our words: (name, what it sounds like).
TRAPS: dict[str, tuple[str, str]] = {
    "mind-reading": (
        "Mind reading",
        "Being sure you know what someone thinks of you, without asking.",
    ),
    "fortune-telling": (
        "Fortune telling",
        "Treating a feared outcome as if it had already happened.",
    ),
    "all-or-nothing": (
        "All or nothing",
        "Seeing it as total success or total failure, nothing between.",
    ),
    "catastrophising": (
        "Catastrophising",
        "Jumping to the worst case and feeling as if it is certain.",
    ),
    "personalising": (
        "Personalising",
        "Taking the blame for things that had many causes.",
    ),
    "discounting-the-positive": (
        "Discounting the good",
        "Deciding that kind words or good moments do not count.",
    ),
    "should-statements": (
        "Should statements",
        "Holding yourself to rules like 'I should never need anyone'.",
    ),
    "labelling": (
        "Labelling",
        "Summing yourself up in one harsh word after one event.",
    ),
    "emotional-reasoning": (
        "Emotional reasoning",
        "Taking a feeling as proof: 'I feel rejected, so I am'.",
    ),
    "overgeneralising": (
        "Overgeneralising",
        "Turning one event into a rule with 'always' or 'never'.",
    ),
}


@dataclass(frozen=True, slots=True)
class ThoughtRecord:
    """One automatic thought, caught and weighed."""

    situation: str
    automatic_thought: str
    belief_before: int
    written_at: datetime
    emotions: tuple[Felt, ...] = ()
    traps: tuple[str, ...] = ()
    evidence_for: str = ""
    evidence_against: str = ""
    balanced_thought: str = ""
    belief_after: int | None = None
    emotions_after: tuple[Felt, ...] = ()
    moment_id: int | None = None
    id: int | None = None

    @property
    def shift(self) -> int | None:
        """How much less (positive) the thought is believed afterwards."""
        return (
            None
            if self.belief_after is None
            else self.belief_before - self.belief_after
        )

    def texts(self) -> list[str]:
        """Free text, for the safety check."""
        parts = (self.situation, self.automatic_thought, self.evidence_for,
                 self.evidence_against, self.balanced_thought)  # fmt: skip
        return [p for p in parts if p]


def check_traps(traps: Sequence[str]) -> tuple[str, ...]:
    """Known thinking-trap slugs, each once."""
    cleaned: list[str] = []
    for raw in traps:
        slug = raw.strip().lower()
        if not slug:
            continue
        if slug not in TRAPS:
            raise InvalidInput(
                f"{raw!r} is not a thinking trap Closer knows; choose from "
                f"{', '.join(TRAPS)}.",
                field="traps",
            )
        if slug not in cleaned:
            cleaned.append(slug)
    return tuple(cleaned)


def new_record(
    library: Library,
    *,
    situation: str,
    automatic_thought: str,
    belief_before: int | None,
    written_at: datetime,
    emotions: Sequence[Felt] = (),
    traps: Sequence[str] = (),
    evidence_for: str = "",
    evidence_against: str = "",
    balanced_thought: str = "",
    belief_after: int | None = None,
    emotions_after: Sequence[Felt] = (),
    moment_id: int | None = None,
    id: int | None = None,
) -> ThoughtRecord:
    """A validated thought record; every problem names its field."""
    before = check_scale(belief_before, "belief_before", 0, 100)
    if before is None:
        raise InvalidInput(
            "Say how strongly you believe the thought, from 0 to 100.",
            field="belief_before",
        )
    return ThoughtRecord(
        situation=written(situation, "situation", MAX_TEXT, required=True),
        automatic_thought=written(
            automatic_thought, "automatic_thought", MAX_TEXT, required=True
        ),
        belief_before=before,
        written_at=written_at,
        emotions=check_emotions(list(emotions), library),
        traps=check_traps(traps),
        evidence_for=written(evidence_for, "evidence_for", MAX_TEXT),
        evidence_against=written(evidence_against, "evidence_against", MAX_TEXT),
        balanced_thought=written(balanced_thought, "balanced_thought", MAX_TEXT),
        belief_after=check_scale(belief_after, "belief_after", 0, 100),
        emotions_after=check_emotions(list(emotions_after), library),
        moment_id=moment_id,
        id=id,
    )
