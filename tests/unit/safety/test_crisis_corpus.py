"""The crisis corpus (tests/data/crisis) is well formed, split by source,
and balanced enough to train and measure on."""

from __future__ import annotations

from collections import Counter

import pytest
from bench.crisis_corpus import (
    BACKGROUND,
    CORPUS,
    HELD_BACK,
    RULE_SETS,
    RULES_CORPUS,
    SPLITS,
    rows,
)

LEVELS, ABOUTS = {"urgent", "concern", "none"}, {"self", "other", "none"}
LANGS = {"en", "de", "fr", "nl", "es", "pt", "it"}
RULE_LANGS = {"hi"}  # read by rules alone (domain/safety/hindi.py)


def well_formed(source: str, langs: set[str]) -> list[dict[str, str]]:
    """The lines of ``source``, each checked for its keys and values."""
    lines = rows(source)
    assert len(lines) >= 250
    for row in lines:
        assert set(row) == {"text", "level", "about", "kind", "lang", "source"}, row
        assert row["level"] in LEVELS, row
        assert row["about"] in ABOUTS, row
        assert row["lang"] in langs, row
        assert row["source"] == source, row
        assert row["text"].strip(), row
        if row["level"] != "none":
            assert row["about"] != "none", row
    return lines


@pytest.mark.parametrize(
    "source", [*(s for group in SPLITS.values() for s in group), *HELD_BACK]
)
def test_every_line_of_a_source_is_well_formed(source: str) -> None:
    lines = well_formed(source, LANGS)
    levels = Counter(row["level"] for row in lines)
    if source in BACKGROUND:  # plain everyday text and everyday low moods
        assert levels == {"none": len(lines)}
        assert {row["kind"] for row in lines} <= {"everyday", "ordinary"}
        return
    assert min(levels.values()) >= 0.04 * len(lines), levels  # a boundary source leans


def test_no_line_is_in_two_splits() -> None:
    texts = {
        split: {row["text"].casefold() for s in sources for row in rows(s)}
        for split, sources in SPLITS.items()
    }
    assert not texts["train"] & texts["test"]
    assert not texts["dev"] & texts["test"]
    assert not texts["train"] & texts["dev"]


def test_every_source_is_in_one_split_and_on_disk() -> None:
    named = [*(s for group in SPLITS.values() for s in group), *HELD_BACK]
    assert len(named) == len(set(named))
    assert {p.stem for p in CORPUS.glob("*.jsonl")} == set(named)


@pytest.mark.parametrize("source", [s for group in RULE_SETS.values() for s in group])
def test_every_line_of_a_set_for_rules_alone_is_well_formed(source: str) -> None:
    lines = well_formed(source, RULE_LANGS)
    levels = Counter(row["level"] for row in lines)
    assert min(levels.values()) >= 0.1 * len(lines), levels


def test_the_sets_for_rules_alone_are_on_disk_and_share_no_line() -> None:
    named = [s for group in RULE_SETS.values() for s in group]
    assert {p.stem for p in RULES_CORPUS.glob("*.jsonl")} == set(named)
    dev, test = (
        {r["text"].casefold() for s in RULE_SETS[k] for r in rows(s)}
        for k in ("dev", "test")
    )
    assert not dev & test
