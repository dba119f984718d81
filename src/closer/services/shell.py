"""What every page's layout needs: preferences and any open support panel."""

from __future__ import annotations

from dataclasses import dataclass

from closer.domain.crisis_lines import HelpDirectory
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


def load_shell(uow: UnitOfWork, directory: HelpDirectory) -> Shell:
    """Preferences and the open support panel, if any."""
    with uow:
        preferences = uow.preferences.get()
    return Shell(preferences=preferences, support=support_panel(uow, directory))
