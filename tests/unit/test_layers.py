"""Dependencies point inward: each part of ``closer`` imports only the parts
beneath it (ARCHITECTURE.md draws them)."""

from __future__ import annotations

from pathlib import Path

import closer
from tests.support.imports import imported_modules

SOURCE = Path(closer.__file__).parent

# What each part may import from the others. Anything not listed is refused.
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "services": {"domain"},
    "presentation": {"domain"},
    "adapters": {"domain", "config", "content", "paths", "services"},
    "web": {"domain", "services", "adapters", "presentation", "config"},
    "cli": {"domain", "services", "adapters", "presentation", "config", "paths",
            "web"},  # `closer serve` starts the web app
    "config": {"domain", "paths"},
    "paths": set(),
    "content": set(),  # the knowledge base's files, as a package
    "data": set(),  # crisis lines and model files, as a package
    "__main__": {"cli"},
}  # fmt: skip


def part_of(path: Path) -> str:
    """``web`` for src/closer/web/routes/x.py, ``config`` for config.py."""
    return path.relative_to(SOURCE).parts[0].removesuffix(".py")


def closer_imports(source: str) -> set[str]:
    """The parts of ``closer`` a module imports, at any depth of its code."""
    parts = {
        n.split(".")[1] for n in imported_modules(source) if n.startswith("closer.")
    }
    return {p for p in parts if not p.startswith("__")}  # closer.__version__


def test_the_checker_finds_imports_inside_functions() -> None:
    source = "import os\ndef f():\n    from closer.web.app import create_app\n"
    assert closer_imports(source) == {"web"}


def test_the_checker_finds_a_part_imported_from_the_package() -> None:
    source = "from closer import __version__, presentation\n"
    assert closer_imports(source) == {"presentation"}


def test_no_part_imports_one_above_it() -> None:
    wrong = []
    for path in sorted(SOURCE.rglob("*.py")):
        part = part_of(path)
        if part == "__init__":
            continue
        allowed = ALLOWED[part] | {part}
        for target in closer_imports(path.read_text(encoding="utf-8")) - allowed:
            wrong.append(f"{path.relative_to(SOURCE)} imports closer.{target}")
    assert wrong == []
