"""The records as CSV, one file per table, for spreadsheets and scripts.

``people.csv``, ``moments.csv`` (with a ``moment`` number that the other
files refer to), ``moment_people.csv``, ``moment_emotions.csv``,
``moment_causes.csv``, ``moment_tags.csv``, ``safety_plan.csv`` and
``preferences.csv``. Cells that a spreadsheet would run as a formula (those
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a
leading apostrophe, as OWASP advises; nothing else is changed.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from closer.domain.records import Records
from closer.domain.safety.plan import PlanSection

Table = tuple[Sequence[str], list[Sequence[object]]]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MOMENT_COLUMNS = (
    *("moment", "occurred_at", "situation", "urge"),
    *("action", "outcome", "felt_after"),
)


def tables(records: Records) -> dict[str, Table]:
    """Each file name with its header and rows."""
    moments = list(enumerate(records.moments, start=1))
    return {
        "people.csv": (
            ("name", "relationship", "closeness_now", "closeness_wanted", "notes"),
            [
                (
                    p.name,
                    p.relationship.value,
                    p.closeness_now,
                    p.closeness_wanted,
                    p.notes,
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
                    m.urge,
                    m.action,
                    m.outcome,
                    m.felt_after,
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
        "moment_causes.csv": (
            ("moment", "cause"),
            [(n, c) for n, m in moments for c in m.causes],
        ),
        "moment_tags.csv": (
            ("moment", "tag"),
            [(n, t) for n, m in moments for t in m.tags],
        ),
        "safety_plan.csv": (
            ("section", "position", "text"),
            [
                (s.value, i, item)
                for s in PlanSection
                for i, item in enumerate(records.plan.items(s), start=1)
            ],
        ),
        "preferences.csv": (
            ("setting", "value"),
            [
                ("country", records.preferences.country or ""),
                ("theme", records.preferences.theme.value),
            ],
        ),
    }


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


def write_folder(records: Records, folder: Path) -> list[Path]:
    """Write every table into ``folder`` (created if needed); return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in tables(records).items():
        path = folder / name
        path.write_text(render(header, rows), encoding="utf-8", newline="")
        written.append(path)
    return written


def zip_bytes(records: Records) -> bytes:
    """Every table in one zip archive (for a download)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (header, rows) in tables(records).items():
            archive.writestr(f"closer/{name}", render(header, rows))
    return buffer.getvalue()
