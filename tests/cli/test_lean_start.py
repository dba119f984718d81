"""``closer --version`` and ``closer --help`` start without loading any command."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer import _click as click
from typer.core import TyperGroup
from typer.testing import CliRunner

from closer.cli.main import COMMANDS, CloserGroup, app, load_command
from tests.support.imports import run_probe
from tests.support.server import closer_env

# Storage, the web app, the models, and Rich (Typer's Rich help alone would
# cost about a seventh of a second).
HEAVY = {"sqlalchemy", "alembic", "fastapi", "starlette", "jinja2", "psycopg",
         "pydantic_settings", "numpy", "rich", "markdown_it"}  # fmt: skip


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_summary_is_the_first_paragraph_of_its_commands_own_help(
    name: str,
) -> None:
    command = load_command(name)
    first_paragraph = inspect.cleandoc(command.help or "").split("\n\n")[0]
    assert COMMANDS[name].summary == first_paragraph


def test_every_command_is_listed_once_and_loads_under_its_own_name() -> None:
    closer = typer.main.get_command(app)
    assert isinstance(closer, CloserGroup)
    context = click.Context(closer)
    assert closer.list_commands(context) == list(COMMANDS)
    for name in COMMANDS:
        command = closer.get_command(context, name)
        assert command is not None
        assert command.name == name
        assert command is not closer.commands[name]  # the real one, not the stand-in


@pytest.mark.parametrize("args", [["--version"], ["--help"], []])
def test_version_and_help_load_no_storage_web_model_or_rich_code(
    tmp_path: Path, args: list[str]
) -> None:
    probe = (
        "import sys, io, contextlib\n"
        f"sys.argv = ['closer', *{args!r}]\n"
        "from closer.cli import run\n"
        "out = io.StringIO()\n"
        "try:\n"
        "    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):\n"
        "        run()\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'closer' in out.getvalue().lower(), out.getvalue()\n"
        f"heavy = set({sorted(HEAVY)!r})\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    output = run_probe(probe, closer_env(tmp_path))
    assert output.strip().splitlines()[-1] == "[]"


def test_a_mistyped_command_is_still_answered_with_a_suggestion(
    tmp_path: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "closer", "lgo"], env=closer_env(tmp_path),
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Did you mean 'log'?" in result.stderr


def _help_of(*args: str) -> str:
    invoked = CliRunner().invoke(
        app, [*args, "--help"], prog_name="closer", terminal_width=80
    )
    return invoked.stdout


def test_the_command_list_fits_an_80_column_terminal_one_line_each() -> None:
    listing = _help_of().split("Commands:\n", 1)[1]
    lines = [line for line in listing.splitlines() if line.strip()]
    assert len(lines) == len(COMMANDS)  # no summary wraps onto a second line
    assert all(len(line) <= 80 for line in lines)


def _every_command() -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name in COMMANDS:
        found.append((name,))
        command = load_command(name)
        if isinstance(command, TyperGroup):
            found += [(name, sub) for sub in command.commands]
    return found


@pytest.mark.parametrize("words", _every_command(), ids=" ".join)
def test_help_names_values_in_words_not_python_types(words: tuple[str, ...]) -> None:
    text = _help_of(*words)
    assert "Usage: closer" in text
    assert not re.search(r"<(?:int|str|float|bool|Path|list\[)", text), text
    assert not re.search(r"\w\.\.\.$", text, re.M), text  # no cut-off summary
