"""Group commit: writes that arrive together are made durable together.

Making a write durable costs the same whether it holds one moment or fifty:
the database syncs its log to the disk (``synchronous=FULL`` on SQLite) and,
on an encrypted store, encrypts the pages it touched. When many people (or
many tabs, or a phone replaying its offline queue) log at the same moment,
one thread takes every write waiting in turn, runs each in a unit of work of
its own inside ONE transaction, commits once, and only then answers each of
them. Nobody is told "saved" before the commit that saved them, so a crash
never loses an acknowledged write. A write that fails is answered with its
error and the group runs again without it, so the others still land: a job
must therefore do nothing but database work, which a rollback undoes.

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
            logger.exception("The group commit failed unexpectedly")
            for write in writes:
                write.settle(None, error)  # those already answered keep theirs

    def _commit(self, writes: list[_Write]) -> None:
        """Commit ``writes`` together. A job that fails gets its error and the
        group runs again without it (nothing was committed yet)."""
        while writes:
            failed = self._try(writes)
            if failed is None:
                return
            writes = [w for w in writes if w is not failed]

    def _try(self, writes: list[_Write]) -> _Write | None:
        """One transaction for ``writes``: None once every future is resolved,
        or the write whose job failed (then all of it is rolled back)."""
        results: list[Any] = []
        try:
            with self._engine.connect() as connection:
                _begin(connection)
                for write in writes:
                    try:
                        results.append(write.job(self._unit(connection, write)))
                    except Exception as error:
                        write.settle(None, error)
                        return write
                connection.commit()
        except Exception as error:  # the transaction failed: nothing in it is saved
            logger.exception("A group of %d writes could not be committed", len(writes))
            for write in writes:
                write.settle(None, error)
            return None
        for write, result in zip(writes, results, strict=True):
            write.settle(result, None)
        return None

    def _unit(self, connection: Connection, write: _Write) -> SqlAlchemyUnitOfWork:
        """A unit of work over the write's owner, inside the group's
        transaction: its commit commits nothing yet, its rollback undoes the
        whole group (which then runs again without the failed job)."""

        def sessions(**options: Any) -> Session:
            return self._sessions(
                bind=connection, join_transaction_mode="rollback_only", **options
            )

        return SqlAlchemyUnitOfWork(sessions, write.owner_id)


def _begin(connection: Connection) -> None:
    """Open the group's transaction. SQLite's Python driver would only begin it
    at the first INSERT (after the reads a job may do first);
    ``BEGIN IMMEDIATE`` takes the write lock at once, for the whole group."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.begin()
