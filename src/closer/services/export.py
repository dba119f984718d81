"""Reading all of a person's records out, for export and backup."""

from __future__ import annotations

from closer.domain.records import Records
from closer.services.unit_of_work import UnitOfWork


def export_records(uow: UnitOfWork) -> Records:
    """Everything kept, in a stable order (people by name, moments by time)."""
    with uow:
        preferences = uow.preferences.get()
        plan = uow.safety_plan.get()
        people = sorted(uow.people.list(), key=lambda p: p.name.casefold())
        moments = uow.moments.all()
    return Records(
        preferences=preferences,
        plan=plan,
        people=tuple(people),
        moments=tuple(moments),
    )
