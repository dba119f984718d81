"""Reading and changing the person's preferences."""

from __future__ import annotations

from dataclasses import replace

from closer.domain.crisis_lines import HelpDirectory
from closer.domain.errors import InvalidInput
from closer.domain.preferences import Preferences
from closer.services.unit_of_work import UnitOfWork


def get_preferences(uow: UnitOfWork) -> Preferences:
    """The saved preferences (defaults when nothing was saved)."""
    with uow:
        return uow.preferences.get()


def update_preferences(
    uow: UnitOfWork,
    directory: HelpDirectory,
    *,
    country: str | None = None,
    theme: str | None = None,
    time_zone: str | None = None,
) -> Preferences:
    """Validate and save new preferences; ``None`` leaves a field unchanged.

    A country must be one Closer has crisis lines for, so that "Need help now"
    never shows an empty page; anyone else uses the international list by
    leaving the country empty.
    """
    with uow:
        updated = uow.preferences.get().changed(
            country=country, theme=theme, time_zone=time_zone
        )
        if updated.country is not None and not directory.knows(updated.country):
            known = ", ".join(sorted(code for code, _ in directory.choices()))
            raise InvalidInput(
                f"Closer has no crisis lines for {updated.country} yet. "
                f"Choose one of {known}, or leave the country empty "
                "to see international directories.",
                field="country",
            )
        uow.preferences.save(updated)
        uow.commit()
        return updated


def dismiss_country_prompt(uow: UnitOfWork) -> Preferences:
    """The person chose "Not now" on the first-run country question."""
    with uow:
        updated = replace(uow.preferences.get(), country_prompt_dismissed=True)
        uow.preferences.save(updated)
        uow.commit()
        return updated
