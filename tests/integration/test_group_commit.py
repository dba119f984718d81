"""The group commit, on SQLite and PostgreSQL: writes that arrive together are
committed together, answered only once durable, and undone one by one.

A "gate" job holds the writer thread until the test has queued the writes it
wants in one group, so the grouping is certain rather than a matter of timing.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

import pytest
from sqlalchemy import Connection, event, text

from closer.adapters import accounts
from closer.adapters.content import bundled_library
from closer.adapters.db.database import Database
from closer.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from closer.domain.people import new_person
from closer.services.moments import list_moments, log_moment_steps
from closer.services.people import list_people
from closer.services.unit_of_work import UnitOfWork, run_steps

LIB = bundled_library()
T = TypeVar("T")


def _add(name: str) -> Callable[[UnitOfWork], int]:
    def job(uow: UnitOfWork) -> int:
        with uow:
            person = uow.people.add(new_person(name))
            uow.commit()
        assert person.id is not None
        return person.id

    return job


@contextmanager
def held(database: Database) -> Iterator[None]:
    """The writer thread is busy (inside a job) until the block ends."""
    entered, release = threading.Event(), threading.Event()

    def gate(_uow: UnitOfWork) -> None:
        entered.set()
        release.wait(10)

    gated = database.group_commit.submit(1, gate)
    assert entered.wait(10)
    try:
        yield
    finally:
        release.set()
        gated.result(10)


def _refused_at_commit(uow: SqlAlchemyUnitOfWork) -> None:
    """Add a person, and a link to no one that SQLite checks only at COMMIT."""
    with uow:
        uow.people.add(new_person("Eve"))
        session = uow._require_session()
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        session.execute(
            text(
                "INSERT INTO moment_people (moment_id, person_id, position) "
                "VALUES (999999, 999999, 0)"
            )
        )
        uow.commit()


def in_own_thread(run: Callable[[], T]) -> T:
    """Run ``run`` in a thread of its own: the browser tests leave an event
    loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result(30)


def commits(database: Database) -> list[int]:
    """A list that grows by one at each commit of ``database``."""
    seen: list[int] = []

    def count(_connection: Connection) -> None:
        seen.append(1)

    event.listen(database.engine, "commit", count)
    return seen


def test_writes_that_arrive_together_share_one_commit(database: Database) -> None:
    counted = commits(database)
    with held(database):
        before = len(counted)
        futures = [
            database.group_commit.submit(1, _add(f"Person {i}")) for i in range(20)
        ]
    ids = [f.result(10) for f in futures]
    assert len(set(ids)) == 20
    assert len(counted) - before == 2  # the gate's group, then all twenty
    assert len(list_people(database.unit_of_work())) == 20


def test_a_moment_is_answered_only_once_it_is_committed(database: Database) -> None:
    answered: list[int] = []

    def write(job: Callable[[UnitOfWork], T]) -> T:
        return database.group_commit.submit(1, job).result(10)

    def log() -> None:
        steps = log_moment_steps(LIB, situation="Cancelled on Sam", new_people=("Sam",))
        logged = run_steps(steps, write)
        assert logged.moment.id is not None
        answered.append(logged.moment.id)

    with held(database):
        thread = threading.Thread(target=log)
        thread.start()
        thread.join(0.3)
        assert answered == []  # still waiting: nothing is committed yet
    thread.join(10)
    saved = list_moments(database.unit_of_work()).items
    assert [m.id for m in saved] == answered
    assert saved[0].person_names == ("Sam",)


def test_a_failing_write_is_undone_alone(database: Database) -> None:
    def fails(uow: UnitOfWork) -> None:
        _add("Bo")(uow)  # committed inside the group, undone with the error below
        with uow:
            uow.people.add(new_person("Bea"))
            raise ValueError("this job fails")

    with held(database):
        first = database.group_commit.submit(1, _add("Ana"))
        failing: Future[None] = database.group_commit.submit(1, fails)
        last = database.group_commit.submit(1, _add("Cy"))
    assert first.result(10)
    assert last.result(10)
    with pytest.raises(ValueError, match="this job fails"):
        failing.result(10)
    names = [p.person.name for p in list_people(database.unit_of_work())]
    assert names == ["Ana", "Cy"]  # once each; all of the failed job is undone


