"""The facts insights need, read in a few lean queries.

Insights run over every moment of a period (100,000 and more), so moments
are not loaded as full objects: one query reads the moments' own columns
and one per link table reads what hangs off them, each joined to the live
moments of the period (which also keeps them to their owner's rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from closer.adapters.db.mapping import aware
from closer.adapters.db.orm import (
    MomentCauseRow,
    MomentEmotionRow,
    MomentPersonRow,
    MomentRow,
    MomentTagRow,
    PersonRow,
)
from closer.domain.insights import MomentFacts, Period


class SqlInsightFacts:
    """Moments of a period as ``MomentFacts``."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _statements(self, period: Period) -> list[Select[Any]]:
        start = datetime.combine(period.start, time(), UTC)
        end = datetime.combine(period.end + timedelta(days=1), time(), UTC)
        live = (
            MomentRow.deleted_at.is_(None),
            MomentRow.occurred_at >= start,
            MomentRow.occurred_at < end,
        )
        moments = (
            select(
                MomentRow.id,
                MomentRow.occurred_at,
                MomentRow.urge,
                MomentRow.action,
                MomentRow.felt_after,
            )
            .where(*live)
            .order_by(MomentRow.occurred_at)
        )

        def linked(column: Any, moment_id: Any) -> Select[Any]:
            return (
                select(moment_id, column)
                .join(MomentRow, MomentRow.id == moment_id)
                .where(*live)
            )

        return [
            moments,
            linked(MomentEmotionRow.emotion, MomentEmotionRow.moment_id),
            linked(MomentCauseRow.cause, MomentCauseRow.moment_id),
            linked(MomentTagRow.tag, MomentTagRow.moment_id),
            linked(PersonRow.name, MomentPersonRow.moment_id).join(
                PersonRow, PersonRow.id == MomentPersonRow.person_id
            ),
        ]

    def raw(self, period: Period) -> list[Sequence[Any]]:
        """The same rows, fetched and nothing more (the benchmark's baseline)."""
        return [self._session.execute(s).all() for s in self._statements(period)]

    def moments(self, period: Period) -> list[MomentFacts]:
        """Every live moment of the period, oldest first."""
        rows, *links = self.raw(period)
        emotions, causes, tags, people = (_grouped(r) for r in links)
        return [
            MomentFacts(
                at=aware(at),
                urge=urge,
                action=action,
                felt_after=felt,
                emotions=emotions.get(mid, ()),
                causes=causes.get(mid, ()),
                people=people.get(mid, ()),
                tags=tags.get(mid, ()),
            )
            for mid, at, urge, action, felt in rows
        ]


def _grouped(rows: Sequence[Any]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    for moment_id, value in rows:
        found.setdefault(moment_id, []).append(value)
    return {k: tuple(v) for k, v in found.items()}
