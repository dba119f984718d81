"""Emotion hints, measured on the public GoEmotions test split
(../shared/eval/goemotions_test.jsonl; Demszky et al. 2020, Apache-2.0).

GoEmotions' 27 labels are mapped onto Closer's vocabulary where one of
Closer's feelings means the same (below); labels with no counterpart
(approval, confusion, desire, disapproval, disgust, realization, surprise,
neutral) are left out. Only comments with at least one mapped label are
scored. The hinter's best feeling among the mapped ones is its prediction
(multi-label gold: it is right when it is any of the comment's feelings).
Per class: precision, recall; then macro-F1 over the mapped classes.
Nothing here is tuned on these lines.

Run: ``python -m bench.emotion_eval --write docs/benchmarks.md``
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from bench.common import report
from closer.adapters.content import bundled_library
from closer.adapters.embeddings import OnnxEmbedder
from closer.domain.meaning import EmotionHinter

START, END = "<!-- emotion_eval:start -->", "<!-- emotion_eval:end -->"
DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "goemotions_test.jsonl"
MAPPING = {
    "admiration": "inspired", "amusement": "amused", "anger": "angry",
    "annoyance": "irritated", "caring": "tender", "curiosity": "curious",
    "disappointment": "disappointed", "embarrassment": "embarrassed",
    "excitement": "excited", "fear": "afraid", "gratitude": "grateful",
    "grief": "sad", "joy": "joyful", "love": "loving", "nervousness": "anxious",
    "optimism": "hopeful", "pride": "proud", "relief": "relieved",
    "remorse": "guilty", "sadness": "sad",
}  # fmt: skip


def examples(path: Path) -> list[tuple[str, set[str]]]:
    """(text, Closer feelings) for each comment with a mapped label."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        gold = {MAPPING[label] for label in item["label"] if label in MAPPING}
        if gold:
            found.append((item["text"], gold))
    return found


def run(path: Path) -> str:
    items = examples(path)
    library = bundled_library()
    embedder = OnnxEmbedder()
    hinter = EmotionHinter(embedder)
    classes = sorted(set(MAPPING.values()))
    began = time.perf_counter()
    vectors = embedder.embed([text for text, _ in items])
    seconds = time.perf_counter() - began
    true_pos, predicted, actual = Counter[str](), Counter[str](), Counter[str]()
    for (_, gold), vector in zip(items, vectors, strict=True):
        best = next(s for s, _ in hinter.scores(vector, library) if s in classes)
        predicted[best] += 1
        true_pos[best] += best in gold
        for feeling in gold:
            actual[feeling] += 1
    rows, f1s = [], []
    for name in classes:
        p = true_pos[name] / predicted[name] if predicted[name] else 0.0
        r = true_pos[name] / actual[name] if actual[name] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        rows.append(f"| {name} | {actual[name]} | {p:.2f} | {r:.2f} | {f1:.2f} |")
    macro = sum(f1s) / len(f1s)
    return "\n".join([
        "Command: `python -m bench.emotion_eval --write docs/benchmarks.md`. "
        f"{len(items):,} GoEmotions test comments with a label Closer has a word "
        f"for ({len(classes)} feelings); the model's closest feeling is the "
        f"prediction. Embedding them took {seconds:.1f} s.",
        "",
        "| Closer feeling | comments | precision | recall | F1 |",
        "| --- | --- | --- | --- | --- |",
        *rows,
        "",
        f"Macro-F1: {macro:.2f}. Mapping: "
        + ", ".join(f"{k}→{v}" for k, v in MAPPING.items()) + ".",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    return report(
        lambda a: run(a.data),
        START,
        END,
        argv,
        description="Emotion hints on GoEmotions.",
        options={"--data": DATA},
    )


if __name__ == "__main__":
    sys.exit(main())
