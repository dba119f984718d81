"""The domain stays pure Python: no frameworks, no storage, no I/O libraries."""

from __future__ import annotations

from pathlib import Path

import closer.domain
from tests.support.imports import imported_modules

FORBIDDEN = {
    "sqlalchemy", "alembic", "fastapi", "starlette", "httpx", "typer", "click",
    "uvicorn", "psycopg", "httpx2", "jinja2", "pydantic_settings", "sqlite3", "socket",
    "subprocess", "requests", "urllib", "http", "rich",
}  # fmt: skip

DOMAIN = Path(closer.domain.__file__).parent


def forbidden_imports(source: str) -> list[str]:
    """Top-level package names imported by ``source`` that the domain may not use."""
    return [n for n in imported_modules(source) if n.split(".")[0] in FORBIDDEN]


def test_the_checker_catches_a_forbidden_import() -> None:
    source = "import os\nfrom sqlalchemy.orm import Session\nimport fastapi as f\n"
    assert forbidden_imports(source) == ["sqlalchemy.orm", "fastapi"]


def test_the_checker_catches_an_import_inside_a_function() -> None:
    source = "def f():\n    import typer\n"
    assert forbidden_imports(source) == ["typer"]


def test_no_domain_module_imports_a_framework_or_io_library() -> None:
    modules = sorted(DOMAIN.rglob("*.py"))
    assert len(modules) >= 3
    offenders = {
        str(path.relative_to(DOMAIN)): bad
        for path in modules
        if (bad := forbidden_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
