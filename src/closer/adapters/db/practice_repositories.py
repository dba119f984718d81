"""Repositories of practice: ladder steps, good shares, reflections gone through."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from closer.adapters.db.orm import (
    GoodShareRow,
    LadderStepRow,
    MomentRow,
    PersonRow,
    ReflectionEntryRow,
    ThoughtRecordRow,
    TimeOutRow,
)
from closer.adapters.db.repositories import aware
from closer.domain.accept_good import GoodShare
from closer.domain.errors import NotFound
from closer.domain.ladder import Outcome as StepOutcome
from closer.domain.ladder import Step
from closer.domain.moments import Felt
from closer.domain.reflection_entries import ReflectionEntry
from closer.domain.thoughts import ThoughtRecord
from closer.domain.timeouts import TimeOut


class SqlLadderRepository:
    """Steps on the vulnerability ladder."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _to_domain(self, row: LadderStepRow, name: str | None) -> Step:
        return Step(
            id=row.id,
            text=row.text,
            predicted_discomfort=row.predicted_discomfort,
            feared_outcome=row.feared_outcome,
            planned_at=aware(row.planned_at),
            person_id=row.person_id,
            idea=row.idea,
            done_at=aware(row.done_at) if row.done_at else None,
            actual_discomfort=row.actual_discomfort,
            outcome=StepOutcome(row.outcome) if row.outcome else None,
            note=row.note,
            person_name=name,
        )

    def _name(self, person_id: int | None) -> str | None:
        if person_id is None:
            return None
        return self._session.scalar(
            select(PersonRow.name).where(PersonRow.id == person_id)
        )

    def _fill(self, row: LadderStepRow, step: Step) -> None:
        if step.person_id is not None and self._name(step.person_id) is None:
            raise NotFound(f"There is no person with id {step.person_id}.")
        row.text = step.text
        row.predicted_discomfort = step.predicted_discomfort
        row.feared_outcome = step.feared_outcome
        row.planned_at = step.planned_at
        row.person_id = step.person_id
        row.idea = step.idea
        row.done_at = step.done_at
        row.actual_discomfort = step.actual_discomfort
        row.outcome = step.outcome.value if step.outcome else None
        row.note = step.note

    def add(self, step: Step) -> Step:
        row = LadderStepRow()
        self._fill(row, step)
        self._session.add(row)
        self._session.flush()
        return self._to_domain(row, self._name(row.person_id))

    def update(self, step: Step) -> Step:
        row = self._row(step.id)
        self._fill(row, step)
        self._session.flush()
        return self._to_domain(row, self._name(row.person_id))

    def _row(self, step_id: int | None) -> LadderStepRow:
        row = self._session.get(LadderStepRow, step_id) if step_id is not None else None
        if row is None:
            raise NotFound(f"There is no step with id {step_id}.")
        return row

    def get(self, step_id: int) -> Step | None:
        row = self._session.get(LadderStepRow, step_id)
        return None if row is None else self._to_domain(row, self._name(row.person_id))

    def delete(self, step_id: int) -> None:
        self._session.delete(self._row(step_id))

    def list(self, person_id: int | None = None) -> list[Step]:
        """Newest first (finished ones by when they were done)."""
        query = select(LadderStepRow, PersonRow.name).outerjoin(
            PersonRow, PersonRow.id == LadderStepRow.person_id
        )
        if person_id is not None:
            query = query.where(LadderStepRow.person_id == person_id)
        rows = self._session.execute(
            query.order_by(
                func.coalesce(LadderStepRow.done_at, LadderStepRow.planned_at).desc(),
                LadderStepRow.id.desc(),
            )
        ).all()
        return [self._to_domain(row, name) for row, name in rows]


