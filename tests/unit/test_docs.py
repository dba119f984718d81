"""Documentation stays true: settings, commands and set-up are all written down."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main
from typer import _click as click

from closer.cli.main import app
from closer.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def _command_paths(command: Any, prefix: str = "closer") -> list[str]:
    """Every command and subcommand, loaded as running it would load it."""
    if not hasattr(command, "list_commands"):
        return []
    context = click.Context(command)
    paths = []
    for name in sorted(command.list_commands(context)):
        path = f"{prefix} {name}"
        paths.append(path)
        paths += _command_paths(command.get_command(context, name), path)
    return paths


def test_every_setting_is_documented() -> None:
    text = (ROOT / "docs" / "configuration.md").read_text()
    fields = list(Settings.model_fields)
    assert "database_url" in fields
    missing = [f for f in fields if f"`CLOSER_{f.upper()}`" not in text]
    assert missing == []


def test_every_cli_command_is_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text()
    paths = _command_paths(typer.main.get_command(app))
    assert "closer db upgrade" in paths
    missing = [p for p in paths if f"`{p}" not in text]
    assert missing == []


def test_the_readme_gives_the_two_set_up_commands() -> None:
    text = (ROOT / "README.md").read_text()
    assert "make run" in text
    assert "make test" in text


def test_ci_runs_the_same_test_command_as_the_readme() -> None:
    script = (ROOT / ".ci" / "run").read_text()
    assert "make test" in script
    assert "make check" in script
