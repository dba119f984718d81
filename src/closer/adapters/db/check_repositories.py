"""Repository for self-check results."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from closer.adapters.db.orm import CheckResultRow
from closer.adapters.db.repositories import aware
from closer.domain.checks import CheckResult
from closer.domain.errors import NotFound


class SqlCheckResultRepository:
    """Times a self-check was taken."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: CheckResultRow) -> CheckResult:
        return CheckResult(
            check=row.check, taken_at=aware(row.taken_at),
            answers=tuple(int(a) for a in row.answers), total=row.total,
            band=row.band, id=row.id,
        )  # fmt: skip

    def add(self, result: CheckResult) -> CheckResult:
        row = CheckResultRow(
            check=result.check, taken_at=result.taken_at, answers=list(result.answers),
            total=result.total, band=result.band,
        )  # fmt: skip
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
