"""``closer contact``: note that you were in touch, in one line."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from closer.cli.context import database
from closer.cli.moments import print_support_for
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.contacts import Contact
from closer.domain.details import plain_values
from closer.services.contacts import list_contacts, log_contact
from closer.services.people import resolve_names


def contact_data(contact: Contact) -> dict[str, Any]:
    """A contact as JSON."""
    return {
        "id": contact.id,
        "person": contact.person_name,
        "at": contact.at.isoformat(),
        **plain_values(contact),
    }


def contact_command(
    name: Annotated[
        str | None, typer.Argument(help="Who (leave out to list recent contacts).")
    ] = None,
    how: Annotated[str, typer.Option(help="text, call, meet or other.")] = "text",
    them: Annotated[bool, typer.Option("--them", help="You heard from them.")] = False,
    note: Annotated[str, typer.Option(help="A few words, if you like.")] = "",
    new_person: Annotated[
        bool, typer.Option("--new-person", help="Add NAME if not known yet.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Note a contact: you reached out, they did, or you met.

    You reached out to NAME; --them when they got in touch; --how meet when
    you saw each other.
    """
    with database() as db:
        if name is None:
            contacts = list_contacts(db.unit_of_work())
            if as_json:
                print_json([contact_data(c) for c in contacts])
                return
            if not contacts:
                console.print("Nothing noted yet. `closer contact NAME` notes one.")
            for c in contacts[:20]:
                console.print(f"{c.at:%d %b %Y}: {escape(c.sentence)} ({c.how.value})")
            return
        (person_id,) = resolve_names(
            db.unit_of_work(), [name], create_missing=new_person
        )
        saved = log_contact(db.unit_of_work(), person_id, how=how, them=them, note=note)
    if as_json:
        print_json(
            {
                "contact": contact_data(saved.contact),
                "support": saved.assessment.needs_support,
            }
        )
    else:
        console.print(f"Noted: {escape(saved.contact.sentence)}.")
    if saved.assessment.needs_support and not as_json:
        print_support_for(saved.assessment)
