"""The whole picture over a period, and the sentences that tell it.

``summarise`` gathers what ``domain.insights`` finds in moments with the
practice records (ladder steps, plans, drift, self-checks) into one
``Summary``; ``Summary.insights`` are the sentences a person reads, each with
the numbers behind it. Nothing is said about a pattern resting on fewer than
``MIN_SAMPLE`` moments.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from closer.domain.checks import CheckResult
from closer.domain.commitments import Commitment, KeptRate, kept_rate
from closer.domain.content import Library
from closer.domain.insights import (
    MIN_DAYS,
    MIN_SAMPLE,
    NOTABLE,
    WEEKDAYS,
    Association,
    Counted,
    Insight,
    MomentFacts,
    Period,
    Share,
    Week,
    associations,
    mean,
    part_of_day,
    percent,
    top,
    trend,
    urge_split,
    weekly,
)
from closer.domain.ladder import LadderSummary, Step
from closer.domain.ladder import summarise as summarise_steps


@dataclass(frozen=True, slots=True)
class CheckTrend:
    """A self-check's first and last total in the period."""

    check: str
    name: str
    first: float
    last: float
    taken: int


@dataclass(frozen=True)
class Summary:
    """Everything Insights shows for one period."""

    period: Period
    moments: int
    weeks: list[Week]
    share: Share
    halves: tuple[Share, Share]
    people: list[Counted]
    emotions: list[Counted]
    signs: list[Counted]
    causes: list[Counted]
    tags: list[Counted]
    parts_of_day: dict[str, int]
    weekdays: list[int]
    days: int  # different days with a moment (the person's days, not UTC's)
    felt_after: tuple[float | None, float | None]  # when stayed, when acted
    urge: tuple[Share, Share]  # urge below 5, 5 or more
    patterns: list[Association]
    ladder: LadderSummary
    kept: KeptRate
    drifting: int
    checks: list[CheckTrend]

    @property
    def per_week(self) -> float:
        """Moments per week over the period."""
        return self.moments / max(self.period.days / 7, 1)

    @property
    def insights(self) -> list[Insight]:
        """The picture in sentences, the most basic first."""
        said = [_count(self), *_approach(self), *_tops(self), *_when(self)]
        said += [_pattern(a) for a in self.patterns[:5]]
        said += _practice(self)
        return [s for s in said if s is not None]


def _names(library: Library) -> dict[str, dict[str, str]]:
    return {
        "emotion": {s: e.name.lower() for s, e in library.emotions.items()},
        "cause": {s: c.name for s, c in library.causes.items()},
        "sign": {s: g.name for s, g in library.signs.items()},
    }


def summarise(
    facts: Sequence[MomentFacts],
    period: Period,
    library: Library,
    *,
    steps: Sequence[Step] = (),
    commitments: Sequence[Commitment] = (),
    drifting: int = 0,
    checks: Sequence[tuple[CheckResult, str]] = (),
) -> Summary:
    """The summary of ``facts`` (already within ``period``) and the records."""
    names = _names(library)

    def said(kind: str, value: str) -> str:
        if kind == "emotion":
            return f"you felt {names['emotion'].get(value, value)}"
        if kind == "cause":
            return f"{names['cause'].get(value, value).lower()} was behind it"
        if kind == "person":
            return f"it was about {value}"
        return f"it was tagged {value}"

    weeks = weekly(facts, period)
    acted = [m for m in facts if m.stayed is False]
    stayed = [m for m in facts if m.stayed is True]
    return Summary(
        period=period,
        moments=len(facts),
        weeks=weeks,
        share=Share(len(stayed), len(stayed) + len(acted)),
        halves=trend(weeks),
        people=top((p for m in facts for p in m.people), str),
        emotions=top(
            (e for m in facts for e in m.emotions), lambda s: names["emotion"].get(s, s)
        ),
        signs=top(
            (m.action for m in acted if m.action), lambda s: names["sign"].get(s, s)
        ),
        causes=top(
            (c for m in facts for c in m.causes), lambda s: names["cause"].get(s, s)
        ),
        tags=top((t for m in facts for t in m.tags), str),
        parts_of_day=dict(Counter(part_of_day(m.at) for m in facts)),
        weekdays=_weekdays(facts),
        days=len({m.at.date() for m in facts}),
        felt_after=(
            mean(m.felt_after for m in stayed if m.felt_after is not None),
            mean(m.felt_after for m in acted if m.felt_after is not None),
        ),
        urge=urge_split(facts),
        patterns=associations(
            facts,
            {
                "emotion": lambda m: m.emotions,
                "cause": lambda m: m.causes,
                "person": lambda m: m.people,
                "tag": lambda m: m.tags,
            },
            said,
        ),
        ladder=summarise_steps(list(steps)),
        kept=kept_rate(list(commitments)),
        drifting=drifting,
        checks=_check_trends(checks),
    )


