"""Server-rendered pages: Today, the sections and Settings. All work without JS."""

from __future__ import annotations

from functools import cache
from typing import Annotated
from zoneinfo import available_timezones

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.errors import InvalidInput
from closer.services.contacts import set_drift_summary
from closer.services.preferences import dismiss_country_prompt, update_preferences
from closer.services.shell import Shell, load_shell
from closer.web.dependencies import (
    DirectoryDep,
    LibraryDep,
    ShellDep,
    UowDep,
    detected_zone,
)
from closer.web.rendering import is_htmx, render, zone_of
from closer.web.routes.moments import today_context

router = APIRouter(include_in_schema=False)


@cache
def known_zones() -> list[str]:
    """Every time-zone name the zone database knows, for Settings' list."""
    return sorted(z for z in available_timezones() if "/" in z or z == "UTC")


@router.get("/", response_class=HTMLResponse)
def today(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    directory: DirectoryDep,
    library: LibraryDep,
) -> Response:
    """Today: the quick log first; on first run, a question about the country."""
    return render(
        request,
        "today.html",
        shell=shell,
        title="Today",
        country_choices=directory.choices(),
        form={},
        error=None,
        **today_context(uow, library, zone_of(shell)),
    )


@router.post("/first-run/country", response_class=HTMLResponse)
def first_run_country(
    uow: UowDep,
    directory: DirectoryDep,
    country: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    """Answer (or put off) the first-run question about the country."""
    if action == "later" or not country.strip():
        dismiss_country_prompt(uow)
    else:
        update_preferences(uow, directory, country=country)
    return RedirectResponse("/", status_code=303)


def _settings_page(
    request: Request,
    shell: Shell,
    directory: DirectoryDep,
    *,
    saved: bool = False,
    error: InvalidInput | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    preferences = shell.preferences
    context = {
        "title": "Settings",
        "choices": directory.choices(),
        "zones": known_zones(),
        "detected_zone": detected_zone(request),
        "form": form
        or {
            "country": preferences.country or "",
            "theme": preferences.theme.value,
            "time_zone": preferences.time_zone or "",
        },
        "saved": saved,
        "error": error,
    }
    status = error.status if error else 200
    template = "_settings_form.html" if is_htmx(request) else "settings.html"
    return render(request, template, shell=shell, status_code=status, **context)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(
    request: Request, shell: ShellDep, directory: DirectoryDep, saved: bool = False
) -> Response:
    """The Settings page."""
    return _settings_page(request, shell, directory, saved=saved)


@router.post("/settings/drift-summary")
def save_drift_summary(uow: UowDep, on: Annotated[str, Form()] = "") -> Response:
    """Turn the daily summary of drifting people on or off."""
    set_drift_summary(uow, on == "yes")
    return RedirectResponse("/settings?saved=true", status_code=303)


@router.post("/settings", response_class=HTMLResponse)
def save_settings(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    directory: DirectoryDep,
    country: Annotated[str, Form()] = "",
    theme: Annotated[str, Form()] = "system",
    time_zone: Annotated[str, Form()] = "",
) -> Response:
    """Save Settings; on a mistake, show the form again with what was typed."""
    try:
        after = update_preferences(
            uow, directory, country=country, theme=theme, time_zone=time_zone
        )
    except InvalidInput as error:
        form = {"country": country, "theme": theme, "time_zone": time_zone}
        return _settings_page(request, shell, directory, error=error, form=form)
    if not is_htmx(request):
        return RedirectResponse("/settings?saved=true", status_code=303)
    response = _settings_page(
        request,
        load_shell(uow, directory, detected_zone(request)),
        directory,
        saved=True,
    )
    if (after.theme, after.time_zone) != (
        shell.preferences.theme,
        shell.preferences.time_zone,
    ):  # the whole page changes: its colours or its times
        response.headers["HX-Refresh"] = "true"
    return response
