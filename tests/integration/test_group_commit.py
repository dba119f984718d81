"""The group commit, on SQLite and PostgreSQL: writes that arrive together are
committed together, answered only once durable, and undone one by one.

A "gate" job holds the writer thread until the test has queued the writes it
wants in one group, so the grouping is certain rather than a matter of timing.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, event, text

from closer.adapters.content import bundled_library
from closer.adapters.db.account_store import accounts_for
from closer.adapters.db.database import Database
from closer.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from closer.domain.moments import Moment, new_moment
from closer.domain.people import new_person
from closer.services import accounts
from closer.services.moments import Logged, list_moments, log_moment_steps
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
        with uow:
            uow.people.add(new_person("Bo"))
            uow.commit()  # committed inside the group, undone with the error below
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


def test_a_job_that_opens_its_unit_of_work_twice_is_refused_and_undone(
    database: Database,
) -> None:
    def twice(uow: UnitOfWork) -> None:
        _add("Pat")(uow)
        _add("Quinn")(uow)

    with held(database):
        refused = database.group_commit.submit(1, twice)
        fine = database.group_commit.submit(1, _add("Rae"))
    with pytest.raises(RuntimeError, match="only once"):
        refused.result(10)
    assert fine.result(10) > 0
    assert [p.person.name for p in list_people(database.unit_of_work())] == ["Rae"]


def test_each_write_in_a_group_keeps_to_its_owner(database: Database) -> None:
    other = accounts.sign_up(
        accounts_for(database), "other@example.org", "a long enough password"
    )
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


def _read_only(uow: UnitOfWork) -> int:
    """A job that reads and leaves without committing (as a re-sent moment does)."""
    with uow:
        return len(uow.people.list())


def test_a_job_that_leaves_without_committing_undoes_no_other_write(
    database: Database,
) -> None:
    with held(database):
        before = database.group_commit.submit(1, _add("Kim"))
        reader = database.group_commit.submit(1, _read_only)
        after = database.group_commit.submit(1, _add("Lou"))
    ids = [before.result(10), after.result(10)]
    reader.result(10)
    with database.unit_of_work() as uow:
        assert [uow.people.get(i).name for i in ids] == ["Kim", "Lou"]  # type: ignore[union-attr]


def _log(
    database: Database, owner: int, situation: str, key: str | None = None
) -> Future[Logged]:
    """Log a moment through the group commit, as the web app does."""

    def job(uow: UnitOfWork) -> Logged:
        steps = log_moment_steps(LIB, situation=situation, client_key=key)
        return run_steps(steps, lambda inner: inner(uow))

    return database.group_commit.submit(owner, job)


def _saved(database: Database, owner: int, moment_id: int) -> Moment | None:
    with database.unit_of_work(owner) as uow:
        return uow.moments.get(moment_id)


def test_a_re_sent_moment_in_a_group_leaves_every_other_moment_saved(
    database: Database,
) -> None:
    other = accounts.sign_up(
        accounts_for(database), "b@example.org", "a long enough password"
    )
    _log(database, other, "First time", "key-b").result(10)
    with held(database):
        mine = [_log(database, 1, f"Mine {i}", f"key-a-{i}") for i in range(5)]
        resent = _log(database, other, "First time again", "key-b")
        more = [_log(database, 1, f"Mine {i}", f"key-a-{i}") for i in range(5, 10)]
    assert resent.result(10).moment.situation == "First time"
    for future in mine + more:
        moment = future.result(10).moment
        assert moment.id is not None
        kept = _saved(database, 1, moment.id)
        assert kept is not None
        assert kept.situation == moment.situation


class _Refused(Exception):
    """A job's own failure, after it has written."""


def _fails_after_writing(situation: str) -> Callable[[UnitOfWork], None]:
    def job(uow: UnitOfWork) -> None:
        run_steps(log_moment_steps(LIB, situation=situation), lambda j: j(uow))
        raise _Refused(situation)

    return job


def _leaves_without_committing(situation: str) -> Callable[[UnitOfWork], None]:
    def job(uow: UnitOfWork) -> None:
        with uow:
            uow.moments.add(_a_moment(situation))
            uow.people.add(new_person(f"{situation} person"))

    return job


def _a_moment(situation: str) -> Moment:
    return new_moment(LIB, situation=situation, occurred_at=datetime.now(UTC))


