"""Insights over a period: read the facts, work out the picture."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from closer.domain.checks import Check
from closer.domain.content import Library
from closer.domain.drift import drifting
from closer.domain.errors import InvalidInput
from closer.domain.insight_summary import Summary, summarise
from closer.domain.insights import Period
from closer.services.unit_of_work import UnitOfWork

DEFAULT_DAYS = 90
MAX_DAYS = 3660


def period_of(
    start: date | None, end: date | None, today: date | None = None
) -> Period:
    """The period asked for; by default the last 90 days up to today."""
    last = end or today or datetime.now(UTC).date()
    first = start or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise InvalidInput(
            f"The period starts ({first}) after it ends ({last}).", field="from"
        )
    if (last - first).days >= MAX_DAYS:
        raise InvalidInput("Choose a period of at most ten years.", field="from")
    return Period(first, last)


def insights(
    uow: UnitOfWork, library: Library, checks: Sequence[Check], period: Period
) -> Summary:
    """The whole picture of ``period`` from every kind of record."""
    names = {c.slug: c.name for c in checks}
    with uow:
        facts = uow.insights.moments(period)
        steps = [s for s in uow.steps.list() if period.contains(s.planned_at)]
        plans = [
            c for c in uow.commitments.list() if period.start <= c.due_on <= period.end
        ]
        people = uow.people.list()
        last = uow.contacts.last_in_touch()
        results = [r for r in uow.checks.list() if period.contains(r.taken_at)]
    now = datetime.combine(period.end, datetime.max.time(), UTC)
    return summarise(
        facts, period, library, steps=steps, commitments=plans,
        drifting=len(drifting(people, last, min(now, datetime.now(UTC)))),
        checks=[(r, names.get(r.check, r.check)) for r in results],
    )  # fmt: skip
