"""Reading all of a person's records out, for export and backup."""

from __future__ import annotations

from dataclasses import replace

from closer.domain.records import Records
from closer.services.unit_of_work import UnitOfWork


def _position(ids: list[int | None], wanted: int | None) -> int | None:
    """The 1-based position of ``wanted`` in ``ids`` (None if absent)."""
    if wanted is None or wanted not in ids:
        return None
    return ids.index(wanted) + 1


def export_records(uow: UnitOfWork) -> Records:
    """Everything kept, in a stable order (people by name, the rest by time);
    links between records become positions (see ``Records``)."""
    with uow:
        preferences = uow.preferences.get()
        plan = uow.safety_plan.get()
        people = sorted(uow.people.list(), key=lambda p: p.name.casefold())
        moments = uow.moments.all()
        steps = sorted(uow.steps.list(), key=lambda s: (s.planned_at, s.id or 0))
        shares = sorted(uow.good_shares.list(), key=lambda s: (s.chosen_at, s.id or 0))
        entries = sorted(
            uow.reflections.list(), key=lambda e: (e.written_at, e.id or 0)
        )
        thoughts = sorted(uow.thoughts.list(), key=lambda t: (t.written_at, t.id or 0))
        timeouts = sorted(uow.timeouts.list(), key=lambda t: (t.created_at, t.id or 0))
        contacts = sorted(uow.contacts.list(), key=lambda c: (c.at, c.id or 0))
        commitments = sorted(
            uow.commitments.list(), key=lambda c: (c.created_at, c.id or 0)
        )
        closeness = uow.people.closeness()
        check_results = uow.checks.list()
    moment_ids = [m.id for m in moments]
    entry_ids = [e.id for e in entries]
    return Records(
        preferences=preferences,
        plan=plan,
        people=tuple(people),
        moments=tuple(moments),
        steps=tuple(steps),
        good_shares=tuple(shares),
        reflections=tuple(
            replace(e, moment_id=_position(moment_ids, e.moment_id)) for e in entries
        ),
        thoughts=tuple(
            replace(t, moment_id=_position(moment_ids, t.moment_id)) for t in thoughts
        ),
        timeouts=tuple(
            replace(t, reflection_id=_position(entry_ids, t.reflection_id))
            for t in timeouts
        ),
        contacts=tuple(contacts),
        commitments=tuple(commitments),
        closeness=tuple(closeness),
        check_results=tuple(check_results),
    )
