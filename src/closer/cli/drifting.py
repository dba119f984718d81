"""``closer drifting``: who it has been a while with, by your own rhythm."""

from __future__ import annotations

from rich.markup import escape

from closer.cli.context import database
from closer.cli.output import JsonFlag, console, print_json
from closer.services.contacts import drifting_people


def drifting_command(as_json: JsonFlag = False) -> None:
    """People past the contact rhythm you chose.

    People past the contact rhythm you chose, the longest gap first.
    """
    with database() as db:
        drifts = drifting_people(db.unit_of_work())
    if as_json:
        print_json(
            [
                {
                    "person": d.person.name,
                    "last_in_touch": d.last_in_touch.isoformat(),
                    "days_since": d.days_since,
                    "rhythm_days": d.rhythm_days,
                }
                for d in drifts
            ]
        )
        return
    if not drifts:
        console.print("No one is past the rhythm you chose.")
    for d in drifts:
        console.print(escape(d.sentence))
    if drifts:
        console.print("One small step is enough: `closer contact NAME` once you have.")
