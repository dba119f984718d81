"""How easy the knowledge base is to read (Flesch-Kincaid grade, via textstat).

    python -m bench.readability [--write docs/benchmarks.md]

Reports the distribution over every passage a person reads in Learn. The
test suite holds the line (median ≤ 8, 90th percentile ≤ 10, none above 12);
this report shows where the content stands.
"""

from __future__ import annotations

import statistics
import sys

import textstat
from tests.unit.content.test_readability import texts

from bench.common import report
from closer.adapters.content import bundled_library

START, END = "<!-- readability:start -->", "<!-- readability:end -->"
BANDS = [(0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 99)]


def build() -> str:
    grades = sorted(
        (textstat.flesch_kincaid_grade(text), where)
        for where, text in texts(bundled_library())
    )
    values = [g for g, _ in grades]
    rows = [
        f"| {low} to {high if high < 99 else 'more'} | "
        f"{sum(low <= v < high for v in values)} |"
        for low, high in BANDS
    ]
    hardest = ", ".join(f"{where} ({grade:.1f})" for grade, where in grades[-3:][::-1])
    return "\n".join(
        [
            "Command: `make bench`, which runs "
            "`python -m bench.readability --write docs/benchmarks.md`.",
            "",
            f"{len(values)} passages: median grade {statistics.median(values):.1f}, "
            f"mean {statistics.mean(values):.1f}, 90th percentile "
            f"{values[int(0.9 * len(values))]:.1f}, hardest {values[-1]:.1f}.",
            "",
            "| grade | passages |",
            "| --- | --- |",
            *rows,
            "",
            f"Hardest passages: {hardest}.",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    return report(
        lambda _: build(),
        START,
        END,
        argv,
        description="Readability of the knowledge base.",
    )


if __name__ == "__main__":
    sys.exit(main())
