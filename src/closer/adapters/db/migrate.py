"""Applying Alembic migrations from code (on start and by ``closer db upgrade``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

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


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (the newest), in one transaction."""
    config = alembic_config()
    with (
        engine.connect() as connection,
        foreign_keys_off(connection),
        connection.begin(),
    ):
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        check_foreign_keys(connection)


@contextmanager
def foreign_keys_off(connection: Connection) -> Iterator[None]:
    """On SQLite, foreign keys off while batch migrations rebuild tables.

    Rebuilding a table drops the old one, and with foreign keys on that would
    cascade into its children (Alembic's batch documentation warns of it).
    The pragma only works outside a transaction; other databases need nothing.
    """
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    try:
        yield
    finally:
        if sqlite:
            connection.rollback()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def check_foreign_keys(connection: Connection) -> None:
    """Refuse (and so roll back) a migration that left a dangling reference."""
    if connection.dialect.name != "sqlite":
        return
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(
            f"the migration broke {len(problems)} references: {problems[:3]}"
        )
