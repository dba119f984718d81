"""The SQLAlchemy unit of work: one session, one transaction."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy.orm import Session

from closer.adapters.db.check_repositories import SqlCheckResultRepository
from closer.adapters.db.contact_repositories import (
    SqlCommitmentRepository,
    SqlContactRepository,
)
from closer.adapters.db.insight_repositories import SqlInsightFacts
from closer.adapters.db.ownership import OWNER_KEY
from closer.adapters.db.practice_repositories import (
    SqlGoodShareRepository,
    SqlLadderRepository,
    SqlReflectionEntryRepository,
    SqlThoughtRecordRepository,
    SqlTimeOutRepository,
)
from closer.adapters.db.repositories import (
    SqlMomentRepository,
    SqlPeopleRepository,
    SqlPreferencesRepository,
    SqlSafetyPlanRepository,
    SqlSupportAlertRepository,
)
from closer.adapters.db.vector_repositories import SqlVectorCache


class SqlAlchemyUnitOfWork:
    """Groups the repositories over one session; rolls back unless committed.

    Entered again while open, it stays the same unit: a page that shows the
    answers of several use cases reads them all in one transaction (one
    session, one consistent view), and only the outermost exit ends it.
    Inside it, ``commit`` commits the whole unit so far, and a block that
    fails rolls the whole unit back (nothing half-done is kept).
    """

    preferences: SqlPreferencesRepository
    safety_plan: SqlSafetyPlanRepository
    support: SqlSupportAlertRepository
    people: SqlPeopleRepository
    moments: SqlMomentRepository
    steps: SqlLadderRepository
    good_shares: SqlGoodShareRepository
    reflections: SqlReflectionEntryRepository
    thoughts: SqlThoughtRecordRepository
    timeouts: SqlTimeOutRepository
    contacts: SqlContactRepository
    commitments: SqlCommitmentRepository
    checks: SqlCheckResultRepository
    insights: SqlInsightFacts
    vectors: SqlVectorCache

    def __init__(self, sessions: Callable[..., Session], owner_id: int) -> None:
        self._sessions = sessions
        self._owner_id = owner_id
        self._session: Session | None = None
        self._depth = 0  # how many ``with`` blocks are inside the outermost

    @property
    def owner_id(self) -> int:
        """Whose records this unit of work reads and writes."""
        return self._owner_id

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        if self._session is not None:  # already open: the same unit
            self._depth += 1
            return self
        self._session = self._sessions(info={OWNER_KEY: self._owner_id})
        self.preferences = SqlPreferencesRepository(self._session)
        self.safety_plan = SqlSafetyPlanRepository(self._session)
        self.support = SqlSupportAlertRepository(self._session)
        self.people = SqlPeopleRepository(self._session)
        self.moments = SqlMomentRepository(self._session)
        self.steps = SqlLadderRepository(self._session)
        self.good_shares = SqlGoodShareRepository(self._session)
        self.reflections = SqlReflectionEntryRepository(self._session)
        self.thoughts = SqlThoughtRecordRepository(self._session)
        self.timeouts = SqlTimeOutRepository(self._session)
        self.contacts = SqlContactRepository(self._session)
        self.commitments = SqlCommitmentRepository(self._session)
        self.checks = SqlCheckResultRepository(self._session)
        self.insights = SqlInsightFacts(self._session)
        self.vectors = SqlVectorCache(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self._require_session()
        if self._depth:
            self._depth -= 1
            if exc_type is not None:
                session.rollback()  # a failed inner block undoes the whole unit
            return  # the outermost block ends the unit
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None

    def commit(self) -> None:
        """Make everything done in this unit of work durable."""
        self._require_session().commit()

    def _require_session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside a 'with' block")
        return self._session
