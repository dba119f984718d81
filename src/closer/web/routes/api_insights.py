"""Insights and the counsellor report over the API."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from starlette.responses import Response

from closer.services.insights import insights, period_of, summary_data
from closer.web.dependencies import ChecksDep, LibraryDep, UowDep, ZoneDep
from closer.web.ids import Id
from closer.web.routes import insights as insight_pages
from closer.web.routes.api import API_PREFIX, ERRORS

router = APIRouter(prefix=API_PREFIX, tags=["insights"], responses=ERRORS)

FromQuery = Annotated[
    date | None, Query(alias="from", description="Default: 90 days ago")
]
ToQuery = Annotated[date | None, Query(alias="to", description="Default: today")]


class CountedOut(BaseModel):
    slug: str
    name: str
    count: int


class WeekOut(BaseModel):
    start: date = Field(description="The Monday of the week")
    moments: int
    stayed: int
    noted: int


class InsightOut(BaseModel):
    kind: str
    sentence: str
    numbers: dict[str, float | int | str | None]
    sample: int = Field(description="How many records it rests on")


class InsightsOut(BaseModel):
    start: date
    end: date
    moments: int
    per_week: float
    stayed: int
    noted: int
    approach_ratio: float | None = Field(description="Stayed / noted, 0 to 1")
    weeks: list[WeekOut]
    people: list[CountedOut]
    emotions: list[CountedOut]
    signs: list[CountedOut]
    causes: list[CountedOut]
    tags: list[CountedOut]
    parts_of_day: dict[str, int]
    weekdays: list[int] = Field(
        description="Moments on Mondays … Sundays, in the person's time zone"
    )
    insights: list[InsightOut]
    min_sample: int = Field(description="No pattern is claimed on fewer moments")


@router.get("/insights")
def read_insights(
    uow: UowDep,
    zone: ZoneDep,
    library: LibraryDep,
    checks: ChecksDep,
    start: FromQuery = None,
    end: ToQuery = None,
) -> InsightsOut:
    """Patterns over a period: counts, the approach ratio, what comes up most,
    "when X, then Y" patterns (never on fewer than ``min_sample`` moments),
    ladder steps, plans, drift and self-check trends, each in a sentence."""
    period = period_of(start, end, zone=zone)
    summary = insights(uow, library, checks, period, zone=zone)
    return InsightsOut.model_validate(summary_data(summary))


@router.get(
    "/report",
    responses={
        200: {
            "content": {"application/pdf": {}, "text/markdown": {}},
            "description": "The counsellor report",
        }
    },
)
async def read_report(
    uow: UowDep,
    zone: ZoneDep,
    library: LibraryDep,
    checks: ChecksDep,
    start: FromQuery = None,
    end: ToQuery = None,
    format: Annotated[str, Query(description="pdf or md")] = "pdf",
    note: Annotated[
        list[Id] | None, Query(description="Moment ids whose words to include")
    ] = None,
) -> Response:
    """The counsellor report; only the moments named in ``note`` are quoted."""
    return await insight_pages.report_download(
        uow, zone, library, checks, start, end, format, note
    )
