"""The storage interfaces services depend on (implemented in ``adapters``)."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from closer.domain.preferences import Preferences
from closer.domain.safety.assessment import About, Level
from closer.domain.safety.plan import SafetyPlan
from closer.domain.safety.support import Choice, SupportAlert


class PreferencesRepository(Protocol):
    """Where the person's preferences are kept."""

    def get(self) -> Preferences: ...

    def save(self, preferences: Preferences) -> None: ...


class SafetyPlanRepository(Protocol):
    """Where the personal safety plan is kept."""

    def get(self) -> SafetyPlan: ...

    def save(self, plan: SafetyPlan) -> None: ...


class SupportAlertRepository(Protocol):
    """Which support panels are open."""

    def current(self) -> SupportAlert | None: ...

    def open(self, level: Level, about: About, source: str) -> None: ...

    def resolve(self, choice: Choice) -> int: ...


class UnitOfWork(Protocol):
    """One transaction over the repositories; nothing lasts until ``commit``."""

    @property
    def preferences(self) -> PreferencesRepository: ...

    @property
    def safety_plan(self) -> SafetyPlanRepository: ...

    @property
    def support(self) -> SupportAlertRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...
