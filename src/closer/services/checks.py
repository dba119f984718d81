"""Self-checks: take one, see what it means, follow it over time.

Answers are saved first; then, if the PHQ-9's ninth question was answered
above "Not at all", the support panel opens at once, whatever the total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from closer.domain.checks import (
    Check,
    CheckResult,
    Score,
    find_check,
    new_result,
    score,
)
from closer.domain.errors import NotFound
from closer.domain.safety import About, Level
from closer.domain.scales import check_scale
from closer.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class Scored:
    """A result with its check and what it came to."""

    check: Check
    result: CheckResult
    score: Score


def take_check(
    uow: UnitOfWork, check: Check, answers: Sequence[int], when: datetime | None = None
) -> Scored:
    """Score and save answers; open the support panel if the safety item asks."""
    worked_out = score(check, answers)  # a clear error before anything is saved
    result = new_result(check, answers, when or datetime.now(UTC))
    with uow:
        saved = uow.checks.add(result)
        if worked_out.needs_safety:
            level = Level.URGENT if worked_out.needs_safety >= 2 else Level.CONCERN
            uow.support.open(level, About.SELF, f"check-{check.slug}")
        uow.commit()
    return Scored(check, saved, worked_out)


def _scored(checks: Sequence[Check], result: CheckResult) -> Scored:
    check = find_check(checks, result.check)
    return Scored(check, result, score(check, result.answers))


def get_result(uow: UnitOfWork, checks: Sequence[Check], result_id: int) -> Scored:
    """One result, worked out again from its answers."""
    with uow:
        result = uow.checks.get(result_id)
    if result is None:
        raise NotFound(f"There is no self-check result with id {result_id}.")
    return _scored(checks, result)


def delete_result(uow: UnitOfWork, result_id: int) -> None:
    """Remove one result."""
    with uow:
        uow.checks.delete(result_id)
        uow.commit()


def history(uow: UnitOfWork, checks: Sequence[Check], slug: str) -> list[Scored]:
    """Every time one check was taken, oldest first."""
    check = find_check(checks, slug)
    with uow:
        results = uow.checks.list(check.slug)
    return [Scored(check, r, score(check, r.answers)) for r in results]


def latest(uow: UnitOfWork, checks: Sequence[Check]) -> dict[str, Scored]:
    """The most recent result of each check taken."""
    with uow:
        results = uow.checks.list()
    known = {c.slug for c in checks}
    last = {r.check: r for r in results if r.check in known}
    return {slug: _scored(checks, r) for slug, r in last.items()}


def set_reminder(uow: UnitOfWork, every_days: int | None) -> None:
    """Be reminded of self-checks every N days (7-365), or not at all (None)."""
    check_scale(every_days, "check_every_days", 7, 365)
    with uow:
        preferences = uow.preferences.get()
        uow.preferences.save(replace(preferences, check_every_days=every_days))
        uow.commit()


def reminder_every(uow: UnitOfWork) -> int | None:
    """The reminder cadence in days, if one was chosen."""
    with uow:
        return uow.preferences.get().check_every_days


def reminder_due(uow: UnitOfWork, now: datetime | None = None) -> datetime | None:
    """When a reminder is asked for and the last self-check is older than it,
    the time of that last check (or the epoch if none was taken); else None."""
    with uow:
        every = uow.preferences.get().check_every_days
        results = uow.checks.list() if every else []
    if every is None:
        return None
    last = results[-1].taken_at if results else datetime.fromtimestamp(0, UTC)
    due = (now or datetime.now(UTC)) - last >= timedelta(days=every)
    return last if due else None


def result_data(scored: Scored) -> dict[str, Any]:
    """A result as plain data (the API and `closer check --json`)."""
    band, score = scored.score.band, scored.score
    return {
        "id": scored.result.id,
        "check": scored.check.slug,
        "taken_at": scored.result.taken_at.isoformat(),
        "answers": list(scored.result.answers),
        "total": score.total,
        "band": band.label if band else None,
        "meaning": band.meaning if band else None,
        "flagged": score.flagged,
        "needs_safety": bool(score.needs_safety),
        "parts": list(score.parts),
        "areas": [
            {"about": a.about, "mean": round(a.mean, 2), "stands_out": a.stands_out}
            for a in score.areas
        ],
    }
