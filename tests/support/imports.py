"""What a module imports, read from its source, and what a command loads."""

from __future__ import annotations

import ast
import subprocess
import sys


def imported_modules(source: str) -> list[str]:
    """The absolute module names ``source`` imports, at any depth of its code
    (an import inside a function counts)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            if node.module == "closer":  # from closer import web: closer.web
                found += [f"closer.{alias.name}" for alias in node.names]
    return found


# Set by `make coverage` so that child processes are measured too; a probe
# of what a command loads must not count coverage's own modules.
COVERAGE_VARIABLES = ("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START")


def run_probe(code: str, env: dict[str, str]) -> str:
    """Run ``code`` in a fresh interpreter with ``env`` (never measured for
    coverage); its stdout (it must succeed)."""
    plain = {k: v for k, v in env.items() if k not in COVERAGE_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-c", code], env=plain, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout
