"""The person's preferences: which country's crisis lines to show, and the theme."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from closer.domain.choices import one_of
from closer.domain.errors import InvalidInput
from closer.domain.local_time import parse_time_zone

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")

# Codes people commonly type that differ from ISO 3166-1 alpha-2.
_COUNTRY_ALIASES = {"UK": "GB"}


class Theme(StrEnum):
    """How pages are coloured. ``system`` follows the device's setting."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def parse_theme(value: str) -> Theme:
    """Return the theme named by ``value`` or raise a clear error."""
    return one_of(Theme, value, "theme")


def parse_country(value: str | None) -> str | None:
    """Normalise a country code (ISO 3166-1 alpha-2, ``UK`` accepted for ``GB``).

    An empty value means "not chosen yet" and returns ``None``.
    """
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    code = _COUNTRY_ALIASES.get(code, code)
    if not _COUNTRY_CODE.match(code):
        raise InvalidInput(
            f"Country must be a two-letter code such as US, GB or DE; got {value!r}.",
            field="country",
        )
    return code


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the person chose in Settings."""

    country: str | None = None
    theme: Theme = Theme.SYSTEM
    country_prompt_dismissed: bool = False
    drift_summary: bool = True  # at most one gentle summary a day on Today
    drift_summary_on: date | None = None  # the day it was last shown
    check_every_days: int | None = None  # remind of self-checks (optional)
    time_zone: str | None = None  # an IANA name; None: the browser's or machine's

    @property
    def should_ask_country(self) -> bool:
        """First run: ask for a country until one is chosen or dismissed."""
        return self.country is None and not self.country_prompt_dismissed

    def changed(
        self,
        *,
        country: str | None = None,
        theme: str | None = None,
        time_zone: str | None = None,
    ) -> Preferences:
        """Return a copy with the given fields parsed and replaced.

        ``None`` leaves a field as it is; an empty country or time zone
        clears it.
        """
        updated = self
        if country is not None:
            updated = replace(updated, country=parse_country(country))
        if theme is not None:
            updated = replace(updated, theme=parse_theme(theme))
        if time_zone is not None:
            updated = replace(updated, time_zone=parse_time_zone(time_zone))
        return updated
