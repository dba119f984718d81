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

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TypeVar

from closer.domain.moments import Moment
from closer.domain.people import ClosenessReading, Person
from closer.domain.preferences import Preferences
from closer.domain.records import ImportReport, Records
from closer.domain.safety import detect
from closer.domain.safety.assessment import Level
from closer.domain.safety.plan import PlanSection, SafetyPlan
from closer.services.unit_of_work import UnitOfWork

Progress = Callable[[int, int], None]  # (done, total)
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


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
        _closeness(uow, records, ids)
        total = len(records.moments)
        moment_ids: list[int] = []
        for done, moment in enumerate(records.moments, start=1):
            moment_id, report = _moment(uow, moment, ids, report)
            moment_ids.append(moment_id)
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total)
        report = _practice(uow, records, ids, moment_ids, report)
        uow.commit()
    return replace(report, needs_care=_needing_care(records), notes=records.notes)


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
    named = [n for m in records.moments for n in m.person_names]
    named += [s.person_name for s in records.steps if s.person_name]
    named += [r.person_name for r in records.reflections if r.person_name]
    named += [t.person_name for t in records.timeouts if t.person_name]
    named += [c.person_name for c in records.contacts if c.person_name]
    named += [c.person_name for c in records.commitments if c.person_name]
    for name in named:
        wanted.setdefault(name.casefold(), Person(name=name))
    ids: dict[str, int] = {}
    added: list[str] = []
    skipped = 0
    for key, person in wanted.items():
        existing = uow.people.by_name(person.name)
        if existing is None:
            existing = uow.people.add(replace(person, id=None))
            added.append(existing.name)
        else:
            skipped += 1
        assert existing.id is not None
        ids[key] = existing.id
    return ids, replace(
        report, people_added=len(added), people_skipped=skipped,
        people_names=tuple(added),
    )  # fmt: skip


def _closeness(uow: UnitOfWork, records: Records, ids: dict[str, int]) -> None:
    """Each person's closeness history, reading by reading, never twice; a
    person whose closeness is known but has no history gets one reading now."""
    seen = {((r.person_name or "").casefold(), r.at) for r in uow.people.closeness()}
    readings = list(records.closeness)
    with_history = {name for name, _ in seen}
    with_history |= {(r.person_name or "").casefold() for r in readings}
    for person in records.people:
        known = person.closeness_now, person.closeness_wanted
        if person.name.casefold() not in with_history and known != (None, None):
            readings.append(ClosenessReading(datetime.now(UTC), *known, person.name))
    for reading in readings:
        key = (reading.person_name or "").casefold()
        if key in ids and (key, reading.at) not in seen:
            uow.people.record_closeness(ids[key], reading)
            seen.add((key, reading.at))


def _moment(
    uow: UnitOfWork, moment: Moment, ids: dict[str, int], report: ImportReport
) -> tuple[int, ImportReport]:
    existing = uow.moments.id_of(moment.occurred_at, moment.situation)
    if existing is not None:
        return existing, replace(report, moments_skipped=report.moments_skipped + 1)
    people = tuple(ids[name.casefold()] for name in moment.person_names)
    added = uow.moments.add(replace(moment, id=None, people=people))
    assert added.id is not None
    return added.id, replace(report, moments_added=report.moments_added + 1)


def _linked(ids: Sequence[int], position: int | None) -> int | None:
    """The stored id of the record at a 1-based position in the import."""
    return (
        ids[position - 1] if position is not None and 0 < position <= len(ids) else None
    )


def _person_id(ids: dict[str, int], name: str | None) -> int | None:
    return ids[name.casefold()] if name else None


