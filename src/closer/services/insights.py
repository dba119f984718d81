"""Insights over a period: read the facts, work out the picture."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from closer.domain.checks import Check, CheckResult, safety_answer
from closer.domain.content import Library
from closer.domain.drift import drifting
from closer.domain.errors import InvalidInput, NotFound
from closer.domain.insight_summary import Summary, summarise
from closer.domain.insights import MIN_SAMPLE, Period
from closer.domain.local_time import from_local, local
from closer.domain.moments import MomentQuery
from closer.domain.report import CheckHistory, Note, Report, SafetyAnswer
from closer.services.moments import list_moments
from closer.services.safety import assess_many
from closer.services.unit_of_work import UnitOfWork

DEFAULT_DAYS = 90
MAX_DAYS = 3660
# Dates a period may touch: room on both sides for the arithmetic on them
# (weeks start on Mondays), far beyond any journal.
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)


def period_of(
    start: date | None,
    end: date | None,
    today: date | None = None,
    zone: tzinfo | None = UTC,
) -> Period:
    """The period asked for; by default the last 90 days up to today (today
    where the person is: in ``zone``)."""
    for day, field in ((start, "from"), (end, "to")):
        if day is not None and not EARLIEST <= day <= LATEST:
            raise InvalidInput(
                f"Choose a date from {EARLIEST.year} to {LATEST.year} ({day} is not).",
                field=field,
            )
    last = end or today or local(datetime.now(UTC), zone).date()
    first = start or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise InvalidInput(
            f"The period starts ({first}) after it ends ({last}).", field="from"
        )
    if (last - first).days >= MAX_DAYS:
        raise InvalidInput("Choose a period of at most ten years.", field="from")
    return Period(first, last)


def insights(
    uow: UnitOfWork,
    library: Library,
    checks: Sequence[Check],
    period: Period,
    *,
    zone: tzinfo | None,
) -> Summary:
    """The whole picture of ``period`` from every kind of record, its days and
    hours those of the person's ``zone`` (``None``: this machine's)."""
    names = {c.slug: c.name for c in checks}

    def within(when: datetime) -> bool:
        return period.contains(local(when, zone))

    with uow:
        read = uow.insights.moments(_with_a_day_each_side(period))
        in_zone = (replace(f, at=local(f.at, zone)) for f in read)
        facts = [f for f in in_zone if period.contains(f.at)]  # once per moment
        steps = [s for s in uow.steps.list() if within(s.planned_at)]
        plans = [
            c for c in uow.commitments.list() if period.start <= c.due_on <= period.end
        ]
        people = uow.people.list()
        last = uow.contacts.last_in_touch()
        results = [r for r in uow.checks.list() if within(r.taken_at)]
    now = datetime.combine(period.end, datetime.max.time(), UTC)
    return summarise(
        facts,
        period,
        library,
        steps=steps,
        commitments=plans,
        drifting=len(drifting(people, last, min(now, datetime.now(UTC)))),
        checks=[(r, names.get(r.check, r.check)) for r in results],
    )


def _with_a_day_each_side(period: Period) -> Period:
    """Stored times are UTC: a local day can begin or end on a neighbouring
    UTC day, so read one more day each side and keep what falls inside."""
    return Period(period.start - timedelta(days=1), period.end + timedelta(days=1))


def counselor_report(
    uow: UnitOfWork,
    library: Library,
    checks: Sequence[Check],
    period: Period,
    note_ids: Sequence[int] = (),
    *,
    zone: tzinfo | None,
) -> Report:
    """The period's summary, self-check results, and the ticked notes only
    (days and times in the person's ``zone``)."""
    summary = insights(uow, library, checks, period, zone=zone)
    with uow:
        in_zone = (
            replace(r, taken_at=local(r.taken_at, zone)) for r in uow.checks.list()
        )
        results = [r for r in in_zone if period.contains(r.taken_at)]
        chosen = [uow.moments.get(i) for i in dict.fromkeys(note_ids)]
    missing = [
        i for i, m in zip(dict.fromkeys(note_ids), chosen, strict=True) if m is None
    ]
    if missing:
        raise NotFound(f"There is no moment with id {missing[0]}.")
    histories = tuple(
        CheckHistory(
            c.name,
            c.title,
            c.attribution,
            tuple(r for r in results if r.check == c.slug),
        )
        for c in checks
        if any(r.check == c.slug for r in results)
    )
    safety = _safety_answers(checks, results)
    crisis = _crisis_moments(uow, period, zone)
    notes = tuple(
        Note(
            local(m.occurred_at, zone),
            " ".join(t for t in (m.situation, m.outcome) if t),
        )
        for m in sorted(
            (m for m in chosen if m is not None), key=lambda m: m.occurred_at
        )
    )
    return Report(
        summary,
        local(datetime.now(UTC), zone),
        histories,
        notes,
        safety_answers=safety,
        crisis_moments=crisis,
    )


def _safety_answers(
    checks: Sequence[Check], results: Sequence[CheckResult]
) -> tuple[SafetyAnswer, ...]:
    """Each result whose safety question was answered above its lowest."""
    by_slug = {c.slug: c for c in checks}
    found = []
    for result in sorted(results, key=lambda r: r.taken_at):
        check = by_slug.get(result.check)
        answered = safety_answer(check, result.answers) if check else None
        if check is not None and answered is not None:
            value, question = answered
            found.append(
                SafetyAnswer(
                    result.taken_at,
                    check.name,
                    check.safety_item or 0,
                    question.text,
                    question.label(value),
                    value,
                )
            )
    return tuple(found)


def _crisis_moments(uow: UnitOfWork, period: Period, zone: tzinfo | None) -> int:
    """How many of the period's moments hold words of crisis (the same check
    as when they were written), its days those of the person's ``zone``."""
    since = from_local(datetime.combine(period.start, time.min), zone)
    until = from_local(datetime.combine(period.end + timedelta(days=1), time.min), zone)
    count, query = 0, MomentQuery(since=since, until=until, limit=500)
    while True:
        page = list_moments(uow, query)
        found = assess_many([m.texts() for m in page.items])
        count += sum(1 for assessment in found if assessment.needs_support)
        if not page.has_more:
            return count
        query = replace(query, offset=query.offset + query.limit)


def summary_data(s: Summary) -> dict[str, Any]:
    """The summary as plain data (the API and `closer insights --json`)."""

    def counted(items: Any) -> list[dict[str, Any]]:
        return [{"slug": c.slug, "name": c.name, "count": c.count} for c in items]

    return {
        "start": s.period.start.isoformat(),
        "end": s.period.end.isoformat(),
        "moments": s.moments,
        "per_week": round(s.per_week, 2),
        "stayed": s.share.stayed,
        "noted": s.share.noted,
        "approach_ratio": s.share.ratio,
        "weeks": [
            {
                "start": w.start.isoformat(),
                "moments": w.moments,
                "stayed": w.share.stayed,
                "noted": w.share.noted,
            }
            for w in s.weeks
        ],
        "people": counted(s.people),
        "emotions": counted(s.emotions),
        "signs": counted(s.signs),
        "causes": counted(s.causes),
        "tags": counted(s.tags),
        "parts_of_day": s.parts_of_day,
        "weekdays": s.weekdays,
        "insights": [
            {
                "kind": i.kind,
                "sentence": i.sentence,
                "numbers": i.numbers,
                "sample": i.sample,
            }
            for i in s.insights
        ],
        "min_sample": MIN_SAMPLE,
    }
