"""What a detector says about a piece of text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """How worrying the text is. ``urgent`` > ``concern`` > ``none``."""

    NONE = "none"
    CONCERN = "concern"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        """0 for none, 1 for concern, 2 for urgent."""
        return _RANKS[self]


_RANKS = {Level.NONE: 0, Level.CONCERN: 1, Level.URGENT: 2}


class About(StrEnum):
    """Whose safety the text is about."""

    SELF = "self"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Reason:
    """One thing the detector noticed, in words a person understands."""

    code: str
    level: Level
    about: About
    description: str


@dataclass(frozen=True, slots=True)
class Assessment:
    """The detector's answer: a level, whose safety, and why."""

    level: Level = Level.NONE
    reasons: tuple[Reason, ...] = ()

    @property
    def about(self) -> About | None:
        """``self`` if any reason is about the writer, else ``other``, else None."""
        if not self.reasons:
            return None
        if any(r.about is About.SELF for r in self.reasons):
            return About.SELF
        return About.OTHER

    @property
    def needs_support(self) -> bool:
        """Whether the support panel should be shown."""
        return self.level is not Level.NONE

    def descriptions(self) -> list[str]:
        """The reasons as sentences, without repeats, in order."""
        return list(dict.fromkeys(r.description for r in self.reasons))

    @classmethod
    def from_reasons(cls, reasons: Iterable[Reason]) -> Assessment:
        """The assessment whose level is the highest of ``reasons``."""
        collected = tuple(reasons)
        level = max(
            (r.level for r in collected), key=lambda lv: lv.rank, default=Level.NONE
        )
        return cls(level=level, reasons=collected)


# The protocol exists for the type checker only: importing ``typing`` costs the
# CLI's fast path a few milliseconds at every start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    class CrisisDetector(Protocol):
        """Anything that can assess a text. Must be deterministic for a given text."""

        def assess(self, text: str) -> Assessment: ...

else:

    class CrisisDetector:
        """Anything that can assess a text (a ``typing.Protocol`` for mypy)."""


@dataclass(frozen=True)
class CombinedDetector:
    """Several detectors as one: the highest level wins, every reason is kept.

    This is how a model-based detector joins the rules later: callers keep
    calling ``assess`` and never notice.
    """

    detectors: Sequence[CrisisDetector]

    def assess(self, text: str) -> Assessment:
        reasons: list[Reason] = []
        for detector in self.detectors:
            reasons.extend(detector.assess(text).reasons)
        return Assessment.from_reasons(reasons)
