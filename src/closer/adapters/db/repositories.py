"""Repositories: translate between table rows and domain objects."""

from __future__ import annotations

from sqlalchemy.orm import Session

from closer.adapters.db.orm import AppSettingsRow, utc_now
from closer.domain.preferences import Preferences, Theme

_SETTINGS_ID = 1


class SqlPreferencesRepository:
    """Stores the person's preferences in the single ``app_settings`` row."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self) -> Preferences:
        """The stored preferences, or the defaults when none were saved."""
        row = self._session.get(AppSettingsRow, _SETTINGS_ID)
        if row is None:
            return Preferences()
        return Preferences(country=row.country, theme=Theme(row.theme))

    def save(self, preferences: Preferences) -> None:
        """Insert or update the single row."""
        row = self._session.get(AppSettingsRow, _SETTINGS_ID)
        if row is None:
            row = AppSettingsRow(id=_SETTINGS_ID)
            self._session.add(row)
        row.country = preferences.country
        row.theme = preferences.theme.value
        row.updated_at = utc_now()
