"""A person's records as one value: what export writes and import reads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from closer.domain.accept_good import GoodShare
from closer.domain.checks import CheckResult
from closer.domain.commitments import Commitment
from closer.domain.contacts import Contact
from closer.domain.ladder import Step
from closer.domain.moments import Moment
from closer.domain.people import ClosenessReading, Person
from closer.domain.preferences import Preferences
from closer.domain.reflection_entries import ReflectionEntry
from closer.domain.safety.plan import SafetyPlan
from closer.domain.thoughts import ThoughtRecord
from closer.domain.timeouts import TimeOut


@dataclass(frozen=True)
class Records:
    """Everything a person keeps in Closer, independent of storage.

    Records name their people (``person_names``, ``person_name``); ids are
    the store's own business and never leave it, so records can move between
    stores. Inside a ``Records``, ``moment_id`` of a reflection or a thought
    record is the 1-based position of its moment in ``moments``, and
    ``reflection_id`` of a time-out the position of its entry in
    ``reflections``.
    """

    preferences: Preferences = field(default_factory=Preferences)
    plan: SafetyPlan = field(default_factory=SafetyPlan)
    people: tuple[Person, ...] = ()
    moments: tuple[Moment, ...] = ()
    steps: tuple[Step, ...] = ()
    good_shares: tuple[GoodShare, ...] = ()
    reflections: tuple[ReflectionEntry, ...] = ()
    thoughts: tuple[ThoughtRecord, ...] = ()
    timeouts: tuple[TimeOut, ...] = ()
    contacts: tuple[Contact, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    check_results: tuple[CheckResult, ...] = ()  # self-checks, oldest first
    closeness: tuple[ClosenessReading, ...] = ()  # oldest first
    notes: tuple[str, ...] = ()  # what a reader left out, in words


@dataclass(frozen=True)
class Incoming:
    """Records on their way in from a file: everything but the moments is
    read already (it is small); the moments are read one at a time while
    they are written, so a file of any size is imported in bounded memory.
    A reader that finds a problem raises it from ``moments`` (InvalidInput
    naming the place), and the import, all or nothing, leaves nothing."""

    records: Records  # with no moments
    moments: Iterable[Moment]

    @classmethod
    def of(cls, records: Records) -> Incoming:
        """Records already in memory, as an import takes them."""
        return cls(replace(records, moments=()), records.moments)


@dataclass(frozen=True)
class ImportReport:
    """What an import added and what it skipped as already there."""

    source: str
    people_added: int = 0
    people_skipped: int = 0
    moments_added: int = 0
    moments_skipped: int = 0
    plan_items_added: int = 0
    practice_added: int = 0  # steps, shares, reflections, thought records, time-outs
    practice_skipped: int = 0
    needs_care: int = 0  # imported texts with words of crisis in them
    people_names: tuple[str, ...] = ()  # the people added, by name
    notes: tuple[str, ...] = ()  # what the reader left out, in words

    @property
    def added(self) -> int:
        """How many records were added in all."""
        return (
            self.people_added
            + self.moments_added
            + self.plan_items_added
            + self.practice_added
        )

    def sentences(self) -> list[str]:
        """What happened, in words (words of crisis are said by each screen)."""
        said = [
            f"Imported {self.moments_added} moments, {self.people_added} people and "
            f"{self.plan_items_added} safety-plan lines."
        ]
        if self.people_names:
            shown = ", ".join(self.people_names[:10])
            more = len(self.people_names) - 10
            said.append(
                f"New people: {shown}" + (f" and {more} more." if more > 0 else ".")
            )
        skipped = self.moments_skipped + self.people_skipped + self.practice_skipped
        if skipped:
            said.append(f"Skipped {skipped} already here (nothing was doubled).")
        return said + list(self.notes)
