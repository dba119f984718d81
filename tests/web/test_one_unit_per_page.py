"""Today, a person's page and Practice read what they show in one unit of
work (one session, one transaction), not one per use case."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from closer.adapters.db.database import Database
from closer.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from closer.domain.people import new_person


@pytest.fixture
def units_opened(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many units of work were opened (entered while closed)."""
    opened: list[int] = []
    enter = SqlAlchemyUnitOfWork.__enter__

    def counting(self: SqlAlchemyUnitOfWork) -> SqlAlchemyUnitOfWork:
        if self._session is None:
            opened.append(1)
        return enter(self)

    monkeypatch.setattr(SqlAlchemyUnitOfWork, "__enter__", counting)
    return opened


def test_an_open_unit_of_work_entered_again_is_the_same_transaction(
    database: Database,
) -> None:
    uow = database.unit_of_work()
    with uow:
        outer = uow.people
        with uow:
            assert uow.people is outer  # the same session's repositories
        assert uow.people.list() == []  # still open after the inner block
    with pytest.raises(RuntimeError, match="outside a 'with' block"):
        uow.commit()


def add_then_fail(uow: SqlAlchemyUnitOfWork) -> None:
    with uow:
        uow.people.add(new_person("Inner"))
        raise LookupError


def test_a_failed_inner_block_undoes_the_whole_unit(database: Database) -> None:
    uow = database.unit_of_work()
    with uow:
        uow.people.add(new_person("Outer"))
        with pytest.raises(LookupError):
            add_then_fail(uow)
        uow.commit()  # nothing half-done is left to commit
    with uow:
        assert uow.people.list() == []


def test_each_page_reads_in_one_unit_of_work(
    client: TestClient, units_opened: list[int]
) -> None:
    sam = client.post("/api/v1/people", json={"name": "Sam"}).json()["id"]
    client.post("/api/v1/moments", json={"situation": "Quiet day", "people": [sam]})
    client.post("/api/v1/contacts", json={"person_id": sam})
    units_opened.clear()
    client.get("/learn")  # what every page costs (the shell), measured apart
    shell = len(units_opened)
    for page in ("/", f"/people/{sam}", "/practice"):
        units_opened.clear()
        assert client.get(page).status_code == 200
        assert len(units_opened) - shell == 1, page
