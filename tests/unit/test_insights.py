"""Insights from plain facts: counts, shares, patterns with their samples."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from closer.adapters.content import bundled_library
from closer.domain.insight_summary import summarise
from closer.domain.insights import (
    MIN_DAYS,
    MIN_SAMPLE,
    MomentFacts,
    Period,
    part_of_day,
    urge_split,
    weekly,
)

LIBRARY = bundled_library()
PERIOD = Period(date(2026, 3, 2), date(2026, 3, 29))  # four weeks from a Monday


def at(day: int, hour: int = 20) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)


def shamed(n: int, action: str) -> list[MomentFacts]:
    return [
        MomentFacts(at(2 + i), urge=8, action=action, emotions=("ashamed",))
        for i in range(n)
    ]


def test_a_worked_month_gives_its_counts_and_sentences() -> None:
    facts = [
        *shamed(7, "cancel-last-minute"),  # acted on the urge, ashamed
        *shamed(2, "replied"),  # stayed, ashamed
        *[MomentFacts(at(15 + i), urge=3, action="replied", people=("Sam",))
          for i in range(8)],
        *[MomentFacts(at(25 + i), urge=4, action="slow-or-no-reply") for i in range(2)],
        MomentFacts(at(28), urge=None, action=None),  # nothing noted: counts only
    ]  # fmt: skip
    summary = summarise(facts, PERIOD, LIBRARY)
    assert summary.moments == 20
    assert (summary.share.stayed, summary.share.noted) == (10, 19)
    said = [i.sentence for i in summary.insights]
    assert said[0] == "20 moments in 28 days, about 5.0 a week."
    assert (
        "You stayed with the urge (moved toward someone) in 10 of 19 moments "
        "where you noted what you did (53%)." in said
    )
    assert (
        "When you felt ashamed, you acted on the urge in 7 of 9 moments "
        "(78%, against 47% overall)." in said
    )
    assert (
        "When the urge was below 5, you stayed in 8 of 10 moments (80%); "
        "at 5 or more, in 2 of 9 (22%)." in said
    )
    assert any(s.startswith("Feelings noted most: ashamed (9)") for s in said)


def test_no_pattern_is_claimed_on_fewer_than_the_minimum() -> None:
    facts = [*shamed(MIN_SAMPLE - 1, "cancel-last-minute")]
    facts += [MomentFacts(at(20 + i), action="replied") for i in range(6)]
    summary = summarise(facts, PERIOD, LIBRARY)
    assert summary.patterns == []
    assert not any(i.kind == "pattern" for i in summary.insights)
    facts.append(MomentFacts(at(28), action="ghosting", emotions=("ashamed",)))
    assert summarise(facts, PERIOD, LIBRARY).patterns[0].share.noted == MIN_SAMPLE


def test_the_trend_compares_the_two_halves_of_the_period() -> None:
    early = [MomentFacts(at(2 + i), action="ghosting") for i in range(6)]
    early += [MomentFacts(at(3), action="replied")]
    late = [MomentFacts(at(20 + i), action="replied") for i in range(6)]
    summary = summarise(early + late, PERIOD, LIBRARY)
    trend = next(i for i in summary.insights if i.kind == "approach-trend")
    assert trend.sentence == (
        "In the second half of the period you stayed in 100% of moments, "
        "up from 14% in the first half."
    )


def test_weeks_run_monday_to_sunday_and_empty_weeks_are_kept() -> None:
    weeks = weekly([MomentFacts(at(4)), MomentFacts(at(22))], PERIOD)  # 22: a Sunday
    assert [w.start for w in weeks] == [
        date(2026, 3, 2) + timedelta(days=7 * n) for n in range(4)
    ]
    assert [w.moments for w in weeks] == [1, 0, 1, 0]


def test_parts_of_the_day_and_urge_splits() -> None:
    assert [part_of_day(at(2, h)) for h in (0, 5, 6, 12, 17, 18, 23)] == [
        "night", "night", "morning", "afternoon", "afternoon", "evening", "evening",
    ]  # fmt: skip
    low, high = urge_split([MomentFacts(at(2), urge=4, action="replied"),
                            MomentFacts(at(2), urge=5, action="ghosting")])  # fmt: skip
    assert (low.stayed, low.noted, high.stayed, high.noted) == (1, 1, 0, 1)


def test_an_empty_period_says_so_kindly() -> None:
    summary = summarise([], PERIOD, LIBRARY)
    assert [i.sentence for i in summary.insights] == [
        "No moments in this period. Whenever you log one, it will show here."
    ]


def _time_sentence(facts: list[MomentFacts]) -> str:
    summary = summarise(facts, PERIOD, LIBRARY)
    (said,) = [i.sentence for i in summary.insights if i.kind == "time"]
    return said


def test_one_evening_of_moments_is_not_a_time_of_day_pattern() -> None:
    one_evening = [MomentFacts(at(10, 21)) for _ in range(MIN_SAMPLE + 3)]
    said = _time_sentence(one_evening)
    assert f"once they are spread over {MIN_DAYS} different days" in said
    assert "(so far 1)" in said
    assert "Most moments" not in said


def test_moments_over_enough_days_name_the_part_of_the_day() -> None:
    evenings = [MomentFacts(at(2 + day, 21)) for day in range(MIN_DAYS)]
    assert _time_sentence(evenings).startswith("Most moments came in the evening")
    one_day_short = [*evenings[: MIN_DAYS - 1], MomentFacts(at(2, 22))]
    assert "Most moments" not in _time_sentence(one_day_short)
