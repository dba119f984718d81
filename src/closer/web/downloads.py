"""Export downloads, shared by the Privacy page and the API."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from starlette.responses import Response

from closer.adapters.export import ExportFormat, closer_json, csv_tables, markdown
from closer.domain.content import Library
from closer.services.export import export_records
from closer.services.unit_of_work import UnitOfWork

_TYPES = {
    ExportFormat.JSON: ("application/json", "json"),
    ExportFormat.MD: ("text/markdown; charset=utf-8", "md"),
    ExportFormat.CSV: ("application/zip", "csv.zip"),
}


def export_download(
    uow: UnitOfWork, library: Library, fmt: ExportFormat, zone: tzinfo
) -> Response:
    """Everything, as a file to save (never cached by the browser); the
    Markdown and CSV times in the person's ``zone`` (Closer JSON keeps UTC)."""
    records = export_records(uow)
    if fmt is ExportFormat.JSON:
        body: bytes = closer_json.dumps(records).encode("utf-8")
    elif fmt is ExportFormat.MD:
        body = markdown.render(records, library, zone=zone).encode("utf-8")
    else:
        body = csv_tables.zip_bytes(records, zone)
    media_type, suffix = _TYPES[fmt]
    name = f"closer-{datetime.now(UTC):%Y-%m-%d}.{suffix}"
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
