"""Calendar: an .ics download and a private, revocable subscription address."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel
from starlette.responses import Response

from closer.adapters import calendar_feeds
from closer.adapters.calendar_ics import to_ics
from closer.domain.errors import NotFound
from closer.services.calendar import calendar_for
from closer.web.dependencies import OwnerDep, StoreDep, UowDep
from closer.web.routes.api import API_PREFIX, ERRORS
from closer.web.store import UNLOCK_COOKIE

router = APIRouter(tags=["staying connected"], responses=ERRORS)

ICS = "text/calendar; charset=utf-8"


class FeedOut(BaseModel):
    url: str


def ics_response(data: bytes, *, download: bool) -> Response:
    """An iCalendar answer, never cached by a browser or a proxy."""
    headers = {"Cache-Control": "private, no-store"}
    if download:
        headers["Content-Disposition"] = 'attachment; filename="closer.ics"'
    return Response(data, media_type=ICS, headers=headers)


@router.get(f"{API_PREFIX}/calendar.ics", response_class=Response)
def calendar_file(uow: UowDep) -> Response:
    """Plans, time-out return days and rhythm days as an iCalendar file."""
    return ics_response(to_ics(calendar_for(uow)), download=True)


def feed_url(request: Request, token: str) -> str:
    """The address a calendar app subscribes to."""
    return str(request.url_for("calendar_feed", token=token))


@router.post(f"{API_PREFIX}/calendar/feed", status_code=201)
def create_feed(request: Request, store: StoreDep, owner: OwnerDep) -> FeedOut:
    """A private address to subscribe to (replaces any earlier one). Shown once."""
    token = calendar_feeds.new_feed(
        store.require(request.cookies.get(UNLOCK_COOKIE)), owner
    )
    return FeedOut(url=feed_url(request, token))


@router.delete(f"{API_PREFIX}/calendar/feed", status_code=204)
def delete_feed(request: Request, store: StoreDep, owner: OwnerDep) -> Response:
    """Stop the private address from working."""
    calendar_feeds.revoke_feed(store.require(request.cookies.get(UNLOCK_COOKIE)), owner)
    return Response(status_code=204)


@router.get("/calendar/{token}.ics", name="calendar_feed", include_in_schema=False)
def calendar_feed(token: str, store: StoreDep) -> Response:
    """The subscription itself: the token is the credential."""
    database = store.for_feed()
    owner = calendar_feeds.feed_owner(database, token)
    if owner is None:
        raise NotFound("There is no calendar at this address.")
    return ics_response(
        to_ics(calendar_for(database.unit_of_work(owner))), download=False
    )
