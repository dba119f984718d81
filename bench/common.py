"""What every bench script shares: its command line, printing the result,
and updating its section of docs/benchmarks.md (``--write FILE``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from bench.safety_eval import write_section

Result = str | tuple[str, bool]  # the Markdown, and whether its goal was met


def report(
    run: Callable[[argparse.Namespace], Result],
    start: str,
    end: str,
    argv: list[str] | None = None,
    *,
    description: str,
    options: dict[str, object] | None = None,
) -> int:
    """Parse ``--write`` and ``options`` (flag -> default; the default's type
    reads the value), run, print, write the section; exit 1 only when the run
    says its goal was not met."""
    parser = argparse.ArgumentParser(description=description)
    for flag, default in (options or {}).items():
        parser.add_argument(flag, type=type(default), default=default)
    parser.add_argument("--write", type=Path, help="Update this Markdown file.")
    args = parser.parse_args(argv)
    result = run(args)
    body, met = (result, True) if isinstance(result, str) else result
    print(body)
    if args.write:
        write_section(args.write, body, start, end)
    return 0 if met else 1
