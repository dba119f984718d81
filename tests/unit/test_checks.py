"""Self-check scoring, pinned against worked examples and the published bands."""

from __future__ import annotations

import pytest

from closer.adapters.checks_content import bundled_checks, load_checks
from closer.adapters.content import bundled_library
from closer.domain.checks import Check, find_check, parse_answers, score
from closer.domain.errors import ConfigurationError, InvalidInput, NotFound

CHECKS = bundled_checks()


def check(slug: str) -> Check:
    return find_check(CHECKS, slug)


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ([0] * 9, 0, "minimal"),
        ([3] * 9, 27, "severe"),
        ([1, 2, 1, 2, 1, 1, 2, 1, 0], 11, "moderate"),
        ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "minimal"),
        ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild"),
        ([1] * 9, 9, "mild"),
        ([2, 2, 2, 2, 2, 0, 0, 0, 0], 10, "moderate"),
        ([2, 2, 2, 2, 2, 2, 2, 0, 0], 14, "moderate"),
        ([3, 3, 3, 3, 3, 0, 0, 0, 0], 15, "moderately severe"),
        ([3, 3, 3, 3, 3, 2, 2, 0, 0], 19, "moderately severe"),
        ([3, 3, 3, 3, 3, 3, 2, 0, 0], 20, "severe"),
    ],
)
def test_the_phq9_is_the_sum_in_its_published_bands(
    answers: list[int], total: int, band: str
) -> None:
    result = score(check("phq9"), answers)
    assert (result.total, result.band and result.band.label) == (total, band)


def test_phq9_question_9_above_not_at_all_asks_for_safety_whatever_the_total() -> None:
    low = score(check("phq9"), [0] * 8 + [1])
    assert (low.total, low.needs_safety) == (1, 1)
    assert low.band is not None
    assert low.band.label == "minimal"
    assert score(check("phq9"), [0] * 8 + [3]).needs_safety == 3
    assert score(check("phq9"), [3] * 8 + [0]).needs_safety == 0


def test_the_difficulty_question_is_kept_but_never_scored() -> None:
    assert score(check("phq9"), [0] * 9 + [3]).total == 0
    assert score(check("gad7"), [1] * 7 + [2]).total == 7
    with pytest.raises(InvalidInput, match=r"Question 10 .* from 0 to 3; got 4"):
        score(check("phq9"), [0] * 9 + [4])


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([0] * 8, "needs an answer to each of its 9 questions .or 10.*8 were given"),
        ([], "0 were given"),
        ([0] * 11, "11 were given"),
        (
            [0, 0, 4, 0, 0, 0, 0, 0, 0],
            "Question 3 of the PHQ-9 takes an answer from 0 to 3; got 4",
        ),
        ([0, -1, 0, 0, 0, 0, 0, 0, 0], "Question 2 .* got -1"),
    ],
)
def test_missing_or_impossible_answers_are_refused_by_name(
    answers: list[int], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        score(check("phq9"), answers)


@pytest.mark.parametrize(
    ("answers", "total", "flagged"),
    [([0, 0], 0, False), ([1, 1], 2, False), ([2, 1], 3, True), ([3, 3], 6, True)],
)
def test_the_phq2_flags_at_three(answers: list[int], total: int, flagged: bool) -> None:
    result = score(check("phq2"), answers)
    assert (result.total, result.flagged, result.needs_safety) == (total, flagged, 0)


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ([0] * 7, 0, "minimal"),
        ([1, 1, 1, 1, 0, 0, 0], 4, "minimal"),
        ([1, 1, 1, 1, 1, 0, 0], 5, "mild"),
        ([2, 2, 2, 2, 2, 0, 0], 10, "moderate"),
        ([2, 2, 2, 2, 2, 2, 2], 14, "moderate"),
        ([3, 3, 3, 3, 3, 0, 0], 15, "severe"),
        ([3] * 7, 21, "severe"),
    ],
)
def test_the_gad7_is_the_sum_in_its_published_bands(
    answers: list[int], total: int, band: str
) -> None:
    result = score(check("gad7"), answers)
    assert (result.total, result.band and result.band.label) == (total, band)


def pairs(*situations: tuple[int, int]) -> list[int]:
    return [answer for pair in situations for answer in pair]


def test_the_arsq_multiplies_concern_by_the_reverse_of_expected_acceptance() -> None:
    worked = pairs(
        (3, 4), (2, 5), (5, 2), (1, 6), (4, 4), (2, 3), (6, 5), (3, 3), (2, 6)
    )
    result = score(check("arsq"), worked)
    assert result.parts == (9.0, 4.0, 25.0, 1.0, 12.0, 8.0, 12.0, 12.0, 2.0)
    assert result.total == 9.44  # 85 / 9
    assert result.band is not None
    assert result.band.label == "within the usual range"


