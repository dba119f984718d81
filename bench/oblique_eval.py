"""The crisis detector's second layer (oblique language, by meaning), measured.

Recall is counted on the oblique sentences of tests/data/safety_oblique.jsonl
and on every crisis line of tests/data/safety_dev.jsonl; false alerts on the
everyday look-alikes of the oblique set, the hard negatives of the dev set
(idioms, negations, reported speech, conditionals, ordinary lines), XSTest's
250 `safe` prompts and the GoEmotions test comments (where a few comments do
speak of death; the count is of alerts, to be read with that in mind). Each
row compares the rules alone with the rules plus the layer. The layer's two
thresholds were chosen on our own sets only.

Run: ``python -m bench.oblique_eval --write docs/benchmarks.md``
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.common import report
from bench.safety_eval import (
    DEFAULT_EVAL,
    DEV_SET,
    HARD_NEGATIVE_KINDS,
    load,
)
from closer.adapters.embeddings import OnnxEmbedder
from closer.domain.safety import Level, detect
from closer.domain.safety.meaning_layer import CLOSE, MARGIN, MeaningLayer

START, END = "<!-- oblique_eval:start -->", "<!-- oblique_eval:end -->"
OBLIQUE_SET = DEV_SET.parent / "safety_oblique.jsonl"


def alerts(layer: MeaningLayer, texts: list[str]) -> tuple[int, int]:
    """How many texts raise an alert: with the rules, with rules and layer."""
    rules = [detect(t) for t in texts]
    near = layer.closeness(texts)
    alone = sum(1 for r in rules if r.level is not Level.NONE)
    both = sum(
        1 for r, (o, e, _) in zip(rules, near, strict=True)
        if r.level is not Level.NONE or (o >= CLOSE and o - e >= MARGIN)
    )  # fmt: skip
    return alone, both


def run(eval_dir: Path) -> str:
    layer = MeaningLayer(OnnxEmbedder())
    oblique = load(OBLIQUE_SET)
    dev = load(DEV_SET)
    xstest = load(eval_dir / "xstest_v2_prompts.jsonl")
    goemotions = load(eval_dir / "goemotions_test.jsonl")
    sets = {
        "oblique lines (ours)": ([r["text"] for r in oblique if r["oblique"]], True),
        "crisis lines of the dev set": (
            [r["text"] for r in dev if r["level"] != "none"], True),
        "everyday look-alikes (ours)": (
            [r["text"] for r in oblique if not r["oblique"]], False),
        "hard negatives of the dev set": (
            [r["text"] for r in dev if r["level"] == "none"
             and r.get("kind") in HARD_NEGATIVE_KINDS], False),
        "XSTest safe prompts": (
            [r["text"] for r in xstest if r["label"] == "safe"], False),
        "GoEmotions test comments": ([r["text"] for r in goemotions], False),
    }  # fmt: skip
    rows = []
    for name, (texts, positive) in sets.items():
        alone, both = alerts(layer, texts)
        what = "recall" if positive else "alerts"
        rows.append(
            f"| {name} | {len(texts):,} | {what} | {alone} ({alone / len(texts):.1%}) "
            f"| {both} ({both / len(texts):.1%}) |"
        )
    return "\n".join([
        "Command: `python -m bench.oblique_eval --write docs/benchmarks.md` "
        f"(thresholds: closeness {CLOSE}, margin over everyday sentences {MARGIN}).",
        "",
        "| set | lines | counted | rules alone | rules + meaning layer |",
        "| --- | --- | --- | --- | --- |",
        *rows,
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    return report(
        lambda a: run(a.eval_dir),
        START,
        END,
        argv,
        description="The detector's meaning layer.",
        options={"--eval-dir": DEFAULT_EVAL},
    )


if __name__ == "__main__":
    sys.exit(main())
