"""``closer ask``: a question answered with Closer's pages and your moments."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from closer.adapters.content import bundled_library
from closer.cli.context import database
from closer.cli.data import support_data
from closer.cli.model import model
from closer.cli.moments import print_support_for
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.meaning import LearnIndex
from closer.services.meaning import ask


def _index() -> LearnIndex | None:
    embedder = model()
    return LearnIndex(embedder) if embedder is not None else None


def ask_command(
    words: Annotated[
        list[str],
        typer.Argument(
            help="Your question, in your own words, quoted or not.", metavar="QUESTION"
        ),
    ],
    as_json: JsonFlag = False,
) -> None:
    """Ask a question; answers from Closer and your moments.

    FAQ entries, causes and strategies that answer it (with why each
    matched), and your moments closest to it. Uses the on-device model when
    the ml extra is installed; keywords otherwise.
    """
    question = " ".join(words)
    library = bundled_library()
    with database() as db:
        asked = ask(db.unit_of_work(), library, _index(), question)
    if as_json:
        print_json(
            {
                "engine": asked.engine,
                "answers": [
                    {
                        "kind": a.entry.kind.value,
                        "slug": a.entry.slug,
                        "title": a.entry.title,
                        "why": a.why,
                        "score": round(a.score, 3),
                    }
                    for a in asked.answers
                ],
                "moments": [
                    {
                        "id": m.id,
                        "occurred_at": m.occurred_at.isoformat(),
                        "situation": m.situation,
                        "score": round(s, 3),
                    }
                    for m, s in asked.moments
                ],
                "support": support_data(asked.assessment),
            }
        )
        return
    if asked.assessment.needs_support:  # help comes first, before any answer
        print_support_for(asked.assessment)
        console.print("\n[dim]What else Closer found for your words:[/dim]")
    for a in asked.answers:
        where = f"closer learn {a.entry.kind.value}/{a.entry.slug}"
        console.print(f"[bold]{escape(a.entry.title)}[/bold]  [dim]{where}[/dim]")
        console.print(f"  because: “{escape(a.why)}”")
    if not asked.answers:
        console.print("Nothing in Learn matched. Try other words.")
    for m, _ in asked.moments:
        console.print(
            f"Your moment {m.id} ({m.occurred_at:%Y-%m-%d}): {escape(m.situation)}"
        )
    console.print(f"[dim]Found by {asked.engine}.[/dim]")
