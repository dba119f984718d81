"""The CLI's fast path: ``closer moments`` answered with the standard library.

Starting the full CLI imports SQLAlchemy, pydantic, Typer and Rich, which costs
more than half a second; a search should cost a few hundredths. So before any
of that is imported, ``closer.cli.run`` offers the command line here. This
module answers only a plain ``closer moments [-p NAME] [--since DATE]
[-s WORDS] [--limit N] [--json]`` on the local SQLite store at the newest
schema, and returns None for anything else (help, another command, another
database, a name it does not know, a date it cannot read), so that the full CLI
runs with all its checks and messages. ``CLOSER_FAST=0`` turns it off.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime

from closer.paths import local_database_file

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (start-up)

if TYPE_CHECKING:
    from typing import Any

HEAD_REVISION = "0003"  # the same as closer.adapters.db.database.HEAD_REVISION
_VALUE_OPTIONS = {"-p": "person", "--person": "person", "--since": "since",
                  "-s": "search", "--search": "search", "--limit": "limit"}  # fmt: skip


def _parse(args: list[str]) -> dict[str, Any] | None:
    options: dict[str, Any] = {"json": False, "limit": "20"}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--json":
            options["json"] = True
        elif arg in _VALUE_OPTIONS and i + 1 < len(args):
            options[_VALUE_OPTIONS[arg]] = args[i + 1]
            i += 1
        else:
            return None  # anything unexpected: the full CLI explains it
        i += 1
    return options


def moments(args: list[str]) -> int | None:
    """``closer moments`` without the heavy imports, or None to step aside."""
    options = _parse(args)
    path = local_database_file()
    if options is None or path is None or not options["limit"].isdigit():
        return None
    limit = int(options["limit"])
    since = None
    if options.get("since"):
        try:
            since = datetime.fromisoformat(options["since"]).replace(tzinfo=UTC)
        except ValueError:
            return None
    from closer.adapters import fast_sqlite  # noqa: PLC0415 - only once we answer

    conn = fast_sqlite.connect(path, HEAD_REVISION)
    if conn is None or not 1 <= limit <= 500:
        return None
    try:
        person = None
        if options.get("person"):
            person = fast_sqlite.person_id(conn, options["person"])
            if person is None:
                return None
        items, total = fast_sqlite.find(
            conn, person=person, since=since, search=options.get("search"), limit=limit
        )
    finally:
        conn.close()
    _print(items, total, options)
    return 0


def _print(items: list[dict[str, Any]], total: int, options: dict[str, Any]) -> None:
    if options["json"]:
        import json  # noqa: PLC0415 - only when asked for

        data = {"total": total, "items": items}
        sys.stdout.write(
            json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
        )
        return
    if not items:
        filtered = (
            options.get("person") or options.get("since") or options.get("search")
        )
        print("No moments match." if filtered else "No moments yet.")
        return
    for m in items:
        who = f" · {', '.join(m['people'])}" if m["people"] else ""
        urge = f" · urge {m['urge']}" if m["urge"] is not None else ""
        when = datetime.fromisoformat(m["occurred_at"])
        print(f"{when:%Y-%m-%d %H:%M}{who}{urge}")
        print(f"  {m['situation']}")
    if total > len(items):
        print(f"{len(items)} of {total}; use --limit for more.")


def try_fast(argv: list[str]) -> int | None:
    """An exit code when the fast path answered, else None."""
    if os.environ.get("CLOSER_FAST", "1") == "0" or not argv:
        return None
    if argv[0] == "moments":
        return moments(argv[1:])
    return None
