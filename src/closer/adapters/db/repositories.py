"""Repositories: translate between table rows and domain objects."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from closer.adapters.db.orm import (
    AppSettingsRow,
    SafetyPlanItemRow,
    SupportAlertRow,
    utc_now,
)
from closer.domain.preferences import Preferences, Theme
from closer.domain.safety.assessment import About, Level
from closer.domain.safety.plan import PlanSection, SafetyPlan
from closer.domain.safety.support import Choice, SupportAlert

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
        return Preferences(
            country=row.country,
            theme=Theme(row.theme),
            country_prompt_dismissed=row.country_prompt_dismissed,
        )

    def save(self, preferences: Preferences) -> None:
        """Insert or update the single row."""
        row = self._session.get(AppSettingsRow, _SETTINGS_ID)
        if row is None:
            row = AppSettingsRow(id=_SETTINGS_ID)
            self._session.add(row)
        row.country = preferences.country
        row.theme = preferences.theme.value
        row.country_prompt_dismissed = preferences.country_prompt_dismissed
        row.updated_at = utc_now()


class SqlSafetyPlanRepository:
    """Stores the safety plan as ordered lines per section."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self) -> SafetyPlan:
        """The saved plan (empty when nothing was written)."""
        rows = self._session.scalars(
            select(SafetyPlanItemRow).order_by(
                SafetyPlanItemRow.section, SafetyPlanItemRow.position
            )
        )
        sections: dict[PlanSection, list[str]] = {}
        for row in rows:
            sections.setdefault(PlanSection(row.section), []).append(row.text)
        return SafetyPlan({s: tuple(items) for s, items in sections.items()})

    def save(self, plan: SafetyPlan) -> None:
        """Replace the whole plan (inside the caller's transaction)."""
        self._session.execute(delete(SafetyPlanItemRow))
        now = utc_now()
        self._session.add_all(
            SafetyPlanItemRow(
                section=section.value, position=i, text=text, updated_at=now
            )
            for section in PlanSection
            for i, text in enumerate(plan.items(section))
        )


class SqlSupportAlertRepository:
    """Open and resolved support panels."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def current(self) -> SupportAlert | None:
        """The open alert, if any (the most worrying, then the newest)."""
        rows = self._session.scalars(
            select(SupportAlertRow)
            .where(SupportAlertRow.resolved_at.is_(None))
            .order_by(SupportAlertRow.id.desc())
        ).all()
        if not rows:
            return None
        row = max(rows, key=lambda r: Level(r.level).rank)
        return SupportAlert(
            id=row.id,
            level=Level(row.level),
            about=About(row.about),
            source=row.source,
            opened_at=row.opened_at,
        )

    def open(self, level: Level, about: About, source: str) -> None:
        """Record that the support panel must show."""
        self._session.add(
            SupportAlertRow(
                level=level.value, about=about.value, source=source, opened_at=utc_now()
            )
        )

    def resolve(self, choice: Choice) -> int:
        """Close every open alert with the person's choice; how many were open."""
        result = self._session.execute(
            update(SupportAlertRow)
            .where(SupportAlertRow.resolved_at.is_(None))
            .values(resolved_at=utc_now(), resolution=choice.value)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
