"""``closer log`` and ``closer moments``: fast capture and finding moments again."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.prompt import Prompt

from closer.adapters.content import bundled_library
from closer.adapters.crisis_lines import bundled_directory
from closer.cli.context import cli_zone, database
from closer.cli.data import logged_data, logged_lines, moment_data
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.errors import InvalidInput
from closer.domain.local_time import from_local, local
from closer.domain.moments import MomentQuery, parse_felt
from closer.domain.safety import Assessment
from closer.services.moments import Logged, list_moments, log_moment
from closer.services.people import resolve_names
from closer.services.safety import support_panel


def _ask() -> dict[str, Any]:
    """The same questions as the quick form, one at a time."""
    answers: dict[str, Any] = {}
    answers["situation"] = Prompt.ask("What happened")
    who = Prompt.ask("Who was it about (names, commas; Enter to skip)", default="")
    answers["people"] = [n.strip() for n in who.split(",") if n.strip()]
    urge = Prompt.ask("How strong was the urge, 0 to 10 (Enter to skip)", default="")
    answers["urge"] = int(urge) if urge.strip().isdigit() else None
    answers["did"] = (
        Prompt.ask("What did you do (a slug, Enter to skip)", default="") or None
    )
    felt = Prompt.ask("What did you feel, like ashamed:7 (Enter to skip)", default="")
    answers["felt"] = [f for f in felt.replace(",", " ").split() if f]
    return answers


def _print_logged(logged: Logged, as_json: bool) -> None:
    if as_json:
        print_json(logged_data(logged.moment, logged.suggestions, logged.assessment))
    else:
        for line in logged_lines(logged.moment, logged.suggestions):
            console.print(escape(line))
    if logged.assessment.needs_support and not as_json:
        print_support_for(logged.assessment)


def print_support_for(assessment: Assessment) -> None:
    """The support panel after a saved moment (needs the full stack; rare)."""
    from closer.cli.safety import print_support  # noqa: PLC0415 - rarely needed

    with database() as db:
        panel = support_panel(db.unit_of_work(), bundled_directory(), assessment)
    if panel is not None:
        print_support(panel)


def log_command(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            help="What happened, quoted or not. Leave out to be asked.",
            metavar="TEXT",
            show_default=False,
        ),
    ] = None,
    person: Annotated[
        list[str] | None, typer.Option("--person", "-p", help="Who it was about.")
    ] = None,
    urge: Annotated[
        int | None, typer.Option("--urge", "-u", help="How strong the urge was, 0-10.")
    ] = None,
    did: Annotated[
        str | None,
        typer.Option("--did", help="What you did, such as reached-out or ghosting."),
    ] = None,
    felt: Annotated[
        list[str] | None,
        typer.Option(
            "--felt", help="A feeling, such as scared or scared:7 (strength 1-10)."
        ),
    ] = None,
    new_person: Annotated[
        bool, typer.Option("--new-person", help="Add names Closer does not know yet.")
    ] = False,
    where: Annotated[
        str | None,
        typer.Option(
            "--where",
            help="Where it happened: in-person, message, call or social-media.",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Log a moment in seconds. Only the text is needed."""
    text = " ".join(words) if words else None
    if text is None:
        answers = _ask()
        text = answers["situation"]
        person = (person or []) + answers["people"]
        urge = urge if urge is not None else answers["urge"]
        did = did or answers["did"]
        felt = (felt or []) + answers["felt"]
        new_person = True  # names typed at the prompt are meant to be added
    library = bundled_library()
    emotions = [parse_felt(f) for f in felt or []]
    with database() as db:
        # Names to add are added with the moment, in its one transaction: a
        # moment refused leaves no new person behind.
        known = () if new_person else resolve_names(db.unit_of_work(), person or [])
        logged = log_moment(
            db.unit_of_work(),
            library,
            situation=text,
            people=known,
            new_people=tuple(person or []) if new_person else (),
            urge=urge,
            action=did,
            emotions=emotions,
            channel=where,
        )
    _print_logged(logged, as_json)


def _since(value: str | None, zone: tzinfo | None) -> datetime | None:
    """The start of the day given, where the person is (``zone``, or this
    machine's)."""
    if value is None:
        return None
    try:
        return from_local(datetime.fromisoformat(value).replace(tzinfo=None), zone)
    except ValueError:
        raise InvalidInput(
            f"Use a date like 2026-11-01 for --since; got {value!r}."
        ) from None


def moments_command(
    person: Annotated[
        str | None, typer.Option("--person", "-p", help="Only with this person.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only from this date (YYYY-MM-DD).")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Words to find.")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 20,
    as_json: JsonFlag = False,
) -> None:
    """List moments, newest first; filter or search.

    List moments, newest first: filter by person and date, or search.
    """
    with database() as db:
        zone = cli_zone(db.unit_of_work())
        person_id = None
        if person is not None:
            (person_id,) = resolve_names(db.unit_of_work(), [person])
        query = MomentQuery(
            person_id=person_id, since=_since(since, zone), search=search, limit=limit
        )
        page = list_moments(db.unit_of_work(), query)
    if as_json:
        print_json({"total": page.total, "items": [moment_data(m) for m in page.items]})
        return
    if not page.items:
        console.print(
            "No moments match." if (person or since or search) else "No moments yet."
        )
        return
    for m in page.items:
        who = f" · {', '.join(m.person_names)}" if m.person_names else ""
        urge_text = f" · urge {m.urge}" if m.urge is not None else ""
        console.print(
            f"[bold]{local(m.occurred_at, zone):%Y-%m-%d %H:%M}[/bold]"
            f"{escape(who)}{urge_text}"
        )
        console.print(f"  {escape(m.situation)}")
    if page.total > len(page.items):
        console.print(
            f"[dim]{len(page.items)} of {page.total}; use --limit for more.[/dim]"
        )
