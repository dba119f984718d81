"""The plain fields of a record, described once for every place that carries
them.

A record's *details* are its fields that every format carries the same way:
a number, a word from a list, free text, or a list of words. Each is a
dataclass field with ``metadata=detail(...)``, which says how a person reads
its name and value, how it is checked, and whether its text goes through the
safety check. The exports, the import, the API's models, the CLI's
``--json``, the web forms and the storage loop over ``details_of(kind)``, so
a new detail is added to its record's class (and given a column and a
migration, and a place in a form) and nowhere else.

The other fields of a record (its time, its people, its feelings, its id)
have a shape of their own and are written out by each format by hand.

On the way in, a detail's value is *coerced* to its field's type (a choice
from its text, a list of words from a list) and then *checked*; any problem
is an ``InvalidInput`` naming the field. On the way out, ``plain_values``
gives JSON-ready values: choices as their text, lists of words as lists.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, fields
from enum import Enum, StrEnum
from typing import Any

from closer.domain.choices import one_of
from closer.domain.errors import InvalidInput
from closer.domain.scales import check_scale

if typing.TYPE_CHECKING:
    from closer.domain.content import Library

_KEY = "closer.detail"

Check = Callable[[Any, "Library | None"], Any]  # a rule; the library when given
Show = Callable[[Any, "Library"], str]


@dataclass(frozen=True, slots=True)
class Detail:
    """What one plain field is, for people and for the formats."""

    label: str  # its name in the person's own journal ("Where it happened")
    help: str = ""  # a line for the API's schema and the export's schema
    scale: tuple[int, int] | None = None  # a number from low to high
    max_length: int | None = None  # free text: the most characters kept
    free_text: bool = False  # read by the safety check
    check: Check | None = None  # a rule beyond the type (a known slug…)
    show: Show | None = None  # how a value reads in the journal
    choices: Mapping[str, str] | None = None  # a choice's value → its words
    item: str = ""  # lists: one item's name ("tag"), its table and column


def detail(label: str, **about: Any) -> dict[str, Detail]:
    """Dataclass field metadata that makes the field a detail."""
    return {_KEY: Detail(label, **about)}


@dataclass(frozen=True, slots=True)
class DetailField:
    """One detail of a kind of record, with its type and default."""

    name: str
    hint: Any  # the field's type, ``X | None`` included
    about: Detail
    default: Any  # MISSING when the field has none

    @property
    def type(self) -> Any:
        """The field's type without ``| None``."""
        return without_none(self.hint)

    @property
    def optional(self) -> bool:
        return type(None) in typing.get_args(self.hint)

    @property
    def required(self) -> bool:
        """Whether the field has no default (every record must give it)."""
        return self.default is MISSING

    @property
    def is_list(self) -> bool:
        return typing.get_origin(self.type) is tuple

    @property
    def is_choice(self) -> bool:
        return isinstance(self.type, type) and issubclass(self.type, Enum)


_DETAILS: dict[type, tuple[DetailField, ...]] = {}


def details_of(kind: type) -> tuple[DetailField, ...]:
    """The details of a kind of record, in the order of its fields."""
    if kind not in _DETAILS:
        hints = typing.get_type_hints(kind)
        described = tuple(
            DetailField(f.name, hints[f.name], f.metadata[_KEY], _default(f))
            for f in fields(kind)
            if _KEY in f.metadata
        )
        for field in described:
            _check_shape(kind, field)
        _DETAILS[kind] = described
    return _DETAILS[kind]


def _check_shape(kind: type, field: DetailField) -> None:
    """A detail is a number, text, a choice or a list of words (with the
    name of one item, which names its table and column), else a mistake in
    code, found when the kind is first described."""
    where = f"{kind.__name__}.{field.name}"
    if field.is_list:
        if typing.get_args(field.type) != (str, ...) or not field.about.item:
            raise TypeError(f"{where}: a list detail is tuple[str, ...] with item=")
    elif field.is_choice and not issubclass(field.type, StrEnum):
        raise TypeError(f"{where}: a choice is a StrEnum")
    elif not (field.is_choice or field.type in (int, str)):
        raise TypeError(f"{where}: a detail is int, str, an Enum or a list of str")


