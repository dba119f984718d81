"""Healthy time-outs: stepping back on purpose instead of disappearing.

A time-out says why, for how long, from whom (someone, or everyone), and
what to tell them: a short, kind message that says when you will be back
(Closer drafts a few; the person edits and sends it themselves). On the
return date the time-out questions come up, and then a first step back
toward the person. A return that is later than planned is shown gently, as
"whenever you are ready", never as a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from closer.domain.errors import InvalidInput
from closer.domain.texts import written

MAX_TEXT = 2_000
MAX_DAYS = 180


class Stage(StrEnum):
    """Where a time-out is, on a given day."""

    PLANNED = "planned"  # starts later
    ONGOING = "ongoing"
    DUE = "due"  # the return date is today
    PAST_DUE = "past-due"  # later than planned: whenever you are ready
    RETURNED = "returned"


@dataclass(frozen=True, slots=True)
class TimeOut:
    """A deliberate step back, with a date to come back."""

    reason: str
    starts_on: date
    returns_on: date
    message: str
    created_at: datetime
    person_id: int | None = None
    returned_on: date | None = None
    reflection_id: int | None = None
    id: int | None = None
    person_name: str | None = field(default=None, compare=False)

    def stage(self, today: date) -> Stage:
        """Planned, ongoing, due today, past due, or returned."""
        if self.returned_on is not None:
            return Stage.RETURNED
        if today < self.starts_on:
            return Stage.PLANNED
        if today < self.returns_on:
            return Stage.ONGOING
        return Stage.DUE if today == self.returns_on else Stage.PAST_DUE

    def texts(self) -> list[str]:
        """Free text, for the safety check."""
        return [t for t in (self.reason, self.message) if t]


def new_timeout(
    *,
    reason: str,
    starts_on: date,
    returns_on: date,
    message: str = "",
    created_at: datetime,
    person_id: int | None = None,
) -> TimeOut:
    """A validated time-out: it ends after it starts, within six months."""
    if returns_on <= starts_on:
        raise InvalidInput(
            "Choose a return date after the day the time-out starts.",
            field="returns_on",
        )
    if (returns_on - starts_on).days > MAX_DAYS:
        raise InvalidInput(
            f"A time-out here lasts at most {MAX_DAYS} days; a shorter one, "
            "renewed if you need it, keeps the door open.",
            field="returns_on",
        )
    return TimeOut(
        reason=written(reason, "reason", MAX_TEXT, required=True),
        starts_on=starts_on,
        returns_on=returns_on,
        message=written(message, "message", MAX_TEXT),
        created_at=created_at,
        person_id=person_id,
    )


# Drafts of the message, in our words: kind, brief, and saying when. Each is
# (its greeting to one person, its greeting to several, the rest).
DRAFTS = (
    ("Hi {name}", "Hi everyone",
     "I need a few quiet days to myself. It isn't about anything you did. "
     "I'll be back in touch on {day}."),
    ("{name}", "Hello all",
     "I'm stepping back for a short while to sort my head out. I care about "
     "you, and I'll message you on {day}."),
    ("Hey {name}", "Hey all",
     "I'm taking a little time to recharge. Nothing is wrong between us. Can "
     "we talk on {day}?"),
)  # fmt: skip


def drafts(name: str | None, returns_on: date) -> list[str]:
    """Message drafts to edit and send yourself; Closer never sends anything.
    Without a name, they greet everyone ("Hello all"), never "everyone," alone."""
    day = f"{returns_on:%A} {returns_on.day} {returns_on:%B}"
    return [
        f"{(to_one.format(name=name) if name else to_all)}, {rest.format(day=day)}"
        for to_one, to_all, rest in DRAFTS
    ]


def note_for(timeout: TimeOut, today: date) -> str:
    """A gentle line about where the time-out stands."""
    stage = timeout.stage(today)
    if stage is Stage.PLANNED:
        return f"Starts on {timeout.starts_on:%d %b}."
    if stage is Stage.ONGOING:
        days = (timeout.returns_on - today).days
        plural = "s" if days != 1 else ""
        return f"{days} day{plural} to go, until {timeout.returns_on:%d %b}."
    if stage is Stage.DUE:
        return (
            "Today is the day you planned to come back. The questions below can help."
        )
    if stage is Stage.PAST_DUE:
        return "You planned to come back a little while ago. Whenever you are ready."
    return f"You came back on {timeout.returned_on:%d %b}."
