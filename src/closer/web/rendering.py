"""Rendering pages: the shared layout context and the template set."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from starlette.responses import HTMLResponse

from closer import __version__
from closer.domain.local_time import chosen_zone, local, zone_label
from closer.domain.people import MONTH_NAMES
from closer.domain.preferences import Theme
from closer.services.shell import Shell

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.globals["months"] = MONTH_NAMES  # birthday fields


@pass_context
def _in_local_time(context: Context, when: date | None) -> date | None:
    """``{{ moment.occurred_at | local }}``: a stored UTC time as the person's
    wall-clock time (dates, which have no time of day, pass unchanged)."""
    if not isinstance(when, datetime):
        return when
    zone: tzinfo = context.get("zone") or UTC
    return local(when, zone)


templates.env.filters["local"] = _in_local_time


@dataclass(frozen=True, slots=True)
class NavItem:
    """One entry of the main navigation."""

    path: str
    label: str


NAVIGATION: tuple[NavItem, ...] = (
    NavItem("/", "Today"),
    NavItem("/moments", "Moments"),
    NavItem("/people", "People"),
    NavItem("/practice", "Practice"),
    NavItem("/insights", "Insights"),
    NavItem("/learn", "Learn"),
    NavItem("/ask", "Ask"),
    NavItem("/settings", "Settings"),
)


def zone_of(shell: Shell | None) -> tzinfo:
    """The zone a page shows times in (UTC before anything is known)."""
    return (chosen_zone(shell.time_zone) if shell is not None else None) or UTC


def is_htmx(request: Request) -> bool:
    """Whether htmx asked for a partial."""
    return request.headers.get("hx-request") == "true"


def render(
    request: Request,
    template: str,
    *,
    shell: Shell | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render ``template`` with the layout's shared context.

    ``shell`` carries the theme and any open support panel, which the layout
    shows at the top of every page until the person makes a choice.
    """
    theme = shell.preferences.theme if shell is not None else Theme.SYSTEM
    zone = zone_of(shell)
    shared = {
        "zone": zone,
        "zone_name": zone_label(zone),
        "navigation": NAVIGATION,
        "current_path": request.url.path,
        "theme": theme.value,
        "version": __version__,
        "support": shell.support if shell is not None else None,
        "preferences": shell.preferences if shell is not None else None,
        "account": shell.account if shell is not None else None,
    }
    return templates.TemplateResponse(
        request, template, {**shared, **context}, status_code=status_code
    )
