"""The local SQLite file read and written with the standard library only,
for the CLI's fast path (``closer.cli.fast``): ``closer moments`` reads here,
and ``closer log`` saves a moment (with its people, feelings and search
entry) and, when its words need it, a support alert.

It reads and writes exactly what ``SqlMomentRepository`` does; tests compare
the two (``tests/cli/test_fast_path.py``). It steps aside (returns None)
whenever anything is unusual, so the full CLI handles it with its complete
checks and messages. This is a second write path for moments, kept only
until the one real path starts fast enough (issue 21).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime

from closer.adapters.db.schema import LOCAL_USER_ID, SQLITE_PRAGMAS
from closer.adapters.db.search import fts5_query

# The moment's details (closer.domain.details) kept in its own row, and those
# kept as a table of items each (``moment_causes (moment_id, cause)``). Named
# here rather than read from the description, which would import the domain
# and add 40 ms to every `closer moments`; a test holds them equal.
MOMENT_DETAILS = (
    "urge",
    "action",
    "outcome",
    "felt_after",
    "causes",
    "tags",
    "channel",
)
MOMENT_LISTS = (("causes", "cause"), ("tags", "tag"))
MOMENT_COLUMNS = tuple(n for n in MOMENT_DETAILS if n not in dict(MOMENT_LISTS))

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (start-up)

if TYPE_CHECKING:
    from typing import Any


def _at_revision(conn: sqlite3.Connection, head: str, error: Any) -> bool:
    """Whether the store is migrated to ``head`` (an empty file is not)."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except error:
        return False
    return row is not None and row[0] == head


def store_key(path: str) -> tuple[bool, bytes | None]:
    """(usable, key): whether the fast path can open the store at ``path``,
    and the data key it needs (None for a plain store).

    An encrypted store is usable only while a key is kept (``closer unlock``
    or any command that asked for the passphrase); anything unusual (not set
    up, an interrupted encryption) is left to the full CLI.
    """
    folder = os.path.dirname(path)
    key_file = os.path.join(folder, "closer.key.json")
    if os.path.exists(key_file + ".pending"):
        return False, None
    try:
        with open(key_file, encoding="utf-8") as file:
            text = file.read()
    except FileNotFoundError:
        return os.path.isfile(path), None  # a plain store from before encryption
    except (OSError, ValueError):  # unreadable: the full CLI says what to do
        return False, None
    import json  # noqa: PLC0415 - only with a key file

    try:
        encryption = json.loads(text).get("encryption")
    except (ValueError, AttributeError):
        return False, None  # damaged: the full CLI says so
    if encryption == "none":
        return True, None
    from closer.adapters import key_cache  # noqa: PLC0415

    key = key_cache.recall(folder)
    return key is not None, key


def _open(
    database: str, head: str, key: bytes | None, **options: Any
) -> sqlite3.Connection | None:
    driver: Any = sqlite3
    if key is not None:
        import sqlcipher3  # noqa: PLC0415 - only for an encrypted store

        driver = sqlcipher3
    try:
        conn: sqlite3.Connection = driver.connect(database, **options)
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute("PRAGMA cache_size=-65536")
    except driver.Error:
        return None
    if not _at_revision(conn, head, driver.Error):
        conn.close()
        return None
    return conn


def connect(path: str, head: str) -> sqlite3.Connection | None:
    """A read-only connection, if the file exists, can be unlocked without
    asking, and is at revision ``head``."""
    usable, key = store_key(path)
    if not usable or not os.path.isfile(path):
        return None
    quoted = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return _open(f"file:{quoted}?mode=ro", head, key, uri=True)


_FTS_COUNT = "SELECT count(*) FROM moments_fts WHERE moments_fts MATCH ?"


def person_id(conn: sqlite3.Connection, name: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM people WHERE name_key = ?", (" ".join(name.split()).casefold(),)
    ).fetchone()
    return None if row is None else int(row[0])


def chosen_time_zone(conn: sqlite3.Connection) -> str | None:
    """The time zone chosen in Settings, if any (the CLI's times use it)."""
    row = conn.execute("SELECT time_zone FROM app_settings LIMIT 1").fetchone()
    return None if row is None else row[0]


def _when(value: str) -> str:
    return datetime.fromisoformat(value).replace(tzinfo=UTC).isoformat()


def find(
    conn: sqlite3.Connection,
    *,
    person: int | None,
    since: datetime | None,
    search: str | None,
    limit: int,
) -> tuple[list[dict[str, Any]], int]:
    """Moments as the CLI prints them (newest first) and how many match."""
    where = ["m.deleted_at IS NULL"]
    args: list[Any] = []
    if person is not None:
        where.append(
            "m.id IN (SELECT moment_id FROM moment_people WHERE person_id = ?)"
        )
        args.append(person)
    if since is not None:
        where.append("m.occurred_at >= ?")
        args.append(since.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" "))
    if search:
        where.append(
            "m.id IN (SELECT rowid FROM moments_fts WHERE moments_fts MATCH ?)"
        )
        args.append(fts5_query(search))
    clause = " AND ".join(where)
    if search and person is None and since is None:
        # Deleted moments leave the index, so the index alone can count.
        count_sql, count_args = _FTS_COUNT, [fts5_query(search)]
    else:
        count_sql, count_args = f"SELECT count(*) FROM moments m WHERE {clause}", args
    total = conn.execute(count_sql, count_args).fetchone()[0]
    columns = ", ".join(f"m.{name}" for name in MOMENT_COLUMNS)
    rows = conn.execute(
        f"SELECT m.id, m.occurred_at, m.situation, {columns} FROM moments m "
        f"WHERE {clause} ORDER BY m.occurred_at DESC, m.id DESC LIMIT ?",
        [*args, limit],
    ).fetchall()
    return [_moment(conn, row) for row in rows], int(total)


