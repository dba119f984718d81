"""The ladder's rules: validation, the next step, and the comparison."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from closer.adapters.content import bundled_step_ideas
from closer.domain.accept_good import START, new_share, suggest_share
from closer.domain.errors import InvalidInput
from closer.domain.ladder import (
    Level,
    Outcome,
    Step,
    finish,
    new_step,
    suggest_next,
    summarise,
)

NOW = datetime(2026, 11, 22, 12, tzinfo=UTC)
IDEAS = list(bundled_step_ideas())


def step(predicted: int, actual: int | None = None, outcome: str | None = None) -> Step:
    planned = new_step(
        text="Reply to Sam", predicted_discomfort=predicted, planned_at=NOW
    )
    if actual is None or outcome is None:
        return planned
    return finish(planned, actual_discomfort=actual, outcome=outcome, when=NOW)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": "  ", "predicted_discomfort": 10}, "text"),
        ({"text": "x", "predicted_discomfort": 101}, "predicted_discomfort"),
        ({"text": "x", "predicted_discomfort": -1}, "predicted_discomfort"),
        ({"text": "x" * 501, "predicted_discomfort": 5}, "text"),
    ],
)
def test_a_bad_step_names_its_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        new_step(planned_at=NOW, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_finishing_needs_a_known_outcome() -> None:
    with pytest.raises(InvalidInput, match="Outcome must be one of bad, neutral, good"):
        finish(step(40), actual_discomfort=20, outcome="great", when=NOW)


def test_levels_follow_predicted_discomfort() -> None:
    assert [Level.of(d) for d in (0, 33, 34, 66, 67, 100)] == [1, 1, 2, 2, 3, 3]


def test_first_suggestion_is_gentle() -> None:
    suggestion = suggest_next([], IDEAS)
    assert suggestion.level is Level.GENTLE
    assert suggestion.ideas
    assert all(i.difficulty is Level.GENTLE for i in suggestion.ideas)


def test_steps_that_went_as_well_as_feared_or_better_lead_a_little_higher() -> None:
    done = [step(50, 30, "good"), step(40, 40, "neutral"), step(20, 10, "good")]
    assert suggest_next(done, IDEAS).level is Level.BRAVE
    assert suggest_next([step(20, 15, "good")], IDEAS).level is Level.STRETCH
    assert suggest_next([step(90, 50, "good")], IDEAS).level is Level.BRAVE  # the top


def test_a_step_harder_than_predicted_stays_at_its_level() -> None:
    done = [step(50, 70, "neutral"), step(40, 20, "good")]
    assert suggest_next(done, IDEAS).level is Level.STRETCH


def test_a_step_that_went_badly_leads_gentler_without_blame() -> None:
    suggestion = suggest_next([step(50, 60, "bad")], IDEAS)
    assert suggestion.level is Level.GENTLE
    assert "fail" not in suggestion.reason.lower()


def test_planned_steps_do_not_count_toward_the_suggestion() -> None:
    assert suggest_next([step(90), step(80)], IDEAS).level is Level.GENTLE


def test_the_summary_compares_predictions_only_after_three_steps() -> None:
    assert "After a few steps" in summarise([step(50, 20, "good")]).sentence
    summary = summarise(
        [step(60, 20, "good"), step(40, 50, "bad"), step(50, 20, "good")]
    )
    assert (summary.finished, summary.went_badly, summary.easier_than_feared) == (
        3,
        1,
        2,
    )
    assert summary.sentence == (
        "Over 3 steps you expected a discomfort of 50 on average; it was 30. "
        "2 felt easier than you feared, and 1 went badly."
    )
    assert summary.average_predicted == 50
    assert Outcome.BAD.value == "bad"


def test_accept_good_starts_small_and_rises_after_a_week() -> None:
    assert suggest_share([], NOW).percent == START
    chosen = new_share(5, NOW - timedelta(days=3))
    assert suggest_share([chosen], NOW).percent == 5
    older = new_share(5, NOW - timedelta(days=8))
    assert suggest_share([older], NOW).percent == 10
    with pytest.raises(InvalidInput, match="between 1 and 100"):
        new_share(0, NOW)
