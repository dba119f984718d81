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

import itertools
from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from closer.domain.moments import Moment
from closer.domain.people import ClosenessReading, Person
from closer.domain.preferences import Preferences
from closer.domain.records import ImportReport, Incoming, Records
from closer.domain.safety import detect
from closer.domain.safety.assessment import Level
from closer.domain.safety.plan import PlanSection, SafetyPlan
from closer.services.unit_of_work import UnitOfWork

Progress = Callable[[int], None]  # told how many moments are written so far
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
BATCH = 1000  # moments checked for duplicates and written together


def import_records(
    uow: UnitOfWork,
    incoming: Records | Incoming,
    *,
    source: str,
    progress: Progress | None = None,
) -> ImportReport:
    """Add the records to the store in one transaction; return what changed.

    Moments are read, checked for duplicates and written ``BATCH`` at a time,
    so memory stays bounded whatever the size of the file; a problem anywhere
    (a bad line near the end included) undoes everything."""
    if isinstance(incoming, Records):
        incoming = Incoming.of(incoming)
    records = incoming.records
    report = ImportReport(source=source)
    with uow:
        report = _preferences(uow, records.preferences, report)
        report = _plan(uow, records.plan, report)
        people = _People(uow, records)
        _closeness(uow, records, people.ids)
        moments = _Moments(uow, people)
        for batch in _batches(incoming.moments, BATCH):
            moments.write(batch)
            if progress is not None:
                progress(moments.added + moments.skipped)
        report = replace(
            report,
            moments_added=moments.added,
            moments_skipped=moments.skipped,
            **people.counts(),
        )
        report = _practice(uow, records, people.ids, moments.ids, report)
        uow.commit()
    return replace(
        report,
        needs_care=_needing_care(records) + moments.needing_care,
        notes=records.notes,
    )


class _People:
    """Every person of an import by name key, added when new: those the file
    lists, those its records name, and those its moments name as they come."""

    def __init__(self, uow: UnitOfWork, records: Records) -> None:
        self._uow = uow
        self.ids: dict[str, int] = {}
        self._added: list[str] = []
        self._skipped = 0
        wanted: dict[str, Person] = {p.name.casefold(): p for p in records.people}
        named = [s.person_name for s in records.steps if s.person_name]
        named += [r.person_name for r in records.reflections if r.person_name]
        named += [t.person_name for t in records.timeouts if t.person_name]
        named += [c.person_name for c in records.contacts if c.person_name]
        named += [c.person_name for c in records.commitments if c.person_name]
        for name in named:
            wanted.setdefault(name.casefold(), Person(name=name))
        for person in wanted.values():
            self.id_of(person)

    def id_of(self, person: Person) -> int:
        key = person.name.casefold()
        known = self.ids.get(key)
        if known is not None:
            return known
        existing = self._uow.people.by_name(person.name)
        if existing is None:
            existing = self._uow.people.add(replace(person, id=None))
            self._added.append(existing.name)
        else:
            self._skipped += 1
        assert existing.id is not None
        self.ids[key] = existing.id
        return existing.id

    def counts(self) -> dict[str, Any]:
        return {
            "people_added": len(self._added),
            "people_skipped": self._skipped,
            "people_names": tuple(self._added),
        }


class _Moments:
    """Writes an import's moments batch by batch: a moment already kept (same
    time and text, in the store or earlier in the file) is skipped; ``ids``
    holds the stored id of each, in the file's order (for records that link
    to a moment by its position)."""

    def __init__(self, uow: UnitOfWork, people: _People) -> None:
        self._uow = uow
        self._people = people
        self.ids = array("q")
        self.added = self.skipped = self.needing_care = 0

    def write(self, batch: Sequence[Moment]) -> None:
        kept = self._uow.moments.ids_by_time_and_text(batch)
        new: list[Moment] = []
        new_keys: dict[tuple[datetime, str], None] = {}  # in order, found at once
        slots: list[tuple[datetime, str]] = []
        for moment in batch:
            key = (moment.occurred_at.astimezone(UTC), moment.situation)
            slots.append(key)
            if key in kept or key in new_keys:
                continue
            people = tuple(
                self._people.id_of(Person(name=name)) for name in moment.person_names
            )
            new.append(replace(moment, id=None, people=people))
            new_keys[key] = None
            self.needing_care += _care_count(moment.texts())
        kept.update(zip(new_keys, self._uow.moments.add_many(new), strict=True))
        self.ids.extend(kept[key] for key in slots)
        self.added += len(new)
        self.skipped += len(batch) - len(new)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _care_count(texts: Iterable[str]) -> int:
    """How many of ``texts`` hold words of crisis."""
    return sum(1 for text in texts if detect(text).level is not Level.NONE)


def _preferences(
    uow: UnitOfWork, incoming: Preferences, report: ImportReport
) -> ImportReport:
    """Fill in what the store has not chosen yet; never overwrite a choice."""
    current = uow.preferences.get()
    merged = replace(
        current,
        country=current.country or incoming.country,
        theme=current.theme if current.theme != Preferences().theme else incoming.theme,
        time_zone=current.time_zone or incoming.time_zone,
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
    moment_ids: Sequence[int],
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
    moment_ids: Sequence[int],
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
            saved = uow.reflections.add(
                replace(
                    entry,
                    id=None,
                    person_id=_person_id(people, entry.person_name),
                    moment_id=_linked(moment_ids, entry.moment_id),
                )
            )
            existing = saved.id
            have[key] = existing
        assert existing is not None
        ids.append(existing)
    return ids


def _needing_care(records: Records) -> int:
    """Texts with words of crisis among the records (the moments are counted
    as they are written)."""
    texts = [t for s in records.steps for t in s.texts()]
    texts += [t for r in records.reflections for t in r.texts()]
    texts += [t for r in records.thoughts for t in r.texts()]
    texts += [t for r in records.timeouts for t in r.texts()]
    texts += [c.note for c in records.contacts if c.note]
    texts += [t for c in records.commitments for t in c.texts()]
    texts += [p.notes for p in records.people if p.notes] + records.plan.texts()
    return _care_count(texts)
