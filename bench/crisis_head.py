"""Fit the crisis detector's learned layer and write it into the package.

    python -m bench.crisis_head [--write src/closer/data/crisis_head.npz]

The reader (``closer.adapters.safety_model.CrisisReader``) averages two
opinions over the safety model's sentence vectors: a multinomial logistic
regression (balanced class weights, an L2 penalty, full-batch Adam from zero
weights: the same corpus and model give the same head), and a vote of the
``NEIGHBOURS`` most similar corpus lines (their vectors are kept in the file,
as float16). It is fitted on every source of the train and dev splits of
tests/data/crisis; the test split is never read here.

Its two bars are chosen on lines the reader has not seen: each source in
turn is left out, a reader is fitted on the others and reads it, as the app
would (rules, then the reader). ``confirm`` is half the lowest at-risk
probability given to a line that needs help and that the rules found (so
the reader's veto loses none of them, with room to spare); ``threshold`` is
the highest at-risk probability at which rules and reader together still find
``--recall`` of the lines that need help, over all sources pooled. Choosing
by source, not by line, is what makes the bars hold for writers the corpus
never met.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bench.crisis_corpus import AT_RISK, SPLITS, head_class, rows
from closer.adapters.safety_model import (
    FAMILIAR_RAMP,
    CrisisHead,
    CrisisReader,
    SentenceModel,
)
from closer.domain.safety import detect
from closer.domain.safety.learned import Bars, sentences

ROOT = Path(__file__).resolve().parents[1]
HEAD_FILE = ROOT / "src" / "closer" / "data" / "crisis_head.npz"
PENALTY = 3e-5  # L2, chosen on dev among 1e-5, 3e-5, 1e-4, 3e-4
STEPS = 1000
NEIGHBOURS = 10  # chosen on dev among 5, 10, 20
RATE = 0.05

Matrix = NDArray[np.float64]


def softmax(scores: Matrix) -> Matrix:
    """Row-wise softmax."""
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    result: Matrix = shifted / shifted.sum(axis=1, keepdims=True)
    return result


def fit(
    vectors: Matrix, labels: NDArray[np.int64], classes: int
) -> tuple[Matrix, Matrix]:
    """Weights (dims by classes) and biases of a balanced, L2-penalised
    multinomial logistic regression, by full-batch Adam from zero."""
    counts = np.bincount(labels, minlength=classes).astype(np.float64)
    sample = (len(labels) / (classes * counts))[labels]
    sample /= sample.sum()
    target = np.eye(classes)[labels]
    weights = np.zeros((vectors.shape[1], classes))
    bias = np.zeros(classes)
    params = [weights, bias]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    for step in range(1, STEPS + 1):
        error = (softmax(vectors @ weights + bias) - target) * sample[:, None]
        grads = [vectors.T @ error + PENALTY * weights, error.sum(axis=0)]
        for param, grad, mean, square in zip(params, grads, first, second, strict=True):
            mean[...] = 0.9 * mean + 0.1 * grad
            square[...] = 0.999 * square + 0.001 * grad * grad
            unbiased = mean / (1 - 0.9**step)
            param[...] = param - RATE * unbiased / (
                np.sqrt(square / (1 - 0.999**step)) + 1e-8
            )
    return weights, bias


class Remembering:
    """The model, remembering every vector it made (dev is read many times)."""

    def __init__(self, model: SentenceModel) -> None:
        self.name = model.name
        self._model = model
        self._seen: dict[str, list[float]] = {}

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        new = [t for t in dict.fromkeys(texts) if t not in self._seen]
        self._seen.update(zip(new, self._model.embed(new), strict=True))
        return [self._seen[t] for t in texts]


def fitted(
    model: Remembering, rows: list[dict[str, str]], names: list[str]
) -> CrisisReader:
    """A reader fitted on ``rows`` (its bars are set later)."""
    index = {name: i for i, name in enumerate(names)}
    labels = np.array([index[head_class(row)] for row in rows], dtype=np.int64)
    vectors = np.array(model.embed([row["text"] for row in rows]), dtype=np.float64)
    weights, bias = fit(vectors, labels, len(names))
    head = CrisisHead(
        model=model.name,
        classes=tuple(names),
        weights=weights.astype(np.float32),
        bias=bias.astype(np.float32),
        memory=vectors.astype(np.float16).astype(np.float32),
        memory_classes=labels,
        neighbours=NEIGHBOURS,
        bars=Bars(0.5, 0.5),
    )
    return CrisisReader(model, head)


def trust(familiar: float, familiar_from: float) -> float:
    """How much of its at-risk share a text keeps (as ``CrisisReader.trusted``)."""
    if familiar_from <= 0:
        return 1.0
    start = familiar_from - FAMILIAR_RAMP
    return float(min(1.0, max(0.0, (familiar - start) / FAMILIAR_RAMP)))


@dataclass(frozen=True)
class Reading:
    """One text as a reader that never saw its source reads it: the at-risk
    share with the opinions averaged and with them in agreement, and how
    familiar the text is."""

    mean: float
    agreed: float
    familiar: float

    def chance(self, way: Way) -> float:
        """The at-risk probability the app would see, read ``way``."""
        share = self.agreed if way.agreement else self.mean
        return share * trust(self.familiar, way.familiar_from)


@dataclass(frozen=True)
class Way:
    """How the reader joins its opinions and trusts unfamiliar text."""

    agreement: bool
    familiar_from: float


@dataclass
class Unseen:
    """What a reader that never saw a line's source makes of it (and, when the
    rules fire on a text of several sentences, of each sentence)."""

    needs: bool  # labelled concern or urgent
    rules: bool  # the rules alone would alert
    whole: Reading
    parts: tuple[Reading, ...]

    def alerts(self, bars: Bars, way: Way) -> bool:
        """Whether the app would alert (as ``LearnedLayer.assess_all`` does)."""
        chance = self.whole.chance(way)
        if chance >= bars.threshold:
            return True
        if not self.rules:
            return False
        confirmed = max(chance, *(p.chance(way) for p in self.parts), 0.0)
        return confirmed >= bars.confirm


def readings(reader: CrisisReader, texts: list[str]) -> list[Reading]:
    """Each text's readings, both ways, before the familiarity bar."""
    vectors = np.array(reader.model.embed(texts), dtype=np.float32)
    votes, familiar = reader.vote(vectors)
    linear = reader.linear(vectors)
    risky = np.array([not c.startswith("none:") for c in reader.head.classes])
    mean = replace(reader.head, agreement=False)
    agreed = replace(reader.head, agreement=True)
    tables = [
        CrisisReader(reader.model, head).joined(linear, votes)[:, risky].sum(axis=1)
        for head in (mean, agreed)
    ]
    return [
        Reading(float(m), float(a), float(f))
        for m, a, f in zip(tables[0], tables[1], familiar, strict=True)
    ]


