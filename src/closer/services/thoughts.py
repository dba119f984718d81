"""Thought records as things to do: write one, finish it later, reread, remove."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from closer.domain.content import Library
from closer.domain.errors import NotFound
from closer.domain.moments import Felt
from closer.domain.safety import Assessment
from closer.domain.thoughts import ThoughtRecord, new_record
from closer.services.safety import check_saved_text
from closer.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class ThoughtSaved:
    """A saved thought record and what the safety check made of it."""

    record: ThoughtRecord
    assessment: Assessment


@dataclass(frozen=True)
class ThoughtFields:
    """What a person writes in a thought record."""

    situation: str
    automatic_thought: str
    belief_before: int | None
    emotions: Sequence[Felt] = ()
    traps: Sequence[str] = ()
    evidence_for: str = ""
    evidence_against: str = ""
    balanced_thought: str = ""
    belief_after: int | None = None
    emotions_after: Sequence[Felt] = ()
    moment_id: int | None = None


def _record(
    library: Library,
    fields: ThoughtFields,
    *,
    when: datetime,
    record_id: int | None = None,
) -> ThoughtRecord:
    return new_record(
        library,
        situation=fields.situation,
        automatic_thought=fields.automatic_thought,
        belief_before=fields.belief_before,
        written_at=when,
        emotions=fields.emotions,
        traps=fields.traps,
        evidence_for=fields.evidence_for,
        evidence_against=fields.evidence_against,
        balanced_thought=fields.balanced_thought,
        belief_after=fields.belief_after,
        emotions_after=fields.emotions_after,
        moment_id=fields.moment_id,
        id=record_id,
    )


def write_thought(
    uow: UnitOfWork,
    library: Library,
    fields: ThoughtFields,
    when: datetime | None = None,
) -> ThoughtSaved:
    """Save a new thought record first, then check its words."""
    record = _record(library, fields, when=when or datetime.now(UTC))
    with uow:
        saved = uow.thoughts.add(record)
        uow.commit()
    return ThoughtSaved(saved, check_saved_text(uow, saved.texts(), source="thought"))


def update_thought(
    uow: UnitOfWork, library: Library, record_id: int, fields: ThoughtFields
) -> ThoughtSaved:
    """Replace what a thought record says (its date stays)."""
    current = get_thought(uow, record_id)
    record = _record(library, fields, when=current.written_at, record_id=record_id)
    with uow:
        saved = uow.thoughts.update(record)
        uow.commit()
    new_texts = [t for t in saved.texts() if t not in current.texts()]
    return ThoughtSaved(saved, check_saved_text(uow, new_texts, source="thought"))


def get_thought(uow: UnitOfWork, record_id: int) -> ThoughtRecord:
    """One thought record, or NotFound."""
    with uow:
        record = uow.thoughts.get(record_id)
    if record is None:
        raise NotFound(f"There is no thought record with id {record_id}.")
    return record


def list_thoughts(uow: UnitOfWork) -> list[ThoughtRecord]:
    """Newest first."""
    with uow:
        return uow.thoughts.list()


def delete_thought(uow: UnitOfWork, record_id: int) -> None:
    """Remove one."""
    with uow:
        uow.thoughts.delete(record_id)
        uow.commit()
