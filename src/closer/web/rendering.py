"""Rendering pages: the shared layout context and the template set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from closer import __version__
from closer.domain.preferences import Preferences, Theme

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=TEMPLATES_DIR)


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
    NavItem("/settings", "Settings"),
)


def is_htmx(request: Request) -> bool:
    """Whether htmx asked for a partial."""
    return request.headers.get("hx-request") == "true"


def render(
    request: Request,
    template: str,
    *,
    preferences: Preferences | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render ``template`` with the layout's shared context."""
    theme = preferences.theme if preferences is not None else Theme.SYSTEM
    shared = {
        "navigation": NAVIGATION,
        "current_path": request.url.path,
        "theme": theme.value,
        "version": __version__,
    }
    return templates.TemplateResponse(
        request, template, {**shared, **context}, status_code=status_code
    )
