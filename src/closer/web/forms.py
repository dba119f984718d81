"""Reading HTML form values into typed values, with clear errors."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any

from closer.domain.details import details_of, plain_values
from closer.domain.errors import InvalidInput
from closer.domain.local_time import from_local
from closer.domain.people import Birthday, parse_birthday
from closer.web.ids import CLIENT_KEY, MAX_ID


def optional_int(value: str | None, field: str) -> int | None:
    """An empty field is None; anything else must be a whole number."""
    if value is None or not value.strip():
        return None
    label = field.replace("_", " ").capitalize()
    try:
        number = int(value)
    except ValueError:
        raise InvalidInput(f"{label} must be a number.", field=field) from None
    if abs(number) > MAX_ID:
        raise InvalidInput(f"{label} is far too large a number.", field=field)
    return number


def optional_date(value: str | None, field: str) -> datetime | None:
    """A ``YYYY-MM-DD`` date (from a date input) as the start of that day, UTC."""
    if value is None or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip()).replace(tzinfo=UTC)
    except ValueError:
        raise InvalidInput(
            f"Use a date like 2026-11-22 for {field}.", field=field
        ) from None


def optional_datetime(
    value: str | None, field: str, zone: tzinfo = UTC
) -> datetime | None:
    """A ``datetime-local`` value (the browser sends no zone), read as a
    wall-clock time in the person's ``zone`` and returned in UTC."""
    if value is None or not value.strip():
        return None
    try:
        wall_clock = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(
            f"Use a date and time like 2026-11-22T18:30 for {field}.", field=field
        ) from None
    return from_local(wall_clock.replace(tzinfo=None), zone)


def names(value: str | None) -> list[str]:
    """Comma-separated names, trimmed, blanks dropped."""
    return [n.strip() for n in (value or "").split(",") if n.strip()]


def words(value: str | None) -> list[str]:
    """Space- or comma-separated words (tags)."""
    return [w for w in (value or "").replace(",", " ").split() if w]


def birthday(day: str | None, month: str | None, year: str | None) -> Birthday | None:
    """A birthday from three fields; the year may be left empty, and all three
    empty means none."""
    d, m, y = (optional_int(v, "birthday") for v in (day, month, year))
    if d is None and m is None and y is None:
        return None
    if d is None or m is None:
        raise InvalidInput(
            "For a birthday, give at least the day and the month.", field="birthday"
        )
    start = "-" if y is None else f"{y:04d}"
    return parse_birthday(f"{start}-{m:02d}-{d:02d}")


CLIENT_KEY_RE = re.compile(CLIENT_KEY)


def optional_client_key(value: str | None) -> str | None:
    """A client's key for a moment it may send twice (letters, digits, dashes)."""
    if value is None or not value.strip():
        return None
    if not CLIENT_KEY_RE.match(value.strip()):
        raise InvalidInput(
            "The client key must be 8 to 64 letters, digits or dashes.",
            field="client_key",
        )
    return value.strip()


def details(kind: type, form: Mapping[str, str]) -> dict[str, Any]:
    """The details of ``kind`` (``closer.domain.details``) that ``form`` has a
    field for, as the domain takes them: an empty number or choice is None,
    a list is words; the domain checks the rest."""
    found: dict[str, Any] = {}
    for detail in details_of(kind):
        if detail.name not in form:
            continue
        value = form[detail.name]
        if detail.is_list:
            found[detail.name] = words(value)
        elif detail.type is int:
            found[detail.name] = optional_int(value, detail.name)
        else:
            found[detail.name] = value or None if detail.optional else value
    return found


def detail_text(record: object) -> dict[str, str]:
    """Each detail of ``record`` as a form shows it to be edited (a list as
    words, as ``details`` reads it back)."""
    return {name: _as_text(value) for name, value in plain_values(record).items()}


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(value)
    return str(value)
