"""Pydantic fields for a record's details (``closer.domain.details``): the
Closer JSON export's documents and the API's models take their plain fields
from here, so a new detail appears in both without being written out.

Each style is what one model needs: ``FILE`` for the export (bounds and help
in its schema), ``NEW`` and ``CHANGE`` for what the API takes (all optional
when changing; the domain checks bounds and rules, with its own messages),
``SHOWN`` for what it answers (every field, always there).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, Field

from closer.domain.details import DetailField, details_of, plain

API_TEXT_LIMIT = 20_000  # the API refuses longer text before the domain reads it


class Style(Enum):
    FILE = "file"
    NEW = "new"
    CHANGE = "change"
    SHOWN = "shown"


def detail_fields(kind: type, style: Style) -> dict[str, Any]:
    """``create_model`` field definitions for the details of ``kind``."""
    return {d.name: (_annotation(d, style), _field(d, style)) for d in details_of(kind)}


def changes_of(
    model: BaseModel, kind: type, *, kept: tuple[str, ...] = ()
) -> dict[str, Any]:
    """What a change (PATCH) sets: the fields sent, where null empties a
    list, clears an optional field, and leaves unchanged one that cannot be
    empty (the details that are not optional, and ``kept``)."""
    changes: dict[str, Any] = model.model_dump(exclude_unset=True)
    for detail in details_of(kind):
        if detail.name in changes and changes[detail.name] is None:
            if detail.is_list:
                changes[detail.name] = ()
            elif not detail.optional:
                del changes[detail.name]
    for name in kept:
        if name in changes and changes[name] is None:
            del changes[name]
    return changes


def detail_values(model: BaseModel, kind: type) -> dict[str, Any]:
    """The details of ``kind`` held in ``model``, by name (for the domain,
    which coerces and checks them)."""
    return {d.name: getattr(model, d.name) for d in details_of(kind)}


def _annotation(field: DetailField, style: Style) -> Any:
    kind = list[str] if field.is_list else field.type
    if field.is_choice and style in (Style.NEW, Style.CHANGE):
        kind = str  # read by the domain (any case), which names the choices
    if field.optional or style is Style.CHANGE:
        return kind | None
    return kind


def _field(field: DetailField, style: Style) -> Any:
    if style is Style.SHOWN:
        return ...
    if style is Style.FILE:
        return _file_field(field)
    limit = API_TEXT_LIMIT if field.about.free_text else None
    words = _described(field)
    if style is Style.CHANGE:
        return Field(default=None, max_length=limit, description=words)
    if field.required:
        return Field(max_length=limit, description=words)
    return Field(default=plain(field.default), max_length=limit, description=words)


def _file_field(field: DetailField) -> Any:
    about = field.about
    if field.required:
        return Field(description=about.help or None)
    low, high = about.scale or (None, None)
    help_ = about.help or None
    if field.is_list:
        return Field(default_factory=list, description=help_)
    return Field(default=field.default, ge=low, le=high, description=help_)


def _described(field: DetailField) -> str | None:
    """What the API says of a field it takes: its help, and a choice's words."""
    parts = [field.about.help] if field.about.help else []
    if field.is_choice:
        parts.append("One of " + ", ".join(str(c.value) for c in field.type))
    return "; ".join(parts) or None
