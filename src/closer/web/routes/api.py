"""The JSON API, version 1. Its OpenAPI document is at ``/api/v1/openapi.json``."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from closer.adapters.db.database import read_revision
from closer.adapters.local_store import StoreState
from closer.domain.crisis_lines import CountryHelp
from closer.domain.errors import DamagedStore
from closer.domain.preferences import Preferences
from closer.services.help import help_now
from closer.services.preferences import get_preferences, update_preferences
from closer.web.dependencies import DirectoryDep, StoreDep, UowDep
from closer.web.store import UNLOCK_COOKIE

API_PREFIX = "/api/v1"


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """Every API error has this shape."""

    error: ErrorDetail


# What any operation may answer besides its own success (each as ErrorBody).
ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorBody, "description": "The body is not readable JSON."},
    401: {"model": ErrorBody, "description": "Not signed in (hosted mode)."},
    403: {"model": ErrorBody, "description": "Refused: sent from another site."},
    404: {"model": ErrorBody, "description": "No such record, or not here."},
    409: {"model": ErrorBody, "description": "Not possible now (e.g. not set up)."},
    422: {"model": ErrorBody, "description": "The input broke a rule."},
    423: {"model": ErrorBody, "description": "The records are locked: unlock."},
    503: {"model": ErrorBody, "description": "The database cannot be reached."},
}
# People and moments name a record by id: "not found" is their usual 404.
RECORD_ERRORS = {**ERRORS, 404: ERRORS[422] | {"description": "Not found."}}
# Unlocking and signing in also slow down guessing.
GUARDED = {**ERRORS, 429: {"model": ErrorBody, "description": "Too many tries: wait."}}

router = APIRouter(prefix=API_PREFIX, responses=ERRORS)


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    store: str = Field(
        description="open, locked, not_set_up, or damaged (the records file or "
        "its key file is missing or unreadable: pages say how to restore it)"
    )
    database: str | None = Field(description="sqlite or postgresql; null until open")
    schema_revision: str | None


class SettingsOut(BaseModel):
    country: str | None = Field(description="ISO 3166-1 alpha-2 code, or null")
    theme: str = Field(description="system, light or dark")
    time_zone: str | None = Field(
        default=None,
        description="IANA name such as Europe/Paris; null: the browser's, or UTC",
    )


class SettingsPatch(BaseModel):
    """Fields to change. A missing field is left as it is; a null country clears it."""

    model_config = ConfigDict(extra="forbid")

    country: str | None = None
    theme: str | None = None
    time_zone: str | None = None


class LineOut(BaseModel):
    name: str
    description: str
    phone: str | None
    text: str | None
    url: str | None
    hours: str
    source: str
    checked: date


class CountryHelpOut(BaseModel):
    code: str
    name: str
    emergency: str
    lines: list[LineOut]

    @classmethod
    def of(cls, help: CountryHelp) -> CountryHelpOut:
        lines = [
            LineOut(
                name=line.name,
                description=line.description,
                phone=line.phone,
                text=line.text,
                url=line.url,
                hours=line.hours,
                source=line.source,
                checked=line.checked,
            )
            for line in help.lines
        ]
        return cls(
            code=help.code, name=help.name, emergency=help.emergency, lines=lines
        )


class HelpOut(BaseModel):
    country: CountryHelpOut
    international: CountryHelpOut
    is_fallback: bool = Field(description="True when no country-specific lines apply")
    notice: str


class CountryOut(BaseModel):
    code: str
    name: str


NOT_THERAPY = (
    "Closer is not therapy and not an emergency service. If you are in danger now, "
    "call your local emergency number."
)


@router.get("/health")
def health(request: Request, store: StoreDep) -> Health:
    """Whether the app answers, and its database once the records are open
    (for this client: a store unlocked in a browser is open for that browser)."""
    token = request.cookies.get(UNLOCK_COOKIE)
    if not store.is_open or not store.admits(token):
        try:
            state = "not_set_up" if store.state() is StoreState.NEW else "locked"
        except DamagedStore:
            state = "damaged"
        return Health(status="ok", store=state, database=None, schema_revision=None)
    database = store.require(token)
    return Health(
        status="ok",
        store="open",
        database=database.engine.dialect.name,
        schema_revision=read_revision(database.engine),
    )


@router.get("/settings")
def read_settings(uow: UowDep) -> SettingsOut:
    """The saved preferences."""
    return _settings_out(get_preferences(uow))


def _settings_out(prefs: Preferences) -> SettingsOut:
    return SettingsOut(
        country=prefs.country, theme=prefs.theme.value, time_zone=prefs.time_zone
    )


@router.patch("/settings")
def change_settings(
    patch: SettingsPatch, uow: UowDep, directory: DirectoryDep
) -> SettingsOut:
    """Change the country, theme or time zone (null clears a country or zone)."""
    cleared = {f: "" for f in ("country", "time_zone") if f in patch.model_fields_set}
    prefs = update_preferences(
        uow,
        directory,
        country=patch.country if patch.country is not None else cleared.get("country"),
        theme=patch.theme,
        time_zone=(
            patch.time_zone if patch.time_zone is not None else cleared.get("time_zone")
        ),
    )
    return _settings_out(prefs)


@router.get("/help")
def get_help(
    uow: UowDep, directory: DirectoryDep, country: str | None = None
) -> HelpOut:
    """Crisis lines for a country (default: the saved one) and worldwide."""
    view = help_now(uow, directory, country=country)
    return HelpOut(
        country=CountryHelpOut.of(view.help),
        international=CountryHelpOut.of(view.international),
        is_fallback=view.is_fallback,
        notice=NOT_THERAPY,
    )


@router.get("/countries")
def list_countries(directory: DirectoryDep) -> list[CountryOut]:
    """Countries Closer has crisis lines for."""
    return [CountryOut(code=code, name=name) for code, name in directory.choices()]
