"""The ``closer`` command line. Every command that shows data takes ``--json``."""

from __future__ import annotations

import sys


def run() -> None:
    """Entry point of ``closer``: the fast path if it can answer, else the full CLI."""
    from closer.cli.fast import try_fast  # noqa: PLC0415 - keeps `import closer.cli` light

    code = try_fast(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from closer.cli.main import run as full  # noqa: PLC0415 - only when needed

    full()
