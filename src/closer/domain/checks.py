"""Self-checks: standard questionnaires and our own closeness-patterns check.

A check is content (its questions, options and bands come from
``content/checks.toml``); how it is scored is here, by rule:

- ``sum`` (PHQ-9, PHQ-2, GAD-7): the total of the scored answers; an
  optional last question ("how difficult…") is kept but never scored;
- ``rejection`` (A-RSQ): answers come in pairs per situation, concern (1-6)
  then expectation of acceptance (1-6); each situation scores
  concern * (7 - expectation), and the total is the mean of the nine;
- ``profile`` (closeness patterns): each statement is about a sign group or
  a cause; the result is the mean rating per area, and areas rated
  "somewhat true" or more on average stand out.

A score is in the last band whose ``low`` it reaches. Nothing here is a
diagnosis: every meaning says what scores in a range are often seen with,
and that a professional can tell you more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from closer.domain.errors import InvalidInput, NotFound

STANDS_OUT = 2.0  # "somewhat true" on the 0-4 scale of the patterns check


class Scoring(StrEnum):
    """How a check's answers become a result."""

    SUM = "sum"
    REJECTION = "rejection"
    PROFILE = "profile"


@dataclass(frozen=True, slots=True)
class Option:
    """One answer a question allows."""

    value: int
    label: str


@dataclass(frozen=True, slots=True)
class Question:
    """One question, with the answers it allows.

    ``scored`` is False for an optional last question. ``situation`` is the
    A-RSQ situation the question belongs to (shown once above its pair);
    ``about`` is what a patterns statement speaks to (``cause:fear-of-hurt``,
    ``group:withdrawal``).
    """

    text: str
    options: tuple[Option, ...]
    scored: bool = True
    situation: str = ""
    about: str = ""

    @property
    def values(self) -> tuple[int, ...]:
        """The allowed answers."""
        return tuple(o.value for o in self.options)

    def label(self, value: int) -> str:
        """The words of an answer."""
        return next(o.label for o in self.options if o.value == value)


@dataclass(frozen=True, slots=True)
class Band:
    """A range of totals and what scores in it are often seen with."""

    low: float
    high: float
    label: str
    meaning: str


@dataclass(frozen=True, slots=True)
class Sample:
    """A published sample, for context (mean and standard deviation)."""

    mean: float
    sd: float
    n: int
    source: str


@dataclass(frozen=True, slots=True)
class Check:
    """One questionnaire."""

    slug: str
    name: str
    title: str
    stem: str
    about: str
    attribution: str
    scoring: Scoring
    validated: bool
    questions: tuple[Question, ...]
    bands: tuple[Band, ...] = ()
    safety_item: int | None = None  # 1-based; above its lowest answer: safety flow
    flag_at: int | None = None  # a total at or above this flags the screen
    sample: Sample | None = None

    @property
    def scored(self) -> tuple[Question, ...]:
        """The questions that count toward the result."""
        return tuple(q for q in self.questions if q.scored)

    @property
    def highest(self) -> float:
        """The highest total the check can give (the top of a chart)."""
        if self.scoring is Scoring.REJECTION:
            concern, expect = self.questions[0], self.questions[1]
            return float(max(concern.values) * (7 - min(expect.values)))
        if self.scoring is Scoring.PROFILE:
            return float(max(max(q.values) for q in self.scored))
        return float(sum(max(q.values) for q in self.scored))

    def band_for(self, total: float) -> Band | None:
        """The band a total falls in (the last whose low it reaches)."""
        found = None
        for band in sorted(self.bands, key=lambda b: b.low):
            if total >= band.low:
                found = band
        return found


@dataclass(frozen=True, slots=True)
class Area:
    """A sign group or cause, and how true its statements felt on average."""

    about: str  # "group:withdrawal" or "cause:fear-of-hurt"
    mean: float

    @property
    def kind(self) -> str:
        """``group`` or ``cause``."""
        return self.about.split(":", 1)[0]

    @property
    def slug(self) -> str:
        """The sign group's or cause's slug."""
        return self.about.split(":", 1)[1]

    @property
    def stands_out(self) -> bool:
        """Rated "somewhat true" or more on average."""
        return self.mean >= STANDS_OUT


