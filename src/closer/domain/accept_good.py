"""Accept a little more good: letting in a chosen share of the good that comes.

A person who feels undeserving tends to wave away kindness, praise and help.
The exercise: choose a small share of it to accept on purpose (around 5% to
start), live with it for a week or more, then raise it a little. The history
shows how far they have come, never what they did not do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from closer.domain.errors import InvalidInput
from closer.domain.scales import check_scale

START = 5
RAISE_BY = 5
SETTLE = timedelta(days=7)
MAX_NOTE = 1_000


@dataclass(frozen=True, slots=True)
class GoodShare:
    """The share of good things to accept on purpose, chosen at a time."""

    percent: int
    chosen_at: datetime
    note: str = ""
    id: int | None = None


def new_share(percent: int, chosen_at: datetime, note: str = "") -> GoodShare:
    """A validated share (1-100 %)."""
    checked = check_scale(percent, "percent", 1, 100)
    if checked is None:
        raise InvalidInput("Choose a share from 1 to 100 percent.", field="percent")
    if len(note.strip()) > MAX_NOTE:
        raise InvalidInput(
            f"The note can be at most {MAX_NOTE} characters.", field="note"
        )
    return GoodShare(percent=checked, chosen_at=chosen_at, note=note.strip())


@dataclass(frozen=True, slots=True)
class ShareSuggestion:
    """The share to try now, and why."""

    percent: int
    reason: str


def suggest_share(history: list[GoodShare], now: datetime) -> ShareSuggestion:
    """Start near 5%; after a week or more at a share, a little more.
    ``history`` newest first."""
    if not history:
        return ShareSuggestion(
            START, "Start small: let in about one good thing in twenty."
        )
    current = history[0]
    if now - current.chosen_at >= SETTLE and current.percent < 100:
        return ShareSuggestion(
            min(current.percent + RAISE_BY, 100),
            f"You have lived with {current.percent}% for a while; try a little more.",
        )
    return ShareSuggestion(
        current.percent,
        f"Stay with {current.percent}% for now; a week or so settles it.",
    )
