"""Opening the store: data folder, engine, connection check and migrations."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from closer.adapters.data_dir import prepare_data_dir
from closer.adapters.db import ownership
from closer.adapters.db.engine import build_engine, check_connection
from closer.adapters.db.group_commit import GroupCommit
from closer.adapters.db.orm import LOCAL_USER_ID
from closer.adapters.db.schema import HEAD_REVISION
from closer.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from closer.adapters.local_store import DATABASE_NAME, require_key, way_back
from closer.config import Settings
from closer.domain.errors import DamagedStore
from closer.services.unit_of_work import AsyncWriter, UnitOfWork

T = TypeVar("T")


@dataclass(frozen=True)
class Database:
    """An open store: its engine and a factory of units of work."""

    engine: Engine
    sessions: sessionmaker[Session]
    group_commit: GroupCommit

    def async_writer(self, owner_id: int = LOCAL_USER_ID) -> AsyncWriter:
        """Runs write jobs over one person's records through the group commit,
        for an event loop: awaiting the commit never blocks it."""

        def write(job: Callable[[UnitOfWork], T]) -> Awaitable[T]:
            return self.group_commit.submit_async(owner_id, job)

        return write

    def unit_of_work(self, owner_id: int = LOCAL_USER_ID) -> SqlAlchemyUnitOfWork:
        """A fresh unit of work over one person's records (the local person's
        unless another account is named)."""
        return SqlAlchemyUnitOfWork(self.sessions, owner_id)

    def close(self) -> None:
        """Finish the writes under way, then release every pooled connection."""
        self.group_commit.close()
        self.engine.dispose()


def open_database(
    settings: Settings, *, key: bytes | None = None, migrate: bool = True
) -> Database:
    """Open the configured store, creating and upgrading it as needed.

    The local store must be set up first (``closer init`` or the web app's
    first page); an encrypted one needs its data ``key``.
    """
    if settings.uses_sqlite:
        prepare_data_dir(settings.data_dir)
    if not settings.database_url:
        key = require_key(settings, key)
    engine = build_engine(settings.effective_database_url, key=key)
    if settings.database_url:
        check_connection(engine)
    else:
        _check_local_file(engine, settings)
    if migrate and stored_revision(engine) != HEAD_REVISION:
        from closer.adapters.db.migrate import upgrade  # noqa: PLC0415 - rarely needed

        upgrade(engine)
    sessions = ownership.install(sessionmaker(engine, expire_on_commit=False))
    return Database(engine, sessions, GroupCommit(engine, sessions))


def _check_local_file(engine: Engine, settings: Settings) -> None:
    """Read the local records file's schema once, or say plainly that it
    cannot be opened and how to get the records back (never a word about
    CLOSER_DATABASE_URL, which a local store does not use)."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        folder = settings.data_dir
        raise DamagedStore(
            f"Your records file ({folder / DATABASE_NAME}) cannot be opened "
            f"({reason}): it may be damaged, or belong to another key file. "
            f"{way_back(folder)}"
        ) from None


def read_revision(engine: Engine) -> str | None:
    """The revision recorded in the store, read without Alembic (raises when
    the database cannot be read: the health check relies on that)."""
    with engine.connect() as connection:
        revision = connection.execute(
            text("SELECT version_num FROM alembic_version")
        ).scalar()
    return None if revision is None else str(revision)


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the store; None for a new, empty store."""
    try:
        return read_revision(engine)
    except DBAPIError:
        return None
