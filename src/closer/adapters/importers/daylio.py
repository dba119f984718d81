"""Daylio's CSV export as moments.

Columns: ``full_date,date,weekday,time,mood,activities,note_title,note``.
Each row becomes a moment: the note title and note are what happened (or
"Mood: good" when a row has no note), the mood is kept as a tag
(``mood-good``) and, for Daylio's five built-in moods, as how it felt
afterwards (rad 9, good 7, meh 5, bad 3, awful 1, on Closer's 1-10 scale),
and the activities become tags. Times like ``10:00 pm`` or ``22:00`` are read
as this computer's local time. HTML that Daylio puts in notes is removed.
Rows are read one at a time, so an export of any size is imported in
bounded memory.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Iterator
from datetime import datetime, tzinfo
from functools import partial
from typing import Any, BinaryIO, TypeVar

from closer.adapters.importers.common import as_tag, at, local_time
from closer.domain.content import Library
from closer.domain.errors import InvalidInput
from closer.domain.moments import MAX_TAGS, Moment, new_moment
from closer.domain.records import Incoming, Records
from closer.domain.text import require_storable

COLUMNS = ("full_date", "time", "mood", "activities", "note_title", "note")
MOODS = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
_TAGS = re.compile(r"<[^>]+>")
_TIME_FORMATS = ("%Y-%m-%d %I:%M %p", "%Y-%m-%d %H:%M")
T = TypeVar("T")


def stream(file: BinaryIO, library: Library, zone: tzinfo | None = None) -> Incoming:
    """A Daylio CSV export, its rows read as they are imported, their times
    (which carry no zone) read in the person's ``zone``; errors name the line
    and the column. The header is checked at once."""
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text, strict=True)
    header = _read(lambda: reader.fieldnames, 1) or []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InvalidInput(
            "This is not a Daylio CSV export: line 1 lacks the column(s) "
            f"{', '.join(missing)}."
        )
    return Incoming(Records(), _moments(reader, library, zone))


def loads(text: str, library: Library, zone: tzinfo | None = None) -> Records:
    """A whole Daylio export in memory (``stream`` for files)."""
    incoming = stream(io.BytesIO(text.encode("utf-8")), library, zone)
    return Records(moments=tuple(incoming.moments))


def _moments(
    reader: csv.DictReader[str], library: Library, zone: tzinfo | None
) -> Iterator[Moment]:
    while True:
        line = reader.line_num + 1  # where the next row begins
        row = _read(lambda: next(reader, None), line)
        if row is None:
            return
        yield at(f"line {line}", partial(_moment, row, library, zone))


def _read(step: Callable[[], T], line: int) -> T:
    """One step of the reader, its errors said with the line they began on."""
    try:
        return step()
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise InvalidInput(
                f"Line {line} opens a quoted value that is never closed: the "
                "rest of the file would be read as one note. The file may be "
                "cut short or damaged; export it again."
            ) from None
        raise InvalidInput(f"Line {line} cannot be read as CSV ({exc}).") from None
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"The file is not UTF-8 text (near line {line}, a byte cannot be read: "
            f"{exc.reason}). Export it again as UTF-8."
        ) from None


def _moment(
    row: dict[str | None, Any], library: Library, zone: tzinfo | None
) -> Moment:
    for column, value in row.items():
        for cell in value if isinstance(value, list) else [value]:
            if isinstance(cell, str):
                require_storable(cell, column or "an extra cell")
    when = _when(row.get("full_date") or "", row.get("time") or "")
    mood = (row.get("mood") or "").strip()
    title, note = _plain(row.get("note_title") or ""), _plain(row.get("note") or "")
    text = "\n\n".join(p for p in (title, note) if p) or f"Mood: {mood or 'not given'}"
    activities = [a for a in (row.get("activities") or "").split("|") if a.strip()]
    tags = [as_tag(f"mood {mood}")] if mood else []
    tags += [as_tag(a) for a in activities]
    tags = list(dict.fromkeys(t for t in tags if t))
    if len(tags) > MAX_TAGS:  # keep them all, in words, rather than refuse the row
        text += "\n\nActivities: " + ", ".join(a.strip() for a in activities)
        tags = tags[:MAX_TAGS]
    return new_moment(
        library,
        situation=text,
        occurred_at=local_time(when, zone),
        felt_after=MOODS.get(mood.lower()),
        tags=tags,
    )


def _when(day: str, time: str) -> datetime:
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(f"{day.strip()} {time.strip().upper()}", fmt)
        except ValueError:
            continue
    raise InvalidInput(
        f"full_date and time should look like 2026-11-22 and 10:00 pm (or 22:00); "
        f"got {day!r} and {time!r}.",
        field="time",
    )


def _plain(text: str) -> str:
    """Daylio's note with its HTML line breaks as new lines and other tags removed."""
    with_breaks = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    return html.unescape(_TAGS.sub("", with_breaks)).strip()
