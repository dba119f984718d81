"""Closer's crisis corpus (tests/data/crisis): its sources, split by source.

One list for everything that reads the corpus: the fitting of the learned
layer (``bench.crisis_head``), its evaluation (``bench.crisis_eval``) and the
test that keeps the corpus well formed. The test split is read only by the
evaluation, never by the fitting or the choice of a threshold.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "crisis"
Split = Literal["train", "dev", "test"]
SPLITS: dict[Split, tuple[str, ...]] = {
    "train": (
        "voices-texting",
        "voices-diary",
        "voices-forum",
        "voices-b",
        "voices-c",
        "multilingual-a",
        "multilingual-c",
        "everyday-en",
        "everyday-multi",
        "everyday-social-en",
        "everyday-social-multi",
    ),
    "dev": ("voices-mixed-dev", "multilingual-dev"),
    "test": ("voices-mixed-test", "multilingual-b", "everyday-test"),
}
# Written, fitted on once, and held back: with them the layer found more of
# what needs help but alerted more on real ordinary text (GoEmotions 7.4% to
# 11.3%); kept for a stronger sentence model (docs/decisions.md, D34).
HELD_BACK = ("boundary-low-en", "boundary-low-multi", "boundary-told-en")
# Sources of plain everyday text and everyday low moods, nothing at risk: the
# background the rest stands out from. Measured apart (ordinary text), since
# the goal there is the one for what most people write most days.
BACKGROUND = frozenset(
    s for group in SPLITS.values() for s in group if s.startswith("everyday")
)
AT_RISK = ("concern", "urgent")

# Languages the sentence model does not know are read by rules alone
# (``closer.domain.safety.hindi``); their lines live apart, never fitted on.
RULES_CORPUS = CORPUS.parent / "crisis-rules"
RULE_SETS: dict[Split, tuple[str, ...]] = {
    "dev": ("hindi-dev",),  # read while the rules were written
    "test": ("hindi-test",),  # written by someone else, read only to measure
}


def rows(source: str) -> list[dict[str, str]]:
    """The lines of one source, as dictionaries."""
    in_rule_sets = any(source in sources for sources in RULE_SETS.values())
    folder = RULES_CORPUS if in_rule_sets else CORPUS
    path = folder / f"{source}.jsonl"
    text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def split(name: Split) -> list[dict[str, str]]:
    """Every line of one split, source after source."""
    return [row for source in SPLITS[name] for row in rows(source)]


def head_class(row: dict[str, str]) -> str:
    """The class a line teaches the head: ``level:about`` when someone is at
    risk, ``none:kind`` otherwise (see ``closer.domain.safety.learned``)."""
    if row["level"] in AT_RISK:
        about = "other" if row["about"] == "other" else "self"
        return f"{row['level']}:{about}"
    return f"none:{row['kind']}"