class SqlGoodShareRepository:
    """The shares chosen in "accept a little more good"."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, share: GoodShare) -> GoodShare:
        row = GoodShareRow(
            percent=share.percent, chosen_at=share.chosen_at, note=share.note
        )
        self._session.add(row)
        self._session.flush()
        return replace(share, id=row.id)

    def list(self) -> list[GoodShare]:
        """Newest first."""
        rows = self._session.scalars(
            select(GoodShareRow).order_by(
                GoodShareRow.chosen_at.desc(), GoodShareRow.id.desc()
            )
        )
        return [
            GoodShare(
                percent=r.percent, chosen_at=aware(r.chosen_at), note=r.note, id=r.id
            )
            for r in rows
        ]


class SqlReflectionEntryRepository:
    """Guided reflections gone through."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: ReflectionEntryRow, name: str | None) -> ReflectionEntry:
        return ReflectionEntry(
            id=row.id,
            reflection=row.reflection,
            answers=tuple(str(a) for a in row.answers),
            written_at=aware(row.written_at),
            moment_id=row.moment_id,
            person_id=row.person_id,
            person_name=name,
        )

    def _check_links(self, entry: ReflectionEntry) -> None:
        if (
            entry.person_id is not None
            and self._session.get(PersonRow, entry.person_id) is None
        ):
            raise NotFound(f"There is no person with id {entry.person_id}.")
        if entry.moment_id is not None:
            moment = self._session.get(MomentRow, entry.moment_id)
            if moment is None or moment.deleted_at is not None:
                raise NotFound(f"There is no moment with id {entry.moment_id}.")

    def add(self, entry: ReflectionEntry) -> ReflectionEntry:
        self._check_links(entry)
        row = ReflectionEntryRow(
            reflection=entry.reflection, answers=list(entry.answers),
            written_at=entry.written_at, moment_id=entry.moment_id,
            person_id=entry.person_id,
        )  # fmt: skip
        self._session.add(row)
        self._session.flush()
        saved = self.get(row.id)
        assert saved is not None
        return saved

    def _query(self) -> Select[ReflectionEntryRow, str]:
        return select(ReflectionEntryRow, PersonRow.name).outerjoin(
            PersonRow, PersonRow.id == ReflectionEntryRow.person_id
        )

    def get(self, entry_id: int) -> ReflectionEntry | None:
        found = self._session.execute(
            self._query().where(ReflectionEntryRow.id == entry_id)
        ).first()
        return None if found is None else self._to_domain(found[0], found[1])

    def delete(self, entry_id: int) -> None:
        row = self._session.get(ReflectionEntryRow, entry_id)
        if row is None:
            raise NotFound(f"There is no reflection with id {entry_id}.")
        self._session.delete(row)

    def list(
        self, *, moment_id: int | None = None, person_id: int | None = None
    ) -> list[ReflectionEntry]:
        """Newest first."""
        query = self._query()
        if moment_id is not None:
            query = query.where(ReflectionEntryRow.moment_id == moment_id)
        if person_id is not None:
            query = query.where(ReflectionEntryRow.person_id == person_id)
        rows = self._session.execute(
            query.order_by(
                ReflectionEntryRow.written_at.desc(), ReflectionEntryRow.id.desc()
            )
        ).all()
        return [self._to_domain(row, name) for row, name in rows]


def _felt_rows(felt: tuple[Felt, ...]) -> list[list[str | int]]:
    return [[f.emotion, f.intensity] for f in felt]


def _felt(rows: list[list[str | int]]) -> tuple[Felt, ...]:
    return tuple(Felt(str(e), int(i)) for e, i in rows)


