"""Group commit: writes that arrive together are made durable together.

Making a write durable costs the same whether it holds one moment or fifty:
the database syncs its log to the disk (``synchronous=FULL`` on SQLite) and,
on an encrypted store, encrypts the pages it touched. When many people (or
many tabs, or a phone replaying its offline queue) log at the same moment,
one thread takes every write waiting in turn, runs each in a unit of work of
its own inside ONE transaction, commits once, and only then answers each of
them. Nobody is told "saved" before the commit that saved them, so a crash
never loses an acknowledged write.

Each job runs inside a SAVEPOINT of its own and opens its unit of work once,
whose session controls that savepoint and nothing else: whatever one job
does (fails, finds its moment already saved and leaves without committing,
rolls back) undoes only its own writes, never another job's. Only the
transaction as a whole failing (a refused COMMIT, a lost connection) fails
every write in it, and then every one of them is answered with the error. A
job must do nothing but database work, which a rollback undoes.

Used for the hot path, logging a moment (web form, API, offline replay).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from closer.adapters.db.unit_of_work import SqlAlchemyUnitOfWork

T = TypeVar("T")

logger = logging.getLogger(__name__)

MOST_PER_COMMIT = 64  # a bound on how long the first write of a group waits


Job = Callable[[SqlAlchemyUnitOfWork], T]
Settle = Callable[[Any, BaseException | None], None]  # told the result, or the error


@dataclass(eq=False, slots=True)
class _Write:
    owner_id: int
    job: Job[Any]
    settle: Settle


def _settle_future(future: Future[Any]) -> Settle:
    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(error)

    return settle


def _settle_on_loop(future: asyncio.Future[Any]) -> Settle:
    loop = future.get_loop()

    def settle_here(result: Any, error: BaseException | None) -> None:
        if future.done():  # cancelled: the client went away; the write stands
            return
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(error)

    def settle(result: Any, error: BaseException | None) -> None:
        # A closed loop raises RuntimeError: no one is waiting any more.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle_here, result, error)

    return settle


_STOP: Any = object()


class GroupCommit:
    """One writer thread over ``engine``; see the module's docstring.

    ``submit`` (for threads) and ``submit_async`` (for an event loop) return a
    future that is resolved once the job's transaction is committed (with the
    job's result) or has failed (with its error)."""

    def __init__(
        self,
        engine: Engine,
        sessions: sessionmaker[Session],
        *,
        most: int = MOST_PER_COMMIT,
    ) -> None:
        self._engine = engine
        self._sessions = sessions
        self._most = most
        self._queue: queue.SimpleQueue[_Write] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, owner_id: int, job: Job[T]) -> Future[T]:
        """Queue ``job`` to run in a unit of work over ``owner_id``'s records."""
        future: Future[T] = Future()
        self._put(_Write(owner_id, job, _settle_future(future)))
        return future

    def submit_async(self, owner_id: int, job: Job[T]) -> asyncio.Future[T]:
        """``submit`` for the running event loop: awaiting never blocks it."""
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._put(_Write(owner_id, job, _settle_on_loop(future)))
        return future

    def _put(self, write: _Write) -> None:
        with self._lock:  # never behind the stop that ``close`` queues
            if self._closed:
                raise RuntimeError("the store is closed")
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="closer-group-commit", daemon=True
                )
                self._thread.start()
            self._queue.put(write)

    def close(self) -> None:
        """Finish every write already queued, then stop the thread."""
        with self._lock:
            self._closed = True
            thread = self._thread
            if thread is not None:
                self._queue.put(_STOP)
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        stopping = False
        while not stopping:
            batch = [self._queue.get()]
            while len(batch) < self._most:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            stopping = any(write is _STOP for write in batch)
            writes = [w for w in batch if w is not _STOP]
            if writes:
                self._commit_safely(writes)

    def _commit_safely(self, writes: list[_Write]) -> None:
        """``_commit``, and whatever goes wrong, every write is answered and
        the thread goes on to the next group."""
        try:
            self._commit(writes)
        except Exception as error:
            logger.exception("A group of %d writes could not be committed", len(writes))
            for write in writes:
                write.settle(None, error)  # those already answered keep theirs

    def _commit(self, writes: list[_Write]) -> None:
        """Run each write in a savepoint of its own inside one transaction,
        commit once, then answer. A job that fails is answered with its error
        at once (its savepoint is rolled back, so nothing of it remains); a
        job that ends without committing undoes only its own writes."""
        done: list[tuple[_Write, Any]] = []
        with self._engine.connect() as connection:
            _begin(connection)
            for write in writes:
                outcome = self._run_alone(connection, write)
                if isinstance(outcome, _Failed):
                    write.settle(None, outcome.error)
                else:
                    done.append((write, outcome.result))
            _require_open(connection)
            connection.commit()
        for write, result in done:
            write.settle(result, None)

    def _run_alone(self, connection: Connection, write: _Write) -> _Done | _Failed:
        """The job's result, or ``_Failed`` once its savepoint is rolled back.
        Nothing a job does can reach beyond its savepoint (``_unit``)."""
        savepoint = connection.begin_nested()
        try:
            result = write.job(self._unit(connection, write))
            if savepoint.is_active:  # else the job left without committing
                if not _driver_in_transaction(connection):
                    raise GroupJobError(
                        "a statement failed inside the job, which went on"
                    )  # PostgreSQL: RELEASE would fail, and the group with it
                savepoint.commit()  # RELEASE: kept in the group's transaction
        except Exception as error:
            if savepoint.is_active:
                savepoint.rollback()
            _require_open(connection)
            return _Failed(error)
        _require_open(connection)
        return _Done(result)

    def _unit(self, connection: Connection, write: _Write) -> SqlAlchemyUnitOfWork:
        """A unit of work over the write's owner whose session joins the job's
        savepoint: its commit leaves the savepoint to the group, its rollback
        (leaving without committing, or an error) rolls the savepoint back,
        undoing what this job wrote and nothing else. It may be opened once:
        a second opening could undo what the first committed."""
        opened = False

        def sessions(**options: Any) -> Session:
            nonlocal opened
            if opened:
                raise GroupJobError(
                    "a job of the group commit opens its unit of work only once"
                )
            opened = True
            return self._sessions(
                bind=connection, join_transaction_mode="rollback_only", **options
            )

        return SqlAlchemyUnitOfWork(sessions, write.owner_id)


