"""Opening settings and the store for a CLI command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import tzinfo

from closer.adapters.db.database import Database, open_database
from closer.cli.unlock import key_for
from closer.config import load_settings
from closer.domain.errors import Conflict
from closer.domain.local_time import chosen_zone
from closer.services.preferences import get_preferences
from closer.services.unit_of_work import UnitOfWork


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


def cli_zone(uow: UnitOfWork) -> tzinfo | None:
    """The zone the CLI shows times in: the one chosen in Settings, or
    ``None`` for this machine's own."""
    return chosen_zone(get_preferences(uow).time_zone)
