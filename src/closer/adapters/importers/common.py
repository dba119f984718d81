"""What the readers share: tags from free words, times, and error places."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from closer.domain.errors import InvalidInput
from closer.domain.text import require_storable_json

T = TypeVar("T")
_NOT_TAG = re.compile(r"[^a-z0-9_-]+")


def as_tag(words: str) -> str:
    """A free label ("movies / tv", "@work") as a Closer tag ("movies-tv", "work")."""
    tag = _NOT_TAG.sub("-", words.strip().lower().lstrip("@#")).strip("-")
    return tag[:30].rstrip("-")


def local_time(naive: datetime, zone: tzinfo | None = None) -> datetime:
    """A time written without a zone, read in the person's ``zone`` (``None``:
    this computer's); InvalidInput at the edge of the calendar, where no zone
    can be given."""
    try:
        if zone is not None:
            return naive.replace(tzinfo=zone).astimezone(UTC)
        return naive.astimezone()
    except (OverflowError, ValueError, OSError):
        raise InvalidInput(
            f"{naive:%Y-%m-%d} is not a date Closer can keep; use one between the "
            "years 1900 and 2999.",
            field="date",
        ) from None


def at(place: str, build: Callable[[], T], *, joiner: str = ", ") -> T:
    """Run a constructor, prefixing any error with where in the file it happened
    (``line 3, time: …``; with ``joiner="."``, ``moments[3].urge: …``)."""
    try:
        return build()
    except InvalidInput as exc:
        field = f"{joiner}{exc.field}" if exc.field else ""
        if exc.field and exc.message.startswith(f"{exc.field} "):
            said = f"{place}{joiner}{exc.message}"  # "line 3, note holds ..."
        else:
            said = f"{place}{field}: {exc.message}"
        raise InvalidInput(said, field=exc.field) from None


def describe(exc: ValidationError, place: str = "", limit: int = 5) -> str:
    """The first problems of a pydantic error, each with where it is
    (``moments[3].urge: ...``; ``place`` is where the validated value sits)."""
    parts = []
    for error in exc.errors()[:limit]:
        where = place + "".join(
            f"[{p}]" if isinstance(p, int) else (f".{p}" if i or place else str(p))
            for i, p in enumerate(error["loc"])
        )
        parts.append(f"{where or 'document'}: {error['msg']}")
    more = len(exc.errors()) - limit
    suffix = f" (and {more} more)" if more > 0 else ""
    return "; ".join(parts) + suffix + "."


M = TypeVar("M", bound=BaseModel)


def parsed(model: type[M], raw: Any, place: str) -> M:
    """One item of a JSON file checked against ``model``: InvalidInput naming
    the place of a character no record may hold, or of a field that does not
    fit (``entries[3].date: ...``)."""
    require_storable_json(raw, place)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise InvalidInput(describe(exc, place)) from None