@dataclass(frozen=True, slots=True)
class _Done:
    result: Any


@dataclass(frozen=True, slots=True)
class _Failed:
    error: Exception


class GroupJobError(RuntimeError):
    """A job broke the group commit's rules (see ``GroupCommit._unit``)."""


class GroupTransactionLost(RuntimeError):
    """The database ended the group's transaction on its own (SQLite does on
    a full disk or an I/O error): nothing in the group may be reported saved."""


def _require_open(connection: Connection) -> None:
    """Raise unless the group's transaction is still open, and usable, in the
    database itself, not only in SQLAlchemy's bookkeeping."""
    if not connection.in_transaction() or not _driver_in_transaction(connection):
        raise GroupTransactionLost("the database ended the group's transaction")


def _driver_in_transaction(connection: Connection) -> bool:
    driver: Any = connection.connection.dbapi_connection
    info = getattr(driver, "info", None)  # psycopg: INTRANS, not INERROR or IDLE
    if info is not None and hasattr(info, "transaction_status"):
        return bool(info.transaction_status == _PG_IN_TRANSACTION)
    return bool(getattr(driver, "in_transaction", True))  # sqlite3, sqlcipher3


_PG_IN_TRANSACTION = 2  # psycopg.pq.TransactionStatus.INTRANS


def _begin(connection: Connection) -> None:
    """Open the group's transaction. SQLite's Python driver would only begin it
    at the first INSERT (after the reads a job may do first);
    ``BEGIN IMMEDIATE`` takes the write lock at once, for the whole group."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.begin()
