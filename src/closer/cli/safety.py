"""``closer safety``: scan text, and keep the personal safety plan."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape

from closer.adapters.crisis_lines import bundled_directory
from closer.cli.apps import command_group
from closer.cli.context import database
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.safety.plan import GUIDES, PlanSection, SafetyPlan
from closer.services.safety import (
    PlanSaved,
    SupportPanel,
    add_plan_item,
    assess_texts,
    get_plan,
    remove_plan_item,
    support_panel,
)

app = command_group(
    help="Safety: check text, and your personal safety plan.", no_args_is_help=True
)
plan_app = command_group(help="Show or change your personal safety plan.")
app.add_typer(plan_app, name="plan")


@app.command("scan")
def scan_command() -> None:
    """Check each line of stdin; print one JSON object a line.

    The same check as the web's and the API's: rules, and the model when on.
    """
    for line in sys.stdin:
        result = assess_texts([line.rstrip("\n")])
        typer.echo(
            json.dumps(
                {
                    "level": result.level.value,
                    "about": result.about.value if result.about else None,
                    "reasons": result.descriptions(),
                },
                ensure_ascii=False,
            )
        )


def plan_data(plan: SafetyPlan) -> dict[str, object]:
    """The plan as JSON-ready data."""
    return {
        "has_content": plan.has_content,
        "sections": [
            {"slug": s.value, "title": GUIDES[s].title, "items": list(plan.items(s))}
            for s in PlanSection
        ],
    }


def print_plan(plan: SafetyPlan) -> None:
    """The plan, section by section, numbered so items can be removed."""
    if not plan.has_content:
        console.print(
            "Your safety plan is empty. Add to it with "
            "`closer safety plan add SECTION TEXT` (sections: "
            + ", ".join(s.value for s in PlanSection)
            + ")."
        )
        return
    for number, section in enumerate(PlanSection, start=1):
        console.print(
            f"\n[bold]{number}. {escape(GUIDES[section].title)}[/bold]"
            f" ({section.value})"
        )
        items = plan.items(section)
        if not items:
            console.print("   (nothing yet)")
        for index, item in enumerate(items, start=1):
            console.print(f"   {index}. {escape(item)}")


def print_support(panel: SupportPanel) -> None:
    """The support panel, in the terminal."""
    console.rule("[bold]Support[/bold]")
    if panel.for_someone_else:
        console.print(
            "It sounds like someone you care about may be in danger. If they might act "
            f"on it now, call {escape(panel.help.emergency)}. "
            "Stay with them if you can, "
            "ask them directly, listen, and help them reach a line below."
        )
    elif panel.urgent:
        console.print(
            "[bold]You matter, and help is here right now.[/bold] If you might act on "
            f"these thoughts, call {escape(panel.help.emergency)} now."
        )
    else:
        console.print(
            "It sounds like things are really hard right now. You do not have to carry "
            "this alone."
        )
    console.print(
        "What you wrote has been saved."
        if panel.kept
        else "What you wrote was not sent or kept anywhere."
    )
    if panel.plan.has_content and not panel.for_someone_else:
        console.print("Your safety plan: `closer safety plan`")
    for person in panel.people:
        console.print(f"  - {escape(person.text)}")
    for line in panel.help.lines[:2]:
        way = line.phone or line.text or line.url or ""
        console.print(f"  - {escape(line.name)}: {escape(way)} ({escape(line.hours)})")
    console.print(f"  - Emergency: {escape(panel.help.emergency)}")
    console.print(
        "Closer is not therapy and not an emergency service. `closer help` lists more."
    )
    console.rule()


def _report(saved: PlanSaved, as_json: bool) -> None:
    with database() as db:
        panel = (
            support_panel(db.unit_of_work(), bundled_directory(), saved.assessment)
            if saved.assessment.needs_support
            else None
        )
    if as_json:
        data = plan_data(saved.plan)
        data["support"] = (
            None
            if panel is None
            else {
                "level": panel.level.value,
                "about": panel.about.value,
                "reasons": list(panel.reasons),
                "emergency": panel.help.emergency,
            }
        )
        print_json(data)
        return
    print_plan(saved.plan)
    if panel is not None:
        print_support(panel)


@plan_app.callback(invoke_without_command=True)
def plan_command(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show your safety plan (or add and remove items with the sub-commands)."""
    if ctx.invoked_subcommand is not None:
        return
    with database() as db:
        plan = get_plan(db.unit_of_work())
    if as_json:
        print_json(plan_data(plan))
    else:
        print_plan(plan)


@plan_app.command("add")
def add_command(
    section: Annotated[
        str, typer.Argument(help="Section slug, e.g. coping or people.")
    ],
    text: Annotated[str, typer.Argument(help="The item to add.")],
    as_json: JsonFlag = False,
) -> None:
    """Add an item to the end of a section."""
    with database() as db:
        saved = add_plan_item(db.unit_of_work(), section, text)
    _report(saved, as_json)


@plan_app.command("remove")
def remove_command(
    section: Annotated[str, typer.Argument(help="Section slug.")],
    number: Annotated[
        int, typer.Argument(help="Item number, as shown by `closer safety plan`.")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Remove one item from a section."""
    with database() as db:
        saved = remove_plan_item(db.unit_of_work(), section, number)
    _report(saved, as_json)
