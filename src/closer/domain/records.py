"""A person's records as one value: what export writes and import reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from closer.domain.moments import Moment
from closer.domain.people import Person
from closer.domain.preferences import Preferences
from closer.domain.safety.plan import SafetyPlan


@dataclass(frozen=True)
class Records:
    """Everything a person keeps in Closer, independent of storage.

    Moments name their people (``person_names``); ids are the store's own
    business and never leave it, so records can move between stores.
    """

    preferences: Preferences = field(default_factory=Preferences)
    plan: SafetyPlan = field(default_factory=SafetyPlan)
    people: tuple[Person, ...] = ()
    moments: tuple[Moment, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """What an import added and what it skipped as already there."""

    source: str
    people_added: int = 0
    people_skipped: int = 0
    moments_added: int = 0
    moments_skipped: int = 0
    plan_items_added: int = 0
    needs_care: int = 0  # imported texts with words of crisis in them

    @property
    def added(self) -> int:
        """How many records were added in all."""
        return self.people_added + self.moments_added + self.plan_items_added
