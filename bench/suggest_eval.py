"""Cause suggestions, measured: the keyword engine against the meaning engine
on a development set of first-person vignettes (bench/data/cause_vignettes.toml,
nine per cause, written for Closer).

Each vignette is logged as a moment with only its words (no sign, no
feelings): the harder case, where the keyword engine has least to go on.
Top-1 counts the intended cause ranked first, top-3 among the three shown.
The first six vignettes of each cause were seen while the cause examples
and the two constants of the meaning engine were chosen; the last three were
not, and are reported apart. Target: top-3 of at least 85% with the model.

Run: ``python -m bench.suggest_eval --write docs/benchmarks.md``
"""

from __future__ import annotations

import sys
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench.common import report
from closer.adapters.content import bundled_cause_examples, bundled_library
from closer.adapters.embeddings import OnnxEmbedder
from closer.domain.meaning import MeaningSuggester
from closer.domain.moments import Moment
from closer.domain.suggest import KeywordSuggester, Suggester

START, END = "<!-- suggest_eval:start -->", "<!-- suggest_eval:end -->"
VIGNETTES = Path(__file__).parent / "data" / "cause_vignettes.toml"
SEEN = 6  # per cause, the vignettes looked at while choosing
TARGET = 0.85


def vignettes() -> list[tuple[str, str, bool]]:
    """(text, cause, held out) for every vignette."""
    raw = tomllib.loads(VIGNETTES.read_text(encoding="utf-8"))["vignette"]
    seen: dict[str, int] = {}
    found = []
    for item in raw:
        n = seen[item["cause"]] = seen.get(item["cause"], 0) + 1
        found.append((item["text"], item["cause"], n > SEEN))
    return found


def accuracy(
    suggester: Suggester, items: list[tuple[str, str, bool]]
) -> tuple[float, float]:
    """Top-1 and top-3 accuracy of ``suggester`` on ``items``."""
    library = bundled_library()
    first = three = 0
    for text, cause, _ in items:
        moment = Moment(situation=text, occurred_at=datetime.now(UTC))
        ranked = [c.slug for c in suggester.suggest(moment, library).causes]
        first += ranked[:1] == [cause]
        three += cause in ranked[:3]
    return first / len(items), three / len(items)


def run() -> tuple[str, bool]:
    items = vignettes()
    held = [i for i in items if i[2]]
    began = time.perf_counter()
    meaning = MeaningSuggester(OnnxEmbedder(), bundled_cause_examples())
    engines: dict[str, Callable[[], Suggester]] = {
        "keywords (rules)": KeywordSuggester,
        "meaning + keywords (all-MiniLM-L6-v2 int8)": lambda: meaning,
    }
    rows, met = [], False
    for name, make in engines.items():
        suggester = make()
        a1, a3 = accuracy(suggester, items)
        h1, h3 = accuracy(suggester, held)
        rows.append(f"| {name} | {a1:.0%} | {a3:.0%} | {h1:.0%} | {h3:.0%} |")
        if suggester is meaning:
            met = a3 >= TARGET
            result, held_result = a3, h3
    seconds = time.perf_counter() - began
    body = "\n".join([
        "Command: `python -m bench.suggest_eval --write docs/benchmarks.md`. "
        f"{len(items)} vignettes, {len(held)} of them held out; only the words "
        f"are given. Took {seconds:.1f} s.",
        "",
        "| engine | top-1 | top-3 | top-1 held out | top-3 held out |",
        "| --- | --- | --- | --- | --- |",
        *rows,
        "",
        f"Target: top-3 of at least {TARGET:.0%} with the model. "
        f"{'Met' if met else 'NOT met'} on the whole set ({result:.1%}); on the "
        f"held-out vignettes, the fairer guess for text Closer has never seen, "
        f"{held_result:.1%}{'' if held_result >= TARGET else ' (below the target)'}. "
        "The cause examples were written, and added to, after reading the misses "
        "among the vignettes that are not held out.",
    ])  # fmt: skip
    return body, met


def main(argv: list[str] | None = None) -> int:
    # Reported, not enforced: the held-out top-3 is below the target (issue 11).
    return report(
        lambda _: run()[0], START, END, argv, description="Cause suggestions, measured."
    )


if __name__ == "__main__":
    sys.exit(main())
