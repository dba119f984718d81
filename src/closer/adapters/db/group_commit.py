"""Group commit: writes that arrive together are made durable together.

Making a write durable costs the same whether it holds one moment or fifty:
the database syncs its log to the disk (``synchronous=FULL`` on SQLite) and,
on an encrypted store, encrypts the pages it touched. When many people (or
many tabs, or a phone replaying its offline queue) log at the same moment,
one thread takes every write waiting in turn, runs each in a unit of work of
its own inside ONE transaction, commits once, and only then answers each of
them. Nobody is told "saved" before the commit that saved them, so a crash
never loses an acknowledged write; a write that fails is undone alone (each
runs inside a savepoint), and the others still land.

Used for the hot path, logging a moment (web form, API, offline replay).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from closer.adapters.db.unit_of_work import SqlAlchemyUnitOfWork

T = TypeVar("T")

logger = logging.getLogger(__name__)

MOST_PER_COMMIT = 64  # a bound on how long the first write of a group waits


@dataclass(eq=False)
class _Write(Generic[T]):
    owner_id: int
    job: Callable[[SqlAlchemyUnitOfWork], T]
    future: Future[T] = field(default_factory=Future)


_STOP: Any = object()


class GroupCommit:
    """One writer thread over ``engine``; see the module's docstring.

    ``submit`` returns a future that is resolved once the job's transaction is
    committed (with the job's result) or has failed (with its error)."""

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
        self._queue: queue.SimpleQueue[_Write[Any]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(
        self, owner_id: int, job: Callable[[SqlAlchemyUnitOfWork], T]
    ) -> Future[T]:
        """Queue ``job`` to run in a unit of work over ``owner_id``'s records."""
        write: _Write[T] = _Write(owner_id, job)
        with self._lock:
            if self._closed:
                raise RuntimeError("the store is closed")
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="closer-group-commit", daemon=True
                )
                self._thread.start()
            self._queue.put(write)
        return write.future

    def run(self, owner_id: int, job: Callable[[SqlAlchemyUnitOfWork], T]) -> T:
        """``submit``, then wait for the commit (from any thread but the writer's)."""
        return self.submit(owner_id, job).result()

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
                self._commit(writes)

    def _commit(self, writes: list[_Write[Any]]) -> None:
        done: list[tuple[_Write[Any], Any, BaseException | None]] = []
        try:
            with self._engine.connect() as connection:
                _begin(connection)
                for write in writes:
                    done.append((write, *self._attempt(connection, write)))
                connection.commit()
        except Exception as error:  # the transaction failed: nothing in it is saved
            logger.exception("A group of %d writes could not be committed", len(writes))
            for write in writes:
                write.future.set_exception(error)
            return
        for write, result, failure in done:
            if failure is None:
                write.future.set_result(result)
            else:
                write.future.set_exception(failure)

    def _attempt(
        self, connection: Connection, write: _Write[Any]
    ) -> tuple[Any, BaseException | None]:
        def sessions(**options: Any) -> Session:
            return self._sessions(
                bind=connection, join_transaction_mode="create_savepoint", **options
            )

        uow = SqlAlchemyUnitOfWork(sessions, write.owner_id)
        try:
            return write.job(uow), None
        except Exception as error:  # undone by its unit of work's savepoint
            return None, error


def _begin(connection: Connection) -> None:
    """Open the group's transaction. SQLite's Python driver would only begin it
    at the first INSERT, so a savepoint before that would be released as a
    commit of its own; ``BEGIN IMMEDIATE`` also takes the write lock at once."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.begin()