def test_the_arsq_extremes_and_the_direction_of_expectation() -> None:
    calm = score(check("arsq"), pairs(*[(1, 6)] * 9))
    braced = score(check("arsq"), pairs(*[(6, 1)] * 9))
    assert (calm.total, braced.total) == (1, 36)
    assert calm.band is not None
    assert calm.band.label == "lower than most"
    assert braced.band is not None
    assert braced.band.label == "higher than most"
    # Expecting acceptance lowers the score; expecting rejection raises it.
    hopeful = score(check("arsq"), pairs(*[(4, 5)] * 9))
    wary = score(check("arsq"), pairs(*[(4, 2)] * 9))
    assert (hopeful.total, wary.total) == (8, 20)


def test_the_arsq_bands_sit_one_standard_deviation_around_the_published_mean() -> None:
    arsq = check("arsq")
    assert arsq.sample is not None
    assert (arsq.sample.mean, arsq.sample.sd, arsq.sample.n) == (8.61, 3.61, 685)
    within = arsq.band_for(round(arsq.sample.mean - arsq.sample.sd, 2))
    assert within is not None
    assert within.label == "within the usual range"
    above = arsq.band_for(110 / 9)  # 12.222..., just past 8.61 + 3.61
    assert above is not None
    assert above.label == "higher than most"
    below = arsq.band_for(44 / 9)  # 4.888..., just under 5.00
    assert below is not None
    assert below.label == "lower than most"


def test_arsq_answers_run_from_1_to_6_and_all_18_are_needed() -> None:
    with pytest.raises(InvalidInput, match=r"Question 2 .* from 1 to 6; got 0"):
        score(check("arsq"), pairs((1, 0), *[(1, 1)] * 8))
    with pytest.raises(InvalidInput, match="each of its 18 questions; 17 were given"):
        score(check("arsq"), [*pairs(*([(1, 1)] * 8)), 1])


def test_the_patterns_profile_puts_what_feels_truest_first() -> None:
    patterns = check("patterns")
    assert not patterns.validated
    answers = [0] * len(patterns.questions)
    for n, question in enumerate(patterns.questions):
        if question.about == "cause:fear-of-rejection":
            answers[n] = 4
        if question.about == "group:withdrawal":
            answers[n] = 2
    result = score(patterns, answers)
    standing = [(a.about, a.mean) for a in result.areas if a.stands_out]
    assert standing == [("cause:fear-of-rejection", 4), ("group:withdrawal", 2)]
    quiet = score(patterns, [0] * len(patterns.questions))
    assert not any(a.stands_out for a in quiet.areas)
    assert quiet.band is None


def test_the_patterns_check_speaks_to_every_sign_group_and_cause() -> None:
    library = bundled_library()
    covered = {q.about for q in check("patterns").questions}
    assert covered == {f"group:{g}" for g in library.groups} | {
        f"cause:{c}" for c in library.causes
    }


def test_answers_are_read_from_commas_or_spaces() -> None:
    assert parse_answers("0,1, 2 3") == [0, 1, 2, 3]
    with pytest.raises(InvalidInput, match="numbers separated by commas"):
        parse_answers("0,one,2")


def test_an_unknown_check_names_the_ones_there_are() -> None:
    with pytest.raises(NotFound, match="phq9, phq2, gad7, arsq, patterns"):
        find_check(CHECKS, "bdi")


def test_the_published_wording_and_copyright_line_are_shipped() -> None:
    phq9 = check("phq9")
    assert phq9.questions[8].text == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert [o.label for o in phq9.questions[0].options] == [
        "Not at all", "Several days", "More than half the days", "Nearly every day",
    ]  # fmt: skip
    for slug in ("phq9", "phq2", "gad7"):
        assert "No permission required to reproduce" in check(slug).attribution
    assert "Berenson" in check("arsq").attribution
    assert len(check("arsq").questions) == 18


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ('options = "frequency"', 'options = "nope"'),
        ("safety_item = 9", "safety_item = 12"),
        ('about = "cause:privacy-values"', 'about = "cause:not-a-cause"'),
        ('slug = "phq2"', 'slug = "phq9"'),
    ],
)
def test_a_broken_checks_file_stops_with_a_message(change: str, problem: str) -> None:
    from importlib import resources  # noqa: PLC0415

    text = (resources.files("closer.content") / "checks.toml").read_text("utf-8")
    assert change in text
    with pytest.raises(ConfigurationError, match=r"checks\.toml"):
        load_checks(text.replace(change, problem, 1), bundled_library())


def test_each_check_knows_its_highest_total() -> None:
    highest = {c.slug: c.highest for c in CHECKS}
    assert highest == {"phq9": 27, "phq2": 6, "gad7": 21, "arsq": 36, "patterns": 4}
