"""The storage interfaces services depend on (implemented in ``adapters``)."""

from __future__ import annotations

import asyncio
from collections.abc import (
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Mapping,
    Sequence,
)
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol, Self, TypeVar, cast

from closer.domain.accept_good import GoodShare
from closer.domain.checks import CheckResult
from closer.domain.commitments import Commitment
from closer.domain.contacts import Contact
from closer.domain.insights import MomentFacts, Period
from closer.domain.ladder import Step
from closer.domain.moments import Moment, MomentQuery
from closer.domain.people import ClosenessReading, Person
from closer.domain.preferences import Preferences
from closer.domain.reflection_entries import ReflectionEntry
from closer.domain.safety.assessment import About, Level
from closer.domain.safety.plan import SafetyPlan
from closer.domain.safety.support import Choice, SupportAlert
from closer.domain.thoughts import ThoughtRecord
from closer.domain.timeouts import TimeOut

T = TypeVar("T")


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

    def closed_safe(self, since: datetime, until: datetime) -> SupportAlert | None:
        """The newest alert about the writer, if it was closed with "I'm safe
        right now" between ``since`` and ``until`` and not checked in on."""
        ...

    def checked_in(self, alert_id: int) -> None:
        """Record that the gentle check-in after ``alert_id`` was answered."""
        ...


class PeopleRepository(Protocol):
    """Where people are kept."""

    def add(self, person: Person) -> Person: ...

    def update(self, person: Person) -> Person: ...

    def delete(self, person_id: int) -> None: ...

    def get(self, person_id: int) -> Person | None: ...

    def by_name(self, name: str) -> Person | None: ...

    def record_closeness(self, person_id: int, reading: ClosenessReading) -> None: ...

    def closeness(self, person_id: int | None = None) -> list[ClosenessReading]: ...

    def list(self) -> list[Person]: ...

    def last_moment_at(self) -> dict[int, datetime]: ...


class MomentRepository(Protocol):
    """Where moments are kept, and searched."""

    def add(self, moment: Moment, client_key: str | None = None) -> Moment: ...

    def update(self, moment: Moment) -> Moment: ...

    def get(self, moment_id: int) -> Moment | None: ...

    def by_client_key(self, client_key: str) -> Moment | None: ...

    def delete(self, moment_id: int) -> None: ...

    def restore(self, moment_id: int) -> Moment: ...

    def set_causes(self, moment_id: int, causes: tuple[str, ...]) -> None: ...

    def find(self, query: MomentQuery) -> tuple[list[Moment], int]: ...

    def all(self) -> list[Moment]: ...

    def id_of(self, occurred_at: datetime, situation: str) -> int | None: ...

    def add_many(self, moments: Sequence[Moment]) -> list[int]: ...

    def ids_by_time_and_text(
        self, moments: Sequence[Moment]
    ) -> dict[tuple[datetime, str], int]: ...


class LadderRepository(Protocol):
    """Steps on the vulnerability ladder."""

    def add(self, step: Step) -> Step: ...

    def update(self, step: Step) -> Step: ...

    def get(self, step_id: int) -> Step | None: ...

    def delete(self, step_id: int) -> None: ...

    def list(self, person_id: int | None = None) -> list[Step]: ...


class GoodShareRepository(Protocol):
    """Shares chosen in "accept a little more good"."""

    def add(self, share: GoodShare) -> GoodShare: ...

    def list(self) -> list[GoodShare]: ...


class ReflectionEntryRepository(Protocol):
    """Guided reflections gone through."""

    def add(self, entry: ReflectionEntry) -> ReflectionEntry: ...

    def get(self, entry_id: int) -> ReflectionEntry | None: ...

    def delete(self, entry_id: int) -> None: ...

    def list(
        self, *, moment_id: int | None = None, person_id: int | None = None
    ) -> list[ReflectionEntry]: ...


class ThoughtRecordRepository(Protocol):
    """Thought records."""

    def add(self, record: ThoughtRecord) -> ThoughtRecord: ...

    def update(self, record: ThoughtRecord) -> ThoughtRecord: ...

    def get(self, record_id: int) -> ThoughtRecord | None: ...

    def delete(self, record_id: int) -> None: ...

    def list(self) -> list[ThoughtRecord]: ...


class TimeOutRepository(Protocol):
    """Healthy time-outs."""

    def add(self, timeout: TimeOut) -> TimeOut: ...

    def update(self, timeout: TimeOut) -> TimeOut: ...

    def get(self, timeout_id: int) -> TimeOut | None: ...

    def delete(self, timeout_id: int) -> None: ...

    def list(self) -> list[TimeOut]: ...


class ContactRepository(Protocol):
    """Times someone was in touch."""

    def add(self, contact: Contact) -> Contact: ...

    def get(self, contact_id: int) -> Contact | None: ...

    def delete(self, contact_id: int) -> None: ...

    def list(self, person_id: int | None = None) -> list[Contact]: ...

    def last_in_touch(self) -> dict[int, datetime]: ...