def test_each_write_in_a_group_keeps_to_its_owner(database: Database) -> None:
    other = accounts.sign_up(database, "other@example.org", "a long enough password")
    with held(database):
        mine = database.group_commit.submit(1, _add("Mine"))
        theirs = database.group_commit.submit(other, _add("Theirs"))
    mine.result(10), theirs.result(10)
    assert [p.person.name for p in list_people(database.unit_of_work())] == ["Mine"]
    assert [p.person.name for p in list_people(database.unit_of_work(other))] == [
        "Theirs"
    ]


def test_closing_finishes_the_writes_already_queued(database: Database) -> None:
    with held(database):
        queued = [database.group_commit.submit(1, _add(f"P{i}")) for i in range(5)]
        closing = threading.Thread(target=database.group_commit.close)
        closing.start()
    closing.join(10)
    assert all(f.done() and f.exception() is None for f in queued)
    with pytest.raises(RuntimeError, match="closed"):
        database.group_commit.submit(1, _add("Too late"))


# Deferring foreign keys to the commit is SQLite's own pragma.
@pytest.mark.parametrize("database_url", [None], ids=["sqlite"])
def test_a_commit_that_fails_fails_every_write_in_its_group(
    database: Database,
) -> None:
    with held(database):
        good = database.group_commit.submit(1, _add("Dee"))
        bad = database.group_commit.submit(1, _refused_at_commit)
    for future in (good, bad):
        with pytest.raises(Exception, match="FOREIGN KEY"):
            future.result(10)
    assert list_people(database.unit_of_work()) == []
    assert database.group_commit.submit(1, _add("Later")).result(10) > 0  # goes on


@pytest.mark.parametrize("database_url", [None], ids=["sqlite"])
def test_a_refused_commit_leaves_nothing_for_the_next_request(
    database: Database,
) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        _refused_at_commit(database.unit_of_work())
    assert list_people(database.unit_of_work()) == []  # nothing seen
    _add("Fay")(database.unit_of_work())  # and nothing committed with this
    assert [p.person.name for p in list_people(database.unit_of_work())] == ["Fay"]


def test_an_event_loop_awaits_its_write_and_a_cancelled_one_still_lands(
    database: Database,
) -> None:
    async def log_two() -> int:
        with held(database):
            kept = database.group_commit.submit_async(1, _add("Gil"))
            abandoned = database.group_commit.submit_async(1, _add("Hal"))
            abandoned.cancel()  # as when the client goes away mid-request
            await asyncio.sleep(0.05)
            assert not kept.done()  # the loop ran on while the write waited
        return await asyncio.wait_for(kept, 10)

    assert in_own_thread(lambda: asyncio.run(log_two())) > 0
    database.group_commit.submit(1, lambda _uow: None).result(10)  # after the two
    names = [p.person.name for p in list_people(database.unit_of_work())]
    assert names == ["Gil", "Hal"]


def test_a_write_whose_event_loop_has_closed_does_not_stop_the_writer(
    database: Database,
) -> None:
    async def submit() -> asyncio.Future[int]:
        return database.group_commit.submit_async(1, _add("Ida"))

    def orphan_write() -> asyncio.Future[int]:
        loop = asyncio.new_event_loop()
        try:
            return loop.run_until_complete(submit())
        finally:
            loop.close()  # nobody will ever read the answer

    with held(database):
        orphan = in_own_thread(orphan_write)
    assert not orphan.done()
    assert database.group_commit.submit(1, _add("Jo")).result(10) > 0  # goes on
    names = [p.person.name for p in list_people(database.unit_of_work())]
    assert names == ["Ida", "Jo"]
