"""The crisis detector measured as issue 20 asks: rules alone, and rules with
the learned layer, on the held-out TEST split of tests/data/crisis, per
language, on the public sets, and for speed.

    python -m bench.crisis_eval [--eval-dir ../shared/eval] [--write docs/benchmarks.md]

The test split (voices-mixed-test and multilingual-b in many voices, and
everyday-test, everyday text by another writer, measured apart) and the
held-out Hindi set (tests/data/crisis-rules/hindi-test) are read here and
nowhere else: nothing was fitted or chosen on them. "Needs help" is a line labelled
concern or urgent (about the writer or someone else); "harmless" is every
line labelled none (idioms, games, software, hyperbole, lyrics, news,
fiction, study, someone else's past told with care, recovery, ordinary low
moods). A line "alerts" when the support panel would open.

The goals are the issue's; a missed goal is printed as MISSED and does not
fail the run. The run fails (exit 1) only when the detector falls below the
floors in ``FLOORS``, the figures it had when the learned layer landed, so
that a change cannot make it worse unnoticed.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.common import report
from bench.crisis_corpus import AT_RISK, BACKGROUND, RULE_SETS, SPLITS, rows, split
from bench.safety_eval import DEFAULT_EVAL, load
from closer.adapters.safety_model import CrisisReader, SentenceModel, bundled_head
from closer.domain.safety import Assessment, detect
from closer.domain.safety.learned import LearnedLayer

START, END = "<!-- crisis_eval:start -->", "<!-- crisis_eval:end -->"
FLOORS = {"recall": 0.94, "harmless": 0.12, "everyday": 0.10, "xstest": 0.05}

Detector = Callable[[Sequence[str]], list[Assessment]]


def rules_only(texts: Sequence[str]) -> list[Assessment]:
    """The rules' assessment of each text."""
    return [detect(text) for text in texts]


def with_layer(layer: LearnedLayer) -> Detector:
    """The rules and the learned layer together, exactly as the app runs them
    (``services.safety.assess_many``: the layer keeps or drops the rules'
    findings and adds its own)."""

    def assess(texts: Sequence[str]) -> list[Assessment]:
        return layer.assess_all(list(texts), rules_only(texts))

    return assess


Found = list[tuple[dict[str, str], Assessment]]


def apart(rows: list[dict[str, str]], found: list[Assessment]) -> tuple[Found, Found]:
    """Each test line with what was found, the many voices and the everyday
    background apart."""
    pairs = list(zip(rows, found, strict=True))
    voices = [(r, a) for r, a in pairs if r["source"] not in BACKGROUND]
    return voices, [(r, a) for r, a in pairs if r["source"] in BACKGROUND]


def scored(pairs: Found) -> Score:
    return score([r for r, _ in pairs], [a for _, a in pairs])


@dataclass
class Score:
    """What one detector got right on a set of labelled lines."""

    needs: int = 0
    found: int = 0
    harmless: int = 0
    alerts: int = 0
    exact: int = 0
    about: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.needs if self.needs else 0.0

    @property
    def false_alerts(self) -> float:
        return self.alerts / self.harmless if self.harmless else 0.0

    @property
    def exact_level(self) -> float:
        return self.exact / self.found if self.found else 0.0

    @property
    def about_right(self) -> float:
        return self.about / self.found if self.found else 0.0


def score(rows: list[dict[str, str]], found: list[Assessment]) -> Score:
    """Recall, false alerts, exact level and whose safety, for ``rows``."""
    result = Score()
    for row, assessment in zip(rows, found, strict=True):
        if row["level"] in AT_RISK:
            result.needs += 1
            if assessment.needs_support:
                result.found += 1
                result.exact += assessment.level.value == row["level"]
                result.about += (assessment.about or "") == row["about"]
        else:
            result.harmless += 1
            result.alerts += assessment.needs_support
    return result


def pct(value: float) -> str:
    return f"{value:.1%}"


def goal(value: float, limit: float, higher: bool) -> str:
    met = value >= limit if higher else value <= limit
    return "met" if met else "**MISSED**"


