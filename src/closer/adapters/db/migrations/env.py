"""Alembic environment.

Used two ways: from code (``closer.adapters.db.migrate``), which passes an open
connection in ``config.attributes["connection"]``; and from the ``alembic``
command with the repository's ``alembic.ini``, which connects to the URL from
Closer's settings (``CLOSER_DATABASE_URL`` or the default SQLite file).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from closer.adapters.data_dir import prepare_data_dir
from closer.adapters.db.engine import build_engine
from closer.adapters.db.migrate import (
    check_foreign_keys,
    foreign_keys_off,
    include_name,
)
from closer.adapters.db.orm import Base
from closer.config import load_settings

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run migrations on a live connection."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return

    settings = load_settings()
    if settings.uses_sqlite:
        prepare_data_dir(settings.data_dir)
    engine = build_engine(settings.effective_database_url)
    with engine.connect() as conn, foreign_keys_off(conn):
        _run(conn)
        check_foreign_keys(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Closer's migrations run online only: connect to a database.")
run_migrations_online()
