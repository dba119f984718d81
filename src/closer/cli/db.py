"""``closer db``: the database schema."""

from __future__ import annotations

from closer.adapters.db.engine import redact
from closer.cli.apps import command_group
from closer.cli.context import database
from closer.cli.output import JsonFlag, console, print_json

app = command_group(help="Look after the database.", no_args_is_help=True)


@app.command("upgrade")
def upgrade_command(as_json: JsonFlag = False) -> None:
    """Apply any pending migrations (safe to run again)."""
    from closer.adapters.db.migrate import current_revision, upgrade  # noqa: PLC0415

    with database(migrate=False, records=False) as db:
        before = current_revision(db.engine)
        upgrade(db.engine)
        after = current_revision(db.engine)
        dialect = db.engine.dialect.name
    if as_json:
        print_json(
            {
                "database": dialect,
                "from": before,
                "to": after,
                "changed": before != after,
            }
        )
    elif before == after:
        console.print(f"The database is up to date (revision {after}).")
    else:
        console.print(f"Upgraded the database from {before or 'empty'} to {after}.")


@app.command("status")
def status_command(as_json: JsonFlag = False) -> None:
    """Show which migration the database is at, and the newest one."""
    from closer.adapters.db.migrate import (  # noqa: PLC0415
        current_revision,
        head_revision,
    )

    with database(migrate=False, records=False) as db:
        current = current_revision(db.engine)
        url = redact(str(db.engine.url))
        dialect = db.engine.dialect.name
    head = head_revision()
    data = {
        "database": dialect,
        "url": url,
        "current": current,
        "head": head,
        "up_to_date": current == head,
    }
    if as_json:
        print_json(data)
        return
    state = "up to date" if current == head else "needs `closer db upgrade`"
    console.print(f"{url}: revision {current or 'none'} of {head}, {state}.")
