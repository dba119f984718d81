"""How every group of ``closer`` commands is made, so they all behave alike."""

from __future__ import annotations

from typing import Any, get_args, get_origin

import typer
from typer import _click as click
from typer.core import TyperArgument, TyperOption

# What a value is called in help, as people read it (not Python's type names).
_VALUE_NAMES = {int: "N", float: "NUMBER", str: "TEXT"}


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


def _value_name(option: TyperOption, ctx: click.Context) -> str:  # noqa: ARG001
    """``N``, ``TEXT``, ``PATH`` or ``a|b|c`` where Typer would show
    ``<int>``, ``<list[str]>`` or ``<Path>``; a repeatable option adds ``...``
    only where it takes more than one value at a time (as Click does)."""
    described = option.type_descriptor
    if described.is_choice:
        return "[" + "|".join(str(c) for c in described.choices or ()) + "]"
    annotation: Any = described.annotation
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation)
    if described.is_path:
        return "PATH"
    if described.is_datetime:
        return "DATE"
    return _VALUE_NAMES.get(annotation, "VALUE")


def _no_type_after_argument(argument: TyperArgument, ctx: click.Context) -> str:  # noqa: ARG001
    """An argument's name (``TEXT``, ``NAME``) already says what it takes."""
    return ""


TyperOption.display_type = _value_name  # type: ignore[method-assign, assignment]
TyperArgument.display_type = _no_type_after_argument  # type: ignore[method-assign, assignment]
