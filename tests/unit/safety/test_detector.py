"""The crisis detector, pinned on our own labelled development set.

The set lives in tests/data/safety_dev.jsonl (written by us, separate from the
public evaluation sets in ../shared/eval, which bench/safety_eval.py measures).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from closer.domain.safety import (
    About,
    Assessment,
    CombinedDetector,
    Level,
    Reason,
    RuleDetector,
    detect,
)

DEV_SET = Path(__file__).resolve().parents[2] / "data" / "safety_dev.jsonl"


def _rows() -> list[dict[str, Any]]:
    with DEV_SET.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


ROWS = _rows()


def test_the_development_set_is_big_and_varied_enough() -> None:
    assert len(ROWS) >= 150
    kinds = {row["kind"] for row in ROWS}
    for kind in ["idiom", "negation", "other", "reported", "history", "passive"]:
        assert kind in kinds
    assert sum(row["level"] == "none" for row in ROWS) >= 60
    assert any("\u2019" in row["text"] for row in ROWS)
    assert any(any(ord(c) > 0xFF00 for c in row["text"]) for row in ROWS)


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{i}-{row['kind']}" for i, row in enumerate(ROWS)]
)
def test_each_development_line_gets_its_labelled_level(row: dict[str, Any]) -> None:
    result = detect(row["text"])
    about = result.about.value if result.about else None
    assert (result.level.value, about) == (row["level"], row["about"]), row["text"]


def test_the_prefilter_never_changes_an_answer() -> None:
    slow = RuleDetector(prefilter=False)
    texts = [row["text"] for row in ROWS]
    texts += [t.upper() for t in texts] + [t.replace("'", "") for t in texts]
    for text in texts:
        assert slow.assess(text) == detect(text), text


def test_every_alert_explains_itself_in_plain_words() -> None:
    result = detect("I've saved up enough pills and I want to die tonight")
    assert result.level is Level.URGENT
    assert result.about is About.SELF
    descriptions = result.descriptions()
    assert descriptions
    assert all(d.endswith(".") and d[0].isupper() for d in descriptions)


def test_a_friend_at_risk_is_told_apart_from_the_writer() -> None:
    friend = detect("my friend says she wants to die")
    writer = detect("I want to die")
    assert friend.about is About.OTHER
    assert writer.about is About.SELF
    assert "someone else" in friend.descriptions()[0]


def test_the_writer_counts_first_when_both_are_mentioned() -> None:
    result = detect("My friend is suicidal and honestly so am I. I want to die too")
    assert result.about is About.SELF


@pytest.mark.parametrize(
    "text",
    [
        "I’m going to kill myself",  # curly apostrophe
        "Im going to kill myself",  # no apostrophe
        "I'M GOING TO KILL MYSELF",
        "Ｉ'ｍ ｇｏｉｎｇ ｔｏ ｋｉｌｌ ｍｙｓｅｌｆ",  # full-width letters
        "I'm göing to kíll mysèlf",  # accents
        "im gonna kill my self",
    ],
)
def test_spelling_and_typography_do_not_hide_intent(text: str) -> None:
    assert detect(text).level is Level.URGENT


def test_an_empty_or_blank_text_is_none() -> None:
    assert detect("") == Assessment()
    assert detect("   \n ") == Assessment()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_at_all_gets_an_answer(text: str) -> None:
    result = detect(text)
    assert result.level in set(Level)
    assert (result.level is Level.NONE) == (not result.reasons)


class _AlwaysConcerned:
    """A stand-in for a future model layer: a real, if simple, detector."""

    def assess(self, text: str) -> Assessment:
        if "storm" not in text:
            return Assessment()
        reason = Reason("model", Level.CONCERN, About.SELF, "A model was worried.")
        return Assessment.from_reasons([reason])


def test_a_second_detector_joins_without_changing_callers() -> None:
    combined = CombinedDetector([RuleDetector(), _AlwaysConcerned()])
    assert combined.assess("a storm inside me").level is Level.CONCERN
    both = combined.assess("a storm inside me and I want to kill myself tonight")
    assert both.level is Level.URGENT
    assert {r.code for r in both.reasons} >= {"model", "timing-or-means"}
    assert combined.assess("a calm day").level is Level.NONE
