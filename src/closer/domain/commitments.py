"""Commitments: a plan or a promise with someone, for a day.

"Call Sam on Friday", "dinner with Ana on the 12th". Each is kept,
rescheduled (to a new day) or cancelled (by whom and why, if you like). The
kept rate counts only what came due and was settled, and is said plainly,
never as a grade.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from closer.domain.choices import one_of
from closer.domain.errors import InvalidInput

MAX_TEXT = 500


class Status(StrEnum):
    """Where a commitment stands."""

    PLANNED = "planned"
    KEPT = "kept"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"


class CancelledBy(StrEnum):
    """Who called it off."""

    ME = "me"
    THEM = "them"


@dataclass(frozen=True, slots=True)
class Commitment:
    """A plan or promise with someone, on a day."""

    person_id: int
    text: str
    due_on: date
    created_at: datetime
    status: Status = Status.PLANNED
    cancelled_by: CancelledBy | None = None
    reason: str = ""
    settled_at: datetime | None = None
    id: int | None = None
    person_name: str | None = field(default=None, compare=False)

    def texts(self) -> list[str]:
        """Free text, for the safety check."""
        return [t for t in (self.text, self.reason) if t]


def new_commitment(
    person_id: int, text: str, due_on: date, created_at: datetime
) -> Commitment:
    """A validated commitment."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput(
            "Write what you plan or promised, in a few words.", field="text"
        )
    if len(cleaned) > MAX_TEXT:
        raise InvalidInput(f"Keep it under {MAX_TEXT} characters.", field="text")
    return Commitment(
        person_id=person_id, text=cleaned, due_on=due_on, created_at=created_at
    )


def settle(
    commitment: Commitment,
    status: str,
    *,
    when: datetime,
    new_due: date | None = None,
    cancelled_by: str | None = None,
    reason: str = "",
) -> Commitment:
    """Kept, rescheduled to ``new_due``, or cancelled (by me or them, and why)."""
    chosen = one_of(Status, status, "status")
    if chosen is Status.PLANNED:
        raise InvalidInput(
            "Say whether it was kept, rescheduled or cancelled.", field="status"
        )
    if chosen is Status.RESCHEDULED:
        if new_due is None:
            raise InvalidInput(
                "Give the new day for a rescheduled plan.", field="new_due"
            )
        return replace(
            commitment,
            due_on=new_due,
            status=Status.PLANNED,
            reason=reason.strip(),
            settled_at=None,
        )
    by = one_of(CancelledBy, cancelled_by, "cancelled_by") if cancelled_by else None
    return replace(
        commitment,
        status=chosen,
        settled_at=when,
        reason=reason.strip()[:MAX_TEXT],
        cancelled_by=by if chosen is Status.CANCELLED else None,
    )


@dataclass(frozen=True, slots=True)
class KeptRate:
    """How many settled commitments were kept."""

    kept: int
    settled: int

    @property
    def sentence(self) -> str:
        """The count in words, without a grade."""
        if self.settled == 0:
            return "Once some plans have come and gone, you will see how many you kept."
        return f"You kept {self.kept} of the {self.settled} plans that came and went."


def kept_rate(commitments: list[Commitment]) -> KeptRate:
    """Kept among those kept or cancelled."""
    settled = [c for c in commitments if c.status in (Status.KEPT, Status.CANCELLED)]
    return KeptRate(sum(1 for c in settled if c.status is Status.KEPT), len(settled))


@dataclass(frozen=True, slots=True)
class MonthKept:
    """Plans that came and went in one month (by their day), and how many kept."""

    month: date  # the first day of the month
    kept: int
    settled: int

    @property
    def sentence(self) -> str:
        """The month in words, without a grade."""
        return f"{self.month.strftime('%B %Y')}: {self.kept} of {self.settled} kept."


def kept_by_month(commitments: list[Commitment]) -> list[MonthKept]:
    """The kept count month by month, oldest first; months without a plan that
    came and went are left out rather than shown as empty."""
    months: dict[date, list[Commitment]] = {}
    for item in commitments:
        if item.status in (Status.KEPT, Status.CANCELLED):
            months.setdefault(item.due_on.replace(day=1), []).append(item)
    return [
        MonthKept(month, *_counts(items)) for month, items in sorted(months.items())
    ]


def _counts(items: list[Commitment]) -> tuple[int, int]:
    rate = kept_rate(items)
    return rate.kept, rate.settled