def _default(f: Any) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return MISSING


def without_none(hint: Any) -> Any:
    """``X`` for ``X | None`` (any other type as it is)."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        others = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(others) == 1:
            return others[0]
    return hint


def plain_values(record: object) -> dict[str, Any]:
    """Each detail of ``record`` as JSON-ready data, in field order."""
    return {d.name: plain(getattr(record, d.name)) for d in details_of(type(record))}


def plain(value: Any) -> Any:
    """A detail's value as JSON-ready data."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def checked_details(
    kind: type, given: Mapping[str, Any], library: Library | None = None
) -> dict[str, Any]:
    """Every detail of ``kind``: the value given (coerced and checked), else
    the field's default. A name that is not a detail is a mistake in code.
    ``library`` is for the rules that read Learn (a moment's causes)."""
    unknown = set(given) - {d.name for d in details_of(kind)}
    if unknown:
        raise TypeError(f"{kind.__name__} has no detail {sorted(unknown)[0]!r}")
    missing = [d.name for d in details_of(kind) if d.required and d.name not in given]
    if missing:
        name = missing[0]
        raise InvalidInput(
            f"{name.replace('_', ' ').capitalize()} is needed.", field=name
        )
    return {
        d.name: _checked(d, given[d.name], library) if d.name in given else d.default
        for d in details_of(kind)
    }


def _checked(field: DetailField, value: Any, library: Library | None) -> Any:
    value = coerce(field, value)
    about = field.about
    if about.scale is not None:
        check_scale(value, field.name, *about.scale)
    if isinstance(value, str) and about.max_length is not None:
        if len(value) > about.max_length:
            name = field.name.replace("_", " ")
            raise InvalidInput(
                f"The {name} can be at most {about.max_length} characters.",
                field=field.name,
            )
        value = value.strip()
    return about.check(value, library) if about.check else value


def coerce(field: DetailField, value: Any) -> Any:
    """``value`` as the field's type, or InvalidInput naming the field."""
    if value is None or (value == "" and field.optional and not field.is_list):
        if field.optional:
            return None
        _refuse(field, value)
    kind = field.type
    if field.is_choice:
        if isinstance(value, kind):
            return value
        if not isinstance(value, str):
            _refuse(field, value)
        return one_of(kind, value, field.name, field.about.label)
    if field.is_list:
        if isinstance(value, str) or not isinstance(value, list | tuple):
            _refuse(field, value)
        if not all(isinstance(v, str) for v in value):
            _refuse(field, value)
        return tuple(value)
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        _refuse(field, value)
    if kind is str and not isinstance(value, str):
        _refuse(field, value)
    return value


def _refuse(field: DetailField, value: Any) -> typing.NoReturn:
    name = field.name.replace("_", " ")
    if field.is_choice:
        allowed = ", ".join(str(c.value) for c in field.type)
        message = f"{field.about.label} must be one of {allowed}; got {value!r}."
    elif field.is_list:
        message = f"{name.capitalize()} must be a list of words; got {value!r}."
    elif field.type is int:
        message = f"{name.capitalize()} must be a whole number; got {value!r}."
    else:
        message = f"{name.capitalize()} must be text; got {value!r}."
    raise InvalidInput(message, field=field.name)


def shown(record: object, library: Library) -> list[tuple[str, str]]:
    """(label, words) for each detail of ``record`` that holds something, as a
    person reads them in their journal."""
    lines = []
    for field in details_of(type(record)):
        value = getattr(record, field.name)
        if value is None or value in ("", ()):
            continue
        lines.append((field.about.label, _words(field, value, library)))
    return lines


def _words(field: DetailField, value: Any, library: Library) -> str:
    about = field.about
    if about.show is not None:
        return about.show(value, library)
    if about.choices is not None:
        return about.choices.get(plain(value), str(plain(value)))
    if about.scale is not None:
        return f"{value}/{about.scale[1]}"
    if field.is_list:
        return ", ".join(value)
    return str(value)


def free_text(record: object) -> list[str]:
    """The free text in ``record``'s details, for the safety check."""
    return [
        getattr(record, d.name)
        for d in details_of(type(record))
        if d.about.free_text and getattr(record, d.name)
    ]
