"""Creating engines, with SQLite tuned for safety (WAL, foreign keys, full sync)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import QueuePool

from closer.adapters.db.schema import SQLITE_PRAGMAS
from closer.domain.errors import ConfigurationError, InvalidInput, StorageUnavailable
from closer.domain.text import first_unstorable, unstorable_message


def _apply_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _large_page_cache(dbapi_connection: Any, _record: Any) -> None:
    # Decrypting a page costs more than reading it; 64 MB of cache keeps
    # searches as fast as on a plain file (measured: docs/decisions.md D21).
    dbapi_connection.execute("PRAGMA cache_size=-65536")


def _end_leftover_transaction(dbapi_connection: Any, _record: Any, _state: Any) -> None:
    # A COMMIT that SQLite refuses (a deferred constraint, a busy or full
    # disk) leaves its transaction open while SQLAlchemy believes it ended:
    # the next user of the connection would read, and could later commit,
    # writes that were reported as failed. Never hand such a connection on.
    if dbapi_connection.in_transaction:
        dbapi_connection.rollback()


_BIGGEST = 2**63 - 1  # the widest integer column, on SQLite and PostgreSQL


def refuse_unstorable(
    _connection: Any,
    _cursor: Any,
    _statement: str,
    parameters: Any,
    _context: Any,
    _executemany: bool,
) -> None:
    """The last guard before the driver: a text holding a character that no
    record may hold (``closer.domain.text``), or a number wider than 64 bits,
    is a clear InvalidInput instead of a driver error (PostgreSQL refuses NUL;
    SQLite overflows). Input is checked, with its field named, where it
    enters (web, importers); this catches whatever path was missed, before
    anything is written."""
    _check_values(parameters)


def _check_values(values: Any) -> None:
    """Walk parameters however the driver shapes them (a tuple, a mapping, a
    list of either for many rows) and refuse what cannot be stored."""
    if isinstance(values, Mapping):
        values = values.values()
    for value in values or ():
        if isinstance(value, str):
            index = first_unstorable(value)
            if index is not None:
                what = unstorable_message(value, index)
                raise InvalidInput(f"A text {what}. Remove it and try again.")
        elif isinstance(value, int) and not isinstance(value, bool):
            if not -_BIGGEST - 1 <= value <= _BIGGEST:
                raise InvalidInput(f"The number {value} is too large for Closer.")
        elif isinstance(value, tuple | list | dict):
            _check_values(value)


def redact(url: str) -> str:
    """The URL with any password hidden, safe to print."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def encrypted_url(url: str, key: bytes) -> URL:
    """The SQLCipher form of a ``sqlite:///`` URL, opened with a raw 256-bit key.

    The key goes to ``PRAGMA key`` as ``x'…'``, which SQLCipher takes as the
    key itself (no PBKDF2 on every connection: the key was derived once).
    """
    return make_url(url).set(
        drivername="sqlite+pysqlcipher", password=f"x'{key.hex()}'"
    )


def build_engine(url: str | URL, *, key: bytes | None = None) -> Engine:
    """An engine for ``url``; SQLite connections get the safety pragmas.

    With ``key``, the SQLite file is opened through SQLCipher.
    """
    options: dict[str, Any]
    if make_url(url).get_backend_name() == "sqlite":
        # One connection, taken in turn: SQLite has one writer at a time, and
        # many connections waiting on its lock sleep in its busy handler
        # (backing off up to 100 ms) while the lock sits free. A queue for
        # the one connection is fair and keeps every write's latency short.
        # No ping before each use: a file in this process cannot drop.
        options = {"poolclass": QueuePool, "pool_size": 1, "max_overflow": 0}
    else:
        options = {"pool_pre_ping": True}  # a server's connection can drop
    if key is not None:
        url = encrypted_url(str(url), key)
    try:
        engine = create_engine(url, **options)
    except (ArgumentError, NoSuchModuleError) as exc:
        shown = redact(str(url))
        raise ConfigurationError(
            f"CLOSER_DATABASE_URL is not a usable database URL ({shown}): {exc}."
        ) from None
    event.listen(engine, "before_cursor_execute", refuse_unstorable)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _apply_sqlite_pragmas)
        event.listen(engine, "reset", _end_leftover_transaction)
        if key is not None:
            event.listen(engine, "connect", _large_page_cache)
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
