"""``closer thought``: thought records from the command line."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from closer.adapters.content import bundled_library
from closer.cli.apps import command_group
from closer.cli.context import database
from closer.cli.moments import print_support_for
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.moments import Felt, parse_felt
from closer.domain.thoughts import TRAPS, ThoughtRecord
from closer.services.thoughts import (
    ThoughtFields,
    get_thought,
    list_thoughts,
    write_thought,
)

app = command_group(
    help="Thought records: weigh a thought that pushes you away.",
    invoke_without_command=True,
)


def _felt(items: tuple[Felt, ...]) -> list[dict[str, Any]]:
    return [{"emotion": f.emotion, "intensity": f.intensity} for f in items]


def record_data(record: ThoughtRecord) -> dict[str, Any]:
    """A thought record as JSON."""
    return {
        "id": record.id,
        "written_at": record.written_at.isoformat(),
        "situation": record.situation,
        "automatic_thought": record.automatic_thought,
        "belief_before": record.belief_before,
        "emotions": _felt(record.emotions),
        "traps": list(record.traps),
        "evidence_for": record.evidence_for,
        "evidence_against": record.evidence_against,
        "balanced_thought": record.balanced_thought,
        "belief_after": record.belief_after,
        "emotions_after": _felt(record.emotions_after),
        "moment_id": record.moment_id,
        "shift": record.shift,
    }


@app.callback()
def list_records(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Your thought records, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    with database() as db:
        records = list_thoughts(db.unit_of_work())
    if as_json:
        print_json([record_data(r) for r in records])
        return
    if not records:
        console.print("None yet. Start one with `closer thought add`.")
    for r in records:
        after = f", then {r.belief_after}" if r.belief_after is not None else ""
        console.print(
            f"{r.id}. {escape(r.automatic_thought)} ({r.belief_before}{after}/100)"
        )


FeltOption = Annotated[
    list[str] | None,
    typer.Option("--felt", help="A feeling, such as scared or scared:7 (repeat)."),
]


@app.command("add")
def add_command(
    situation: Annotated[str, typer.Option(help="What was happening.")],
    thought: Annotated[str, typer.Option(help="What went through your mind.")],
    belief: Annotated[int, typer.Option(help="How much you believe it, 0-100.")],
    felt: FeltOption = None,
    trap: Annotated[
        list[str] | None,
        typer.Option(help="A thinking trap (see `closer thought traps`)."),
    ] = None,
    evidence_for: Annotated[str, typer.Option("--for", help="What supports it.")] = "",
    evidence_against: Annotated[
        str, typer.Option("--against", help="What does not fit.")
    ] = "",
    balanced: Annotated[str, typer.Option(help="A fairer thought.")] = "",
    belief_after: Annotated[
        int | None, typer.Option(help="How much you believe the first thought now.")
    ] = None,
    felt_after: Annotated[
        list[str] | None, typer.Option(help="A feeling afterwards (repeat).")
    ] = None,
    moment: Annotated[int | None, typer.Option(help="A moment it belongs to.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Write a thought record.

    The situation, the thought and how much you believe it are enough to
    start.
    """
    fields = ThoughtFields(
        situation=situation,
        automatic_thought=thought,
        belief_before=belief,
        emotions=[parse_felt(f) for f in felt or []],
        traps=trap or [],
        evidence_for=evidence_for,
        evidence_against=evidence_against,
        balanced_thought=balanced,
        belief_after=belief_after,
        emotions_after=[parse_felt(f) for f in felt_after or []],
        moment_id=moment,
    )
    with database() as db:
        saved = write_thought(db.unit_of_work(), bundled_library(), fields)
    if as_json:
        print_json(
            {
                "record": record_data(saved.record),
                "support": saved.assessment.needs_support,
            }
        )
    else:
        console.print(f"Saved thought record {saved.record.id}.")
    if saved.assessment.needs_support and not as_json:
        print_support_for(saved.assessment)


@app.command("show")
def show_command(
    record_id: Annotated[int, typer.Argument(help="Its number.")],
    as_json: JsonFlag = False,
) -> None:
    """Reread a thought record."""
    with database() as db:
        record = get_thought(db.unit_of_work(), record_id)
    if as_json:
        print_json(record_data(record))
        return
    rows = [("Situation", record.situation), ("Thought", record.automatic_thought),
            ("Believed", f"{record.belief_before}/100"),
            ("Traps", ", ".join(TRAPS[t][0] for t in record.traps)),
            ("For", record.evidence_for), ("Against", record.evidence_against),
            ("Balanced thought", record.balanced_thought),
            ("Believed after", _rating(record.belief_after))]  # fmt: skip
    for label, value in rows:
        if value:
            console.print(f"[bold]{label}:[/bold] {escape(value)}")


def _rating(value: int | None) -> str:
    return "" if value is None else f"{value}/100"


@app.command("traps")
def traps_command(as_json: JsonFlag = False) -> None:
    """The thinking traps a record can name."""
    if as_json:
        print_json(
            [{"slug": s, "name": n, "description": d} for s, (n, d) in TRAPS.items()]
        )
        return
    for slug, (name, description) in TRAPS.items():
        console.print(f"[bold]{name}[/bold] ({slug}): {escape(description)}")