@dataclass(frozen=True, slots=True)
class Score:
    """What a set of answers comes to."""

    total: float
    band: Band | None
    flagged: bool = False  # a screen at or above its cut-off (PHQ-2)
    needs_safety: int = 0  # the safety item's answer, when above its lowest
    parts: tuple[float, ...] = ()  # per situation (A-RSQ)
    areas: tuple[Area, ...] = ()  # strongest first (patterns)

    @property
    def shown(self) -> str:
        """The total as people read it (whole numbers stay whole)."""
        return (
            f"{self.total:.0f}"
            if self.total == int(self.total)
            else f"{self.total:.2f}"
        )


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One time a check was taken: the answers, kept so they can be rescored."""

    check: str
    taken_at: datetime
    answers: tuple[int, ...]
    total: float = 0.0  # what it came to when saved (kept for history)
    band: str | None = None
    id: int | None = None


def check_answers(check: Check, answers: Sequence[int]) -> tuple[int, ...]:
    """``answers`` if each scored question has an allowed one (the optional
    last question may be left out), else a clear error naming the question."""
    needed, allowed = len(check.scored), len(check.questions)
    if not needed <= len(answers) <= allowed:
        extra = (
            f" (or {allowed}, with the last, optional one)" if allowed > needed else ""
        )
        raise InvalidInput(
            f"The {check.name} needs an answer to each of its {needed} questions"
            f"{extra}; {len(answers)} were given.",
            field="answers",
        )
    for number, (question, answer) in enumerate(
        zip(check.questions, answers, strict=False), start=1
    ):
        if answer not in question.values:
            low, high = min(question.values), max(question.values)
            raise InvalidInput(
                f"Question {number} of the {check.name} takes an answer from {low} "
                f"to {high}; got {answer}.",
                field=f"answers.{number}",
            )
    return tuple(answers)


def score(check: Check, answers: Sequence[int]) -> Score:
    """Score ``answers`` by the check's rule (see the module docstring)."""
    given = check_answers(check, answers)
    scored = given[: len(check.scored)]
    if check.scoring is Scoring.REJECTION:
        return _rejection(check, scored)
    if check.scoring is Scoring.PROFILE:
        return _profile(check, scored)
    total = float(sum(scored))
    return Score(
        total=total,
        band=check.band_for(total),
        flagged=check.flag_at is not None and total >= check.flag_at,
        needs_safety=_safety(check, scored),
    )


def safety_answer(check: Check, answers: Sequence[int]) -> tuple[int, Question] | None:
    """The check's safety question and its answer, when answered above its
    lowest answer (None otherwise, or for a check without one)."""
    if check.safety_item is None or len(answers) < check.safety_item:
        return None
    question = check.questions[check.safety_item - 1]
    answer = answers[check.safety_item - 1]
    return (answer, question) if answer > min(question.values) else None


def _safety(check: Check, scored: tuple[int, ...]) -> int:
    found = safety_answer(check, scored)
    return found[0] if found is not None else 0


def _rejection(check: Check, scored: tuple[int, ...]) -> Score:
    """Per situation concern * (7 - expectation of acceptance); the mean."""
    pairs = zip(scored[0::2], scored[1::2], strict=True)
    parts = tuple(float(concern * (7 - expect)) for concern, expect in pairs)
    total = round(sum(parts) / len(parts), 2)
    return Score(total=total, band=check.band_for(total), parts=parts)


def _profile(check: Check, scored: tuple[int, ...]) -> Score:
    """The mean rating per area, strongest first (ties keep the check's order)."""
    ratings: dict[str, list[int]] = {}
    for question, answer in zip(check.scored, scored, strict=True):
        ratings.setdefault(question.about, []).append(answer)
    areas = [Area(about, sum(r) / len(r)) for about, r in ratings.items()]
    areas.sort(key=lambda a: -a.mean)
    total = round(sum(scored) / len(scored), 2)
    return Score(total=total, band=None, areas=tuple(areas))


def parse_answers(text: str) -> list[int]:
    """``0,1,2`` (commas or spaces) as numbers, or a clear error."""
    words = text.replace(",", " ").split()
    try:
        return [int(w) for w in words]
    except ValueError:
        raise InvalidInput(
            f"Give the answers as numbers separated by commas, such as 0,1,2; "
            f"got {text!r}.",
            field="answers",
        ) from None


def find_check(checks: Sequence[Check], slug: str) -> Check:
    """The check called ``slug``, or a clear error listing them."""
    for check in checks:
        if check.slug == slug:
            return check
    names = ", ".join(c.slug for c in checks)
    raise NotFound(f"There is no check called {slug!r}. The checks are: {names}.")


def new_result(check: Check, answers: Sequence[int], taken_at: datetime) -> CheckResult:
    """A validated result, with its total and band worked out."""
    worked_out = score(check, answers)
    band = worked_out.band.label if worked_out.band else None
    return CheckResult(check.slug, taken_at, tuple(answers), worked_out.total, band)
