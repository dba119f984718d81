"""Server-rendered pages. Each works without JavaScript."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.errors import InvalidInput
from closer.services.help import help_now
from closer.services.preferences import get_preferences, update_preferences
from closer.services.unit_of_work import UnitOfWork
from closer.web.dependencies import DirectoryDep, UowDep
from closer.web.rendering import is_htmx, render

router = APIRouter(include_in_schema=False)

# The sections a later issue fills in, with a sentence on what each will hold.
SECTIONS: dict[str, tuple[str, str]] = {
    "moments": (
        "Moments",
        "Each time you feel the pull to withdraw, you will be able to note it here "
        "in a few seconds, and see what may lie behind it.",
    ),
    "people": (
        "People",
        "The people who matter to you, how close you feel, and who you have not "
        "been in touch with for a while.",
    ),
    "practice": (
        "Practice",
        "Small steps toward someone, guided reflections, and planning a time-out "
        "on purpose instead of disappearing.",
    ),
    "insights": (
        "Insights",
        "Patterns in your own records: which situations, feelings and people "
        "bring the urge, and what helps.",
    ),
    "learn": (
        "Learn",
        "Why people push others away while wanting closeness, the common signs, "
        "and what tends to help, in plain words.",
    ),
}


@router.get("/", response_class=HTMLResponse)
def today(request: Request, uow: UowDep) -> Response:
    """The Today page."""
    preferences = get_preferences(uow)
    return render(request, "today.html", preferences=preferences, title="Today")


def _section(name: str) -> Callable[[Request, UnitOfWork], Response]:
    title, summary = SECTIONS[name]

    def page(request: Request, uow: UowDep) -> Response:
        return render(
            request,
            "section.html",
            preferences=get_preferences(uow),
            title=title,
            summary=summary,
        )

    page.__name__ = f"{name}_page"
    return page


for _name in SECTIONS:
    router.add_api_route(f"/{_name}", _section(_name), methods=["GET"])


@router.get("/help", response_class=HTMLResponse)
def help_page(
    request: Request,
    uow: UowDep,
    directory: DirectoryDep,
    country: str | None = None,
) -> Response:
    """Need help now: crisis lines for the person's country."""
    preferences = get_preferences(uow)
    try:
        view = help_now(uow, directory, country=country or None)
    except InvalidInput:
        view = help_now(uow, directory)
    return render(
        request,
        "help.html",
        preferences=preferences,
        title="Need help now",
        view=view,
        choices=directory.choices(),
    )


def _settings_page(
    request: Request,
    uow: UowDep,
    directory: DirectoryDep,
    *,
    saved: bool = False,
    error: InvalidInput | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    preferences = get_preferences(uow)
    context = {
        "title": "Settings",
        "choices": directory.choices(),
        "form": form
        or {"country": preferences.country or "", "theme": preferences.theme.value},
        "saved": saved,
        "error": error,
    }
    status = error.status if error else 200
    template = "_settings_form.html" if is_htmx(request) else "settings.html"
    return render(
        request, template, preferences=preferences, status_code=status, **context
    )


@router.get("/settings", response_class=HTMLResponse)
def settings_page(
    request: Request, uow: UowDep, directory: DirectoryDep, saved: bool = False
) -> Response:
    """The Settings page."""
    return _settings_page(request, uow, directory, saved=saved)


@router.post("/settings", response_class=HTMLResponse)
def save_settings(
    request: Request,
    uow: UowDep,
    directory: DirectoryDep,
    country: Annotated[str, Form()] = "",
    theme: Annotated[str, Form()] = "system",
) -> Response:
    """Save Settings; on a mistake, show the form again with what was typed."""
    before = get_preferences(uow)
    try:
        after = update_preferences(uow, directory, country=country, theme=theme)
    except InvalidInput as error:
        form = {"country": country, "theme": theme}
        return _settings_page(request, uow, directory, error=error, form=form)
    if not is_htmx(request):
        return RedirectResponse("/settings?saved=true", status_code=303)
    response = _settings_page(request, uow, directory, saved=True)
    if after.theme != before.theme:
        response.headers["HX-Refresh"] = "true"
    return response
