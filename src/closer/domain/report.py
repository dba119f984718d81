"""A report for a counsellor: a few pages the person chooses to share.

It holds the period's summary, each self-check's results, what a counsellor
must see first about safety (a self-check's safety question answered above
its lowest answer; how many moments held words of crisis), and only the
notes the person ticked (nothing they wrote is included otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from closer.domain.checks import CheckResult
from closer.domain.insight_summary import Summary


@dataclass(frozen=True, slots=True)
class Note:
    """A moment the person chose to include, in their own words."""

    at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class CheckHistory:
    """One self-check's results in the period, oldest first."""

    name: str
    title: str
    attribution: str
    results: tuple[CheckResult, ...]


@dataclass(frozen=True, slots=True)
class SafetyAnswer:
    """A self-check's safety question (PHQ-9's ninth) answered above its
    lowest answer: shown first, plainly, with its words and date."""

    at: datetime
    check: str  # "PHQ-9"
    number: int  # the question's number
    question: str
    answer: str  # the answer's own words
    value: int


@dataclass(frozen=True)
class Report:
    """Everything the report shows."""

    summary: Summary
    made_at: datetime
    checks: tuple[CheckHistory, ...] = ()
    notes: tuple[Note, ...] = field(default_factory=tuple)
    safety_answers: tuple[SafetyAnswer, ...] = ()
    crisis_moments: int = 0  # moments in the period with words of crisis

    @property
    def has_safety(self) -> bool:
        """Whether the report opens with a safety section."""
        return bool(self.safety_answers or self.crisis_moments)