# One write in a group: (what it does, whose it is, which client key it uses).
# Keys are few, so new moments, re-sends within the group and re-sends of
# moments saved by earlier groups all occur; a key belongs to its owner.
WRITE = st.tuples(
    st.sampled_from(["log", "log", "log", "fail", "leave", "read"]),
    st.sampled_from([0, 1]),
    st.none() | st.integers(0, 5),
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(groups=st.lists(st.lists(WRITE, min_size=1, max_size=12), max_size=4))
def test_any_mix_of_new_re_sent_and_failing_writes_keeps_every_answered_moment(
    database: Database, groups: list[list[tuple[str, int, int | None]]]
) -> None:
    """Whatever the mix in a group, each moment answered as saved reads back
    with its own words under its own owner (and no one else's), a re-sent key
    answers with the moment first saved under it, and nothing of a failed or
    uncommitted write remains."""
    run = next(_RUNS)
    owners = _two_owners(database)
    first_by_key: dict[tuple[int, int], tuple[int, str]] = {}
    gone: list[str] = []
    for g, group in enumerate(groups):
        with held(database):
            queued = []
            for w, (kind, who, key) in enumerate(group):
                situation = f"run {run} group {g} write {w}"
                future = _queue(database, kind, owners[who], key, run, situation)
                queued.append((kind, owners[who], key, situation, future))
        for kind, owner, key, situation, future in queued:
            if kind in ("fail", "leave"):
                if kind == "fail":
                    with pytest.raises(_Refused):
                        future.result(10)
                else:
                    future.result(10)
                gone.append(situation)
                continue
            if kind == "read":
                assert future.result(10) >= 0
                continue
            moment = future.result(10).moment
            assert moment.id is not None
            if key is not None:
                first = first_by_key.setdefault((owner, key), (moment.id, situation))
                assert (moment.id, moment.situation) == first
            else:
                assert moment.situation == situation
            kept = _saved(database, owner, moment.id)
            assert kept is not None
            assert kept.situation == moment.situation
            stranger = owners[0] if owner == owners[1] else owners[1]
            assert _saved(database, stranger, moment.id) is None
    for owner in owners:
        with database.unit_of_work(owner) as uow:
            texts = {m.situation for m in uow.moments.all()}
            people = {p.name for p in uow.people.list()}
        assert not texts & set(gone)
        assert not people & {f"{s} person" for s in gone}


_RUNS = itertools.count()


def _two_owners(database: Database) -> tuple[int, int]:
    """The local owner and a second account, made once per store."""
    with database.unit_of_work() as uow:
        session = uow._require_session()
        found = session.execute(
            text("SELECT id FROM users WHERE email = 'second@example.org'")
        ).scalar()
    if found is None:
        found = accounts.sign_up(
            accounts_for(database), "second@example.org", "a long password 1"
        )
    return 1, int(found)


def _queue(
    database: Database, kind: str, owner: int, key: int | None, run: int, situation: str
) -> Future[Any]:
    client_key = None if key is None else f"run {run} key {key}"
    if kind == "log":
        return _log(database, owner, situation, client_key)
    if kind == "fail":
        return database.group_commit.submit(owner, _fails_after_writing(situation))
    if kind == "leave":
        return database.group_commit.submit(
            owner, _leaves_without_committing(situation)
        )
    return database.group_commit.submit(owner, _read_moments)


def _read_moments(uow: UnitOfWork) -> int:
    with uow:
        return len(uow.moments.all())


def _ends_the_transaction(uow: SqlAlchemyUnitOfWork) -> None:
    """What SQLite does by itself on a full disk or an I/O error: the whole
    transaction is rolled back under the group's feet, then the job fails."""
    with uow:
        uow._require_session().connection().exec_driver_sql("ROLLBACK")
        raise OSError("disk full")


@pytest.mark.parametrize("database_url", [None], ids=["sqlite"])
def test_a_group_whose_transaction_the_database_ended_answers_no_write_as_saved(
    database: Database,
) -> None:
    with held(database):
        earlier = database.group_commit.submit(1, _add("Mo"))
        ending = database.group_commit.submit(1, _ends_the_transaction)
        later = database.group_commit.submit(1, _add("Ned"))
    for future in (earlier, ending, later):
        with pytest.raises(Exception, match=r"savepoint|transaction|disk full"):
            future.result(10)
    assert list_people(database.unit_of_work()) == []
    assert database.group_commit.submit(1, _add("Later")).result(10) > 0  # goes on


def _swallows_a_failed_statement(uow: SqlAlchemyUnitOfWork) -> None:
    """A job that catches a statement's error and commits anyway (PostgreSQL
    then refuses every later statement of the transaction, RELEASE included)."""
    with uow:
        session = uow._require_session()
        session.execute(text("SELECT 1"))
        with contextlib.suppress(Exception):
            session.execute(text("INSERT INTO users (id) VALUES (NULL)"))
        uow.commit()


def test_a_job_that_swallows_a_failed_statement_fails_alone(
    database: Database,
) -> None:
    with held(database):
        before = database.group_commit.submit(1, _add("Uma"))
        odd = database.group_commit.submit(1, _swallows_a_failed_statement)
        after = database.group_commit.submit(1, _add("Vic"))
    ids = [before.result(10), after.result(10)]
    with contextlib.suppress(Exception):
        odd.result(10)  # PostgreSQL fails it; SQLite lets it through
    with database.unit_of_work() as uow:
        assert [uow.people.get(i).name for i in ids] == ["Uma", "Vic"]  # type: ignore[union-attr]
