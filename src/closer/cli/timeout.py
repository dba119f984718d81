"""``closer timeout``: step back on purpose, with a day to come back."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer
from rich.markup import escape

from closer.adapters.content import bundled_library
from closer.cli.apps import command_group
from closer.cli.context import cli_zone, database
from closer.cli.moments import print_support_for
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.errors import InvalidInput
from closer.domain.timeouts import TimeOut, note_for
from closer.services.people import resolve_names
from closer.services.timeouts import (
    come_back,
    list_timeouts,
    message_drafts,
    plan_timeout,
    today,
)

app = command_group(
    help="Time-outs: step back on purpose, with a day to come back.\n\n"
    "Tell them when you will be back.",
    invoke_without_command=True,
)


def timeout_data(timeout: TimeOut, day: date) -> dict[str, Any]:
    """A time-out as JSON, its stage as of ``day`` (the person's today)."""
    return {
        "id": timeout.id,
        "person": timeout.person_name,
        "reason": timeout.reason,
        "starts_on": timeout.starts_on.isoformat(),
        "returns_on": timeout.returns_on.isoformat(),
        "message": timeout.message,
        "returned_on": timeout.returned_on.isoformat() if timeout.returned_on else None,
        "reflection_id": timeout.reflection_id,
        "stage": timeout.stage(day).value,
        "note": note_for(timeout, day),
    }


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"Use a date like 2026-11-29 for {option}.") from None


@app.callback()
def list_command(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Your time-outs, ongoing ones first."""
    if ctx.invoked_subcommand is not None:
        return
    with database() as db:
        timeouts = list_timeouts(db.unit_of_work())
        day = today(cli_zone(db.unit_of_work()))
    if as_json:
        print_json([timeout_data(t, day) for t in timeouts])
        return
    if not timeouts:
        console.print("No time-outs. Plan one with `closer timeout plan`.")
    for t in timeouts:
        who = escape(t.person_name or "everyone")
        console.print(
            f"{t.id}. From {who} until {t.returns_on:%d %b}. {note_for(t, day)}"
        )


Person = Annotated[
    str | None, typer.Option("--person", "-p", help="From whom (default: everyone).")
]
Until = Annotated[
    str, typer.Option(help="The day you will be back in touch, YYYY-MM-DD.")
]


@app.command("drafts")
def drafts_command(
    until: Until, person: Person = None, as_json: JsonFlag = False
) -> None:
    """Ideas for what to tell them; change one and send it yourself."""
    with database() as db:
        person_id = resolve_names(db.unit_of_work(), [person])[0] if person else None
        written = message_drafts(db.unit_of_work(), person_id, _day(until, "--until"))
    if as_json:
        print_json(written)
        return
    for text in written:
        console.print(f"- {escape(text)}")


@app.command("plan")
def plan_command(
    until: Until,
    why: Annotated[str, typer.Option(help="Why you need it.")],
    person: Person = None,
    message: Annotated[str, typer.Option(help="What you will tell them.")] = "",
    start: Annotated[
        str | None, typer.Option("--from", help="Start day (default today).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Plan a time-out."""
    with database() as db:
        person_id = resolve_names(db.unit_of_work(), [person])[0] if person else None
        day = today(cli_zone(db.unit_of_work()))
        saved = plan_timeout(
            db.unit_of_work(),
            starts_on=_day(start, "--from") if start else day,
            reason=why,
            returns_on=_day(until, "--until"),
            message=message,
            person_id=person_id,
        )
    if as_json:
        print_json(
            {
                "timeout": timeout_data(saved.timeout, day),
                "support": saved.assessment.needs_support,
            }
        )
    else:
        until_day = f"{saved.timeout.returns_on:%d %b}"
        console.print(f"Time-out {saved.timeout.id} planned until {until_day}.")
        if not message:
            console.print(
                "Ideas for what to tell them: closer timeout drafts --until ..."
            )
    if saved.assessment.needs_support and not as_json:
        print_support_for(saved.assessment)


@app.command("back")
def back_command(
    timeout_id: Annotated[int, typer.Argument(help="The time-out's number.")],
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer", "-a", help="An answer to the time-out questions (repeat)."
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Come back from a time-out (any day), with answers if you like."""
    with database() as db:
        day = today(cli_zone(db.unit_of_work()))
        back = come_back(
            db.unit_of_work(), bundled_library(), timeout_id, answer or [], on=day
        )
    if as_json:
        print_json({"timeout": timeout_data(back.timeout, day)})
    else:
        console.print(
            "Welcome back. A first small step: `closer step plan` toward them."
        )
    if back.assessment is not None and back.assessment.needs_support and not as_json:
        print_support_for(back.assessment)
