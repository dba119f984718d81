"""Importing a large Daylio export: peak memory and time, streamed.

Writes a Daylio CSV of ``--rows`` rows (1,000,000 by default, about 90 MB)
and one of a tenth of the rows, then runs ``closer import`` on each, as a
separate process on a fresh encrypted store, and reads the process's peak
memory (VmHWM). The smaller run is the baseline in the same script: memory
that stays bounded makes the two peaks nearly equal (SQLite's page cache,
64 MB on an encrypted store, is full by then in both). Then the large file
with a bad last row: refused, with nothing left behind, and the time and
memory it took.

Goals: the large import's peak memory at most 1.5 times the small one's;
the refused file leaves the store empty.

Run: ``python -m bench.import_bench --rows 1000000 --write docs/benchmarks.md``
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.server import closer_env, init_store

from bench.common import Result, report

START, END = "<!-- import_bench:start -->", "<!-- import_bench:end -->"
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
MOODS = ("rad", "good", "meh", "bad", "awful")
ACTIVITIES = ("work", "friends", "family", "sport", "reading", "movies", "walk")


def write_daylio(path: Path, rows: int, *, bad_last: bool = False) -> None:
    """``rows`` Daylio rows, one a minute from 1990 on, each with a note."""
    rng = random.Random(rows)
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(HEADER)
        for n in range(rows):
            day, minute = divmod(n, 1440)
            year, yday = 1990 + day // 360, day % 360
            date = f"{year}-{1 + yday // 30:02d}-{1 + min(yday % 30, 27):02d}"
            when = f"{minute // 60:02d}:{minute % 60:02d}"
            acts = "|".join(rng.sample(ACTIVITIES, 2))
            file.write(
                f"{date},x,Monday,{when},{rng.choice(MOODS)},{acts},,"
                f"Note {n}: a call I did not return, and how it sat with me\n"
            )
        if bad_last:
            file.write("2099-01-01,x,Monday,25:99,good,,,The time is wrong\n")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    ok: bool
    said: str


def run_import(path: Path, home: Path) -> Run:
    """``closer import`` of ``path`` into a fresh encrypted store under ``home``."""
    env = closer_env(home / "data")
    init_store(env)
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "closer", "import", str(path), "--json"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    peak = [0.0]

    def watch() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _peak_mib(process.pid))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    out, err = process.communicate()
    watcher.join()
    seconds = time.monotonic() - started
    said = out.strip() or err.strip().splitlines()[-1] if (out or err) else ""
    return Run(seconds, peak[0], process.returncode == 0, said)


def _peak_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _moments_in(home: Path) -> int:
    env = closer_env(home / "data")
    listed = subprocess.run(
        [sys.executable, "-m", "closer", "moments", "--json", "--limit", "1"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(json.loads(listed.stdout)["total"])


def run(args: argparse.Namespace) -> Result:
    rows: int = args.rows
    small_rows = max(rows // 10, 1000)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        small, large, bad = tmp / "small.csv", tmp / "large.csv", tmp / "bad.csv"
        write_daylio(small, small_rows)
        write_daylio(large, rows)
        write_daylio(bad, rows, bad_last=True)
        base = run_import(small, tmp / "a")
        big = run_import(large, tmp / "b")
        refused = run_import(bad, tmp / "c")
        left = _moments_in(tmp / "c")
        added = json.loads(big.said)["moments_added"] if big.ok else 0
        size = large.stat().st_size / 1024**2
    ratio = big.peak_mib / base.peak_mib if base.peak_mib else float("inf")
    bounded = ratio <= 1.5
    clean = not refused.ok and left == 0
    body = "\n".join(
        [
            f"Command: `python -m bench.import_bench --rows {rows} --write "
            "docs/benchmarks.md`. `closer import` of a Daylio CSV as its own "
            "process, on a fresh encrypted store, on this 2-core machine; peak "
            "memory is the process's VmHWM.",
            "",
            "| file | rows | MB | seconds | peak memory | result |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| baseline | {small_rows:,} | {size / (rows / small_rows):.1f} | "
            f"{base.seconds:.1f} | {base.peak_mib:.0f} MiB | "
            f"{'imported' if base.ok else base.said} |",
            f"| large | {rows:,} | {size:.0f} | {big.seconds:.1f} | "
            f"{big.peak_mib:.0f} MiB | {added:,} moments imported |",
            f"| large, bad last row | {rows + 1:,} | {size:.0f} | "
            f"{refused.seconds:.1f} | {refused.peak_mib:.0f} MiB | refused: "
            f"{refused.said[:90]}; {left} moments left |",
            "",
            f"Peak memory, large / baseline: {ratio:.2f} (goal at most 1.5: "
            f"{'met' if bounded else 'NOT met'}). The refused file left "
            f"{left} moments (goal 0: {'met' if clean else 'NOT met'}).",
        ]
    )
    return body, bounded and clean and big.ok


def main(argv: list[str] | None = None) -> int:
    return report(
        run, START, END, argv,
        description="Peak memory and time of importing a large Daylio export.",
        options={"--rows": 1_000_000},
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
