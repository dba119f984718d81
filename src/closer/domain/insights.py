"""Insights: patterns in a person's own records, in sentences with numbers.

Everything here works on plain facts about moments (``MomentFacts``) and on
the practice records, so it runs the same on any store and over any
period. A moment "stayed" when what the person did was an approach
(replied, reached out…) and "acted on the urge" when it was a sign of
pulling away; moments with nothing recorded count for totals only.

No pattern is claimed on fewer than ``MIN_SAMPLE`` moments: below that,
a difference is as likely to be chance as a pattern, and the sentence says
so instead. Times are read in UTC, like everything Closer shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from closer.domain.moments import APPROACHES

MIN_SAMPLE = 5  # the fewest moments a "when X, then Y" sentence may rest on
MIN_DAYS = 7  # the fewest different days a time-of-day pattern may rest on
NOTABLE = 0.2  # how far from the overall share a pattern must be to be told
TOP = 3
PARTS_OF_DAY = (("night", 0), ("morning", 6), ("afternoon", 12), ("evening", 18))
WEEKDAYS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays",
            "Saturdays", "Sundays")  # fmt: skip


@dataclass(frozen=True, slots=True)
class MomentFacts:
    """What insights need to know of one moment (no free text)."""

    at: datetime
    urge: int | None = None
    action: str | None = None
    felt_after: int | None = None
    emotions: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    # True for an approach, False for a sign, None when nothing was noted
    # (worked out once: insights ask it many times of 100,000 moments).
    stayed: bool | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        stayed = None if self.action is None else self.action in APPROACHES
        object.__setattr__(self, "stayed", stayed)


@dataclass(frozen=True, slots=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """How many days it covers."""
        return (self.end - self.start).days + 1

    def contains(self, when: datetime) -> bool:
        """Whether a time falls on one of its days (UTC)."""
        return self.start <= when.date() <= self.end


@dataclass(frozen=True, slots=True)
class Share:
    """Moments that stayed, out of those where something was noted."""

    stayed: int
    noted: int

    @property
    def ratio(self) -> float | None:
        """The approach ratio, 0 to 1 (None with nothing noted)."""
        return self.stayed / self.noted if self.noted else None

    @property
    def acted(self) -> int:
        """Moments in which the urge was acted on."""
        return self.noted - self.stayed


@dataclass(frozen=True, slots=True)
class Week:
    """One week of the period (from its Monday)."""

    start: date
    moments: int
    share: Share


@dataclass(frozen=True, slots=True)
class Counted:
    """Something that came up, and how often."""

    slug: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Insight:
    """One thing worth knowing, in words, with the numbers behind it."""

    kind: str
    sentence: str
    numbers: dict[str, float | int | str | None] = field(default_factory=dict)
    sample: int = 0  # how many records it rests on


def _share(moments: Iterable[MomentFacts]) -> Share:
    noted = [m.stayed for m in moments if m.stayed is not None]
    return Share(sum(1 for s in noted if s), len(noted))


def weekly(moments: Sequence[MomentFacts], period: Period) -> list[Week]:
    """Moments and the approach share per week, every week of the period."""
    first = period.start - timedelta(days=period.start.weekday())
    by_week: dict[date, list[MomentFacts]] = {}
    for m in moments:
        day = m.at.date()
        by_week.setdefault(day - timedelta(days=day.weekday()), []).append(m)
    weeks, start = [], first
    while start <= period.end:
        found = by_week.get(start, [])
        weeks.append(Week(start, len(found), _share(found)))
        start += timedelta(days=7)
    return weeks


def top(
    values: Iterable[str], name: Callable[[str], str], limit: int = TOP
) -> list[Counted]:
    """The most frequent values, most first (ties in first-seen order)."""
    return [Counted(v, name(v), n) for v, n in Counter(values).most_common(limit)]


def part_of_day(when: datetime) -> str:
    """night, morning, afternoon or evening."""
    found = PARTS_OF_DAY[0][0]
    for name, hour in PARTS_OF_DAY:
        if when.hour >= hour:
            found = name
    return found


def percent(part: int, whole: int) -> int:
    """A share as a whole percentage."""
    return round(100 * part / whole) if whole else 0


@dataclass(frozen=True, slots=True)
class Association:
    """When something was there, how often the urge was acted on."""

    what: str  # in words: "you felt ashamed", "Sam was there"
    share: Share
    overall: Share

    @property
    def sentence(self) -> str:
        """The pattern in words, with its sample."""
        acted, noted = self.share.acted, self.share.noted
        overall = percent(self.overall.acted, self.overall.noted)
        return (
            f"When {self.what}, you acted on the urge in {acted} of {noted} moments "
            f"({percent(acted, noted)}%, against {overall}% overall)."
        )


def associations(
    moments: Sequence[MomentFacts],
    features: dict[str, Callable[[MomentFacts], Iterable[str]]],
    said: Callable[[str, str], str],
) -> list[Association]:
    """Features (emotions, causes, people…) whose moments differ from the rest
    by at least ``NOTABLE``, each resting on ``MIN_SAMPLE`` moments or more;
    the biggest differences first."""
    overall = _share(moments)
    if overall.ratio is None:
        return []
    found = []
    for kind, values in features.items():
        groups: dict[str, list[MomentFacts]] = {}
        for m in moments:
            if m.stayed is not None:
                for value in set(values(m)):
                    groups.setdefault(value, []).append(m)
        for value, group in groups.items():
            share = _share(group)
            big_enough = share.noted >= MIN_SAMPLE and share.ratio is not None
            if big_enough and abs((share.ratio or 0) - overall.ratio) >= NOTABLE:
                found.append(Association(said(kind, value), share, overall))
    found.sort(key=lambda a: -abs((a.share.ratio or 0) - (overall.ratio or 0)))
    return found


def urge_split(moments: Sequence[MomentFacts], at: int = 5) -> tuple[Share, Share]:
    """The approach share when the urge was below ``at``, and at or above it."""
    low = [m for m in moments if m.urge is not None and m.urge < at]
    high = [m for m in moments if m.urge is not None and m.urge >= at]
    return _share(low), _share(high)


def mean(values: Iterable[float]) -> float | None:
    """The mean, or None for nothing."""
    items = list(values)
    return sum(items) / len(items) if items else None


def trend(weeks: Sequence[Week]) -> tuple[Share, Share]:
    """The approach share in the first and second half of the weeks."""
    half = len(weeks) // 2
    first = Share(
        sum(w.share.stayed for w in weeks[:half]),
        sum(w.share.noted for w in weeks[:half]),
    )
    second = Share(
        sum(w.share.stayed for w in weeks[half:]),
        sum(w.share.noted for w in weeks[half:]),
    )
    return first, second
