"""The ``closer`` command: every command is listed in docs/cli.md."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from closer import __version__
from closer.cli import (
    db,
    ladder,
    people,
    reflect,
    safety,
    settings,
    thought,
    timeout,
)
from closer.cli.ask import ask_command
from closer.cli.backup import backup_command, restore_command
from closer.cli.check import check_command
from closer.cli.contact import contact_command
from closer.cli.drifting import drifting_command
from closer.cli.export import export_command, import_command
from closer.cli.help import help_command
from closer.cli.insights import insights_command, report_command
from closer.cli.learn import learn_command
from closer.cli.message import message_command
from closer.cli.model import use_safety_model
from closer.cli.moments import log_command, moments_command
from closer.cli.output import print_error
from closer.cli.serve import serve_command
from closer.cli.store import (
    delete_everything_command,
    init_command,
    lock_command,
    passphrase_command,
    unlock_command,
)
from closer.domain.errors import CloserError


class CloserGroup(TyperGroup):
    """Turns any ``CloserError`` into ``Error: …`` in red and exit code 1."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CloserError as exc:
            print_error(exc.message)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=CloserGroup,
    help="Closer: notice the urge to push people away, and practise staying close.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(db.app, name="db")
app.add_typer(settings.app, name="settings")
app.add_typer(safety.app, name="safety")
app.add_typer(people.app, name="person")
app.add_typer(ladder.app, name="step")
app.add_typer(reflect.app, name="reflect")
app.add_typer(thought.app, name="thought")
app.add_typer(timeout.app, name="timeout")
app.command("log")(log_command)
app.command("contact")(contact_command)
app.command("check")(check_command)
app.command("insights")(insights_command)
app.command("ask")(ask_command)
app.command("message")(message_command)
app.command("report")(report_command)
app.command("drifting")(drifting_command)
app.command("moments")(moments_command)
app.command("serve")(serve_command)
app.command("help")(help_command)
app.command("learn")(learn_command)
app.command("init")(init_command)
app.command("unlock")(unlock_command)
app.command("lock")(lock_command)
app.command("passphrase")(passphrase_command)
app.command("export")(export_command)
app.command("import")(import_command)
app.command("backup")(backup_command)
app.command("restore")(restore_command)
app.command("delete-everything")(delete_everything_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"closer {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[  # noqa: ARG001 - read by its callback
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Closer: notice the urge to push people away, and practise staying close."""
    use_safety_model()  # loaded only if a command reads text


def run() -> None:
    """Entry point of the ``closer`` console script.

    Errors Closer knows about are handled in ``CloserGroup``; anything else ends
    here, as one line instead of a traceback (``CLOSER_DEBUG=1`` shows it).
    """
    try:
        app()
    except Exception as exc:
        if os.environ.get("CLOSER_DEBUG"):
            raise
        print_error(
            f"Something went wrong on our side ({exc.__class__.__name__}). "
            "What you saved before this is safe. Run again with CLOSER_DEBUG=1 "
            "to see the details."
        )
        sys.exit(1)
