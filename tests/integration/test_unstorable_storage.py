"""The storage's last guard: whatever path a text or a number takes, what the
database cannot hold is a clear InvalidInput before anything is written."""

from __future__ import annotations

import pytest

from closer.adapters.content import bundled_library
from closer.adapters.db.database import Database
from closer.domain.errors import InvalidInput
from closer.domain.people import new_person
from closer.services.moments import get_moment, list_moments, log_moment
from closer.services.people import list_people


def test_a_nul_in_any_text_is_refused_and_nothing_is_written(
    database: Database,
) -> None:
    library = bundled_library()
    with pytest.raises(InvalidInput, match=r"control character \(U\+0000\)"):
        log_moment(database.unit_of_work(), library, situation="ok", outcome="a\x00b")
    with pytest.raises(InvalidInput, match="U\\+001B"):
        log_moment(
            database.unit_of_work(), library, situation="ok", new_people=("Jo\x1b",)
        )
    with pytest.raises(InvalidInput):
        _add_two(database, "Ann", "Bea\x00")
    assert list_moments(database.unit_of_work()).total == 0
    assert list_people(database.unit_of_work()) == []


def test_an_id_wider_than_64_bits_is_refused_not_overflowed(database: Database) -> None:
    with pytest.raises(InvalidInput, match="too large"):
        get_moment(database.unit_of_work(), 2**64)


def _add_two(database: Database, first: str, second: str) -> None:
    with database.unit_of_work() as uow:
        uow.people.add(new_person(first))
        uow.people.add(new_person(second))
        uow.commit()
