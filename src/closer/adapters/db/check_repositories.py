"""Repository for self-check results."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from closer.adapters.db.mapping import fill_row, to_record
from closer.adapters.db.orm import CheckResultRow
from closer.domain.checks import CheckResult
from closer.domain.errors import NotFound


class SqlCheckResultRepository:
    """Times a self-check was taken."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: CheckResultRow) -> CheckResult:
        return to_record(CheckResult, row)

    def add(self, result: CheckResult) -> CheckResult:
        row = CheckResultRow()
        fill_row(row, result)
        self._session.add(row)
        self._session.flush()
        return self._to_domain(row)

    def get(self, result_id: int) -> CheckResult | None:
        row = self._session.get(CheckResultRow, result_id)
        return None if row is None else self._to_domain(row)

    def delete(self, result_id: int) -> None:
        row = self._session.get(CheckResultRow, result_id)
        if row is None:
            raise NotFound(f"There is no self-check result with id {result_id}.")
        self._session.delete(row)

    def list(self, check: str | None = None) -> list[CheckResult]:
        """Oldest first (the order of a history)."""
        query = select(CheckResultRow)
        if check is not None:
            query = query.where(CheckResultRow.check == check)
        rows = self._session.scalars(
            query.order_by(CheckResultRow.taken_at, CheckResultRow.id)
        )
        return [self._to_domain(r) for r in rows]
