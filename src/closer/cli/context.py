"""Opening settings and the store for a CLI command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from closer.adapters.db.database import Database, open_database
from closer.cli.unlock import key_for
from closer.config import load_settings


@contextmanager
def database(*, migrate: bool = True) -> Iterator[Database]:
    """The configured store, closed when the command ends."""
    settings = load_settings()
    db = open_database(settings, key=key_for(settings), migrate=migrate)
    try:
        yield db
    finally:
        db.close()
