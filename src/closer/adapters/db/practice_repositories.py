"""Repositories of practice: ladder steps, good shares, reflections gone through."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from closer.adapters.db.mapping import fill_row, to_record
from closer.adapters.db.orm import (
    GoodShareRow,
    LadderStepRow,
    MomentRow,
    PersonRow,
    ReflectionEntryRow,
    ThoughtRecordRow,
    TimeOutRow,
)
from closer.domain.accept_good import GoodShare
from closer.domain.errors import NotFound
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
        return to_record(Step, row, person_name=name)

    def _name(self, person_id: int | None) -> str | None:
        if person_id is None:
            return None
        return self._session.scalar(
            select(PersonRow.name).where(PersonRow.id == person_id)
        )

    def _fill(self, row: LadderStepRow, step: Step) -> None:
        if step.person_id is not None and self._name(step.person_id) is None:
            raise NotFound(f"There is no person with id {step.person_id}.")
        fill_row(row, step)

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
        row = GoodShareRow()
        fill_row(row, share)
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
        return [to_record(GoodShare, r) for r in rows]


class SqlReflectionEntryRepository:
    """Guided reflections gone through."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: ReflectionEntryRow, name: str | None) -> ReflectionEntry:
        return to_record(ReflectionEntry, row, person_name=name)

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
        row = ReflectionEntryRow()
        fill_row(row, entry)
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


def _felt_rows(felt: tuple[Felt, ...]) -> list[list[str | int | None]]:
    return [[f.emotion, f.intensity] for f in felt]


def _felt(rows: list[list[str | int | None]]) -> tuple[Felt, ...]:
    return tuple(Felt(str(e), None if i is None else int(i)) for e, i in rows)


class SqlThoughtRecordRepository:
    """Thought records."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: ThoughtRecordRow) -> ThoughtRecord:
        return to_record(
            ThoughtRecord,
            row,
            emotions=_felt(row.emotions),
            emotions_after=_felt(row.emotions_after),
        )

    def _fill(self, row: ThoughtRecordRow, record: ThoughtRecord) -> None:
        if record.moment_id is not None:
            moment = self._session.get(MomentRow, record.moment_id)
            if moment is None or moment.deleted_at is not None:
                raise NotFound(f"There is no moment with id {record.moment_id}.")
        fill_row(
            row,
            record,
            emotions=_felt_rows(record.emotions),
            emotions_after=_felt_rows(record.emotions_after),
        )

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
        return to_record(TimeOut, row, person_name=name)

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
        fill_row(row, timeout)

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
                TimeOutRow.returned_on.is_not(None),
                TimeOutRow.returns_on.desc(),
                TimeOutRow.id.desc(),
            )
        ).all()
        return [self._to_domain(row, name) for row, name in rows]
