"""``closer message``: check a draft before you send it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape

from closer.adapters.message_content import message_checker
from closer.cli.context import database
from closer.cli.data import support_data
from closer.cli.model import model
from closer.cli.moments import print_support_for
from closer.cli.output import JsonFlag, console, print_json
from closer.services.messages import CheckedDraft, check_draft, findings_data


def _print(checked: CheckedDraft) -> None:
    check = checked.check
    if checked.assessment.needs_support:
        console.print(
            "[bold]What you wrote sounds heavy.[/bold] Before you send anything, "
            "the ways to reach someone now are below."
        )
    elif check.clear:
        console.print(
            "Nothing here reads as pushing away. If it sounds like you, send it."
        )
    for f in check.findings:
        shown = f"“{f.evidence}”" if f.by == "words" else f.evidence
        console.print(
            f"[bold]{escape(f.pattern.name)}[/bold]  [dim]{escape(shown)}[/dim]"
        )
        console.print(f"  {escape(f.pattern.why)}")
        console.print("  Warmer ways to say it:")
        for alternative in f.pattern.alternatives:
            console.print(f"  - {escape(alternative)}")
        console.print(
            f"  [dim]More: closer learn strategies/{f.pattern.strategy}[/dim]"
        )
    console.print(f"[dim]Checked by {check.engine}. Nothing was sent or kept.[/dim]")


def message_command(
    words: Annotated[
        list[str],
        typer.Argument(
            help="The message you are about to send, quoted or not; - reads stdin.",
            metavar="DRAFT",
        ),
    ],
    as_json: JsonFlag = False,
) -> None:
    """Check a message before you send it.

    It looks for ways a message might push someone away (a curt brush-off,
    cancelling without a new plan, sarcasm, blame, vanishing) and offers
    warmer drafts to start from. Nothing is sent or kept.
    """
    draft = " ".join(words)
    text = sys.stdin.read() if draft == "-" else draft
    with database() as db:
        checked = check_draft(db.unit_of_work(), message_checker(model()), text)
    if as_json:
        print_json(
            {
                "engine": checked.check.engine,
                "findings": findings_data(checked.check),
                "support": support_data(checked.assessment),
            }
        )
        return
    _print(checked)
    if checked.assessment.needs_support:
        print_support_for(checked.assessment)
