"""Rendering pages: the shared layout context and the template set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from closer import __version__
from closer.domain.people import MONTH_NAMES
from closer.domain.preferences import Theme
from closer.services.shell import Shell

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.globals["months"] = MONTH_NAMES  # birthday fields


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
    shared = {
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
