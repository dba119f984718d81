"""Commitments as things to do: plan with someone, then keep, move or cancel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from closer.domain.commitments import (
    Commitment,
    new_commitment,
    settle,
)
from closer.domain.errors import NotFound
from closer.domain.safety import Assessment
from closer.services.safety import check_saved_text
from closer.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class CommitmentSaved:
    """A saved commitment and what the safety check made of its words."""

    commitment: Commitment
    assessment: Assessment


def make_commitment(
    uow: UnitOfWork, person_id: int, text: str, due_on: date
) -> CommitmentSaved:
    """Plan or promise something with someone, for a day."""
    item = new_commitment(person_id, text, due_on, datetime.now(UTC))
    with uow:
        saved = uow.commitments.add(item)
        uow.commit()
    return CommitmentSaved(
        saved, check_saved_text(uow, saved.texts(), source="commitment")
    )


def settle_commitment(
    uow: UnitOfWork,
    commitment_id: int,
    status: str,
    *,
    new_due: date | None = None,
    cancelled_by: str | None = None,
    reason: str = "",
) -> CommitmentSaved:
    """Kept, rescheduled or cancelled."""
    with uow:
        current = uow.commitments.get(commitment_id)
        if current is None:
            raise NotFound(f"There is no commitment with id {commitment_id}.")
        changed = settle(
            current,
            status,
            when=datetime.now(UTC),
            new_due=new_due,
            cancelled_by=cancelled_by,
            reason=reason,
        )
        saved = uow.commitments.update(changed)
        uow.commit()
    texts = [saved.reason] if saved.reason else []
    return CommitmentSaved(saved, check_saved_text(uow, texts, source="commitment"))


def list_commitments(uow: UnitOfWork, person_id: int | None = None) -> list[Commitment]:
    """Soonest first."""
    with uow:
        return uow.commitments.list(person_id)


def delete_commitment(uow: UnitOfWork, commitment_id: int) -> None:
    """Remove one."""
    with uow:
        uow.commitments.delete(commitment_id)
        uow.commit()
