"""jrnl's JSON export (``jrnl --format json``) as moments.

Each entry becomes a moment: its title and body are what happened, its date
and time (written without a zone) are read as this computer's local time, its
``@tags`` become tags, and a starred entry gets the tag ``starred``.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import partial
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from closer.adapters.export.closer_json import describe
from closer.adapters.importers.common import as_tag, at, local_time
from closer.domain.content import Library
from closer.domain.errors import InvalidInput
from closer.domain.moments import Moment, new_moment
from closer.domain.records import Records


class JrnlEntry(BaseModel):
    model_config = ConfigDict(extra="ignore")

    title: str
    body: str = ""
    date: str
    time: str = "00:00"
    tags: list[str] = []
    starred: bool = False


class JrnlExport(BaseModel):
    model_config = ConfigDict(extra="ignore")

    entries: list[JrnlEntry]


def loads(text: str, library: Library) -> Records:
    """Read a jrnl JSON export; errors name the entry and the field."""
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"This is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg})."
        ) from None
    try:
        export = JrnlExport.model_validate(raw)
    except ValidationError as exc:
        raise InvalidInput(describe(exc)) from None
    moments = tuple(
        at(f"entries[{i}]", partial(_moment, entry, library))
        for i, entry in enumerate(export.entries)
    )
    return Records(moments=moments)


def _moment(entry: JrnlEntry, library: Library) -> Moment:
    try:
        when = datetime.fromisoformat(f"{entry.date} {entry.time}")
    except ValueError:
        raise InvalidInput(
            f"Use a date like 2026-11-22 and a time like 21:30; got "
            f"{entry.date!r} {entry.time!r}.",
            field="date",
        ) from None
    text = entry.title.strip()
    if entry.body.strip():
        text = f"{text}\n\n{entry.body.strip()}"
    tags = [as_tag(t) for t in entry.tags] + (["starred"] if entry.starred else [])
    return new_moment(library, situation=text, occurred_at=local_time(when), tags=tags)
