"""How the learned layer decides, given a reader's chances (the real reader,
the multilingual model, is tested in tests/integration/test_safety_model.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from closer.domain.safety import About, Assessment, Level, detect
from closer.domain.safety.learned import (
    MAX_PART,
    MAX_PARTS,
    Bars,
    Chances,
    LearnedLayer,
    at_risk,
    judge,
    parts,
    sentences,
)

BARS = Bars(threshold=0.5, confirm=0.2)
HARMLESS = {"none:ordinary": 0.95, "concern:self": 0.05}


class TableReader:
    """A reader that knows a few texts by heart; anything else is harmless."""

    name = "table"

    def __init__(self, table: Mapping[str, Chances]) -> None:
        self.table = table
        self.read_texts: list[str] = []

    def read(self, texts: Sequence[str]) -> list[Chances]:
        self.read_texts += texts
        return [self.table.get(text, HARMLESS) for text in texts]


def test_the_at_risk_classes_together_decide_whether_help_is_shown() -> None:
    split = {"concern:self": 0.3, "urgent:self": 0.25, "none:idiom": 0.45}
    assert at_risk(split) == pytest.approx(0.55)
    found = judge(split, BARS)
    assert found.level is Level.CONCERN  # concern outweighs urgent
    assert found.about is About.SELF
    assert judge({"concern:self": 0.49, "none:ordinary": 0.51}, BARS) == Assessment()


def test_urgent_and_someone_else_win_when_they_outweigh_the_rest() -> None:
    found = judge({"urgent:other": 0.6, "concern:self": 0.3, "none:news": 0.1}, BARS)
    assert (found.level, found.about) == (Level.URGENT, About.OTHER)
    assert "someone else" in found.descriptions()[0]


def test_bars_must_be_ordered_between_zero_and_one() -> None:
    for threshold, confirm in ((0.5, 0.6), (1.0, 0.2), (0.5, 0.0)):
        with pytest.raises(ValueError, match="confirm"):
            Bars(threshold=threshold, confirm=confirm)


def test_the_layer_finds_what_the_rules_miss() -> None:
    words = "what is even the point of me"
    reader = TableReader({words: {"concern:self": 0.8, "none:ordinary": 0.2}})
    layer = LearnedLayer(reader, BARS)
    assert detect(words).level is Level.NONE
    assert layer.assess(words, detect(words)).level is Level.CONCERN


def test_a_concern_the_reader_is_sure_is_harmless_is_dropped() -> None:
    words = "ugh I want to die"
    rules = detect(words)
    assert rules.level is Level.CONCERN
    sure = LearnedLayer(
        TableReader({words: {"none:hyperbole": 0.9, "concern:self": 0.1}}), BARS
    )
    assert sure.assess(words, rules) == Assessment()
    unsure = LearnedLayer(
        TableReader({words: {"none:hyperbole": 0.7, "concern:self": 0.3}}), BARS
    )
    assert unsure.assess(words, rules).level is Level.CONCERN  # 0.3 >= confirm


def test_one_plain_sentence_in_a_long_entry_is_not_drowned_by_the_rest() -> None:
    plain = "I want to kill myself."
    entry = f"Work was fine. Lunch with Tom was nice. {plain} Then I watched TV."
    reader = TableReader({plain: {"urgent:self": 0.9, "none:ordinary": 0.1}})
    found = LearnedLayer(reader, BARS).assess(entry, detect(entry))
    assert found.level is Level.URGENT


def test_sentences_are_split_at_end_marks_and_line_breaks() -> None:
    assert sentences("One. Two! Three?\nFour… five") == [
        "One.", "Two!", "Three?", "Four…", "five",
    ]  # fmt: skip


def test_empty_texts_are_not_read_and_keep_what_the_rules_said() -> None:
    reader = TableReader({})
    layer = LearnedLayer(reader, BARS)
    assert layer.assess_all(["", "  "], [Assessment(), Assessment()]) == [
        Assessment(), Assessment(),
    ]  # fmt: skip
    assert reader.read_texts == []


def test_an_urgent_finding_of_the_rules_is_never_dropped() -> None:
    words = "I bought a noose"
    rules = detect(words)
    assert rules.level is Level.URGENT
    sure = TableReader({words: {"none:ordinary": 0.99, "concern:self": 0.01}})
    assert LearnedLayer(sure, BARS).assess(words, rules).level is Level.URGENT


def test_in_a_long_text_no_finding_of_the_rules_is_dropped() -> None:
    entry = ", ".join(["work was long and the bus was late"] * 12)
    entry += ", and sometimes I want to die"
    rules = detect(entry)
    assert rules.level is Level.CONCERN
    found = LearnedLayer(TableReader({}), BARS).assess(entry, rules)
    assert found.level is Level.CONCERN


def test_a_dark_sentence_is_read_on_its_own_beside_ordinary_ones() -> None:
    dark = "Quiero morirme, ya no puedo más."
    text = f"Mi hermana me llamó hoy. {dark}"
    reader = TableReader({dark: {"concern:self": 0.9, "none:ordinary": 0.1}})
    assert LearnedLayer(reader, BARS).assess(text, detect(text)).needs_support
    assert reader.read_texts == [text, "Mi hermana me llamó hoy.", dark]
    unsure = TableReader({dark: {"concern:self": 0.55, "none:ordinary": 0.45}})
    assert not LearnedLayer(unsure, BARS).assess(text, detect(text)).needs_support


def test_a_long_text_is_read_in_bounded_parts() -> None:
    sentence = "Today was ordinary and I made soup for everyone at home. "
    found = parts(sentence * 2_000)
    assert len(found) == MAX_PARTS
    assert all(len(part) <= MAX_PART for part in found)
    one_long_word = parts("a" * 10_000)
    assert all(len(part) <= MAX_PART for part in one_long_word)
    assert parts("Just one sentence here.") == []
