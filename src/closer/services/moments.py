"""Moments: log one in seconds, see why, find them again."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from typing import Any

from closer.domain.content import Library
from closer.domain.details import details_of
from closer.domain.errors import Contended, NotFound
from closer.domain.moments import Felt, Moment, MomentQuery, check_causes, new_moment
from closer.domain.safety import Assessment
from closer.domain.suggest import KeywordSuggester, Suggester, Suggestions
from closer.services.people import people_named
from closer.services.safety import check_saved_text, saved_text_steps
from closer.services.unit_of_work import Steps, UnitOfWork, in_unit, run_steps

DEFAULT_SUGGESTER: Suggester = KeywordSuggester()


@dataclass(frozen=True, slots=True)
class Logged:
    """A saved moment, what the safety check found, and suggestions."""

    moment: Moment
    assessment: Assessment
    suggestions: Suggestions


def log_moment(uow: UnitOfWork, library: Library, **fields: Any) -> Logged:
    """Validate and save a moment in ``uow``, then check its text and suggest
    causes. The web app runs ``log_moment_steps`` through its group commit."""
    return run_steps(log_moment_steps(library, **fields), in_unit(uow))


def log_moment_steps(
    library: Library,
    *,
    situation: str,
    occurred_at: datetime | None = None,
    people: tuple[int, ...] = (),
    new_people: tuple[str, ...] = (),
    emotions: list[Felt] | tuple[Felt, ...] = (),
    suggester: Suggester = DEFAULT_SUGGESTER,
    client_key: str | None = None,
    **details: Any,
) -> Steps[Logged]:
    """Logging a moment, as steps that yield their writes (see ``Steps``).

    ``details`` are the moment's plain fields by name (urge, action,
    outcome…; see ``Moment``). ``new_people`` are names: people not known
    yet are added with the moment. A ``client_key`` makes sending the same
    moment again harmless: the one already saved under that key is returned,
    and nothing new is written. The text is checked once it is saved, so
    nothing written is ever lost to the check; suggestions are made outside
    any transaction."""
    moment = new_moment(
        library,
        situation=situation,
        occurred_at=occurred_at or datetime.now(UTC),
        people=people,
        emotions=emotions,
        **details,
    )
    save = partial(_save_moment, moment, new_people, client_key)
    try:
        saved, fresh = yield save
    except Contended:  # sent twice at once, or a new name added elsewhere
        saved, fresh = yield save  # now the first is there to be found
    if not fresh:
        return Logged(saved, Assessment(), suggester.suggest(saved, library))
    assessment = yield from saved_text_steps(saved.texts(), source="moment")
    return Logged(saved, assessment, suggester.suggest(saved, library))


def _save_moment(
    moment: Moment, names: tuple[str, ...], client_key: str | None, uow: UnitOfWork
) -> tuple[Moment, bool]:
    """The write of ``log_moment``, in one unit of work: the saved moment, and
    False when one was already saved under ``client_key`` (then nothing is
    written, not even the people it names)."""
    with uow:
        kept = uow.moments.by_client_key(client_key) if client_key else None
        if kept is not None:
            return kept, False
        if names:
            added = people_named(uow, names, create_missing=True)
            moment = replace(moment, people=tuple(dict.fromkeys(moment.people + added)))
        saved = uow.moments.add(moment, client_key)
        uow.commit()
    return saved, True


def get_moment(uow: UnitOfWork, moment_id: int) -> Moment:
    with uow:
        moment = uow.moments.get(moment_id)
    if moment is None:
        raise NotFound(f"There is no moment with id {moment_id}.")
    return moment


def suggest_for(
    moment: Moment, library: Library, suggester: Suggester = DEFAULT_SUGGESTER
) -> Suggestions:
    return suggester.suggest(moment, library)


def update_moment(
    uow: UnitOfWork,
    library: Library,
    moment_id: int,
    *,
    named: tuple[str, ...] | None = None,
    **changes: object,
) -> Logged:
    """Change fields of a moment; new text is checked like new text anywhere.
    ``named`` (names as typed, people not known yet added) becomes the
    moment's people in the same transaction as the change, so a change that
    is refused adds no one."""
    before = get_moment(uow, moment_id)
    merged = replace(before, **changes)  # type: ignore[arg-type]
    moment = new_moment(
        library,
        situation=merged.situation,
        occurred_at=merged.occurred_at,
        people=merged.people,
        emotions=merged.emotions,
        id=moment_id,
        **{d.name: getattr(merged, d.name) for d in details_of(Moment)},
    )
    with uow:
        if named is not None:
            who = people_named(uow, named, create_missing=True)
            moment = replace(moment, people=who)
        saved = uow.moments.update(moment)
        uow.commit()
    new_text = [t for t in saved.texts() if t not in before.texts()]
    assessment = check_saved_text(uow, new_text, source="moment")
    return Logged(saved, assessment, suggest_for(saved, library))


def choose_causes(
    uow: UnitOfWork, library: Library, moment_id: int, causes: list[str]
) -> Moment:
    """Record which causes the person thinks fit (accepting or changing hints)."""
    chosen = check_causes(causes, library)
    with uow:
        uow.moments.set_causes(moment_id, chosen)
        uow.commit()
    return get_moment(uow, moment_id)


def delete_moment(uow: UnitOfWork, moment_id: int) -> None:
    """Delete a moment; ``restore_moment`` brings it back."""
    with uow:
        uow.moments.delete(moment_id)
        uow.commit()


def restore_moment(uow: UnitOfWork, moment_id: int) -> Moment:
    with uow:
        moment = uow.moments.restore(moment_id)
        uow.commit()
        return moment


@dataclass(frozen=True, slots=True)
class MomentPage:
    """One page of moments and how many match in all."""

    items: list[Moment]
    total: int
    query: MomentQuery

    @property
    def has_more(self) -> bool:
        return self.query.offset + len(self.items) < self.total


def list_moments(uow: UnitOfWork, query: MomentQuery | None = None) -> MomentPage:
    query = query or MomentQuery()
    with uow:
        items, total = uow.moments.find(query)
    return MomentPage(items, total, query)
