"""Stores migrated once per test session and copied for each test.

Running every migration for each test cost about half a second on SQLite
and over a second on PostgreSQL; a copy of a store made once costs a few
milliseconds. The copies are byte for byte what a new store would be: the
template is made by the same code a person's first run goes through
(``set_up`` for the local store, ``upgrade`` for a hosted file), and tests
that need a store from before the first migration take it back with
``tests.support.stores.emptied``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from closer.adapters.db.engine import build_engine
from closer.adapters.db.migrate import upgrade
from closer.adapters.local_store import set_up
from closer.config import Settings


def make_local_template(settings: Settings, passphrase: str) -> Path:
    """An encrypted local store set up in ``settings.data_dir``; that folder."""
    set_up(settings, passphrase)
    return settings.data_dir


def copy_local_store(template: Path, data_dir: Path) -> None:
    """The template's folder (records file and key file) as ``data_dir``."""
    shutil.copytree(template, data_dir)


def make_hosted_sqlite_template(path: Path) -> Path:
    """A plain SQLite file at the newest revision (hosted mode on SQLite)."""
    engine = build_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    return path


def copy_sqlite_file(template: Path, path: Path) -> None:
    """A copy of a checkpointed SQLite file (no WAL beside it to carry)."""
    shutil.copyfile(template, path)
