"""One way between a table's rows and the domain's records.

Each field of a record (a dataclass in ``closer.domain``) is read from, and
written to, the row's column of the same name, converted by the field's
type: datetimes come back aware (SQLite hands back naive UTC), enums are
stored as their values, tuples as lists. A field the row has no column for
(a person's name joined from another table, a moment's feelings kept in a
table of their own) is passed in by the repository; one that matches a
relationship and is not passed in is an error, never a silent default.

So a new column that has the same name as its field needs no mapping code
in the repositories that use this module. Moments are also written with
plain statements (``SqlMomentRepository.add`` and ``add_many``), whose
values come from ``column_values``, and by the CLI's fast path
(``adapters/fast_sqlite.py``), which names its columns from the moment's
details (``closer.domain.details``).
"""

from __future__ import annotations

import typing
from dataclasses import fields
from datetime import UTC, datetime
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import inspect as inspect_mapping

from closer.domain.details import plain, without_none

Record = TypeVar("Record")

_PLAIN_ITEMS = (str, int)  # tuple items a column can hold as a JSON list


def aware(when: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


_COLUMNS: dict[type, frozenset[str]] = {}
_RELATIONSHIPS: dict[type, frozenset[str]] = {}
_FIELD_TYPES: dict[type, dict[str, Any]] = {}


def _columns(row_class: type) -> frozenset[str]:
    if row_class not in _COLUMNS:
        _COLUMNS[row_class] = frozenset(inspect_mapping(row_class).column_attrs.keys())
    return _COLUMNS[row_class]


def _relationships(row_class: type) -> frozenset[str]:
    if row_class not in _RELATIONSHIPS:
        names: list[str] = list(inspect_mapping(row_class).relationships.keys())
        _RELATIONSHIPS[row_class] = frozenset(names)
    return _RELATIONSHIPS[row_class]


def _field_types(kind: type) -> dict[str, Any]:
    if kind not in _FIELD_TYPES:
        hints = typing.get_type_hints(kind)
        _FIELD_TYPES[kind] = {f.name: hints[f.name] for f in fields(kind)}
    return _FIELD_TYPES[kind]


def _from_column(value: Any, hint: Any, name: str) -> Any:
    kind = without_none(hint)
    if value is None or (value == "" and kind is not hint and _is_enum(kind)):
        return None  # an optional choice stored empty was never chosen
    if kind is datetime:
        return aware(value)
    if _is_enum(kind):
        return kind(value)
    if typing.get_origin(kind) is tuple:
        item = typing.get_args(kind)[0]
        if item not in _PLAIN_ITEMS:
            raise TypeError(f"{name}: tuples of {item} are passed in, not mapped")
        return tuple(item(v) for v in value)
    return value


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Enum)


def _to_column(value: Any, name: str) -> Any:
    if isinstance(value, tuple) and not all(isinstance(v, _PLAIN_ITEMS) for v in value):
        raise TypeError(f"{name}: only tuples of text or numbers are mapped")
    return plain(value)  # enums as their values, tuples as lists


def to_record(kind: type[Record], row: object, **given: Any) -> Record:
    """The record of ``kind`` held in ``row``; ``given`` for fields that have
    no column of their name (relationships, names from a join)."""
    columns, related = _columns(type(row)), _relationships(type(row))
    values = dict(given)
    for name, hint in _field_types(kind).items():
        if name in values:
            continue
        if name in related:
            raise TypeError(f"{kind.__name__}.{name} is a relationship: pass it in")
        if name in columns:
            values[name] = _from_column(getattr(row, name), hint, name)
    return kind(**values)


def fill_row(
    row: object, record: object, *, skip: tuple[str, ...] = ("id",), **given: Any
) -> None:
    """Write ``record``'s fields into ``row``'s columns of the same names
    (never ``skip``); ``given`` are column values the repository computed."""
    columns, related = _columns(type(row)), _relationships(type(row))
    for name in _field_types(type(record)):
        if name in skip or name in given:
            continue
        if name in related:
            raise TypeError(f"{name} is a relationship: pass its rows in")
        if name not in columns:
            continue
        setattr(row, name, _to_column(getattr(record, name), name))
    for name, value in given.items():
        setattr(row, name, value)


def column_values(
    record: object, row_class: type, *, skip: tuple[str, ...] = ("id",)
) -> dict[str, Any]:
    """``record``'s fields that have a column of the same name in
    ``row_class``, as stored (for plain insert statements); relationships
    are the repository's to write."""
    columns = _columns(row_class)
    return {
        name: _to_column(getattr(record, name), name)
        for name in _field_types(type(record))
        if name in columns and name not in skip
    }
