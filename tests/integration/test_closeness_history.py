"""Closeness over time: a reading each time "now" or "wanted" changes."""

from __future__ import annotations

from closer.adapters.db.database import Database
from closer.services.people import (
    add_person,
    closeness_history,
    delete_person,
    update_person,
)


def readings(database: Database, person_id: int) -> list[tuple[int | None, int | None]]:
    return [
        (r.now, r.wanted) for r in closeness_history(database.unit_of_work(), person_id)
    ]


def test_each_change_of_closeness_is_kept_and_other_changes_are_not(
    database: Database,
) -> None:
    sam = add_person(
        database.unit_of_work(), "Sam", closeness_now=3, closeness_wanted=8
    )
    assert sam.id is not None
    update_person(database.unit_of_work(), sam.id, notes="met at climbing")
    update_person(database.unit_of_work(), sam.id, closeness_now=5)
    update_person(database.unit_of_work(), sam.id, closeness_now=5)
    update_person(database.unit_of_work(), sam.id, closeness_wanted=None)
    assert readings(database, sam.id) == [(3, 8), (5, 8), (5, None)]


def test_someone_added_without_closeness_has_no_history_until_it_is_given(
    database: Database,
) -> None:
    ana = add_person(database.unit_of_work(), "Ana")
    assert ana.id is not None
    assert readings(database, ana.id) == []
    update_person(database.unit_of_work(), ana.id, closeness_wanted=7)
    assert readings(database, ana.id) == [(None, 7)]


def test_history_goes_with_the_person_when_they_are_removed(database: Database) -> None:
    sam = add_person(database.unit_of_work(), "Sam", closeness_now=3)
    assert sam.id is not None
    delete_person(database.unit_of_work(), sam.id)
    with database.unit_of_work() as uow:
        assert uow.people.closeness() == []