def _practice(
    uow: UnitOfWork,
    records: Records,
    people: dict[str, int],
    moment_ids: list[int],
    report: ImportReport,
) -> ImportReport:
    """Practice, contacts, plans and self-checks, each once (by time and text)."""
    added = skipped = 0

    def count(is_new: bool) -> None:
        nonlocal added, skipped
        added, skipped = (added + 1, skipped) if is_new else (added, skipped + 1)

    def person(name: str | None) -> int | None:
        return _person_id(people, name)

    _once(
        records.steps,
        [(s.planned_at, s.text) for s in uow.steps.list()],
        lambda s: (s.planned_at, s.text),
        count,
        lambda s: uow.steps.add(replace(s, id=None, person_id=person(s.person_name))),
    )
    _once(
        records.good_shares,
        [(s.chosen_at, s.percent) for s in uow.good_shares.list()],
        lambda s: (s.chosen_at, s.percent),
        count,
        lambda s: uow.good_shares.add(replace(s, id=None)),
    )
    entry_ids = _reflections(uow, records, people, moment_ids, count)
    _once(
        records.thoughts,
        [(t.written_at, t.automatic_thought) for t in uow.thoughts.list()],
        lambda t: (t.written_at, t.automatic_thought),
        count,
        lambda t: uow.thoughts.add(
            replace(t, id=None, moment_id=_linked(moment_ids, t.moment_id))
        ),
    )
    _once(
        records.timeouts,
        [(t.created_at, t.starts_on) for t in uow.timeouts.list()],
        lambda t: (t.created_at, t.starts_on),
        count,
        lambda t: uow.timeouts.add(
            replace(
                t,
                id=None,
                person_id=person(t.person_name),
                reflection_id=_linked(entry_ids, t.reflection_id),
            )
        ),
    )
    _once(
        records.contacts,
        [(c.person_id, c.at) for c in uow.contacts.list()],
        lambda c: (person(c.person_name) or 0, c.at),
        count,
        lambda c: uow.contacts.add(
            replace(c, id=None, person_id=person(c.person_name) or 0)
        ),
    )
    _once(
        records.commitments,
        [(c.created_at, c.text) for c in uow.commitments.list()],
        lambda c: (c.created_at, c.text),
        count,
        lambda c: uow.commitments.add(
            replace(c, id=None, person_id=person(c.person_name) or 0)
        ),
    )
    _once(
        records.check_results,
        [(r.check, r.taken_at) for r in uow.checks.list()],
        lambda r: (r.check, r.taken_at),
        count,
        lambda r: uow.checks.add(replace(r, id=None)),
    )
    return replace(report, practice_added=added, practice_skipped=skipped)


def _once(
    incoming: Iterable[T],
    have: Iterable[K],
    key: Callable[[T], K],
    count: Callable[[bool], None],
    add: Callable[[T], object],
) -> None:
    """Add each incoming record whose key is not there yet; count every one."""
    seen = set(have)
    for item in incoming:
        found = key(item)
        count(found not in seen)
        if found not in seen:
            add(item)
            seen.add(found)


def _reflections(
    uow: UnitOfWork,
    records: Records,
    people: dict[str, int],
    moment_ids: list[int],
    count: Callable[[bool], None],
) -> list[int]:
    """Import reflections; the stored id of each, in the import's order."""
    have = {(e.reflection, e.written_at): e.id for e in uow.reflections.list()}
    ids: list[int] = []
    for entry in records.reflections:
        key = (entry.reflection, entry.written_at)
        existing = have.get(key)
        count(existing is None)
        if existing is None:
            saved = uow.reflections.add(replace(
                entry, id=None, person_id=_person_id(people, entry.person_name),
                moment_id=_linked(moment_ids, entry.moment_id),
            ))  # fmt: skip
            existing = saved.id
            have[key] = existing
        assert existing is not None
        ids.append(existing)
    return ids


def _needing_care(records: Records) -> int:
    texts = [t for m in records.moments for t in m.texts()]
    texts += [t for s in records.steps for t in s.texts()]
    texts += [t for r in records.reflections for t in r.texts()]
    texts += [t for r in records.thoughts for t in r.texts()]
    texts += [t for r in records.timeouts for t in r.texts()]
    texts += [c.note for c in records.contacts if c.note]
    texts += [t for c in records.commitments for t in c.texts()]
    texts += [p.notes for p in records.people if p.notes] + records.plan.texts()
    return sum(1 for text in texts if detect(text).level is not Level.NONE)
