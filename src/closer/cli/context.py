"""Opening settings and the store for a CLI command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from closer.adapters.db.database import Database, open_database
from closer.cli.unlock import key_for
from closer.config import load_settings
from closer.domain.errors import Conflict


@contextmanager
def database(*, migrate: bool = True, records: bool = True) -> Iterator[Database]:
    """The configured store, closed when the command ends.

    In hosted mode the CLI looks after the database (``closer db``, backups)
    but does not read or write anyone's records: those belong to accounts,
    reached through the web app or the API.
    """
    settings = load_settings()
    if records and settings.hosted:
        raise Conflict(
            "In hosted mode people's records belong to their accounts: use the web "
            "app or the API. The CLI's `db`, `backup` and `restore` still work."
        )
    db = open_database(settings, key=key_for(settings), migrate=migrate)
    try:
        yield db
    finally:
        db.close()
