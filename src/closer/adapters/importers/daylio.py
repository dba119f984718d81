"""Daylio's CSV export as moments.

Columns: ``full_date,date,weekday,time,mood,activities,note_title,note``.
Each row becomes a moment: the note title and note are what happened (or
"Mood: good" when a row has no note), the mood is kept as a tag
(``mood-good``) and, for Daylio's five built-in moods, as how it felt
afterwards (rad 9, good 7, meh 5, bad 3, awful 1, on Closer's 1-10 scale),
and the activities become tags. Times like ``10:00 pm`` or ``22:00`` are read
as this computer's local time. HTML that Daylio puts in notes is removed.
"""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import datetime
from functools import partial

from closer.adapters.importers.common import as_tag, at, local_time
from closer.domain.content import Library
from closer.domain.errors import InvalidInput
from closer.domain.moments import MAX_TAGS, Moment, new_moment
from closer.domain.records import Records

COLUMNS = ("full_date", "time", "mood", "activities", "note_title", "note")
MOODS = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
_TAGS = re.compile(r"<[^>]+>")
_TIME_FORMATS = ("%Y-%m-%d %I:%M %p", "%Y-%m-%d %H:%M")


def loads(text: str, library: Library) -> Records:
    """Read a Daylio CSV export; errors name the line and the column."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InvalidInput(
                "This is not a Daylio CSV export: line 1 lacks the column(s) "
                f"{', '.join(missing)}."
            )
        moments: list[Moment] = []
        for row in reader:
            line = reader.line_num
            moments.append(at(f"line {line}", partial(_moment, row, library)))
    except csv.Error as exc:
        raise InvalidInput(
            f"Line {reader.line_num} cannot be read as CSV ({exc})."
        ) from None
    return Records(moments=tuple(moments))


def _moment(row: dict[str, str], library: Library) -> Moment:
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
        occurred_at=local_time(when),
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
