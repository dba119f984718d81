"""Applying Alembic migrations from code (on start and by ``closer db upgrade``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# Search structures written by hand in migrations, not modelled in the ORM.
UNMODELLED = frozenset({"moments_fts", "ix_moments_search"})


def include_name(name: str | None, type_: str, parent_names: object) -> bool:  # noqa: ARG001 (Alembic's signature)
    """Autogenerate and ``alembic check`` skip the hand-written search objects."""
    if name is None:
        return True
    return name not in UNMODELLED and not name.startswith("moments_fts_")


def alembic_config() -> Config:
    """An Alembic config pointing at the bundled migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest migration's revision id."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - there is always at least one migration
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or ``None`` when it is empty."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision, in one transaction."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
