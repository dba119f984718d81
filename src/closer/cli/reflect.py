"""``closer reflect``: go through a guided reflection, reread past ones."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.prompt import Prompt

from closer.adapters.content import bundled_library
from closer.cli.apps import command_group
from closer.cli.context import database
from closer.cli.moments import print_support_for
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.content import Reflection
from closer.domain.reflection_entries import ReflectionEntry
from closer.services.people import resolve_names
from closer.services.reflections import (
    get_reflection_entry,
    list_reflection_entries,
    reflection_named,
    write_reflection,
)

app = command_group(
    help="Guided reflections: go through one, or reread them.\n\n"
    "Go through one, list them and reread what you wrote.",
    invoke_without_command=True,
)


def entry_data(entry: ReflectionEntry) -> dict[str, Any]:
    """A reflection gone through, as JSON."""
    return {
        "id": entry.id,
        "reflection": entry.reflection,
        "answers": list(entry.answers),
        "written_at": entry.written_at.isoformat(),
        "moment_id": entry.moment_id,
        "person": entry.person_name,
    }


@app.callback()
def available(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """The reflections you can go through."""
    if ctx.invoked_subcommand is not None:
        return
    reflections = list(bundled_library().reflections.values())
    if as_json:
        print_json(
            [
                {
                    "slug": r.slug,
                    "name": r.name,
                    "intro": r.intro,
                    "questions": [p.text for p in r.prompts],
                }
                for r in reflections
            ]
        )
        return
    for r in reflections:
        console.print(
            f"[bold]{escape(r.name)}[/bold]  [dim]closer reflect do {r.slug}[/dim]"
        )
        console.print(f"  {escape(r.intro)}")


def _ask(reflection: Reflection) -> list[str]:
    console.print(f"[bold]{escape(reflection.name)}[/bold]\n{escape(reflection.intro)}")
    console.print("[dim]Press Enter to leave a question for another time.[/dim]")
    answers = []
    for number, prompt in enumerate(reflection.prompts, start=1):
        hint = f" ({' / '.join(prompt.choices)})" if prompt.choices else ""
        answers.append(
            Prompt.ask(f"{number}. {escape(prompt.text)}{escape(hint)}", default="")
        )
    return answers


@app.command("do")
def do_command(
    slug: Annotated[
        str, typer.Argument(help="Which reflection (see `closer reflect`).")
    ],
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer", "-a", help="An answer, in order (repeat); asks if none."
        ),
    ] = None,
    moment: Annotated[int | None, typer.Option(help="A moment it is about.")] = None,
    person: Annotated[
        str | None, typer.Option("--person", "-p", help="Who it is about.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Go through a reflection, one question at a time.

    With --answer, give every answer at once.
    """
    reflection = reflection_named(bundled_library(), slug)
    if answer is None and not sys.stdin.isatty():
        answer = []  # nothing to ask with: the domain says what is missing
    answers = answer if answer is not None else _ask(reflection)
    with database() as db:
        person_id = resolve_names(db.unit_of_work(), [person])[0] if person else None
        written = write_reflection(
            db.unit_of_work(),
            bundled_library(),
            slug,
            answers,
            moment_id=moment,
            person_id=person_id,
        )
    if as_json:
        print_json(
            {
                "entry": entry_data(written.entry),
                "support": written.assessment.needs_support,
            }
        )
    else:
        console.print(f"Saved. Reread it with: closer reflect show {written.entry.id}")
    if written.assessment.needs_support and not as_json:
        print_support_for(written.assessment)


@app.command("list")
def list_command(as_json: JsonFlag = False) -> None:
    """The reflections you went through, newest first."""
    with database() as db:
        entries = list_reflection_entries(db.unit_of_work())
    if as_json:
        print_json([entry_data(e) for e in entries])
        return
    library = bundled_library()
    if not entries:
        console.print("Nothing yet. Start one with `closer reflect do SLUG`.")
    for e in entries:
        name = (
            library.reflections[e.reflection].name
            if e.reflection in library.reflections
            else e.reflection
        )
        console.print(f"{e.id}. {escape(name)}, {e.written_at:%d %b %Y}")


@app.command("show")
def show_command(
    entry_id: Annotated[
        int, typer.Argument(help="Its number (see `closer reflect list`).")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Reread a reflection: each question with your answer."""
    with database() as db:
        entry = get_reflection_entry(db.unit_of_work(), entry_id)
    if as_json:
        print_json(entry_data(entry))
        return
    reflection = bundled_library().reflections.get(entry.reflection)
    questions = [p.text for p in reflection.prompts] if reflection else []
    for number, given in enumerate(entry.answers, start=1):
        question = (
            questions[number - 1] if number <= len(questions) else f"Question {number}"
        )
        console.print(f"[bold]{escape(question)}[/bold]")
        console.print(escape(given) if given else "[dim]Left for another time.[/dim]")