class CommitmentRepository(Protocol):
    """Plans and promises with people."""

    def add(self, item: Commitment) -> Commitment: ...

    def update(self, item: Commitment) -> Commitment: ...

    def get(self, commitment_id: int) -> Commitment | None: ...

    def delete(self, commitment_id: int) -> None: ...

    def list(self, person_id: int | None = None) -> list[Commitment]: ...


class CheckResultRepository(Protocol):
    """Where self-check results are kept."""

    def add(self, result: CheckResult) -> CheckResult: ...

    def get(self, result_id: int) -> CheckResult | None: ...

    def delete(self, result_id: int) -> None: ...

    def list(self, check: str | None = None) -> list[CheckResult]: ...


class InsightFacts(Protocol):
    """Where the facts for insights are read."""

    def moments(self, period: Period) -> list[MomentFacts]: ...


class VectorCache(Protocol):
    """Where sentence vectors are kept by text."""

    def get_many(self, model: str, texts: Iterable[str]) -> dict[str, list[float]]: ...

    def add_many(self, model: str, vectors: Mapping[str, list[float]]) -> None: ...


class UnitOfWork(Protocol):
    """One transaction over the repositories; nothing lasts until ``commit``.

    ``with uow:`` inside an open ``with uow:`` is the same transaction (a
    page reads several use cases' answers in one), and only the outermost
    block ends it."""

    @property
    def preferences(self) -> PreferencesRepository: ...

    @property
    def safety_plan(self) -> SafetyPlanRepository: ...

    @property
    def support(self) -> SupportAlertRepository: ...

    @property
    def people(self) -> PeopleRepository: ...

    @property
    def moments(self) -> MomentRepository: ...

    @property
    def steps(self) -> LadderRepository: ...

    @property
    def good_shares(self) -> GoodShareRepository: ...

    @property
    def reflections(self) -> ReflectionEntryRepository: ...

    @property
    def thoughts(self) -> ThoughtRecordRepository: ...

    @property
    def timeouts(self) -> TimeOutRepository: ...

    @property
    def contacts(self) -> ContactRepository: ...

    @property
    def commitments(self) -> CommitmentRepository: ...

    @property
    def checks(self) -> CheckResultRepository: ...

    @property
    def insights(self) -> InsightFacts: ...

    @property
    def vectors(self) -> VectorCache: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...


class Writer(Protocol):
    """Runs a write job (which opens, and commits, its unit of work) and
    returns once it is durable. The web app's writer commits the jobs that
    arrive together in one transaction (``adapters.db.group_commit``)."""

    def __call__(self, job: Callable[[UnitOfWork], T], /) -> T: ...


class AsyncWriter(Protocol):
    """A ``Writer`` for an event loop: awaiting it never blocks the loop."""

    def __call__(self, job: Callable[[UnitOfWork], T], /) -> Awaitable[T]: ...


def in_unit(uow: UnitOfWork) -> Writer:
    """The plain writer: run the job in ``uow``, here and now."""

    def write(job: Callable[[UnitOfWork], T]) -> T:
        return job(uow)

    return write


Job = Callable[[UnitOfWork], Any]
# A use case written as steps (a generator): it yields each write as a job and
# is sent the job's result back (or has the job's error raised where it
# yielded, to handle or let through), and returns its own result. The same
# steps run in a thread (``run_steps``) or on an event loop
# (``run_steps_async``), with the I/O left to whoever runs them, as in
# "sans-I/O" protocol libraries.
Steps = Generator[Job, Any, T]


def run_steps(steps: Steps[T], write: Writer) -> T:
    """Run ``steps`` to the end, each write through ``write``."""
    try:
        job = next(steps)
        while True:
            try:
                result = write(job)
            except Exception as error:
                job = steps.throw(error)
            else:
                job = steps.send(result)
    except StopIteration as done:
        value: T = done.value
        return value


async def run_steps_async(
    steps: Steps[T], write: AsyncWriter, *, in_thread: bool = False
) -> T:
    """``run_steps`` on an event loop; ``in_thread`` runs the work between
    writes in a worker thread (when it is heavy, as with the on-device model)."""

    def advance(value: Any, error: Exception | None) -> tuple[Job | None, T | None]:
        try:
            job = steps.throw(error) if error is not None else steps.send(value)
        except StopIteration as done:
            return None, done.value
        return job, None

    value: Any = None
    error: Exception | None = None
    while True:
        job, result = (
            await asyncio.to_thread(advance, value, error)
            if in_thread
            else advance(value, error)
        )
        if job is None:
            return cast(T, result)
        try:
            value, error = await write(job), None
        except Exception as failed:
            value, error = None, failed