def _moment(conn: sqlite3.Connection, row: tuple[Any, ...]) -> dict[str, Any]:
    moment_id = row[0]
    people = [
        name
        for (name,) in conn.execute(
            "SELECT p.name FROM moment_people mp JOIN people p ON p.id = mp.person_id "
            "WHERE mp.moment_id = ? ORDER BY mp.position",
            (moment_id,),
        )
    ]
    emotions = [
        {"emotion": e, "intensity": n}
        for e, n in conn.execute(
            "SELECT emotion, intensity FROM moment_emotions WHERE moment_id = ? "
            "ORDER BY position",
            (moment_id,),
        )
    ]
    lists = {
        name: [
            value
            for (value,) in conn.execute(
                f"SELECT {item} FROM moment_{name} WHERE moment_id = ? ORDER BY {item}",
                (moment_id,),
            )
        ]
        for name, item in MOMENT_LISTS
    }
    kept = dict(zip(MOMENT_COLUMNS, row[3:], strict=True))
    return {
        "id": moment_id,
        "occurred_at": _when(row[1]),
        "situation": row[2],
        "people": people,
        "emotions": emotions,
        **{name: lists.get(name, kept.get(name)) for name in MOMENT_DETAILS},
    }


# --- writing, for `closer log` ---------------------------------------------
# The same rows SqlMomentRepository writes (a test reads them back through it).


def connect_for_writing(path: str, head: str) -> sqlite3.Connection | None:
    """A connection with the app's safety pragmas, if the store can be
    unlocked without asking and is up to date."""
    usable, key = store_key(path)
    if not usable or not os.path.isfile(path):
        return None
    conn = _open(path, head, key, isolation_level=None)
    if conn is not None:
        for pragma in SQLITE_PRAGMAS:
            conn.execute(pragma)
    return conn


def _stamp(when: datetime) -> str:
    """A time as SQLAlchemy stores it in SQLite: naive UTC with microseconds."""
    return when.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def people_ids(
    conn: sqlite3.Connection, names: list[str], *, create: bool
) -> list[tuple[int, str]] | None:
    """(id, name) for each name; unknown names are added when ``create``,
    otherwise None (the full CLI then explains, with close matches)."""
    found: list[tuple[int, str]] = []
    for raw in names:
        name = " ".join(raw.split())
        row = conn.execute(
            "SELECT id, name FROM people WHERE name_key = ?", (name.casefold(),)
        ).fetchone()
        if row is None:
            if not create or not name or len(name) > 100:
                return None
            now = _stamp(datetime.now(UTC))
            cursor = conn.execute(
                "INSERT INTO people (user_id, name, name_key, relationship, notes, "
                "created_at, updated_at) VALUES (?, ?, ?, 'other', '', ?, ?)",
                (LOCAL_USER_ID, name, name.casefold(), now, now),
            )
            row = (cursor.lastrowid, name)
        if all(row[0] != known for known, _ in found):
            found.append((int(row[0]), str(row[1])))
    return found


def _plain(value: Any) -> Any:
    """A choice as its text (an Enum's value), anything else as it is."""
    return getattr(value, "value", value)


def add_moment(conn: sqlite3.Connection, moment: Any) -> int:
    """Insert a validated moment (closer.domain.moments.Moment) and index it."""
    now = _stamp(datetime.now(UTC))
    names = ", ".join(MOMENT_COLUMNS)
    marks = ", ".join("?" for _ in MOMENT_COLUMNS)
    cursor = conn.execute(
        f"INSERT INTO moments (user_id, occurred_at, situation, {names}, "
        f"search_text, created_at, updated_at) VALUES (?, ?, ?, {marks}, ?, ?, ?)",
        (
            LOCAL_USER_ID,
            _stamp(moment.occurred_at),
            moment.situation,
            *(_plain(getattr(moment, name)) for name in MOMENT_COLUMNS),
            moment.search_text(),
            now,
            now,
        ),
    )
    moment_id = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT INTO moment_people (moment_id, person_id, position) VALUES (?, ?, ?)",
        [(moment_id, person, i) for i, person in enumerate(moment.people)],
    )
    conn.executemany(
        "INSERT INTO moment_emotions (moment_id, emotion, intensity, position) "
        "VALUES (?, ?, ?, ?)",
        [(moment_id, f.emotion, f.intensity, i) for i, f in enumerate(moment.emotions)],
    )
    for name, item in MOMENT_LISTS:
        conn.executemany(
            f"INSERT INTO moment_{name} (moment_id, {item}) VALUES (?, ?)",
            [(moment_id, value) for value in getattr(moment, name)],
        )
    conn.execute(
        "INSERT INTO moments_fts (rowid, search_text) VALUES (?, ?)",
        (moment_id, moment.search_text()),
    )
    return moment_id


def open_support(conn: sqlite3.Connection, level: str, about: str, source: str) -> None:
    """Open the support panel, as SqlSupportAlertRepository.open does."""
    conn.execute(
        "INSERT INTO support_alerts (user_id, level, about, source, opened_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (LOCAL_USER_ID, level, about, source, _stamp(datetime.now(UTC))),
    )
