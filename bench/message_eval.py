"""The message check, measured on drafts labelled by hand
(bench/data/message_drafts.toml, written for Closer): per pattern, precision
and recall of the word engine and of meaning + words, and how many warm or
ordinary drafts were flagged at all. Every third draft is held out and
reported apart; the constants of the meaning engine were only ever looked at
on the others.

Run: ``python -m bench.message_eval --write docs/benchmarks.md``
"""

from __future__ import annotations

import sys
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

from bench.common import report
from closer.adapters.embeddings import OnnxEmbedder
from closer.adapters.message_content import bundled_message_patterns
from closer.domain.messages import MeaningChecker, MessageChecker, WordChecker

START, END = "<!-- message_eval:start -->", "<!-- message_eval:end -->"
DRAFTS = Path(__file__).parent / "data" / "message_drafts.toml"

Item = tuple[str, frozenset[str], bool]  # text, labels, held out


def drafts() -> list[Item]:
    raw = tomllib.loads(DRAFTS.read_text(encoding="utf-8"))["draft"]
    return [(d["text"], frozenset(d["labels"]), i % 3 == 2) for i, d in enumerate(raw)]


def scores(
    found: Sequence[frozenset[str]], items: Sequence[Item], slug: str
) -> tuple[float, float]:
    """Precision and recall of one pattern."""
    hits = sum(slug in f and slug in i[1] for f, i in zip(found, items, strict=True))
    said = sum(slug in f for f in found)
    real = sum(slug in i[1] for i in items)
    return (hits / said if said else 1.0), (hits / real if real else 1.0)


def table(name: str, found: list[frozenset[str]], items: list[Item]) -> list[str]:
    patterns, _ = bundled_message_patterns()
    rows = []
    for subset, label in ((None, "all"), (True, "held out")):
        keep = [n for n, i in enumerate(items) if subset is None or i[2] is subset]
        sub_items = [items[n] for n in keep]
        sub_found = [found[n] for n in keep]
        cells = []
        for p in patterns:
            precision, recall = scores(sub_found, sub_items, p.slug)
            cells.append(f"{precision:.0%} / {recall:.0%}")
        warm = [f for f, i in zip(sub_found, sub_items, strict=True) if not i[1]]
        flagged = sum(bool(f) for f in warm)
        exact = sum(f == i[1] for f, i in zip(sub_found, sub_items, strict=True))
        rows.append(
            f"| {name} | {label} | {' | '.join(cells)} | {flagged} of {len(warm)} "
            f"| {exact / len(sub_items):.0%} |"
        )
    return rows


def found_by(check: MessageChecker, items: list[Item]) -> list[frozenset[str]]:
    results = [check.check(text) for text, _, _ in items]
    return [frozenset(f.pattern.slug for f in r.findings) for r in results]


def run() -> str:
    """The message check, measured."""
    items = drafts()
    patterns, warm = bundled_message_patterns()
    began = time.perf_counter()
    words = WordChecker(patterns)
    meaning = MeaningChecker(OnnxEmbedder(), patterns, warm)
    rows = table("words", found_by(words, items), items)
    rows += table("meaning + words", found_by(meaning, items), items)
    seconds = time.perf_counter() - began
    held = sum(i[2] for i in items)
    head = " | ".join(p.name for p in patterns)
    return "\n".join([
        "Command: `python -m bench.message_eval --write docs/benchmarks.md`. "
        f"{len(items)} drafts ({held} held out), "
        f"{sum(not i[1] for i in items)} of them warm or ordinary. "
        f"Took {seconds:.1f} s. Cells are precision / recall.",
        "",
        f"| engine | drafts | {head} | warm drafts flagged | exactly right |",
        "| --- | --- |" + " --- |" * (len(patterns) + 2),
        *rows,
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    return report(lambda _: run(), START, END, argv, description="The message check.")


if __name__ == "__main__":
    sys.exit(main())