def _weekdays(facts: Sequence[MomentFacts]) -> list[int]:
    counted = Counter(m.at.weekday() for m in facts)
    return [counted.get(d, 0) for d in range(7)]


def _check_trends(checks: Sequence[tuple[CheckResult, str]]) -> list[CheckTrend]:
    by_check: dict[str, list[tuple[CheckResult, str]]] = {}
    for result, name in sorted(checks, key=lambda c: c[0].taken_at):
        by_check.setdefault(result.check, []).append((result, name))
    return [
        CheckTrend(slug, taken[0][1], taken[0][0].total, taken[-1][0].total, len(taken))
        for slug, taken in by_check.items()
    ]


def _count(s: Summary) -> Insight:
    if not s.moments:
        return Insight(
            "moments",
            "No moments in this period. Whenever you log one, it will show here.",
            {"moments": 0},
            0,
        )
    return Insight(
        "moments",
        f"{s.moments} moments in {s.period.days} days, about {s.per_week:.1f} a week.",
        {"moments": s.moments, "per_week": round(s.per_week, 2)},
        s.moments,
    )


def _approach(s: Summary) -> list[Insight | None]:
    if s.share.noted < MIN_SAMPLE:
        return [None]
    found: list[Insight | None] = [
        Insight(
            "approach-ratio",
            f"You stayed with the urge (moved toward someone) in {s.share.stayed} of "
            f"{s.share.noted} moments where you noted what you did "
            f"({percent(s.share.stayed, s.share.noted)}%).",
            {
                "stayed": s.share.stayed,
                "noted": s.share.noted,
                "ratio": round(s.share.ratio or 0, 3),
            },
            s.share.noted,
        )
    ]
    first, second = s.halves
    if min(first.noted, second.noted) >= MIN_SAMPLE:
        a, b = percent(first.stayed, first.noted), percent(second.stayed, second.noted)
        way = "up from" if b > a else "down from" if b < a else "the same as"
        found.append(
            Insight(
                "approach-trend",
                f"In the second half of the period you stayed in {b}% of moments, "
                f"{way} {a}% in the first half.",
                {"first": a, "second": b},
                first.noted + second.noted,
            )
        )
    return found


def _tops(s: Summary) -> list[Insight | None]:
    said: list[Insight | None] = []
    for kind, items, lead in (
        ("people", s.people, "Who came up most"),
        ("emotions", s.emotions, "Feelings noted most"),
        ("signs", s.signs, "How you pulled away most often"),
        ("causes", s.causes, "What was most often behind it"),
        ("tags", s.tags, "Situations (tags) that came up most"),
    ):
        if items:
            listed = ", ".join(f"{c.name} ({c.count})" for c in items)
            said.append(
                Insight(
                    kind,
                    f"{lead}: {listed}.",
                    {c.slug: c.count for c in items},
                    sum(c.count for c in items),
                )
            )
    return said


