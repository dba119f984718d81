"""Export and import over the API."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from closer.adapters.export import ExportFormat
from closer.adapters.importers import ImportFormat
from closer.config import Settings
from closer.web.dependencies import LibraryDep, UowDep, ZoneDep
from closer.web.downloads import export_download
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.uploads import import_upload, received

router = APIRouter(prefix=API_PREFIX, tags=["data"], responses=ERRORS)

_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The file's bytes: a Closer export, a jrnl JSON export, a "
        "Daylio CSV export or contacts as vCard (UTF-8).",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
            "text/vcard": {"schema": {"type": "string"}},
        },
    }
}


class ImportOut(BaseModel):
    source: str
    people_added: int
    people_skipped: int
    moments_added: int
    moments_skipped: int
    plan_items_added: int
    needs_care: int
    practice_added: int
    practice_skipped: int
    people_names: list[str]
    notes: list[str]


@router.get(
    "/export",
    responses={
        200: {
            "description": "Closer JSON (docs/export-schema.json), Markdown, or a zip "
            "of CSV tables",
            "content": {
                "application/json": {},
                "text/markdown": {},
                "application/zip": {},
            },
        }
    },
)
def export(
    uow: UowDep,
    zone: ZoneDep,
    library: LibraryDep,
    format: Annotated[ExportFormat, Query()] = ExportFormat.JSON,
) -> Response:
    """All of your records, as a file."""
    return export_download(uow, library, format, zone)


@router.post("/import", openapi_extra=_BODY)
async def import_(
    request: Request,
    uow: UowDep,
    zone: ZoneDep,
    library: LibraryDep,
    format: Annotated[ImportFormat | None, Query()] = None,
) -> ImportOut:
    """Import a file: all or nothing (422 names the place of the first problem,
    413 says the size limit, CLOSER_IMPORT_MAX_MB), and importing it again adds
    nothing. The file is read and written as a stream."""
    settings: Settings = request.app.state.settings
    is_csv = "csv" in request.headers.get("content-type", "")
    with await received(request) as file:
        report = await run_in_threadpool(
            partial(
                import_upload,
                file,
                name="upload.csv" if is_csv else "upload",
                fmt=format,
                uow=uow,
                library=library,
                settings=settings,
                zone=zone,
            )
        )
    return ImportOut(
        source=report.source,
        people_added=report.people_added,
        people_skipped=report.people_skipped,
        moments_added=report.moments_added,
        moments_skipped=report.moments_skipped,
        plan_items_added=report.plan_items_added,
        needs_care=report.needs_care,
        practice_added=report.practice_added,
        practice_skipped=report.practice_skipped,
        people_names=list(report.people_names),
        notes=list(report.notes),
    )
