"""Repositories for staying connected: contacts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from closer.adapters.db.mapping import aware, fill_row, to_record
from closer.adapters.db.orm import (
    CommitmentRow,
    ContactRow,
    MomentPersonRow,
    MomentRow,
    PersonRow,
)
from closer.domain.commitments import Commitment
from closer.domain.contacts import Contact
from closer.domain.errors import NotFound
from closer.domain.moments import APPROACHES


class SqlContactRepository:
    """Times someone was in touch."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: ContactRow, name: str | None) -> Contact:
        return to_record(Contact, row, person_name=name)

    def add(self, contact: Contact) -> Contact:
        name = self._session.scalar(
            select(PersonRow.name).where(PersonRow.id == contact.person_id)
        )
        if name is None:
            raise NotFound(f"There is no person with id {contact.person_id}.")
        row = ContactRow()
        fill_row(row, contact)
        self._session.add(row)
        self._session.flush()
        return self._to_domain(row, name)

    def get(self, contact_id: int) -> Contact | None:
        found = self._session.execute(
            select(ContactRow, PersonRow.name)
            .join(PersonRow, PersonRow.id == ContactRow.person_id)
            .where(ContactRow.id == contact_id)
        ).first()
        return None if found is None else self._to_domain(found[0], found[1])

    def delete(self, contact_id: int) -> None:
        row = self._session.get(ContactRow, contact_id)
        if row is None:
            raise NotFound(f"There is no contact with id {contact_id}.")
        self._session.delete(row)

    def list(self, person_id: int | None = None) -> list[Contact]:
        """Newest first."""
        query = select(ContactRow, PersonRow.name).join(
            PersonRow, PersonRow.id == ContactRow.person_id
        )
        if person_id is not None:
            query = query.where(ContactRow.person_id == person_id)
        rows = self._session.execute(
            query.order_by(ContactRow.at.desc(), ContactRow.id.desc())
        ).all()
        return [self._to_domain(row, name) for row, name in rows]

    def last_in_touch(self) -> dict[int, datetime]:
        """For each person, the latest contact or moment of moving toward them."""
        latest: dict[int, datetime] = {}
        contacts = self._session.execute(
            select(ContactRow.person_id, func.max(ContactRow.at)).group_by(
                ContactRow.person_id
            )
        )
        approaches = self._session.execute(
            select(MomentPersonRow.person_id, func.max(MomentRow.occurred_at))
            .join(MomentRow, MomentRow.id == MomentPersonRow.moment_id)
            .where(MomentRow.deleted_at.is_(None))
            .where(MomentRow.action.in_(list(APPROACHES)))
            .group_by(MomentPersonRow.person_id)
        )
        for person_id, when in [*contacts, *approaches]:
            moment = aware(when)
            if person_id not in latest or moment > latest[person_id]:
                latest[int(person_id)] = moment
        return latest


class SqlCommitmentRepository:
    """Plans and promises with people."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: CommitmentRow, name: str | None) -> Commitment:
        return to_record(Commitment, row, person_name=name)

    def _fill(self, row: CommitmentRow, item: Commitment) -> None:
        if self._session.get(PersonRow, item.person_id) is None:
            raise NotFound(f"There is no person with id {item.person_id}.")
        fill_row(row, item)

    def add(self, item: Commitment) -> Commitment:
        row = CommitmentRow()
        self._fill(row, item)
        self._session.add(row)
        self._session.flush()
        found = self.get(row.id)
        assert found is not None
        return found

    def update(self, item: Commitment) -> Commitment:
        row = self._session.get(CommitmentRow, item.id) if item.id is not None else None
        if row is None:
            raise NotFound(f"There is no commitment with id {item.id}.")
        self._fill(row, item)
        self._session.flush()
        found = self.get(row.id)
        assert found is not None
        return found

    def get(self, commitment_id: int) -> Commitment | None:
        found = self._session.execute(
            select(CommitmentRow, PersonRow.name)
            .join(PersonRow, PersonRow.id == CommitmentRow.person_id)
            .where(CommitmentRow.id == commitment_id)
        ).first()
        return None if found is None else self._to_domain(found[0], found[1])

    def delete(self, commitment_id: int) -> None:
        row = self._session.get(CommitmentRow, commitment_id)
        if row is None:
            raise NotFound(f"There is no commitment with id {commitment_id}.")
        self._session.delete(row)

    def list(self, person_id: int | None = None) -> list[Commitment]:
        """By day, soonest first."""
        query = select(CommitmentRow, PersonRow.name).join(
            PersonRow, PersonRow.id == CommitmentRow.person_id
        )
        if person_id is not None:
            query = query.where(CommitmentRow.person_id == person_id)
        rows = self._session.execute(
            query.order_by(CommitmentRow.due_on, CommitmentRow.id)
        ).all()
        return [self._to_domain(row, name) for row, name in rows]
