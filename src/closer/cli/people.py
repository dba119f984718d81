"""``closer person``: the people who matter."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from closer.cli.apps import command_group
from closer.cli.context import database
from closer.cli.data import moment_data
from closer.cli.moments import print_support_for
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.details import free_text, plain_values
from closer.domain.moments import MomentQuery
from closer.domain.people import Person, parse_birthday
from closer.services.moments import list_moments
from closer.services.people import (
    add_person,
    closeness_history,
    get_person,
    list_people,
    resolve_names,
)
from closer.services.safety import assess_texts

app = command_group(
    help="Add, list and show the people who matter.", no_args_is_help=True
)


def person_data(person: Person, last: Any = None) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        **plain_values(person),
        "birthday": person.birthday.iso if person.birthday else None,
        "last_moment_at": last.isoformat() if last else None,
    }


@app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="Their name.")],
    relationship: Annotated[
        str, typer.Option(help="partner, friend, family, colleague or other.")
    ] = "other",
    now: Annotated[
        int | None, typer.Option(help="How close you feel now, 0-10.")
    ] = None,
    want: Annotated[
        int | None, typer.Option(help="How close you would like, 0-10.")
    ] = None,
    notes: Annotated[str, typer.Option(help="Anything worth remembering.")] = "",
    every: Annotated[
        int | None, typer.Option(help="Be in touch every N days (optional).")
    ] = None,
    nickname: Annotated[str, typer.Option(help="What else they are called.")] = "",
    birthday: Annotated[
        str, typer.Option(help="1990-03-12, or --03-12 without the year.")
    ] = "",
    as_json: JsonFlag = False,
) -> None:
    """Add someone."""
    born = parse_birthday(birthday)
    with database() as db:
        person = add_person(
            db.unit_of_work(),
            name,
            relationship=relationship,
            closeness_now=now,
            closeness_wanted=want,
            notes=notes,
            rhythm_days=every,
            nickname=nickname,
            birthday=born,
        )
    if as_json:
        print_json(person_data(person))
        return
    console.print(f"Added {escape(person.name)}.")
    assessment = assess_texts(free_text(person))
    if assessment.needs_support:
        print_support_for(assessment)


@app.command("list")
def list_command(as_json: JsonFlag = False) -> None:
    """Everyone, with when they last came up."""
    with database() as db:
        people = list_people(db.unit_of_work())
    if as_json:
        print_json([person_data(s.person, s.last_moment_at) for s in people])
        return
    if not people:
        console.print("No one yet. Add someone with `closer person add NAME`.")
    for s in people:
        last = f" · last moment {s.last_moment_at:%Y-%m-%d}" if s.last_moment_at else ""
        console.print(f"{escape(s.person.name)} ({s.person.relationship.value}){last}")


@app.command("show")
def show_command(
    name: Annotated[str, typer.Argument(help="Their name.")], as_json: JsonFlag = False
) -> None:
    """One person and their recent moments."""
    with database() as db:
        (person_id,) = resolve_names(db.unit_of_work(), [name])
        person = get_person(db.unit_of_work(), person_id)
        page = list_moments(
            db.unit_of_work(), MomentQuery(person_id=person_id, limit=10)
        )
        history = closeness_history(db.unit_of_work(), person_id)
    if as_json:
        print_json(
            {
                **person_data(
                    person, page.items[0].occurred_at if page.items else None
                ),
                "moments": [moment_data(m) for m in page.items],
                "moment_count": page.total,
                "closeness_history": [
                    {"at": r.at.isoformat(), "now": r.now, "wanted": r.wanted}
                    for r in history
                ],
            }
        )
        return
    console.print(f"[bold]{escape(person.name)}[/bold] ({person.relationship.value})")
    if person.closeness_now is not None or person.closeness_wanted is not None:
        now = "?" if person.closeness_now is None else person.closeness_now
        want = "?" if person.closeness_wanted is None else person.closeness_wanted
        console.print(f"Close now: {now} · would like: {want}")
    if person.nickname:
        console.print(f"Also called {escape(person.nickname)}")
    if person.birthday:
        console.print(f"Birthday: {person.birthday}")
    if len(history) > 1:
        steps = " → ".join(f"{r.now if r.now is not None else '?'}" for r in history)
        console.print(f"Closeness over time: {steps}")
    console.print(f"{page.total} moment(s).")
    for m in page.items:
        console.print(f"  {m.occurred_at:%Y-%m-%d} {escape(m.situation)}")
