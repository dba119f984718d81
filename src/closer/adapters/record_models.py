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

from closer.domain.details import DetailField, details_of

API_TEXT_LIMIT = 20_000  # the API refuses longer text before the domain reads it


class Style(Enum):
    FILE = "file"
    NEW = "new"
    CHANGE = "change"
    SHOWN = "shown"


def detail_fields(kind: type, style: Style) -> dict[str, Any]:
    """``create_model`` field definitions for the details of ``kind``."""
    return {d.name: (_annotation(d, style), _field(d, style)) for d in details_of(kind)}


def detail_values(model: BaseModel, kind: type) -> dict[str, Any]:
    """The details of ``kind`` held in ``model``, by name (for the domain,
    which coerces and checks them)."""
    return {d.name: getattr(model, d.name) for d in details_of(kind)}


def _annotation(field: DetailField, style: Style) -> Any:
    kind = list[str] if field.is_list else field.type
    if field.optional or style is Style.CHANGE:
        return kind | None
    return kind


def _field(field: DetailField, style: Style) -> Any:
    about = field.about
    if style is Style.SHOWN:
        return ...
    limit = API_TEXT_LIMIT if about.free_text else None
    if style is Style.CHANGE:
        return Field(default=None, max_length=limit)
    if field.required:
        return Field(max_length=limit) if style is Style.NEW else Field()
    if style is Style.NEW:
        default = list(field.default) if field.is_list else field.default
        return Field(default=default, max_length=limit)
    low, high = about.scale or (None, None)
    help_ = about.help or None
    if field.is_list:
        return Field(default_factory=list, description=help_)
    return Field(default=field.default, ge=low, le=high, description=help_)
