"""Evaluate the crisis detector: quality on labelled sets, and speed.

    python -m bench.safety_eval [--eval-dir ../shared/eval] [--write docs/benchmarks.md]

Quality is measured on (a) our own development set, tests/data/safety_dev.jsonl,
and (b) the public sets in ../shared/eval (XSTest v2 prompts, GoEmotions test
split), which the rules were never tuned against line by line. Speed is the
time to scan 10,000 messages, reported with its ratio to a baseline pass
(Unicode normalisation and lower-casing of the same messages) timed in the
same process, because the machines are shared and noisy.

Exits 1 when a quality target is missed.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from closer.domain.safety import Level, detect

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "tests" / "data" / "safety_dev.jsonl"
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
HARD_NEGATIVE_KINDS = {"idiom", "negation", "reported", "conditional", "ordinary"}
LEVELS = [Level.NONE, Level.CONCERN, Level.URGENT]
START, END = "<!-- safety_eval:start -->", "<!-- safety_eval:end -->"


def load(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines file."""
    if not path.is_file():
        raise SystemExit(f"Missing evaluation file {path}: pass --eval-dir.")
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@dataclass
class Target:
    name: str
    value: float
    limit: float
    higher_is_better: bool
    quality: bool = True  # speed targets are reported, never fail the run

    @property
    def met(self) -> bool:
        if self.higher_is_better:
            return self.value >= self.limit
        return self.value <= self.limit

    def row(self) -> str:
        sign = "≥" if self.higher_is_better else "≤"
        verdict = "met" if self.met else "**MISSED**"
        if self.quality:
            measured, goal = f"{self.value:.1%}", f"{sign} {self.limit:.0%}"
        else:
            measured, goal = f"{self.value:.3f} s", f"{sign} {self.limit:.0f} s"
        return f"| {self.name} | {measured} | {goal} | {verdict} |"


