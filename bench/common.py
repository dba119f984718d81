"""What every bench script shares: print the result, update docs/benchmarks.md."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from bench.safety_eval import write_section


def report(
    run: Callable[[], str], start: str, end: str, argv: list[str] | None = None
) -> int:
    """Run ``run``, print its Markdown, and with ``--write FILE`` put it
    between ``start`` and ``end`` in that file."""
    parser = argparse.ArgumentParser(description=run.__doc__)
    parser.add_argument("--write", type=Path, help="Update this Markdown file.")
    args = parser.parse_args(argv)
    body = run()
    print(body)
    if args.write:
        write_section(args.write, body, start, end)
    return 0
