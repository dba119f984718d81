"""The ``closer`` command: every command is listed in docs/cli.md."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from closer import __version__
from closer.cli import db, settings
from closer.cli.help import help_command
from closer.cli.output import print_error
from closer.cli.serve import serve_command
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
app.command("serve")(serve_command)
app.command("help")(help_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"closer {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Closer: notice the urge to push people away, and practise staying close."""


def run() -> None:
    """Entry point of the ``closer`` console script."""
    app()