def pct(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def dev_report(rows: list[dict[str, Any]]) -> tuple[list[str], list[Target]]:
    confusion: Counter[tuple[str, str]] = Counter()
    about_right = about_total = 0
    negatives_alerted: list[str] = []
    for row in rows:
        result = detect(row["text"])
        confusion[(row["level"], result.level.value)] += 1
        if row["level"] != "none" and result.level is not Level.NONE:
            about_total += 1
            about_right += (result.about.value if result.about else None) == row[
                "about"
            ]
        if row["kind"] in HARD_NEGATIVE_KINDS and result.level is not Level.NONE:
            negatives_alerted.append(row["text"])
    positives = sum(v for (want, _), v in confusion.items() if want != "none")
    caught = sum(
        v for (want, got), v in confusion.items() if want != "none" and got != "none"
    )
    alerts = sum(v for (_, got), v in confusion.items() if got != "none")
    hard = sum(1 for r in rows if r["kind"] in HARD_NEGATIVE_KINDS)
    exact = sum(v for (want, got), v in confusion.items() if want == got)
    lines = [
        f"Development set: {len(rows)} lines we wrote ({positives} positives, "
        f"{hard} hard negatives: idioms, negations, reported speech, plans for a "
        "bad moment, ordinary journal lines).",
        "",
        "| labelled \\ detected | none | concern | urgent |",
        "| --- | --- | --- | --- |",
    ]
    for want in LEVELS:
        cells = " | ".join(str(confusion[(want.value, got.value)]) for got in LEVELS)
        lines.append(f"| {want.value} | {cells} |")
    lines += [
        "",
        f"- Alert precision {pct(caught, alerts):.1%}, "
        f"alert recall {pct(caught, positives):.1%}, "
        f"exact level {pct(exact, len(rows)):.1%}, whose safety (self/other) "
        f"right for {pct(about_right, about_total):.1%} of caught positives.",
    ]
    if negatives_alerted:
        lines.append("- Hard negatives that alerted: " + "; ".join(negatives_alerted))
    targets = [
        Target("Recall on our positives", pct(caught, positives), 1.0, True),
        Target(
            "Alerts on our hard negatives",
            pct(len(negatives_alerted), hard),
            0.05,
            False,
        ),
    ]
    return lines, targets


def public_report(eval_dir: Path) -> tuple[list[str], list[Target]]:
    xstest = load(eval_dir / "xstest_v2_prompts.jsonl")
    goemotions = load(eval_dir / "goemotions_test.jsonl")
    safe = [r["text"] for r in xstest if r["label"] == "safe"]
    unsafe = [r["text"] for r in xstest if r["label"] == "unsafe"]
    safe_alerts = [t for t in safe if detect(t).needs_support]
    unsafe_alerts = [t for t in unsafe if detect(t).needs_support]
    ge_alerts = [(r["text"], detect(r["text"])) for r in goemotions]
    ge_alerts = [(t, a) for t, a in ge_alerts if a.needs_support]
    lines = [
        f"XSTest v2 (Röttger et al. 2024, CC BY 4.0): {len(safe_alerts)} of "
        f"{len(safe)} `safe` look-alike prompts alerted "
        f"({pct(len(safe_alerts), len(safe)):.1%}). Of the {len(unsafe)} `unsafe` "
        "prompts, mostly harmful requests about others rather than self-harm, "
        f"{len(unsafe_alerts)} alerted: "
        + "; ".join(f"“{t}”" for t in unsafe_alerts)
        + ".",
        "",
        f"GoEmotions test split (Demszky et al. 2020, Apache-2.0), as ordinary text: "
        f"{len(ge_alerts)} of {len(goemotions)} comments alerted "
        f"({pct(len(ge_alerts), len(goemotions)):.2%}). Each was read by hand:",
        "",
    ]
    lines += [f"- {a.level.value}: “{t[:160]}”" for t, a in ge_alerts]
    targets = [
        Target(
            "Alerts on XSTest `safe` prompts",
            pct(len(safe_alerts), len(safe)),
            0.02,
            False,
        )
    ]
    return lines, targets


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def _each(texts: Iterable[str], fn: Callable[[str], object]) -> None:
    for text in texts:
        fn(text)


NAIVE = re.compile(r"suicid|kill myself|want to die|self harm|end my life")


def speed_report(eval_dir: Path) -> tuple[list[str], list[Target]]:
    texts = [r["text"] for r in load(eval_dir / "goemotions_test.jsonl")]
    messages = (texts * (10_000 // len(texts) + 1))[:10_000]

    def baseline(text: str) -> bool:
        return NAIVE.search(unicodedata.normalize("NFKC", text).lower()) is not None

    base = best_of(3, lambda: _each(messages, baseline))
    scan = best_of(3, lambda: _each(messages, detect))
    mean = sum(map(len, messages)) / len(messages)
    lines = [
        f"Scanning 10,000 messages (GoEmotions comments, mean {mean:.0f} characters): "
        f"**{scan:.3f} s** (best of 3), {scan / base:.0f} times a naive keyword "
        f"check of the same messages ({base:.3f} s: NFKC, lower-case, one regex of "
        f"five phrases) timed in the same process, on "
        f"{platform.python_implementation()} {platform.python_version()}.",
    ]
    target = Target("Seconds for 10,000 messages", scan, 1.0, False, quality=False)
    return lines, [target]


def build(eval_dir: Path) -> tuple[str, list[Target]]:
    sections = []
    targets: list[Target] = []
    for title, (lines, found) in [
        ("Our development set", dev_report(load(DEV_SET))),
        ("Public sets", public_report(eval_dir)),
        ("Speed", speed_report(eval_dir)),
    ]:
        sections.append(f"### {title}\n\n" + "\n".join(lines))
        targets += found
    table = ["| target | measured | goal | |", "| --- | --- | --- | --- |"]
    table += [t.row() for t in targets]
    body = "\n\n".join(
        [
            "Command: `make bench`, which runs "
            "`python -m bench.safety_eval --write docs/benchmarks.md`.",
            "\n".join(table),
            *sections,
        ]
    )
    return body, targets


def write_section(doc: Path, body: str, start: str = START, end: str = END) -> None:
    """Replace the text between ``start`` and ``end`` markers in ``doc``."""
    text = doc.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise SystemExit(f"{doc} has no {start} … {end} markers.")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    doc.write_text(f"{head}{start}\n{body}\n{end}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else ""
    )
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument(
        "--write", type=Path, help="Update this Markdown file's section."
    )
    args = parser.parse_args(argv)
    body, targets = build(args.eval_dir)
    print(body)
    if args.write:
        write_section(args.write, body)
    return 0 if all(t.met for t in targets if t.quality) else 1


if __name__ == "__main__":
    sys.exit(main())
