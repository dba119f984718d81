"""The vulnerability ladder: small acts of closeness, predicted then lived.

Before a step, a person writes how uncomfortable they expect it to be
(0-100) and what they fear will happen. Afterwards they write how
uncomfortable it really was and how it went. Over time the two can be
compared; the usual finding is that the feared outcome comes true less
often than expected. The next step is suggested from how the last ones went:
a little harder after steps that went as well as or better than predicted,
the same or gentler otherwise. Nothing here counts what was not done.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import IntEnum, StrEnum

from closer.domain.choices import one_of
from closer.domain.errors import InvalidInput
from closer.domain.scales import check_scale

MAX_TEXT = 500
MAX_NOTE = 2_000
RECENT = 3  # how many finished steps the next suggestion looks at


class Outcome(StrEnum):
    """How a step went, in the person's own judgement."""

    BAD = "bad"
    NEUTRAL = "neutral"
    GOOD = "good"


class Level(IntEnum):
    """How hard a step is: by its predicted discomfort, or an idea's rating."""

    GENTLE = 1
    STRETCH = 2
    BRAVE = 3

    @classmethod
    def of(cls, discomfort: int) -> Level:
        """The level of a predicted discomfort of 0-100."""
        if discomfort <= 33:
            return cls.GENTLE
        return cls.STRETCH if discomfort <= 66 else cls.BRAVE

    @property
    def label(self) -> str:
        """The level in words."""
        return {1: "gentle", 2: "a stretch", 3: "brave"}[self.value]


@dataclass(frozen=True, slots=True)
class StepIdea:
    """A suggested step from the content, with how hard it tends to feel."""

    slug: str
    text: str
    difficulty: Level
    strategy: str


@dataclass(frozen=True, slots=True)
class Step:
    """One small act of closeness: planned, and once done, looked back on."""

    text: str
    predicted_discomfort: int
    feared_outcome: str
    planned_at: datetime
    person_id: int | None = None
    idea: str | None = None
    done_at: datetime | None = None
    actual_discomfort: int | None = None
    outcome: Outcome | None = None
    note: str = ""
    id: int | None = None
    person_name: str | None = field(default=None, compare=False)

    @property
    def done(self) -> bool:
        """Whether the step was taken and looked back on."""
        return self.done_at is not None

    @property
    def level(self) -> Level:
        """How hard it was expected to be."""
        return Level.of(self.predicted_discomfort)

    @property
    def went_as_well_or_better(self) -> bool | None:
        """True when it felt no worse than predicted and did not go badly."""
        if self.actual_discomfort is None or self.outcome is None:
            return None
        easier = self.actual_discomfort <= self.predicted_discomfort
        return easier and self.outcome is not Outcome.BAD

    def texts(self) -> list[str]:
        """Free text, for the safety check."""
        return [t for t in (self.text, self.feared_outcome, self.note) if t]


def _text(value: str, field_name: str, limit: int, *, required: bool) -> str:
    cleaned = value.strip()
    if required and not cleaned:
        raise InvalidInput(
            f"Write a few words for {field_name.replace('_', ' ')}.", field=field_name
        )
    if len(cleaned) > limit:
        label = field_name.replace("_", " ").capitalize()
        raise InvalidInput(
            f"{label} can be at most {limit} characters.", field=field_name
        )
    return cleaned


def new_step(
    *,
    text: str,
    predicted_discomfort: int,
    feared_outcome: str = "",
    planned_at: datetime,
    person_id: int | None = None,
    idea: str | None = None,
) -> Step:
    """A validated planned step."""
    return Step(
        text=_text(text, "text", MAX_TEXT, required=True),
        predicted_discomfort=_required_scale(
            predicted_discomfort, "predicted_discomfort"
        ),
        feared_outcome=_text(
            feared_outcome, "feared_outcome", MAX_TEXT, required=False
        ),
        planned_at=planned_at,
        person_id=person_id,
        idea=idea,
    )


def _required_scale(value: int | None, name: str) -> int:
    checked = check_scale(value, name, 0, 100)
    if checked is None:
        raise InvalidInput(f"Give {name.replace('_', ' ')} from 0 to 100.", field=name)
    return checked


def parse_outcome(value: str) -> Outcome:
    """bad, neutral or good, or a clear error."""
    return one_of(Outcome, value, "outcome")


def finish(
    step: Step, *, actual_discomfort: int, outcome: str, note: str = "", when: datetime
) -> Step:
    """The step, done: how uncomfortable it really was and how it went."""
    return replace(
        step,
        done_at=when,
        actual_discomfort=_required_scale(actual_discomfort, "actual_discomfort"),
        outcome=parse_outcome(outcome),
        note=_text(note, "note", MAX_NOTE, required=False),
    )


@dataclass(frozen=True, slots=True)
class NextStep:
    """What to try next, and why."""

    level: Level
    reason: str
    ideas: tuple[StepIdea, ...]


def suggest_next(steps: list[Step], ideas: list[StepIdea]) -> NextStep:
    """A little harder after steps that went as well as predicted or better;
    the same, or gentler, otherwise. ``steps`` newest first."""
    finished = [s for s in steps if s.done][:RECENT]
    if not finished:
        level, reason = Level.GENTLE, "Start with something gentle; small steps count."
    else:
        last = finished[0].level
        went_well = [s.went_as_well_or_better for s in finished]
        if all(went_well):
            level = Level(min(last + 1, Level.BRAVE))
            reason = (
                "Your last steps went as well as you predicted, or better: "
                "try one a little harder."
            )
        elif finished[0].outcome is Outcome.BAD:
            level = Level(max(last - 1, Level.GENTLE))
            reason = "The last step was hard. A gentler one is just as much a step."
        else:
            level = last
            reason = "Stay at this level for now; it gets easier with repeats."
    chosen = tuple(i for i in ideas if i.difficulty == level)
    return NextStep(level=level, reason=reason, ideas=chosen)


@dataclass(frozen=True, slots=True)
class LadderSummary:
    """Predicted against actual, over the finished steps."""

    finished: int
    average_predicted: float | None
    average_actual: float | None
    went_badly: int
    easier_than_feared: int

    @property
    def sentence(self) -> str:
        """The comparison in words (no claim on fewer than three steps)."""
        if (
            self.finished < 3
            or self.average_actual is None
            or self.average_predicted is None
        ):
            return (
                "After a few steps, this is where you will see how predictions compare."
            )
        return (
            f"Over {self.finished} steps you expected a discomfort of "
            f"{self.average_predicted:.0f} on average; it was "
            f"{self.average_actual:.0f}. "
            f"{self.easier_than_feared} felt easier than you feared, and "
            f"{self.went_badly} went badly."
        )


def summarise(steps: list[Step]) -> LadderSummary:
    """How finished steps compared with their predictions."""
    done = [s for s in steps if s.done and s.actual_discomfort is not None]
    if not done:
        return LadderSummary(0, None, None, 0, 0)
    predicted = sum(s.predicted_discomfort for s in done) / len(done)
    actual = sum(s.actual_discomfort or 0 for s in done) / len(done)
    return LadderSummary(
        finished=len(done),
        average_predicted=predicted,
        average_actual=actual,
        went_badly=sum(1 for s in done if s.outcome is Outcome.BAD),
        easier_than_feared=sum(
            1 for s in done if (s.actual_discomfort or 0) < s.predicted_discomfort
        ),
    )
