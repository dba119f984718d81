"""jrnl's JSON export (``jrnl --format json``) as moments.

Each entry becomes a moment: its title and body are what happened, its date
and time (written without a zone) are read as this computer's local time, its
``@tags`` become tags, and a starred entry gets the tag ``starred``. The
entries are read one at a time (``json_stream``), so a journal of any size
is imported in bounded memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime, tzinfo
from functools import partial
from typing import Any, BinaryIO

from pydantic import BaseModel, ConfigDict

from closer.adapters.importers.common import as_tag, at, local_time, parsed
from closer.adapters.importers.json_stream import LongArray, members
from closer.domain.content import Library
from closer.domain.errors import InvalidInput
from closer.domain.moments import Moment, new_moment
from closer.domain.records import Incoming, Records


class JrnlEntry(BaseModel):
    model_config = ConfigDict(extra="ignore")

    title: str
    body: str = ""
    date: str
    time: str = "00:00"
    tags: list[str] = []
    starred: bool = False


def stream(file: BinaryIO, library: Library, zone: tzinfo | None = None) -> Incoming:
    """A jrnl JSON export, its entries read as they are imported, their
    times (which carry no zone) read in the person's ``zone``; errors name
    the entry and the field (``entries[3].date``)."""
    return Incoming(Records(), _moments(file, library, zone))


def loads(text: str, library: Library, zone: tzinfo | None = None) -> Records:
    """A whole jrnl JSON export in memory (``stream`` for files)."""
    incoming = stream(io.BytesIO(text.encode("utf-8")), library, zone)
    return Records(moments=tuple(incoming.moments))


def _moments(file: BinaryIO, library: Library, zone: tzinfo | None) -> Iterator[Moment]:
    found = False
    for key, index, item in members(file, long="entries"):
        if key != "entries":
            continue
        if isinstance(item, LongArray):
            found = True
        elif index is None:
            raise InvalidInput('This is not a jrnl export: "entries" is not a list.')
        else:
            yield _entry(index, item, library, zone)
    if not found:
        raise InvalidInput(
            'This is not a jrnl JSON export: it has no "entries" list. Export '
            "it with `jrnl --format json`, or choose another format."
        )


def _entry(index: int, raw: Any, library: Library, zone: tzinfo | None) -> Moment:
    place = f"entries[{index}]"
    entry = parsed(JrnlEntry, raw, place)
    return at(place, partial(_moment, entry, library, zone), joiner=".")


def _moment(entry: JrnlEntry, library: Library, zone: tzinfo | None) -> Moment:
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
    occurred_at = local_time(when, zone)
    return new_moment(library, situation=text, occurred_at=occurred_at, tags=tags)
