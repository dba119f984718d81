"""Creating engines, with SQLite tuned for safety (WAL, foreign keys, full sync)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from closer.adapters.db.schema import SQLITE_PRAGMAS
from closer.domain.errors import ConfigurationError, StorageUnavailable


def _apply_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def redact(url: str) -> str:
    """The URL with any password hidden, safe to print."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def build_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite connections get the safety pragmas."""
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ConfigurationError(
            f"CLOSER_DATABASE_URL is not a usable database URL ({redact(url)}): {exc}."
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _apply_sqlite_pragmas)
    return engine


def check_connection(engine: Engine) -> None:
    """Open one connection, or raise a one-line message saying what to fix."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StorageUnavailable(
            f"Cannot reach the database at {redact(str(engine.url))}: {reason}. "
            "Check CLOSER_DATABASE_URL and that the database server is running."
        ) from None
