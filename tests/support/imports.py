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
    return found


def run_probe(code: str, env: dict[str, str]) -> str:
    """Run ``code`` in a fresh interpreter with ``env``; its stdout (it must
    succeed)."""
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout
