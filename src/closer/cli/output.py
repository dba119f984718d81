"""Printing for the CLI: Rich for people, plain JSON on stdout for scripts."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False, soft_wrap=True)

JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")
]


def print_json(data: Any) -> None:
    """Write ``data`` as one JSON document on stdout."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def print_error(message: str) -> None:
    """``Error: …`` in red on stderr."""
    errors.print(f"[bold red]Error:[/bold red] {escape(message)}")