class SqlThoughtRecordRepository:
    """Thought records."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: ThoughtRecordRow) -> ThoughtRecord:
        return ThoughtRecord(
            id=row.id, situation=row.situation, automatic_thought=row.automatic_thought,
            belief_before=row.belief_before, written_at=aware(row.written_at),
            emotions=_felt(row.emotions), traps=tuple(row.traps),
            evidence_for=row.evidence_for, evidence_against=row.evidence_against,
            balanced_thought=row.balanced_thought, belief_after=row.belief_after,
            emotions_after=_felt(row.emotions_after), moment_id=row.moment_id,
        )  # fmt: skip

    def _fill(self, row: ThoughtRecordRow, record: ThoughtRecord) -> None:
        if record.moment_id is not None:
            moment = self._session.get(MomentRow, record.moment_id)
            if moment is None or moment.deleted_at is not None:
                raise NotFound(f"There is no moment with id {record.moment_id}.")
        row.situation = record.situation
        row.automatic_thought = record.automatic_thought
        row.belief_before = record.belief_before
        row.emotions = _felt_rows(record.emotions)
        row.traps = list(record.traps)
        row.evidence_for = record.evidence_for
        row.evidence_against = record.evidence_against
        row.balanced_thought = record.balanced_thought
        row.belief_after = record.belief_after
        row.emotions_after = _felt_rows(record.emotions_after)
        row.written_at = record.written_at
        row.moment_id = record.moment_id

    def _row(self, record_id: int | None) -> ThoughtRecordRow:
        row = (
            self._session.get(ThoughtRecordRow, record_id)
            if record_id is not None
            else None
        )
        if row is None:
            raise NotFound(f"There is no thought record with id {record_id}.")
        return row

    def add(self, record: ThoughtRecord) -> ThoughtRecord:
        row = ThoughtRecordRow()
        self._fill(row, record)
        self._session.add(row)
        self._session.flush()
        return self._to_domain(row)

    def update(self, record: ThoughtRecord) -> ThoughtRecord:
        row = self._row(record.id)
        self._fill(row, record)
        self._session.flush()
        return self._to_domain(row)

    def get(self, record_id: int) -> ThoughtRecord | None:
        row = self._session.get(ThoughtRecordRow, record_id)
        return None if row is None else self._to_domain(row)

    def delete(self, record_id: int) -> None:
        self._session.delete(self._row(record_id))

    def list(self) -> list[ThoughtRecord]:
        """Newest first."""
        rows = self._session.scalars(
            select(ThoughtRecordRow).order_by(
                ThoughtRecordRow.written_at.desc(), ThoughtRecordRow.id.desc()
            )
        )
        return [self._to_domain(r) for r in rows]


class SqlTimeOutRepository:
    """Healthy time-outs."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: TimeOutRow, name: str | None) -> TimeOut:
        return TimeOut(
            id=row.id, reason=row.reason, starts_on=row.starts_on,
            returns_on=row.returns_on, message=row.message,
            created_at=aware(row.created_at), person_id=row.person_id,
            returned_on=row.returned_on, reflection_id=row.reflection_id,
            person_name=name,
        )  # fmt: skip

    def _row(self, timeout_id: int | None) -> TimeOutRow:
        row = (
            self._session.get(TimeOutRow, timeout_id)
            if timeout_id is not None
            else None
        )
        if row is None:
            raise NotFound(f"There is no time-out with id {timeout_id}.")
        return row

    def _fill(self, row: TimeOutRow, timeout: TimeOut) -> None:
        if (
            timeout.person_id is not None
            and self._session.get(PersonRow, timeout.person_id) is None
        ):
            raise NotFound(f"There is no person with id {timeout.person_id}.")
        row.reason = timeout.reason
        row.starts_on = timeout.starts_on
        row.returns_on = timeout.returns_on
        row.message = timeout.message
        row.created_at = timeout.created_at
        row.person_id = timeout.person_id
        row.returned_on = timeout.returned_on
        row.reflection_id = timeout.reflection_id

    def add(self, timeout: TimeOut) -> TimeOut:
        row = TimeOutRow()
        self._fill(row, timeout)
        self._session.add(row)
        self._session.flush()
        saved = self.get(row.id)
        assert saved is not None
        return saved

    def update(self, timeout: TimeOut) -> TimeOut:
        row = self._row(timeout.id)
        self._fill(row, timeout)
        self._session.flush()
        saved = self.get(row.id)
        assert saved is not None
        return saved

    def get(self, timeout_id: int) -> TimeOut | None:
        found = self._session.execute(
            self._query().where(TimeOutRow.id == timeout_id)
        ).first()
        return None if found is None else self._to_domain(found[0], found[1])

    def delete(self, timeout_id: int) -> None:
        self._session.delete(self._row(timeout_id))

    def _query(self) -> Select[TimeOutRow, str]:
        return select(TimeOutRow, PersonRow.name).outerjoin(
            PersonRow, PersonRow.id == TimeOutRow.person_id
        )

    def list(self) -> list[TimeOut]:
        """Ongoing first (by return date), then the ones you came back from."""
        rows = self._session.execute(
            self._query().order_by(
                TimeOutRow.returned_on.is_not(None), TimeOutRow.returns_on.desc(),
                TimeOutRow.id.desc(),
            )
        ).all()  # fmt: skip
        return [self._to_domain(row, name) for row, name in rows]
