"""The storage interfaces services depend on (implemented in ``adapters``)."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from closer.domain.preferences import Preferences


class PreferencesRepository(Protocol):
    """Where the person's preferences are kept."""

    def get(self) -> Preferences: ...

    def save(self, preferences: Preferences) -> None: ...


class UnitOfWork(Protocol):
    """One transaction over the repositories; nothing lasts until ``commit``."""

    @property
    def preferences(self) -> PreferencesRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...
