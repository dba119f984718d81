"""Bringing records in: all or nothing, and never twice.

Readers in ``closer.adapters.importers`` turn a file into validated
``Records``; this use case writes them in one transaction. What is already
there is skipped (a person with the same name, a moment with the same time
and text, a plan line already in its section), so importing a file again
adds nothing. Imported texts are checked for words of crisis; they are not
new words, so no support panel opens, but the report counts them so the
person can be offered help gently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from closer.domain.moments import Moment
from closer.domain.people import Person
from closer.domain.preferences import Preferences
from closer.domain.records import ImportReport, Records
from closer.domain.safety import detect
from closer.domain.safety.assessment import Level
from closer.domain.safety.plan import PlanSection, SafetyPlan
from closer.services.unit_of_work import UnitOfWork

Progress = Callable[[int, int], None]  # (done, total)


def import_records(
    uow: UnitOfWork,
    records: Records,
    *,
    source: str,
    progress: Progress | None = None,
) -> ImportReport:
    """Add ``records`` to the store in one transaction; return what changed."""
    report = ImportReport(source=source)
    with uow:
        report = _preferences(uow, records.preferences, report)
        report = _plan(uow, records.plan, report)
        ids, report = _people(uow, records, report)
        total = len(records.moments)
        for done, moment in enumerate(records.moments, start=1):
            report = _moment(uow, moment, ids, report)
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total)
        uow.commit()
    return replace(report, needs_care=_needing_care(records))


def _preferences(
    uow: UnitOfWork, incoming: Preferences, report: ImportReport
) -> ImportReport:
    """Fill in what the store has not chosen yet; never overwrite a choice."""
    current = uow.preferences.get()
    merged = replace(
        current,
        country=current.country or incoming.country,
        theme=current.theme if current.theme != Preferences().theme else incoming.theme,
    )
    if merged != current:
        uow.preferences.save(merged)
    return report


def _plan(uow: UnitOfWork, incoming: SafetyPlan, report: ImportReport) -> ImportReport:
    current = uow.safety_plan.get()
    plan, added = current, 0
    for section in PlanSection:
        have = plan.items(section)
        new = tuple(i for i in dict.fromkeys(incoming.items(section)) if i not in have)
        if new:
            plan = plan.with_items(section, have + new)
            added += len(new)
    if added:
        uow.safety_plan.save(plan)
    return replace(report, plan_items_added=added)


def _people(
    uow: UnitOfWork, records: Records, report: ImportReport
) -> tuple[dict[str, int], ImportReport]:
    """Every person named in the records, by name key, added when new."""
    wanted: dict[str, Person] = {p.name.casefold(): p for p in records.people}
    for moment in records.moments:
        for name in moment.person_names:
            wanted.setdefault(name.casefold(), Person(name=name))
    ids: dict[str, int] = {}
    added = skipped = 0
    for key, person in wanted.items():
        existing = uow.people.by_name(person.name)
        if existing is None:
            existing = uow.people.add(replace(person, id=None))
            added += 1
        else:
            skipped += 1
        assert existing.id is not None
        ids[key] = existing.id
    return ids, replace(report, people_added=added, people_skipped=skipped)


def _moment(
    uow: UnitOfWork, moment: Moment, ids: dict[str, int], report: ImportReport
) -> ImportReport:
    if uow.moments.exists(moment.occurred_at, moment.situation):
        return replace(report, moments_skipped=report.moments_skipped + 1)
    people = tuple(ids[name.casefold()] for name in moment.person_names)
    uow.moments.add(replace(moment, id=None, people=people))
    return replace(report, moments_added=report.moments_added + 1)


def _needing_care(records: Records) -> int:
    texts = [t for m in records.moments for t in m.texts()]
    texts += [p.notes for p in records.people if p.notes] + records.plan.texts()
    return sum(1 for text in texts if detect(text).level is not Level.NONE)
