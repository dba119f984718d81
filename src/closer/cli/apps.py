"""How every group of ``closer`` commands is made, so they all behave alike."""

from __future__ import annotations

from typing import Any

import typer


def command_group(**options: Any) -> typer.Typer:
    """A Typer app with Closer's settings: Click's plain help and usage errors
    (Typer's Rich formatting would load Markdown and traceback rendering,
    about a seventh of a second, before ``--help`` could answer), no
    shell-completion options and no Rich tracebacks (``closer.cli.main.run``
    turns an unexpected error into one line)."""
    return typer.Typer(
        rich_markup_mode=None,
        add_completion=False,
        pretty_exceptions_enable=False,
        **options,
    )
