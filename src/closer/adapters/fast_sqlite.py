"""Reading moments straight from the local SQLite file, with the standard
library only, for the CLI's fast path (``closer.cli.fast``).

It reads exactly what ``SqlMomentRepository`` writes; a test compares the two.
It never writes, and it steps aside (returns None) whenever anything is
unusual, so the full CLI handles it with its complete checks and messages.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime

from closer.adapters.db.search import fts5_query

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (start-up)

if TYPE_CHECKING:
    from typing import Any


def connect(path: str, head: str) -> sqlite3.Connection | None:
    """A read-only connection, if the file exists and is at revision ``head``."""
    if not os.path.isfile(path):
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] != head:
        conn.close()
        return None
    return conn


_FTS_COUNT = "SELECT count(*) FROM moments_fts WHERE moments_fts MATCH ?"


def person_id(conn: sqlite3.Connection, name: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM people WHERE name_key = ?", (" ".join(name.split()).casefold(),)
    ).fetchone()
    return None if row is None else int(row[0])


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
    rows = conn.execute(
        "SELECT m.id, m.occurred_at, m.situation, m.urge, m.action, m.outcome, "
        f"m.felt_after FROM moments m WHERE {clause} "
        "ORDER BY m.occurred_at DESC, m.id DESC LIMIT ?",
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
    causes = [
        c for (c,) in conn.execute(
            "SELECT cause FROM moment_causes WHERE moment_id = ? ORDER BY cause",
            (moment_id,),
        )
    ]  # fmt: skip
    tags = [
        t for (t,) in conn.execute(
            "SELECT tag FROM moment_tags WHERE moment_id = ? ORDER BY tag", (moment_id,)
        )
    ]  # fmt: skip
    return {
        "id": moment_id,
        "occurred_at": _when(row[1]),
        "situation": row[2],
        "people": people,
        "emotions": emotions,
        "urge": row[3],
        "action": row[4],
        "outcome": row[5],
        "felt_after": row[6],
        "causes": causes,
        "tags": tags,
    }
