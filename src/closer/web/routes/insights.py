"""Insights on the web: the picture of a period, charts, and the report."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, Response

from closer.domain.errors import InvalidInput
from closer.domain.insight_summary import Summary, below_threshold_note
from closer.domain.insights import MIN_DAYS
from closer.domain.moments import MomentQuery
from closer.presentation.charts import moments_per_week, ranking, stayed_per_week
from closer.services.insights import counselor_report, insights, period_of
from closer.services.moments import list_moments
from closer.web.dependencies import ChecksDep, LibraryDep, ShellDep, UowDep, ZoneDep
from closer.web.ids import Id
from closer.web.rendering import render, zone_of

router = APIRouter(include_in_schema=False)

FromQuery = Annotated[date | None, Query(alias="from")]
ToQuery = Annotated[date | None, Query(alias="to")]


def charts(summary: Summary) -> dict[str, Any]:
    """The Insights page's charts, each with a sentence for screen readers."""
    weeks = summary.weeks[-26:]
    return {
        "per_week": moments_per_week(weeks),
        "approach": stayed_per_week(weeks),
        "emotions": ranking(
            [(c.name, c.count) for c in summary.emotions], "Feelings noted most"
        ),
        "causes": ranking(
            [(c.name, c.count) for c in summary.causes], "What was most often behind it"
        ),
    }


@router.get("/insights", response_class=HTMLResponse)
def insights_page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    library: LibraryDep,
    checks: ChecksDep,
    start: FromQuery = None,
    end: ToQuery = None,
) -> Response:
    """Patterns over a period (the last 90 days unless chosen)."""
    zone = zone_of(shell)
    period = period_of(start, end, zone=zone)
    summary = insights(uow, library, checks, period, zone=zone)
    recent = list_moments(uow, MomentQuery(limit=30)).items
    return render(
        request,
        "insights.html",
        shell=shell,
        title="Insights",
        summary=summary,
        period=period,
        note=below_threshold_note(),
        min_days=MIN_DAYS,
        recent=recent,
        **charts(summary),
    )


@router.get("/insights/report")
async def report_download(
    uow: UowDep,
    zone: ZoneDep,
    library: LibraryDep,
    checks: ChecksDep,
    start: FromQuery = None,
    end: ToQuery = None,
    format: Annotated[str, Query()] = "pdf",
    note: Annotated[list[Id] | None, Query()] = None,
) -> Response:
    """The counsellor report as PDF or Markdown, with only the ticked notes."""
    from closer.presentation.report import to_markdown, to_pdf  # noqa: PLC0415 - heavy

    if format not in ("pdf", "md"):
        raise InvalidInput("Choose pdf or md for the report.", field="format")
    period = period_of(start, end, zone=zone)
    made = await run_in_threadpool(
        partial(counselor_report, zone=zone), uow, library, checks, period, note or []
    )
    name = f"closer-report-{period.start}-to-{period.end}"
    if format == "md":
        body = to_markdown(made, library).encode("utf-8")
        media, name = "text/markdown; charset=utf-8", name + ".md"
    else:
        body = await run_in_threadpool(to_pdf, made, library)
        media, name = "application/pdf", name + ".pdf"
    return Response(
        body,
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