def unseen(reader: CrisisReader, rows: list[dict[str, str]]) -> list[Unseen]:
    """Each row as ``reader`` reads it."""
    wholes = readings(reader, [r["text"] for r in rows])
    found = []
    for row, whole in zip(rows, wholes, strict=True):
        rules = detect(row["text"]).needs_support
        parts = sentences(row["text"])
        read = readings(reader, parts) if rules and len(parts) > 1 else []
        found.append(Unseen(row["level"] in AT_RISK, rules, whole, tuple(read)))
    return found


WAYS = tuple(
    Way(agreement, familiar_from)
    for agreement in (False, True)
    for familiar_from in (0.0, 0.3, 0.32, 0.34, 0.36, 0.38, 0.4, 0.42, 0.44)
)


def choose_bars(
    lines: list[Unseen], recall: float
) -> tuple[Bars, Way, dict[str, float]]:
    """The bars and the way of reading, from lines read by readers that never
    saw their source: for each way, the highest threshold that finds
    ``recall`` of the lines needing help; of those, the one with the fewest
    alerts on harmless lines."""
    best: tuple[float, Bars, Way] | None = None
    for way in WAYS:
        lowest = min(
            (
                max(u.whole.chance(way), *(p.chance(way) for p in u.parts), 0.0)
                for u in lines
                if u.needs and u.rules
            ),
            default=1.0,
        )
        confirm = max(0.01, float(np.floor(lowest * 50) / 100))
        needs = [u for u in lines if u.needs]
        chosen = None
        for step in range(5, 96):
            if step / 100 >= confirm:
                candidate = Bars(step / 100, confirm)
                if np.mean([u.alerts(candidate, way) for u in needs]) >= recall:
                    chosen = candidate
        if chosen is None:
            continue  # this way loses too much, at any threshold
        harmless = figures(lines, chosen, way)["alerts_on_harmless"]
        if best is None or harmless < best[0]:
            best = (harmless, chosen, way)
    assert best is not None
    _, bars, way = best
    return bars, way, figures(lines, bars, way)


