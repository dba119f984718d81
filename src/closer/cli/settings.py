"""``closer settings``: the person's preferences."""

from __future__ import annotations

from typing import Annotated

import typer

from closer.adapters.crisis_lines import bundled_directory
from closer.adapters.machine_zone import machine_zone_name
from closer.cli.apps import command_group
from closer.cli.context import database
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.preferences import Preferences
from closer.services.preferences import get_preferences, update_preferences

app = command_group(help="Show or change your preferences.", no_args_is_help=True)


def _show(preferences: Preferences, as_json: bool) -> None:
    data = {
        "country": preferences.country,
        "theme": preferences.theme.value,
        "time_zone": preferences.time_zone,
    }
    if as_json:
        print_json(data)
        return
    machine = machine_zone_name() or "its local time"
    zone = preferences.time_zone or f"not chosen (this machine's: {machine})"
    console.print(f"Country:   {preferences.country or 'not chosen'}")
    console.print(f"Theme:     {preferences.theme.value}")
    console.print(f"Time zone: {zone}")


@app.command("show")
def show_command(as_json: JsonFlag = False) -> None:
    """Show your preferences."""
    with database() as db:
        _show(get_preferences(db.unit_of_work()), as_json)


@app.command("set")
def set_command(
    country: Annotated[
        str | None,
        typer.Option(help="Two-letter country code for crisis lines; '' to clear."),
    ] = None,
    theme: Annotated[str | None, typer.Option(help="system, light or dark.")] = None,
    time_zone: Annotated[
        str | None,
        typer.Option(
            "--time-zone",
            help="Such as Europe/Paris; '' to follow this machine and the browser.",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Change your country, theme or time zone."""
    with database() as db:
        updated = update_preferences(
            db.unit_of_work(),
            bundled_directory(),
            country=country,
            theme=theme,
            time_zone=time_zone,
        )
    _show(updated, as_json)
