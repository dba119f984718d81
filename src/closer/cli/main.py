"""The ``closer`` command: every command is listed in docs/cli.md."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from importlib import import_module
from typing import Annotated, Any

import typer
from typer import _click as click  # Typer's own copy of Click (0.2x vendors it)
from typer.core import TyperCommand, TyperGroup

from closer import __version__
from closer.cli.apps import command_group
from closer.domain.errors import CloserError


@dataclass(frozen=True, slots=True)
class Entry:
    """Where a command lives, and the line ``closer --help`` shows for it.

    Commands are imported only when run, so that ``closer --version`` and
    ``closer --help`` start in a few hundredths of a second instead of
    loading SQLAlchemy, the web app and every command. ``summary`` is the
    first paragraph of the command's own help (a test holds them equal).
    """

    module: str
    attribute: str
    summary: str


def _entry(module: str, attribute: str, summary: str) -> Entry:
    return Entry(f"closer.cli.{module}", attribute, summary)


# In the order ``closer --help`` lists them.
COMMANDS: dict[str, Entry] = {
    "log": _entry("moments", "log_command",
        "Log a moment in seconds. Only the text is needed."),
    "contact": _entry("contact", "contact_command",
        "Note a contact: you reached out, they did, or you met."),
    "check": _entry("check", "check_command",
        "Take a self-check, one question at a time."),
    "insights": _entry("insights", "insights_command",
        "Patterns in your records (the last 90 days by default)."),
    "ask": _entry("ask", "ask_command",
        "Ask a question; answers from Closer and your moments."),
    "message": _entry("message", "message_command",
        "Check a message before you send it."),
    "report": _entry("insights", "report_command",
        "A report to share with a counsellor."),
    "drifting": _entry("drifting", "drifting_command",
        "People past the contact rhythm you chose."),
    "moments": _entry("moments", "moments_command",
        "List moments, newest first; filter or search."),
    "serve": _entry("serve", "serve_command",
        "Start the web app and print its address."),
    "help": _entry("help", "help_command",
        "Your safety plan and crisis lines near you."),
    "learn": _entry("learn", "learn_command",
        "Why people push others away, and what helps."),
    "init": _entry("store", "init_command",
        "Set Closer up here: choose a passphrase."),
    "unlock": _entry("store", "unlock_command",
        "Unlock your records for a while, so commands stop asking."),
    "lock": _entry("store", "lock_command",
        "Lock your records now."),
    "passphrase": _entry("store", "passphrase_command",
        "Change the passphrase."),
    "export": _entry("export", "export_command",
        "Export your records: Closer JSON, Markdown or CSV."),
    "import": _entry("export", "import_command",
        "Import a Closer, jrnl or Daylio export, or a vCard file."),
    "backup": _entry("backup", "backup_command",
        "Make a consistent backup, even while the app runs."),
    "restore": _entry("backup", "restore_command",
        "Check a backup, then put it in place of the store."),
    "delete-everything": _entry("store", "delete_everything_command",
        "Erase every record, the key and the backups."),
    "db": _entry("db", "app",
        "Look after the database."),
    "settings": _entry("settings", "app",
        "Show or change your preferences."),
    "safety": _entry("safety", "app",
        "Safety: check text, and your personal safety plan."),
    "person": _entry("people", "app",
        "Add, list and show the people who matter."),
    "step": _entry("ladder", "app",
        "Small steps toward people: plan, do, see what is next."),
    "reflect": _entry("reflect", "app",
        "Guided reflections: go through one, or reread them."),
    "thought": _entry("thought", "app",
        "Thought records: weigh a thought that pushes you away."),
    "timeout": _entry("timeout", "app",
        "Time-outs: step back on purpose, with a day to come back."),
}  # fmt: skip


def load_command(name: str) -> click.Command:
    """The click command behind ``closer NAME``, imported now."""
    entry = COMMANDS[name]
    target = getattr(import_module(entry.module), entry.attribute)
    if isinstance(target, typer.Typer):
        group = typer.main.get_group(target)
        group.name = name
        return group
    single = command_group()
    single.command(name)(target)
    return typer.main.get_command(single)


class CloserGroup(TyperGroup):
    """Loads each command when it runs, and turns any ``CloserError`` into
    ``Error: …`` in red and exit code 1."""

    _listing = False  # while writing --help: the summaries, nothing imported

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        # Stand-ins that carry each command's summary: what --help lists and
        # what "Did you mean …?" draws on, without importing any command.
        self.commands = {
            name: TyperCommand(
                name=name,
                help=entry.summary,
                short_help=" ".join(entry.summary.split()),  # listed whole
                rich_markup_mode=None,
            )
            for name, entry in COMMANDS.items()
        }

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:  # noqa: ARG002
        if cmd_name not in COMMANDS:
            return None
        if self._listing:
            return self.commands[cmd_name]
        return load_command(cmd_name)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CloserError as exc:
            from closer.cli.output import print_error  # noqa: PLC0415

            print_error(exc.message)
            raise typer.Exit(1) from None


app = command_group(
    cls=CloserGroup,
    help="Closer: notice the urge to push people away, and practise staying close.",
    no_args_is_help=True,
)


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
    from closer.cli.model import use_safety_model  # noqa: PLC0415 - not for --help

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
        from closer.cli.output import print_error  # noqa: PLC0415

        print_error(
            f"Something went wrong on our side ({exc.__class__.__name__}). "
            "What you saved before this is safe. Run again with CLOSER_DEBUG=1 "
            "to see the details."
        )
        sys.exit(1)
