"""What every page's layout needs: preferences and any open support panel."""

from __future__ import annotations

from dataclasses import dataclass

from closer.domain.crisis_lines import HelpDirectory
from closer.domain.local_time import zone_named
from closer.domain.preferences import Preferences
from closer.services.safety import SupportPanel, support_panel
from closer.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class Shell:
    """The layout's data for one page."""

    preferences: Preferences
    support: SupportPanel | None
    locked: bool = False
    account: str | None = None  # hosted mode: who is signed in
    time_zone: str = "UTC"  # the zone times are shown in (see zone_for)


def load_shell(
    uow: UnitOfWork, directory: HelpDirectory, detected_zone: str | None = None
) -> Shell:
    """Preferences, the open support panel if any, and the time zone."""
    with uow:
        preferences = uow.preferences.get()
    return Shell(
        preferences=preferences,
        support=support_panel(uow, directory),
        time_zone=zone_for(preferences, detected_zone),
    )


def zone_for(preferences: Preferences, detected: str | None) -> str:
    """The zone chosen in Settings; else the one the browser or the machine
    reports (when it is a real zone); else UTC."""
    if preferences.time_zone:
        return preferences.time_zone
    if detected and zone_named(detected) is not None:
        return detected
    return "UTC"