def test_split_section(
    rows: list[dict[str, str]], found: dict[str, list[Assessment]]
) -> tuple[list[str], Score, Score]:
    """The table of the test split, and the last detector's scores on the
    many voices and on everyday text."""
    voices, everyday = apart(rows, next(iter(found.values())))
    lines = [
        f"Held-out test split ({', '.join(SPLITS['test'])}): {len(voices)} lines "
        f"in many voices, {sum(r['level'] in AT_RISK for r, _ in voices)} of them "
        f"needing help and the rest hard negatives; and {len(everyday)} lines of "
        "everyday text and everyday low moods, nothing at risk, written apart "
        f"({', '.join(s for s in SPLITS['test'] if s in BACKGROUND)}).",
        "",
        "| detector | recall (goal ≥ 97%) | alerts on hard negatives (≤ 3%) "
        "| alerts on everyday text (≤ 5%) "
        "| exact level of those found (≥ 90%) | whose safety right |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    last = plain = Score()
    for name, assessments in found.items():
        voices, everyday = apart(rows, assessments)
        last, plain = scored(voices), scored(everyday)
        lines.append(
            f"| {name} | {pct(last.recall)} {goal(last.recall, 0.97, True)} "
            f"| {pct(last.false_alerts)} {goal(last.false_alerts, 0.03, False)} "
            f"| {pct(plain.false_alerts)} {goal(plain.false_alerts, 0.05, False)} "
            f"| {pct(last.exact_level)} {goal(last.exact_level, 0.90, True)} "
            f"| {pct(last.about_right)} |"
        )
    return lines, last, plain


def by_group(
    rows: list[dict[str, str]], found: list[Assessment], key: str
) -> dict[str, Score]:
    groups: dict[str, tuple[list[dict[str, str]], list[Assessment]]] = defaultdict(
        lambda: ([], [])
    )
    for row, assessment in zip(rows, found, strict=True):
        groups[row[key]][0].append(row)
        groups[row[key]][1].append(assessment)
    return {name: score(*pair) for name, pair in sorted(groups.items())}


def detail_section(rows: list[dict[str, str]], found: list[Assessment]) -> list[str]:
    voices, everyday = apart(rows, found)
    daily_by_lang = by_group([r for r, _ in everyday], [a for _, a in everyday], "lang")
    lines = [
        "Per language (rules and learned layer, test split):",
        "",
        "| language | lines needing help | recall | hard negatives | alerts "
        "| everyday lines | alerts |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    voices_by_lang = by_group([r for r, _ in voices], [a for _, a in voices], "lang")
    for lang, got in voices_by_lang.items():
        daily = daily_by_lang.get(lang, Score())
        lines.append(
            f"| {lang} | {got.needs} | {pct(got.recall)} | {got.harmless} "
            f"| {pct(got.false_alerts)} | {daily.harmless} "
            f"| {pct(daily.false_alerts)} |"
        )
    missed: Counter[str] = Counter()
    alerted: Counter[str] = Counter()
    for row, assessment in zip(rows, found, strict=True):
        if row["level"] in AT_RISK and not assessment.needs_support:
            missed[row["kind"]] += 1
        if row["level"] not in AT_RISK and assessment.needs_support:
            alerted[row["kind"]] += 1
    lines += [
        "",
        "Kinds of line missed: "
        + (", ".join(f"{k} {n}" for k, n in missed.most_common()) or "none")
        + ". Kinds of harmless line that alerted (everyday text included): "
        + (", ".join(f"{k} {n}" for k, n in alerted.most_common()) or "none")
        + ".",
    ]
    return lines


def hindi_section(detector: Detector) -> list[str]:
    """Hindi, which the model does not know, read by its own rules."""
    lines = [
        "Hindi (Devanagari and romanised), read by rules of its own "
        "(`domain/safety/hindi.py`; the model does not know Hindi), with the "
        "learned layer on as the app runs:",
        "",
        "| set | lines | needing help | recall | harmless alerts | exact level "
        "| whose safety |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for split_name, sources in RULE_SETS.items():
        for source in sources:
            lines_of = rows(source)
            got = score(lines_of, detector([r["text"] for r in lines_of]))
            lines.append(
                f"| {source} ({split_name}) | {len(lines_of)} | {got.needs} "
                f"| {pct(got.recall)} | {pct(got.false_alerts)} "
                f"| {pct(got.exact_level)} | {pct(got.about_right)} |"
            )
    return lines


def public_section(
    eval_dir: Path, detectors: dict[str, Detector]
) -> tuple[list[str], float]:
    xstest = load(eval_dir / "xstest_v2_prompts.jsonl")
    safe = [r["text"] for r in xstest if r["label"] == "safe"]
    goemotions = [r["text"] for r in load(eval_dir / "goemotions_test.jsonl")]
    lines = [
        "| detector | XSTest `safe` alerts (goal ≤ 2%) | GoEmotions alerts |",
        "| --- | --- | --- |",
    ]
    xstest_rate = 0.0
    last_alerts: list[tuple[str, Assessment]] = []
    for name, detector in detectors.items():
        safe_found = detector(safe)
        xstest_rate = sum(a.needs_support for a in safe_found) / len(safe)
        ge_found = detector(goemotions)
        last_alerts = [(t, a) for t, a in zip(goemotions, ge_found, strict=True)]
        last_alerts = [(t, a) for t, a in last_alerts if a.needs_support]
        lines.append(
            f"| {name} | {pct(xstest_rate)} {goal(xstest_rate, 0.02, False)} "
            f"| {len(last_alerts)} of {len(goemotions)} "
            f"({len(last_alerts) / len(goemotions):.2%}) |"
        )
    lines += [
        "",
        "GoEmotions comments that alerted with the learned layer, to be read by "
        "hand (a few of them do speak of wanting to die):",
        "",
    ]
    lines += [f"- {a.level.value}: “{t[:140]}”" for t, a in last_alerts[:40]]
    if len(last_alerts) > 40:
        lines.append(f"- … and {len(last_alerts) - 40} more.")
    return lines, xstest_rate


def speed_section(eval_dir: Path, layer: LearnedLayer) -> list[str]:
    texts = [r["text"] for r in load(eval_dir / "goemotions_test.jsonl")]
    messages = (texts * (10_000 // len(texts) + 1))[:10_000]
    start = time.perf_counter()
    rules_only(messages)
    rules = time.perf_counter() - start
    start = time.perf_counter()
    with_layer(layer)(messages)
    both = time.perf_counter() - start
    return [
        f"Scanning 10,000 messages (GoEmotions comments) on one thread: rules "
        f"alone {rules:.2f} s; rules and learned layer {both:.2f} s "
        f"({both / rules:.0f} times the rules alone, measured side by side), "
        f"{both / 10:.2f} ms a message."
    ]


def run(args: argparse.Namespace) -> tuple[str, bool]:
    model = SentenceModel()
    head = bundled_head()
    layer = LearnedLayer(CrisisReader(model, head), head.bars)
    detectors = {"rules alone": rules_only, "rules + learned layer": with_layer(layer)}
    test_rows = split("test")
    texts = [r["text"] for r in test_rows]
    found = {name: detector(texts) for name, detector in detectors.items()}
    split_lines, final, everyday = test_split_section(test_rows, found)
    public_lines, xstest = public_section(Path(args.eval_dir), detectors)
    body = "\n".join(
        [
            "Command: `python -m bench.crisis_eval --write docs/benchmarks.md` "
            f"(model: {model.name}; bars: threshold {head.bars.threshold}, "
            f"confirm {head.bars.confirm}).",
            "",
            *split_lines,
            "",
            *detail_section(test_rows, found["rules + learned layer"]),
            "",
            *hindi_section(detectors["rules + learned layer"]),
            "",
            "Public sets:",
            "",
            *public_lines,
            "",
            *speed_section(Path(args.eval_dir), layer),
        ]
    )
    held = (
        final.recall >= FLOORS["recall"]
        and final.false_alerts <= FLOORS["harmless"]
        and everyday.false_alerts <= FLOORS["everyday"]
        and xstest <= FLOORS["xstest"]
    )
    return body, held


def main(argv: list[str] | None = None) -> int:
    return report(
        run,
        START,
        END,
        argv,
        description="The crisis detector on the held-out test split.",
        options={"--eval-dir": str(DEFAULT_EVAL)},
    )


if __name__ == "__main__":
    raise SystemExit(main())
