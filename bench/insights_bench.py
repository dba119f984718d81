"""Insights at scale: the whole picture over 100,000 moments, against a bare
SELECT of the same rows in the same process.

The store is the default one (SQLCipher-encrypted, bulk-loaded like
``moments_bench``: five years, one person and one feeling per moment). The
baseline runs the very statements insights run and fetches every row,
doing nothing with them; insights then add grouping, the facts, every
count, share, pattern and sentence, plus the small practice tables. Rounds
alternate and the median of each is compared, so a busy machine slows both.
Goal: insights take at most 3x the baseline.

Run: ``python -m bench.insights_bench --moments 100000 --write docs/benchmarks.md``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date
from pathlib import Path
from typing import Any

from bench.common import report
from bench.moments_bench import PASSPHRASE, bench_settings, fill_store, history
from closer.adapters.checks_content import bundled_checks
from closer.adapters.content import bundled_library
from closer.adapters.db.database import open_database
from closer.adapters.local_store import unlock
from closer.domain.insights import Period
from closer.services.insights import insights

START, END = "<!-- insights_bench:start -->", "<!-- insights_bench:end -->"
GOAL = 3.0
ROUNDS = 5


def median_of(runs: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Each callable's median time in seconds, run in alternation."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            began = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - began)
    return {name: statistics.median(t) for name, t in times.items()}


def run(count: int) -> tuple[str, bool]:
    """The Markdown section, and whether the goal was met."""
    with tempfile.TemporaryDirectory() as folder:
        data_dir = fill_store(Path(folder) / "data", history(count))
        settings = bench_settings(data_dir)
        db = open_database(settings, key=unlock(settings, PASSPHRASE))
        period = Period(date(2021, 1, 1), date(2025, 12, 31))
        library, checks = bundled_library(), bundled_checks()

        def bare() -> list[Sequence[Any]]:
            with db.unit_of_work() as uow:
                return uow.insights.raw(period)

        def picture() -> object:
            uow = db.unit_of_work()
            return insights(uow, library, checks, period, zone=UTC).insights

        rows = sum(len(r) for r in bare())
        summary = insights(db.unit_of_work(), library, checks, period, zone=UTC)
        times = median_of({"bare": bare, "insights": picture}, ROUNDS)
        db.close()
    ratio = times["insights"] / times["bare"]
    met = ratio <= GOAL
    body = "\n".join([
        f"Command: `python -m bench.insights_bench --moments {count} --write "
        "docs/benchmarks.md` (encrypted store, medians of "
        f"{ROUNDS} alternating rounds in one process).",
        "",
        f"Insights over {summary.moments:,} moments ({rows:,} rows with their "
        f"feelings and people) and {len(summary.insights)} sentences.",
        "",
        "| run | median | ratio to the bare SELECT |",
        "| --- | --- | --- |",
        f"| bare SELECT of the same rows | {times['bare'] * 1000:.0f} ms | 1.00 |",
        f"| insights (facts, counts, patterns, sentences) | "
        f"{times['insights'] * 1000:.0f} ms | {ratio:.2f} |",
        "",
        f"Goal: at most {GOAL:.0f}x the bare SELECT. "
        f"{'Met' if met else 'NOT met'} ({ratio:.2f}x).",
    ])  # fmt: skip
    return body, met


def main(argv: list[str] | None = None) -> int:
    return report(
        lambda a: run(a.moments),
        START,
        END,
        argv,
        description="Insights at scale.",
        options={"--moments": 100_000},
    )


if __name__ == "__main__":
    sys.exit(main())