def _time_of_day(s: Summary) -> Insight:
    """When moments come, once they are spread over enough different days to
    be a habit rather than one evening; until then, say what is missing."""
    if s.days < MIN_DAYS:
        return Insight(
            "time",
            f"The time of day and the day of the week your moments come will show "
            f"once they are spread over {MIN_DAYS} different days "
            f"(so far {s.days}).",
            {"days": s.days, "min_days": MIN_DAYS},
            s.moments,
        )
    part, n = max(s.parts_of_day.items(), key=lambda kv: kv[1])
    day = max(range(7), key=lambda d: s.weekdays[d])
    return Insight(
        "time",
        f"Most moments came in the {part} ({percent(n, s.moments)}%), and on "
        f"{WEEKDAYS[day]} more than any other day ({s.weekdays[day]}).",
        {"part_of_day": part, "weekday": WEEKDAYS[day], "days": s.days},
        s.moments,
    )


def _when(s: Summary) -> list[Insight | None]:
    if s.moments < MIN_SAMPLE:
        return []
    found: list[Insight | None] = [_time_of_day(s)]
    low, high = s.urge
    if low.noted >= MIN_SAMPLE and low.ratio is not None:
        found.append(
            Insight(
                "urge",
                f"When the urge was below 5, you stayed in {low.stayed} of {low.noted} "
                f"moments ({percent(low.stayed, low.noted)}%)"
                + (
                    f"; at 5 or more, in {high.stayed} of {high.noted} "
                    f"({percent(high.stayed, high.noted)}%)."
                    if high.noted >= MIN_SAMPLE
                    else "."
                ),
                {
                    "low_ratio": round(low.ratio, 3),
                    "high_ratio": round(high.ratio, 3)
                    if high.ratio is not None
                    else None,
                },
                low.noted + high.noted,
            )
        )
    stayed, acted = s.felt_after
    if stayed is not None and acted is not None:
        found.append(
            Insight(
                "felt-after",
                f"Afterwards you felt {stayed:.1f} out of 10 on average when you "
                f"stayed, and {acted:.1f} when you acted on the urge.",
                {"stayed": round(stayed, 2), "acted": round(acted, 2)},
                s.share.noted,
            )
        )
    return found


def _pattern(a: Association) -> Insight:
    return Insight(
        "pattern",
        a.sentence,
        {
            "acted": a.share.acted,
            "noted": a.share.noted,
            "overall_ratio": round(a.overall.ratio or 0, 3),
        },
        a.share.noted,
    )


def _practice(s: Summary) -> list[Insight | None]:
    found: list[Insight | None] = []
    if s.ladder.finished:
        found.append(
            Insight(
                "ladder",
                s.ladder.sentence,
                {
                    "finished": s.ladder.finished,
                    "predicted": s.ladder.average_predicted,
                    "actual": s.ladder.average_actual,
                },
                s.ladder.finished,
            )
        )
    if s.kept.settled:
        found.append(
            Insight(
                "commitments",
                s.kept.sentence,
                {"kept": s.kept.kept, "settled": s.kept.settled},
                s.kept.settled,
            )
        )
    if s.drifting:
        found.append(
            Insight(
                "drifting",
                f"{s.drifting} people are past the rhythm "
                "you chose for them (see Drifting).",
                {"drifting": s.drifting},
                s.drifting,
            )
        )
    for c in s.checks:
        change = f"from {c.first:g} to {c.last:g}" if c.taken > 1 else f"{c.last:g}"
        found.append(
            Insight(
                "check",
                f"{c.name}: {change} ({c.taken} taken).",
                {"check": c.check, "first": c.first, "last": c.last},
                c.taken,
            )
        )
    return found


def below_threshold_note() -> str:
    """What the page says about patterns it does not tell."""
    return (
        f"Closer only speaks of a pattern seen in at least {MIN_SAMPLE} moments, "
        f"and only when it differs from the rest by {round(NOTABLE * 100)} points "
        "or more; fewer could be chance."
    )
