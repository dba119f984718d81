"""What the readers share: tags from free words, times, and error places."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from closer.domain.errors import InvalidInput

T = TypeVar("T")
_NOT_TAG = re.compile(r"[^a-z0-9_-]+")


def as_tag(words: str) -> str:
    """A free label ("movies / tv", "@work") as a Closer tag ("movies-tv", "work")."""
    tag = _NOT_TAG.sub("-", words.strip().lower().lstrip("@#")).strip("-")
    return tag[:30].rstrip("-")


def local_time(naive: datetime) -> datetime:
    """A time written without a zone, read as this computer's local time."""
    return naive.astimezone()


def at(place: str, build: Callable[[], T], *, joiner: str = ", ") -> T:
    """Run a constructor, prefixing any error with where in the file it happened
    (``line 3, time: …``; with ``joiner="."``, ``moments[3].urge: …``)."""
    try:
        return build()
    except InvalidInput as exc:
        field = f"{joiner}{exc.field}" if exc.field else ""
        raise InvalidInput(f"{place}{field}: {exc.message}", field=exc.field) from None