def figures(lines: list[Unseen], bars: Bars, way: Way) -> dict[str, float]:
    """Recall and alerts on harmless lines, with these bars, read this way."""
    found = [u.alerts(bars, way) for u in lines if u.needs]
    alerted = [u.alerts(bars, way) for u in lines if not u.needs]
    shown = {"recall": found, "alerts_on_harmless": alerted}
    return {name: round(float(np.mean(v)), 4) for name, v in shown.items() if v}


def build(recall: float) -> tuple[CrisisHead, dict[str, Any]]:
    """Choose the bars by leaving one source out at a time, then fit the
    reader on every source of train and dev."""
    model = Remembering(SentenceModel())
    sources = [*SPLITS["train"], *SPLITS["dev"]]
    every = {source: rows(source) for source in sources}
    names = sorted({head_class(row) for lines in every.values() for row in lines})
    by_source: dict[str, list[Unseen]] = {}
    for source in sources:
        others = [row for name in sources if name != source for row in every[name]]
        by_source[source] = unseen(fitted(model, others, names), every[source])
    pooled = [u for lines in by_source.values() for u in lines]
    bars, way, overall = choose_bars(pooled, recall)
    reader = fitted(model, [row for s in sources for row in every[s]], names)
    about = {
        "model": model.name,
        "classes": names,
        "neighbours": NEIGHBOURS,
        "threshold": bars.threshold,
        "confirm": bars.confirm,
        "familiar_from": way.familiar_from,
        "agreement": way.agreement,
        "fitted_on": sources,
        "lines": sum(map(len, every.values())),
        "per_class": dict(
            sorted(Counter(head_class(r) for s in sources for r in every[s]).items())
        ),
        "recall_target": recall,
        "unseen_source": overall,
        "unseen_source_curve": {
            str(t / 100): figures(
                pooled, Bars(t / 100, min(bars.confirm, t / 100)), way
            )
            for t in range(20, 81, 5)
        },
        "unseen_source_by_source": {
            s: figures(lines, bars, way) for s, lines in by_source.items()
        },
    }
    head = replace(
        reader.head, bars=bars, familiar_from=way.familiar_from, agreement=way.agreement
    )
    return head, about


def save(head: CrisisHead, about: dict[str, Any], path: Path) -> None:
    """Write the head file (numpy's .npz, no pickles)."""
    with path.open("wb") as handle:
        np.savez_compressed(
            handle,
            weights=head.weights,
            bias=head.bias,
            memory=head.memory.astype(np.float16),
            memory_classes=head.memory_classes.astype(np.int16),
            about=np.array(json.dumps(about, ensure_ascii=False)),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recall", type=float, default=0.95)
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args(argv)
    head, about = build(args.recall)
    print(json.dumps(about, indent=2))
    if args.write is not None:
        save(head, about, args.write)
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
