"""The records as CSV, one file per table, for spreadsheets and scripts.

``people.csv``, ``moments.csv`` (with a ``moment`` number that the other
files refer to), ``moment_people.csv``, ``moment_emotions.csv``,
``moment_causes.csv``, ``moment_tags.csv``, ``safety_plan.csv``,
``preferences.csv``, the practice tables, and ``contacts.csv``,
``commitments.csv``, ``closeness.csv`` and ``self_checks.csv``. Cells that a
spreadsheet would run as a formula (those starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) get a leading apostrophe, as OWASP
advises; nothing else is changed.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, tzinfo
from pathlib import Path

from closer.adapters.export.local_records import in_local_time
from closer.domain.contacts import Contact
from closer.domain.details import details_of, plain, plain_values
from closer.domain.moments import Moment
from closer.domain.people import Person
from closer.domain.records import Records
from closer.domain.safety.plan import PlanSection

Table = tuple[Sequence[str], list[Sequence[object]]]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A moment's details (``closer.domain.details``): plain ones are columns of
# moments.csv, lists have a table each (moment_tags.csv: moment, tag).
_KEPT = tuple(d for d in details_of(Moment) if not d.is_list)
_LISTS = tuple(d for d in details_of(Moment) if d.is_list)
MOMENT_COLUMNS = ("moment", "occurred_at", "situation", *(d.name for d in _KEPT))


def tables(records: Records) -> dict[str, Table]:
    """Each file name with its header and rows."""
    moments = list(enumerate(records.moments, start=1))
    return {
        "people.csv": (
            ("name", *(d.name for d in details_of(Person)), "birthday"),
            [
                (
                    p.name,
                    *plain_values(p).values(),
                    _birthday(p),
                )
                for p in records.people
            ],
        ),
        "moments.csv": (
            MOMENT_COLUMNS,
            [
                (
                    n,
                    m.occurred_at.isoformat(),
                    m.situation,
                    *(plain(getattr(m, d.name)) for d in _KEPT),
                )
                for n, m in moments
            ],
        ),
        "moment_people.csv": (
            ("moment", "position", "person"),
            [(n, i, name) for n, m in moments for i, name in enumerate(m.person_names)],
        ),
        "moment_emotions.csv": (
            ("moment", "position", "emotion", "intensity"),
            [
                (n, i, e.emotion, e.intensity)
                for n, m in moments
                for i, e in enumerate(m.emotions)
            ],
        ),
        **{
            f"moment_{d.name}.csv": (
                ("moment", d.about.item),
                [(n, item) for n, m in moments for item in getattr(m, d.name)],
            )
            for d in _LISTS
        },
        "safety_plan.csv": (
            ("section", "position", "text"),
            [
                (s.value, i, item)
                for s in PlanSection
                for i, item in enumerate(records.plan.items(s), start=1)
            ],
        ),
        **practice_tables(records),
        "preferences.csv": (
            ("setting", "value"),
            [
                ("country", records.preferences.country or ""),
                ("theme", records.preferences.theme.value),
                ("time_zone", records.preferences.time_zone or ""),
            ],
        ),
    }


def _birthday(person: Person) -> str:
    return person.birthday.iso if person.birthday else ""


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def render(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """One CSV file's text (RFC 4180: commas, CRLF, quotes where needed)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([_safe(v) for v in row] for row in rows)
    return out.getvalue()


def write_folder(
    records: Records, folder: Path, zone: tzinfo | None = UTC
) -> list[Path]:
    """Write every table into ``folder`` (created if needed); return the files.
    Times are written in ``zone`` with their offset (``None``: this machine's)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in tables(in_local_time(records, zone)).items():
        path = folder / name
        path.write_text(render(header, rows), encoding="utf-8", newline="")
        written.append(path)
    return written


def zip_bytes(records: Records, zone: tzinfo | None = UTC) -> bytes:
    """Every table in one zip archive (for a download), times in ``zone``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (header, rows) in tables(in_local_time(records, zone)).items():
            archive.writestr(f"closer/{name}", render(header, rows))
    return buffer.getvalue()


def practice_tables(records: Records) -> dict[str, Table]:
    """Steps, shares, reflections (one row per answer), thoughts, time-outs."""
    return {
        "ladder_steps.csv": (
            (
                "planned_at",
                "text",
                "person",
                "predicted_discomfort",
                "feared_outcome",
                "done_at",
                "actual_discomfort",
                "outcome",
                "note",
            ),
            [
                (
                    s.planned_at.isoformat(),
                    s.text,
                    s.person_name,
                    s.predicted_discomfort,
                    s.feared_outcome,
                    s.done_at.isoformat() if s.done_at else None,
                    s.actual_discomfort,
                    s.outcome.value if s.outcome else None,
                    s.note,
                )
                for s in records.steps
            ],
        ),
        "good_shares.csv": (
            ("chosen_at", "percent", "note"),
            [(s.chosen_at.isoformat(), s.percent, s.note) for s in records.good_shares],
        ),
        "reflections.csv": (
            ("reflection_number", "reflection", "written_at", "question", "answer"),
            [
                (n, e.reflection, e.written_at.isoformat(), q, a)
                for n, e in enumerate(records.reflections, start=1)
                for q, a in enumerate(e.answers, start=1)
            ],
        ),
        "thought_records.csv": (
            (
                "written_at",
                "situation",
                "automatic_thought",
                "belief_before",
                "traps",
                "evidence_for",
                "evidence_against",
                "balanced_thought",
                "belief_after",
            ),
            [
                (
                    t.written_at.isoformat(),
                    t.situation,
                    t.automatic_thought,
                    t.belief_before,
                    "; ".join(t.traps),
                    t.evidence_for,
                    t.evidence_against,
                    t.balanced_thought,
                    t.belief_after,
                )
                for t in records.thoughts
            ],
        ),
        "timeouts.csv": (
            ("person", "reason", "starts_on", "returns_on", "message", "returned_on"),
            [
                (
                    t.person_name,
                    t.reason,
                    t.starts_on.isoformat(),
                    t.returns_on.isoformat(),
                    t.message,
                    t.returned_on.isoformat() if t.returned_on else None,
                )
                for t in records.timeouts
            ],
        ),
        **connection_tables(records),
    }


def connection_tables(records: Records) -> dict[str, Table]:
    """Contacts, plans, closeness over time and self-check results."""
    return {
        "contacts.csv": (
            ("person", "at", *(d.name for d in details_of(Contact))),
            [
                (c.person_name, c.at.isoformat(), *plain_values(c).values())
                for c in records.contacts
            ],
        ),
        "commitments.csv": (
            (
                "person",
                "text",
                "due_on",
                "created_at",
                "status",
                "cancelled_by",
                "reason",
                "settled_at",
            ),
            [
                (
                    c.person_name,
                    c.text,
                    c.due_on.isoformat(),
                    c.created_at.isoformat(),
                    c.status.value,
                    c.cancelled_by.value if c.cancelled_by else None,
                    c.reason,
                    c.settled_at.isoformat() if c.settled_at else None,
                )
                for c in records.commitments
            ],
        ),
        "closeness.csv": (
            ("person", "at", "now", "wanted"),
            [
                (r.person_name, r.at.isoformat(), r.now, r.wanted)
                for r in records.closeness
            ],
        ),
        "self_checks.csv": (
            ("check", "taken_at", "total", "band", "answers"),
            [
                (
                    r.check,
                    r.taken_at.isoformat(),
                    r.total,
                    r.band,
                    " ".join(str(a) for a in r.answers),
                )
                for r in records.check_results
            ],
        ),
    }
