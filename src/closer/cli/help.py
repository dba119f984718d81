"""``closer help``: crisis lines, right in the terminal."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape

from closer.adapters.crisis_lines import bundled_directory
from closer.cli.context import database
from closer.cli.output import JsonFlag, console, print_json
from closer.cli.safety import plan_data, print_plan
from closer.domain.crisis_lines import CountryHelp
from closer.domain.safety.plan import SafetyPlan
from closer.services.help import HelpView, help_now
from closer.services.safety import get_plan

NOT_THERAPY = (
    "Closer is not therapy and not an emergency service. "
    "If you are in danger now, call {emergency}."
)


def _print_country(help: CountryHelp) -> None:
    for line in help.lines:
        console.print(f"\n[bold]{escape(line.name)}[/bold]  {escape(line.description)}")
        if line.phone:
            console.print(f"  Call: {escape(line.phone)}")
        if line.text:
            console.print(f"  Text: {escape(line.text)}")
        if line.url:
            console.print(f"  Online: {escape(line.url)}")
        console.print(f"  {escape(line.hours)}")


def _as_data(view: HelpView, plan: SafetyPlan) -> dict[str, object]:
    return {
        "plan": plan_data(plan),
        "country": asdict(view.help),
        "international": asdict(view.international),
        "is_fallback": view.is_fallback,
        "notice": NOT_THERAPY.format(emergency=view.help.emergency),
    }


def help_command(
    country: Annotated[
        str | None, typer.Option(help="Two-letter country code (default: yours).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Your safety plan and crisis lines near you.

    Crisis lines for your country (from settings, or --country) and ones
    that help anywhere.
    """
    with database() as db:
        view = help_now(db.unit_of_work(), bundled_directory(), country=country)
        plan = get_plan(db.unit_of_work())
    if as_json:
        print_json(_as_data(view, plan))
        return
    console.print(
        f"[bold]{escape(NOT_THERAPY.format(emergency=view.help.emergency))}[/bold]"
    )
    if plan.has_content:
        console.print("\n[bold]Your safety plan[/bold]")
        print_plan(plan)
    console.print(f"\nCrisis lines: {escape(view.help.name)}")
    _print_country(view.help)
    if not view.is_fallback:
        console.print("\nElsewhere in the world")
        _print_country(view.international)
